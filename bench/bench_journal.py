"""Benchmark of the call journal's durability machinery (issue 11, «nothing lost, nothing doubled»).

Measures what locking, line-by-line recovery and idempotent saving cost: opening a journal (lock +
0600 file), one fsynced record, recovering a 30-turn call (intact and with one invalid byte), the
lock probe, and listing 20 pending calls. None of it is on the customer's or the scorer's path:
a live turn pays only the fsynced append it always paid. Writes ``bench/results/bench_journal.json``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "bench_journal.json"
SCENARIO = "internet-veloz-hogar"
AGENT_TURNS = 30
LINE = "Entiendo, ¿y cómo usan el internet en su casa para las clases de sus hijos?"


def _median_ms(work: Callable[[], object], runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append((time.perf_counter() - t0) * 1000)
    return {"median": round(statistics.median(times), 3), "max": round(max(times), 3)}


def _thirty_turns(played: Path, target: Path) -> Path:
    """A 30-exchange journal: the played call's header and state, its exchanges repeated."""
    records = [json.loads(line) for line in played.read_text("utf-8").splitlines()]
    header = next(r for r in records if r["type"] == "header")
    state = [r for r in records if r["type"] == "state"][-1]
    agent = next(r for r in records if r["type"] == "turn" and r["turn"]["speaker"] == "agent")
    customer = [r for r in records if r["type"] == "turn" and r["turn"]["speaker"] == "customer"]
    out = [header]
    for _ in range(AGENT_TURNS):
        out += [agent, customer[-1], state]
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), "utf-8")
    return target


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SIMULADOR_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["SIMULADOR_CONFIG_FILE"] = str(Path(tmp) / "config.toml")
        from simulator.services import build_services
        from simulator.session.journal import Journal
        from simulator.session.journal_lock import is_locked
        from simulator.settings import load_settings

        services = build_services(load_settings())
        ana = services.trainees.get_or_create("Ana")
        live = services.calls.start(ana.id, SCENARIO, seed=7)
        live.session.set_status("Disponible")
        live.session.start()
        for _ in range(AGENT_TURNS):
            if live.session.ended:
                break
            live.session.agent_says(LINE)
        live.session.journal.close()
        journal = _thirty_turns(live.journal_path, Path(tmp) / "thirty.journal.jsonl")
        lines = journal.read_bytes().count(b"\n")

        scratch = Path(tmp) / "scratch.journal.jsonl"

        def open_close() -> None:
            Journal(scratch).close()

        writer = Journal(Path(tmp) / "writes.journal.jsonl")
        record = {"type": "capture", "field": "nombre", "value": "Rosa María Hernández"}
        result: dict[str, object] = {
            "journal_lines": lines,
            "open_lock_close_ms": _median_ms(open_close, 200),
            "fsynced_record_ms": _median_ms(lambda: writer.write(record), 200),
            "lock_probe_ms": _median_ms(lambda: is_locked(journal), 500),
            "recover_intact_ms": _median_ms(lambda: Journal.recover(journal), 30),
        }
        writer.close()
        damaged = Path(tmp) / "damaged.journal.jsonl"
        data = journal.read_bytes().split(b"\n")
        data[len(data) // 2] = data[len(data) // 2][:10] + b"\xff" + data[len(data) // 2][10:]
        damaged.write_bytes(b"\n".join(data))
        assert Journal.recover(damaged).damaged
        result["recover_one_bad_byte_ms"] = _median_ms(lambda: Journal.recover(damaged), 30)
        services.close()

        for index in range(19):  # 20 pending calls of 20 trainees
            other = build_services(load_settings())
            trainee = other.trainees.get_or_create(f"Participante {index}")
            call = other.calls.start(trainee.id, SCENARIO, seed=index)
            call.session.set_status("Disponible")
            call.session.start()
            for _ in range(5):
                call.session.agent_says(LINE)
            call.session.journal.close()
            other.close()
        reader = build_services(load_settings())
        assert len(reader.recovery.pending()) == 20
        result["pending_20_calls_ms"] = _median_ms(reader.recovery.pending, 5)
        reader.close()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    med = {k: v["median"] for k, v in result.items() if isinstance(v, dict)}
    print(
        f"journal: abrir+bloquear+cerrar {med['open_lock_close_ms']} ms, registro con fsync "
        f"{med['fsynced_record_ms']} ms, sondeo de bloqueo {med['lock_probe_ms']} ms, recuperar "
        f"{lines} líneas {med['recover_intact_ms']} ms (con un byte dañado "
        f"{med['recover_one_bad_byte_ms']} ms), 20 pendientes {med['pending_20_calls_ms']} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
