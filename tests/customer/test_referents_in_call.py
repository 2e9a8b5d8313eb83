"""A customer line that refers back has its referent in the call so far (task c1, session 23).

Blind panel P heard «la otra oferta es más barata» before any other offer or company was named
(se-04, sa-05), «Ya le dije eso» of a phone never given (sa-06), «¿me lo puede mandar por
escrito?» before anything was said that could be sent (se-01), «Sí, sí, ¿y entonces?» to a turn
that had just asked something (sa-04, sa-06), «Lo que quiero es que me entienda» right after «lo
entiendo» (sd-01), «siempre dicen lo mismo» with no promise in the turn (sb-04), «yo lo había
leído mal» of a figure heard in the call (sb-06). The property plays seeded calls over the pool
of agent lines of every panel (the planner's pool) and checks each reply against the call so far,
read here from the raw texts (not from the customer's own memory): a back-reference with no
referent is a failure. Unit cases below are our own paraphrases.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from simulator.content.library import load_library
from simulator.customer import cues
from simulator.customer.simulator import CustomerSimulator
from simulator.language.normalize import normalize
from tests.customer.seeded import seeded_calls
from tests.customer.test_planner_properties import _pool

pytestmark = pytest.mark.usefixtures("bundled_content_only")

CALLS = 140
TURNS = 14

COMPETITION = ("competencia", "otra compania", "otra empresa", "otro lado", "otra aseguradora",
               "otro banco", "otra oferta", "me ofrecieron", "me ofrecen", "le ofrecieron",
               "le ofrecen", "me estan ofreciendo", "por 299", "de 299", "en 299")  # fmt: skip
# what an agent line can put in writing: a price or a figure, a product, a registration
WRITABLE = re.compile(
    r"\d|registr|folio|contrat|poliza|plan |cobertura|seguro|tarjeta|condicion|propuesta|"
    r"cotizacion|correo|resumen|visita|cambio|reembolso|aclaracion|promesa|convenio|pago"
)
UNDERSTANDING = ("entiendo", "comprendo", "me imagino", "lo siento", "lamento")
PROMISE = ("le prometo", "me comprometo", "le garantizo", "le aseguro", "yo me encargo",
           "me hago cargo", "le voy a resolver", "queda resuelto", "le programo", "le agendo",
           "le dejo registrad", "queda registrad", "se lo resuelvo", "nos comprometemos",
           "se lo aseguro", "va a quedar", "programamos", "lo agendamos", "queda agendad",
           "le aplico", "le genero", "se lo prometo")  # fmt: skip


class Call:
    """The call so far as plain texts: the agent's turns, the customer's lines, the data."""

    def __init__(self, data: dict[str, str]) -> None:
        self.agent: list[str] = []
        self.customer: list[str] = []
        self.data = data

    def said(self) -> str:
        return normalize(" ".join(self.agent + self.customer))


def _has(norm: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {norm} "
    return any(f" {p}" in padded for p in phrases)


def _competition(call: Call, now: str) -> bool:
    return _has(call.said(), COMPETITION) or _has(normalize(now), COMPETITION)


def _writable(call: Call, now: str) -> bool:
    return bool(WRITABLE.search(normalize(" ".join([*call.agent, now]))))


def _datum_given(call: Call, now: str) -> bool:
    """«Ya le dije eso» of a datum: every datum the turn names was said by the customer."""
    norm = normalize(now)
    named = cues.fields_mentioned(norm, list(call.data))
    told = " ".join(call.customer)
    return all(cues.value_matches(f, told, call.data[f]) for f in named if call.data.get(f))


def _asked_nothing(call: Call, now: str) -> bool:
    return "?" not in now


def _not_understood(call: Call, now: str) -> bool:
    return not _has(normalize(now), UNDERSTANDING)


def _promise_now(call: Call, now: str) -> bool:
    return _has(normalize(now), PROMISE)


# (phrases of a reply, normalized, that refer back; what the call so far must hold)
BACK: tuple[tuple[tuple[str, ...], Callable[[Call, str], bool]], ...] = (
    (("la otra oferta", "la otra compania", "alla pago menos"), _competition),
    (("me lo puede mandar por escrito", "me lo da por escrito", "me lo manda por escrito"),
     _writable),
    (("ya le dije eso", "ya se lo di", "ya le di ese"), _datum_given),
    (("si si y entonces",), _asked_nothing),
    (("lo que quiero es que me entienda",), _not_understood),
    (("siempre dicen lo mismo",), _promise_now),
)  # fmt: skip


def referent_missing(reply: str, call: Call, now: str) -> str | None:
    """The back-reference of ``reply`` whose referent the call so far lacks, if any."""
    norm = f" {normalize(reply)} "
    for phrases, holds in BACK:
        for phrase in phrases:
            if f" {phrase} " in norm and not holds(call, now):
                return phrase
    return None


def test_every_back_reference_has_its_referent_in_the_call() -> None:
    pool = _pool()
    turns = 0
    misses: list[tuple[str, str, str]] = []
    for rng, sim, state in seeded_calls("referents", CALLS):
        call = Call({k: str(v) for k, v in sim.scenario.customer.data.items()})
        call.customer.append(state.last_text or "")
        for _ in range(TURNS):
            text = rng.choice(pool)
            reply, state = sim.respond(text, state)
            turns += 1
            missing = referent_missing(reply.text, call, text)
            if missing:
                misses.append((missing, text, reply.text))
            call.agent.append(text)
            call.customer.append(reply.text)
            if state.hung_up:
                break
    assert turns >= 1000
    assert not misses, misses[:5]


@pytest.mark.parametrize(
    ("scenario", "persona", "lines", "phrase"),
    [
        # the agent only asked how he uses his phone: no other offer to compare with
        (
            "retencion-plan-movil",
            "molesto",
            [
                "Conecta Móvil, buenas tardes, le atiende Karla. ¿En qué le puedo servir?",
                "Ya veo su línea; tiene el Ilimitado Plus de 599. ¿Para qué usa más el celular?",
            ],
            "la otra oferta",
        ),
        # asked for the account to find the case: nothing yet to send in writing
        (
            "cambio-domicilio-internet",
            "desconfiado",
            [
                "Internet Veloz, buenas tardes, habla Pedro. ¿En qué le ayudo?",
                "Claro, con gusto la ayudo. Para entrar a su cuenta, ¿me da el número de cuenta?",
            ],
            "por escrito",
        ),
    ],
)
def test_no_back_reference_before_its_referent(
    scenario: str, persona: str, lines: list[str], phrase: str
) -> None:
    library = load_library()
    for seed in range(8):
        sim = CustomerSimulator(library.scenario(scenario), library.persona(persona))
        state = sim.start(seed)
        for line in lines:
            reply, state = sim.respond(line, state)
        assert phrase not in normalize(reply.text), (seed, reply.text)


def _facts(
    agent_text: str, turn: int = 4, sid: str = "queja-internet-sin-servicio"
) -> frozenset[str]:
    from simulator.customer import presuppose
    from simulator.customer.state import CustomerState

    scenario = load_library().scenario(sid)
    state = CustomerState(seed=1, turn=turn, call_date="2026-12-07")
    presuppose.note(state, agent_text, scenario)
    return presuppose.known(state, scenario)


@pytest.mark.parametrize(
    ("line", "intent", "agent", "ok"),
    [
        # a reaction to an offer needs one in the turn; a topic named before a question is none
        ("Ay, pues sí suena muy bien, ¿eh?", "buying_signal_generic",
         "Le creo. Y del cobro doble, ¿se lo cargaron a su tarjeta?", False),
        ("Ay, pues sí suena muy bien, ¿eh?", "buying_signal_generic",
         "Le ofrezco la aclaración del cargo duplicado con reembolso a su tarjeta.", True),
        # «¿y entonces?» presses a turn that asked nothing
        ("Sí, sí, ¿y entonces?", "impatience",
         "Ya quedó su visita para mañana. ¿A qué número le marca el técnico?", False),
        ("Sí, sí, ¿y entonces?", "impatience",
         "Déjeme ver aquí en el sistema cómo está su cuenta, un segundito.", True),
        # «le entiendo» takes an explanation, not «no se preocupe»
        ("Sí, le entiendo, pero todavía no me convence.", "objection_repeat",
         "No, no se preocupe. ¿Se lo dejo así?", False),
        ("Sí, le entiendo, pero todavía no me convence.", "objection_repeat",
         "El cambio no tiene costo y la velocidad sube a 200 megas por 100 pesos más.", True),
        # «que me entienda» right after words of understanding
        ("Mire, datos ya di. Lo que quiero es que me entienda.", "data_before_empathy",
         "Comprendo perfectamente su molestia. ¿Me da su número de cuenta?", False),
        ("Mire, datos ya di. Lo que quiero es que me entienda.", "data_before_empathy",
         "¿Me da su número de cuenta, por favor?", True),
        # «siempre dicen lo mismo» answers a promise made now
        ("Ya no les creo; siempre dicen lo mismo.", "objection",
         "¿Qué luces ve en el módem? ¿Ya lo reinició?", False),
        ("Ya no les creo; siempre dicen lo mismo.", "objection",
         "Yo me encargo personalmente de que el técnico vaya mañana.", True),
        # «la otra oferta» needs another offer named
        ("No me convence; la otra oferta me sale más barata.", "objection",
         "¿Cómo usa su línea en el mes?", False),
        ("No me convence; la otra oferta me sale más barata.", "objection",
         "¿Qué le ofrece la otra compañía, si se puede saber?", True),
    ],
)  # fmt: skip
def test_a_reaction_needs_what_it_reacts_to(line: str, intent: str, agent: str, ok: bool) -> None:
    from simulator.customer import presuppose

    assert presuppose.holds(line, _facts(agent), intent) is ok


def test_a_probe_word_inside_a_datum_name_probes_nothing() -> None:
    from simulator.customer import need_choice

    keys = ["fecha", "cuándo cobra"]
    assert not need_choice.probed(normalize("¿Me confirma su fecha de nacimiento?"), keys)
    assert not need_choice.probed(normalize("Deme su fecha de nacimiento, por favor."), keys)
    assert need_choice.probed(normalize("¿Y en qué fecha podría hacer el pago?"), keys)


def test_a_datum_left_out_of_the_reply_is_not_remembered_as_given() -> None:
    from simulator.customer import data_give
    from simulator.customer.state import CustomerState, Intent

    state = CustomerState(seed=1)
    state.fields_given = {"correo": "a@b.mx", "telefono": "5512345678", "nombre": "Ana"}
    kept = [Intent(name="data_given", ref="correo", slots={"value": "a@b.mx"})]
    data_give.keep_said({"nombre": "Ana"}, kept, state)
    assert state.fields_given == {"nombre": "Ana", "correo": "a@b.mx"}


@pytest.mark.parametrize("seed", [1, 7, 23, 40])
def test_the_experto_never_asks_again_a_condition_answered(seed: int) -> None:
    """After «sin plazo forzoso» the experto never asks (nor reads back as its opposite) whether
    there is one (blind panel P sg-04: «¿o sea que sí tiene plazo forzoso?»)."""
    from simulator.session.call import CallSession
    from tests.customer.test_expert_tests_every_call import _lines, _settle_others

    library = load_library()
    scenario = "retencion-plan-movil"
    session = CallSession(library.scenario(scenario), library.persona("experto"), seed=seed)
    session.set_status("Disponible", automatic=True)
    session.start()
    for text in _lines(scenario):
        if session.ended:
            break
        _settle_others(session)
        session.agent_says(text)
    lines = [t.text for t in session.transcript.turns if t.speaker != "agent"]
    asked = [q for line in lines for q in re.findall(r"¿[^?]*\?", line)]
    assert not [q for q in asked if "plazo forzoso" in normalize(q)], lines


@pytest.mark.parametrize(
    ("intent", "line", "said", "again"),
    [
        ("slot_fact", "Sin luz llevo dos días y ya es la cuarta vez que marco.",
         ["No le doy eso. Sin luz llevo dos días y ya es la cuarta vez que marco."], True),
        ("need_statement", "Trabajo desde mi casa y sin internet no puedo entregar nada.",
         ["Trabajo desde mi casa y sin internet no puedo entregar nada. Imagínese."], True),
        # another sentence of the story is news; a yes said again is no story
        ("need_statement", "Y encima me cobraron doble la mensualidad de este mes.",
         ["Trabajo desde mi casa y sin internet no puedo entregar nada."], False),
        ("acceptance", "Sí, está bien, regístrelo, por favor.",
         ["Sí, está bien, regístrelo, por favor."], False),
    ],
)  # fmt: skip
def test_a_sentence_of_its_story_is_not_said_again(
    intent: str, line: str, said: list[str], again: bool
) -> None:
    from simulator.customer import told_facts

    assert told_facts.verbatim(intent, line, said) is again
