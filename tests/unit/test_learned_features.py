"""The learned head's features (simulator/analysis/learned_features.py) and the head file's weight
encoding (learned_model.head_weights): the training script and the runtime share these numbers."""

from __future__ import annotations

import base64

import pytest

from simulator.analysis import learned_features, learned_model
from simulator.models.acts import AGENT_ACTS

np = pytest.importorskip("numpy")


def _emb(seed: int) -> object:
    vec = np.random.default_rng(seed).normal(size=learned_model.EMBED_DIM).astype(np.float32)
    return vec / np.linalg.norm(vec)


def test_modes_and_speech_recognition_form() -> None:
    assert learned_features.mode_of("¿Cómo le ha ido?") == "typed"
    assert learned_features.mode_of("como le ha ido") == "asr"
    assert learned_features.asr_form("¿Cómo le ha IDO, señora?") == "como le ha ido senora"


def test_embedded_text_is_cut_at_the_head_or_the_tail() -> None:
    text = " ".join(f"p{i}" for i in range(30))
    assert learned_features.embed_text(text, 20).split()[-1] == "p19"
    assert learned_features.embed_text(text, 20, tail=True).split()[0] == "p10"
    assert learned_features.embed_text("corto", 20) == "corto"
    assert learned_features.embed_text(text, 0) == text


def test_feature_blocks_are_deterministic_and_in_place() -> None:
    head, ctx = _emb(1), _emb(2)
    text, context = "O sea que le preocupa pagar de más, ¿no?", "Me preocupa pagar de más"
    vec = learned_features.features(text, context, ["paraphrase"], head, None, ctx)
    again = learned_features.features(text, context, ["paraphrase"], head, None, ctx)
    assert vec.shape == (learned_features.feature_size(),)
    assert np.array_equal(vec, again)
    assert vec[AGENT_ACTS.index("paraphrase")] == 1.0
    extras = len(AGENT_ACTS)
    assert vec[extras] == 1.0  # question mark
    assert vec[extras + 3] > 0  # shares words with the customer
    hashed = extras + len(learned_features.EXTRAS)
    sizes = (
        learned_features.HASH_BUCKETS,
        learned_features.LAST_BUCKETS,
        learned_features.CHAR_BUCKETS,
    )
    for size in sizes:  # each hashed block is L2-normalised
        assert abs(float(np.linalg.norm(vec[hashed : hashed + size])) - 1.0) < 1e-5
        hashed += size
    emb = hashed
    assert np.allclose(vec[emb : emb + learned_model.EMBED_DIM], head)
    assert not vec[emb + learned_model.EMBED_DIM : emb + 2 * learned_model.EMBED_DIM].any()
    cos = emb + 2 * learned_model.EMBED_DIM
    assert abs(vec[cos] - float(np.dot(head, ctx))) < 1e-5 and vec[cos + 1] == 0.0
    no_ctx = learned_features.features(text, None, [], head, None, None)
    assert no_ctx[cos] == 0.0 and no_ctx[extras + 2] == 0.0


def test_head_weights_decode_float16_and_lists() -> None:
    saved = (learned_model._STATE.head, learned_model._STATE.weights)
    weights = np.array([0.5, -1.25, 3.0], dtype="<f2")
    spec = {"bias": 0.0, "threshold": 0.5}
    try:
        learned_model.load_head(
            {
                "heads": {
                    "question": {
                        "typed": {
                            **spec,
                            "weights_f16": base64.b64encode(weights.tobytes()).decode(),
                        }
                    },
                    "reflection": {"typed": {**spec, "weights": [1.0, 2.0]}},
                }
            }
        )
        assert learned_model.head_weights("question", "typed").tolist() == [0.5, -1.25, 3.0]
        assert learned_model.head_weights("reflection", "typed").tolist() == [1.0, 2.0]
    finally:
        learned_model._STATE.head, learned_model._STATE.weights = saved


def test_sparse_blocks_are_the_dense_vector_without_embeddings() -> None:
    text, context = "Entonces lo que busca es pagar menos al mes", "Quiero pagar menos"
    idx, val = learned_features.sparse(text, context, ["paraphrase"])
    dense = learned_features.features(text, context, ["paraphrase"], _emb(3), None, _emb(4))
    start = learned_features.embedding_start()
    rebuilt = np.zeros(start, dtype=np.float32)
    rebuilt[idx] = val
    assert np.array_equal(rebuilt, dense[:start])
    assert len(set(idx.tolist())) == len(idx)


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        ("Le llegará el contrato a su correo, vale?", True),
        ("Le parece?", True),
        ("entonces le queda bien el jueves", True),  # speech form: no «?» at all
        ("¿Le queda bien el jueves?", False),  # written as a question
        ("Y en su trabajo cómo le afecta?", False),  # accented interrogative
        ("y con quien vive usted?", False),  # open question without accents
    ],
)
def test_weak_questions(text: str, weak: bool) -> None:
    assert learned_features.weak_question(text) is weak
