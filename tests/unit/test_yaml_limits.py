"""Hostile YAML in user content: alias bombs, deep nesting, cycles, huge files and symlink loops
are refused with a Spanish ``archivo:línea: mensaje`` (exit code 2), in bounded time and memory.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator import datafiles
from simulator.content.library import content_dirs, load_library, validate_dirs
from simulator.content.yaml_lines import (
    MAX_ALIASES,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NODES,
    parse_yaml,
    read_bounded,
)
from simulator.errors import ContentError

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def bomb(width: int, levels: int) -> str:
    """A «billion laughs» persona: each level is a list of ``width`` aliases of the level below."""
    lines = ["id: bomba", "name: Bomba", f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels + 1):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def expanded(width: int, levels: int) -> int:
    """Values in the bomb once every alias is expanded (lists and scalars)."""
    size, total = 1 + width, 1 + width
    for _ in range(levels):
        size = 1 + width * size
        total += size
    return total


@FUZZ
@given(width=st.integers(2, 12), levels=st.integers(1, 12))
def test_alias_bombs_are_refused_with_a_line_or_parsed_when_small(width: int, levels: int) -> None:
    text = bomb(width, levels)
    if expanded(width, levels) > MAX_NODES or width * levels > MAX_ALIASES:
        with pytest.raises(ContentError) as caught:
            parse_yaml(text, "bomba.persona.yaml")
        assert caught.value.line is not None
        assert str(caught.value).startswith(f"bomba.persona.yaml:{caught.value.line}: ")
        assert "alias" in str(caught.value)
    elif expanded(width, levels) < MAX_NODES // 2:
        assert parse_yaml(text, "bomba.persona.yaml") == yaml.safe_load(text)


def test_the_reported_bombs_end_at_once() -> None:
    # 9 levels of 9 (the 8.5 KB persona of the report took 45 s and 2.2 GB) and one level deeper.
    for levels in (9, 10, 30):
        with pytest.raises(ContentError, match="alias"):
            parse_yaml(bomb(9, levels), "p.persona.yaml")


@FUZZ
@given(depth=st.integers(1, 3 * MAX_DEPTH), flow=st.booleans())
def test_nesting_depth_is_bounded(depth: int, flow: bool) -> None:
    if flow:
        text = "x: " + "[" * depth + "1" + "]" * depth + "\n"
    else:
        text = "".join(f"{'  ' * i}k{i}:\n" for i in range(depth)) + f"{'  ' * depth}v: 1\n"
    if depth + 2 > MAX_DEPTH:
        with pytest.raises(ContentError, match="anidado"):
            parse_yaml(text, "deep.scenario.yaml")
    elif depth + 2 < MAX_DEPTH:
        assert parse_yaml(text, "deep.scenario.yaml") == yaml.safe_load(text)


def test_a_deep_alias_use_counts_its_expanded_depth() -> None:
    inner = "[" * (MAX_DEPTH - 5) + "1" + "]" * (MAX_DEPTH - 5)
    text = f"a: &a {inner}\nb: [[[[[[[[[[*a]]]]]]]]]]\n"
    with pytest.raises(ContentError, match="anidado"):
        parse_yaml(text, "x.persona.yaml")


@pytest.mark.parametrize("text", ["x: &a [*a]\n", "x: &a {k: *a}\n", "x: &a [1, [2, *a]]\n"])
def test_self_referencing_aliases_are_refused(text: str) -> None:
    with pytest.raises(ContentError, match="circular") as caught:
        parse_yaml(text, "c.persona.yaml")
    assert caught.value.line == 1


@FUZZ
@given(count=st.integers(1, 3 * MAX_ALIASES))
def test_alias_count_is_bounded(count: int) -> None:
    text = "base: &b hola\nlist:\n" + "".join("  - *b\n" for _ in range(count))
    if count > MAX_ALIASES:
        with pytest.raises(ContentError, match="alias"):
            parse_yaml(text, "a.persona.yaml")
    else:
        assert parse_yaml(text, "a.persona.yaml")["list"] == ["hola"] * count


@FUZZ
@given(text=st.text(alphabet=st.sampled_from(list("&*ab:[]{}-, \n'\"!#|>%@`\t")), max_size=300))
def test_any_text_parses_or_raises_content_error(text: str) -> None:
    try:
        parse_yaml(text, "f.persona.yaml")
    except ContentError as error:
        assert str(error).startswith("f.persona.yaml")


def test_files_are_read_with_a_size_bound(tmp_path: Path) -> None:
    big = tmp_path / "big.persona.yaml"
    big.write_bytes(b"# " + b"x" * (MAX_BYTES + 10))
    with pytest.raises(ContentError, match="demasiado grande"):
        read_bounded(big, "big.persona.yaml")
    if Path("/dev/zero").exists():
        with pytest.raises(ContentError, match="demasiado grande"):
            read_bounded(Path("/dev/zero"), "/dev/zero")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loops_and_broken_links_in_content_are_reported(tmp_path: Path) -> None:
    (tmp_path / "loop.persona.yaml").symlink_to("loop.persona.yaml")
    (tmp_path / "roto.scenario.yaml").symlink_to("no-existe.yaml")
    (tmp_path / "bomba.persona.yaml").write_text(bomb(9, 9), encoding="utf-8")
    files, issues = validate_dirs([tmp_path])
    messages = {Path(i.path).name: i.message for i in issues}
    assert "enlace simbólico circular" in messages["loop.persona.yaml"]
    assert "enlace simbólico roto" in messages["roto.scenario.yaml"]
    assert "alias" in messages["bomba.persona.yaml"]
    library = load_library([tmp_path])
    with pytest.raises(ContentError) as caught:
        library.persona("bomba")
    assert caught.value.exit_code == 2
    looped = tmp_path / "carpeta"
    looped.symlink_to("carpeta")
    with pytest.raises(ContentError, match="enlace simbólico circular"):
        content_dirs([looped])


def test_cli_reports_a_bomb_persona_with_exit_code_2(tmp_path: Path) -> None:
    (tmp_path / "bomba.persona.yaml").write_text(bomb(9, 10), encoding="utf-8")
    env = {**os.environ, "SIMULADOR_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "simulator.cli", "content", "validate", str(tmp_path)],
        capture_output=True, text=True, check=False, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert "bomba.persona.yaml:" in result.stdout
    assert "alias" in result.stdout
    assert "Traceback" not in result.stderr


def test_bundled_data_files_parse_the_same_with_the_fallback_loader() -> None:
    # datafiles uses libyaml when PyYAML has it; the pure-Python fallback must read the same data.
    if yaml.__with_libyaml__:
        assert datafiles.SafeLoader is yaml.CSafeLoader
    root = Path(datafiles.__file__).parent
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text("utf-8")
        assert datafiles.parse(text) == yaml.load(text, Loader=yaml.SafeLoader), path
