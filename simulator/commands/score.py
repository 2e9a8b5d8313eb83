"""CLI commands ``simulador score`` (grade transcripts) and ``simulador rubric`` (print the rules).

``score`` accepts one file, ``-`` for stdin, several files or a directory (batch: a progress bar,
one line per call, a summary with the most frequent faults, and with ``--csv`` one CSV row per
file, see ``simulator.reports.batch``). Invalid input exits with code 2 and a Spanish message, never
a traceback; in a batch a bad file is reported (a CSV row with its error) and the others are still
graded (exit code 2 at the end). File names
and transcript text are printed through ``safe_text`` (no Rich markup, no terminal escapes).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from simulator.errors import SimuladorError, TranscriptError
from simulator.language.plural import count as plural_count

if TYPE_CHECKING:
    from simulator.models.scorecard import Scorecard
    from simulator.models.transcript import Transcript


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _say_error(error: SimuladorError | str) -> None:
    from simulator.language.safe_text import strip_controls

    typer.secho(strip_controls(str(error)), fg="red", err=True)


def _fail(error: SimuladorError) -> typer.Exit:
    _say_error(error)
    return typer.Exit(error.exit_code)


def _expand(sources: list[str]) -> list[str]:
    """Files to read: a folder stands for its ``*.json`` files (only regular files: a FIFO or a
    device named ``x.json`` would block or never end; they are still listed, to fail one by one)."""
    out: list[str] = []
    for source in sources:
        path = Path(source)
        if source != "-" and path.is_dir():
            found = sorted(str(p) for p in path.glob("*.json"))
            if not found:
                raise TranscriptError("la carpeta no contiene archivos .json", path=source)
            out.extend(found)
        else:
            out.append(source)
    return out


def _in_folder(source: str, sources: list[str]) -> bool:
    return source not in sources


def load_for_scoring(source: str, *, regular_only: bool = False) -> Transcript:
    """A transcript file (or ``-``) ready to score: its scenario filled in, and refused in Spanish
    when it has nothing of the agent to judge (``simulador explain`` reads files the same way)."""
    from simulator.scoring.loader import load_transcript

    if regular_only and not Path(source).is_file():
        raise TranscriptError("no es un archivo regular (se omite)", path=source)
    transcript = _with_scenario(load_transcript(source if source == "-" else Path(source)), source)
    # a call with events (e.g. the customer hung up at once) is graded; one with nothing is refused
    if not transcript.events and not any(turn.speaker == "agent" for turn in transcript.turns):
        raise TranscriptError(
            "no hay nada que calificar: el transcript no tiene ninguna intervención del agente "
            "(se esperaba al menos un turno con «speaker»: «agent» en «turns»)",
            path=source,
        )
    return transcript


_scenario_note_shown = False


def _with_scenario(transcript: Transcript, source: str) -> Transcript:
    """Fill the fields a transcript lacks from the bundled scenario it names (content layer)."""
    global _scenario_note_shown
    if not transcript.scenario:
        return transcript
    try:
        from simulator.content.transcripts import apply_scenario
    except ImportError:
        if not _scenario_note_shown:
            _say_error(
                f"Aviso: no se pudo cargar el escenario «{transcript.scenario}»; "
                "se califica solo con los datos del transcript."
            )
            _scenario_note_shown = True
        return transcript
    return apply_scenario(transcript)


def _scenario_hint(transcript: Transcript) -> dict[str, Any]:
    """Kind, difficulty and customer type of the bundled scenario, to choose coaching drills."""
    if not transcript.scenario:
        return {}
    try:
        from simulator.content.library import load_library

        library = load_library()
        scenario = library.scenario(transcript.scenario)
        hint: dict[str, Any] = {"kind": scenario.kind, "difficulty": scenario.difficulty}
        hint["customer_type"] = library.persona(scenario.default_persona).customer_type
        return hint
    except (ImportError, AttributeError, SimuladorError):
        return {}


def _history(files: list[str]) -> list[Scorecard]:
    from pydantic import ValidationError

    from simulator.coaching import grade
    from simulator.models.scorecard import Scorecard
    from simulator.scoring.loader import read_transcript_text, validate
    from simulator.untrusted import parse_json

    cards: list[Scorecard] = []
    for source in _expand(files):
        if _in_folder(source, files) and not Path(source).is_file():
            raise TranscriptError("no es un archivo regular", path=source)
        text = read_transcript_text(source)
        if not text.strip():
            raise TranscriptError("el archivo del historial está vacío", path=source)
        data = parse_json(text, source, error=TranscriptError)
        if isinstance(data, dict) and "overall" in data and "verdict" in data:
            try:
                cards.append(Scorecard.model_validate(data))
            except ValidationError:
                raise TranscriptError(
                    "la tarjeta de calificación del historial no es válida", path=source
                ) from None
        else:
            cards.append(grade(_with_scenario(validate(data, source), source)))
    return cards


def _dump(card: Scorecard) -> dict[str, Any]:
    return card.model_dump(mode="json")


def _batch_line(source: str, card: Scorecard) -> Any:
    from rich.text import Text

    from simulator.language.display import display
    from simulator.language.safe_text import strip_controls

    codes = ",".join(dict.fromkeys(e.code for e in card.critical_errors)) or "-"
    name = strip_controls(Path(source).name, newlines=False)
    return Text(f"{name:<40} {card.overall:>3}  {display('verdict', card.verdict):<22} EC: {codes}")


def score(
    files: list[str] = typer.Argument(
        ...,
        metavar="ARCHIVOS",
        help="Transcript(s) JSON, una carpeta, o «-» para leer de la entrada estándar.",
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Imprime la tarjeta de calificación en JSON."
    ),
    history: list[str] = typer.Option(
        [], "--history", help="Tarjetas o transcripts de llamadas anteriores (repita la opción)."
    ),
    csv_path: Path | None = typer.Option(
        None,
        "--csv",
        metavar="SALIDA.csv",
        help="Guarda una fila por llamada (archivo, escenario, veredicto, calificación, PEC, PENC, "
        "errores críticos, elementos no cumplidos) en este archivo CSV.",
    ),
) -> None:
    """Califica una llamada (transcript) y muestra la retroalimentación y el plan de acción."""
    from simulator.coaching import grade
    from simulator.coaching.render import scorecard as render

    try:
        sources = _expand(files)
        earlier = _history(history) if history else []
    except SimuladorError as error:
        raise _fail(error) from None
    if len(sources) == 1 and csv_path is None:
        try:
            transcript = load_for_scoring(sources[0], regular_only=_in_folder(sources[0], files))
            card = grade(transcript, history=earlier, scenario_hint=_scenario_hint(transcript))
        except SimuladorError as error:
            raise _fail(error) from None
        if as_json:
            typer.echo(json.dumps(_dump(card), ensure_ascii=False, indent=2))
        else:
            _console().print(render(card, title=f"Calificación — {sources[0]}"))
        return
    _batch(sources, files, earlier, as_json=as_json, csv_path=csv_path)


def _progress(total: int) -> Any:
    """A Rich progress bar on stderr (drawn only on a terminal; stdout keeps the results)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(
        TextColumn("Calificando"),
        BarColumn(),
        MofNCompleteColumn(),
        console=_console(stderr=True),
        transient=True,
    )


