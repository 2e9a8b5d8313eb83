"""Nothing lost, nothing doubled: damaged journals, holds on resume, locks, idempotent saving."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.errors import SimuladorError
from simulator.services import build_services
from simulator.services import journals as journal_files
from simulator.services.calls import save_call
from simulator.session.call import CallSession
from simulator.session.journal import Journal
from simulator.session.journal_lock import JournalLock, JournalLockedError, is_locked
from simulator.settings import load_settings

SCENARIO = "internet-veloz-hogar"
TURNS = [
    "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa María Hernández?",
    "Le llamo para ofrecerle planes de internet. ¿Cómo usan internet en su casa?",
    "Entiendo, sus hijos toman clases en línea. ¿Qué problemas tiene hoy con su conexión?",
]


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "config.toml"))
    return tmp_path / "data"


def _killed_call(name: str, turns: list[str], seed: int = 5) -> tuple[int, str]:
    """A call played in another Services instance and dropped unfinished (the app was killed)."""
    first = build_services(load_settings())
    trainee = first.trainees.get_or_create(name)
    live = first.calls.start(trainee.id, SCENARIO, seed=seed)
    live.session.set_status("Disponible")
    live.session.start()
    for text in turns:
        live.session.agent_says(text)
    live.session.journal.close()  # the process dies: its journal lock goes with it
    first.close()
    return trainee.id, live.key


def _agent_lines(transcript) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.text for t in transcript.turns if t.speaker == "agent"]


def _line_of(path: Path, predicate) -> int:  # type: ignore[no-untyped-def]
    lines = path.read_bytes().split(b"\n")
    return next(i for i, raw in enumerate(lines, 1) if raw and predicate(json.loads(raw)))


def _corrupt_line(path: Path, number: int) -> None:
    """Put one invalid UTF-8 byte in the middle of line ``number`` (1-based)."""
    lines = path.read_bytes().split(b"\n")
    raw = lines[number - 1]
    lines[number - 1] = raw[: len(raw) // 2] + b"\xff" + raw[len(raw) // 2 :]
    path.write_bytes(b"\n".join(lines))


# --------------------------------------------------------------------------- damaged journals


def test_one_invalid_byte_costs_one_line_and_the_report_names_it(data_dir: Path) -> None:
    _, key = _killed_call("Ana", TURNS)
    path = data_dir / "journals" / f"{key}.journal.jsonl"
    second_agent = _line_of(path, lambda r: r["type"] == "turn" and r["turn"]["text"] == TURNS[1])
    _corrupt_line(path, second_agent)

    recovered = Journal.recover(path)
    assert _agent_lines(recovered.transcript) == [TURNS[0], TURNS[2]]
    assert recovered.skipped_lines == [second_agent]
    report = recovered.damage_report()
    assert f"línea {second_agent} (un turno del agente): no es texto UTF-8 válido" in report

    services = build_services(load_settings())
    [pending] = services.recovery.pending()
    assert pending.readable and pending.damage == report
    assert "se perdió" not in pending.damage
    saved = services.recovery.score_partial(pending)
    assert _agent_lines(saved.transcript) == [TURNS[0], TURNS[2]]
    services.close()


def test_a_damaged_header_is_rebuilt_from_the_call_metadata(data_dir: Path) -> None:
    _, key = _killed_call("Ana", TURNS[:2])
    path = data_dir / "journals" / f"{key}.journal.jsonl"
    _corrupt_line(path, 1)
    services = build_services(load_settings())
    [pending] = services.recovery.pending()
    assert pending.readable and "línea 1 (el encabezado)" in pending.damage
    saved = services.recovery.score_partial(pending)
    assert _agent_lines(saved.transcript) == TURNS[:2]
    assert saved.transcript.scenario == SCENARIO
    services.close()


def test_a_torn_last_line_is_reported_as_incomplete(tmp_path: Path) -> None:
    library = load_library()
    scenario = library.scenario(SCENARIO)
    path = tmp_path / "call.journal.jsonl"
    journal = Journal(path)
    session = CallSession(scenario, library.persona(scenario.default_persona), journal=journal)
    session.set_status("Disponible")
    session.start()
    session.agent_says(TURNS[0])
    journal.close()
    lines = path.read_bytes().split(b"\n")
    with path.open("ab") as handle:
        handle.write(b'{"type": "turn", "turn": {"speaker": "agent", "text": "Le ll')
    recovered = Journal.recover(path)
    assert _agent_lines(recovered.transcript) == [TURNS[0]]
    [damaged] = recovered.damaged
    assert damaged.number == len(lines)  # the line after the last newline
    assert damaged.holds == "un turno del agente" and "incompleta" in damaged.reason


def test_one_unreadable_journal_never_hides_another_users_call(data_dir: Path) -> None:
    _, bad_key = _killed_call("Ana", TURNS[:1], seed=1)
    beto_id, good_key = _killed_call("Beto", TURNS[:2], seed=2)
    bad = data_dir / "journals" / f"{bad_key}.journal.jsonl"
    bad.write_bytes(b"[" * 100_000 + b"\n" + b"\xff\xfe garbage\n")  # deep nesting, bad bytes
    junk_meta = data_dir / "journals" / "zz.meta.json"
    junk_meta.write_bytes(b"[" * 100_000)

    services = build_services(load_settings())
    found = {p.key: p for p in services.recovery.pending()}
    assert set(found) == {bad_key, good_key}
    assert found[good_key].readable and found[good_key].damage == ""
    assert found[bad_key].readable is False and found[bad_key].damage
    assert [p.key for p in services.recovery.pending(beto_id)] == [good_key]
    services.close()


# --------------------------------------------------------------------------- hold on resume


def test_a_call_killed_on_hold_resumes_on_hold(data_dir: Path) -> None:
    first = build_services(load_settings())
    ana = first.trainees.get_or_create("Ana")
    live = first.calls.start(ana.id, SCENARIO, seed=4)
    live.session.set_status("Disponible")
    live.session.start()
    live.session.agent_says(TURNS[0])
    live.session.hold_start()
    live.session.journal.close()  # killed while the customer waits
    first.close()

    services = build_services(load_settings())
    [pending] = services.recovery.pending()
    resumed = services.recovery.resume(pending).session
    assert resumed.on_hold and resumed.status == "Espera"
    resumed.hold_end(seconds=10)
    assert not resumed.on_hold and resumed.status == "En llamada"
    holds = [e.type for e in resumed.transcript.events if e.type.startswith("hold")]
    assert holds == ["hold_start", "hold_end"]  # one hold, not a lost one
    services.close()


# --------------------------------------------------------------------------- nothing doubled


def test_a_kill_between_saving_and_archiving_stores_the_call_once(data_dir: Path) -> None:
    trainee_id, key = _killed_call("Ana", TURNS[:2])
    services = build_services(load_settings())
    [pending] = services.recovery.pending()
    backend = services.recovery._backend
    recovered = Journal.recover(pending.journal_path)
    meta = journal_files.JournalMeta.from_json(pending.meta_path.read_text("utf-8"))
    first = save_call(  # the save succeeded; the app was killed before archiving the journal
        backend,
        meta=meta,
        transcript=recovered.transcript,
        scorecard=None,
        outcome=None,
        complete=False,
        journal_file=None,
    )
    again = services.recovery.score_partial(pending)  # the user scores it again after restart
    assert again.call_id == first.call_id
    assert len(services.calls.list_for(trainee_id)) == 1
    assert services.recovery.pending() == []
    services.close()


def test_a_saved_but_unarchived_journal_is_archived_not_offered(data_dir: Path) -> None:
    trainee_id, key = _killed_call("Ana", TURNS[:1])
    services = build_services(load_settings())
    [pending] = services.recovery.pending()
    services.recovery._backend.repos.calls.add(
        trainee_id=trainee_id,
        scenario_id=SCENARIO,
        persona_id=pending.persona_id,
        seed=pending.seed,
        mode="practice",
        started_at=pending.started_at,
        ended_at=None,
        outcome=None,
        overall=None,
        verdict=None,
        complete=False,
        transcript_json=Journal.recover(pending.journal_path).transcript.model_dump_json(),
        scorecard_json=None,
        call_key=key,
    )
    assert services.recovery.pending() == []
    assert (data_dir / "journals" / "finished" / f"{key}.journal.jsonl").exists()
    assert len(services.calls.list_for(trainee_id)) == 1
    services.close()


def test_two_apps_on_one_data_folder_never_share_a_live_call(data_dir: Path) -> None:
    app_a = build_services(load_settings())
    ana = app_a.trainees.get_or_create("Ana")
    live = app_a.calls.start(ana.id, SCENARIO, seed=3)
    live.session.set_status("Disponible")
    live.session.start()
    live.session.agent_says(TURNS[0])

    app_b = build_services(load_settings())
    assert app_b.recovery.pending() == []  # A's open call is not B's pending call
    assert is_locked(live.journal_path)
    with pytest.raises(JournalLockedError, match="abierta en otra ventana"):
        Journal(live.journal_path)

    saved = app_a.calls.finish(live)
    assert not is_locked(live.journal_path)
    assert app_b.recovery.pending() == []
    assert [c.call_id for c in app_b.calls.list_for(ana.id)] == [saved.call_id]
    app_a.close()
    app_b.close()


def test_a_pending_call_taken_by_one_app_cannot_be_taken_by_another(data_dir: Path) -> None:
    _killed_call("Ana", TURNS[:2])
    app_a = build_services(load_settings())
    app_b = build_services(load_settings())
    [pending_a] = app_a.recovery.pending()
    [pending_b] = app_b.recovery.pending()
    live = app_a.recovery.resume(pending_a)
    for action in (app_b.recovery.resume, app_b.recovery.score_partial, app_b.recovery.discard):
        with pytest.raises(JournalLockedError):
            action(pending_b)
    assert app_b.recovery.pending() == []
    app_a.calls.finish(live)
    assert len(app_a.calls.list_for(live.trainee_id)) == 1
    app_a.close()
    app_b.close()


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    journal_path = tmp_path / "k.journal.jsonl"
    code = (
        "import os, sys\n"
        "from simulator.session.journal_lock import JournalLock\n"
        f"JournalLock({str(journal_path)!r}).acquire()\n"
        "os._exit(0)  # dies holding the lock: no release, the file stays\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    lock_file = Path(str(journal_path) + ".lock")
    assert lock_file.exists() and lock_file.read_text().strip().isdigit()
    assert not is_locked(journal_path)
    lock = JournalLock(journal_path).acquire()
    assert lock.held and lock_file.read_text().strip() == str(os.getpid())
    lock.release()
    assert not lock_file.exists()


def test_a_lock_held_by_a_live_process_blocks_with_its_pid(tmp_path: Path) -> None:
    journal_path = tmp_path / "k.journal.jsonl"
    code = (
        "import sys\n"
        "from simulator.session.journal_lock import JournalLock\n"
        f"JournalLock({str(journal_path)!r}).acquire()\n"
        "print('ok', flush=True)\n"
        "sys.stdin.read()\n"
    )
    owner = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert owner.stdout is not None and owner.stdout.readline().strip() == "ok"
        assert is_locked(journal_path)
        with pytest.raises(JournalLockedError, match=f"proceso {owner.pid}"):
            JournalLock(journal_path).acquire()
    finally:
        owner.communicate("", timeout=60)
    assert not is_locked(journal_path)
    JournalLock(journal_path).acquire().release()


def test_scoring_twice_with_a_stale_pending_entry_saves_once(data_dir: Path) -> None:
    trainee_id, _ = _killed_call("Ana", TURNS[:1])
    services = build_services(load_settings())
    [pending] = services.recovery.pending()
    first = services.recovery.score_partial(pending)
    with pytest.raises(SimuladorError):
        services.recovery.score_partial(pending)  # the journal is archived: nothing to score
    assert [c.call_id for c in services.calls.list_for(trainee_id)] == [first.call_id]
    services.close()


def test_a_journal_that_cannot_be_opened_is_a_spanish_input_error(tmp_path: Path) -> None:
    from simulator.errors import InputError

    folder = tmp_path / "dir.journal.jsonl"
    folder.mkdir()  # a folder where the journal file should be
    with pytest.raises(InputError, match="no se pudo abrir el diario"):
        Journal(folder)
    assert not Path(f"{folder}.lock").exists()  # the lock was released


def test_backend_description_masks_the_password(tmp_path: Path) -> None:
    from simulator.services.backend import Backend
    from simulator.settings import Settings

    settings = Settings(data_dir=tmp_path, database_url="postgresql://ana:clave@host/db")
    assert Backend(settings).describe()["database_url"] == "postgresql://ana:***@host/db"
