"""The cross-process regex cache gives the very patterns ``re.compile`` gives, and is never stale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.analysis import lexicon
from simulator.language import regex_cache


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SIMULADOR_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv(regex_cache.ENV_OFF, raising=False)
    regex_cache.reset()
    yield tmp_path
    regex_cache.reset()


SAMPLES = [
    "buenas tardes, ¿en qué le puedo ayudar?",
    "no me interesa, ya tengo otro proveedor",
    "me parece caro, ¿tiene algo más barato?",
    "sí, claro, adelante",
]


def _lexicon_patterns() -> list[str]:
    lexicon.agent_patterns.cache_clear()
    lexicon.customer_patterns.cache_clear()
    lexicon.objection_patterns.cache_clear()
    pats = [p.pattern for p in lexicon.agent_patterns().values()]
    pats += [p.pattern for p in lexicon.customer_patterns().values()]
    pats += [p.pattern for _, p in lexicon.objection_patterns()]
    return pats


def test_restored_patterns_equal_re_compile_for_every_lexicon_pattern(cache_dir: Path) -> None:
    """Loud check of the private layout relied on (``_sre.compile`` with the code list): CPython
    compares pattern objects by flags, text and compiled code."""
    patterns = _lexicon_patterns()
    assert len(patterns) > 50
    for pattern in patterns:
        assert regex_cache.compile(pattern) == re.compile(pattern)
    assert not regex_cache._broken, "the private _sre layout changed: the cache is off"
    regex_cache.flush()
    files = list(cache_dir.glob("regex-*.marshal"))
    assert len(files) == 1
    regex_cache.reset()  # a new process: everything comes from the file
    for pattern in patterns:
        restored = regex_cache.compile(pattern)
        assert restored == re.compile(pattern)
        for text in SAMPLES:
            got, want = restored.search(text), re.compile(pattern).search(text)
            assert (got and got.span()) == (want and want.span())
    assert not regex_cache._dirty, "every pattern should have come from the cache"


def test_an_edited_pattern_is_never_served_stale(cache_dir: Path) -> None:
    old = regex_cache.compile(r"(?:no me interesa)")
    regex_cache.flush()
    regex_cache.reset()
    new = regex_cache.compile(r"(?:no me interesa|ya tengo)")
    assert new.search("ya tengo") and not old.search("ya tengo")
    assert regex_cache._dirty


def test_a_corrupt_cache_file_falls_back_and_is_rewritten(cache_dir: Path) -> None:
    regex_cache.compile(r"hola|buenas")
    regex_cache.flush()
    target = next(cache_dir.glob("regex-*.marshal"))
    target.write_bytes(b"\x00garbage")
    regex_cache.reset()
    assert regex_cache.compile(r"hola|buenas").search("buenas")
    regex_cache.flush()
    regex_cache.reset()
    assert regex_cache.compile(r"hola|buenas") == re.compile(r"hola|buenas")
    assert not regex_cache._dirty


def test_the_switch_turns_the_cache_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(regex_cache.ENV_OFF, "0")
    regex_cache.compile(r"adios")
    regex_cache.flush()
    assert not list(cache_dir.glob("regex-*"))


@given(st.text(alphabet="abcñ()|?*+.[]^$\\ ", max_size=20), st.sampled_from([0, re.IGNORECASE]))
def test_any_pattern_compiles_like_re_or_fails_like_re(text: str, flags: int) -> None:
    try:
        expected = re.compile(text, flags)
    except re.error:
        with pytest.raises(re.error):
            regex_cache.compile(text, flags)
        return
    assert regex_cache.compile(text, flags) == expected
