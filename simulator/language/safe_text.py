"""Make user- and file-supplied text safe to show in a terminal (CLI) or in the TUI.

Transcripts, names, scripts and content files are written by people (and by ASR engines) that do
not know, or do not care, that ``[/inaudible]`` is Rich/Textual markup and ``\\x1b[31m`` a
terminal command. Every such string goes through this module before it is printed:

- ``strip_controls`` removes terminal escape sequences (CSI, OSC, …), C0/C1 control characters and
  the Unicode bidirectional overrides that can make text read differently from what it is; line
  breaks and tabs are kept (or turned into spaces for one-line places).
- ``escape_markup`` escapes ``[`` so the text never opens, closes or styles anything, in Rich
  *and* in Textual markup (Textual accepts tags Rich does not, such as ``[$accent]`` or
  ``[B]``, so every ``[`` is escaped, not only Rich's tag-like ones). A trailing backslash is
  doubled so it cannot escape a tag that follows the inserted text.
- ``safe_markup`` does both; ``shorten`` bounds a string quoted in a message.

Headless (no Rich, no Textual) and cheap: one regex pass and one ``str.translate``.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings (ESC ] … BEL or ST),
# and two-character escapes (ESC + one byte). The 8-bit C1 forms (0x9b CSI, 0x9d OSC…) too.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?              # CSI … final byte
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])     # OSC, DCS, SOS, PM, APC …
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?        # … up to BEL or ST (or the end)
    | \x1b[ -/]*[0-~]?                             # any other ESC sequence
    """,
    re.VERBOSE,
)

# C0 (but \t \n \r), DEL, C1 and the bidi embedding/override/isolate controls are dropped.
_DROPPED = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]
_DROPPED += [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_KEEP_LINES = {code: None for code in _DROPPED} | {0x2028: "\n", 0x2029: "\n"}
_ONE_LINE = _KEEP_LINES | {0x09: " ", 0x0A: " ", 0x2028: " ", 0x2029: " "}

_TAG_START = re.compile(r"(\\*)\[")


def strip_controls(text: str, *, newlines: bool = True) -> str:
    """``text`` without terminal escape sequences and control characters.

    With ``newlines`` (the default) line breaks and tabs are kept (``\\r\\n`` and a lone ``\\r``
    become ``\\n``); without it they become spaces, for one-line places such as a table cell or
    a name.
    """
    if text.isprintable():  # the common case: nothing to remove (isprintable is False for \n)
        return text
    text = _ESCAPES.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_KEEP_LINES if newlines else _ONE_LINE)


def escape_markup(text: str) -> str:
    """``text`` that Rich and Textual markup show exactly as written (never as a tag)."""
    if "[" in text:
        # Backslashes right before ``[`` are doubled and one more escapes the bracket, so the
        # parser neither treats the bracket as a tag nor eats the user's backslashes.
        text = _TAG_START.sub(lambda m: m.group(1) * 2 + "\\[", text)
    if text.endswith("\\") and (len(text) - len(text.rstrip("\\"))) % 2:
        text += "\\"
    return text


def safe_markup(text: object, *, newlines: bool = True) -> str:
    """``str(text)`` stripped of control sequences and escaped, ready to embed in markup."""
    return escape_markup(strip_controls(str(text), newlines=newlines))


def shorten(text: str, limit: int = 80) -> str:
    """``text`` cut to at most ``limit`` characters (with «…»), for quoting input in a message."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)] + "…"


def clean(text: object) -> str:
    """``str(text)`` without control sequences or characters (tabs and newlines stay)."""
    return strip_controls(str(text))


def escape_rich(text: object) -> str:
    """``clean(text)`` escaped with Rich's own escaper (``console.print``, ``Text.from_markup``)."""
    from rich.markup import escape

    return escape(clean(text))


def escape_textual(text: object) -> str:
    """``clean(text)`` escaped for Textual content markup (``Static``, ``notify``, ``Option``).

    Textual reads every ``[`` as the start of a tag unless a backslash precedes it, and leaves
    other backslashes as they are; a backslash at the very end would escape the tag that follows
    the text, so it is followed by an invisible word joiner (doubling it would show two).
    """
    value = clean(text).replace("[", "\\[")
    return value + "\u2060" if value.endswith("\\") else value