def _grade_one(source: str, files: list[str], earlier: list[Scorecard]) -> tuple[Any, Any]:
    """(row, card) of one file of a batch; a file that cannot be scored is a row with its error."""
    from simulator.coaching import grade
    from simulator.language.safe_text import strip_controls
    from simulator.reports.batch import failed_row, row_for

    try:
        transcript = load_for_scoring(source, regular_only=_in_folder(source, files))
        card = grade(transcript, history=earlier)
    except SimuladorError as error:
        return failed_row(source, strip_controls(str(error))), None
    except (RecursionError, MemoryError, ValueError, TypeError, LookupError) as error:
        # One unreadable call must not cost the rest of the batch; say which and go on.
        return (
            failed_row(
                source,
                f"{source}: no se pudo calificar este archivo (error interno: "
                f"{type(error).__name__}); se continúa con los demás",
            ),
            None,
        )
    return row_for(source, card, transcript.scenario), card


def _batch(
    sources: list[str],
    files: list[str],
    earlier: list[Scorecard],
    *,
    as_json: bool,
    csv_path: Path | None,
) -> None:
    """Score every file (a bad one becomes a row with its error), then the table or JSON, the
    summary and the CSV; exit code 2 at the end when any file failed."""
    from simulator.commands.score_pool import graded
    from simulator.reports.batch import summarize, summary_lines, write_batch_csv

    rows = []
    cards: list[tuple[str, Scorecard]] = []
    # several processes on a multi-core machine, in the files' order (speed-21)
    with (
        graded(sources, lambda s: _grade_one(s, files, earlier)) as results,
        _progress(len(sources)) as progress,
    ):
        task = progress.add_task("calificar", total=len(sources))
        for source, (row, card) in zip(sources, results, strict=True):
            rows.append(row)
            if card is None:
                _say_error(row.error)
            else:
                cards.append((source, card))
            progress.advance(task)
    if csv_path is not None:
        try:
            write_batch_csv(csv_path, rows)
        except SimuladorError as error:
            raise _fail(error) from None
    if as_json:
        typer.echo(
            json.dumps([{"file": s, **_dump(c)} for s, c in cards], ensure_ascii=False, indent=2)
        )
    else:
        console = _console()
        for source, card in cards:
            console.print(_batch_line(source, card))
        if cards:
            console.print()
            for line in summary_lines(summarize(rows)):
                console.print(line, markup=False)
        if csv_path is not None:
            console.print(f"CSV guardado en {csv_path} ({len(rows)} filas).", markup=False)
    failed = sum(not row.scored for row in rows)
    if failed:
        verb = "pudo" if failed == 1 else "pudieron"
        _say_error(f"{failed} de {plural_count(len(sources), 'archivo')} no se {verb} calificar.")
        raise typer.Exit(2)


def rubric(
    as_json: bool = typer.Option(False, "--json", help="Imprime las reglas en JSON."),
) -> None:
    """Muestra todas las reglas con las que se califica una llamada."""
    from rich.table import Table

    from simulator.scoring.registry import registry
    from simulator.scoring.rubric import KIND_NAMES

    entries = registry()
    items = [entry.rule for entry in entries]
    if as_json:
        typer.echo(
            json.dumps(
                [{**e.rule.model_dump(), "id": e.id, "function": e.function_path} for e in entries],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    console = _console()
    for kind, title in KIND_NAMES.items():
        group = [r for r in items if r.kind == kind]
        if not group:
            continue
        table = Table(title=title, show_lines=True, expand=True)
        table.add_column("Regla", style="bold")
        table.add_column("Qué se revisa")
        table.add_column("Qué se espera")
        table.add_column("Peso", justify="right")
        for r in group:
            table.add_row(
                f"{r.name}\n[dim]{r.key}[/dim]", r.description, r.expected, f"{r.weight:g}"
            )
        console.print(table)


def register(app: typer.Typer) -> None:
    """Add this family's commands to the app."""
    app.command("score")(score)
    app.command("rubric")(rubric)
