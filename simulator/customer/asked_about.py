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

from simulator.customer import cues
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize


def _last_question(t: Turn) -> str:
    return normalize(t.text.rsplit("¿", 1)[-1]) if "¿" in t.text else ""


def asks_noted(t: Turn) -> bool:
    """The turn's last question asks whether the customer noted (or can note) something."""
    return cues.contains_any(_last_question(t), cues.phrases("note_asks"))


def asks_doubt(t: Turn) -> bool:
    """The turn's last question asks what holds the customer back (a turn with no «¿» may)."""
    asked = _last_question(t) if "¿" in t.text else t.norm
    return cues.contains_any(asked, cues.phrases("doubt_asks"))
