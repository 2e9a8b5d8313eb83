"""Scripted calls: a text file where each line is an agent turn or a command.

Commands: ``/espera SEGUNDOS`` (hold for that many simulated seconds; permission is judged from the
agent's previous turn), ``/dato CAMPO=VALOR`` (capture a field), ``/venta [PRODUCTO]`` (register the
sale: of the product named, or else of the last one the agent spoke of), ``/colgar`` (end). Blank
lines and ``#`` comments are skipped. Used by ``simulador play --script`` and by the scripted-trainee
harness.

Customers say different things with different seeds, so a script can also react: ``/si PATRÓN =>
RESPUESTA`` is a standing rule; whenever the customer's words since the agent's last turn match
PATRÓN (over the normalized text: lowercase, no accents), the next agent turn starts with
RESPUESTA (at most two answers per turn, in the order the rules were written). PATRÓN is a safe
subset of regular expressions (``session/patterns.py``: text, ``|``, groups, ``?``, ``.*``,
``\b``) matched in linear time, because scripts are shared files and ``re`` has no timeout.
A script is read with bounds (size, steps, rules), so ``/dev/zero`` or a huge file fails fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from simulator.errors import InputError
from simulator.language.normalize import normalize
from simulator.language.plural import count as plural_count
from simulator.session import texts
from simulator.session.call import CallSession
from simulator.session.patterns import PatternError, compile_pattern
from simulator.session.result import CallResult

MAX_ANSWERS = 2
MAX_SCRIPT_BYTES = 1_000_000
MAX_STEPS = 1000  # turns and commands; a transcript holds at most 2,000 turns
MAX_RULES = 200
MAX_RULE_VARIANTS = 4096  # all /si patterns together, expanded (patterns.MAX_VARIANTS each)


@dataclass(frozen=True)
class Step:
    kind: str  # say | hold | capture | sale | hangup | rule
    text: str = ""
    seconds: float = 0.0
    field: str = ""
    line: int = 0
    path: str | None = None  # the script file, for messages about this step


@dataclass
class ScriptRun:
    result: CallResult
    notes: list[str] = field(default_factory=list)


def _msg(key: str, **values: object) -> str:
    return texts.script(key, **values)


def parse_command(raw: str, *, path: str | None = None, line: int = 0) -> Step:
    """One command line (starting with ``/``) as a Step; InputError with file:line when invalid."""
    command, _, rest = raw.strip().partition(" ")
    command = command.lower()
    rest = rest.strip()
    where = {"path": path, "line": line if path else None}
    if command == "/espera":
        try:
            seconds = float(rest.replace(",", "."))
        except ValueError:
            raise InputError(_msg("bad_hold"), **where) from None  # type: ignore[arg-type]
        if not 0 <= seconds <= 3600:
            raise InputError(_msg("bad_hold"), **where)  # type: ignore[arg-type]
        return Step("hold", seconds=seconds, line=line)
    if command == "/dato":
        key, sep, value = rest.partition("=")
        if not sep or not key.strip():
            raise InputError(_msg("bad_capture"), **where)  # type: ignore[arg-type]
        return Step("capture", field=key.strip(), text=value.strip(), line=line, path=path)
    if command == "/venta":
        return Step("sale", text=rest, line=line, path=path)
    if command == "/colgar":
        return Step("hangup", line=line)
    valid = ", ".join(texts.script_commands())
    raise InputError(_msg("unknown_command", command=command, valid=valid), **where)  # type: ignore[arg-type]


def parse_rule(raw: str, *, path: str, line: int) -> Step:
    """``/si PATRÓN => RESPUESTA``: a reactive answer (``field`` holds the pattern)."""
    pattern, sep, answer = raw.strip()[4:].partition("=>")
    pattern, answer = pattern.strip(), answer.strip()
    if not sep or not pattern or not answer:
        raise InputError(_msg("bad_rule"), path=path, line=line)
    try:
        compile_pattern(pattern)
    except PatternError as error:
        reason = _msg(error.key, **error.values)
        raise InputError(_msg("bad_rule_pattern", reason=reason), path=path, line=line) from None
    return Step("rule", text=answer, field=pattern, line=line)


def reactive_answers(session: CallSession, rules: list[Step], planned: str) -> list[str]:
    """Answers of the rules matching what the customer said since the agent's last turn."""
    heard = []
    for turn in reversed(session.transcript.turns):
        if turn.speaker == "agent":
            break
        heard.append(turn.text)
    if not heard or not rules:
        return []
    said = normalize(" ".join(reversed(heard)))
    answers: list[str] = []
    for rule in rules:
        if len(answers) == MAX_ANSWERS:
            break
        if rule.text in answers or rule.text in planned:
            continue
        if compile_pattern(rule.field).search(said):
            answers.append(rule.text)
    return answers


