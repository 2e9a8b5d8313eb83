"""Rendering the reports with Jinja2: the templates are data files under ``templates/``.

HTML templates run with autoescape on (a trainee called ``<b>Ana</b>`` prints as text, never as
markup); the only markup inserted as is are the SVG charts, which ``charts`` builds with every
label escaped. The Markdown template runs without HTML escaping and escapes Markdown instead.
Jinja2 and the templates load on first use.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from simulator.language.plural import count as plural_count
from simulator.reports.charts import bar_chart, line_chart
from simulator.reports.figures import FLAG_HELP, LEVELS, percent, when
from simulator.reports.portfolio_texts import day_time

if TYPE_CHECKING:
    import jinja2

    from simulator.reports.cohort import CohortReport
    from simulator.reports.plan import PlanView
    from simulator.reports.portfolio import Portfolio
    from simulator.reports.trainee import TraineeReport

# enough to keep a name or a quote from turning into emphasis, a link, HTML or a table cell
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def markdown_escape(text: object) -> str:
    """``text`` with Markdown's special characters escaped, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


@cache
def environment(markup: bool = True) -> jinja2.Environment:
    """The Jinja2 environment: HTML (autoescape on) or Markdown (``markup=False``)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("simulator.reports", "templates"),
        autoescape=markup,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        percent=percent,
        when=when,
        number=_number,
        md=markdown_escape,
        day_time=day_time,
        plural=plural_count,
    )
    return env


def _svg(svg: str) -> Any:
    from markupsafe import Markup

    return Markup(svg)  # noqa: S704 - built by charts.py with every label escaped


def render_trainee(report: TraineeReport) -> str:
    """The trainee report as one self-contained HTML document."""
    trend = line_chart(
        report.row.trend,
        report.trend_labels,
        title=f"Tendencia de la calificación global (últimas {report.row.calls} llamadas)",
    )
    elements = bar_chart(report.element_bars, title="Elementos cumplidos (% de llamadas)", unit="%")
    skills = bar_chart(report.skill_bars, title="Destrezas (promedio 0–100)")
    return (
        environment(True)
        .get_template("trainee.html.j2")
        .render(
            report=report,
            trend_svg=_svg(trend),
            elements_svg=_svg(elements),
            skills_svg=_svg(skills),
            flag_help=FLAG_HELP,
        )
    )


def render_cohort(report: CohortReport) -> str:
    """The cohort dashboard as one self-contained HTML document."""
    return (
        environment(True)
        .get_template("cohort.html.j2")
        .render(report=report, levels=LEVELS, flag_help=FLAG_HELP)
    )


def render_plan_markdown(name: str, plan: PlanView) -> str:
    """The coaching plan as a Markdown document."""
    return environment(False).get_template("plan.md.j2").render(name=name, plan=plan)


def render_portfolio(portfolio: Portfolio) -> str:
    """The evidence portfolio of an exam attempt as one self-contained HTML document."""
    return (
        environment(True)
        .get_template("portfolio.html.j2")
        .render(report=portfolio, t=portfolio.texts)
    )
