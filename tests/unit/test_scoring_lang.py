"""The scorer's cached, pre-checked language calls give exactly the language layer's answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis import fillers as analysis_fillers
from simulator.language.numbers import extract_amounts
from simulator.scoring import lang
from simulator.scoring import text as tx

WORDS = [
    "este",
    "Este,",
    "éste…",
    "pues",
    "o",
    "sea",
    "osea",
    "eh",
    "ehh",
    "ehhh",
    "ehm",
    "ehmm",
    "mm",
    "mmm",
    "hmm",
    "umm",
    "em",
    "la",
    "neta",
    "tipo",
    "que",
    "digamos",
    "ajale",
    "¿verdad?",
    "verdad",
    "¿no?",
    "no",
    "¿sí?",
    "sí",
    "ok",
    "sale",
    "me",
    "explico",
    "¿me explico?",
    "plan",
    "señora",
    "Hernández",
    "cuesta",
    "499",
    "$1,299.00",
    "cuatrocientos",
    "noventa",
    "y",
    "nueve",
    "pesos",
    "al",
    "mes",
    "doscientos",
    "megas",
    "mil",
    "—",
    "...",
    "bien",
    "claro",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=14))
def test_fillers_precheck_never_changes_the_count(words: list[str]) -> None:
    text = " ".join(words)
    assert lang.fillers(text, tx.fold(text)) == analysis_fillers(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=14))
def test_amounts_precheck_never_drops_an_amount(words: list[str]) -> None:
    text = " ".join(words)
    assert list(lang.amounts_in(text, tx.fold(text))) == list(extract_amounts(text))


def test_field_value_prechecks() -> None:
    text = "Mi correo es rosa punto hdz arroba gmail punto com"
    assert lang.field_value("correo", text, tx.fold(text)) == "rosa.hdz@gmail.com"
    assert lang.field_value("correo", "No tengo", tx.fold("No tengo")) is None
    phone = "Es el 55 1234 5678"
    assert lang.phone(phone, tx.fold(phone)) == "5512345678"
    assert lang.phone("Sin número", tx.fold("Sin número")) is None


def test_filler_precheck_knows_every_filler_of_the_analysis_lexicon() -> None:
    """If the analysis lexicon gains a filler, the scorer's pre-check must still let it through."""
    import re
    from importlib import resources

    import yaml

    path = resources.files("simulator.language").joinpath("es/fillers.yaml")
    data = yaml.safe_load(path.read_text("utf-8"))
    for pattern in data["always"]:
        literal = re.sub(r"\(\?[!=<][^)]*\)|\\b|[+$()?]", "", pattern).split("|")[0].strip()
        text = f"Bueno, {literal} le comento"
        assert lang.fillers(text, tx.fold(text)) == analysis_fillers(text), literal


def _reference_fold(text: str) -> str:
    import re
    import unicodedata

    lowered = text.lower().translate(tx._ACCENTS)
    if not lowered.isascii():
        decomposed = unicodedata.normalize("NFKD", lowered)
        lowered = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s$]+", " ", lowered)).strip()


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=40)
    | st.text(alphabet="abcÁé¿?¡!.,$_-ñ…«» \t\n", max_size=30)
)
def test_fold_fast_path_equals_the_regex_definition(text: str) -> None:
    assert tx.fold(text) == _reference_fold(text)
