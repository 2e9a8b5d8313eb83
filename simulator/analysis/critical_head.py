"""Learned critical-error heads: how likely an agent line is each family's critical error.

The critical rules (``simulator/scoring/critical_errors.py`` and friends) are right on the wording
they were tuned on and miss most other people's wording (blind wordings held-out recall 0.43). One
logistic head per family (disrespect, confidential disclosure, do-not-call ignored, inaccurate
information, sale without consent), trained by ``bench/train_critical.py`` on many outside-written
labelled lines, reads the agent line **and** the customer's words it answers:

1. hashed words and word pairs of the line (``LINE_BUCKETS``);
2. hashed character 3-5-grams of the line's words (``CHAR_BUCKETS``: spelling and ASR variants);
3. hashed words and word pairs of the customer's line (``CONTEXT_BUCKETS``);
4. the sentence embedding of the line's first ``embed_words`` words, of the customer line's last
   ones, and the cosine of both (zeros in the plain head, which needs no embedding package).

The head file (``models/critical_lines.json``, plain variant ``critical_lines_plain.json``) holds
weights, thresholds (chosen by grouped cross-validation for precision), each head's
``embedding_range`` (its embedding share bounds: a line whose answer the embedding cannot change is
not embedded), each head's ``screen`` (a sparse-only head and a cut under which the line is
decided "no" without embedding it: most lines of a call never reach the embedding) and
provenance; hashed features, so no third-party text. The embedder, its cache and
the switch (``SIMULADOR_LEARNED_ACTS``) are the learned acts' (``learned_model.py``): one model
loaded once, off the UI thread. The scorer adds a finding only where the family's structural
precondition holds (``simulator/scoring/learned_critical.py``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from simulator.analysis import learned_model
from simulator.analysis.learned_features import _signed, char_block, embed_text
from simulator.errors import SimuladorError

FORMAT = "simulador.critical_head/1"
MODEL_NAME = "critical_lines.json"
PLAIN_MODEL_NAME = "critical_lines_plain.json"
FAMILIES = (
    "disrespect",
    "confidential_disclosure",
    "ignores_do_not_call",
    "inaccurate_information",
    "sale_without_consent",
)
LINE_BUCKETS = 4096
CHAR_BUCKETS = 4096
CONTEXT_BUCKETS = 2048
SPARSE = LINE_BUCKETS + CHAR_BUCKETS + CONTEXT_BUCKETS
EMBED_DIM = learned_model.EMBED_DIM
EMBED_BLOCK = 2 * EMBED_DIM + 1


def feature_size() -> int:
    return SPARSE + EMBED_BLOCK


def _tokens(text: str) -> list[str]:
    from simulator.language.normalize import normalize

    return normalize(text).replace("?", " ? ").split()


def _grams(tokens: list[str], prefix: str) -> list[str]:
    feats = [f"{prefix}w:{t}" for t in tokens]
    feats += [f"{prefix}b:{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    return feats


@lru_cache(maxsize=2048)
def sparse(line: str, customer: str | None) -> tuple[Any, Any]:
    """Blocks 1–3 as (indices, values)."""
    import numpy as np

    from simulator.language.normalize import normalize

    toks = _tokens(line)
    idx: list[int] = []
    val: list[float] = []
    base = 0
    blocks: list[tuple[dict[int, float], int]] = [
        (_signed(_grams(toks, ""), LINE_BUCKETS), LINE_BUCKETS),
        (char_block(normalize(line), CHAR_BUCKETS), CHAR_BUCKETS),
        (_signed(_grams(_tokens(customer or ""), "c"), CONTEXT_BUCKETS), CONTEXT_BUCKETS),
    ]
    for signed, buckets in blocks:
        idx += [base + i for i in signed]
        val += signed.values()
        base += buckets
    return np.asarray(idx, dtype=np.intp), np.asarray(val, dtype=np.float32)


def embedding_block(emb_line: Any, emb_ctx: Any | None) -> Any:
    import numpy as np

    block = np.zeros(EMBED_BLOCK, dtype=np.float32)
    block[:EMBED_DIM] = emb_line
    if emb_ctx is not None:
        block[EMBED_DIM : 2 * EMBED_DIM] = emb_ctx
        block[2 * EMBED_DIM] = float(np.dot(emb_line, emb_ctx))
    return block


def features(line: str, customer: str | None, emb_line: Any, emb_ctx: Any | None) -> Any:
    """The dense vector of one (line, customer line) pair (training)."""
    import numpy as np

    vec = np.zeros(feature_size(), dtype=np.float32)
    idx, val = sparse(line, customer)
    vec[idx] = val
    vec[SPARSE:] = embedding_block(emb_line, emb_ctx)
    return vec


def embed_pairs(
    pairs: Sequence[tuple[str, str | None]], words: int, *, use: bool = True
) -> list[tuple[Any, Any | None]]:
    """Embeddings of the lines' first ``words`` words and the customer lines' last ones, in one
    batch through the learned acts' cache; zeros when ``use`` is False (the plain head)."""
    import numpy as np

    if not use:
        zero = np.zeros(EMBED_DIM, dtype=np.float32)
        return [(zero, None) for _ in pairs]
    shown: list[str] = []
    for line, customer in pairs:
        shown.append(embed_text(line, words))
        if customer:
            shown.append(embed_text(customer, words, tail=True))
    rows = iter(learned_model.embed(shown))
    return [(next(rows), next(rows) if customer else None) for _, customer in pairs]