def parse_script(text: str, path: str | None = None) -> list[Step]:
    where = path or "<guion>"
    steps = []
    rules = variants = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.lower().startswith("/si "):
            step = parse_rule(line, path=where, line=number)
            rules += 1
            variants += len(compile_pattern(step.field).variants)
            if rules > MAX_RULES or variants > MAX_RULE_VARIANTS:
                raise InputError(_msg("too_many_rules", max=MAX_RULES), path=where, line=number)
            steps.append(step)
            continue
        if len(steps) - rules >= MAX_STEPS:
            raise InputError(_msg("too_many_steps", max=MAX_STEPS), path=where, line=number)
        if line.startswith("/"):
            steps.append(parse_command(line, path=where, line=number))
        else:
            steps.append(Step("say", text=line, line=number))
    return steps


def read_script(path: Path) -> list[Step]:
    from simulator.untrusted import read_text

    text = read_text(path, limit=MAX_SCRIPT_BYTES, name=str(path))
    return parse_script(text, str(path))


def apply_step(session: CallSession, step: Step) -> str | None:
    """Apply one step; returns the customer's reply text if there is one."""
    if step.kind == "say":
        return session.agent_says(step.text).text
    if step.kind == "hold":
        session.hold_start()
        reply = session.hold_end(step.seconds)
        return reply.text if reply else None
    if step.kind == "capture":
        try:
            session.capture(step.field, step.text)
        except InputError as error:  # «/dato color=rojo»: which line, and the scenario's fields
            if step.path is None:
                raise
            raise InputError(str(error), path=step.path, line=step.line) from None
    elif step.kind == "sale":
        try:
            session.register_sale(step.text or None)
        except InputError as error:  # «/venta plan oro»: which line, and the scenario's products
            if step.path is None:
                raise
            raise InputError(str(error), path=step.path, line=step.line) from None
    return None


def run_script(session: CallSession, steps: list[Step], *, score: bool = True) -> ScriptRun:
    """Play a whole script: status Disponible, start, every step, then the end of the call."""
    notes: list[str] = []
    if session.status != "Disponible":
        session.set_status("Disponible", automatic=True)
    session.start()
    rules: list[Step] = []
    ignored = 0
    for step in steps:
        if step.kind == "rule":
            rules.append(step)
            continue
        if step.kind == "hangup":
            break
        if session.ended:
            # the data of the agent's last turn, typed as the customer hung up, still go into the
            # system (the wrap-up, as the call screen allows; panel H zw-07); once a line of the
            # script goes unsaid, what follows it was never said in this call and is ignored
            if step.kind == "capture" and not ignored:
                apply_step(session, step)
            else:
                ignored += 1
            continue
        if step.kind == "say":
            answers = reactive_answers(session, rules, step.text)
            if answers:
                step = Step("say", text=" ".join([*answers, step.text]), line=step.line)
        apply_step(session, step)
    else:
        if not session.ended:
            notes.append(_msg("note_no_hangup"))
    if ignored:
        notes.append(_msg("note_hung_up", lineas=plural_count(ignored, "línea")))
    return ScriptRun(result=session.hang_up(score=score), notes=notes)
