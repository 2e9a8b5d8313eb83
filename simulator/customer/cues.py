"""What the customer notices in an agent turn beyond its dialogue acts.

The analysis package labels acts (open question, benefit, close…); the brain also needs
scenario-specific cues: which capture field is being asked for, whether a need's probe keywords or
benefit keywords appear, which product and price were named, whether a read-back matches the true
data. Keyword lists live in ``es/brain.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from simulator.analysis import questions
from simulator.customer import facts
from simulator.customer.field_frame import names_the_datum, spans
from simulator.datafiles import parse as parse_yaml
from simulator.language import spelled
from simulator.language.extract import extract_field_value, field_kind, field_matches
from simulator.language.normalize import normalize
from simulator.language.numbers import extract_amounts
from simulator.language.spoken_email import email_spelled_in
from simulator.models.content import Product, Scenario

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
SHORT_REQUEST = 5  # words: «¿Me los regala, por favor?»
_POINTS_BACK = re.compile(r"\b(?:me|nos) (?:lo|la|los|las)\b")
_BARE_ASK = re.compile(r"^(?:(?:y )?(?:su|sus)|y una?) \w+(?: \w+){0,7}$")  # «Y un teléfono.»


@cache
def config() -> dict[str, Any]:
    text = resources.files("simulator.customer").joinpath("es/brain.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return data if isinstance(data, dict) else {}


def dial(name: str, default: int = 0) -> int:
    value = config().get("dials", {}).get(name, default)
    return int(value) if isinstance(value, int) else default


def phrases(name: str) -> list[str]:
    return [normalize(p) for p in config().get(name, [])]


def contains_any(norm_text: str, keywords: list[str]) -> bool:
    """Whole-word (or whole-phrase) match of any keyword in an already normalized text."""
    padded = f" {norm_text} "
    for keyword in keywords:
        key = normalize(keyword)
        # a long keyword also matches the longer words it starts («hospital» in
        # «hospitalización»), never the middle of a word («cuenta» in «descuentan»)
        if key and (f" {key} " in padded or (len(key) > 5 and f" {key}" in padded)):
            return True
    return False


def field_aliases(field: str) -> list[str]:
    aliases = config().get("field_aliases", {}).get(field)
    if aliases:
        return [normalize(a) for a in aliases]
    return [normalize(field.replace("_", " "))]


def fields_mentioned(norm_text: str, fields: list[str]) -> list[str]:
    """The capture fields an agent turn names, in the order of ``fields``. A field named only
    where a longer name of another field overlaps is not named: «su número de póliza» asks for
    the policy, not for «su número» (the phone); nor one named only as a thing («en su
    teléfono», «su estado de cuenta»: ``_names_the_datum``)."""
    padded = f" {norm_text} "
    found = {
        f: [
            (a, b)
            for a, b in spans(norm_text, field_aliases(f))
            if names_the_datum(padded, a, b, config().get("field_frame") or {})
        ]
        for f in fields
    }
    named = [
        f
        for f in fields
        if found[f]
        or (contains_any(norm_text, field_aliases(f)) and not spans(norm_text, field_aliases(f)))
    ]
    out = []
    for f in named:
        inside = found[f] and all(
            any(
                a < end and start < b and (b - a) > (end - start)
                for other in named
                if other != f
                for a, b in found[other]
            )
            for start, end in found[f]
        )
        if not inside:
            out.append(f)
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+")


def fields_requested(text: str, fields: list[str]) -> list[str]:
    """Fields named in the sentences that ask («le envío todo a su correo. ¿Me da su nombre?»:
    the name), or the whole turn if none asks. A question naming no field asks none (panel v),
    unless short and pointing back («Su nombre y su cuenta. ¿Me los regala?»)."""
    requests = phrases("request_phrases")
    sentences = [normalize(part) for part in _SENTENCE_END.split(text[:4000])]
    asking = [n for n in sentences if "?" in n or contains_any(n, requests) or _BARE_ASK.match(n)]
    if not asking:
        return fields_mentioned(normalize(text), fields)
    named = fields_mentioned(" ".join(asking), fields)
    if named:
        return named
    for index, norm in enumerate(sentences):
        short = len(re.findall(r"\w+", norm)) <= SHORT_REQUEST
        if index and norm in asking and short and _POINTS_BACK.search(norm):
            return fields_mentioned(sentences[index - 1], fields)
    return []


def question_sentences(text: str) -> list[str]:
    """The normalized questions of a turn («¿…?»), each on its own."""
    return [normalize(q) for q in questions.bodies(text)]


def amounts(text: str) -> list[float]:
    """Numbers said in the turn (digits or words)."""
    return [float(a.value) for a in extract_amounts(text)]


def value_matches(field: str, said: str, true_value: str) -> bool:
    """Whether the agent's turn contains the true value of ``field`` (read-back check)."""
    if field_kind(field) == "address":
        return facts.address_check(true_value, said)[0] == "match"
    extracted = extract_field_value(field, said)
    if extracted and field_matches(field, true_value, extracted):
        return True
    if field_kind(field) == "email" and email_spelled_in(true_value, said):
        return True  # «h-salinas arroba outlook…», «hache salinas…» (panel I, yc-06)
    if facts.day_of_month(true_value) is not None:  # «el 27», «el viernes 27 de noviembre»
        return facts.day_said(true_value, said)
    if re.fullmatch(r"\d+(?:\.\d+)?", true_value.strip()):
        return any(abs(a - float(true_value)) < 0.5 for a in amounts(said))
    digits_true = re.sub(r"\D", "", true_value)
    if len(digits_true) >= 7:
        return digits_true in re.sub(r"\D", "", said)
    said_n = normalize(said).replace(" arroba ", "@").replace(" punto ", ".")
    true_n = normalize(true_value)
    if not true_n:
        return False
    if _CODE.fullmatch(true_value.strip()) and spelled.spelled_in(true_value, said):
        return True  # «N de Nicaragua, X, R de Roma, guion 4-8-2, guion B» is NXR-482-B (panel E)
    if true_n in said_n or true_n.replace(" ", "") in said_n.replace(" ", ""):
        return True
    if field_kind(field) != "text":
        return False
    # a description read back in other words («fuga en el tubo bajo el fregadero» for «fuga de
    # agua»): the caller accepts it when half its words are there (panel u-06)
    words = [w for w in true_n.split() if len(w) > 2]
    return bool(words) and sum(f" {w}" in f" {said_n}" for w in words) / len(words) >= 0.5


