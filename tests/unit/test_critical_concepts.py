"""Critical errors by concept (issue 12 items 3 and 5, session 14): the shapes an outside QA lead's
lines showed the rules lacked, each said here in our own words, with the near-misses a fair QA
lead would not mark.

Concepts: talking down by shape (slowing down «para que me entienda», «no sabe ni <verbo>»,
sending the customer to the competitor, «no soy su niñera», shaming a debtor's spending);
third parties who take messages, voicemail, building staff, and private matters (a purchase and
how it was paid, health data); «no me ofrezcan nada» as a do-not-call wish and selling after the
removal is confirmed; catalog limits of other shapes (only with another product, some cards, a
cap, a blocked card, a purchase-time add-on, a sold-out product, an exclusion in everyday words,
a bureau record erased); what a yes covered (another option, information only, «no me cobren», a
paid add-on in a service call). Each case is a small imported call judged at its last turn; a
case with a scenario carries that scenario's catalog, as ``bench/bench_wordings.py`` does.
"""

from __future__ import annotations

from typing import Any

import pytest

from simulator.analysis import conduct, limits
from simulator.content.library import load_library
from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_transcript
from simulator.session.result import skeleton

A, C = "agent", "customer"


def _transcript(kind: str, context: list[tuple[str, str]], line: str, scenario: str | None) -> Any:
    turns = [{"speaker": s, "text": t} for s, t in context] + [{"speaker": A, "text": line}]
    base: dict[str, Any] = {}
    if scenario is not None:
        base = skeleton(load_library().scenario(scenario), None).model_dump(
            mode="json", exclude_none=True
        )
        for key in ("events", "complete", "preparation_applicable", "scenario"):
            base.pop(key, None)
    data = {**base, "format": "simulador.transcript/1", "kind": kind, "turns": turns}
    return Transcript.model_validate(data)


def _found(case: tuple[Any, ...]) -> bool:
    kind, context, line, code, scenario = case
    card = score_transcript(_transcript(kind, context, line, scenario))
    last = len(context) + 1
    return any(e.code == code and e.turn == last for e in card.critical_errors)