# ---------------------------------------------------------------- the head file


def _fail(name: str, why: str) -> SimuladorError:
    return SimuladorError(
        f"El archivo de cabezas de errores críticos «{name}» no se puede usar: {why}."
    )


def validate(head: Any, name: str = "cabeza") -> dict[str, Any]:
    """``head`` checked (format, families, weights' length, thresholds); a clear Spanish
    ``SimuladorError`` otherwise. Decodes the weights once into ``_weights``."""

    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise _fail(name, f"no tiene el formato {FORMAT}")
    families = head.get("families")
    if not isinstance(families, dict) or not families:
        raise _fail(name, "no trae ninguna familia")
    decoded: dict[str, Any] = {}
    for family, spec in families.items():
        if family not in FAMILIES:
            raise _fail(name, f"la familia «{family}» no existe")
        if not isinstance(spec, dict):
            raise _fail(name, f"la familia «{family}» no es un objeto")
        try:
            weights = learned_model.f16_weights(spec["weights_f16"], validate=True)
            bias = float(spec["bias"])
            threshold = float(spec["threshold"])
        except (KeyError, TypeError, ValueError) as error:
            raise _fail(name, f"la familia «{family}» tiene pesos o umbral ilegibles") from error
        if weights.shape != (feature_size(),):
            raise _fail(
                name,
                f"la familia «{family}» trae {weights.size} pesos, se esperaban {feature_size()}",
            )
        if not 0.0 < threshold < 1.0 or not math.isfinite(bias):
            raise _fail(name, f"la familia «{family}» tiene un umbral fuera de (0, 1)")
        span = spec.get("embedding_range")
        if span is not None and not (
            isinstance(span, list) and len(span) == 2 and float(span[0]) <= float(span[1])
        ):
            raise _fail(name, f"la familia «{family}» tiene un embedding_range inválido")
        decoded[family] = weights
        screen = spec.get("screen")
        if screen is not None:
            try:
                s_weights = learned_model.f16_weights(screen["weights_f16"], validate=True)
                float(screen["bias"]), float(screen["cut"])
            except (KeyError, TypeError, ValueError) as error:
                raise _fail(name, f"la familia «{family}» tiene un filtro ilegible") from error
            if s_weights.shape != (SPARSE,):
                raise _fail(name, f"el filtro de la familia «{family}» no tiene {SPARSE} pesos")
            decoded[f"screen:{family}"] = s_weights
    out = dict(head)
    out["_weights"] = decoded
    return out


