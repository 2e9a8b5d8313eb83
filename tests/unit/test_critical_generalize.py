"""Critical errors on wording nobody here listed (issue 12 items 3, 5): a public offensive-word
lexicon in frames said of the listener, the customer's own reaction in imported calls, a second
do-not-call request, threats and absolute promises in other words — and the polite near misses
that must stay clean.

Every sentence was written for this test (none comes from a call of the external sets).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis import claims, conduct, offensive, tag_agent
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

OPEN = [
    ("agent", "Buenas tardes, le habla Mario de Crédito Fácil, ¿hablo con la señora Lucía Pérez?"),
    ("customer", "Sí, ella habla."),
]


def _codes(
    lines: list[tuple[str, str]], kind: str = "sale", scenario: str | None = None
) -> list[tuple[str, int | None]]:
    data: dict[str, object] = {
        "kind": kind,
        "turns": [{"speaker": s, "text": t} for s, t in lines],
    }
    if scenario:
        data["scenario"] = scenario
    card = score_transcript(Transcript.model_validate(data))
    return [(e.code, e.turn) for e in card.critical_errors]


# ---------------------------------------------------------------- offensive words in frames

INSULTS = [
    "Mire, señora, usted es una desocupada, por eso no paga.",
    "Es usted un vago, señor, y los vagos pagan.",
    "Usted es un caso perdido.",
    "Le estoy hablando bien y usted de necio.",
    "Qué mediocre es usted, de veras.",
    "no sea mamerto señor son doscientos pesos",
    "¡Cállate ya, estúpida!",
    "Ya, pelotuda, págueme.",
    "Ay, gordita, pues págueme y ya.",
    "Usted es un fresco, se gasta el dinero y no paga.",
]
CLEAN = [
    "¿Es usted Jaime Torres?",
    "¿Usted es el primo del señor Tapia?",
    "¿Qué tan lento es su internet en la noche?",
    "Tengo un primo que también tiene este plan.",
    "¿Usted es la titular de la cuenta?",
    "Cuéntame, ¿has consumido alguna sustancia, tabaco, droga o alcohol?",
    "¿fresco? ¿Cómo se siente hoy?",
    "Muy bien, señor, ya quedó registrado.",
    "Usted es muy amable, gracias por su tiempo.",
]


@pytest.mark.parametrize("line", INSULTS)
def test_an_offensive_word_said_of_the_listener_is_disrespect(line: str) -> None:
    assert conduct.disrespect_kind(line) == "insult", line
    assert ("disrespect", 3) in _codes([*OPEN, ("agent", line), ("customer", "¿Perdón?")])


@pytest.mark.parametrize("line", CLEAN)
def test_ordinary_words_and_questions_are_no_insult(line: str) -> None:
    assert offensive.insult(line) is None, line
    assert "disrespect" not in tag_agent(line)
    assert not _codes([*OPEN, ("agent", line), ("customer", "Sí.")])


def test_the_seed_lexicon_is_read_from_the_installed_package() -> None:
    seed = offensive.seed_words()
    assert len(seed) > 500  # spanlp: 21 countries
    words = offensive.words()
    assert "pelotuda" in words  # the seed's «pelotudo» in both genders
    assert "primo" not in words and "ano" not in words  # ordinary words stay out


def test_without_the_seed_our_own_words_still_work(monkeypatch: pytest.MonkeyPatch) -> None:
    for fn in (offensive._seed, offensive.words, offensive._patterns, offensive.insult):
        fn.cache_clear()
    monkeypatch.setattr(offensive, "seed_words", frozenset)
    try:
        assert offensive.insult("Usted es un desocupado.") is not None
        assert offensive.insult("Usted es un abrazafarolas.") is None  # only in the seed
    finally:
        monkeypatch.undo()
        for fn in (offensive._seed, offensive.words, offensive._patterns, offensive.insult):
            fn.cache_clear()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_the_insult_reader_never_raises(text: str) -> None:
    result = offensive.insult(text)
    assert result is None or isinstance(result, str)


# ---------------------------------------------------------------- the customer's reaction

REACTIONS = [
    ("Mire, con la gente así uno pierde el tiempo.", "¡Oiga, no me falte al respeto!"),
    ("Pues ya sabe cómo nos las gastamos aquí.", "¿Me está amenazando?"),
    ("A ver si así le entra en la cabeza.", "No tiene por qué hablarme así, ¿eh?"),
    ("Usted siempre con sus cosas, señora.", "¡Qué grosero es usted!"),
    ("Sabemos dónde vive, señora.", "¿Eso es una amenaza?"),
]
OTHER_COMPLAINTS = [
    (
        "Le transfiero con el área correspondiente, un momento.",
        "Esto es una falta de respeto, llevo media hora esperando.",
    ),
    ("¿Me confirma su dirección, por favor?", "El técnico que vino la otra vez fue muy grosero."),
    (
        "Claro, le explico cómo funciona el convenio.",
        "Ay, qué pesado está el tráfico hoy, ¿qué me decía?",
    ),
]


@pytest.mark.parametrize(("agent", "customer"), REACTIONS)
def test_the_customers_reaction_names_the_agent_turn_in_an_imported_call(
    agent: str, customer: str
) -> None:
    lines = [*OPEN, ("agent", agent), ("customer", customer)]
    assert ("disrespect", 3) in _codes(lines, "collections")


@pytest.mark.parametrize(("agent", "customer"), REACTIONS[:2])
def test_a_simulated_customers_reaction_adds_nothing(agent: str, customer: str) -> None:
    """The simulated customer reacts from the same conduct lexicon: no second reading."""
    lines = [*OPEN, ("agent", agent), ("customer", customer)]
    assert not _codes(lines, "collections", scenario="cobranza-tarjeta-atrasada")


@pytest.mark.parametrize(("agent", "customer"), OTHER_COMPLAINTS)
def test_complaints_about_something_else_are_no_reaction(agent: str, customer: str) -> None:
    assert conduct.customer_reaction(customer) is None
    assert not _codes([*OPEN, ("agent", agent), ("customer", customer)], "service")


def test_a_second_do_not_call_request_names_the_turn_that_went_on() -> None:
    lines = [
        *OPEN,
        ("agent", "Le llamo para ofrecerle un seguro de vida."),
        ("customer", "No me interesa, no me vuelvan a llamar."),
        ("agent", "Claro, solo le quería comentar que cuesta menos de lo que imagina."),
        ("customer", "Le dije que no me llamen más."),
        ("agent", "Está bien, hasta luego."),
    ]
    assert ("ignores_do_not_call", 5) in _codes(lines)


def test_a_do_not_call_honoured_at_once_is_fine_even_when_repeated() -> None:
    lines = [
        *OPEN,
        ("agent", "Le llamo para ofrecerle un seguro de vida."),
        ("customer", "No me vuelvan a llamar."),
        ("agent", "Con gusto, lo damos de baja de nuestra lista. Disculpe la molestia."),
        ("customer", "Sí, que no me llamen más, por favor."),
    ]
    assert not _codes(lines)


# ---------------------------------------------------------------- threats, promises, details

THREATS = [
    "Si no paga hoy, mañana le mando a los abogados a su casa.",
    "Le advierto que esto se va a poner feo si no paga.",
    "Vamos a ir a buscarlo a su domicilio con la policía.",
    "Le vamos a quitar hasta la camisa, señor.",
    "Ya tenemos la orden del juez para embargarle.",
    "Si no paga, le va a ir muy mal.",
    "Va a tener problemas con la ley, se lo aseguro.",
    "Y si no paga, se va a la cárcel, así lo dice la ley.",
    "Su nombre va a quedar manchado para siempre en el buró.",
]


@pytest.mark.parametrize("line", THREATS)
def test_threats_and_false_legal_consequences_in_other_words(line: str) -> None:
    codes = _codes([*OPEN, ("agent", line), ("customer", "¿Cómo dice?")], "collections")
    assert any(turn == 3 for _code, turn in codes), (line, codes)


@pytest.mark.parametrize(
    "line",
    [
        "No se preocupe, esta tarjeta no cobra absolutamente nada, nunca.",
        "Con nosotros todo es gratis de por vida.",
        "El seguro le cubre absolutamente todo, sin excepción.",
    ],
)
def test_absolute_promises_are_unverifiable_even_without_a_catalog(line: str) -> None:
    assert ("inaccurate_information", 3) in _codes([*OPEN, ("agent", line), ("customer", "Ah.")])


@pytest.mark.parametrize(
    "line",
    [
        "No le cobramos absolutamente nada por la instalación.",
        "No le cobramos ni un peso por el envío.",
        "La instalación es totalmente gratis.",
        "El primer mes le sale gratis y a partir del segundo paga 399.",
        "Le comento que el seguro tiene algunas exclusiones, se las leo.",
    ],
)
def test_scoped_free_and_honest_conditions_are_no_promise(line: str) -> None:
    assert not any(c.topic == "free_forever" for c in claims.extract(line))
    assert not _codes([*OPEN, ("agent", line), ("customer", "Ah, bueno.")])


@pytest.mark.parametrize(
    "line",
    [
        "No se preocupe, nadie lo va a meter a la cárcel por esto; es una deuda civil.",
        "No se va a arrepentir, es un plan muy completo.",
        "Le va a ir muy bien con este plan.",
        "Un gestor puede visitarlo en su domicilio para firmar el convenio, si usted quiere.",
        "Si el pago no llega, la cuenta pasa a un despacho externo; por eso le propongo el convenio.",
        "Por su seguridad no le puedo dar información de la cuenta de su esposo; ¿le dejo un recado?",
    ],
)
def test_honest_collection_lines_are_no_threat(line: str) -> None:
    assert not _codes([*OPEN, ("agent", line), ("customer", "Ah, bueno.")], "collections")


def test_a_relative_told_that_the_holder_fell_behind_is_a_disclosure() -> None:
    lines = [
        ("agent", "Buenas tardes, ¿se encuentra el señor Ramiro Tapia?"),
        ("customer", "Soy la cuñada, ¿qué pasó?"),
        ("agent", "Pues mire, su cuñado nos quedó mal con los pagos del préstamo."),
    ]
    assert ("confidential_disclosure", 3) in _codes(lines, "collections")


def test_a_secret_asked_as_the_cash_machine_code() -> None:
    assert conduct.asks_secret("Para darle el premio necesito su clave de cajero.")


REFERENCE_OPEN = [
    ("agent", "Buenas tardes, ¿hablo con la señora Marta Ruiz?"),
    ("customer", "Sí, soy yo."),
]


@pytest.mark.parametrize(
    "line",
    [
        "Señora, le llamo porque usted aparece como referencia del señor Juan Ríos, que tiene un "
        "adeudo de 8 mil pesos con nosotros.",
        "Dígale a su esposo que ya no ha pagado la tarjeta y que se comunique.",
    ],
)
def test_the_agents_own_words_make_the_listener_a_third_party(line: str) -> None:
    assert conduct.speaks_to_third_party(line)
    codes = _codes([*REFERENCE_OPEN, ("agent", line)], "collections")
    assert ("confidential_disclosure", 3) in codes


def test_a_reference_asked_only_for_a_message_is_fine() -> None:
    line = (
        "Señora, usted aparece como referencia del señor Juan Ríos; ¿le podría pedir que nos "
        "llame? Es un asunto personal."
    )
    assert not _codes([*REFERENCE_OPEN, ("agent", line)], "collections")


# ---------------------------------------------------------------- panel A findings, our words


def test_a_shared_laugh_in_small_talk_is_no_mockery() -> None:
    line = "Jaja, fíjese que sí, soy de Puebla. Oiga, ¿y el equipo lo quiere en negro o en azul?"
    assert not conduct.mocking_laughter(line)
    assert conduct.disrespect_kind(line) is None
    assert not _codes([*OPEN, ("agent", line), ("customer", "En negro.")])


@pytest.mark.parametrize(
    "line", ["Jajaja, ¿a poco creyó que se lo íbamos a regalar?", "jaja en serio pensaba eso"]
)
def test_laughing_at_what_the_customer_believes_is_mockery(line: str) -> None:
    assert conduct.mocking_laughter(line)
    assert ("disrespect", 3) in _codes([*OPEN, ("agent", line), ("customer", "Pues sí.")])


def test_a_yes_to_the_name_with_a_neighbours_story_keeps_the_holder() -> None:
    assert not conduct.holder_absent("Sí, soy yo. Es que el gato de mi hermana se salió.", True)
    assert conduct.holder_absent("No, salió a trabajar.", True)
    assert conduct.holder_absent("Ahorita no está, salió.", True)


@pytest.mark.parametrize(
    "line",
    [
        "Aprovéchelo de una vez, que se agotan rápido.",
        "Esta promoción solo la tengo hoy; si cuelga, ya la pierde.",
    ],
)
def test_false_scarcity_is_pressure(line: str) -> None:
    assert conduct.pressure(line)


@pytest.mark.parametrize(
    "line",
    [
        "Para usted le tengo un precio especial, nada más por hoy.",
        "Esta promoción solo la tengo hoy, no la deje ir.",
    ],
)
def test_an_invented_promotion_is_a_discount_claim(line: str) -> None:
    assert any(c.kind == "discount" for c in claims.extract(line))


def test_a_priced_add_on_given_away_contradicts_the_catalog() -> None:
    catalog = [
        {"name": "Plan Hogar", "price": 499.0, "period": "mes", "aliases": ["plan hogar"]},
        {"name": "Extensor de señal", "price": 79.0, "period": "mes", "aliases": ["extensor"]},
    ]
    lines = [
        *OPEN,
        ("agent", "Le queda el Plan Hogar en 499 al mes y de pilón le regalo el extensor."),
        ("customer", "Ah, qué bien."),
    ]
    data = {
        "kind": "sale",
        "catalog": catalog,
        "turns": [{"speaker": s, "text": t} for s, t in lines],
    }
    card = score_transcript(Transcript.model_validate(data))
    assert ("inaccurate_information", 3) in [(e.code, e.turn) for e in card.critical_errors]
    honest = "Le queda el Plan Hogar en 499 al mes; el extensor se contrata aparte en 79."
    data["turns"][2]["text"] = honest  # type: ignore[index]
    card = score_transcript(Transcript.model_validate(data))
    assert not card.critical_errors


def test_refusing_to_say_who_is_calling_is_disrespect() -> None:
    lines = [
        ("agent", "Le llamo por su pago de la tarjeta, ¿cuándo lo va a hacer?"),
        ("customer", "Perdón, ¿con quién hablo?"),
        ("agent", "¿Y para qué lo quiere? Usted nada más pague."),
    ]
    assert ("disrespect", 3) in _codes(lines, "collections")
    lines[2] = ("agent", "Con Laura Méndez, de Cobranza Norte, por parte de Banco Sol.")
    assert not _codes(lines, "collections")


def test_announcing_more_calls_if_the_customer_hangs_up_ignores_do_not_call() -> None:
    lines = [
        *OPEN,
        ("agent", "Le ofrezco el plan de 50 megas."),
        ("customer", "No me interesa, gracias, ya voy a colgar."),
        ("agent", "Pues aunque me cuelgue le vamos a volver a marcar mañana."),
    ]
    assert ("ignores_do_not_call", 5) in _codes(lines)
    assert not conduct.calls_again_anyway("Si se corta la llamada, le vuelvo a marcar enseguida.")


def test_a_requirement_of_another_context_is_no_false_obligation() -> None:
    assert not claims.extract("Para rentar un coche es obligatorio tener tarjeta de crédito.")
    assert any(
        c.topic == "guarantee" for c in claims.extract("Por ley tiene que contratar este seguro.")
    )


@pytest.mark.parametrize(
    ("customer", "reaction"),
    [
        ("¿Cómo que me van a embargar?", "threat"),
        ("Oiga, ¿cómo que me van a meter a la cárcel?", "threat"),
        ("¿Me está diciendo mentirosa?", "offended"),
        ("Bájele a su tono, joven.", "offended"),
        ("¿Me van a embargar la casa o qué?", None),  # a worried question may come unprompted
        ("Me está diciendo que el pago no llegó, ¿verdad?", None),
    ],
)
def test_the_customer_echoes_a_threat_or_a_label(customer: str, reaction: str | None) -> None:
    assert conduct.customer_reaction(customer) == reaction


def test_a_free_extra_of_a_named_plan_is_no_gift_of_the_plan() -> None:
    catalog = [{"name": "Plan 200", "price": 499.0, "period": "mes", "aliases": ["plan 200"]}]
    lines = [
        *OPEN,
        ("agent", "Con el Plan 200 le incluimos el módem del Plan 200 sin costo."),
        ("customer", "Ah, qué bien."),
    ]
    data = {
        "kind": "sale",
        "catalog": catalog,
        "turns": [{"speaker": s, "text": t} for s, t in lines],
    }
    assert not score_transcript(Transcript.model_validate(data)).critical_errors
