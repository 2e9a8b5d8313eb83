"""Every «pruebe decir» and practice suggestion fits the call (issue 12, item 6).

Every template — each element's and error's model phrasing, each objection answer, each coaching
suggestion (open questions, opening, closing, closes, benefit) and each plan goal and tip — is
rendered for every scenario in scenarios/ (played the way the simulator plays it: the customer
picks up outbound calls) and for imported calls without a scenario (one per kind), and checked:
no unfilled slot, no double spaces or punctuation, no word from another kind's or line of
business's vocabulary (the lists below are data), usted forms only, and no inbound greeting in an
outbound call (nor an outbound one in an inbound call). A few hand-checked expectations per kind
close the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter
from typing import Any

import pytest

from simulator.coaching import grade, suggest
from simulator.coaching.phrasing import templates
from simulator.coaching.plan import _entry, plan_data
from simulator.content.library import load_library
from simulator.content.transcripts import apply_scenario
from simulator.datafiles import parse as parse_yaml
from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript
from simulator.scoring.context import CallContext
from simulator.scoring.domain import placed_by_agent
from simulator.scoring.elements_data import check_field, data_phrasing
from simulator.scoring.elements_objections import _examples as objection_tables
from simulator.scoring.elements_objections import objection_example
from simulator.scoring.engine import score_with_context
from simulator.scoring.judged import _kind_examples, example
from simulator.scoring.rubric import rules
from simulator.scoring.slots import slots

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(
    p.name.removesuffix(".scenario.yaml") for p in (ROOT / "scenarios").glob("*.yaml")
)

# ------------------------------------------------------------------ vocabulary (data)
# Words that belong to one line of business or kind of call: a suggestion may use them only in a
# call of that domain/kind. Keys: «domain:<name>» (scoring/es/domains.yaml) or «kind:<name>».
VOCABULARY: dict[str, dict[str, Any]] = {
    "internet": {
        "allowed": {"domain:internet"},
        "words": ["internet", "megas", "instalación", "módem", "wifi", "cobertura en su domicilio"],
    },
    "insurance": {
        "allowed": {"domain:insurance", "domain:assistance"},  # assistance validates the póliza
        "words": ["póliza", "siniestro", "deducible", "asegurad"],
    },
    "collections": {
        "allowed": {"kind:collections"},
        "words": [
            "adeudo",
            "saldo vencido",
            "compromiso de pago",
            "ponerse al corriente",
            "convenio",
            "su pago de",
            "promesa de pago",
        ],
    },
    "emergency": {
        "allowed": {"domain:assistance"},
        "words": ["fuga", "a salvo", "llave de paso", "técnico va en camino", "el daño"],
    },
    "sale_close": {
        "allowed": {"kind:sale"},
        "words": ["contratarlo", "contratación", "le recomiendo", "señal de compra", "apartado"],
    },
    "card": {
        "allowed": {"domain:bank"},
        "words": ["tarjeta", "nip"],
    },
    "mobile": {
        "allowed": {"domain:mobile", "domain:retail"},
        "words": ["celular", "gigas"],
    },
}
# Second-person «tú» forms (the product speaks usted).
TU_FORMS = re.compile(
    r"\b(tienes|quieres|puedes|necesitas|pagas|usas|estás|eres|te|tu|tus|platícame|cuéntame|"
    r"dime|oye|mira|contigo|llámanos|confírmame|dame)\b",
    re.IGNORECASE,
)
INBOUND_GREETING = re.compile(
    r"gracias por (llamar|comunicarse)|le atiende|con quién tengo el gusto"
)
OUTBOUND_GREETING = re.compile(r"¿hablo con|le llamo (para|por)|le habla")
PLACEHOLDERS = ("(producto)", "(precio del catálogo)", "(nombre del cliente)")
ROLE_AS_NAME = re.compile(
    r"¿Hablo con (la |el )?(Esposa|Esposo|Hija|Hijo|Mamá|Papá|Vecina|Vecino)\b"
)
KNOWN_SLOTS = {
    "agente", "empresa", "cliente", "nombre_completo", "producto", "precio", "tipo", "dominio",
    "respuesta", "necesidad", "lectura", "campos", "actual", "pregunta", "inicio", "obj", "adj",
    "muletillas",
}  # fmt: skip

SALES_ONLY_SKILLS = ("buying_signals", "closing")

# ------------------------------------------------------------------ calls
WEAK_AGENT = [
    ("agent", "Buenas tardes."),
    ("customer", "Sí, buenas tardes."),
    ("agent", "¿Usted paga algo al mes?"),
    ("customer", "Pues sí, pero está muy caro, no me alcanza."),
    ("agent", "Mire, le cuento " + " ".join(["y además tiene muchas ventajas muy buenas"] * 12)),
    ("customer", "¿Y cuánto cuesta eso?"),
    ("agent", "Este, pues o sea es muy bueno."),
    ("customer", "Lo tengo que platicar con mi esposo."),
    ("agent", "Ok."),
]


def _scenario_kind(scenario: str) -> str:
    text = (ROOT / "scenarios" / f"{scenario}.scenario.yaml").read_text("utf-8")
    return str(parse_yaml(text)["kind"])


def simulated(scenario: str) -> Transcript:
    """The weak call as the simulator would record it for ``scenario``."""
    outbound = _scenario_kind(scenario) in ("outbound_sale", "collections")
    turns = ([("customer", "¿Bueno?")] if outbound else []) + WEAK_AGENT
    transcript = Transcript.model_validate(
        {
            "scenario": scenario,
            "events": [{"type": "call_start"}],
            "turns": [{"speaker": s, "text": t} for s, t in turns],
        }
    )
    return apply_scenario(transcript, load_library())


def imported(kind: str, lines: list[tuple[str, str]]) -> Transcript:
    return Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )


# One imported call per kind (no scenario: no company, product or customer name).
IMPORTED: dict[str, Transcript] = {
    "sale": imported("sale", [("customer", "¿Bueno?")] + WEAK_AGENT),
    "service": imported("service", WEAK_AGENT),
    "complaint": imported("complaint", WEAK_AGENT),
    "collections": imported("collections", [("customer", "¿Bueno?")] + WEAK_AGENT),
    "insurance_sale": imported(
        "sale",
        [
            ("customer", "¿Bueno?"),
            ("agent", "Le llamo por la renovación de su seguro de auto y su póliza."),
            ("customer", "Ya tengo seguro, gracias."),
            ("agent", "¿Tiene deducible?"),
        ],
    ),
    "emergency": imported(
        "service",
        [
            ("agent", "Asistencia, buenas noches."),
            (
                "customer",
                "Se rompió un tubo, hay una fuga de agua en la cocina, es una emergencia.",
            ),
            ("agent", "¿Ya cerró la llave?"),
            ("customer", "No sé dónde está la llave de paso."),
        ],
    ),
    "third_party": imported(
        "collections",
        [
            ("customer", "¿Bueno?"),
            ("agent", "Buenas tardes, busco al titular."),
            ("customer", "Habla su esposa, él no está."),
            ("agent", "¿Usted sabe cuándo va a pagar?"),
        ],
    ),
}
CALLS: dict[str, Transcript] = {**{s: simulated(s) for s in SCENARIOS}, **IMPORTED}


def context(name: str) -> CallContext:
    return score_with_context(CALLS[name])[1]


# What the agent would say to whoever answered a third-party call (the plan, and the elements that
# do not apply to such a call, speak to the trainee or are never shown).
SAID_TO_THIRD_PARTY = ("opening", "closing", "first_question", "open_question", "objection:",
                       "kind_examples:opening_protocol", "kind_examples:call_closing", "feedback:",
                       "element:opening_protocol", "element:call_closing")  # fmt: skip


def allowed_keys(ctx: CallContext, where: str = "") -> set[str]:
    s = slots(ctx)
    if s["tercero"] and where.startswith(SAID_TO_THIRD_PARTY):
        return {f"domain:{s['dominio']}"}  # the holder never came to the phone: no debt, no offer
    return {f"kind:{ctx.kind}", f"domain:{s['dominio']}"}


# ------------------------------------------------------------------ everything rendered
def rendered(ctx: CallContext) -> list[tuple[str, str]]:
    """(where, text) for every template this call can show."""
    s = slots(ctx)
    out: list[tuple[str, str]] = []
    for rule in rules():
        if rule.kind in ("element", "critical", "non_critical"):
            out.append((f"{rule.kind}:{rule.key}", example(rule.key, s, kind=rule.kind)))
    for key in _kind_examples():
        out.append((f"kind_examples:{key}", example(key, s)))
    for objection in objection_tables():
        out.append((f"objection:{objection}", objection_example(ctx, objection)))
    for key in suggest.keys(ctx) + ["generic"]:
        for topic in templates()["open_topics"].get(key, []):
            out.append((f"open_topic:{key}", str(topic["say"])))
    out += [
        ("first_question", suggest.first_question(ctx)),
        ("opening", suggest.opening(ctx)),
        ("closing", suggest.closing(ctx)),
        ("close_attempt", suggest.close_attempt(ctx)),
        ("signal_close", suggest.signal_close(ctx)),
        ("signal_close_asked", suggest.signal_close(ctx, asked=True)),
        ("benefit_tie", suggest.benefit_tie(ctx, "necesita ahorrar")),
    ]
    for closed in ("¿Usted paga algo al mes?", "¿Tiene un momento?", "¿Ya lo revisó?"):
        out.append((f"open_question:{closed}", suggest.open_question(ctx, closed)))
    checks = [check_field(ctx, name) for name in ctx.transcript.required_fields]
    if checks:
        out.append(("data", data_phrasing(checks, ctx.kind)))
    for skill in plan_data()["skills"]:
        if skill in SALES_ONLY_SKILLS and ctx.kind in ("service", "complaint"):
            continue  # «No aplica a servicio» (rubric): never in a service call's plan
        entry = _entry(skill, suggest.keys(ctx))
        out.append((f"plan_goal:{skill}", str(entry["goal"]).format(actual="0")))
        out += [(f"plan_tip:{skill}", str(tip)) for tip in entry["tips"]]
    for reason, goal in plan_data()["probing_brief"].items():
        out.append((f"plan_goal:probing:{reason}", str(goal).format(actual="0 antes de presentar")))
    out.append(("plan_goal:talk", str(plan_data()["talk_goal"]).format(actual="0.80")))
    out += [("plan_tip:talk", str(tip)) for tip in plan_data()["talk_tips"]]
    return [(where, text) for where, text in out if text]


def shown(card: Scorecard) -> list[tuple[str, str]]:
    """(where, text) of what the graded call actually shows the trainee."""
    out = [(f"feedback:{i.skill}", i.try_saying or "") for i in card.feedback.improvements]
    out += [(f"element:{k}", e.better_phrasing or "") for k, e in card.elements.items()]
    out += [
        (f"error:{e.code}", e.better_phrasing or "")
        for e in card.critical_errors + card.non_critical_errors
    ]
    for p in card.coaching_plan.priorities if card.coaching_plan else []:
        out += [(f"plan:{p.skill}", p.goal)] + [(f"plan:{p.skill}", t) for t in p.tips]
    return [(where, text) for where, text in out if text]


def problems(name: str, ctx: CallContext, where: str, text: str) -> list[str]:
    found = []
    if "{" in text or "}" in text:
        found.append("unfilled slot")
    if any(p in text for p in PLACEHOLDERS):
        found.append("placeholder for a name the call lacks")
    for bad in ("  ", " ,", ",,", " .", "..", "??", "¿¿", ",?", ", .", ";;", " ?"):
        if bad in text:
            found.append(f"«{bad}»")
    if text.count("¿") != text.count("?"):
        found.append("unbalanced ¿?")
    if not (text[0].isupper() or text[0] in "¿¡«≥0123456789("):
        found.append("starts in lower case")
    if TU_FORMS.search(text):
        found.append(f"tú form «{TU_FORMS.search(text).group(0)}»")  # type: ignore[union-attr]
    if ROLE_AS_NAME.search(text):
        found.append("a role taken for a name")
    folded = text.lower()
    allowed = allowed_keys(ctx, where)
    for family, entry in VOCABULARY.items():
        if allowed & entry["allowed"]:
            continue
        for word in entry["words"]:
            if re.search(rf"\b{re.escape(word)}", folded):
                found.append(f"{family} word «{word}»")
    opening = where in ("opening", "kind_examples:opening_protocol", "element:opening_protocol")
    opening = opening or where.startswith("element:opening") or "Inicio" in text[:8]
    outbound = ctx.kind in ("sale", "collections") and placed_by_agent(ctx)
    if opening and outbound and INBOUND_GREETING.search(folded):
        found.append("inbound greeting in an outbound call")
    if opening and ctx.kind != "collections" and not outbound and OUTBOUND_GREETING.search(folded):
        found.append("outbound greeting in an inbound call")
    return [f"{name} {where}: {p}: {text}" for p in found]


@pytest.mark.parametrize("name", list(CALLS))
def test_every_template_renders_cleanly_for_the_call(name: str) -> None:
    ctx = context(name)
    bad = [p for where, text in rendered(ctx) for p in problems(name, ctx, where, text)]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("name", list(CALLS))
def test_what_the_graded_call_shows_fits_the_call(name: str) -> None:
    card = grade(CALLS[name])
    ctx = context(name)
    bad = [p for where, text in shown(card) for p in problems(name, ctx, where, text)]
    assert not bad, "\n".join(bad)


def test_templates_use_only_known_slots() -> None:
    tables: list[Any] = [templates(), _kind_examples(), objection_tables(), plan_data()]
    strings: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, str):
            strings.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for table in tables:
        walk(table)
    for text in strings:
        if "(?P<" in text:
            continue  # a verb pattern, not a template
        fields = {f for _, f, _, _ in Formatter().parse(text) if f}
        assert fields <= KNOWN_SLOTS, (text, fields - KNOWN_SLOTS)


# ------------------------------------------------------------------ direction
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_direction_follows_the_scenario(scenario: str) -> None:
    ctx = context(scenario)
    kind = _scenario_kind(scenario)
    opening = suggest.opening(ctx)
    if kind in ("outbound_sale", "collections"):
        assert "¿Hablo con" in opening and not INBOUND_GREETING.search(opening.lower()), opening
    else:
        assert not OUTBOUND_GREETING.search(opening.lower()), opening


def test_imported_outbound_call_is_told_by_the_pickup() -> None:
    assert placed_by_agent(context("sale"))  # «¿Bueno?» first: the agent placed the call
    inbound = imported("sale", [("customer", "Hola, quiero contratar un plan."), *WEAK_AGENT])
    assert not placed_by_agent(score_with_context(inbound)[1])


# ------------------------------------------------------------------ hand-checked, per kind
def test_collections_probing_asks_the_reason_and_the_capacity_to_pay() -> None:
    for name in ("cobranza-tarjeta-atrasada", "collections"):
        ctx = context(name)
        for text in (
            suggest.first_question(ctx),
            suggest.open_question(ctx, "¿Va a pagar hoy?"),
            example("needs_detection", slots(ctx)),
        ):
            assert "ponerse al corriente" in text and "cubrir" in text, text
    ctx = context("cobranza-tarjeta-atrasada")
    assert "compromiso de pago" in suggest.closing(ctx)
    assert "podemos contar con su pago de 1850 pesos" in suggest.close_attempt(ctx)
    assert "no le alcanza" in objection_example(ctx, "price")


def test_emergency_probing_asks_about_safety_and_the_leak() -> None:
    for name in ("asistencia-hogar-fuga", "emergency"):
        ctx = context(name)
        assert slots(ctx)["dominio"] == "assistance"
        first = suggest.first_question(ctx)
        assert "a salvo" in first, first
        leak = suggest.open_question(ctx, "¿Ya cerró la llave de paso?")
        assert "fuga" in leak and "llave de paso" in leak, leak
    ctx = context("asistencia-hogar-fuga")
    assert "a salvo" in example("needs_detection", slots(ctx))
    assert "técnico" in suggest.closing(ctx)


def test_insurance_sales_probe_protection_not_internet() -> None:
    for name in ("seguro-auto-amplio", "seguro-gastos-medicos", "insurance_sale"):
        ctx = context(name)
        assert slots(ctx)["dominio"] == "insurance"
        assert "protegido" in suggest.first_question(ctx)
    ctx = context("seguro-auto-amplio")
    assert "seguro" in suggest.open_question(ctx, "¿Ya tiene seguro?")
    assert "auto" in suggest.open_question(ctx, "¿Maneja diario su carro?")


def test_service_and_complaint_are_not_sold_to() -> None:
    ctx = context("queja-internet-sin-servicio")
    assert "folio" in objection_example(ctx, "must_consult")
    assert "cargo" in objection_example(context("complaint"), "price")
    assert "lo que pasó" in suggest.first_question(context("complaint"))


def test_retention_and_retail_talk_about_their_products() -> None:
    ctx = context("retencion-plan-movil")
    assert "plan" in suggest.first_question(ctx)
    assert "Gracias por llamar a Conecta Móvil" in suggest.opening(ctx)
    retail = context("celular-agotado-electrohogar")
    assert "equipo" in suggest.first_question(retail)


def test_imported_calls_name_nothing_they_do_not_know() -> None:
    ctx = context("sale")
    assert "esta opción" in suggest.close_attempt(ctx)
    assert "Platíqueme, ¿" in suggest.first_question(ctx)  # no customer name, no dangling comma
    third = context("third_party")
    assert third.customer_name is None and slots(third)["tercero"]
    assert "titular" in suggest.opening(third)
    for text in (
        suggest.open_question(third, "¿Usted sabe cuándo va a pagar?"),
        suggest.closing(third),
    ):
        assert "localizar" in text and "pago" not in text, text
    assert "titular" in objection_example(third, "price")


def test_courtesy_name_uses_the_paternal_surname_the_agent_used() -> None:
    transcript = simulated("cambio-domicilio-internet").model_copy(
        update={
            "turns": [
                *simulated("cambio-domicilio-internet").turns[:1],
                *Transcript.model_validate(
                    {
                        "turns": [
                            {"speaker": "customer", "text": "Habla Ana Laura Jiménez Soto."},
                            {"speaker": "agent", "text": "Con gusto, señora Jiménez."},
                        ]
                    }
                ).turns,
            ]
        }
    )
    ctx = score_with_context(transcript)[1]
    assert slots(ctx)["cliente"] == "señora Jiménez"
    assert "señora Jiménez" in suggest.closing(ctx) and "Soto" not in suggest.closing(ctx)