# A code of letters and digits (plates, policy numbers): read back letter by letter.
_CODE = re.compile(r"(?=[^\s]*[A-Za-z])(?=[^\s]*\d)[A-Za-z0-9-]{4,}")


def misread(field: str, said: str, true_value: str) -> tuple[str, str] | None:
    """(what the agent said, what it really is) when a read-back gets a number wrong."""
    if facts.day_of_month(true_value) is not None:  # «no, el 5 de diciembre, no 5 de enero»
        return facts.date_misread(true_value, said)
    slip = facts.full_date_slip(true_value, said)  # «no, el 2 de septiembre, no 3 de…»
    if slip is not False:
        return slip if isinstance(slip, tuple) else None
    if field_kind(field) == "address":
        verdict, wrong, right = facts.address_check(true_value, said)
    elif re.sub(r"\D", "", true_value) and len(re.sub(r"\D", "", true_value)) >= 6:
        verdict, wrong, right = facts.digits_check(true_value, said)
    else:
        return None
    return (wrong, right) if verdict == "wrong" else None


def products_named(norm_text: str, catalog: list[Product]) -> list[Product]:
    named = []
    for product in catalog:
        names = [product.name, *product.aliases]
        if contains_any(norm_text, names):
            named.append(product)
    return named


def first_position(norm_text: str, keywords: list[str]) -> int | None:
    """Where the earliest whole-word match of any keyword starts in a normalized text."""
    padded = f" {norm_text} "
    found = []
    for keyword in keywords:
        key = normalize(keyword)
        if not key:
            continue
        at = padded.find(f" {key} ")
        if at < 0 and len(key) > 5:
            at = norm_text.find(key)
        if at >= 0:
            found.append(at)
    return min(found) if found else None