def read_head(text: str, name: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _fail(name, f"JSON no válido ({error.msg})") from error
    return validate(data, name)


@cache
def bundled(name: str = MODEL_NAME) -> dict[str, Any]:
    """The head shipped with the package (validated once)."""
    try:
        text = resources.files("simulator.analysis").joinpath(f"models/{name}").read_text("utf-8")
    except OSError as error:
        raise _fail(name, "no se encontró") from error
    return read_head(text, name)


_OVERRIDE: dict[str, dict[str, Any] | None] = {"head": None, "plain": None}


def use_heads(head: dict[str, Any] | None, plain: dict[str, Any] | None = None) -> None:
    """Tests: use these (validated) heads instead of the bundled files; None restores them."""
    _OVERRIDE["head"] = validate(head) if head is not None else None
    _OVERRIDE["plain"] = validate(plain) if plain is not None else None


def current() -> dict[str, Any] | None:
    """The head to use now: the plain one when the learned acts run without embeddings; None when
    the learned models are off, not loadable, or the head file is broken (logged once)."""
    if not learned_model.enabled() or not learned_model.warm_up():
        return None
    plain = learned_model._STATE.plain
    chosen = _OVERRIDE["plain" if plain else "head"]
    if chosen is not None:
        return chosen
    try:
        return bundled(PLAIN_MODEL_NAME if plain else MODEL_NAME)
    except SimuladorError as error:
        _warn_once(str(error))
        return None


@cache
def _warn_once(message: str) -> None:
    learned_model.log.warning("errores críticos aprendidos desactivados: %s", message)


def _cut2000(text: str | None) -> str | None:
    return text[:2000] if text else None


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def probabilities(
    head: dict[str, Any],
    items: Sequence[tuple[str, str | None, Sequence[str]]],
) -> list[dict[str, float]]:
    """Per (line, customer line, families asked): each asked family's probability. A line is
    embedded only when, for one asked family, the embedding's share could still cross the
    threshold (``embedding_range``); the embeddings needed are computed in one batch."""
    import numpy as np

    feats = head.get("features", {})
    use_emb = bool(feats.get("embedding", True))
    words = int(feats.get("embed_words") or 0)
    weights = head["_weights"]
    fams = head["families"]
    z0: list[dict[str, float]] = []
    need: list[int] = []
    screened: list[dict[str, float]] = []
    for i, (line, customer, asked) in enumerate(items):
        idx, val = sparse(line[:2000], _cut2000(customer))
        row = {}
        low: dict[str, float] = {}
        undecided = False
        for fam in asked:
            if fam not in fams:
                continue
            screen = fams[fam].get("screen") if use_emb else None
            if screen is not None:
                p = _sigmoid(float(np.dot(weights[f"screen:{fam}"][idx], val)) + screen["bias"])
                if p < float(screen["cut"]):
                    low[fam] = p  # decided "no" without the embedding
                    continue
            row[fam] = float(np.dot(weights[fam][idx], val)) + float(fams[fam]["bias"])
            span = fams[fam].get("embedding_range") if use_emb else [0.0, 0.0]
            cut = _logit(float(fams[fam]["threshold"]))
            if span is None or row[fam] + float(span[0]) < cut <= row[fam] + float(span[1]):
                undecided = True
        z0.append(row)
        screened.append(low)
        if undecided:
            need.append(i)
    shares: dict[int, dict[str, float]] = {}
    if need:
        pairs = [(items[i][0][:2000], _cut2000(items[i][1])) for i in need]
        for i, (e_line, e_ctx) in zip(need, embed_pairs(pairs, words), strict=True):
            block = embedding_block(e_line, e_ctx)
            shares[i] = {fam: float(np.dot(weights[fam][SPARSE:], block)) for fam in z0[i]}
    out = []
    for i, row in enumerate(z0):
        probs = {}
        for fam, z in row.items():
            if i in shares:
                share = shares[i][fam]
            else:
                span = fams[fam].get("embedding_range") if use_emb else None
                span = span or [0.0, 0.0]
                share = min(max(0.0, float(span[0])), float(span[1]))
            probs[fam] = _sigmoid(z + share)
        out.append({**screened[i], **probs})
    return out


def flagged(
    items: Sequence[tuple[str, str | None, Sequence[str]]],
) -> list[set[str]]:
    """Per item: the asked families whose head fires (probability ≥ its threshold). Nothing when
    the heads are off or unavailable; a broken model never breaks the scorer."""
    if not items or not any(asked for _, _, asked in items):
        return [set() for _ in items]
    head = current()
    if head is None:
        return [set() for _ in items]
    try:
        probs = probabilities(head, items)
    except Exception as error:  # a broken model never breaks the scorer
        _warn_once(f"{type(error).__name__}: {error}")
        return [set() for _ in items]
    fams = head["families"]
    return [{f for f, p in row.items() if p >= float(fams[f]["threshold"])} for row in probs]


def prefetch(line: str, customer: str | None) -> None:
    """Live call: when a line passes any family's screen, embed it (and the customer line it
    answers) now, while the customer's reply is computed, so scoring the call at its end finds
    the embeddings cached (the live budget). Never loads the model; never raises."""
    if not line.strip() or not learned_model.ready() or learned_model._STATE.plain:
        return
    try:
        import numpy as np

        head = current()
        if head is None or not head.get("features", {}).get("embedding", True):
            return
        customer = _cut2000(customer)
        idx, val = sparse(line[:2000], customer)
        for fam, spec in head["families"].items():
            screen = spec.get("screen")
            z = (
                float(np.dot(head["_weights"][f"screen:{fam}"][idx], val)) + screen["bias"]
                if screen
                else None
            )
            if z is None or _sigmoid(z) >= float(screen["cut"]):
                embed_pairs([(line[:2000], customer)], int(head["features"].get("embed_words", 0)))
                return
    except Exception as error:  # a broken model never breaks the reply
        _warn_once(f"{type(error).__name__}: {error}")
