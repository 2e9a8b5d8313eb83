"""The design lives in the repository: code cites docs/*.md, never a file outside it.

Comments and docstrings point maintainers to ``docs/architecture.md`` and ``docs/formats.md``
(with a numbered section, ``docs/formats.md §4``). These tests fail when a file under
``simulator/``, ``tests/`` or ``bench/`` cites the design document that is not in the repository,
when a cited ``docs/…md`` file or section does not exist, or when the docs name a source file that
is gone.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SCANNED = ("simulator", "tests", "bench")
SKIP_DIRS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
BINARY = {".pyc", ".png", ".jpg", ".gif", ".db", ".sqlite", ".npy", ".npz", ".bin"}
OUTSIDE_DOC = b"DESIGN" + b".md"  # spelled in two parts so this file does not cite it
CITATION = re.compile(rb"docs/([\w.-]+\.md)((?:[ \t]*,?[ \t]*\xc2\xa7\d+(?:\.\d+)?)*)")
SECTION = re.compile(rb"\xc2\xa7(\d+(?:\.\d+)?)")
DOC_REF = re.compile(r"\b(architecture|formats)\.md((?:\s*,?\s*§\d+(?:\.\d+)?)+)")
CODE_PATH = re.compile(r"`([\w./-]+/[\w.-]+\.(?:py|yaml|md|json|jsonl|txt|tcss))`")


def _files() -> list[Path]:
    out = []
    for top in SCANNED:
        for path in (ROOT / top).rglob("*"):
            parts = path.relative_to(ROOT).parts
            if path.is_file() and path.suffix not in BINARY and not SKIP_DIRS.intersection(parts):
                out.append(path)
    return out


def _sections(doc: Path) -> set[str]:
    """Numbers of the ``## N.`` and ``### N.M`` headings of a doc."""
    found = re.findall(r"^#{2,3} (\d+(?:\.\d+)?)[. ]", doc.read_text("utf-8"), re.MULTILINE)
    return set(found)


def test_no_file_cites_a_design_document_outside_the_repository() -> None:
    offenders = [
        str(path.relative_to(ROOT)) for path in _files() if OUTSIDE_DOC in path.read_bytes()
    ]
    assert offenders == [], "cite docs/architecture.md or docs/formats.md instead"


def test_every_cited_doc_and_section_exists() -> None:
    missing = []
    cited = 0
    for path in _files():
        for match in CITATION.finditer(path.read_bytes()):
            cited += 1
            name = match.group(1).decode()
            doc = DOCS / name
            where = f"{path.relative_to(ROOT)}: docs/{name}"
            if not doc.is_file():
                missing.append(where)
                continue
            sections = _sections(doc)
            for number in SECTION.findall(match.group(2)):
                if number.decode() not in sections:
                    missing.append(f"{where} §{number.decode()}")
    assert missing == []
    assert cited >= 15  # the docstrings that used to cite the outside document


def test_cross_references_between_docs_exist() -> None:
    missing = []
    for doc in DOCS.glob("*.md"):
        for name, refs in DOC_REF.findall(doc.read_text("utf-8")):
            sections = _sections(DOCS / f"{name}.md")
            missing += [
                f"{doc.name}: {name}.md §{n}"
                for n in re.findall(r"§(\d+(?:\.\d+)?)", refs)
                if n not in sections
            ]
    assert missing == []


def test_source_files_named_in_the_docs_exist() -> None:
    missing = []
    for doc in DOCS.glob("*.md"):
        for rel in CODE_PATH.findall(doc.read_text("utf-8")):
            if not any((base / rel).exists() for base in (ROOT, ROOT / "simulator")):
                missing.append(f"{doc.name}: {rel}")
    assert missing == []
