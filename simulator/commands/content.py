"""CLI commands: ``simulador content validate|schema|list`` for scenario and persona authors.

Content files are written by others (and shared), so every id, title, name and message read from
them is printed through ``safe_text`` (no Rich markup, no terminal escape sequences).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from simulator.errors import SimuladorError
from simulator.language.plural import count as plural_count
from simulator.language.safe_text import safe_markup, strip_controls

ContentDirOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--content-dir",
        help="Carpeta adicional con escenarios y personas (tiene prioridad; se puede repetir).",
    ),
]

content_app = typer.Typer(
    name="content",
    help="Escenarios, personas y banco de preguntas: validar, listar y exportar los esquemas JSON.",
    no_args_is_help=True,
)


def _fail(error: SimuladorError) -> typer.Exit:
    typer.secho(strip_controls(str(error)), fg="red", err=True)
    return typer.Exit(error.exit_code)


@content_app.command("validate")
def validate(
    dirs: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="CARPETAS",
            help="Carpetas a revisar (por omisión: todo el contenido disponible).",
        ),
    ] = None,
    content_dir: ContentDirOption = None,
) -> None:
    """Revisa escenarios y personas y muestra cada problema como archivo:línea: mensaje."""
    from simulator.content.library import check_folder, content_dirs, display_path, validate_dirs

    try:
        if dirs:
            checked: list[Path] = []
            issues = []
            for folder in dirs:
                found, problems = check_folder(folder, content_dir)
                checked += found
                issues += problems
        else:
            checked, issues = validate_dirs(content_dirs(content_dir), content_dir)
    except SimuladorError as error:
        raise _fail(error) from None
    bad = {issue.path for issue in issues}
    for path in checked:
        shown = display_path(path)
        if shown not in bad:
            typer.secho(f"✓ {strip_controls(str(shown))}", fg="green")
    for issue in issues:
        typer.secho(f"✗ {strip_controls(str(issue))}", fg="red")
    if issues:
        typer.secho(f"{plural_count(len(issues), 'problema encontrado')}.", fg="red", err=True)
        raise typer.Exit(2)
    typer.echo(f"Todo en orden: {plural_count(len(checked), 'archivo válido')}.")


@content_app.command("schema")
def schema(
    out: Annotated[
        Path, typer.Option("--out", help="Carpeta donde escribir los esquemas JSON.")
    ] = Path("schemas"),
) -> None:
    """Escribe scenario.schema.json y persona.schema.json para completar en el editor."""
    from simulator.content.schema import write_schemas

    try:
        written = write_schemas(out)
    except OSError as error:
        where = strip_controls(str(out))
        typer.secho(f"No se pudo escribir en «{where}»: {error.strerror}", fg="red", err=True)
        raise typer.Exit(2) from None
    for path in written:
        typer.echo(f"Escrito {strip_controls(str(path))}")


@content_app.command("list")
def list_content(content_dir: ContentDirOption = None) -> None:
    """Muestra los escenarios y las personas disponibles."""
    from rich.console import Console
    from rich.table import Table

    from simulator.content.library import load_library
    from simulator.language.display import display

    try:
        library = load_library(content_dir)
    except SimuladorError as error:
        raise _fail(error) from None
    console = Console()
    table = Table(title="Escenarios")
    table.add_column("id", no_wrap=True, style="bold")
    for column in ("título", "tipo", "dificultad", "persona"):
        table.add_column(column)
    for scenario in sorted(library.scenarios.values(), key=lambda s: (s.difficulty, s.id)):
        table.add_row(
            _cell(scenario.id), _cell(scenario.title), _cell(display("scenario_kind", scenario.kind)),
            "★" * scenario.difficulty, _cell(scenario.default_persona),
        )  # fmt: skip
    console.print(table)
    personas = Table(title="Personas")
    personas.add_column("id", no_wrap=True, style="bold")
    for column in ("nombre", "tipo de cliente"):
        personas.add_column(column)
    for persona in sorted(library.personas.values(), key=lambda p: p.id):
        personas.add_row(
            _cell(persona.id),
            _cell(persona.name),
            _cell(display("customer_type", persona.customer_type)),
        )
    console.print(personas)
    if library.issues:
        console.print(
            f"[yellow]{plural_count(len(library.issues), 'archivo con problemas')} se omitieron; "
            "ejecute «simulador content validate» para verlos.[/yellow]"
        )


@content_app.command("preguntas")
def questions(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="ARCHIVO",
            help="Banco de preguntas YAML a revisar (por omisión: el configurado o el incluido).",
        ),
    ] = None,
) -> None:
    """Revisa el banco de preguntas de la autoevaluación de certificación (archivo:línea: mensaje)."""
    from simulator.exam.questions import load_bank, topics
    from simulator.settings import load_settings

    try:
        target = path if path is not None else load_settings().exam_questions
        bank = load_bank(target)
    except SimuladorError as error:
        raise _fail(error) from None
    shown = strip_controls(str(target)) if target is not None else "banco incluido"
    per_topic = bank.by_topic()
    typer.secho(f"✓ {shown}: {plural_count(len(bank.questions), 'pregunta')}.", fg="green")
    for key, label in topics().items():
        typer.echo(f"  {label}: {len(per_topic.get(key, []))}")


def _cell(value: object) -> str:
    """A table cell from content: one line, markup escaped, no control sequences."""
    return safe_markup(value, newlines=False)


def register(app: typer.Typer) -> None:
    """Add this family's commands to the app."""
    app.add_typer(content_app, name="content")
