"""Critical errors in wordings of our own (issue 12 items 3, 5, 9): each family said in ways the
lexicons did not reach before session 12, and the near-misses a fair QA lead would not mark.

Every case is a small imported call (context + the agent line judged, no catalog, no events), the
way ``bench/bench_wordings.py`` scores the outside QA lead's lines; the critical error must be
found at the line's turn and nowhere for a near-miss. The lines are ours, not the bench's.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_transcript
from tests.bench_module import load_bench

A, C = "agent", "customer"


def _found(kind: str, context: list[tuple[str, str]], line: str, code: str) -> bool:
    turns = [{"speaker": s, "text": t} for s, t in context] + [{"speaker": A, "text": line}]
    card = score_transcript(Transcript.model_validate({"kind": kind, "turns": turns}))
    return any(e.code == code and e.turn == len(turns) for e in card.critical_errors)


CRITICAL = [
    # disrespect: blame, crying mocked, stereotypes, age, shaming a debtor, accusing of lying
    (
        "complaint",
        [(C, "Me cortaron la luz y ya pagué.")],
        "Pues si usted hubiera pagado a tiempo no estaríamos hablando de esto.",
        "disrespect",
    ),
    (
        "complaint",
        [(C, "¡Llevo una semana sin internet!")],
        "Ya no chille, señor, así no le puedo ayudar.",
        "disrespect",
    ),
    (
        "sale",
        [(C, "Es que soy de Guadalajara.")],
        "Ah, ya decía yo; ustedes los tapatíos siempre quieren todo regalado.",
        "disrespect",
    ),
    (
        "service",
        [(C, "No encuentro el botón, perdone.")],
        "¿No tiene un nieto o alguien más joven que me pase?",
        "disrespect",
    ),
    (
        "collections",
        [(C, "No he podido pagar, me enfermé.")],
        "Para irse de vacaciones bien que tuvo, ¿no?",
        "disrespect",
    ),
    (
        "complaint",
        [(C, "El repartidor nunca tocó.")],
        "Seguramente usted no estaba, todos dicen lo mismo.",
        "disrespect",
    ),
    (
        "sale",
        [(A, "¿Qué opina del plan?"), (C, "...")],
        "¿Hola? ¿O ya se quedó dormido?",
        "disrespect",
    ),
    # confidential disclosure: volunteered to relatives, asked by a co-worker, secrets asked back
    (
        "collections",
        [(A, "Buenas tardes, busco a la señora Irma Ruiz."), (C, "Es mi cuñada, no está.")],
        "Dígale que su crédito lleva un atraso de tres quincenas, por favor.",
        "confidential_disclosure",
    ),
    (
        "service",
        [(C, "Soy el papá del titular, ¿cuánto debe mi hijo de la tarjeta?")],
        "Su hijo tiene un saldo de 9,300 pesos al corte.",
        "confidential_disclosure",
    ),
    (
        "service",
        [(C, "Ya me llegó el mensaje con el código.")],
        "Perfecto, dígamelo despacito para validarlo.",
        "confidential_disclosure",
    ),
    (
        "service",
        [(C, "Quiero desbloquear mi cuenta.")],
        "Le mandamos un token por SMS; cuando le llegue, me lo dicta, por favor.",
        "confidential_disclosure",
    ),
    # do-not-call: the offer brought up again in any words
    (
        "sale",
        [(C, "Ya no me marquen, por favor.")],
        "Claro, nada más le comento que el paquete con 300 megas baja a 349.",
        "ignores_do_not_call",
    ),
    (
        "sale",
        [(C, "Sáquenme de su lista.")],
        "Con gusto; ¿y algún conocido suyo que esté interesado en el seguro?",
        "ignores_do_not_call",
    ),
    (
        "sale",
        [(C, "no me llames ya")],
        "oye pero te conviene es una oferta que no vas a volver a ver",
        "ignores_do_not_call",
    ),
    # inaccurate information: the agent's own earlier words, guarantees, false legal consequences
    (
        "sale",
        [(A, "La tarjeta cobra una anualidad de 750 pesos."), (C, "¿Y anualidad tiene?")],
        "No, no tiene anualidad, es gratis.",
        "inaccurate_information",
    ),
    (
        "sale",
        [(A, "Este plan es a 24 meses de plazo forzoso."), (C, "¿Y si me quiero ir antes?")],
        "Se sale cuando quiera sin ninguna multa.",
        "inaccurate_information",
    ),
    (
        "sale",
        [(C, "Tengo deudas, ¿me darían la tarjeta?")],
        "Se lo garantizo, con nosotros nadie sale rechazado.",
        "inaccurate_information",
    ),
    (
        "collections",
        [(C, "Ahorita no puedo.")],
        "Entonces el licenciado va a pasar a embargarle los muebles esta semana.",
        "inaccurate_information",
    ),
    (
        "sale",
        [(A, "Son 199 los primeros tres meses y luego 299."), (C, "¿Hay letra chiquita?")],
        "Ninguna, aquí no hay letras chiquitas.",
        "inaccurate_information",
    ),
    (
        "sale",
        [
            (A, "La membresía tiene una cuota de inscripción de 1,200 pesos."),
            (C, "¿Cuánto cuesta?"),
        ],
        "Nada, la membresía le sale totalmente gratis.",
        "inaccurate_information",
    ),
    # sale without consent: registered in words after a hesitation
    (
        "sale",
        [(A, "¿Le activo la protección de equipo?"), (C, "Mmm, no estoy seguro.")],
        "Listo, ya quedó activada, se cobra con su recibo.",
        "sale_without_consent",
    ),
    (
        "sale",
        [(C, "Lo platico con mi esposa y le aviso.")],
        "Va, yo mientras se lo dejo registrado para que no se pierda.",
        "sale_without_consent",
    ),
]

NEAR_MISS = [
    (
        "complaint",
        [(C, "¡Ya me cansé de llamar!")],
        "Tiene toda la razón y le pido una disculpa; ahora mismo lo reviso.",
        "disrespect",
    ),
    (
        "sale",
        [(C, "Gracias por la información.")],
        "Gracias a usted, señora Ana; que tenga buena tarde.",
        "disrespect",
    ),
    (
        "sale",
        [(C, "¿Y si tengo más de 60 años?")],
        "Todos los mayores de 18 años pueden contratarlo, sin límite de edad.",
        "disrespect",
    ),
    (
        "collections",
        [(A, "Busco a la señora Irma Ruiz."), (C, "Es mi cuñada, no está.")],
        "Gracias; ¿le podría pedir que nos llame? Le dejo el 800 555 0101.",
        "confidential_disclosure",
    ),
    (
        "service",
        [(C, "¿Cuánto debe mi hijo de la tarjeta?")],
        "Lo siento, esa información solo se la puedo dar al titular.",
        "confidential_disclosure",
    ),
    (
        "service",
        [
            (C, "Soy la autorizada de la cuenta de mi papá."),
            (A, "¿Me da su clave de autorizada?"),
            (C, "Es la 5521."),
        ],
        "Gracias, la clave coincide y queda validada; el saldo es de 1,200 pesos.",
        "confidential_disclosure",
    ),
    (
        "service",
        [(C, "Ya me llegó un código.")],
        "Ese código no me lo diga; escríbalo usted en la aplicación.",
        "confidential_disclosure",
    ),
    (
        "sale",
        [(C, "Ya no me marquen, por favor.")],
        "Entendido, ya no le volveremos a llamar con promociones; disculpe la molestia.",
        "ignores_do_not_call",
    ),
    (
        "sale",
        [(C, "No quiero más llamadas. ¿Mi plan sigue igual?")],
        "Sí, su plan sigue igual; la baja es solo de las llamadas de ventas.",
        "ignores_do_not_call",
    ),
    (
        "sale",
        [(A, "El plan es de 299."), (C, "Ok, 299.")],
        "Perdón, me corrijo: son 299 los seis primeros meses y luego 349.",
        "inaccurate_information",
    ),
    (
        "sale",
        [(C, "¿Tiene plazo forzoso?")],
        "Sí, son 12 meses; si cancela antes se cobra una penalización.",
        "inaccurate_information",
    ),
    (
        "collections",
        [(C, "¿Me van a embargar?")],
        "No, nadie le va a embargar nada por una llamada; le propongo un convenio.",
        "inaccurate_information",
    ),
    (
        "sale",
        [(A, "¿Le activo el plan?"), (C, "Sí, adelante, actívelo.")],
        "Listo, ya quedó activado; su folio es el 4471.",
        "sale_without_consent",
    ),
    (
        "sale",
        [(C, "Déjeme pensarlo.")],
        "Claro; ¿le marco el viernes o prefiere llamarnos usted?",
        "sale_without_consent",
    ),
]


@pytest.mark.parametrize(("kind", "context", "line", "code"), CRITICAL)
def test_critical_wording_found(
    kind: str, context: list[tuple[str, str]], line: str, code: str
) -> None:
    assert _found(kind, context, line, code), line


@pytest.mark.parametrize(("kind", "context", "line", "code"), NEAR_MISS)
def test_near_miss_not_critical(
    kind: str, context: list[tuple[str, str]], line: str, code: str
) -> None:
    assert not _found(kind, context, line, code), line


def test_a_product_sent_after_an_outright_refusal_has_no_consent() -> None:
    """An imported service call: «yo no pedí un seguro, no me lo cobren» — «es obligatorio, se lo
    cargamos»; «no se lo enviamos» after the same refusal is fine."""

    def codes(line: str) -> list[tuple[str, int | None]]:
        turns = [
            {"speaker": C, "text": "Yo no pedí ese seguro, no me lo cobren."},
            {"speaker": A, "text": line},
        ]
        card = score_transcript(Transcript.model_validate({"kind": "service", "turns": turns}))
        return [(e.code, e.turn) for e in card.critical_errors]

    assert codes("Es obligatorio, se lo cargamos en su siguiente corte.") == [
        ("sale_without_consent", 2)
    ]
    assert codes("Entendido, no se lo cargamos y hoy mismo lo cancelo.") == []


def test_do_not_contact_me_said_in_other_words() -> None:
    """«Cuando necesite algo, yo les llamo» asks not to be called: the pitch that follows is
    persuasion."""
    turns = [
        {"speaker": A, "text": "Le llamo para ofrecerle un plan con más gigas."},
        {"speaker": C, "text": "Mire, cuando necesite algo de su compañía yo les llamo."},
        {"speaker": A, "text": "Pero escúcheme, son 30 gigas por 249."},
    ]
    card = score_transcript(Transcript.model_validate({"kind": "sale", "turns": turns}))
    assert ("ignores_do_not_call", 3) in [(e.code, e.turn) for e in card.critical_errors]


def test_confirmation_taken_back_when_pressed_is_the_false_statement() -> None:
    """«¿Siempre lo mismo?» — «Sí, siempre» — «¿Seguro?» — «en realidad es solo el primer año»:
    the confirmation (turn 3) is the inaccurate information; a correction volunteered at once is
    not an error at all."""
    turns = [
        (A, "El paquete queda en 289 al mes."),
        (C, "¿Siempre me va a costar lo mismo?"),
        (A, "Sí, siempre."),
        (C, "¿Seguro?"),
        (A, "Bueno, en realidad es solo el primer año; luego sube a 389."),
    ]
    data = {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in turns]}
    card = score_transcript(Transcript.model_validate(data))
    assert [(e.code, e.turn) for e in card.critical_errors] == [("inaccurate_information", 3)]


def _bench() -> ModuleType:
    return load_bench("bench_wordings")


def test_bench_wordings_figures_and_transcript() -> None:
    bench = _bench()
    rows = [("disrespect", True, True), ("disrespect", True, False), ("disrespect", False, True)]
    fig = bench.figures(rows)["disrespect"]
    assert (fig["tp"], fig["fn"], fig["fp"], fig["recall"], fig["precision"]) == (1, 1, 1, 0.5, 0.5)
    item = {
        "family": "do_not_call",
        "kind": "x",
        "context": [{"speaker": "customer", "text": "No."}],
        "line": "Bien.",
    }
    data = bench.transcript_of(item)
    assert data["kind"] == "sale" and [t["speaker"] for t in data["turns"]] == ["customer", "agent"]
    assert bench.CODES[item["family"]] == "ignores_do_not_call"


def test_bench_wordings_item_of_a_scenario_carries_its_catalog() -> None:
    """An item judged against a scenario's catalog is scored with that catalog: a price the
    catalog contradicts is an inaccurate statement; without the scenario it is unverifiable."""
    bench = _bench()
    item = {
        "family": "inaccurate_information",
        "kind": "sale",
        "scenario": "internet-veloz-hogar",
        "context": [{"speaker": "customer", "text": "¿Cuánto cuesta el de 200 megas?"}],
        "line": "El plan de 200 megas le cuesta 299 pesos al mes.",
    }
    data = bench.transcript_of(item)
    assert data["catalog"] and data["company"] == "Internet Veloz"
    assert data["kind"] == "sale" and len(data["turns"]) == 2
    assert bench.predict(item)
    assert not bench.predict({**item, "line": "El plan de 200 megas le cuesta 499 pesos al mes."})
    assert bench.transcript_of({**item, "scenario": "no-existe"}).get("catalog") is None


def test_bench_wordings_skips_missing_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = _bench()
    monkeypatch.setenv("SIMULADOR_WORDINGS_DIR", str(tmp_path / "none"))
    assert bench.main([]) == 0
