"""One keyboard rule for every form and dialog: Enter submits, Escape cancels.

Inputs already submit with Enter (``Input.Submitted``) and buttons press with it; a ``RadioSet``
kept Enter to itself, so a trainee who chose the mode and pressed Enter stayed in the dialog.
``ChoiceSet`` is a ``RadioSet`` whose Enter on the option already chosen submits the form
(``ChoiceSet.Submitted``); on another option it chooses it, as before. Space only chooses.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import RadioSet


def keys_hint(verb: str) -> str:
    """What a dialog says next to its buttons (a modal has no footer of its own)."""
    return f"Enter: {verb}\nEsc: cancelar"


class ChoiceSet(RadioSet):
    """A radio set in a form: Enter on the chosen option submits the form."""

    BINDINGS = [Binding("enter", "choose_or_submit", "Elegir", show=False)]

    class Submitted(Message):
        """Enter on the option already chosen: the form wants to be submitted."""

        def __init__(self, choice_set: ChoiceSet) -> None:
            super().__init__()
            self.choice_set = choice_set

        @property
        def control(self) -> ChoiceSet:
            return self.choice_set

    def action_choose_or_submit(self) -> None:
        highlighted = self._selected
        if highlighted is None or self._nodes[highlighted] is self.pressed_button:
            self.post_message(self.Submitted(self))
            return
        self.action_toggle_button()
