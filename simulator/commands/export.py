"""CLI: ``simulador export cohort|plan|transcripts|portafolio`` — files a formador takes elsewhere:
the cohort as CSV (one row per trainee), a trainee's coaching plan as Markdown, a trainee's calls as
transcript files that ``simulador score`` reads back, and the evidence portfolio of a certification
self-assessment as HTML and/or PDF.

Formador commands: they ask for the formador's password (prompt, or
``SIMULADOR_FORMADOR_PASSWORD``); bad input is a Spanish message with exit code 2.
"""

from __future__ import annotations

from pathlib import Path

import typer

from simulator.commands.formador_session import build, login_formador, run
from simulator.errors import InputError
from simulator.language.plural import count as plural_count

FORMADOR_HELP = "Su nombre de formador."


def register(app: typer.Typer) -> None:
    """Add ``export cohort``, ``export plan``, ``export transcripts`` and ``export portafolio``."""
    export_app = typer.Typer(help="Exportar datos para formadores.", no_args_is_help=True)
    app.add_typer(export_app, name="export")

    @export_app.command("cohort")
    def cohort(
        name: str = typer.Argument(..., metavar="NOMBRE", help="Nombre de la cohorte."),
        csv: Path = typer.Option(..., "--csv", metavar="ARCHIVO", help="Archivo CSV a crear."),
        last: int = typer.Option(10, "--ultimas", min=1, help="Llamadas recientes por aprendiz."),
        formador: str | None = typer.Option(None, "--formador", help=FORMADOR_HELP),
    ) -> None:
        """Una fila por aprendiz: llamadas, promedio, PEC, PENC, alertas y asignaciones."""

        def work() -> None:
            from simulator.reports.cohort import gather_cohort, write_cohort_csv

            services = build()
            login_formador(services, formador)
            report = gather_cohort(services, name, window=last)
            write_cohort_csv(csv, report.lines)
            typer.echo(
                f"Cohorte «{report.name}»: {len(report.lines)} "
                f"{'aprendiz guardado' if len(report.lines) == 1 else 'aprendices guardados'} "
                f"en {csv}."
            )

        run(work)

    @export_app.command("plan")
    def plan(
        name: str = typer.Argument(..., metavar="NOMBRE", help="Nombre del aprendiz."),
        md: Path = typer.Option(..., "--md", metavar="ARCHIVO", help="Archivo Markdown a crear."),
        formador: str | None = typer.Option(None, "--formador", help=FORMADOR_HELP),
    ) -> None:
        """El plan de acción actual del aprendiz (el de su llamada calificada más reciente)."""

        def work() -> None:
            from simulator.reports.files import write_text
            from simulator.reports.render import render_plan_markdown
            from simulator.reports.trainee import gather_trainee

            services = build()
            login_formador(services, formador)
            report = gather_trainee(services, name)
            if report.plan is None:
                raise InputError(
                    f"«{report.name}» no tiene llamadas calificadas: todavía no hay plan de acción."
                )
            write_text(md, render_plan_markdown(report.name, report.plan))
            typer.echo(f"Plan de acción de «{report.name}» guardado en {md}.")

        run(work)

    @export_app.command("transcripts")
    def transcripts(
        name: str = typer.Argument(..., metavar="NOMBRE", help="Nombre del aprendiz."),
        folder: Path = typer.Option(
            ..., "--dir", metavar="CARPETA", help="Carpeta donde guardar (se crea si no existe)."
        ),
        formador: str | None = typer.Option(None, "--formador", help=FORMADOR_HELP),
    ) -> None:
        """Una transcripción JSON por llamada, en el formato que lee «simulador score»."""

        def work() -> None:
            from simulator.reports.transcripts import export_transcripts

            services = build()
            login_formador(services, formador)
            result = export_transcripts(services, name, folder)
            for reason in result.skipped:
                typer.secho(f"Omitida: {reason}", fg="yellow", err=True)
            typer.echo(
                f"{plural_count(len(result.written), 'transcripción guardada')} en {folder}."
            )

        run(work)

    @export_app.command("portafolio")
    def portfolio(
        attempt: int = typer.Option(
            ..., "--intento", metavar="ID", help="Número de la autoevaluación."
        ),
        html: Path | None = typer.Option(
            None, "--html", metavar="ARCHIVO", help="Archivo HTML a crear."
        ),
        pdf: Path | None = typer.Option(
            None, "--pdf", metavar="ARCHIVO", help="Archivo PDF a crear."
        ),
        formador: str | None = typer.Option(None, "--formador", help=FORMADOR_HELP),
    ) -> None:
        """Portafolio de evidencias de una autoevaluación terminada: guía de observación, lista de
        cotejo, cuestionario y transcripciones, en HTML y/o PDF."""

        def work() -> None:
            from simulator.reports.portfolio_export import gather_portfolio, write_portfolio

            if html is None and pdf is None:
                raise InputError(
                    "Indique dónde guardar el portafolio: --html ARCHIVO y/o --pdf ARCHIVO."
                )
            services = build()
            viewer = login_formador(services, formador)
            found = gather_portfolio(services, attempt, viewer_id=viewer.id)
            files = write_portfolio(found, html=html, pdf=pdf)
            saved = " y ".join(str(path) for path in files.paths)
            typer.echo(
                f"Portafolio de «{found.candidate}» (autoevaluación {found.attempt_id}, "
                f"{found.verdict}) guardado en {saved}."
            )

        run(work)
