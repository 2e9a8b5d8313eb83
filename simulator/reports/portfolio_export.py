"""Exporting the evidence portfolio of an exam attempt: gathered from the exam service, written as
HTML and/or PDF. The CLI (``simulador export portafolio``) and the TUI's verdict screen call
``export_portfolio``; both get the paths written, or a Spanish ``InputError`` that says what is
missing (an unknown attempt, an unfinished one, a folder that cannot be written).

The exam service gives the calls with the formadores' corrections applied, so the portfolio shows
the same judgements as the verdict.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from simulator.errors import InputError
from simulator.reports.portfolio import Portfolio, build_portfolio
from simulator.reports.portfolio_calls import CallInput

if TYPE_CHECKING:
    from collections.abc import Mapping

    from simulator.exam.models import ExamAttempt
    from simulator.models.content import Persona
    from simulator.models.transcript import Transcript
    from simulator.services.exam import ExamReport
    from simulator.settings import Settings


class _ExamReports(Protocol):
    def report(self, attempt_id: int, viewer_id: int | None = None) -> ExamReport: ...


class _Personas(Protocol):
    @property
    def personas(self) -> Mapping[str, Persona]: ...


class PortfolioServices(Protocol):
    """What the export reads of the services: ``simulator.services.Services`` and the TUI's
    service protocol both have it (the exam's report, the personas' names)."""

    @property
    def exam(self) -> _ExamReports: ...

    @property
    def library(self) -> _Personas: ...


FOLDER_NAME = "portafolios"  # under the data folder, when the caller gives none
_UNSAFE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class PortfolioFiles:
    """What ``export_portfolio`` wrote (``None`` for a format not asked for)."""

    html: Path | None
    pdf: Path | None

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.html, self.pdf) if p is not None)


def missing_parts(attempt: ExamAttempt) -> list[str]:
    """What the attempt still lacks before it has a portfolio (Spanish, in the exam's order)."""
    missing = [f"la {slot.label.lower()}" for slot in attempt.slots if slot.call_id is None]
    if not attempt.questionnaire_done:
        missing.append("el cuestionario de conocimientos")
    return missing


def _finished(attempt: ExamAttempt) -> None:
    missing = missing_parts(attempt)
    if missing:
        parts = ", ".join(missing[:-1]) + (" y " if len(missing) > 1 else "") + missing[-1]
        raise InputError(
            f"La autoevaluación {attempt.id} de «{attempt.trainee_name}» no está terminada: "
            f"{'faltan' if len(missing) > 1 else 'falta'} {parts}. El portafolio se genera cuando se completan las dos llamadas y el "
            "cuestionario."
        )


def _persona(services: PortfolioServices, persona_id: str, transcript: Transcript) -> str:
    """The customer as the candidate met them: the name they had in the call (the scenario's
    customer, in the transcript's data) and the persona's type."""
    persona = services.library.personas.get(persona_id)
    called = (transcript.customer_data.get("nombre") or "").strip()
    if persona is None:
        return called or persona_id
    from simulator.language.display import display

    name = called or persona.name
    kind = display("customer_type", persona.customer_type)
    return f"{name} ({kind.lower()})" if kind else name


def gather_portfolio(
    services: PortfolioServices,
    attempt_id: int,
    *,
    viewer_id: int | None = None,
    now: datetime | None = None,
) -> Portfolio:
    """The portfolio of a finished attempt (``viewer_id``: who asks; someone other than the
    candidate must be a formador, as for the verdict)."""
    report = services.exam.report(attempt_id, viewer_id)
    _finished(report.attempt)
    calls = [
        CallInput(
            call_id=call.saved.call_id,
            label=call.slot.label,
            scenario=call.saved.scenario_title,
            persona=_persona(services, call.saved.persona_id, call.saved.transcript),
            started_at=call.saved.started_at,
            outcome=call.saved.outcome_name,
            transcript=call.saved.transcript,
            scorecard=call.saved.scorecard,
        )
        for call in report.calls
    ]
    return build_portfolio(
        report.attempt,
        calls,
        [call.checklist for call in report.calls if call.checklist is not None],
        report.questionnaire,
        report.verdict,
        generated_at=now or datetime.now(UTC),
        self_assessment=report.plan.verdict["self_assessment"],
    )


def base_name(portfolio: Portfolio) -> str:
    """«portafolio-7-ana-perez-munoz» (safe on every file system)."""
    plain = unicodedata.normalize("NFKD", portfolio.candidate).encode("ascii", "ignore").decode()
    slug = _UNSAFE.sub("-", plain.lower()).strip("-")[:60] or "candidato"
    return f"portafolio-{portfolio.attempt_id}-{slug}"


def default_folder(settings: Settings) -> Path:
    """A place for portfolios when the user names none: ``portafolios`` in the data folder."""
    return Path(settings.data_dir) / FOLDER_NAME


def write_portfolio(
    portfolio: Portfolio, *, html: Path | None = None, pdf: Path | None = None
) -> PortfolioFiles:
    """Write the asked formats; at least one is required."""
    if html is None and pdf is None:
        raise InputError("Indique dónde guardar el portafolio: --html ARCHIVO y/o --pdf ARCHIVO.")
    if html is not None:
        from simulator.reports.files import write_text
        from simulator.reports.render import render_portfolio

        write_text(html, render_portfolio(portfolio))
    if pdf is not None:
        from simulator.reports.portfolio_pdf import write_portfolio_pdf

        write_portfolio_pdf(pdf, portfolio)
    return PortfolioFiles(html, pdf)


def export_portfolio(
    services: PortfolioServices,
    attempt_id: int,
    folder: Path,
    *,
    viewer_id: int | None = None,
    html: bool = True,
    pdf: bool = True,
) -> PortfolioFiles:
    """Gather the portfolio of ``attempt_id`` and write it into ``folder`` (created if missing;
    ``default_folder(settings)`` is a good one) as HTML and/or PDF; the paths written. The PDF
    takes about a second: call it from a worker in the TUI."""
    from simulator.reports.transcripts import prepare_folder

    portfolio = gather_portfolio(services, attempt_id, viewer_id=viewer_id)
    target = folder
    prepare_folder(target)
    name = base_name(portfolio)
    return write_portfolio(
        portfolio,
        html=target / f"{name}.html" if html else None,
        pdf=target / f"{name}.pdf" if pdf else None,
    )
