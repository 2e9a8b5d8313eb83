"""Pick and fill the model phrasing that fits the call: its kind, then its line of business.

Phrasing tables (es/phrasings.yaml here and in coaching/) map a key to a template. Keys, from most
to least specific: «third_party_<kind>» / «third_party_<base kind>» when the person called never
came to the phone, «<domain>_<kind>» (``insurance_sale_outbound``), «<domain>_<base kind>»
(``insurance_sale``), the kind (``sale_outbound``), the base kind (``sale``), then the caller's
fallback (the rubric's example) and «<base>_generic» / ``generic``. A template is skipped when it
needs a name this call does not have (product, price, the customer's registered name); a missing
customer courtesy name is simply left out («Platíqueme, …»).
"""

from __future__ import annotations

import re
from string import Formatter

NEEDED = frozenset({"producto", "precio", "nombre_completo"})


class _Slots(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "…"


def keys_for(slots: dict[str, str], call_kind: str = "") -> list[str]:
    """Table keys to try for this call, most specific first (no fallbacks)."""
    kind = call_kind or slots.get("tipo", "")
    base = kind.split("_")[0]
    domain = slots.get("dominio", "")
    keys = [f"third_party_{kind}", f"third_party_{base}"] if slots.get("tercero") else []
    keys += [f"{domain}_{kind}", f"{domain}_{base}"] if domain and kind else []
    keys += [kind, base]
    return [k for k in dict.fromkeys(keys) if k]


def lacks_names(template: str, slots: dict[str, str]) -> bool:
    """Does ``template`` need a name this call does not have (product, price, full name)?"""
    fields = {name for _, name, _, _ in Formatter().parse(template) if name}
    return any(slots.get(name, "(").startswith("(") for name in fields & NEEDED)


def choose(
    table: dict[str, str], slots: dict[str, str], fallback: str = "", call_kind: str = ""
) -> str:
    """The first usable template of ``table`` for this call (``fallback`` before the generics)."""
    base = (call_kind or slots.get("tipo", "")).split("_")[0]
    candidates = [table.get(k, "") for k in keys_for(slots, call_kind)]
    candidates += [fallback, table.get(f"{base}_generic", ""), table.get("generic", "")]
    for template in candidates:
        if template and not lacks_names(template, slots):
            return template
    return ""


def render(template: str, slots: dict[str, str]) -> str:
    """``template`` filled in; an unknown customer name is left out with its comma."""
    if not template:
        return ""
    if slots.get("cliente", "(").startswith("("):
        for pattern in (", {cliente},", ", {cliente}", " {cliente},", " {cliente}", "{cliente}, "):
            template = template.replace(
                pattern, "," if pattern.endswith(",") and pattern.startswith(",") else ""
            )
    return tidy(
        _FREE.sub(_free, _greeting(template.format_map(_Slots(slots)), slots.get("saludo", "")))
    )


# The model openings say «buenos días»; the call's own time of day goes in its place (blind panel
# P sb-01 T1: «buenos días» suggested to an agent who rightly said «buenas tardes»).
_MORNING = re.compile(r"\b([Bb])uenos días\b")


def _greeting(template: str, said: str) -> str:
    if not said or said == "buenos días":
        return template
    return _MORNING.sub(lambda m: m.group(1) + said[1:], template)


# A price of 0 said as people say it: «Visita técnica no tiene costo», not «cuesta 0 pesos».
_FREE = re.compile(r"\b(cuesta|sale en|son) 0 pesos(?: al (?:mes|año|día))?")


def _free(match: re.Match[str]) -> str:
    return "no tiene costo"


def tidy(text: str) -> str:
    """No double spaces, no space before punctuation, no doubled commas."""
    while "  " in text:
        text = text.replace("  ", " ")
    for bad, good in ((" ,", ","), (",,", ","), (" .", "."), (" ?", "?"), ("¿ ", "¿"), (",?", "?")):
        text = text.replace(bad, good)
    return text.strip()