def sold_product(agent_texts: list[str], scenario: Scenario) -> Product | None:
    """The product the agent is closing on: the most recent agent turn that names a product.

    When that turn names several ("el de 200 cuesta 499; el de 399 es el de 100"), the product
    whose own price is said wins, then the one named first (the subject of the sentence). A turn
    that names no product but says exactly one product's price names that product: the read-back
    of a promise to pay («queda anotado su pago de 1,850 pesos el 27») is the minimum payment,
    not the agreement mentioned earlier as an alternative.
    """
    for text in reversed(agent_texts):
        norm = normalize(text)
        placed = []
        for product in scenario.catalog:
            at = first_position(norm, [product.name, *product.aliases])
            if at is not None:
                placed.append((at, product))
        amounts = {round(a.value) for a in extract_amounts(text) if a.is_money}
        if not placed:
            by_price = [
                p for p in scenario.catalog if p.price is not None and round(p.price) in amounts
            ]
            if len(by_price) == 1:
                return by_price[0]
            continue
        placed.sort(key=lambda pair: pair[0])
        priced = [p for _, p in placed if p.price is not None and round(p.price) in amounts]
        return priced[0] if priced else placed[0][1]
    return None


def price_mentioned(text: str, norm_text: str) -> bool:
    """Money said in the turn (an amount read as money, or price words)."""
    money = any(a.is_money for a in extract_amounts(text))
    return money or contains_any(
        norm_text, ["pesos", "precio", "cuesta", "al mes", "mensualidad", "costo", "anualidad"]
    )


def catalog_price_said(text: str, scenario: Scenario) -> bool:
    """A money amount equal to some catalog price is said (a presentation, not a restatement)."""
    prices = {round(p.price) for p in scenario.catalog if p.price}
    return any(a.is_money and round(a.value) in prices for a in extract_amounts(text))


def wrong_price(text: str, norm_text: str, scenario: Scenario, quoted: str = "") -> Product | None:
    """A catalog product named in the turn with a money amount that is not its price.

    Several products may be named with their prices in one turn; the turn is wrong only when a
    named product's price is never said and some amount said is no named product's price. An
    amount the customer itself just said (``quoted``: «¿me lo deja en 5,499?» — «no se lo puedo
    dejar en 5,499») is the customer's figure turned down, not the agent's price (panel E zi-04:
    «eso no cuadra con lo que me dijo antes» to a correct answer).
    """
    named = [p for p in products_named(norm_text, scenario.catalog) if p.price is not None]
    if not named:
        return None
    product_words = set()
    for product in scenario.catalog:
        for name in (product.name, *product.aliases):
            product_words.update(_NUMBER.findall(name))
    folded = normalize(text)
    said: set[int] = set()
    stray: set[int] = set()
    prices = {round(p.price or 0) for p in named}
    catalog_prices = {round(p.price) for p in scenario.catalog if p.price}
    theirs = {round(a.value) for a in extract_amounts(quoted)}
    for amount in extract_amounts(text):
        value = round(amount.value)
        money = amount.is_money or value in catalog_prices  # «el Astra 5 en 4,999»
        if not money or str(int(amount.value)) in product_words:
            continue
        where = folded.find(normalize(amount.text))
        before = folded[max(0, where - 30) : where] if where >= 0 else ""
        if value in theirs and f" {before}".find(" no ") >= 0:
            continue  # the customer's own figure, turned down
        said.add(value)
        after = folded[where + len(normalize(amount.text)) :][:25] if where >= 0 else ""
        if value not in prices and contains_any(before, phrases("price_verbs")):  # «500 menos…»
            stray.update(() if contains_any(after, phrases("relative_after")) else (value,))
    if not said:
        return None
    for product in named:
        if round(product.price or 0) not in said and stray:
            return product
    return None


def need_keyword_hit(norm_text: str, keywords: list[str]) -> bool:
    return bool(keywords) and contains_any(norm_text, keywords)


