"""The evidence portfolio as PDF, written with fpdf2 (pure Python, no system libraries).

A4 pages with a header (candidate and attempt) and a footer «Página N de M»; tables that break
across pages and repeat their heads; the cover, the guía de observación, the lista de cotejo, the
questionnaire and the transcripts in that order. The text font is Source Sans Pro from the
``font-source-sans-pro`` package (static TTFs): every accent, ¿¡, ñ, «» and curly quotes print;
any character the font lacks (an emoji typed in a call) prints as a close one or «?», never as a
blank. fpdf2 is imported on first use.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.reports.files import write_bytes
from simulator.reports.portfolio_texts import day_time

if TYPE_CHECKING:
    from simulator.reports.portfolio import Portfolio, Quote

FAMILY = "SourceSansPro"
_FILES = {"": "Regular", "B": "Bold", "I": "It", "BI": "BoldIt"}
_STAND_INS = {"✔": "✓", "✘": "×", "●": "•", "◐": "•", "○": "•", "⚠": "!", "\t": " "}
INK = (29, 35, 43)
MUTED = (91, 100, 112)
FILL = {
    "met": (207, 232, 210),
    "not_met": (246, 201, 196),
    "not_applicable": (236, 238, 241),
    "pending": (251, 231, 181),
    "validated": (207, 232, 210),
    "not_validated": (246, 201, 196),
}
HEAD_FILL = (243, 244, 246)
QUOTE_CHARS = 300  # a quote in an evidence cell (the whole turn is in the transcript)
QUOTES_PER_ROW = 6  # evidence rows hold this many quotes; more go on continuation rows
CELL_CHARS = 1200  # a transcript turn longer than this continues on the next row


def font_dir() -> Path | None:
    """Where the package ``font-source-sans-pro`` keeps its TTFs (without importing it: its
    ``__init__`` lists the folder at import)."""
    spec = importlib.util.find_spec("font_source_sans_pro")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "files"
    return folder if (folder / "SourceSansPro-Regular.ttf").is_file() else None


def chunks(text: str, size: int) -> list[str]:
    """``text`` cut at spaces into pieces of at most ``size`` characters (a word longer than that
    is cut inside)."""
    pieces: list[str] = []
    rest = " ".join(text.split())
    while len(rest) > size:
        cut = rest.rfind(" ", 0, size + 1)
        cut = cut if cut > size // 2 else size
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    pieces.append(rest)
    return pieces


def _quote_lines(quotes: Iterable[Quote], turn_word: str) -> list[str]:
    return [
        (f"{turn_word} {q.turn} · " if q.turn is not None else "")
        + f"{q.time} · {q.speaker}: {q.shown(QUOTE_CHARS)}"
        for q in quotes
    ]


def _make_pdf(portfolio: Portfolio) -> Any:
    from fpdf import FPDF

    texts = portfolio.texts

    class PortfolioPDF(FPDF):
        """Header and footer on every page (the cover has no header)."""

        def header(self) -> None:
            if self.page_no() == 1:
                return
            self.set_font(self.body_family, "", 8)
            self.set_text_color(*MUTED)
            self.cell(0, 5, self.safe(self.running_head), new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(201, 206, 214)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(3)
            self.set_text_color(*INK)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(self.body_family, "", 8)
            self.set_text_color(*MUTED)
            page = texts.page.format(page=self.page_no(), pages="{nb}")
            self.cell(0, 5, page, align="C")
            self.set_text_color(*INK)

        body_family = FAMILY
        running_head = ""
        glyphs: frozenset[int] | None = None

        def safe(self, text: str) -> str:
            """``text`` with what the font cannot print replaced (never a silent blank)."""
            text = "".join(_STAND_INS.get(ch, ch) for ch in text)
            if self.glyphs is None:  # core font: Windows-1252
                return text.encode("cp1252", "replace").decode("cp1252")
            return "".join(ch if ord(ch) in self.glyphs or ch == "\n" else "?" for ch in text)

    pdf = PortfolioPDF(orientation="P", unit="mm", format="A4")
    folder = font_dir()
    if folder is not None:
        for style, name in _FILES.items():
            pdf.add_font(FAMILY, style, folder / f"SourceSansPro-{name}.ttf")
        pdf.glyphs = frozenset(getattr(pdf.fonts[FAMILY.lower()], "cmap", ()))
    else:  # the package is missing: Helvetica prints Spanish too (Windows-1252)
        pdf.body_family = "helvetica"
        pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.set_margins(15, 14, 15)
    pdf.set_title(f"{texts.title} — {portfolio.candidate}")
    pdf.set_author("Simulador de Llamadas")
    pdf.set_creator("Simulador de Llamadas")
    pdf.set_lang("es-MX")
    pdf.running_head = (
        f"{texts.title} · {portfolio.candidate} · {texts.cover.attempt} {portfolio.attempt_id} · "
        f"{portfolio.verdict}"
    )
    return pdf


class _Writer:
    """Writes the sections of one portfolio on one fpdf2 document."""

    def __init__(self, portfolio: Portfolio) -> None:
        from fpdf.fonts import FontFace

        self.p = portfolio
        self.t = portfolio.texts
        self.pdf = _make_pdf(portfolio)
        self.FontFace = FontFace
        self.family: str = self.pdf.body_family
        self.plain = FontFace(fill_color=(255, 255, 255))
        self.event = FontFace(emphasis="ITALICS", color=MUTED, fill_color=(247, 247, 249))

    # ---- primitives -------------------------------------------------------------------------
    def font(self, size: float = 10, style: str = "") -> None:
        self.pdf.set_font(self.family, style, size)

    def text(self, text: str, size: float = 10, style: str = "", color: tuple = INK) -> None:
        self.font(size, style)
        self.pdf.set_text_color(*color)
        self.pdf.multi_cell(
            0, size * 0.5, self.pdf.safe(text), align="L", new_x="LMARGIN", new_y="NEXT"
        )
        self.pdf.set_text_color(*INK)

    def heading(self, text: str, size: float = 15, keep: float = 30) -> None:
        """A heading with a rule under it; it starts a new page unless ``keep`` mm of what
        follows fit under it (a heading never ends a page alone)."""
        if self.pdf.will_page_break(size * 2.2 + keep):
            self.pdf.add_page()
        self.pdf.ln(2)
        self.text(text, size, "B")
        self.pdf.set_draw_color(*INK)
        y = self.pdf.get_y() + 0.5
        self.pdf.line(self.pdf.l_margin, y, self.pdf.w - self.pdf.r_margin, y)
        self.pdf.ln(2.5)

    def box(self, text: str, fill: tuple, size: float = 11) -> None:
        self.font(size, "B")
        self.pdf.set_fill_color(*fill)
        self.pdf.set_draw_color(*INK)
        self.pdf.multi_cell(
            0, size * 0.55, self.pdf.safe(text), border=1, fill=True, padding=2.5, align="L",
            new_x="LMARGIN", new_y="NEXT",
        )  # fmt: skip
        self.pdf.ln(2)

    def bullets(self, items: Iterable[str], size: float = 10) -> None:
        for item in items:
            self.text(f"•  {item}", size)

    def table(
        self, widths: tuple[float, ...], head: list[str] | None, rows: Iterable[list[Any]]
    ) -> None:
        """A table that breaks across pages and repeats its head (if it has one); a cell is a
        string or a (string, key) pair: a status (met, not_met…) colours it, «event» greys it."""
        self.font(9)
        heads = self.FontFace(emphasis="BOLD", fill_color=HEAD_FILL, color=INK)
        with self.pdf.table(
            col_widths=widths, text_align="LEFT", headings_style=heads, line_height=4.4,
            padding=(1.2, 1.5), v_align="TOP", first_row_as_headings=head is not None,
        ) as table:  # fmt: skip
            if head is not None:
                table.row([self.pdf.safe(h) for h in head])
            for cells in rows:
                row = table.row()
                for cell in cells:
                    # every cell says its fill: fpdf2 would carry a coloured cell's fill over
                    if isinstance(cell, tuple):
                        words, key = cell
                        style = (
                            self.event
                            if key == "event"
                            else self.FontFace(emphasis="BOLD", fill_color=FILL[key])
                        )
                        row.cell(self.pdf.safe(words), style=style)
                    else:
                        row.cell(self.pdf.safe(cell), style=self.plain)
        self.pdf.ln(2)

    # ---- sections ---------------------------------------------------------------------------
    def cover(self) -> None:
        p, t = self.p, self.t
        self.pdf.add_page()
        self.text(t.standard, 10, "", MUTED)
        self.text(t.title, 22, "B")
        self.text(p.candidate, 16)
        self.pdf.ln(3)
        self.box(p.banner, FILL[p.validation])
        if p.note:
            self.text(f"{t.cover.note}: {p.note}", 10)
            self.pdf.ln(2)
        if p.earlier:
            self.text(f"{t.cover.earlier}:", 10, "B")
            for line in p.earlier:
                self.text(f"• {line}", 9, "", MUTED)
            self.pdf.ln(2)
        rows = [
            [t.cover.candidate, p.candidate],
            [t.cover.attempt, str(p.attempt_id)],
            [t.cover.started, day_time(p.started_at)],
            [t.cover.finished, day_time(p.finished_at)],
            [t.cover.status, p.status],
            [t.cover.generated, day_time(p.generated_at)],
        ]
        self.table((1, 3), None, rows)
        self.box(f"{t.cover.verdict}: {p.verdict}", FILL["met" if p.competent else "not_met"], 14)
        if p.reasons:
            self.text(t.cover.reasons, 11, "B")
            self.bullets(p.reasons)
            self.pdf.ln(2)
        self.text(t.cover.calls, 11, "B")
        c = t.columns
        self.table(
            (1.9, 2.9, 2.4, 1.5, 1.5, 1.9),
            [c.call, t.labels.scenario, t.labels.persona, t.labels.outcome, t.labels.overall,
             t.labels.call_verdict],
            ([call.label, call.scenario, call.persona, call.outcome,
              "—" if call.overall is None else str(call.overall), call.verdict]
             for call in p.calls),
        )  # fmt: skip
        if p.questionnaire:
            self.text(f"{t.cover.questionnaire}: {p.questionnaire.summary} {p.questionnaire.word}.")
        self.text(t.cover.time_zone, 8, "", MUTED)

    def guide(self) -> None:
        p, t = self.p, self.t
        self.pdf.add_page()
        self.heading(t.sections.guide)
        self.text(t.sections.guide_intro, 9, "", MUTED)
        for number, perf in enumerate(p.performances, start=1):
            self.heading(f"{number}. {perf.label} — {perf.word}", 12)
            self.bullets(perf.reasons, 9)
            rows: list[list[Any]] = []
            for o in perf.observations:
                quotes = _quote_lines(o.evidence, t.columns.turn)
                extra = []
                if o.notes:
                    label = t.labels.missing if o.status == "not_met" else t.labels.reason
                    extra.append(f"{label}: {'; '.join(o.notes)}")
                if o.better:
                    extra.append(f"{t.labels.better}: «{o.better}»")
                if not quotes and o.status == "met":
                    quotes = [t.labels.no_evidence]
                groups = [
                    quotes[i : i + QUOTES_PER_ROW] for i in range(0, len(quotes), QUOTES_PER_ROW)
                ]
                groups = groups or [[]]
                groups[-1] = groups[-1] + extra
                for index, group in enumerate(groups):
                    first = index == 0
                    status = (o.word, o.status) if first else ("", o.status)
                    rows.append([o.call if first else "", status, "\n".join(group)])
            self.table((1.3, 1.1, 5), [t.columns.call, t.columns.result, t.columns.evidence], rows)
        self.heading(t.sections.critical, 12)
        if not p.critical:
            self.text(t.sections.no_critical)
            return
        self.table(
            (1.3, 1.5, 4.6),
            [t.columns.call, t.columns.error, t.columns.evidence],
            ([c.call, (c.name, "not_met"),
              "\n".join([*_quote_lines([c.quote] if c.quote else [], t.columns.turn),
                         c.explanation])]
             for c in p.critical),
        )  # fmt: skip

    def checklist(self) -> None:
        t = self.t
        self.heading(t.sections.checklist)
        self.text(t.sections.checklist_intro, 9, "", MUTED)
        self.table(
            (1.3, 2.4, 1.1, 3.6),
            [t.columns.call, t.columns.product, t.columns.result, t.columns.detail],
            ([row.call, row.label, (row.word, row.status),
              "\n".join([row.detail, *_quote_lines(row.evidence, t.columns.turn)]).strip()]
             for row in self.p.checklist),
        )  # fmt: skip

    def questionnaire(self) -> None:
        t, qn = self.t, self.p.questionnaire
        self.pdf.add_page()
        self.heading(t.sections.questionnaire)
        if qn is None:
            self.text(t.sections.no_questionnaire)
            return
        self.box(f"{qn.summary} {qn.word}.", FILL["met" if qn.passed else "not_met"], 10)
        self.table(
            (4, 1),
            [t.columns.topic, t.columns.correct],
            ([topic.label, f"{topic.correct} de {topic.total}"] for topic in qn.topics),
        )
        for q in qn.questions:
            verdict = t.labels.answer_right if q.correct else t.labels.answer_wrong
            lines = [
                (f"{q.number}. {q.question}", "B", INK),
                (f"{q.topic} · {verdict}", "B", (31, 107, 42) if q.correct else (142, 28, 18)),
                (f"{t.labels.chosen}: {q.chosen or t.labels.unanswered}", "", INK),
            ]
            if not q.correct:
                lines.append((f"{t.labels.right}: {q.right}", "", INK))
            lines.append((f"{t.labels.explanation}: {q.explanation}", "", INK))
            lines.append((f"{t.labels.reference}: {q.reference}", "I", MUTED))
            self.font(9.5)
            height = sum(
                len(self.pdf.multi_cell(0, 4.6, self.pdf.safe(s), dry_run=True, output="LINES"))
                * 4.6
                for s, _, _ in lines
            )
            if self.pdf.will_page_break(height + 3):
                self.pdf.add_page()
            for line, style, color in lines:
                self.text(line, 9.5, style, color)
            self.pdf.ln(2.5)

    def transcripts(self) -> None:
        t = self.t
        self.pdf.add_page()
        self.heading(t.sections.transcripts)
        self.text(t.sections.transcripts_intro, 9, "", MUTED)
        for call in self.p.calls:
            self.heading(f"{call.label}: {call.scenario}", 12)
            meta = (
                f"{t.labels.persona}: {call.persona} · {t.labels.started}: "
                f"{day_time(call.started_at)} · {t.labels.outcome}: {call.outcome}"
            )
            if not call.complete:
                meta += f" · {t.labels.incomplete}"
            self.text(meta, 9, "", MUTED)
            rows: list[list[Any]] = []
            for line in call.lines:
                pieces = chunks(line.text, CELL_CHARS)
                for index, piece in enumerate(pieces):
                    first = index == 0
                    turn = str(line.turn) if first and line.turn is not None else ""
                    cells = [turn, line.time if first else "", line.speaker if first else "", piece]
                    rows.append([(c, "event") for c in cells] if line.event else cells)
            self.table((0.7, 0.9, 1.1, 8), [t.columns.turn, t.columns.time, t.columns.speaker,
                                           t.columns.text], rows)  # fmt: skip

    def write(self) -> bytes:
        self.cover()
        self.guide()
        self.checklist()
        self.questionnaire()
        self.transcripts()
        return bytes(self.pdf.output())


def portfolio_pdf(portfolio: Portfolio) -> bytes:
    """The portfolio as the bytes of a PDF file."""
    logging.getLogger("fpdf").setLevel(logging.ERROR)  # missing glyphs are replaced by ``safe``
    return _Writer(portfolio).write()


def write_portfolio_pdf(path: Path, portfolio: Portfolio) -> None:
    """Write the PDF to ``path`` atomically; a Spanish ``InputError`` if it cannot be written."""
    write_bytes(path, portfolio_pdf(portfolio))
