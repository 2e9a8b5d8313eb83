"""Inline SVG charts (values written as text, labels escaped, empty states) and the Markdown
coaching plan (exact lines, Markdown escaped)."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree

from simulator.models.scorecard import CoachingPlan, Drill, PlanPriority
from simulator.reports.charts import Bar, bar_chart, line_chart
from simulator.reports.plan import plan_view
from simulator.reports.render import markdown_escape, render_plan_markdown

NS = "{http://www.w3.org/2000/svg}"


def _svg(text: str) -> ElementTree.Element:
    return ElementTree.fromstring(text)  # also proves the SVG is well-formed XML


def test_line_chart_draws_one_point_per_score_with_its_value() -> None:
    root = _svg(line_chart([40, 60, 95], ["01/12", "02/12", "<03/12>"], title="Tendencia & más"))
    assert root.attrib["role"] == "img" and root.attrib["aria-label"] == "Tendencia & más"
    assert len(root.findall(f"{NS}circle")) == 3
    texts = [t.text for t in root.findall(f"{NS}text")]
    assert {"40", "60", "95"} <= set(texts) and "<03/12>" in texts
    polyline = root.find(f"{NS}polyline")
    assert polyline is not None and len(polyline.attrib["points"].split()) == 3
    ys = [float(p.split(",")[1]) for p in polyline.attrib["points"].split()]
    assert ys[0] > ys[1] > ys[2]  # higher scores are drawn higher


def test_line_chart_target_one_point_and_empty() -> None:
    root = _svg(line_chart([70], ["01/12"], title="t", target=80))
    assert len(root.findall(f"{NS}circle")) == 1
    assert "meta 80" in [t.text for t in root.findall(f"{NS}text")]
    empty = _svg(line_chart([], [], title="t"))
    assert empty.findall(f"{NS}circle") == []
    assert "sin llamadas calificadas" in [t.text for t in empty.findall(f"{NS}text")]


def test_bar_chart_writes_values_and_missing_ones() -> None:
    root = _svg(bar_chart([Bar("Sondeo <b>", 67.5), Bar("Cierre", None)], title="x", unit="%"))
    rects = root.findall(f"{NS}rect")
    assert len(rects) == 1 and rects[0].attrib["class"] == "bar mid"
    texts = [t.text for t in root.findall(f"{NS}text")]
    assert "Sondeo <b>" in texts and "68%" in texts and "sin datos" in texts
    assert [r.attrib["class"] for r in _svg(bar_chart([Bar("a", 80), Bar("b", 10)], title="x"))
            .findall(f"{NS}rect")] == ["bar high", "bar low"]  # fmt: skip


def test_markdown_plan_is_exact_and_escaped() -> None:
    plan = CoachingPlan(
        priorities=[
            PlanPriority(
                skill="closing",
                score=45,
                gap=25,
                goal="Intente cerrar *dos* veces (hoy 0 intento(s))",
                drills=[
                    Drill(scenario_kind="outbound_sale", customer_type="indeciso", difficulty=1),
                    Drill(
                        scenario_kind="outbound_sale",
                        customer_type="molesto",
                        difficulty=1,
                        scenario="s1",
                    ),
                ],
                tips=["Pregunte «¿lo activamos hoy?»"],
                repeated="recurrente",
            ),
            PlanPriority(skill="probing", score=None, gap=70, goal="Pregunte"),
        ],
        checkpoint="Revise en 3 llamadas: Cierre.",
        repeated_faults=["Recurrente: cometió faltas distintas en 2 de 3 llamadas"],
        history_calls=2,
    )
    view = plan_view(
        plan,
        call_id=9,
        call_date=datetime(2026, 12, 4, 16, 5, tzinfo=UTC),
        scenario="Internet [promo]",
        scenarios={"s1": "Cobranza amable"},
    )
    text = render_plan_markdown("Ana_López", view)
    assert text.splitlines() == [
        "# Plan de acción: Ana\\_López",
        "",
        "Plan de la llamada del 2026-12-04 16:05 (UTC), escenario «Internet \\[promo\\]», "
        "con 2 llamadas anteriores como historial.",
        "",
        "## 1. Cierre (recurrente)",
        "",
        "- **Puntuación:** 45/100 (faltan 25 puntos para la meta)",
        "- **Meta:** Intente cerrar \\*dos\\* veces (hoy 0 intento(s))",
        "- **Practique:**",
        "  - Venta saliente con cliente indeciso (dificultad 1)",
        "  - Venta saliente con cliente molesto (dificultad 1): «Cobranza amable»",
        "- **Consejos:**",
        "  - Pregunte «¿lo activamos hoy?»",
        "",
        "## 2. Sondeo",
        "",
        "- **Puntuación:** no evaluada",
        "- **Meta:** Pregunte",
        "",
        "## Faltas que el plan tomó en cuenta",
        "",
        "- Recurrente: cometió faltas distintas en 2 de 3 llamadas",
        "",
        "## Punto de control",
        "",
        "Revise en 3 llamadas: Cierre.",
    ]


def test_markdown_escape_keeps_one_line() -> None:
    assert markdown_escape("a\n# b | `c`") == "a # b \\| \\`c\\`"
