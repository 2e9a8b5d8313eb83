"""Critical errors read by their structure (issue 12, session 13): talking down
(``analysis/talking_down.py``), promises nobody can keep (``analysis/assurances.py``), full
numbers read aloud and account facts told about someone else (``scoring/exposure.py``), more
ways a sale is said registered.

The wordings are ours (``bench/external/own_wordings_train.jsonl``, written while building the
rules, and ``own_wordings_check.jsonl``, written afterwards and never tuned on first — its
figure before tuning is in the report of helper "critical-c"); each is scored as
``bench/bench_wordings.py`` scores the outside QA lead's lines.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from simulator.analysis import assurances, talking_down
from tests.bench_module import load_bench

ROOT = Path(__file__).resolve().parents[2]
OWN = ROOT / "bench" / "external"


def _items(name: str) -> list[dict[str, Any]]:
    path = OWN / name
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def bench() -> Any:
    return load_bench("bench_wordings")


@pytest.mark.parametrize("name", ["own_wordings_train.jsonl", "own_wordings_check.jsonl"])
def test_own_wordings_recall_and_no_false_alarm(bench: Any, name: str) -> None:
    items = _items(name)
    missed = [i["id"] for i in items if i["critical"] and not bench.predict(i)]
    alarms = [i["id"] for i in items if not i["critical"] and bench.predict(i)]
    critical = sum(1 for i in items if i["critical"])
    assert not alarms
    assert len(missed) <= critical // 10, missed  # at least 90 % of the criticals


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Pues haberlo revisado antes de firmar, joven.", "blame"),
        ("¡Qué listo! Ahora resulta que el módem se descompuso solo.", "mockery"),
        ("Ya cállese y déjeme explicarle.", "silencing"),
        ("Por trescientos pesos tanto drama, señora.", "mockery"),
        ("Otros clientes sí lo entienden a la primera.", "condescension"),
    ],
)
def test_talking_down_shapes(line: str, kind: str) -> None:
    assert talking_down.kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Le pido por favor que no me interrumpa para terminar la idea y enseguida lo escucho.",
        "Nadie dice que sea su culpa; déjeme revisar qué pasó.",
        "Qué lata que le haya pasado eso, lo reviso ahorita.",
        "¿Ahora sí me escucha bien? Se oía cortado.",
    ],
)
def test_talking_down_near_misses(line: str) -> None:
    assert talking_down.kind(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Mañana le instalan el módem sin problema, se lo garantizo.", "guarantee"),
        ("Es un ahorro sin ningún riesgo para usted.", "absolute"),
        ("Si no deposita hoy, le embargamos el coche el lunes.", "legal"),
    ],
)
def test_assurance_shapes(line: str, kind: str) -> None:
    assert assurances.kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "No le puedo garantizar la fecha; la paquetería tarda de 3 a 5 días hábiles.",
        "Le aseguro que su reporte ya quedó registrado con el folio 4410.",
        "Hoy le llega la cotización a su correo, se lo aseguro.",
    ],
)
def test_assurance_near_misses(line: str) -> None:
    assert assurances.kind(line) is None


def test_pays_nothing_limited_by_its_own_sentence_is_no_absolute() -> None:
    assert assurances.contradicts_cost("Usted no paga absolutamente nada en ningún caso.")
    assert not assurances.contradicts_cost("No paga nada mientras no pase de 1,500 pesos.")


def test_digit_runs_in_figures_and_words() -> None:
    from simulator.scoring.exposure import longest_digit_run
    from simulator.scoring.text import fold

    assert longest_digit_run(fold("la 4152 3138 2211 9087, vence en marzo")) == 16
    spoken = "es el cinco cuatro uno dos, cero cero nueve ocho, siete siete seis uno, tres tres"
    assert longest_digit_run(fold(spoken)) == 14
    assert longest_digit_run(fold("termina en 9087")) == 4


def _card(kind: str, turns: list[tuple[str, str]]) -> list[tuple[str, int | None]]:
    from simulator.models.transcript import Transcript
    from simulator.scoring.engine import score_transcript

    data = {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in turns]}
    card = score_transcript(Transcript.model_validate(data))
    return [(e.code, e.turn) for e in card.critical_errors]


def test_a_product_put_on_the_account_in_a_service_call_without_a_yes() -> None:
    offered = [
        ("agent", "Listo, ya quedó su reporte. ¿Le agrego el seguro de pantalla por 59 al mes?"),
        ("customer", "Mmm, no sé, ¿y eso qué cubre?"),
        ("agent", "Cubre robo y daño; ya se lo agregué y le llega el cargo en su recibo."),
    ]
    assert ("sale_without_consent", 3) in _card("service", offered)
    accepted = offered[:1] + [("customer", "Sí, agréguelo, por favor.")] + offered[2:]
    assert not [c for c, _ in _card("service", accepted) if c == "sale_without_consent"]
    asked = [
        ("customer", "Quiero activar mi tarjeta nueva."),
        ("agent", "Con gusto; ya se la activé, puede usarla desde hoy."),
    ]
    assert not [c for c, _ in _card("service", asked) if c == "sale_without_consent"]


def test_an_amount_belongs_to_the_option_it_is_said_with() -> None:
    """«¿los 1,850 o el convenio?»: the amount is the first option's, not the product named
    after «o» (lead's play, session 13: a false inaccurate_information)."""
    from simulator.models.transcript import Transcript
    from simulator.scoring.engine import score_transcript

    catalog = [
        {"name": "Pago mínimo vencido", "price": 1850, "aliases": ["pago mínimo"]},
        {"name": "Convenio de pago a 3 meses", "price": 2140, "aliases": ["convenio"]},
    ]
    for line in [
        "¿Qué le conviene más, cubrir hoy los 1,850 o entrar al convenio?",
        "¿Prefiere el convenio o mejor liquidar los 1,850 de una vez?",
        "Puede dar los 2,140 al mes del convenio u ocupar el pago mínimo.",
    ]:
        turns = [
            ("agent", "¿Hablo con la señora Irma Salas?"),
            ("customer", "Sí, soy yo."),
            ("agent", "Le llamo porque su tarjeta tiene 1,850 pesos vencidos."),
            ("customer", "Híjole, ahorita ando muy apretada."),
            ("agent", line),
        ]
        data = {
            "kind": "collections",
            "catalog": catalog,
            "turns": [{"speaker": s, "text": t} for s, t in turns],
        }
        card = score_transcript(Transcript.model_validate(data))
        assert "inaccurate_information" not in [e.code for e in card.critical_errors], line


@pytest.mark.parametrize(
    "line",
    [
        "Ya le expliqué lo mismo cien veces, señor.",  # repeated + exasperated
        "¿Usted es sordo o se hace? Ya se lo dije.",  # regional challenge
        "Pues te aguantas, el contrato es el contrato.",  # Spain: put up with it
        "El banco no se equivoca; el que no revisó su estado de cuenta fue usted.",
    ],
)
def test_talking_down_tone_regional_and_clauses(line: str) -> None:
    assert talking_down.kind(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Se nota, y se lo agradezco. ¿Me confirma su correo?",
        "Revisé su historia crediticia y todo está en orden.",
        "Le comento que esta promoción no es la única.",
        "¿De verdad? Qué pena, lo reviso ahorita mismo.",
    ],
)
def test_talking_down_tone_near_misses(line: str) -> None:
    assert talking_down.kind(line) is None


@pytest.mark.parametrize(
    ("answer", "consent"),
    [
        ("Mmm, sí, supongo.", False),
        ("Sí, sí, ya le entendí.", False),
        ("Ok, ok.", False),
        ("Sí, oiga, ¿y la asistencia tiene costo?", False),
        ("Sí, como sea, ya me tengo que ir.", False),
        ("Sí, acepto, ¿y cuándo me llega la póliza?", True),
        ("Sí, por favor, actívelo.", True),
    ],
)
def test_a_yes_that_is_no_consent_in_an_imported_sale(answer: str, consent: bool) -> None:
    turns = [
        ("agent", "La asistencia vial cuesta 189 al mes. ¿Se la activo?"),
        ("customer", answer),
        ("agent", "Perfecto, ya quedó activada; su folio es el 3390."),
    ]
    found = ("sale_without_consent", 3) in _card("sale", turns)
    assert found is not consent, answer
