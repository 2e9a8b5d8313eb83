"""The knowledge question bank: multiple-choice questions across the standard's knowledge and skills.

The bank is a data file (``es/questions.yaml``); a formador may point the settings at another one.
Loading reports every problem as ``archivo:línea: mensaje`` in Spanish (an answer out of range, a
repeated id or option, an unknown topic, a blank text, an option that points at the others although
options are shuffled when drawn), like the scenario files, so a hand-edited bank is fixed where it
broke.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from simulator.content.issues import ContentIssue
from simulator.content.validation_messages import issues_from_validation
from simulator.content.yaml_lines import parse_yaml, parse_yaml_lines, read_bounded
from simulator.datafiles import resource_yaml
from simulator.errors import ContentError

_OS_REASONS: dict[type[OSError], str] = {
    FileNotFoundError: "el archivo no existe",
    IsADirectoryError: "es una carpeta, no un archivo",
    PermissionError: "no hay permiso para leerlo",
}
MIN_OPTIONS = 3
MAX_OPTIONS = 5
# Options are shuffled when an exam is drawn, so none may point at the others by place or as a set.
REFERS_TO_OTHERS = re.compile(
    r"\b(todas|ninguna|ambas|cualquiera)\b.{0,20}\b(anteriores|opciones|respuestas)\b"
    r"|\b(inciso|opción)\s+[a-e1-5]\)?(?=[\s.,;:]|$)"
    r"|\b[a-e]\)?\s+y\s+[a-e]\)",
    re.IGNORECASE,
)


@cache
def topics() -> dict[str, str]:
    """Topic key → Spanish label, in the order the standard lists them."""
    data = resource_yaml("simulator.exam", "es/plan.yaml")
    return {str(k): str(v) for k, v in data["topics"].items()}


class Question(BaseModel):
    """One question as written in the bank; ``answer`` is the 1-based number of the right option."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_]+(-[a-z0-9_]+)*$")
    topic: str = Field(min_length=1)
    question: str = Field(min_length=5, max_length=600)
    options: list[str] = Field(min_length=MIN_OPTIONS, max_length=MAX_OPTIONS)
    answer: int = Field(ge=1, le=MAX_OPTIONS)
    explanation: str = Field(min_length=5, max_length=800)
    reference: str = Field(min_length=3, max_length=200)


class QuestionBank(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = Field(ge=1, le=1)
    questions: list[Question] = Field(min_length=1)

    def by_topic(self) -> dict[str, list[Question]]:
        grouped: dict[str, list[Question]] = {}
        for question in self.questions:
            grouped.setdefault(question.topic, []).append(question)
        return grouped

    def get(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


def _checks(bank: QuestionBank) -> list[tuple[tuple[str | int, ...], str]]:
    """What the schema cannot say: known topics, answers in range, nothing repeated or blank, no
    option that only makes sense in the written order."""
    known = topics()
    findings: list[tuple[tuple[str | int, ...], str]] = []
    counts = Counter(q.id for q in bank.questions)
    for n, question in enumerate(bank.questions):
        at: tuple[str | int, ...] = ("questions", n)
        if counts[question.id] > 1:
            findings.append(((*at, "id"), f"el id «{question.id}» está repetido"))
        if question.topic not in known:
            valid = ", ".join(known)
            findings.append(((*at, "topic"), f"tema desconocido «{question.topic}»; use: {valid}"))
        if question.answer > len(question.options):
            findings.append(
                (
                    (*at, "answer"),
                    f"la respuesta {question.answer} no existe: la pregunta tiene "
                    f"{len(question.options)} opciones",
                )
            )
        for key in ("question", "explanation", "reference"):
            if not str(getattr(question, key)).strip():
                findings.append(((*at, key), "texto vacío"))
        folded = [" ".join(o.lower().split()) for o in question.options]
        for index, text in enumerate(folded):
            if not text:
                findings.append(((*at, "options", index), "opción vacía"))
            elif text in folded[:index]:
                findings.append(((*at, "options", index), "opción repetida"))
            elif REFERS_TO_OTHERS.search(text):
                findings.append(
                    (
                        (*at, "options", index),
                        "una opción no puede remitir a las demás («todas las anteriores», «la "
                        "opción b»): las opciones se barajan al armar el examen",
                    )
                )
    return findings


def parse_bank(text: str, shown: str) -> QuestionBank:
    """The bank in ``text`` (``shown`` names the file in messages); the first problem raises
    ``ContentError`` with its line, the rest are listed in the same message."""
    data = parse_yaml(text, shown)
    issues: list[ContentIssue] = []
    bank: QuestionBank | None = None
    if not isinstance(data, dict):
        raise ContentError("se esperaba un mapeo con «version» y «questions»", path=shown, line=1)
    try:
        bank = QuestionBank.model_validate(data)
    except ValidationError as error:
        doc = parse_yaml_lines(text, shown)
        issues = issues_from_validation(QuestionBank, error, doc, shown)
    if bank is not None:
        findings = _checks(bank)
        if findings:
            doc = parse_yaml_lines(text, shown)
            issues = [ContentIssue(shown, doc.line_for(loc), msg) for loc, msg in findings]
    if issues:
        issues.sort(key=lambda issue: issue.line or 0)
        first = issues[0]
        rest = "".join(f"\n{issue}" for issue in issues[1:])
        raise ContentError(first.message + rest, path=shown, line=first.line)
    assert bank is not None
    return bank


@cache
def _bundled() -> QuestionBank:
    text = resources.files("simulator.exam").joinpath("es/questions.yaml").read_text("utf-8")
    return parse_bank(text, "simulator/exam/es/questions.yaml")


def load_bank(path: Path | None = None) -> QuestionBank:
    """The bundled bank, or the one at ``path`` (a formador's own)."""
    if path is None:
        return _bundled()
    shown = str(path)
    try:
        text = read_bounded(path, shown)
    except OSError as error:
        reason = _OS_REASONS.get(type(error), "error del sistema de archivos")
        raise ContentError(
            f"no se pudo leer el banco de preguntas ({reason})", path=shown
        ) from None
    return parse_bank(text, shown)
