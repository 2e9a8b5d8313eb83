"""CLI commands for formadores: ``formador crear``, ``formador pin`` (a trainee's PIN),
``cohorte crear|agregar|quitar|listar``, ``asignar`` and ``tablero`` (a Rich table of a cohort's
dashboard).

Formador actions ask for the formador's password (prompt, or ``SIMULADOR_FORMADOR_PASSWORD`` for
scripts and tests; ``formador_session.py``). Every ``SimuladorError`` becomes a red Spanish message
and exit code 2.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import typer

from simulator.commands.formador_session import build, login_formador, run
from simulator.errors import InputError
from simulator.language.plural import count as plural_count

if TYPE_CHECKING:
    from simulator.services.dashboard import CohortDashboard

MODE_WORDS = {"practica": "practice", "práctica": "practice", "examen": "exam"}


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def render_dashboard(board: CohortDashboard) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Tablero de la cohorte «{board.cohort_name}»")
    table.add_column("Aprendiz")
    table.add_column("Llamadas", justify="right")
    for key in board.element_keys:
        table.add_column(board.element_names[key], justify="right")
    for name in ("PEC", "PENC", "Tendencia", "Asignaciones", "Alertas"):
        table.add_column(name)
    for row in board.rows:
        flags = []
        if row.reincidente:
            flags.append("reincidente")
        if row.recurrente:
            flags.append("recurrente")
        table.add_row(
            row.name,
            str(row.calls),
            *(_percent(row.elements[key]) for key in board.element_keys),
            _percent(row.pec),
            _percent(row.penc),
            " ".join(str(score) for score in row.trend[-5:]) or "—",
            f"{row.assignments_done}/{row.assignments_total}"
            + (f" ({row.assignments_overdue} vencidas)" if row.assignments_overdue else ""),
            ", ".join(flags) or "—",
        )
    console = Console(width=200)
    console.print(table)
    console.print(
        f"Cohorte: PEC {_percent(board.pec)} · PENC {_percent(board.penc)} · "
        f"asignaciones cumplidas {board.assignments_done}/{board.assignments_total}, "
        f"vencidas {board.assignments_overdue}."
    )


def register(app: typer.Typer) -> None:
    """Add the formador commands to the app."""
    formador_app = typer.Typer(help="Cuentas de formador.", no_args_is_help=True)
    cohort_app = typer.Typer(help="Cohortes de aprendices.", no_args_is_help=True)
    app.add_typer(formador_app, name="formador")
    app.add_typer(cohort_app, name="cohorte")

    @formador_app.command("crear")
    def create_formador(
        name: str = typer.Argument(..., metavar="NOMBRE", help="Nombre del formador."),
        password: str | None = typer.Option(
            None, "--password", help="Contraseña (para scripts; sin ella se pide dos veces)."
        ),
        authorizer: str | None = typer.Option(
            None, "--formador", help="Formador que autoriza (si ya existe alguno)."
        ),
    ) -> None:
        """Crea una cuenta de formador (la primera no necesita autorización)."""

        def work() -> None:
            services = build()
            acting = login_formador(services, authorizer).id if authorizer else None
            secret = password or str(
                typer.prompt("Contraseña nueva", hide_input=True, confirmation_prompt=True)
            )
            created = services.formador.create_formador(name, secret, acting_id=acting)
            typer.echo(f"Formador «{created.name}» creado.")

        run(work)

    @formador_app.command("pin")
    def trainee_pin(
        trainee: str = typer.Argument(..., metavar="APRENDIZ", help="Nombre del aprendiz."),
        pin: str | None = typer.Option(
            None, "--pin", help="PIN nuevo (para scripts; sin él se pide dos veces, oculto)."
        ),
        remove: bool = typer.Option(
            False, "--quitar", help="Quita el PIN (con «obligatorio» elegirá uno al entrar)."
        ),
        formador: str | None = typer.Option(None, "--formador", help="Su nombre de formador."),
    ) -> None:
        """Asigna, cambia o quita el PIN de un aprendiz (4 a 8 dígitos, o una contraseña)."""

        def work() -> None:
            from simulator.services.signin import check_new_pin

            if remove and pin is not None:
                raise InputError("Use --pin o --quitar, no los dos.")
            services = build()
            actor = login_formador(services, formador)
            person = services.trainees.find(trainee)
            if person is None:
                raise InputError(f"No existe el aprendiz «{trainee}».")
            secret: str | None = None
            if not remove:
                secret = pin
                if secret is None:
                    secret = str(typer.prompt(f"PIN nuevo de {person.name}", hide_input=True))
                    check_new_pin(secret, str(typer.prompt("Repita el PIN", hide_input=True)))
            updated = services.desk.set_pin(actor.id, person.id, secret)
            if secret is None:
                typer.echo(f"PIN de «{updated.name}» quitado.")
            else:
                typer.echo(f"PIN de «{updated.name}» guardado; entréguelo en persona.")

        run(work)

    @cohort_app.command("crear")
    def create_cohort(
        name: str = typer.Argument(..., metavar="NOMBRE", help="Nombre de la cohorte."),
        formador: str | None = typer.Option(None, "--formador", help="Su nombre de formador."),
    ) -> None:
        """Crea una cohorte."""

        def work() -> None:
            services = build()
            actor = login_formador(services, formador)
            cohort = services.formador.create_cohort(actor.id, name)
            typer.echo(f"Cohorte «{cohort.name}» creada.")

        run(work)

    @cohort_app.command("agregar")
    def add_members(
        cohort: str = typer.Argument(..., metavar="COHORTE", help="Nombre de la cohorte."),
        trainees: list[str] = typer.Argument(..., metavar="APRENDIZ...", help="Aprendices."),
        formador: str | None = typer.Option(None, "--formador", help="Su nombre de formador."),
    ) -> None:
        """Agrega aprendices a una cohorte (se crean si no existen)."""

        def work() -> None:
            services = build()
            actor = login_formador(services, formador)
            found = services.formador.cohort(cohort)
            for name in trainees:
                trainee = services.trainees.get_or_create(name)
                added = services.formador.add_to_cohort(actor.id, found.id, trainee.id)
                state = "agregado" if added else "ya estaba"
                typer.echo(f"{trainee.name}: {state} en «{found.name}».")

        run(work)

    @cohort_app.command("quitar")
    def remove_member(
        cohort: str = typer.Argument(..., metavar="COHORTE", help="Nombre de la cohorte."),
        trainee: str = typer.Argument(..., metavar="APRENDIZ", help="Aprendiz."),
        formador: str | None = typer.Option(None, "--formador", help="Su nombre de formador."),
    ) -> None:
        """Quita a un aprendiz de una cohorte."""

        def work() -> None:
            services = build()
            actor = login_formador(services, formador)
            found = services.formador.cohort(cohort)
            person = services.trainees.find(trainee)
            if person is None:
                raise InputError(f"No existe el aprendiz «{trainee}».")
            removed = services.formador.remove_from_cohort(actor.id, found.id, person.id)
            typer.echo(f"{person.name}: {'quitado' if removed else 'no estaba'} de «{found.name}».")

        run(work)

    @cohort_app.command("listar")
    def list_cohorts(
        formador: str | None = typer.Option(
            None, "--formador", help="Su nombre de formador (pide su contraseña)."
        ),
    ) -> None:
        """Lista las cohortes y sus integrantes."""

        def work() -> None:
            services = build()
            if formador is not None:  # like the other cohort commands of the README
                login_formador(services, formador)
            cohorts = services.formador.list_cohorts()
            if not cohorts:
                typer.echo("No hay cohortes.")
            for cohort in cohorts:
                members = ", ".join(m.name for m in services.formador.cohort_members(cohort.id))
                typer.echo(f"{cohort.name} ({cohort.member_count}): {members or '—'}")

        run(work)

    @app.command("asignar")
    def assign(
        scenarios: list[str] = typer.Option(
            ..., "--escenario", metavar="ID", help="Escenario (repita para varios)."
        ),
        trainee: str | None = typer.Option(None, "--aprendiz", help="Aprendiz."),
        cohort: str | None = typer.Option(None, "--cohorte", help="Cohorte completa."),
        due: str | None = typer.Option(None, "--fecha", metavar="AAAA-MM-DD", help="Fecha límite."),
        target: int | None = typer.Option(None, "--meta", help="Calificación meta (0-100)."),
        mode: str = typer.Option("practica", "--modo", help="practica o examen."),
        attempts: int | None = typer.Option(None, "--intentos", help="Intentos (sin límite)."),
        formador: str | None = typer.Option(None, "--formador", help="Su nombre de formador."),
    ) -> None:
        """Asigna uno o varios escenarios a un aprendiz o a una cohorte."""

        def work() -> None:
            if (trainee is None) == (cohort is None):
                raise InputError("Indique --aprendiz NOMBRE o --cohorte NOMBRE (uno de los dos).")
            if mode.casefold() not in MODE_WORDS:
                raise InputError(f"Modo «{mode}» no válido; use practica o examen.")
            due_date = None
            if due is not None:
                try:
                    due_date = date.fromisoformat(due)
                except ValueError:
                    raise InputError(
                        f"Fecha «{due}» no válida; use el formato AAAA-MM-DD."
                    ) from None
            services = build()
            actor = login_formador(services, formador)
            trainee_id = cohort_id = None
            if trainee is not None:
                found = services.trainees.find(trainee)
                if found is None:
                    raise InputError(f"No existe el aprendiz «{trainee}».")
                trainee_id = found.id
            if cohort is not None:
                cohort_id = services.formador.cohort(cohort).id
            made = services.formador.assign(
                actor.id, scenarios, trainee_id=trainee_id, cohort_id=cohort_id,
                due_date=due_date, target_score=target, mode=MODE_WORDS[mode.casefold()],
                max_attempts=attempts,
            )  # fmt: skip
            who = f"la cohorte «{cohort}»" if cohort else f"«{trainee}»"
            typer.echo(f"{plural_count(len(made), 'escenario asignado')} a {who}.")

        run(work)

    @app.command("tablero")
    def dashboard(
        cohort: str = typer.Option(..., "--cohorte", help="Nombre de la cohorte."),
        last: int = typer.Option(10, "--ultimas", min=1, help="Llamadas recientes por aprendiz."),
        formador: str | None = typer.Option(None, "--formador", help="Su nombre de formador."),
    ) -> None:
        """Muestra el tablero de una cohorte: habilidades, PEC/PENC, tendencia y alertas."""

        def work() -> None:
            services = build()
            login_formador(services, formador)
            found = services.formador.cohort(cohort)
            render_dashboard(services.dashboard(found.id, window=last))

        run(work)
