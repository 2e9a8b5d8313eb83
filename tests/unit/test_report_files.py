"""Report files: written whole, owner-only when new, keeping the mode of a file they replace."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from simulator.errors import InputError
from simulator.locations import FILE_MODE
from simulator.reports.files import write_bytes, write_text


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_report_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "portafolio.html"
    write_text(target, "<p>Ana Prueba</p>")
    assert target.read_text(encoding="utf-8") == "<p>Ana Prueba</p>"
    assert _mode(target) == FILE_MODE
    assert [p.name for p in tmp_path.iterdir()] == ["portafolio.html"]  # no temporary left


def test_a_replaced_report_keeps_the_permissions_its_owner_gave_it(tmp_path: Path) -> None:
    target = tmp_path / "grupo.csv"
    target.write_text("viejo", encoding="utf-8")
    target.chmod(0o640)  # shared with the group on purpose
    write_bytes(target, b"nuevo")
    assert target.read_bytes() == b"nuevo"
    assert _mode(target) == 0o640


def test_a_folder_as_target_is_refused_in_spanish(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="es una carpeta"):
        write_text(tmp_path, "x")


def test_a_missing_folder_is_refused_in_spanish_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="la carpeta donde se quiere guardar no existe"):
        write_text(tmp_path / "no-existe" / "r.html", "x")
    assert not any(tmp_path.iterdir())


def test_a_folder_made_for_exports_is_private_and_an_existing_one_is_left_alone(
    tmp_path: Path,
) -> None:
    from simulator.locations import DIR_MODE
    from simulator.reports.transcripts import prepare_folder

    made = tmp_path / "datos" / "portafolios"
    prepare_folder(made)
    assert _mode(made) == DIR_MODE and _mode(made.parent) == DIR_MODE
    shared = tmp_path / "compartida"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    prepare_folder(shared)
    assert _mode(shared) == 0o755
