"""CLI: ``simulador report trainee|cohort NOMBRE --html archivo.html`` — the HTML reports for
formadores (one self-contained file each, charts as inline SVG, ready to print).

Like every formador command they ask for the formador's password (prompt, or
``SIMULADOR_FORMADOR_PASSWORD``); bad input (unknown trainee or cohort, a path that cannot be
written) is a Spanish message with exit code 2, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from simulator.commands.formador_session import build, login_formador, run

if TYPE_CHECKING:
    from simulator.services import Services

WINDOW_HELP = "Llamadas recientes por aprendiz que cuentan en las cifras."
FORMADOR_HELP = "Su nombre de formador."


def _write_report(
    html: Path, formador: str | None, make: Callable[[Services], tuple[str, str]]
) -> None:
    """Sign the formador in, build the report with ``make`` (its HTML and the line to print) and
    write it."""

    def work() -> None:
        from simulator.reports.files import write_text

        services = build()
        login_formador(services, formador)
        page, said = make(services)
        write_text(html, page)
        typer.echo(said)

    run(work)


def register(app: typer.Typer) -> None:
    """Add ``report trainee`` and ``report cohort`` to the app."""
    report_app = typer.Typer(help="Reportes HTML para formadores.", no_args_is_help=True)
    app.add_typer(report_app, name="report")

    @report_app.command("trainee")
    def trainee(
        name: str = typer.Argument(..., metavar="NOMBRE", help="Nombre del aprendiz."),
        html: Path = typer.Option(..., "--html", metavar="ARCHIVO", help="Archivo HTML a crear."),
        last: int = typer.Option(10, "--ultimas", min=1, help=WINDOW_HELP),
        formador: str | None = typer.Option(None, "--formador", help=FORMADOR_HELP),
    ) -> None:
        """Reporte de un aprendiz: historial, tendencia, habilidades, faltas repetidas y plan."""

        def make(services: Services) -> tuple[str, str]:
            from simulator.reports.render import render_trainee
            from simulator.reports.trainee import gather_trainee

            report = gather_trainee(services, name, window=last)
            said = (
                f"Reporte de «{report.name}» guardado en {html} "
                f"({_count(len(report.history), 'llamada calificada', 'llamadas calificadas')})."
            )
            return render_trainee(report), said

        _write_report(html, formador, make)

    @report_app.command("cohort")
    def cohort(
        name: str = typer.Argument(..., metavar="NOMBRE", help="Nombre de la cohorte."),
        html: Path = typer.Option(..., "--html", metavar="ARCHIVO", help="Archivo HTML a crear."),
        last: int = typer.Option(10, "--ultimas", min=1, help=WINDOW_HELP),
        formador: str | None = typer.Option(None, "--formador", help=FORMADOR_HELP),
    ) -> None:
        """Tablero de una cohorte en HTML: mapa de calor, PEC/PENC, asignaciones y alertas."""

        def make(services: Services) -> tuple[str, str]:
            from simulator.reports.cohort import gather_cohort
            from simulator.reports.render import render_cohort

            report = gather_cohort(services, name, window=last)
            said = (
                f"Tablero de la cohorte «{report.name}» guardado en {html} "
                f"({_count(len(report.lines), 'aprendiz', 'aprendices')})."
            )
            return render_cohort(report), said

        _write_report(html, formador, make)


def _count(n: int, one: str, many: str) -> str:
    """«1 aprendiz», «2 aprendices»: no «aprendiz(ces)» in what the formador reads."""
    return f"{n} {one if n == 1 else many}"
