"""YAML loading that remembers where every key and list item starts.

Authors (formadores) edit scenarios and personas by hand; an error must point at the line to fix.
The fast path parses with libyaml and no bookkeeping; only when a file is invalid do we parse it
again keeping the line of each key path (``("needs", 0, "statements")`` → line) so pydantic errors
can be reported as ``file:line: mensaje``. Every failure becomes a ``ContentError``.

Content files come from users (``--content-dir``, ``SIMULADOR_CONTENT_DIR``, the data folder), so
parsing is bounded: the file size, the nesting depth, the number of aliases (``*nombre``) and the
size of the data once every alias is expanded. An alias bomb («billion laughs») parses into a few
shared nodes, but everything after (validation, line bookkeeping) walks the expanded tree; it is
rejected right after parsing, in time linear in the file, with a Spanish ``archivo:línea``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from simulator.errors import ContentError

Loc = tuple[str | int, ...]

MAX_BYTES = 1_000_000
MAX_DEPTH = 40  # nested mappings/lists (a scenario needs about 6)
MAX_ALIASES = 500  # *alias uses, merge keys («<<: *base») included
MAX_NODES = 100_000  # values once every alias is expanded (the largest bundled file has ~2,000)

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[assignment]

# PyYAML problems (English) → Spanish explanations for authors.
_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("while scanning a quoted scalar", "comillas sin cerrar"),
    ("could not find expected ':'", "falta «:» después de una clave (¿texto sin comillas?)"),
    (
        "mapping values are not allowed",
        "aquí no se permite «:»; ponga el texto entre comillas si contiene «: »",
    ),
    (
        "cannot start any token",
        "hay un carácter no permitido (¿un tabulador?); sangre con espacios",
    ),
    ("found undefined alias", "alias (*nombre) no definido"),
    ("expected <block end>", "sangría inconsistente: revise los espacios al inicio de la línea"),
    ("did not find expected key", "sangría inconsistente o falta una clave"),
    ("did not find expected '-' indicator", "sangría inconsistente en una lista"),
    (
        "found unexpected end of stream",
        "el archivo termina antes de tiempo (¿comillas sin cerrar?)",
    ),
    ("found unknown escape character", "secuencia de escape desconocida dentro de comillas dobles"),
    ("but found another document", "el archivo contiene más de un documento YAML"),
    ("did not find expected node content", "falta un valor"),
    ("found duplicate anchor", "ancla (&nombre) repetida"),
    ("exceeded maximum nesting depth", "el archivo está anidado demasiado profundo"),
    ("did not find expected ',' or ']'", "lista entre corchetes sin cerrar (falta «]»)"),
    ("did not find expected ',' or '}'", "mapeo entre llaves sin cerrar (falta «}»)"),
    ("did not find expected comment or line break", "texto inesperado después de un valor"),
)


@dataclass
class LinedYaml:
    """Parsed data plus the 1-based line where each key path starts."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    duplicates: list[tuple[int, str]] = field(default_factory=list)

    def line_for(self, loc: Loc) -> int | None:
        """Line of the longest known prefix of ``loc`` (a missing key points at its parent)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


def _syntax_message(error: yaml.YAMLError) -> str:
    problem = str(getattr(error, "problem", "") or "")
    context = str(getattr(error, "context", "") or "")
    for needle, spanish in _PROBLEMS:
        if needle in problem or needle in context:
            return f"error de sintaxis YAML: {spanish}"
    detail = problem or context or "estructura no válida"
    return f"error de sintaxis YAML ({detail})"


def _syntax_line(error: yaml.YAMLError) -> int | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    context = str(getattr(error, "context", "") or "")
    if "quoted scalar" in context or context.startswith("while parsing a flow"):
        mark = getattr(error, "context_mark", None) or mark
    return None if mark is None else int(mark.line) + 1


def _unclosed_quote_line(text: str, upto: int) -> int | None:
    """First line before ``upto`` with an odd number of double quotes (likely left open)."""
    for number, line in enumerate(text.splitlines()[: max(upto - 1, 0)], start=1):
        if line.lstrip().startswith("#"):
            continue
        if (line.count('"') - line.count('\\"')) % 2:
            return number
    return None


def read_bounded(path: Path, shown: str) -> str:
    """Text of a content file, reading at most ``MAX_BYTES`` + 1 bytes (``/dev/zero`` or a huge
    file cannot exhaust memory); OSError (missing, unreadable, symlink loop) propagates."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    return decode(raw, shown)


