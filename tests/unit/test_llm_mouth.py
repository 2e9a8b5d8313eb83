"""The language-model mouth against a fake OpenAI-compatible server on loopback (no network).

The server answers what each test scripts: a good rewording, English, invented or dropped numbers,
the agent's part, the customer in the third person, a slow reply, malformed JSON, an HTTP error.
The mouth must say the model's line only when every guard passes, and otherwise the template line,
counting the fallback by reason. Also: the settings path, the default template mouth with nothing
heavy loaded, a whole call and ``simulador play`` through the fake server.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.content.library import load_library
from simulator.customer.llm import LLMConfig, LLMError, LLMMouth, build_mouth
from simulator.customer.llm.guards import check, clean
from simulator.customer.llm.openai_backend import OpenAIBackend, chat_url, reply_text
from simulator.customer.mouth import TemplateMouth
from simulator.customer.state import CustomerState, Intent
from simulator.errors import InputError
from simulator.models.content import Persona, Scenario
from simulator.session.call import CallSession
from simulator.settings import load_settings

TEMPLATE = "Mire, 499 pesos al mes se me hace mucho, ¿no tiene algo más barato?"
INTENTS = [Intent(name="objection", ref="precio")]

# ------------------------------------------------------------------ the fake server


@dataclass
class Reply:
    content: str | None = None  # the assistant's text
    raw: bytes | None = None  # or a whole body as is
    status: int = 200
    wait: bool = False  # hold the answer until the test ends (a timeout)


@dataclass
class FakeServer:
    url: str
    replies: list[Reply] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    echo: bool = False  # answer with the line to reword (a model that keeps the words)
    release: threading.Event = field(default_factory=threading.Event)


def _line_to_reword(body: dict[str, Any]) -> str:
    user = body["messages"][-1]["content"]
    return str(user.rsplit("reescribir:", 1)[-1].strip())


@pytest.fixture
def server() -> Iterator[FakeServer]:
    state: dict[str, FakeServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            fake = state["fake"]
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length))
            fake.requests.append({"path": self.path, "body": body})
            if fake.echo:
                reply = Reply(content=_line_to_reword(body))
            else:
                reply = fake.replies.pop(0) if fake.replies else Reply(content="")
            if reply.wait:
                fake.release.wait(30)
            payload = reply.raw
            if payload is None:
                answer = {"choices": [{"message": {"role": "assistant", "content": reply.content}}]}
                payload = json.dumps(answer).encode("utf-8")
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except OSError:
                pass  # the client gave up (timeout test)

        def log_message(self, *args: Any) -> None:
            return None

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    host, port = httpd.server_address[:2]
    fake = FakeServer(url=f"http://{host!s}:{port}")
    state["fake"] = fake
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


# ------------------------------------------------------------------ helpers


class FixedMouth:
    """A template mouth that always says ``TEMPLATE`` (the guards compare against it)."""

    def __init__(self, line: str = TEMPLATE) -> None:
        self.line = line

    def realize(
        self,
        intents: list[Intent],
        state: CustomerState,
        scenario: Scenario,
        persona: Persona,
        rng: random.Random,
    ) -> str:
        state.used_texts.append(self.line)
        return self.line


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_library().scenario("internet-veloz-hogar")


@pytest.fixture(scope="module")
def persona(scenario: Scenario) -> Persona:
    return load_library().persona(scenario.default_persona)


def _mouth(url: str, timeout: float = 10.0) -> LLMMouth:
    config = LLMConfig(backend="openai", endpoint=url, model="fake", timeout=timeout)
    mouth = LLMMouth(OpenAIBackend(url, "fake"), config, template=FixedMouth())
    assert mouth.wait_ready(30)
    return mouth


def _say(mouth: LLMMouth, scenario: Scenario, persona: Persona) -> str:
    return mouth.realize(INTENTS, CustomerState(), scenario, persona, random.Random(0))


# ------------------------------------------------------------------ through the fake server


def test_a_good_rewording_is_said(server: FakeServer, scenario: Scenario, persona: Persona) -> None:
    good = "Oiga, pagar 499 pesos cada mes es mucho para mí. ¿Tiene algo más económico?"
    server.replies = [Reply(content=f"«{good}»")]
    mouth = _mouth(server.url)
    assert _say(mouth, scenario, persona) == good
    assert mouth.stats["llm"] == 1 and mouth.fallbacks == 0
    request = server.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["model"] == "fake"
    assert [m["role"] for m in request["body"]["messages"]] == ["system", "user"]
    assert TEMPLATE in request["body"]["messages"][1]["content"]


def test_the_amount_in_words_is_the_same_number(
    server: FakeServer, scenario: Scenario, persona: Persona
) -> None:
    server.replies = [
        Reply(content="Cuatrocientos noventa y nueve pesos al mes es mucho, ¿no hay otro?")
    ]
    mouth = _mouth(server.url)
    assert _say(mouth, scenario, persona).startswith("Cuatrocientos")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            "Look, 499 pesos a month is too much for me, do you have something cheaper?",
            "not_spanish",
        ),
        ("Mire, 399 pesos al mes se me hace mucho, ¿no tiene algo más barato?", "new_number"),
        (
            "Mire, 499 pesos al mes y 200 de instalación es mucho, ¿hay algo más barato?",
            "new_number",
        ),
        ("Mire, eso al mes se me hace mucho, ¿no tiene algo más barato?", "missing_number"),
        ("¿En qué le puedo ayudar? El plan cuesta 499 pesos al mes.", "agent_role"),
        ("Le ofrezco otro plan: 499 pesos al mes, ¿le interesa?", "agent_role"),
        ("El cliente dice que 499 pesos al mes es mucho y pide algo más barato.", "third_person"),
        ("Rosa María piensa que 499 pesos al mes es mucho dinero.", "third_person"),
        ("Mire, 499 pesos al mes es mucho; mejor el Paquete de canales, ¿no?", "new_fact"),
        ("Mire, 499 pesos al mes se me hace mucho, ¿lo pago en marzo?", "new_fact"),
        ("Mire, 499 pesos al mes se me hace mucho. " * 8, "too_long"),
        ("", "empty"),
        ("Пожалуйста 499", "not_spanish"),
    ],
)
def test_a_line_that_breaks_a_guard_falls_back_to_the_template(
    server: FakeServer, scenario: Scenario, persona: Persona, content: str, reason: str
) -> None:
    server.replies = [Reply(content=content)]
    mouth = _mouth(server.url)
    assert _say(mouth, scenario, persona) == TEMPLATE
    assert mouth.last_reason == reason
    assert mouth.stats[f"fallback:{reason}"] == 1 and mouth.stats["llm"] == 0


def test_a_slow_reply_falls_back_within_the_time_budget(
    server: FakeServer, scenario: Scenario, persona: Persona
) -> None:
    server.replies = [Reply(content="Oiga, 499 pesos al mes es mucho.", wait=True)]
    mouth = _mouth(server.url, timeout=0.3)
    assert _say(mouth, scenario, persona) == TEMPLATE
    assert mouth.last_reason in ("timeout", "backend_error")  # whichever gives up first
    assert mouth.fallbacks == 1


@pytest.mark.parametrize(
    "reply",
    [
        Reply(raw=b"{not json"),
        Reply(raw=b'{"choices": []}'),
        Reply(raw=b'{"choices": [{"message": {"content": null}}]}'),
        Reply(raw=b"\xff\xfe"),
        Reply(content="Oiga, 499 pesos al mes es mucho.", status=500),
    ],
)
def test_a_broken_answer_falls_back(
    server: FakeServer, scenario: Scenario, persona: Persona, reply: Reply
) -> None:
    server.replies = [reply]
    mouth = _mouth(server.url)
    assert _say(mouth, scenario, persona) == TEMPLATE
    assert mouth.last_reason == "backend_error"


def test_pick_up_and_hold_complaint_never_wait_for_the_model(
    server: FakeServer, scenario: Scenario, persona: Persona
) -> None:
    mouth = _mouth(server.url)
    mouth.template = TemplateMouth()
    for intent in (
        Intent(name="answer_phone"),
        Intent(name="hold_complaint", slots={"minutes": "3"}),
    ):
        line = mouth.realize([intent], CustomerState(), scenario, persona, random.Random(0))
        assert line
    assert not server.requests
    assert mouth.stats["template_only"] == 2 and mouth.fallbacks == 0


def test_no_server_falls_back(scenario: Scenario, persona: Persona) -> None:
    import socket

    with socket.socket() as probe:  # a loopback port with nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mouth = _mouth(f"http://127.0.0.1:{port}")
    assert _say(mouth, scenario, persona) == TEMPLATE
    assert mouth.last_reason == "backend_error"


def test_a_whole_call_uses_the_model_line_by_line(
    server: FakeServer, scenario: Scenario, persona: Persona
) -> None:
    server.echo = True  # the model keeps the template's words: every line passes the guards
    config = LLMConfig(backend="openai", endpoint=server.url, timeout=10)
    mouth = build_mouth(config)
    assert isinstance(mouth, LLMMouth) and mouth.wait_ready(30)
    session = CallSession(scenario, persona, seed=3, mouth=mouth)
    session.set_status("Disponible", automatic=True)
    session.start()
    for text in (
        "Buenas tardes, le habla Mariana de Internet Veloz, ¿hablo con la señora Rosa María?",
        "Le llamo para ofrecerle un plan de internet. ¿Cómo le funciona su internet ahorita?",
        "Entiendo. El Plan Hogar 200 megas cuesta 499 pesos al mes, ¿le interesa?",
    ):
        session.agent_says(text)
    said = [t.text for t in session.transcript.turns if t.speaker == "customer"]
    assert mouth.stats["template_only"] == 1  # the pick-up «¿Diga?»
    assert said and mouth.stats["llm"] == len([s for s in said if s]) - 1 > 0
    assert mouth.fallbacks == 0
    assert len(server.requests) == mouth.stats["llm"]


# ------------------------------------------------------------------ pieces


def test_clean_and_chat_url() -> None:
    assert clean('Cliente: "Sí, dígame."\nAgente: …') == "Sí, dígame."
    assert chat_url("http://h:1") == "http://h:1/v1/chat/completions"
    assert chat_url("http://h:1/v1/") == "http://h:1/v1/chat/completions"
    assert chat_url("http://h:1/v1/chat/completions") == "http://h:1/v1/chat/completions"
    with pytest.raises(LLMError):
        reply_text(b'{"choices": [{"text": "x"}]}')


def test_guards_accept_a_line_the_template_already_said(scenario: Scenario) -> None:
    line = "Sí, es el 5512345678 y mi correo es rosa.hdz@gmail.com."
    text, problem = check(
        "Claro: 5512345678, y el correo rosa.hdz@gmail.com.", line, [], scenario, 240
    )
    assert problem is None, problem
    _, problem = check("Claro: 5512345678.", line, [], scenario, 240)
    assert problem == "missing_fact"
    _, problem = check("Es Calle Olivo 23, Col. Roma, CDMX.", "Sí, así es.", [], scenario, 240)
    assert problem == "new_number"


def test_settings_choose_the_mouth(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "c.toml"))
    assert isinstance(build_mouth(LLMConfig.from_settings(load_settings())), TemplateMouth)
    monkeypatch.setenv("SIMULADOR_LLM_BACKEND", "openai")
    monkeypatch.setenv("SIMULADOR_LLM_ENDPOINT", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("SIMULADOR_LLM_TIMEOUT", "1.5")
    config = LLMConfig.from_settings(load_settings())
    assert (config.backend, config.endpoint, config.timeout) == (
        "openai",
        "http://127.0.0.1:9/v1",
        1.5,
    )
    monkeypatch.setenv("SIMULADOR_LLM_BACKEND", "gpt")
    with pytest.raises(InputError, match="llm_backend"):
        load_settings()
    with pytest.raises(InputError, match="llm_endpoint"):
        build_mouth(LLMConfig(backend="openai"))
    with pytest.raises(InputError, match="llm_model"):
        build_mouth(LLMConfig(backend="transformers"))


def test_a_missing_model_folder_keeps_the_template(
    tmp_path: Path, scenario: Scenario, persona: Persona
) -> None:
    mouth = build_mouth(LLMConfig(backend="transformers", model=str(tmp_path / "nada")))
    assert isinstance(mouth, LLMMouth)
    assert not mouth.wait_ready(30)
    assert mouth.load_error and "no existe la carpeta" in mouth.load_error
    line = mouth.realize(
        [Intent(name="need_statement")], CustomerState(), scenario, persona, random.Random(0)
    )
    assert line and mouth.last_reason == "not_loaded"


def test_default_services_use_templates_and_load_nothing_heavy(tmp_path: Path) -> None:
    code = (
        "import os, sys; "
        f"os.environ['SIMULADOR_DATA_DIR'] = {str(tmp_path / 'data')!r}; "
        f"os.environ['SIMULADOR_CONFIG_FILE'] = {str(tmp_path / 'c.toml')!r}; "
        "from simulator.services import build_services; s = build_services(); "
        "assert s._backend.mouth() is None; "
        "import simulator.customer.llm; "
        "heavy = sorted(m for m in ('torch', 'transformers', 'tokenizers', 'textual') if m in sys.modules); "
        "assert not heavy, heavy"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr


def test_play_through_the_settings_path(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    server.echo = True
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "c.toml"))
    monkeypatch.setenv("SIMULADOR_LLM_ENDPOINT", server.url)
    script = tmp_path / "s.txt"
    script.write_text("Buenas tardes, le habla Mariana de Internet Veloz.\n/colgar\n", "utf-8")
    args = ["play", "-s", "internet-veloz-hogar", "--script", str(script), "--json"]
    result = CliRunner().invoke(app, [*args, "--llm", "openai"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["transcript"]["turns"][0]["speaker"] == "customer"
    assert server.requests, "the customer's lines went through the model"
    assert "Modelo de lenguaje:" in result.stderr
    bad = CliRunner().invoke(app, [*args, "--llm", "gpt"])
    assert bad.exit_code == 2 and "llm_backend" in bad.stderr
