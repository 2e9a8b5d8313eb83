"""Disrespect and collection pressure in natural wording, and the polite lines that must stay clean.

Issue 12 item 5: condescension, mockery of the customer's money, blame for their habits, regional
insults and the credit bureau used as a weapon pass when said in everyday words; courtesies such as
«como le dije» or «para respetar su decisión» must not be read as disrespect. Every sentence was
written for this test (in the style of contact-center calls, not copied from any).
"""

from __future__ import annotations

import pytest

from simulator.analysis import conduct
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

DISRESPECT = [
    ("A ver, se lo voy a explicar como si tuviera cinco años.", "condescension"),
    ("Qué pena que no pueda entender algo tan sencillo, señora.", "condescension"),
    ("¿Le quedó claro o se lo dibujo?", "condescension"),
    ("Hasta mi abuelita lo entiende, joven.", "condescension"),
    ("¿Qué, no le alcanza ni para eso?", "mockery"),
    ("pues ya ni llorar es bueno señor", "mockery"),
    ("Ni que fueran un dineral, son doscientos pesos.", "mockery"),
    ("Lo que pasa es que usted no lee sus estados de cuenta.", "blame"),
    ("Se lo dije desde la primera llamada y no me hizo caso.", "blame"),
    ("Mire, ni modo, usted firmó el contrato.", "blame"),
    ("No sea gil, es la mejor tarifa del mercado.", "insult"),
    ("Qué tarugo, ya le dije que es por internet.", "insult"),
    ("Lo vamos a reportar al buró, mejor pague de una vez.", "threat"),
    ("si no paga hoy la vamos a meter al buro", "threat"),
    ("Ya nadie le va a prestar, ni en Elektra.", "threat"),
    ("Con ese historial no le van a dar crédito en ningún lado.", "threat"),
    ("Mejor liquídelo hoy mismo y se quita de problemas.", "pressure"),
    ("Ándele, no le dé tantas vueltas.", "pressure"),
]

POLITE = [
    "Como le dije, el pago mínimo es de 1,850 pesos.",
    "Quedan incluidos los minutos, como le dije hace rato, sin costo extra.",
    "Para respetar su decisión, le pregunto directo: ¿lo contratamos, sí o no?",
    "Si se pone al corriente, evitamos que el atraso se refleje en su historial crediticio.",
    "Pagar a tiempo evita un reporte negativo en buró de crédito.",
    "No lo vamos a reportar al buró si el pago llega el 27.",
    "¿Usted no revisó su estado de cuenta de octubre? Ahí viene el cargo.",
    "Usted firmó el contrato el 3 de marzo, ¿lo tiene a la mano?",
    "Aguánteme tantito, reviso su cuenta.",
    "Es algo tan sencillo como llamar al número de atrás de su tarjeta.",
    "Le atiende Gil Martínez, de Banco Horizonte.",
    "Si no le alcanza para el total, podemos ver el pago mínimo.",
    "Mejor le llamo mañana a la hora que me dijo.",
    "Tómese su tiempo, no hay prisa; yo le espero.",
]


@pytest.mark.parametrize(("text", "kind"), DISRESPECT)
def test_natural_disrespect_is_recognised(text: str, kind: str) -> None:
    assert conduct.disrespect_kind(text) == kind


@pytest.mark.parametrize("text", POLITE)
def test_polite_lines_are_not_disrespect(text: str) -> None:
    assert conduct.disrespect_kind(text) is None


def _critical(lines: list[tuple[str, str]], kind: str = "collections") -> list[str]:
    transcript = Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    return [e.code for e in score_transcript(transcript).critical_errors]


def test_the_bureau_as_a_weapon_fails_a_collections_call() -> None:
    lines = [
        ("agent", "Buenas tardes, le habla Marco de Banco Horizonte. ¿Hablo con la señora Ruiz?"),
        ("customer", "Sí, soy yo."),
        ("agent", "Señora Ruiz, tiene dos pagos vencidos por 1,850 pesos."),
        ("customer", "Ahorita no tengo, me pagan el viernes."),
        ("agent", "Pues si no paga hoy la vamos a reportar al buró, mejor pague de una vez."),
    ]
    assert "disrespect" in _critical(lines)


def test_informing_the_credit_history_is_not_a_threat() -> None:
    lines = [
        ("agent", "Buenas tardes, le habla Marco de Banco Horizonte. ¿Hablo con la señora Ruiz?"),
        ("customer", "Sí, soy yo."),
        ("agent", "Señora Ruiz, tiene dos pagos vencidos por 1,850 pesos."),
        ("customer", "Ahorita no tengo, me pagan el viernes."),
        (
            "agent",
            "Entiendo. Si cubre el viernes, evitamos que el atraso crezca en su historial "
            "crediticio. ¿Le parece si lo dejamos para el viernes 27?",
        ),
    ]
    assert "disrespect" not in _critical(lines)


