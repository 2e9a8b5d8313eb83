"""An answer to an objection that brushes it aside is no answer.

Blind panel L (session 19, helper score-k) read «Maneja objeciones: cumplido» and «Atendió la
objeción» for a weak agent's pressure: «Pero el Nova es mejor, hágame caso», «No, no, espérese,
con el técnico se arregla», «Pues espérese a que vaya el técnico», «Es lo que hay», and «Sí, ya
quedó. ¿Nombre del titular?» after «Ya no les creo nada». The verdicts were right (the calls
failed on other elements) but the evidence taught the wrong lesson. An agent turn is a brush-off
when one of its sentences dismisses the objection (cue list ``brushoff``), or when, apart from a
closed question, it says no more than a bare «sí, ya quedó» without empathy, a reflection or a
fact.

Blind panel O (session 22, helper s1) read «Maneja objeciones: cumplido» and «Atendió la
objeción» for answers that only vouch for themselves: «No se preocupe, esto es del banco, es
seguro» to a customer whose colleague was robbed by phone, «No hay truco… es muy completo» to
«dígame las exclusiones», «Somos una empresa seria, confíe». Such a turn answers nothing unless
it also acknowledges the worry (empathy, a reflection) or gives a ground the customer can check
(«nunca le vamos a pedir su NIP», «puede colgar y marcar al número oficial», a folio).
"""

from __future__ import annotations

import re

from simulator.scoring import text as tx
from simulator.scoring.context import CallContext

_SENTENCES = re.compile(r"[^.!?¿]+[.!?]?")
_QUESTION = re.compile(r"¿[^?]*\?|[^.!?¿]*\?")
BARE_WORDS = 3
CONTENT = ("empathy", "paraphrase", "feature", "benefit")


def dismisses(text: str) -> bool:
    """One sentence of ``text`` brushes the customer's objection aside."""
    cue = tx.cue("brushoff")
    return any(cue.search(tx.fold(s)) for s in _SENTENCES.findall(text) if s.strip())


def bare(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` says, beside its questions, at most a bare «sí, ya quedó»."""
    if ctx.has(n, *CONTENT, "open_question") or ctx.amounts(n):
        # an open question explores the objection (the E of LAER: «Ya veo. ¿Qué le gustaría
        # mejorar?»); a bare closed question moves on without hearing it
        return False
    said = tx.fold(_QUESTION.sub(" ", ctx.text(n))).split()
    # a question alone moves the solution on for a customer in a hurry («¿Mañana o tarde?»,
    # panel y-08, excellent); «Sí, ya quedó. ¿Su nombre?» answers «ya no les creo» with nothing
    return 0 < len(said) <= BARE_WORDS


def reassures_only(ctx: CallContext, n: int) -> bool:
    """Agent turn ``n`` answers with an empty reassurance (cue list ``empty_reassurance``): no
    empathy or reflection, no ground the customer can check (``reassurance_ground``)."""
    if ctx.has(n, "empathy", "paraphrase"):
        return False
    folded = ctx.folded[n - 1]
    if tx.cue("reassurance_ground").search(folded):
        return False
    cue = tx.cue("empty_reassurance")
    return any(cue.search(tx.fold(s).strip()) for s in _SENTENCES.findall(ctx.text(n)) if s.strip())
