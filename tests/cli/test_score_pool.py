"""``simulador score`` on several processes gives what one process gives: the same JSON, CSV rows
and Spanish errors, in the files' order (``simulator.commands.score_pool``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.commands import score_pool

DATA = Path(__file__).parents[1] / "data" / "transcripts"


def _run(folder: Path, out: Path, workers: str, monkeypatch: pytest.MonkeyPatch) -> tuple:
    monkeypatch.setenv(score_pool.ENV, workers)
    result = CliRunner().invoke(app, ["score", str(folder), "--json", "--csv", str(out)])
    return result.exit_code, result.stdout, result.stderr, out.read_text("utf-8")


@pytest.mark.skipif(not score_pool._can_fork(), reason="no fork start method here")
def test_two_workers_give_the_sequential_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lote"
    folder.mkdir()
    for name in ("sample_sale.json", "wrong_price.json", "sample_sale.json"):
        shutil.copy(DATA / name, folder / f"{len(list(folder.iterdir()))}_{name}")
    (folder / "1b_roto.json").write_text('{"turns": [', "utf-8")
    one = _run(folder, tmp_path / "uno.csv", "1", monkeypatch)
    two = _run(folder, tmp_path / "dos.csv", "2", monkeypatch)
    assert one[0] == 2 and "1b_roto.json" in one[2] and "JSON" in one[2]
    assert two == one


def test_worker_count() -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(score_pool.ENV, "1")
        assert score_pool.workers_for(50) == 1
        mp.setenv(score_pool.ENV, "no")
        assert score_pool.workers_for(50) == 1
        mp.delenv(score_pool.ENV)
        assert score_pool.workers_for(score_pool.MIN_FILES - 1) == 1
        if score_pool._can_fork():
            mp.setenv(score_pool.ENV, "3")
            assert score_pool.workers_for(50) == 3
            assert score_pool.workers_for(2) == 1  # the first file is graded in the parent


def test_results_come_back_in_order() -> None:
    sources = [str(i) for i in range(12)]
    with score_pool.graded(sources, lambda s: (int(s) * 2, s), workers=2) as results:
        assert list(results) == [(i * 2, str(i)) for i in range(12)]
