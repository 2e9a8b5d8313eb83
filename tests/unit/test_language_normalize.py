"""Normalization, tokens and lemmas of the Spanish language layer."""

from __future__ import annotations

from simulator.language.normalize import fold, lemma, normalize, tokens, word_count


def test_normalize_strips_case_accents_inverted_marks_and_punctuation() -> None:
    assert normalize("¡Holaaaa! ¿Cómo está, Sr. Pérez?") == "hola como esta sr perez ?"


def test_normalize_collapses_repeated_letters_but_not_digits() -> None:
    assert normalize("siiiii claaaro mmmm") == "si claro m"
    assert normalize("1000 llamadas") == "1000 llamadas"
    assert normalize("lleeego") == "llego"


def test_normalize_keeps_inner_separators_of_amounts_and_domains() -> None:
    assert normalize("Cuesta $499.00, o sea 1,299 pesos.") == "cuesta $499.00 o sea 1,299 pesos"
    assert normalize("Rosa.Hdz@Gmail.com") == "rosa.hdz@gmail.com"


def test_normalize_enye_and_non_latin() -> None:
    assert normalize("Niño — ñandú 😀 中文") == "nino nandu"


def test_normalize_empty_and_spaces() -> None:
    assert normalize("") == ""
    assert normalize("   \n\t ") == ""


def test_fold_keeps_length_for_offsets() -> None:
    text = "¿Cuánto cuesta el ÑANDÚ?"
    assert len(fold(text)) == len(text)
    assert fold(text).startswith(" cuanto")


def test_tokens_and_word_count() -> None:
    assert tokens("¿Me da su correo, por favor?") == ["me", "da", "su", "correo", "por", "favor"]
    assert word_count("Buenos días, ¿en qué le puedo ayudar?") == 7
    assert word_count("") == 0


def test_lemma_is_an_accent_free_stem_shared_by_inflections() -> None:
    assert lemma("hablamos") == lemma("hablar") == lemma("habla")
    assert lemma("clases") == lemma("clase")
    assert lemma("telefonía").isascii()
    assert lemma("499") == "499"
    assert lemma("") == ""
