"""CLI: ``simulador report trainee|cohort NOMBRE --html archivo.html`` — the HTML reports for
formadores (one self-contained file each, charts as inline SVG, ready to print).

Like every formador command they ask for the formador's password (prompt, or
``SIMULADOR_FORMADOR_PASSWORD``); bad input (unknown trainee or cohort, a path that cannot be
written) is a Spanish message with exit code 2, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import typer

from simulator.commands.formador_session import build, login_formador, run

WINDOW_HELP = "Llamadas recientes por aprendiz que cuentan en las cifras."
FORMADOR_HELP = "Su nombre de formador."


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

        def work() -> None:
            from simulator.reports.files import write_text
            from simulator.reports.render import render_trainee
            from simulator.reports.trainee import gather_trainee

            services = build()
            login_formador(services, formador)
            report = gather_trainee(services, name, window=last)
            write_text(html, render_trainee(report))
            typer.echo(
                f"Reporte de «{report.name}» guardado en {html} "
                f"({len(report.history)} llamada(s) calificada(s))."
            )

        run(work)

    @report_app.command("cohort")
    def cohort(
        name: str = typer.Argument(..., metavar="NOMBRE", help="Nombre de la cohorte."),
        html: Path = typer.Option(..., "--html", metavar="ARCHIVO", help="Archivo HTML a crear."),
        last: int = typer.Option(10, "--ultimas", min=1, help=WINDOW_HELP),
        formador: str | None = typer.Option(None, "--formador", help=FORMADOR_HELP),
    ) -> None:
        """Tablero de una cohorte en HTML: mapa de calor, PEC/PENC, asignaciones y alertas."""

        def work() -> None:
            from simulator.reports.cohort import gather_cohort
            from simulator.reports.files import write_text
            from simulator.reports.render import render_cohort

            services = build()
            login_formador(services, formador)
            report = gather_cohort(services, name, window=last)
            write_text(html, render_cohort(report))
            typer.echo(
                f"Tablero de la cohorte «{report.name}» guardado en {html} "
                f"({len(report.lines)} aprendiz(ces))."
            )

        run(work)
