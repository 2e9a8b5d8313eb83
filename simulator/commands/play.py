"""CLI command ``simulador play``: a call with a simulated customer in the plain terminal.

Without ``--script`` it is interactive (type agent turns; commands /espera, /dato, /venta,
/colgar, /ayuda). With ``--script FILE`` each line is an agent turn or a command, which makes
calls reproducible for tests and for trainers. ``--json`` prints exactly
``{"outcome", "transcript", "scorecard"}``. Every value that comes from the user, the content or
the customer is printed through ``safe_text.safe_markup`` (no markup injection, no escapes).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from simulator.errors import InputError, SimuladorError
from simulator.language.safe_text import safe_markup as _s

LOAD_WAIT_SECONDS = 120.0

if TYPE_CHECKING:
    from simulator.session.call import CallSession
    from simulator.session.result import CallResult


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def play(
    scenario: str = typer.Option(..., "--scenario", "-s", help="Id del escenario."),
    persona: str | None = typer.Option(
        None, "--persona", "-p", help="Id de la persona (por omisión la del escenario)."
    ),
    seed: int = typer.Option(0, "--seed", help="Semilla: la misma semilla reproduce la llamada."),
    script: Path | None = typer.Option(
        None,
        "--script",
        help="Guion: cada línea es un turno del agente o un comando (/espera, /dato, /venta, "
        "/colgar; «/si PATRÓN => RESPUESTA» responde a lo que pregunte el cliente).",
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Imprime outcome, transcript y scorecard en JSON."
    ),
    mode: str = typer.Option("practice", "--mode", help="practice (con sugerencias) o exam."),
    content_dir: list[Path] | None = typer.Option(
        None, "--content-dir", help="Carpeta extra de contenido."
    ),
    journal: Path | None = typer.Option(
        None, "--journal", help="Ruta del diario de la llamada (JSONL)."
    ),
    llm: str | None = typer.Option(
        None,
        "--llm",
        help="Boca del cliente: none (frases de plantilla), openai (servidor en llm_endpoint) o "
        "transformers (carpeta en llm_model). Por omisión, llm_backend de la configuración.",
    ),
    voz: bool = typer.Option(
        False, "--voz", help="Llamada de voz: escuche al cliente y háblele (micrófono)."
    ),
    voz_entrada: list[Path] | None = typer.Option(
        None, "--voz-entrada", help="WAV con una línea del agente, en orden (en vez del micrófono)."
    ),
    voz_salida: Path | None = typer.Option(
        None, "--voz-salida", help="Guarda la voz del cliente en este WAV (en vez de la bocina)."
    ),
    grabacion: Path | None = typer.Option(
        None, "--grabacion", help="Guarda la llamada completa (ambos lados) en este WAV."
    ),
    aprendiz: str | None = typer.Option(
        None,
        "--aprendiz",
        help="Guarda la llamada en el historial de este aprendiz (cuenta para sus asignaciones); "
        "pide su PIN si tiene uno (o SIMULADOR_PIN).",
    ),
) -> None:
    """Juega una llamada con un cliente simulado (interactiva, con guion o de voz)."""
    try:
        voice = _voice_options(voz_entrada, voz_salida, grabacion) if voz or voz_entrada else None
        _play(
            scenario, persona, seed, script, as_json, mode, content_dir, journal, llm, voice,
            aprendiz,
        )  # fmt: skip
    except SimuladorError as error:
        _console(stderr=True).print(f"[red]{_s(error)}[/red]")
        raise typer.Exit(error.exit_code) from None


def _voice_options(inputs: list[Path] | None, output: Path | None, recording: Path | None) -> Any:
    from simulator.settings import load_settings
    from simulator.voice.setup import VoiceOptions

    settings = load_settings()
    return VoiceOptions(
        inputs=tuple(inputs or ()),
        output=output,
        recording=recording,
        telephone=settings.voice_telephone,
        stt_model=settings.voice_stt_model,
        early_seconds=settings.voice_early_seconds,
        hesitation_seconds=settings.voice_hesitation_seconds,
        silence_seconds=settings.voice_silence_seconds,
        barge_in_seconds=settings.voice_barge_in_seconds,
        piper_model=settings.voice_piper_model,
    )


def _play(
    scenario_id: str,
    persona_id: str | None,
    seed: int,
    script: Path | None,
    as_json: bool,
    mode: str,
    content_dir: list[Path] | None,
    journal_path: Path | None,
    llm: str | None = None,
    voice: Any = None,
    trainee_name: str | None = None,
) -> None:
    from datetime import UTC, datetime

    from simulator.content.library import load_library
    from simulator.session import texts
    from simulator.session.call import CallSession
    from simulator.session.journal import Journal
    from simulator.session.script import read_script, run_script

    if mode not in ("practice", "exam"):
        raise InputError(f"modo desconocido «{mode}»; use practice o exam")
    steps = read_script(script) if script is not None else None
    library = load_library(extra_dirs=list(content_dir) if content_dir else None)
    sc = library.scenario(scenario_id)
    pe = library.persona_for(sc, persona_id)
    if steps:  # a product named in «/venta PRODUCTO» is checked before the call starts
        from simulator.session.product_choice import chosen_product

        for step in steps:
            if step.kind == "sale" and step.text:
                try:
                    chosen_product(step.text, sc)
                except InputError as error:
                    raise InputError(str(error), path=step.path, line=step.line) from None
    services, trainee, history = _trainee(trainee_name)
    journal = Journal(journal_path) if journal_path else None
    mouth = _mouth(llm)
    started = datetime.now(UTC)
    session = CallSession(
        sc, pe, seed=seed, mode=mode, journal=journal, mouth=mouth, history=history,  # type: ignore[arg-type]
    )  # fmt: skip
    by_voice = None
    if voice is not None and steps is None:
        from simulator.commands.voice import play_by_voice
        from simulator.voice.call import StreamClock

        clock = StreamClock()
        spoken = CallSession(
            sc,
            pe,
            seed=seed,
            mode=mode,  # type: ignore[arg-type]
            journal=journal,
            mouth=mouth,
            clock=clock,
            history=history,
        )
        by_voice = play_by_voice(spoken, voice, clock)
    try:
        if by_voice is not None:
            result, notes = by_voice, []
        elif steps is not None:
            run = run_script(session, steps)
            result, notes = run.result, run.notes
        else:
            result, notes = _interactive(session), []
    finally:
        if journal:
            journal.close()
    _llm_stats(mouth)
    if services is not None and trainee is not None:
        saved = services.calls.record(
            trainee.id, result, scenario_id=sc.id, persona_id=pe.id, seed=seed, mode=mode,
            started_at=started,
        )  # fmt: skip
        _console(stderr=True).print(
            texts.play("saved_for", name=_s(trainee.name), number=saved.call_id)
        )
    from simulator.session.folio import case_folio

    folio = case_folio(sc, seed)
    if as_json:
        data = result.to_json_dict()
        if folio and any(e.type == "sale_registered" for e in result.transcript.events):
            data["folio"] = folio
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        for note in notes:
            _console(stderr=True).print(f"[yellow]{_s(note)}[/yellow]")
        return
    console = _console()
    _print_transcript(console, result, sc.kind, folio)
    for note in notes:
        console.print(f"[yellow]{_s(note)}[/yellow]")
    _print_summary(console, result)
    if journal_path:
        console.print(texts.play("journal", path=_s(journal_path)))


def _trainee(name: str | None) -> tuple[Any, Any, list[Any] | None]:
    """For ``--aprendiz``: the services, the trainee signed in (their PIN asked if they have one)
    and their earlier scorecards (the call is coached against them); Nones without it."""
    if name is None:
        return None, None, None
    from simulator.commands.formador_session import build, sign_in_trainee

    services = build()
    trainee = sign_in_trainee(services, name)
    return services, trainee, services.calls.history(trainee.id)


def _mouth(llm: str | None) -> Any:
    """The customer's mouth from the settings (``llm_*``; ``--llm`` overrides the backend): None
    for the template mouth. A model is loaded before the call starts (bounded wait: the calls
    keep the template lines until it is ready)."""
    from simulator.session import texts
    from simulator.settings import load_settings

    settings = load_settings(**({"llm_backend": llm.strip().lower()} if llm else {}))
    if settings.llm_backend == "none":
        return None
    from simulator.customer.llm import LLMConfig, LLMMouth, build_mouth

    mouth = build_mouth(LLMConfig.from_settings(settings))
    if isinstance(mouth, LLMMouth):
        err = _console(stderr=True)
        err.print(texts.play("llm_loading", backend=settings.llm_backend))
        if not mouth.wait_ready(LOAD_WAIT_SECONDS):
            reason = mouth.load_error or f"sigue cargando después de {LOAD_WAIT_SECONDS} s"
            err.print(f"[yellow]{texts.play('llm_unavailable', reason=_s(reason))}[/yellow]")
    return mouth


def _llm_stats(mouth: Any) -> None:
    from simulator.customer.llm import LLMMouth
    from simulator.session import texts

    if not isinstance(mouth, LLMMouth):
        return
    reasons = sorted((k.split(":", 1)[1], n) for k, n in mouth.stats.items() if ":" in k)
    detail = " (" + ", ".join(f"{k} {n}" for k, n in reasons) + ")" if reasons else ""
    line = texts.play(
        "llm_stats", used=mouth.stats["llm"], fallbacks=mouth.fallbacks, reasons=detail
    )
    _console(stderr=True).print(_s(line))


def _interactive(session: CallSession) -> CallResult:
    from rich.prompt import Prompt

    from simulator.session import texts
    from simulator.session.script import apply_step, parse_command

    console = _console()
    sc, pe = session.scenario, session.persona
    console.print(
        f"[bold]{texts.play('banner', title=_s(sc.title), persona=_s(pe.name), ctype=_s(pe.customer_type), mode=session.mode)}[/bold]"
    )
    console.print(texts.play("briefing", briefing=_s(sc.briefing)))
    if today := texts.call_date_words(session.state.call_date):
        console.print(texts.play("call_date", date=_s(today)))
    console.print(texts.play("help"))
    session.set_status("Disponible", automatic=True)
    console.print(texts.play("status", status="Disponible"))
    for line in session.start():
        console.print(f"[cyan]{texts.play('customer')}:[/cyan] {_s(line)}")
    while not session.ended:
        try:
            raw = Prompt.ask(f"[green]{texts.play('your_turn')}[/green]", console=console).strip()
        except EOFError:
            break
        if not raw:
            continue
        if raw.lower() == "/ayuda":
            console.print(texts.play("help"))
            continue
        try:
            if raw.startswith("/"):
                step = parse_command(raw)
                if step.kind == "hangup":
                    break
                reply = apply_step(session, step)
                if step.kind == "sale":  # the agent sees what was registered and its folio
                    _print_registration(console, session)
            else:
                reply = session.agent_says(raw).text
        except SimuladorError as error:
            console.print(f"[red]{_s(error)}[/red]")
            continue
        if reply:
            console.print(
                f"[cyan]{texts.play('customer')}:[/cyan] {_s(reply)}  [dim]({_s(session.mood)})[/dim]"
            )
        hint = session.hint()
        if hint:
            console.print(f"[yellow]{texts.play('hint', hint=_s(hint))}[/yellow]")
    if session.state.hung_up:
        console.print(f"[red]{texts.play('hung_up')}[/red]")
    return session.hang_up()


def _print_registration(console: Any, session: CallSession) -> None:
    from simulator.session.folio import case_folio

    event, sc = session.transcript.events[-1], session.scenario
    if label := _event_label(event.type, event.value, sc.kind, case_folio(sc, session.seed)):
        console.print(f"[dim]{label}[/dim]")


def _print_transcript(
    console: Any, result: CallResult, scenario_kind: str, folio: str | None
) -> None:
    from simulator.session import texts

    events: dict[int, list[Any]] = {}
    for event in result.transcript.events:
        events.setdefault(event.after_turn or 0, []).append(event)
    for index, turn in enumerate(result.transcript.turns, start=1):
        who = texts.play("agent") if turn.speaker == "agent" else texts.play("customer")
        colour = "green" if turn.speaker == "agent" else "cyan"
        console.print(f"[{colour}]{index:>3} {who}:[/{colour}] {_s(turn.text)}")
        for event in events.get(index, []):
            label = _event_label(event.type, event.value, scenario_kind, folio)
            if label:
                console.print(f"[dim]    {label}[/dim]")


def _event_label(
    kind: str, value: str | None, scenario_kind: str, folio: str | None = None
) -> str | None:
    """The bracketed note under a turn; a registration is named by the call's kind (a payment
    agreement in collections, a request in service), as the call screen names it."""
    from simulator.language.display import display
    from simulator.session import texts

    if kind == "hold_end":
        return texts.play("hold", seconds=_s(value))
    if kind == "capture":
        return texts.play("capture", value=_s(value))
    if kind == "sale_registered":
        what = display("registered", scenario_kind).rstrip(".")
        what = f"{what}: {_s(value)}" if value else what
        return texts.play("sale", what=f"{what}. Folio: {folio}" if folio else what)
    if kind == "hangup" and value == "cliente":
        return texts.play("hung_up")
    return None


def _print_summary(console: Any, result: CallResult) -> None:
    from simulator.language.display import display
    from simulator.session import texts
    from simulator.session.outcome_reason import outcome_reason

    console.print()
    console.print(
        f"[bold]{texts.play('outcome', outcome=display('outcome', result.outcome))}[/bold]"
    )
    why = outcome_reason(result.outcome, result.transcript)
    if why:
        console.print(_s(why))
    card = result.scorecard
    if card is None:
        return
    console.print(
        texts.play("overall", overall=card.overall, verdict=display("verdict", card.verdict))
    )
    if card.critical_errors:
        console.print(f"[red]{texts.play('critical')}[/red]")
        for error in card.critical_errors:
            turn = f" (turno {error.turn})" if error.turn else ""
            console.print(
                f"  • {display('critical_error', error.code)}{turn}: {_s(error.explanation)}"
            )
    if card.feedback.strengths:
        console.print(texts.play("strengths"))
        for item in card.feedback.strengths[:3]:
            console.print(f"  • {_s(item.message)}")
    if card.feedback.improvements:
        console.print(texts.play("improvements"))
        for item in card.feedback.improvements[:4]:
            tip = f" Pruebe: «{_s(item.try_saying)}»" if item.try_saying else ""
            console.print(f"  • {_s(item.message)}{tip}")


def register(app: typer.Typer) -> None:
    """Add this family's commands to the app."""
    app.command("play")(play)
