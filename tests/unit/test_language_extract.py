"""Phones, e-mails, names, addresses and tolerant field matching."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.language.extract import (
    extract_email,
    extract_field_value,
    extract_phone,
    field_matches,
    name_mentions,
    normalize_field,
)


@pytest.mark.parametrize(
    "text",
    [
        "mi número es 55 1234 5678",
        "cincuenta y cinco doce treinta y cuatro cincuenta y seis setenta y ocho",
        "cinco cinco uno dos tres cuatro cinco seis siete ocho",
        "+52 (55) 1234-5678",
        "55-12-34-56-78, gracias",
        "es el 5512345678",
    ],
)
def test_extract_phone(text: str) -> None:
    assert extract_phone(text) == "5512345678"


def test_extract_phone_none_when_incomplete() -> None:
    assert extract_phone("mi cel 55 12 34 56 7") is None
    assert extract_phone("no tengo teléfono") is None
    assert extract_phone("") is None


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("rosa punto hdz arroba gmail punto com", "rosa.hdz@gmail.com"),
        ("es rosa guion bajo hdz arroba hotmail.com", "rosa_hdz@hotmail.com"),
        ("Mi correo: Rosa.Hdz@Gmail.com.", "rosa.hdz@gmail.com"),
        ("juan arroba gmail", "juan@gmail.com"),
        ("jl ramirez arroba outlook punto com punto mx", "ramirez@outlook.com.mx"),
    ],
)
def test_extract_email(text: str, email: str) -> None:
    assert extract_email(text) == email


def test_extract_email_none() -> None:
    assert extract_email("no tengo correo") is None
    assert extract_email("arroba") is None


def test_normalize_field_by_kind() -> None:
    assert normalize_field("telefono", "(55) 1234-5678") == "5512345678"
    assert normalize_field("Teléfono celular", "+52 55 1234 5678") == "5512345678"
    assert normalize_field("correo", " Rosa.Hdz@Gmail.com ") == "rosa.hdz@gmail.com"
    assert normalize_field("nombre", "Sra. Rosa Hernández") == "rosa hernandez"
    assert normalize_field("direccion", "Col. Roma #45") == "colonia roma numero 45"


def test_field_matches_tolerant_for_text_strict_for_phone_and_email() -> None:
    assert field_matches(
        "direccion",
        "Col. Roma Norte, Calle Orizaba #45",
        "colonia roma norte calle orizaba numero 45",
    )
    assert field_matches("nombre", "Rosa Hernández López", "rosa hernandez lopez")
    assert field_matches("nombre", "Rosa Hernández López", "Rosa Hernandes Lopez")
    assert not field_matches("nombre", "Rosa Hernández", "Rosa Martínez")
    assert field_matches(
        "telefono", "55 1234 5678", "cinco cinco uno dos tres cuatro cinco seis siete ocho"
    )
    assert not field_matches("telefono", "55 1234 5678", "5512345679")
    assert field_matches("correo", "rosa.hdz@gmail.com", "rosa punto hdz arroba gmail punto com")
    assert not field_matches("correo", "rosa.hdz@gmail.com", "rosa.hdz@hotmail.com")
    assert not field_matches("nombre", "", "")


def test_extract_field_value() -> None:
    assert extract_field_value("nombre", "Me llamo Rosa Hernández López, para servirle") == (
        "Rosa Hernández López"
    )
    assert extract_field_value("nombre", "soy Juan Pérez y quiero información") == "Juan Pérez"
    assert (
        extract_field_value("nombre", "a nombre de María de la Luz Gómez.")
        == "María de la Luz Gómez"
    )
    assert extract_field_value("nombre", "Rosa Hernández López") == "Rosa Hernández López"
    assert extract_field_value("nombre", "sí, claro") is None
    assert extract_field_value("telefono", "es el 33 1234 5678") == "3312345678"
    assert (
        extract_field_value("correo", "ana punto lopez arroba gmail punto com")
        == "ana.lopez@gmail.com"
    )
    assert extract_field_value("direccion", "vivo en Calle Orizaba 45, colonia Roma. Gracias") == (
        "Calle Orizaba 45, colonia Roma"
    )
    assert extract_field_value("codigo_postal", "es el cero seis setecientos") == "06700"


def test_name_mentions() -> None:
    text = (
        "Buenos días, ¿hablo con la señora Hernández? Mire Rosa, le explico. "
        "Gracias, Sra. Hernández López. Rosa Hernández, ¿me escucha?"
    )
    assert name_mentions(text, "Rosa Hernández López") == 4
    assert name_mentions("don ramiro le comento, don Ramiro", "Ramiro Salinas") == 2
    assert name_mentions("HERNANDEZ sin título no cuenta", "Rosa Hernández") == 0
    assert name_mentions("señor Salinas, gracias", "Ramiro Salinas") == 1
    assert name_mentions("", "Rosa") == 0
    assert name_mentions("Rosa", "") == 0


def test_yes_no_words_are_not_names() -> None:
    assert extract_field_value("nombre", "no sé") is None
    assert extract_field_value("nombre", "sí") is None


@pytest.mark.parametrize(
    "text",
    ["Sí, todo correcto.", "Sí, está bien.", "Claro, así es.", "Ok, perfecto.", "Exacto, eso es."],
)
def test_confirmations_are_not_names(text: str) -> None:
    assert extract_field_value("nombre", text) is None


def test_dictation_lead_word_is_not_part_of_the_name() -> None:
    assert extract_field_value("nombre", "Anote: Roberto Sánchez Aguilar.") == (
        "Roberto Sánchez Aguilar"
    )
    assert extract_field_value("nombre", "Apunte, Rosa López") == "Rosa López"


def test_address_keeps_abbreviated_parts() -> None:
    assert extract_field_value("direccion", "Calle Olivo 23, Col. Roma, CDMX") == (
        "Calle Olivo 23, Col. Roma, CDMX"
    )
    assert extract_field_value("direccion", "Calle Olivo 23, Col. Roma, CDMX.") == (
        "Calle Olivo 23, Col. Roma, CDMX"
    )
    assert extract_field_value(
        "domicilio", "Vivo en Av. Juárez 45 int. 3, Col. Centro. Gracias"
    ) == ("Av. Juárez 45 int. 3, Col. Centro")


def test_digits_field_ignores_address_and_phone_of_the_same_turn() -> None:
    turn = "Mi póliza es 8876 5543, vivo en Calle Olivo 23 y mi teléfono es 55 1234 5678"
    assert extract_field_value("numero_poliza", turn) == "88765543"
    turn = "Vivo en Calle Olivo 23, mi teléfono 5512345678 y la póliza 44556677"
    assert extract_field_value("numero_poliza", turn) == "44556677"
    turn = "mi teléfono es 5512345678 y la cuenta termina en cuatro cinco seis siete"
    assert extract_field_value("cuenta", turn) == "4567"
    assert extract_field_value("cp", "Calle Olivo 23, Col. Roma, CP 06700") == "06700"
    assert extract_field_value("numero_poliza", "es el 44556677") == "44556677"
    assert extract_field_value("numero_poliza", "calle Olivo 23") is None


@given(st.text(max_size=120))
@settings(max_examples=150, deadline=None)
def test_digits_and_address_extractors_never_raise(text: str) -> None:
    value = extract_field_value("numero_poliza", text)
    assert value is None or value.isdigit()
    address = extract_field_value("direccion", text)
    assert address is None or any(ch.isdigit() for ch in address)
    name = extract_field_value("nombre", text)
    assert name is None or name.strip()


def test_folio_and_policy_numbers_keep_their_letter_prefix() -> None:
    # panel c-04 / h-03: read-backs suggested «1183002» for «IV-1183002» and «558120» for «AT-558120»
    from simulator.language.extract import extract_field_value, field_matches

    assert extract_field_value("numero_cuenta", "Sí, es la IV-2049377") == "IV-2049377"
    assert extract_field_value("poliza", "Mi póliza es AT-558120, señorita") == "AT-558120"
    assert extract_field_value("poliza", "es la 558120") == "558120"
    assert field_matches("numero_cuenta", "IV-2049377", "2049377")