def open_form_question(text: str) -> bool:
    """A question that starts with an interrogative word (qué, cómo, cuánto, para qué…)."""
    leads = phrases("open_leads")
    skip = set(phrases("open_question_skip"))
    for question in questions.bodies(text):
        words = [w for w in normalize(question).split() if w != "?"]
        while words and words[0] in skip:
            words = words[1:]
        head = " ".join(words[:2])
        if any(head == lead or head.startswith(lead + " ") for lead in leads):
            return True
        # «¿Y con su compañía actual cuánto paga?»: the interrogative comes later
        if set(words[:8]) & set(phrases("open_anywhere")):
            return True
    return False


def question_key(norm_text: str) -> str:
    """A key for spotting a repeated question: its normalized words without the short ones."""
    return " ".join(w for w in norm_text.replace("?", " ").split() if len(w) > 3)


_ASKED_PERSON = re.compile(
    r"(?i:hablo con|hablar con|comunico con|comunica con|comunicar con|me pasa a|pasarme a|se encuentra|es usted|gusto con)\s+"
    r"(?i:(?:el|la)\s+)?"
    r"(?i:(?:se[ñn]or(?:a|ita)?|sr\.?|sra\.?|don|do[ñn]a|licenciad[oa]|lic\.?)\s+)?"
    r"((?:[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+\s*){1,4})"
)


def other_person_asked(text: str, customer_names: list[str]) -> bool:
    """The agent asks for someone by a name that is not the customer's («¿hablo con el señor
    Marco Antonio Ruiz?» to Ernesto Vázquez): the customer says it is not him, not «sí, yo soy»."""
    own = {w for name in customer_names for w in normalize(name).split() if len(w) > 2}
    for match in _ASKED_PERSON.finditer(text[:4000]):
        asked = {w for w in normalize(match.group(1)).split() if len(w) > 2}
        if asked and not asked & own:
            return True
    return False


def unasked(norm_text: str) -> str:
    """The presupposing line phrases (``presupposes`` in brain.yaml) whose trigger the agent's
    turn does not contain, joined by «|»: the mouth avoids lines that answer what was not said."""
    out: list[str] = []
    for rule in config().get("presupposes", []):
        if not any(normalize(stem) in norm_text for stem in rule.get("agent", [])):
            out += [normalize(p) for p in rule.get("line", [])]
    return "|".join(out)


def topics_mentioned(norm_text: str) -> list[str]:
    """The ``mentioned_topics`` whose stems the agent's turn has."""
    topics = config().get("mentioned_topics", {})
    return [
        name
        for name, rule in topics.items()
        if any(normalize(stem) in norm_text for stem in rule.get("agent", []))
    ]


def unmentioned_lines(mentioned: list[str]) -> list[str]:
    """The customer phrases about things the agent has not brought up in the call yet."""
    conf = config().get("mentioned_topics", {})
    return [
        normalize(p)
        for name, rule in conf.items()
        if name not in mentioned
        for p in rule.get("line", [])
    ]


def unmentioned_products(scenario: Scenario, mentioned: list[str]) -> list[str]:
    """Names of catalog products the agent has not brought up and the customer did not come
    for («¿En cuánto está el Astra?» before anyone named it): lines naming them wait."""
    own = normalize(f"{scenario.customer.situation} {scenario.reason}")
    names = []
    for product in scenario.catalog:
        if product.id in mentioned:
            continue
        words = [normalize(w) for w in [product.name, *product.aliases]]
        if any(w and f" {w} " in f" {own} " for w in words):
            continue  # the product the customer called about
        names += [w for w in words if len(w) > 3]
    return names


def has_date(norm_text: str) -> bool:
    # «el 27», «el día 15»: a day of the month named in a natural close («¿le parece bien el 27?»)
    return contains_any(norm_text, phrases("date_words")) or bool(
        re.search(
            r"\b\d{1,2} de\b|\bel (?:dia |proximo )?\d{1,2}\b(?! (?:pesos|megas|mil|por ciento))",
            norm_text,
        )
    )
