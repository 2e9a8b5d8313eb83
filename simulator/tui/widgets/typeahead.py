"""An input that keeps what a fast typist types after Enter until the next field is known.

At sign-in, Enter on the name asks the services (in a worker) whether a PIN or a password comes
next; a typist who knows types it straight away. The app gives each key to the field that has the
focus when the key is routed, so the PIN typed behind the name went into the name field, in clear
(ux-c, session 17). This input handles Enter in its own key order and from then on holds the keys
it still receives, unseen, for the screen to put into the next field (``release``).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

ENTER = "\n"


class HoldingInput(Input):
    """An Input whose keys after Enter are held (not typed) until ``release()``."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.held: list[str] | None = None

    async def _on_key(self, event: events.Key) -> None:
        if self.held is not None:
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                self.held.append(ENTER)
            elif event.key == "backspace":
                if self.held and self.held[-1] != ENTER:
                    self.held.pop()
            elif event.is_printable and event.character:
                self.held.append(event.character)
            return
        if event.key == "enter":
            # in the field's own key order, so the value sent is every key typed before Enter
            event.stop()
            event.prevent_default()
            self.held = []
            await self.action_submit()
            return
        await super()._on_key(event)

    def release(self) -> str:
        """The keys held since Enter (Enter as ``ENTER``); the input types normally again."""
        text = "".join(self.held or [])
        self.held = None
        return text
