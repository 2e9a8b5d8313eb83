"""Customer dialogue acts and objection types, with the agent's previous turn as context."""

from __future__ import annotations

import pytest

from simulator.analysis import CustomerTags, analyze_turns, tag_customer
from simulator.models.transcript import Turn


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Está muy caro, no creo que me alcance.", "price"),
        ("no me alcanza ahorita la quincena", "price"),
        ("Ahorita no tengo tiempo, estoy en el trabajo.", "time"),
        ("llameme mas tarde ando manejando", "time"),
        ("¿Cómo sé que no es un fraude?", "trust"),
        ("Ya tengo internet con Telmex.", "has_provider"),
        ("ya tengo seguro me lo da mi empresa", "has_provider"),
        ("Lo tengo que consultar con mi esposo.", "must_consult"),
        ("eso lo decide mi esposa", "must_consult"),
        ("No me interesa, gracias.", "not_interested"),
        ("No me vuelva a llamar, por favor.", "do_not_call"),
        ("Bórreme de su lista o me voy a quejar con Profeco.", "do_not_call"),
    ],
)
def test_objection_types(text: str, kind: str) -> None:
    tags = tag_customer(text)
    assert "objection" in tags.acts
    assert tags.objection_type == kind


def test_buying_signal_and_question() -> None:
    assert set(tag_customer("¿Y cuánto cuesta?").acts) == {"question", "buying_signal"}
    assert set(tag_customer("oiga y eso se puede pagar a meses").acts) == {
        "question",
        "buying_signal",
    }
    assert "buying_signal" not in tag_customer("No me interesa.").acts


def test_acceptance_and_refusal_depend_on_the_close() -> None:
    close = "¿Le gustaría contratarlo hoy?"
    assert tag_customer("Sí, adelante, lo contrato.", close).acts == ["acceptance"]
    assert tag_customer("sí claro", close).acts == ["acceptance"]
    assert tag_customer("no gracias", close).acts == ["refusal"]
    assert tag_customer("Por ahora no, a lo mejor más adelante.", close).acts == ["refusal"]
    # the same "sí" after a hold request is no sale acceptance
    assert tag_customer("Sí, claro, lo espero.", "¿Me permite un momento?").acts == ["other"]
    # without a close, "no gracias" is a not-interested objection
    tags = tag_customer("no gracias", "Le llamo para ofrecerle un seguro.")
    assert tags.acts == ["objection"] and tags.objection_type == "not_interested"


def test_data_given() -> None:
    assert (
        "data_given"
        in tag_customer(
            "mi numero es cincuenta y cinco doce treinta y cuatro cincuenta y seis setenta y ocho"
        ).acts
    )
    assert "data_given" in tag_customer("rosa punto hdz arroba gmail punto com").acts
    assert tag_customer("Rosa Hernández López", "¿Me da su nombre completo?").acts == ["data_given"]
    refused = tag_customer("No le voy a dar mi correo.", "¿Me permite su correo electrónico?")
    assert "refusal" in refused.acts and "data_given" not in refused.acts


def test_need_complaint_other() -> None:
    assert tag_customer("Trabajo desde casa y se me corta la señal en las videollamadas.").acts == [
        "need_statement"
    ]
    assert tag_customer("Ya es la tercera vez que llamo y nadie me resuelve.").acts == ["complaint"]
    assert tag_customer("Bueno, ¿sí?").acts == ["other"]
    assert tag_customer("").acts == ["other"]
    assert isinstance(tag_customer("ajá"), CustomerTags)


def test_analyze_turns_passes_context_and_objection_type() -> None:
    turns = [
        Turn(
            speaker="agent", text="Buenas tardes, le llamo de Internet Veloz para ofrecerle fibra."
        ),
        Turn(speaker="customer", text="Está muy caro, con Izzi pago menos."),
        Turn(speaker="agent", text="Entiendo. ¿Cuánto paga actualmente con ellos?"),
        Turn(speaker="agent", text="Se lo pregunto porque el plan de 200 megas cuesta 399 pesos."),
        Turn(speaker="customer", text="Pago 450."),
    ]
    out = analyze_turns(turns)
    assert [t.index for t in out] == [1, 2, 3, 4, 5]
    assert out[1].speaker == "customer" and out[1].objection_type == "price"
    assert "objection_response" in out[2].acts
    assert "objection_response" in out[3].acts  # context is still the customer's objection
    assert out[0].objection_type is None and out[4].objection_type is None


@pytest.mark.parametrize(
    ("text", "context", "act"),
    [
        ("Ándele pues, sí.", "¿Le parece si registro su solicitud?", "acceptance"),
        ("Mmm, bueno, está bien, sí.", "¿Lo dejamos contratado?", "acceptance"),
        ("Va, órale.", "¿Lo dejamos contratado?", "acceptance"),
        ("Tengo una tiendita y cobro con terminal.", "¿A qué se dedica?", "need_statement"),
        ("En las noches se va la señal.", "¿Qué problema ha tenido?", "need_statement"),
        ("No, ya le dije que no.", "¿Seguro? Es una gran promoción.", "refusal"),
        ("Me siguen cobrando aunque ya cancelé.", None, "complaint"),
    ],
)
def test_generalised_customer_categories(text: str, context: str | None, act: str) -> None:
    assert act in tag_customer(text, context).acts


def test_who_is_calling_is_a_question_not_a_trust_objection() -> None:
    tags = tag_customer("Sí, él habla. ¿De parte de quién?", "¿Hablo con el señor Martínez?")
    assert tags.acts == ["question"]
    assert "question" in tag_customer("si yo hablo quien es", "¿Hablo con el señor Ruiz?").acts