def decode(raw: bytes, path: str) -> str:
    """Bytes of a content file → text, with Spanish errors for size and encoding."""
    if len(raw) > MAX_BYTES:
        raise ContentError(f"el archivo es demasiado grande (más de {MAX_BYTES} bytes)", path=path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError("el archivo no está en UTF-8", path=path, line=line) from None


def _compose(text: str, path: str) -> tuple[Any, Any]:
    """(root node, data) of a single-document YAML text; any failure is a ContentError."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            check_bounds(node, path)
        data = None if node is None else loader.construct_document(node)
        return node, data
    except yaml.YAMLError as error:
        line = _syntax_line(error)
        opened = _unclosed_quote_line(text, line) if line is not None else None
        if opened is not None:
            raise ContentError(
                "error de sintaxis YAML: comillas sin cerrar", path=path, line=opened
            ) from None
        raise ContentError(_syntax_message(error), path=path, line=line) from None
    except ContentError:
        raise
    except RecursionError:
        raise ContentError("el archivo está anidado demasiado profundo", path=path) from None
    except Exception as error:  # noqa: BLE001 - e.g. ValueError from an impossible date
        raise ContentError(f"valor YAML no válido ({error})", path=path) from None
    finally:
        loader.dispose()


def check_bounds(root: Any, path: str) -> None:
    """Reject a composed document that is too deep, uses too many aliases, expands too much, or
    refers to itself; linear in the number of distinct nodes (shared ones are measured once).
    Recursion is safe: it never goes deeper than ``MAX_DEPTH``."""
    measured: dict[int, tuple[int, int]] = {}  # id(node) -> (expanded values, expanded depth)
    on_path: set[int] = set()
    aliases = 0

    def fail(message: str, line: int) -> ContentError:
        return ContentError(message, path=path, line=line)

    def visit(node: Any, line: int, level: int) -> tuple[int, int]:
        nonlocal aliases
        key = id(node)
        known = measured.get(key)
        if known is not None:  # a node met again: an alias use
            aliases += 1
            if aliases > MAX_ALIASES:
                raise fail(f"el archivo usa más de {MAX_ALIASES} alias (*nombre)", line)
            if level + known[1] > MAX_DEPTH:
                raise fail(f"el archivo está anidado a más de {MAX_DEPTH} niveles", line)
            return known
        if key in on_path:
            raise fail(
                "un alias (*nombre) apunta a su propia ancla (&nombre): estructura circular", line
            )
        if level >= MAX_DEPTH:
            raise fail(f"el archivo está anidado a más de {MAX_DEPTH} niveles", line)
        size, depth = 1, 0
        value = node.value
        if isinstance(node, yaml.MappingNode):
            on_path.add(key)
            for key_node, value_node in value:
                used = int(key_node.start_mark.line) + 1
                for child in (key_node, value_node):
                    child_size, child_depth = visit(child, used, level + 1)
                    size += child_size
                    depth = max(depth, child_depth)
            on_path.discard(key)
        elif isinstance(node, yaml.SequenceNode):
            on_path.add(key)
            used = int(node.start_mark.line) + 1
            for child in value:
                child_size, child_depth = visit(child, used, level + 1)
                size += child_size
                depth = max(depth, child_depth)
            on_path.discard(key)
        if size > MAX_NODES:
            limit = f"{MAX_NODES:_}".replace("_", " ")
            raise fail(
                f"el archivo se expande a más de {limit} valores al repetir alias (*nombre) "
                "anidados; simplifíquelo",
                line,
            )
        measured[key] = (size, depth + 1)
        return measured[key]

    visit(root, int(root.start_mark.line) + 1, 0)


def parse_yaml(text: str, path: str) -> Any:
    """Parse quickly (no line bookkeeping); syntax errors raise ``ContentError`` with the line."""
    return _compose(text, path)[1]


def parse_yaml_lines(text: str, path: str) -> LinedYaml:
    """Parse keeping the line of every key path and list item, and spotting duplicated keys."""
    node, data = _compose(text, path)
    doc = LinedYaml(data=data)
    if node is None:
        return doc
    doc.lines[()] = int(node.start_mark.line) + 1
    stack: list[tuple[Any, Loc]] = [(node, ())]
    while stack:
        current, loc = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in current.value:
                key: str | int = (
                    str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                )
                line = int(key_node.start_mark.line) + 1
                if isinstance(key, str) and key in seen and key != "<<":
                    doc.duplicates.append((line, key))
                seen.add(str(key))
                doc.lines.setdefault((*loc, key), line)
                stack.append((value_node, (*loc, key)))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                doc.lines.setdefault((*loc, index), int(item.start_mark.line) + 1)
                stack.append((item, (*loc, index)))
    return doc


def format_loc(loc: Loc) -> str:
    """``("needs", 0, "statements")`` → ``needs[0].statements``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