CRITICAL = [
    # disrespect
    (
        "sale",
        [(C, "En la otra compañía me lo dejan en menos.")],
        "Pues cámbiese con la otra, a ver cuánto le dura el gusto.",
        "disrespect",
        None,
    ),
    (
        "service",
        [(C, "¿Me lo puede repetir?")],
        "Se lo voy a decir bien despacito para que me entienda: a-bra la a-pli-ca-ción.",
        "disrespect",
        None,
    ),
    (
        "complaint",
        [(C, "No me llega el enlace, ya lo intenté.")],
        "Usted no sabe ni copiar un enlace, así no se puede.",
        "disrespect",
        None,
    ),
    (
        "sale",
        [(C, "Es que la tecnología no se me da.")],
        "Ya lo vi, de todas formas no me va a entender, mejor ahí lo dejamos.",
        "disrespect",
        None,
    ),
    (
        "complaint",
        [(C, "Nadie me avisó del cargo.")],
        "Pues yo no soy su niñera, los avisos le llegan al correo.",
        "disrespect",
        None,
    ),
    (
        "collections",
        [(C, "No he podido pagar, la escuela de los niños...")],
        "Para estrenar celular sí hubo, ¿verdad?",
        "disrespect",
        None,
    ),
    (
        "complaint",
        [(C, "Ustedes son unos flojos, no contestan.")],
        "Pues flojo usted, que no lee los correos que le mandamos.",
        "disrespect",
        None,
    ),
    (
        "sale",
        [(C, "No quiero el seguro, está caro.")],
        "Ándele, y luego no me venga chillando cuando le choquen.",
        "disrespect",
        None,
    ),
    # confidential disclosure
    (
        "collections",
        [(C, "No estamos en casa, deje su mensaje después del tono.")],
        "Mensaje para Laura Méndez: su crédito tiene tres mensualidades vencidas, comuníquese hoy.",
        "confidential_disclosure",
        None,
    ),
    (
        "sale",
        [(C, "Soy la vigilante del condominio. ¿Qué le traen a la señora del 4B?")],
        "Es una pantalla que compró a meses con su tarjeta, ahí se la encargo.",
        "confidential_disclosure",
        None,
    ),
    (
        "sale",
        [(C, "Soy el esposo de la asegurada. ¿Ella declaró alguna enfermedad?")],
        "Sí, en la solicitud declaró diabetes desde hace cinco años.",
        "confidential_disclosure",
        None,
    ),
    (
        "collections",
        [(C, "Aquí es la oficina, el licenciado no está. ¿Quiere dejar recado?")],
        "Sí, dígale que lo están buscando del área de cobranza por su préstamo.",
        "confidential_disclosure",
        None,
    ),
    # do-not-call
    (
        "sale",
        [(C, "No me ofrezcan nada más, por favor, solo quiero mi factura.")],
        "Claro. Oiga, ¿y no le interesaría el seguro de pantalla por 49 al mes?",
        "ignores_do_not_call",
        None,
    ),
    (
        "sale",
        [(C, "Ya no me llamen, por favor.")],
        "Queda registrado. Nomás una preguntita, ¿cuántos gigas usa al mes? Con nosotros son 20.",
        "ignores_do_not_call",
        None,
    ),
    (
        "sale",
        [(C, "No quiero cambiarme y no quiero más llamadas.")],
        "Lo respeto. Le dejo mi correo por si más adelante se anima.",
        "ignores_do_not_call",
        None,
    ),
    # inaccurate information against the scenario's catalog
    (
        "sale",
        [(C, "¿Puedo tener nada más la tele?")],
        "Sí, los canales se contratan por separado, sin el plan.",
        "inaccurate_information",
        "internet-veloz-hogar",
    ),
    (
        "sale",
        [(C, "Prefiero la limitada.")],
        "Muy bien, y le incluyo el auto sustituto en la limitada por 900 al año.",
        "inaccurate_information",
        "seguro-auto-amplio",
    ),
    (
        "sale",
        [(C, "¿Y los meses sin intereses?")],
        "Salen con la tarjeta que sea, de cualquier banco.",
        "inaccurate_information",
        "celular-agotado-electrohogar",
    ),
    (
        "service",
        [(C, "¿Cuánto voy a pagar por arreglar la fuga?")],
        "Nada, la reparación corre por nuestra cuenta, cueste lo que cueste.",
        "inaccurate_information",
        "asistencia-hogar-fuga",
    ),
    (
        "collections",
        [(C, "¿Y si hago el convenio?")],
        "Con el convenio puede seguir comprando con su tarjeta como siempre.",
        "inaccurate_information",
        "cobranza-tarjeta-atrasada",
    ),
    (
        "sale",
        [(C, "¿Tienen el Nova X de 128?")],
        "Sí, se lo enviamos mañana mismo.",
        "inaccurate_information",
        "celular-agotado-electrohogar",
    ),
    (
        "sale",
        [(C, "¿Y la limitada qué tanto cubre?")],
        "La limitada también le cubre si choca, no se preocupe.",
        "inaccurate_information",
        "seguro-auto-amplio",
    ),
    (
        "sale",
        [(C, "La garantía extendida, ¿la tengo que decidir ahorita?")],
        "No, esa la puede contratar más adelante sin problema.",
        "inaccurate_information",
        "celular-agotado-electrohogar",
    ),
    (
        "collections",
        [(C, "¿Y el buró?")],
        "Pagando hoy lo quitamos del buró, quédese tranquilo.",
        "inaccurate_information",
        None,
    ),
    (
        "sale",
        [(C, "¿Cuánto es el deducible de la amplia?")],
        "Con la amplia no paga deducible nunca.",
        "inaccurate_information",
        "seguro-auto-amplio",
    ),
    # sale without consent: what the yes covered
    (
        "sale",
        [(A, "¿Prefiere el plan de 300 o el de 500?"), (C, "El de 300, por favor.")],
        "Listo, ya quedó contratado su plan de 500.",
        "sale_without_consent",
        None,
    ),
    (
        "sale",
        [(A, "¿Quiere que le mande la cotización por correo?"), (C, "Sí, mándemela.")],
        "Perfecto, ya quedó contratado su seguro y le envío la cotización.",
        "sale_without_consent",
        None,
    ),
    (
        "sale",
        [(C, "Bueno, pruébelo un mes, pero no quiero que me cobren nada.")],
        "Va, ya se lo dejé contratado con cargo a su tarjeta a partir del mes que entra.",
        "sale_without_consent",
        None,
    ),
    (
        "service",
        [(C, "Necesito que venga el cerrajero, por favor.")],
        "Ya va en camino, y le activé la asistencia plus de 120 pesos al mes.",
        "sale_without_consent",
        None,
    ),
    (
        "sale",
        [(C, "Lo voy a consultar con mi socio.")],
        "No se preocupe, yo se lo proceso de una vez y si no, lo cancelamos.",
        "sale_without_consent",
        None,
    ),
]