# ------------------------------------------------------ collections: right-party contact first

ASK = ("agent", "Buenas tardes, le habla Marco de Banco Horizonte. ¿Hablo con el señor Tapia?")
DEBT = ("agent", "Le llamo porque su tarjeta tiene dos mensualidades vencidas por 1,850 pesos.")


def _disclosures(lines: list[tuple[str, str]], kind: str = "collections") -> list[int | None]:
    transcript = Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    card = score_transcript(transcript)
    return [e.turn for e in card.critical_errors if e.code == "confidential_disclosure"]


def test_the_debt_in_the_same_breath_as_asking_for_the_debtor_is_a_disclosure() -> None:
    lines = [
        (
            "agent",
            "¿Bueno? ¿Hablo con el señor Tapia? Le llamo por el adeudo de tres meses de su "
            "crédito con Banco Horizonte.",
        ),
        ("customer", "¿Quién habla?"),
    ]
    assert _disclosures(lines) == [1]


def test_the_debt_told_to_whoever_answers_is_a_disclosure() -> None:
    lines = [ASK, ("customer", "¿Bueno? ¿Qué pasó?"), DEBT]
    assert _disclosures(lines) == [3]


@pytest.mark.parametrize(
    "answer",
    ["Sí, soy yo.", "sí dígame", "Él habla, ¿qué se le ofrece?", "A sus órdenes.", "mande"],
)
def test_the_debt_after_the_debtor_answers_to_the_name_is_fine(answer: str) -> None:
    assert _disclosures([ASK, ("customer", answer), DEBT]) == []


def test_right_party_contact_is_a_collections_rule_only() -> None:
    lines = [ASK, ("customer", "¿Bueno? ¿Qué pasó?"), DEBT]
    assert _disclosures(lines, kind="service") == []


def test_the_debt_repeated_to_the_same_relative_is_one_disclosure() -> None:
    lines = [
        ASK,
        ("customer", "No está, soy su esposa."),
        ("agent", "Dígale que tiene tres mensualidades vencidas, por favor."),
        ("customer", "Yo no sé nada de eso."),
        ("agent", "Pues lo seguiremos buscando hasta que pague lo que debe."),
    ]
    assert _disclosures(lines) == [3]


