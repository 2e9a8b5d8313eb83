"""The journal: every turn on disk before the reply, recovery after a kill, resume, partial score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.errors import InputError
from simulator.session.call import CallSession
from simulator.session.journal import Journal

SCENARIO = "internet-veloz-hogar"
TURNS = [
    "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa María Hernández?",
    "Le llamo para platicarle de nuestros planes de internet para su hogar.",
    "¿Cómo usan el internet en su casa?",
]


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))


def _scenario_persona():
    library = load_library()
    sc = library.scenario(SCENARIO)
    return sc, library.persona(sc.default_persona)


def _killed_call(path: Path) -> CallSession:
    sc, pe = _scenario_persona()
    journal = Journal(path)
    session = CallSession(sc, pe, seed=5, journal=journal, agent_name="Mariana")
    session.set_status("Disponible")
    session.start()
    for text in TURNS:
        session.agent_says(text)
    session.capture("nombre", "Rosa María Hernández")
    journal.close()  # the process dies here: no hang_up, no end record
    return session


def test_recover_after_kill_and_score_partial(tmp_path: Path) -> None:
    path = tmp_path / "call.journal.jsonl"
    session = _killed_call(path)
    with path.open("a", encoding="utf-8") as torn:
        torn.write('{"type": "turn", "turn": {"speaker": "ag')  # killed mid-write
    recovered = Journal.recover(path)
    assert (
        recovered.scenario_id == SCENARIO and recovered.seed == 5 and recovered.mode == "practice"
    )
    assert not recovered.ended and not recovered.transcript.complete
    assert [t.text for t in recovered.transcript.turns] == [
        t.text for t in session.transcript.turns
    ]
    assert recovered.transcript.capture == {"nombre": "Rosa María Hernández"}
    assert recovered.state == session.state
    assert recovered.skipped_lines and not recovered.pending_agent_turn
    from simulator.coaching import grade

    card = grade(recovered.transcript)
    assert 0 <= card.overall <= 100


def test_agent_turn_is_journaled_before_the_reply_and_resume_answers_it(tmp_path: Path) -> None:
    path = tmp_path / "call.journal.jsonl"
    session = _killed_call(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(x) for x in lines]
    last_agent = max(
        i for i, r in enumerate(records) if r["type"] == "turn" and r["turn"]["speaker"] == "agent"
    )
    # kill right after the agent's last turn was written, before the customer answered
    path.write_text("\n".join(lines[: last_agent + 1]) + "\n", encoding="utf-8")
    recovered = Journal.recover(path)
    assert recovered.pending_agent_turn
    assert recovered.transcript.turns[-1].text == TURNS[-1]
    sc, pe = _scenario_persona()
    resumed = CallSession.resume(recovered, sc, pe, journal=Journal(path))
    assert resumed.pending_reply is not None
    original_reply = session.transcript.turns[-1].text
    assert resumed.transcript.turns[-1].text == original_reply  # same seed, same state: same words
    resumed.agent_says(
        "Entiendo, sus hijos necesitan buena conexión. ¿Y cómo le funciona su servicio actual?"
    )
    result = resumed.hang_up()
    assert result.transcript.complete and result.scorecard is not None
    final = Journal.recover(path)
    assert final.ended and final.outcome == result.outcome


def test_recover_rejects_a_file_that_is_not_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"type": "turn"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="encabezado"):
        Journal.recover(path)


def test_state_caught_up_when_killed_before_the_state_was_written(tmp_path: Path) -> None:
    path = tmp_path / "call.journal.jsonl"
    session = _killed_call(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(x) for x in lines]
    last_state = max(i for i, r in enumerate(records) if r["type"] == "state")
    kept = [x for i, x in enumerate(lines) if i != last_state and records[i]["type"] != "capture"]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    recovered = Journal.recover(path)
    assert recovered.state is not None and recovered.state.turn == len(TURNS) - 1
    assert not recovered.pending_agent_turn
    sc, pe = _scenario_persona()
    resumed = CallSession.resume(recovered, sc, pe)
    assert resumed.state == session.state


def _rewrite(path: Path, change: object) -> None:
    """Apply ``change`` (record -> record or None to drop it) to every line of the journal."""
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    kept = [r for r in (change(r) for r in records) if r is not None]  # type: ignore[operator]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), "utf-8")


def test_a_journal_without_the_call_date_is_dated_from_the_day_it_started(tmp_path: Path) -> None:
    """An older journal's state lines carry no ``call_date``: the resumed call is dated on the day
    its header says it started (not the day it is resumed) and says where the date came from."""
    path = tmp_path / "call.journal.jsonl"
    _killed_call(path)

    def undated(record: dict) -> dict:
        if record["type"] == "header":
            record["started_at"] = "2026-11-12T17:30:00+00:00"
        if record["type"] == "state":
            record["state"].pop("call_date", None)
        return record

    _rewrite(path, undated)
    sc, pe = _scenario_persona()
    resumed = CallSession.resume(Journal.recover(path), sc, pe)
    assert resumed.state.call_date == "2026-11-12"
    assert resumed.date_note.endswith("12 nov 2026.")


def test_a_journal_that_kept_its_date_is_resumed_on_it_without_a_note(tmp_path: Path) -> None:
    path = tmp_path / "call.journal.jsonl"
    _killed_call(path)
    _rewrite(
        path,
        lambda r: (
            r | {"state": r["state"] | {"call_date": "2026-11-18"}} if r["type"] == "state" else r
        ),
    )
    sc, pe = _scenario_persona()
    resumed = CallSession.resume(Journal.recover(path), sc, pe)
    assert resumed.state.call_date == "2026-11-18" and resumed.date_note == ""


def test_with_no_header_date_the_journal_files_date_is_used(tmp_path: Path) -> None:
    import os

    path = tmp_path / "call.journal.jsonl"
    _killed_call(path)

    def headless(record: dict) -> dict | None:
        if record["type"] == "state":
            return None  # the state lines were lost too
        if record["type"] == "header":
            record.pop("started_at", None)
        return record

    _rewrite(path, headless)
    stamp = 1_794_000_000  # 2026-11-06 (UTC), a day the call was not resumed on
    os.utime(path, (stamp, stamp))
    sc, pe = _scenario_persona()
    resumed = CallSession.resume(Journal.recover(path), sc, pe)
    from datetime import datetime

    assert resumed.state.call_date == datetime.fromtimestamp(stamp).date().isoformat()
    assert "se usa la de su archivo" in resumed.date_note
