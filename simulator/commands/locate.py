"""CLI command ``simulador locate config|data|db|content``: print where the simulator keeps a file.

Like ``posting locate``: handy to open the config in an editor or to back up the database.
"""

from __future__ import annotations

from enum import StrEnum

import typer


class Target(StrEnum):
    config = "config"
    data = "data"
    db = "db"
    content = "content"
    journals = "journals"


def locate_path(target: str) -> str:
    """The path (or database URL, password masked, for a non-SQLite database) for ``target``."""
    from simulator import locations

    if target == "config":
        return str(locations.config_file())
    if target in ("data", "content", "journals"):
        from simulator.settings import load_settings

        data = load_settings().data_dir
        if target == "data":
            return str(data)
        if target == "content":
            return str(locations.content_dir(data))
        return str(locations.journals_dir(data))
    from simulator.settings import load_settings

    url = load_settings().database_url
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    from simulator.storage.engine import describe_url

    return describe_url(url)  # never print a password: postgresql://ana:***@host/db


def register(app: typer.Typer) -> None:
    """Add this family's commands to the app."""

    @app.command("locate")
    def locate(
        target: Target = typer.Argument(
            ..., metavar="QUÉ", help="Qué ubicar: config, data, db, content o journals."
        ),
    ) -> None:
        """Muestra dónde se guardan la configuración, los datos, la base de datos o el contenido."""
        typer.echo(locate_path(target.value))
