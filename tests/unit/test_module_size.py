"""No module of the package grows past 400 lines: small modules whose names say what they hold
(docs/architecture.md). The failure names every module over the limit."""

from __future__ import annotations

from pathlib import Path

LIMIT = 400
PACKAGE = Path(__file__).resolve().parents[2] / "simulator"


def test_every_module_has_at_most_400_lines() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 100
    too_long = {
        str(path.relative_to(PACKAGE.parent)): n
        for path in modules
        if (n := len(path.read_text("utf-8").splitlines())) > LIMIT
    }
    assert not too_long, f"módulos de más de {LIMIT} líneas: {too_long}"