NEAR_MISSES = [
    (
        "service",
        [(C, "¿Me repite el folio?")],
        "Claro, se lo repito despacito para que lo anote: cinco, dos, ocho.",
        "disrespect",
        None,
    ),
    (
        "sale",
        [(C, "En la otra compañía me lo dejan en menos.")],
        "Entiendo; si gusta compare con calma, le dejo las condiciones por correo.",
        "disrespect",
        None,
    ),
    (
        "collections",
        [(C, "No estamos en casa, deje su mensaje después del tono.")],
        "Mensaje para Laura Méndez: le llama Sofía de Banco Horizonte, por favor comuníquese al "
        "800 123 4567. Gracias.",
        "confidential_disclosure",
        None,
    ),
    (
        "sale",
        [(C, "Soy el esposo de la asegurada. ¿Ella declaró alguna enfermedad?")],
        "Esa información solo la puedo ver con la titular; con gusto le marco a ella.",
        "confidential_disclosure",
        None,
    ),
    (
        "sale",
        [(C, "Ya no me llamen, por favor.")],
        "Queda registrado, no le volveremos a llamar. ¿Desea que también dejemos de enviarle "
        "correos con promociones?",
        "ignores_do_not_call",
        None,
    ),
    (
        "complaint",
        [(C, "No me ofrezcan nada, solo quiero que venga el técnico.")],
        "Entendido. Le agendo la visita para el jueves de 9 a 2; ¿quién lo recibe?",
        "ignores_do_not_call",
        None,
    ),
    (
        "sale",
        [(C, "¿Puedo tener nada más la tele?")],
        "Los canales solo se contratan junto con un Plan Hogar; el de 100 megas es el más económico.",
        "inaccurate_information",
        "internet-veloz-hogar",
    ),
    (
        "sale",
        [(C, "¿Y los meses sin intereses?")],
        "Son hasta 12 meses sin intereses con tarjetas participantes.",
        "inaccurate_information",
        "celular-agotado-electrohogar",
    ),
    (
        "collections",
        [(C, "¿Y si hago el convenio?")],
        "Con el convenio la tarjeta queda bloqueada para compras mientras dura.",
        "inaccurate_information",
        "cobranza-tarjeta-atrasada",
    ),
    (
        "sale",
        [(C, "¿Tienen el Nova X de 128?")],
        "Ese está agotado, una disculpa; el de 256 se lo enviamos en 3 a 5 días hábiles.",
        "inaccurate_information",
        "celular-agotado-electrohogar",
    ),
    (
        "sale",
        [(C, "Suena bien, pero no sé.")],
        "En cuanto me dé su visto bueno se lo registro y le llega esta semana.",
        "sale_without_consent",
        None,
    ),
]


@pytest.mark.parametrize("case", CRITICAL, ids=lambda c: f"{c[3]}:{c[2][:40]}")
def test_the_concept_is_caught_at_the_line(case: tuple[Any, ...]) -> None:
    assert _found(case)


@pytest.mark.parametrize("case", NEAR_MISSES, ids=lambda c: f"{c[3]}:{c[2][:40]}")
def test_the_near_miss_is_not_critical(case: tuple[Any, ...]) -> None:
    assert not _found(case)


def test_a_limit_is_read_from_the_condition_words() -> None:
    kinds = {lim.kind: lim.arg for lim in limits.limits_of("Solo se vende junto con un plan anual")}
    assert kinds == {"only_with": "plan anual"}
    cap = limits.limits_of("Sin costo hasta 800 pesos por visita")
    assert [lim.kind for lim in cap] == ["cap"]
    assert limits.limits_of("Vigencia de un año") == ()


def test_removal_confirmed_then_selling_is_told_apart() -> None:
    assert conduct.offers_after_respect("Ya quedó anotado. Le recuerdo que la promoción vence hoy.")
    assert not conduct.offers_after_respect(
        "El plan cuesta 499 al mes. Y queda registrado que no le llamemos con ofertas."
    )
