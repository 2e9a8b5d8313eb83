"""The patterns of ``/si PATRÓN => RESPUESTA`` in call scripts: a safe subset of regular expressions.

Scripts are written by trainers and shared, so a pattern is untrusted input. Python's ``re`` has
no timeout, and a pattern such as ``(a?){30}a{30}`` or ``(x+x+)+y`` backtracks for minutes. So a
``/si`` pattern is not handed to ``re``: it is parsed here into the few things scripts use,

    texto literal   cuanto cuesta          (``\\`` before a sign makes it literal: ``\\?``)
    alternativas    cuesta|sale            (anywhere, also inside parentheses)
    grupos          (lo|los) anoto
    opcional        5,?499   (me )?roban    (``?`` after one character or a group)
    cualquier cosa  hermano.*debe          (``.*``)
    límite palabra  si\\b                   (``\\b``)

and everything else (``+``, ``*`` alone, ``{n}``, ``[...]``, ``^``, ``$``, ``.`` alone, other
escapes) is refused with a Spanish reason. Within that subset a pattern stands for a finite set
of ordered literal pieces (``.*`` separates pieces), at most ``MAX_VARIANTS`` of them, so it is
matched with ``str.find`` in time linear in the text: no backtracking, no runaway. Every such
pattern means what it meant as a regular expression (``re.search``), so existing scripts keep
working. Documented in docs/formats.md §6.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MAX_PATTERN_CHARS = 300
MAX_VARIANTS = 512
MAX_DEPTH = 16

_GAP = "\x00gap"  # ``.*``
_BOUNDARY = "\x00b"  # ``\b``
_SPECIAL = set("()|?*+{}[]^$.\\")


class PatternError(ValueError):
    """A pattern outside the safe subset; ``reason`` is a message key with its values."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Piece:
    """A literal that must appear, with word-boundary checks at its start and end."""

    text: str
    boundary_before: bool = False
    boundary_after: bool = False


Variant = tuple[Piece, ...]
_Tokens = tuple[str, ...]


def _product(left: set[_Tokens], right: set[_Tokens]) -> set[_Tokens]:
    if len(left) * len(right) > MAX_VARIANTS:
        raise PatternError("rule_too_many", max=MAX_VARIANTS)
    return {a + b for a in left for b in right}


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.pos = 0

    def parse(self) -> set[_Tokens]:
        result = self._alternatives(0)
        if self.pos < len(self.pattern):  # only an unmatched ``)`` stops the top level early
            raise PatternError("rule_parens")
        return result

    def _alternatives(self, depth: int) -> set[_Tokens]:
        if depth > MAX_DEPTH:
            raise PatternError("rule_too_deep", max=MAX_DEPTH)
        options = self._sequence(depth)
        while self.pos < len(self.pattern) and self.pattern[self.pos] == "|":
            self.pos += 1
            options = options | self._sequence(depth)
            if len(options) > MAX_VARIANTS:
                raise PatternError("rule_too_many", max=MAX_VARIANTS)
        return options

    def _sequence(self, depth: int) -> set[_Tokens]:
        result: set[_Tokens] = {()}
        literal = ""  # a run of plain characters is one token (cheap expansion)
        while self.pos < len(self.pattern) and self.pattern[self.pos] not in "|)":
            item = self._item(depth)
            optional = self.pos < len(self.pattern) and self.pattern[self.pos] == "?"
            if not optional and len(item) == 1:
                (tokens,) = item
                if len(tokens) == 1 and tokens[0] not in (_GAP, _BOUNDARY):
                    literal += tokens[0]
                    continue
            if literal:
                result, literal = _product(result, {(literal,)}), ""
            if optional:
                self.pos += 1
                if item == {(_GAP,)} or item == {(_BOUNDARY,)}:
                    raise PatternError("rule_unsupported", char="?")
                item = item | {()}
            result = _product(result, item)
        if literal:
            result = _product(result, {(literal,)})
        return result

    def _item(self, depth: int) -> set[_Tokens]:
        pattern, pos = self.pattern, self.pos
        char = pattern[pos]
        if char == "(":
            self.pos += 1
            if pattern.startswith("?:", self.pos):  # a non-capturing group is the same here
                self.pos += 2
            inner = self._alternatives(depth + 1)
            if self.pos >= len(pattern) or pattern[self.pos] != ")":
                raise PatternError("rule_parens")
            self.pos += 1
            return inner
        if char == ".":
            if pattern.startswith(".*", pos):
                self.pos += 2
                if self.pos < len(pattern) and pattern[self.pos] in "?+":  # .*? .*+ mean .*
                    self.pos += 1
                return {(_GAP,)}
            raise PatternError("rule_unsupported", char=".")
        if char == "\\":
            if pos + 1 >= len(pattern):
                raise PatternError("rule_unsupported", char="\\")
            escaped = pattern[pos + 1]
            self.pos += 2
            if escaped == "b":
                return {(_BOUNDARY,)}
            if escaped.isalnum() or escaped == "_":
                raise PatternError("rule_unsupported", char=f"\\{escaped}")
            return {(escaped,)}
        if char in _SPECIAL:
            raise PatternError("rule_unsupported", char=char)
        self.pos += 1
        return {(char,)}


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _variant(tokens: _Tokens) -> Variant | None:
    """The pieces of one expansion, or None when it can never match (``a\\bb``)."""
    chunks: list[list[str]] = [[]]
    for token in tokens:
        if token == _GAP:
            chunks.append([])
        else:
            chunks[-1].append(token)
    pieces: list[Piece] = []
    for chunk in chunks:
        text, before, after, pending = "", False, False, False
        for token in chunk:
            if token == _BOUNDARY:
                if text:
                    pending = True
                else:
                    before = True
                continue
            if pending:  # a boundary between two known characters: decided right now
                if _is_word(text[-1]) == _is_word(token[0]):
                    return None
                pending = False
            text += token
        after = pending
        if text or before or after:
            pieces.append(Piece(text, before, after))
    return tuple(pieces)


@dataclass(frozen=True)
class RulePattern:
    """A compiled ``/si`` pattern: matches if any variant's pieces appear in order."""

    source: str
    variants: tuple[Variant, ...]

    def search(self, text: str) -> bool:
        """True when the pattern occurs in ``text`` (the meaning of ``re.search``)."""
        return any(_occurs(variant, text) for variant in self.variants)


def _boundary_at(text: str, index: int) -> bool:
    before = index > 0 and _is_word(text[index - 1])
    after = index < len(text) and _is_word(text[index])
    return before != after


def _find(text: str, piece: Piece, start: int) -> int:
    """End of the first occurrence of ``piece`` at or after ``start`` (or -1)."""
    needle, size = piece.text, len(piece.text)
    while True:
        index = text.find(needle, start)
        if index < 0:
            return -1
        if (not piece.boundary_before or _boundary_at(text, index)) and (
            not piece.boundary_after or _boundary_at(text, index + size)
        ):
            return index + size
        start = index + 1


def _occurs(variant: Variant, text: str) -> bool:
    # The earliest end of each piece leaves the most room for the next one, so this greedy scan
    # finds a match whenever one exists.
    position = 0
    for piece in variant:
        position = _find(text, piece, position)
        if position < 0:
            return False
    return True


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> RulePattern:
    """The pattern compiled, or ``PatternError`` (too long, too many variants, unsupported)."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise PatternError("rule_too_long", max=MAX_PATTERN_CHARS)
    variants = {_variant(tokens) for tokens in _Parser(pattern).parse()}
    kept = tuple(sorted((v for v in variants if v is not None), key=len))
    return RulePattern(pattern, kept)
