"""What the agent's last question asks about, where a stock answer would miss it.

- «¿Tiene dónde anotar el folio?» or «¿Lo pudo anotar?» is about the note, not about the
  customer's life: a persona's stock no («No, nunca. ¿Usted sí?», «No, fíjese que no. Aunque mi
  comadre sí») answers nothing there (blind panel K xd-01, xa-01); the answer is ``note_taken``.
- After «todavía no me decido», only a question about what holds it back («¿cuál es su duda?»)
  gets its doubt or «ninguna duda»; «¿qué fue lo que más le afectó aquella vez?» does not
  (panel K xd-05).

The phrases are data in es/brain.yaml (``note_asks``, ``doubt_asks``).
"""

from __future__ import annotations

import re

from simulator.customer import cues
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

_DICTATED = re.compile(r"\d[\d\s.-]{2,}\d")  # a folio or number dictated before the question


def _last_question(t: Turn) -> str:
    return normalize(t.text.rsplit("¿", 1)[-1]) if "¿" in t.text else ""


def asks_noted(t: Turn) -> bool:
    """The turn's last question asks whether the customer noted (or can note) something."""
    return cues.contains_any(_last_question(t), cues.phrases("note_asks"))


def asks_ready_to_note(t: Turn) -> bool:
    """«¿Tiene dónde anotar?» with nothing dictated yet (in the turn or before): the customer gets ready
    (``note_ready``), it has noted nothing yet."""
    if not cues.contains_any(_last_question(t), cues.phrases("note_ready_asks")):
        return False
    before = t.text.rsplit("¿", 1)[0]
    return not _DICTATED.search(before) and "folio_given" not in t.s.facts_heard


def asks_doubt(t: Turn) -> bool:
    """The turn's last question asks what holds the customer back (a turn with no «¿» may)."""
    asked = _last_question(t) if "¿" in t.text else t.norm
    return cues.contains_any(asked, cues.phrases("doubt_asks"))
