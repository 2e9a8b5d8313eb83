"""Critical errors a QA lead in Mexico fails, from the domain (issue 12 items 3 and 5, session 16):
false legal consequences of a debt and invented rules, promises without figures, debtor-shaming and
condescension, persuasion after a refusal of offers, other customers' data volunteered.

Each case is a small imported call (context + the agent line judged, no catalog, no events); the
critical error must be found at the line's turn, and nowhere for a near-miss. Our own words.
"""

from __future__ import annotations

import pytest

from tests.unit.test_critical_wordings import C, _found

CRITICAL = [
    # collections: only a judge orders a payroll deduction, a seizure or a summons
    (
        "collections",
        [(C, "Ahorita no tengo, trabajo en una fábrica.")],
        "Entonces le marcamos a la fábrica para que le retengan de su quincena lo que debe.",
        "inaccurate_information",
    ),
    (
        "collections",
        [(C, "¿Me pueden quitar la camioneta?")],
        "Sí, con el pagaré basta, sin necesidad de juez pasa la grúa el lunes.",
        "inaccurate_information",
    ),
    (
        "collections",
        [(C, "Nadie me ha avisado de ningún juicio.")],
        "Pues su demanda ya está radicada en el juzgado, le va a llegar el citatorio.",
        "inaccurate_information",
    ),
    (
        "collections",
        [(C, "Vivo con mi hermana, ¿a ella le afecta?")],
        "Claro, la deuda pasa a su hermana si usted no responde.",
        "inaccurate_information",
    ),
    (
        "complaint",
        [(C, "¿Por qué nada más me bonifican 100 pesos?")],
        "Es lo máximo que permite Profeco, no le podemos dar más.",
        "inaccurate_information",
    ),
    # promises without figures
    (
        "service",
        [(C, "¿Y si la reparación sale carísima?")],
        "No se preocupe, no hay ningún tope, le pagamos lo que cueste.",
        "inaccurate_information",
    ),
    (
        "complaint",
        [(C, "¿Cuándo me regresan el cargo?")],
        "Ya se lo devolvimos, en diez minutos le aparece en su tarjeta.",
        "inaccurate_information",
    ),
    # disrespect
    (
        "collections",
        [(C, "Es que este mes se me juntaron los gastos.")],
        "Con razón anda endeudado, si así administra su dinero.",
        "disrespect",
    ),
    (
        "service",
        [(C, "Perdón, no traigo mi número de contrato.")],
        "Pues tráigalo la próxima vez, como cualquier cliente responsable.",
        "disrespect",
    ),
    (
        "sale",
        [(C, "Lo voy a pensar con calma.")],
        "Apúrese a decidir, que esto no es para gente que lo piensa tanto.",
        "disrespect",
    ),
    # do-not-call: an offer refused, then offered again in the same clause as the removal
    (
        "service",
        [(C, "No quiero ninguna promoción, solo el cambio de fecha.")],
        "Listo, anoto que no quiere ofertas, y para compensarle le ofrezco un mes gratis del"
        " paquete premium, ¿se lo activo?",
        "ignores_do_not_call",
    ),
    # another customer's account volunteered
    (
        "service",
        [(C, "¿Esa falla es común?")],
        "Sí, su vecino, el señor Torres, tenía lo mismo y le cambiamos el módem ayer.",
        "confidential_disclosure",
    ),
]

NEAR_MISS = [
    (
        "collections",
        [(C, "¿Qué pasa si no pago?")],
        "Se generan intereses y la comisión por pago tardío, y el atraso se refleja en su"
        " historial crediticio.",
        "inaccurate_information",
    ),
    (
        "sale",
        [(C, "Gano doce mil, ¿me dan la Platino?")],
        "Le soy honesta: con ese ingreso no se autorizaría la Platino; la Clásica sí le queda.",
        "disrespect",
    ),
    (
        "service",
        [(C, "Ya no me llamen para promociones.")],
        "Lo quito de las llamadas de promociones. Su servicio sigue igual.",
        "ignores_do_not_call",
    ),
    (
        "service",
        [(C, "Perdón, es que no sé usar la aplicación, jeje.")],
        "Jaja, no se preocupe, aquí lo hacemos juntos; ¿ya la tiene abierta?",
        "disrespect",
    ),
    (
        "complaint",
        [(C, "¡Ya estoy harto, me cobraron dos veces!")],
        "Le pido que no me grite, por favor; quiero ayudarle. ¿Me da su número de cuenta?",
        "disrespect",
    ),
]


@pytest.mark.parametrize(("kind", "context", "line", "code"), CRITICAL)
def test_domain_critical_is_found(
    kind: str, context: list[tuple[str, str]], line: str, code: str
) -> None:
    assert _found(kind, context, line, code)


@pytest.mark.parametrize(("kind", "context", "line", "code"), NEAR_MISS)
def test_domain_near_miss_is_not_critical(
    kind: str, context: list[tuple[str, str]], line: str, code: str
) -> None:
    assert not _found(kind, context, line, code)