def test_a_false_promise_repeated_is_reported_once() -> None:
    lines = [
        ("agent", "Buenas tardes, ¿hablo con el señor Tapia?"),
        ("customer", "No, se equivocó de número."),
        ("agent", "Tenemos una tarjeta preaprobada para usted. ¿Cuál es su nombre?"),
        ("customer", "Luis."),
        ("agent", "Señor Luis, para liberar su tarjeta preaprobada solo necesito su correo."),
    ]
    transcript = Transcript.model_validate(
        {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    card = score_transcript(transcript)
    found = [e.turn for e in card.critical_errors if e.code == "inaccurate_information"]
    assert found == [3]


# ------------------------------------------- collections: the registration is the promise made

CATALOG = [
    {"name": "Pago mínimo vencido", "price": 1850, "aliases": ["pago mínimo", "mínimo"]},
    {"name": "Pago para no generar intereses", "price": 6420, "aliases": ["pago total"]},
    {"name": "Convenio de pago a 3 meses", "price": 2140, "period": "mes", "aliases": ["convenio"]},
]
PROMISE = [
    ("agent", "Buenas tardes, le habla Rocío de Banco Horizonte. ¿Hablo con el señor Vázquez?"),
    ("customer", "Sí, con él habla."),
    ("agent", "Señor Vázquez, su tarjeta tiene dos pagos mínimos vencidos por 1,850 pesos."),
    ("customer", "Sí, es que me quedé sin trabajo, pero ya entré a otro."),
    ("agent", "Qué bueno. ¿Se compromete a pagar los 1,850 pesos el 27 en sucursal?"),
    ("customer", "Sí, el 27 los pago."),
    ("agent", "Queda anotado. Si luego se le complica, existe también el convenio a tres meses."),
]


def _registered(product: str, kind: str = "collections") -> list[tuple[str, str]]:
    transcript = Transcript.model_validate(
        {
            "kind": kind,
            "catalog": CATALOG,
            "turns": [{"speaker": s, "text": t} for s, t in PROMISE],
            "events": [{"type": "sale_registered", "value": product, "after_turn": 7}],
        }
    )
    card = score_transcript(transcript)
    return [(e.code, e.explanation) for e in card.critical_errors]


def test_registering_an_agreement_the_customer_never_accepted_is_critical() -> None:
    found = _registered("Convenio de pago a 3 meses")
    assert [code for code, _ in found] == ["sale_without_consent"]
    assert "Pago mínimo vencido" in found[0][1]


def test_registering_the_promise_the_customer_made_is_fine() -> None:
    assert _registered("Pago mínimo vencido") == []


def test_the_read_back_of_the_promise_registers_the_minimum_payment() -> None:
    """Panel g-05: the agent offered the agreement as an alternative, the customer promised the
    minimum, the read-back says only the amount; /venta must register the minimum payment."""
    from simulator.content.library import load_library
    from simulator.customer.cues import sold_product

    scenario = load_library().scenario("cobranza-tarjeta-atrasada")
    agent = [
        "¿Sería para pagar los 1,850 del pago vencido, o prefiere que revisemos el convenio?",
        "Entonces, ¿se compromete a pagar 1,850 pesos el 27 de noviembre?",
        "Queda anotado: pago de 1,850 pesos el 27 de noviembre. ¿Me confirma un teléfono?",
    ]
    product = sold_product(agent, scenario)
    assert product is not None and product.name == "Pago mínimo vencido"


@pytest.mark.parametrize(
    "text",
    [
        "Primero paga el deducible y el coaseguro; de ahí en adelante cubre todo hasta los 5 millones.",
        "La póliza cubre todo hasta la suma asegurada de 3 millones.",
    ],
)
def test_coverage_up_to_the_sum_insured_is_not_a_promise_without_exclusions(text: str) -> None:
    from simulator.analysis import claims

    assert not [c for c in claims.extract(text) if c.topic == "total"]


def test_covering_everything_without_a_limit_is_still_a_coverage_claim() -> None:
    from simulator.analysis import claims

    found = claims.extract("No se preocupe, este seguro le cubre todo.")
    assert [c.topic for c in found if c.kind == "coverage"] == ["total"]


@pytest.mark.parametrize("text", POLITE)
def test_polite_lines_fail_nothing_on_the_scorecard(text: str) -> None:
    lines = [
        ("agent", "Buenas tardes, le habla Marco de Banco Horizonte. ¿Hablo con la señora Ruiz?"),
        ("customer", "Sí, soy yo."),
        ("agent", text),
    ]
    assert _critical(lines) == []


def test_candour_is_not_condescension() -> None:
    """Panel D: «se lo digo claro para no quedarle mal» before an honest price was a critical."""
    from simulator.analysis.conduct import disrespect_kind

    assert disrespect_kind("Mire, se lo digo claro para que no haya sorpresas: cuesta 899.") is None
    assert disrespect_kind("Ya se lo dije claro, señor, no hay descuento.") == "condescension"
    assert disrespect_kind("Se lo digo clarito para que me entienda.") == "condescension"


# Blind panel F (session 13): help said in a condescension shape is help. Our own wordings.
@pytest.mark.parametrize(
    "line",
    [
        "Claro que sí, dígame con confianza: ¿qué parte no le quedó clara del convenio?",
        "Con gusto, se lo repito despacito: B de burro, cuatro, nueve, dos, siete.",
        "Se lo voy a repetir despacio para que lo apunte: la referencia es 88 40 17.",
        "Prefiero ser transparente y no prometerle un plazo, para que después no sea así.",
    ],
)
def test_help_in_a_condescension_shape_is_no_disrespect(line: str) -> None:
    assert conduct.disrespect_kind(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Ya se lo expliqué tres veces, ¿qué parte no le quedó clara?",
        "No se preocupe, se lo repito despacito a ver si así le entra.",
        "Ay, señor, no sea así, ándele.",
    ],
)
def test_the_same_shapes_said_to_talk_down_still_are(line: str) -> None:
    assert conduct.disrespect_kind(line) is not None


def test_help_offered_in_the_clause_before_makes_the_question_no_disrespect_act() -> None:
    from simulator.analysis.agent import tag_agent as agent_acts

    assert "disrespect" not in agent_acts("Sí, claro, dígame. ¿Qué parte no le quedó clara?")
    assert "disrespect" in agent_acts("Ya se lo dije dos veces. ¿Qué parte no le quedó clara?")


def test_a_plain_si_como_no_is_a_polite_of_course_and_ay_si_como_no_a_retort() -> None:
    """Panel E zm-07: «sí, cómo no» is how Mexicans say «of course»; our own wordings."""
    assert (
        conduct.disrespect_kind("Sí, cómo no, ahorita le mando la información a su correo.") is None
    )
    assert conduct.disrespect_kind("Ay, sí, cómo no, y luego qué más quiere.") == "mockery"
