"""Safe display of user- and file-supplied text (names, transcripts, content, errors).

Such text must never be read as markup (a trainee called «[/]» would crash every screen that shows
the name) nor reach the terminal with its control sequences (``\\x1b[31m`` in a transcript would
repaint the user's terminal). ``clean`` drops control sequences and characters; ``escape_rich``
and ``escape_textual`` also neutralise markup, for Rich console markup (CLI, ``Text.from_markup``,
DataTable/RichLog strings) and Textual content markup (``Static``, ``Label``, notifications,
``OptionList``) — the two engines parse brackets differently, so each has its own escaper.
Headless: no Textual import, Rich only inside ``escape_rich``.
"""

from __future__ import annotations

import re

# ANSI/VT sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), other ESC-introduced
# sequences (DCS, SOS, PM, APC strings and two-character escapes), and their 8-bit C1 forms.
_SEQUENCES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?          # CSI
    | (?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC
    | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?  # DCS SOS PM APC
    | \x1b[ -/]*[0-~]?                           # other escapes
    """,
    re.VERBOSE,
)
# What is left: C0 controls but tab and newline, DEL, C1 controls, and the bidirectional
# overrides/isolates that can make text read differently from what it is.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: object) -> str:
    """``text`` as a string without terminal control sequences or control characters.

    Tabs and newlines stay; a carriage return becomes a newline (``\\r\\n`` one newline).
    """
    value = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _SEQUENCES.sub("", value))


def escape_rich(text: object) -> str:
    """``clean(text)`` escaped for Rich console markup (``console.print``, ``Text.from_markup``)."""
    from rich.markup import escape

    return escape(clean(text))


def escape_textual(text: object) -> str:
    """``clean(text)`` escaped for Textual content markup (``Static``, ``notify``, ``Option``).

    Textual reads every ``[`` as the start of a tag unless a backslash precedes it, and leaves
    other backslashes as they are; a backslash at the very end would escape the tag that follows
    the text, so it is followed by an invisible word joiner.
    """
    value = clean(text).replace("[", "\\[")
    return value + "\u2060" if value.endswith("\\") else value
