"""The literal prefilter never changes an answer: a prefiltered regex matches exactly as the regex.

Why: ``simulator.language.prefilter`` skips lexicon searches whose anchors are absent from the
text; an anchor read wrongly off a regex would silently drop a match (an act, a critical error).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis import conduct, lexicon, offensive, talking_down
from simulator.language import prefilter, regex_cache
from simulator.language.prefilter import Prefiltered
from simulator.language.prefilter_anchors import anchors

PANEL = Path(__file__).resolve().parents[1] / "panel" / "scripts"
TEXTS = [
    "buenas tardes, ¿en qué le puedo ayudar?",
    "no me interesa, ya tengo otro proveedor",
    "me parece caro, ¿tiene algo más barato?",
    "sí, claro, adelante",
    "usted es un desocupado",
    "no sea mamerto, señor",
    "¿me puede dar su número de teléfono?",
    "cállese y escúcheme",
    "",
    "?",
    "clo clo clo",
]


def _panel_lines(limit: int = 600) -> list[str]:
    lines: list[str] = []
    for path in sorted(PANEL.glob("*.txt"))[:40]:
        lines += [x.strip() for x in path.read_text("utf-8").splitlines() if x.strip()]
    return lines[:limit]


def _prefiltered() -> dict[str, Prefiltered]:
    groups = {
        "agent": lexicon.agent_patterns(),
        "customer": lexicon.customer_patterns(),
        "conduct": conduct._patterns(),
        "talking_down": talking_down._patterns(),
        "objection": dict(lexicon.objection_patterns()),
        "offensive": dict(enumerate(offensive._patterns())),
    }
    return {
        f"{group}:{key}": pattern
        for group, patterns in groups.items()
        for key, pattern in patterns.items()
        if isinstance(pattern, Prefiltered)
    }


def _same(wrapped: re.Pattern[str], raw: re.Pattern[str], text: str) -> None:
    assert [m.span() for m in wrapped.finditer(text)] == [m.span() for m in raw.finditer(text)]
    for method in ("search", "match", "fullmatch"):
        got, want = getattr(wrapped, method)(text), getattr(raw, method)(text)
        assert (got and got.span()) == (want and want.span()), (method, text)
    assert wrapped.findall(text) == raw.findall(text)
    assert wrapped.sub("#", text) == raw.sub("#", text)
    assert wrapped.split(text) == raw.split(text)


def test_anchors_are_whole_words_or_literal_strings() -> None:
    found = anchors(r"(?<![a-z0-9])(?:le puedo ayudar|entend[io] bien|me da (?:\w+ )?el)\b")
    assert found is not None
    words, keyed, substrings = found[0]
    assert words == {"ayudar", "entendi", "entendo"}
    assert list(keyed.values()) == [("me da ",)] and set(keyed) <= {"me", "da"}
    assert substrings == ()


@pytest.mark.parametrize("pattern", [r"\w+", r"a?", r"(?i)hola", r"hola|\d+", r"x(?:ab)*y"])
def test_no_anchors_when_a_match_may_hold_none(pattern: str) -> None:
    assert anchors(pattern) is None


def test_the_big_lexicons_are_prefiltered() -> None:
    wrapped = _prefiltered()
    for key in ("agent:close", "agent:empathy", "conduct:disrespect:insult", "offensive:0"):
        assert key in wrapped
    # the insult frames: the frame words («usted es…») and the offensive words both required
    assert any("pelotudo" in words for words, *_ in wrapped["offensive:0"]._tests)


def test_every_prefiltered_lexicon_regex_answers_as_the_regex() -> None:
    texts = TEXTS + _panel_lines()
    normalized = [lexicon_norm(t) for t in texts]
    for pattern in _prefiltered().values():
        raw = pattern._regex
        for text in texts + normalized:
            _same(pattern, raw, text)


def lexicon_norm(text: str) -> str:
    from simulator.language.normalize import normalize

    return normalize(text)


def test_short_regexes_and_the_switch_leave_the_regex_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    long_one = re.compile("|".join(f"palabra{i} larga" for i in range(40)))
    assert isinstance(prefilter.wrap(long_one), Prefiltered)
    assert prefilter.wrap(re.compile("hola|adios")) is not None
    assert not isinstance(prefilter.wrap(re.compile("hola|adios")), Prefiltered)
    monkeypatch.setenv(prefilter.ENV_OFF, "0")
    assert prefilter.wrap(long_one) is long_one


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["a", "b", "la", "no ", " ", "?", "(?:", ")", "|", "*", "+", "?", "[ab]", r"\b", "^"]
            + ["$", r"(?<![a-z0-9])", r"(?![a-z0-9])", r"\s*", r"\w", "{2}", "casa", "(?:x|)"]
        ),
        max_size=12,
    ),
    st.lists(st.sampled_from(["a", "b", "la", "no", " ", "?", "casa", "x", "ab", ","]), max_size=8),
)
def test_any_regex_prefiltered_answers_as_the_regex(parts: list[str], words: list[str]) -> None:
    try:
        raw = re.compile("".join(parts))
    except re.error:
        return
    wrapped = prefilter.wrap(raw, min_chars=0)
    text = "".join(words)
    _same(wrapped, raw, text)
    _same(wrapped, raw, f" {text} ")


def test_a_prefiltered_regex_pickles_and_copies() -> None:
    import copy
    import pickle

    regex = _prefiltered()["agent:close"]
    again = pickle.loads(pickle.dumps(regex))
    assert again.pattern == regex.pattern
    for text in TEXTS:
        _same(again, regex._regex, text)
        _same(copy.deepcopy(regex), regex._regex, text)


def test_remembered_values_survive_a_new_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIMULADOR_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv(regex_cache.ENV_OFF, raising=False)
    regex_cache.reset()
    try:
        calls: list[int] = []
        value = regex_cache.remember("test", "hola", 0, lambda: calls.append(1) or ("x",))
        regex_cache.flush()
        regex_cache.reset()
        again = regex_cache.remember("test", "hola", 0, lambda: calls.append(1) or ("y",))
        assert value == again == ("x",) and calls == [1]
    finally:
        regex_cache.reset()
