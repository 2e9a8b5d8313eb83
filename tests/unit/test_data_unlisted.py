"""Data management in imported calls that list no required fields, judged as an expert reads a
real call: it applies when data changed hands or a record was acted on, and fails when the agent
acted without the customer's data, asked for a secret, or gave an account's data to someone
unverified. Every sentence was written for this test (some as speech recognition gives them)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring.data_unlisted import UNLISTED_MISSING
from simulator.scoring.elements_data import DISCLOSURE_MISSING


def _data(lines: list[tuple[str, str]], kind: str = "service") -> tuple[bool | None, list[str]]:
    card = score_transcript(
        Transcript.model_validate(
            {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
        )
    )
    element = card.elements["data_management"]
    if element.met is False:
        assert element.better_phrasing and element.evidence
    return element.met, element.missing


def test_scheduling_without_any_data_fails() -> None:
    met, missing = _data(
        [
            ("agent", "Clínica Dental Sonrisa, buenas tardes, ¿en qué le ayudo?"),
            ("customer", "Quiero sacar una cita para revisión."),
            ("agent", "Claro, ¿le acomoda el martes a las diez?"),
            ("customer", "Sí, perfecto."),
            ("agent", "Listo, queda agendada su cita, gracias por llamar."),
        ]
    )
    assert met is False
    assert UNLISTED_MISSING["verify_first"] in missing


def test_registering_after_confirming_who_answers_is_met() -> None:
    met, _ = _data(
        [
            ("agent", "Buenos días, ¿me comunico con el licenciado Octavio Reyes?"),
            ("customer", "Sí, él habla."),
            ("agent", "Le llamo de Financiera Palmas por el pago de su crédito automotriz."),
            ("customer", "Ya hablé con ustedes, ese pago lo hago el viernes."),
            ("agent", "De acuerdo, dejo registrado su compromiso de pago para el viernes."),
            ("customer", "Está bien, gracias."),
        ],
        kind="collections",
    )
    assert met is True


def test_asking_for_the_account_before_looking_it_up_is_met() -> None:
    met, _ = _data(
        [
            ("agent", "Gracias por llamar a Aguas del Valle, habla Rocío, ¿en qué le ayudo?"),
            ("customer", "Me llegó el recibo muy alto este mes."),
            (
                "agent",
                "Lamento la molestia. Permítame revisar su cuenta, ¿me da su número de contrato?",
            ),
            ("customer", "Sí, es el 7 7 0 4 1 2."),
            ("agent", "Gracias, ya lo tengo; veo una lectura estimada, le genero un reporte."),
        ]
    )
    assert met is True


def test_asking_only_the_name_at_the_start_is_not_data_management() -> None:
    met, _ = _data(
        [
            ("agent", "Buenas tardes, le llamo de Seguros Altamar, ¿con quién tengo el gusto?"),
            ("customer", "Con Gerardo."),
            ("agent", "Don Gerardo, tenemos un seguro de gastos médicos con precio especial."),
            ("customer", "No, gracias, ya tengo uno."),
            ("agent", "Entiendo, que tenga buena tarde."),
        ],
        kind="sale",
    )
    assert met is None


def test_a_call_without_data_does_not_judge_it() -> None:
    met, _ = _data(
        [
            ("agent", "Papelería Central, buenos días."),
            ("customer", "¿A qué hora cierran hoy?"),
            ("agent", "Cerramos a las ocho de la noche."),
            ("customer", "Gracias."),
        ]
    )
    assert met is None


def test_telling_a_relative_about_the_debt_fails_data_management() -> None:
    met, missing = _data(
        [
            ("agent", "Buenas tardes, ¿se encuentra la señora Leticia Campos?"),
            ("customer", "No está, soy su hermana, ¿de qué se trata?"),
            (
                "agent",
                "Mire, es que su hermana trae tres meses sin pagar la tarjeta y ya debe"
                " doce mil pesos.",
            ),
            ("customer", "Ay, no sabía, yo le digo."),
        ],
        kind="collections",
    )
    assert met is False
    assert DISCLOSURE_MISSING in missing


_LINES = st.lists(
    st.tuples(
        st.sampled_from(["agent", "customer"]),
        st.sampled_from(
            [
                "queda registrada su solicitud",
                "¿me da su número de cuenta?",
                "sí, es el 5 5 1 2",
                "¿me dice su nombre?",
                "soy yo",
                "le agendo la visita",
                "permítame buscar su folio",
                "me da su nip por favor",
                "buenas tardes",
                "gracias",
                "",
            ]
        ),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(lines=_LINES, kind=st.sampled_from(["sale", "service", "collections", "complaint"]))
def test_any_call_gets_a_coherent_judgement(lines: list[tuple[str, str]], kind: str) -> None:
    met, missing = _data([(s, t or "mmm") for s, t in lines], kind=kind)
    assert (met is False) == bool(missing)
