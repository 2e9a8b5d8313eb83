"""Collections threats, secret requests and debts told to third parties in natural phrasings
(issue 12 items 3 and 5). Every sentence was written for this test (helper "claims2"): positives
and near misses — a real consequence stated as the contract says it, a denied threat, a warning
never to share a code, the agent's own verification code, identifying the collections area.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis import claims, conduct, tag_agent
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

HOLDER = [
    ("agent", "Buenas tardes, le habla Luis de Banco Aurora, ¿hablo con la señora Rosa Díaz?"),
    ("customer", "Sí, soy yo."),
]


def _codes(lines: list[tuple[str, str]], kind: str = "collections") -> set[tuple[str, int]]:
    call = Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    return {(e.code, e.turn or 0) for e in score_transcript(call).critical_errors}


def _at(line: str, kind: str = "collections") -> set[str]:
    lines = [*HOLDER, ("agent", line), ("customer", "Mmm.")]
    return {code for code, turn in _codes(lines, kind) if turn == 3}


THREATS = [
    "Si no paga hoy le vamos a embargar hasta la televisión.",
    "Mañana va el actuario a embargarle sus cosas.",
    "Usted va a ir a la cárcel por fraude, señora.",
    "lo vamos a boletinar con su patron para que lo corran",
    "Ya su expediente está en el juzgado y le va a llegar la policía.",
    "Le va a caer la patrulla a su casa.",
    "Le van a congelar todas sus cuentas bancarias.",
    "Esto ya es un delito, señora.",
    "Le hablo del juzgado tercero de lo civil.",
    "Vamos a publicar su nombre en redes sociales como deudora.",
    "Les vamos a avisar a todos sus contactos y a sus vecinos que usted no paga.",
    "no va a poder salir del pais si no paga",
    "Le vamos a poner una demanda y va a perder todo lo que tiene.",
    "Si no paga hoy, mañana pasamos por usted con los abogados.",
    "Vamos a mandar a alguien a su domicilio a cobrarle delante de sus vecinos.",
    "le vamos a seguir llamando a todas horas hasta que pague",
    "Le va a llegar una orden de cateo.",
    "Le vamos a quitar el carro con grúa esta semana.",
]
REAL_CONSEQUENCES = [
    "Si el pago no se cubre, el atraso se reporta al buró de crédito, como dice su contrato.",
    "Le comento que cada pago tardío genera una comisión de 350 pesos.",
    "Si no se regulariza, su cuenta podría pasar a un despacho externo de cobranza.",
    "Nadie va a ir a la cárcel por una deuda, señora, lo que queremos es ayudarle a pagar.",
    "No le vamos a embargar nada, queremos llegar a un acuerdo.",
    "Se siguen generando intereses moratorios mientras no se pague.",
    "¿Podemos contar con su pago de 1,850 pesos el día 27?",
    "Le llamo de Banco Aurora, del área de cobranza.",
    "Su tarjeta está bloqueada para compras hasta que se ponga al corriente.",
    "Si no está de acuerdo con un cargo, puede presentar una queja en la CONDUSEF.",
]


@pytest.mark.parametrize("line", THREATS)
def test_threats_and_false_legal_consequences_are_critical(line: str) -> None:
    assert _at(line) & {"disrespect", "inaccurate_information"}, line


@pytest.mark.parametrize("line", REAL_CONSEQUENCES)
def test_real_consequences_and_denials_are_not_threats(line: str) -> None:
    assert not _at(line), line
    assert conduct.disrespect_kind(line) is None
    assert "disrespect" not in tag_agent(line)


def test_a_denied_jail_threat_is_no_claim_but_the_conditional_one_is() -> None:
    assert not claims.extract("Nadie va a ir a la cárcel por deber, no se preocupe.")
    assert claims.extract("Si no paga, va a ir a la cárcel.")
    assert conduct.disrespect_kind("Si usted no paga, le vamos a embargar la casa.") == "threat"


SECRET_REQUESTS = [
    "Ahorita le llega un mensaje con un código, ¿me lo dicta por favor?",
    "me dicta el codigo que le acaba de llegar",
    "¿Me puede leer los tres numeritos de atrás de su plástico?",
    "Léame por favor el número de su tarjeta completo, de corrido.",
    "Para cancelar el cargo necesito que me diga su clave de la aplicación.",
    "¿Cuál es su pin?",
    "el token que le aparece en su celular me lo puede pasar",
    "Deme la fecha de vencimiento y el código de atrás.",
    "Le acaba de llegar un SMS de seis dígitos, ¿me lo repite?",
    "Dígame su número de tarjeta, los dieciséis, por favor.",
    "¿Qué código le llegó a su celular?",
    "Nada más díctame la clave de tu app y listo.",
    "Por favor, dígame el código de verificación que le enviamos.",
]
NOT_SECRET_REQUESTS = [
    "¿Me confirma los últimos cuatro dígitos de su tarjeta?",
    "Le va a llegar un código por SMS; no lo comparta con nadie, ni con nosotros.",
    "Ingrese su NIP en el teclado de la terminal cuando se lo pida.",
    "Le llegará un código a su celular; escríbalo usted en la aplicación.",
    "Nunca comparta su token con nadie, ni aunque le digan que es del banco.",
    "¿Me da su número de cliente, por favor?",
    "¿Me proporciona su fecha de nacimiento para validar su identidad?",
    "Le envié un código de seguimiento por correo para su paquete.",
    "Su contraseña la puede cambiar en la aplicación, en Configuración.",
    "¿Me confirma el código postal de su domicilio?",
    # The agent's own verification step for a transfer the customer asked for.
    "Le voy a enviar un código de verificación por mensaje; ¿me lo confirma cuando le llegue?",
]


@pytest.mark.parametrize("line", SECRET_REQUESTS)
def test_secret_requests_in_natural_phrasing_are_critical(line: str) -> None:
    assert conduct.asks_secret(line), line
    assert "confidential_disclosure" in _at(line, "service")


@pytest.mark.parametrize("line", NOT_SECRET_REQUESTS)
def test_ordinary_data_and_warnings_are_not_secret_requests(line: str) -> None:
    assert not conduct.asks_secret(line), line


THIRD_PARTY = [
    (
        "No, no está, soy su hermana.",
        "Pues dígale que nos urge que pague, ya lleva tres meses sin pagar.",
    ),
    (
        "Soy su mamá, ¿qué necesita?",
        "Es que su hija tiene un préstamo con nosotros y no ha pagado.",
    ),
    (
        "No, es mi esposo, anda trabajando.",
        "¿Usted le puede dar el recado de que su cuenta está en cobranza?",
    ),
    (
        "Ella trabaja aquí pero ahorita no está.",
        "Dígale que se comunique urgente porque tiene pagos atrasados.",
    ),
    ("No soy yo, soy el vecino.", "Pues avísele que si no paga su crédito lo vamos a reportar."),
    ("No está. ¿De qué se trata?", "Es sobre el crédito de su auto que tiene vencido."),
    ("No, ella salió.", "¿Usted podría pagar su deuda para que no le sigan cobrando intereses?"),
]
THIRD_PARTY_FINE = [
    (
        "No, no está, soy su hermana.",
        "Gracias, ¿a qué hora la puedo encontrar? Es un asunto personal.",
    ),
    ("No está. ¿De qué se trata?", "Es un asunto personal, solo lo puedo tratar con ella."),
    ("Aquí no vive.", "Le hablo del área de cobranza de Banco Aurora, ¿con quién tengo el gusto?"),
]
ASK = ("agent", "Buenas tardes, ¿se encuentra la señora Marta Ruiz?")


@pytest.mark.parametrize(("reply", "line"), THIRD_PARTY)
def test_the_debt_told_to_a_third_party_is_critical(reply: str, line: str) -> None:
    assert ("confidential_disclosure", 3) in _codes([ASK, ("customer", reply), ("agent", line)])


@pytest.mark.parametrize(("reply", "line"), THIRD_PARTY_FINE)
def test_identifying_yourself_to_a_third_party_is_fine(reply: str, line: str) -> None:
    codes = _codes([ASK, ("customer", reply), ("agent", line)])
    assert not any(code == "confidential_disclosure" for code, _ in codes)


RUDE = [
    "Ay señora, ¿qué parte no entendió?",
    "Se lo repito por tercera vez, a ver si ahora sí me entiende.",
    "Le estoy hablando en español, ¿o no me entiende?",
    "Ya me tiene harto con lo mismo.",
    "No me importa lo que usted piense.",
    "Mugrosa, págale al banco.",
    "Hágame el favor de no interrumpirme cuando hablo.",
]
POLITE = [
    "Disculpe, creo que no me expliqué bien; se lo digo de otra forma.",
    "¿Me permite terminar la idea y enseguida le escucho?",
    "Entiendo que no es su problema, el error fue nuestro.",
    "Lamento que le hayan hecho repetir lo mismo tantas veces.",
    "Haga lo que le resulte más cómodo, usted decide.",
]


@pytest.mark.parametrize("line", RUDE)
def test_condescension_and_insults_are_disrespect(line: str) -> None:
    assert "disrespect" in _at(line, "service")


@pytest.mark.parametrize("line", POLITE)
def test_polite_near_misses_are_not_disrespect(line: str) -> None:
    assert "disrespect" not in _at(line, "service")


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.text(max_size=300))
def test_conduct_readers_never_raise(text: str) -> None:
    assert isinstance(conduct.asks_secret(text), bool)
    assert conduct.disrespect_kind(text) in (None, *conduct.DISRESPECT_KINDS)
    assert all(isinstance(c, str) for c in conduct.clauses(text))


DNC_THEN = [
    "De acuerdo, ¿y no le gustaría pagar menos?",
    "Ok, le mando la información por WhatsApp para que la revise.",
    "Perfecto, ¿le puedo llamar la próxima semana para ver si cambió de opinión?",
]
DNC_RESPECTED = [
    "Claro, señor, lo quitamos de la lista. Que tenga buen día.",
    "De acuerdo, ya no le volveremos a marcar. Buenas tardes.",
    "Con gusto, queda registrada su petición; le envío la confirmación de su baja por correo.",
]
DNC_PRE = [
    *HOLDER,
    ("agent", "Le llamo para ofrecerle nuestro nuevo plan de internet."),
    ("customer", "No me interesa, y por favor ya no me llame."),
]


@pytest.mark.parametrize("line", DNC_THEN)
def test_calling_again_or_sending_the_offer_after_do_not_call_is_critical(line: str) -> None:
    assert ("ignores_do_not_call", 5) in _codes([*DNC_PRE, ("agent", line)], "sale")


@pytest.mark.parametrize("line", DNC_RESPECTED)
def test_confirming_the_removal_is_fine(line: str) -> None:
    assert not _codes([*DNC_PRE, ("agent", line)], "sale")


@pytest.mark.parametrize(
    "line",
    [
        "Mire mija, así no funciona esto.",
        "Pues arréglese como pueda, señora.",
        "Eso a mí no me toca.",
    ],
)
def test_talking_down_and_brushing_off_are_disrespect(line: str) -> None:
    assert "disrespect" in _at(line, "service")


@pytest.mark.parametrize(
    "line",
    [
        "Mi hija también tiene ese plan y le funciona bien.",
        "Ese trámite no me corresponde a mí directamente; ahorita la comunico con el área que lo resuelve.",
        "Le toca pagar el día 15.",
    ],
)
def test_ordinary_mentions_are_not_disrespect(line: str) -> None:
    assert "disrespect" not in _at(line, "service")
