"""``LLMMouth``: the template line reworded by a language model, or the template line itself.

The template mouth realizes the brain's intents first (so the state records what was meant, and
the fallback is always ready); the model is then asked to reword that line and its answer must pass
``guards.check`` within the time budget. Every fallback is counted in ``stats`` by reason and
logged. The backend loads lazily in a background thread (``start_loading``); until it is ready the
template line is used, so a reply never waits for a model to load.
"""

from __future__ import annotations

import logging
import random
import threading
from collections import Counter
from typing import TYPE_CHECKING

from simulator.customer.llm import guards
from simulator.customer.llm.protocol import Backend, LLMConfig, LLMError, Message
from simulator.customer.mouth import Mouth, TemplateMouth
from simulator.customer.state import CustomerState, Intent
from simulator.errors import InputError
from simulator.models.content import Persona, Scenario

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger("simulator.customer.llm")

USED = "llm"  # the stats key of lines the model worded


class LLMMouth:
    """A ``Mouth`` that words lines with a model, guarded, with the template line as fallback."""

    def __init__(
        self, backend: Backend, config: LLMConfig | None = None, template: Mouth | None = None
    ) -> None:
        self.backend = backend
        self.config = config or LLMConfig()
        self.template: Mouth = template or TemplateMouth()
        self.stats: Counter[str] = Counter()
        self.last_reason: str | None = None
        self.load_error: str | None = None
        self._ready = threading.Event()
        self._loading: threading.Thread | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ loading

    def start_loading(self) -> None:
        """Load the backend in a daemon thread (once); ``realize`` uses templates meanwhile."""
        with self._lock:
            if self._loading is not None:
                return
            self._loading = threading.Thread(target=self._load, name="llm-load", daemon=True)
            self._loading.start()

    def _load(self) -> None:
        try:
            self.backend.load()
        except LLMError as error:
            self.load_error = str(error)
            log.warning("modelo de lenguaje no disponible: %s", error)
        except Exception as error:  # a broken model folder must never break the call
            self.load_error = f"{type(error).__name__}: {error}"
            log.warning("modelo de lenguaje no disponible: %s", self.load_error)
        finally:
            self._ready.set()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Start loading if needed and wait up to ``timeout``; True when the backend is usable."""
        self.start_loading()
        return self._ready.wait(timeout) and self.load_error is None

    @property
    def ready(self) -> bool:
        return self._ready.is_set() and self.load_error is None

    # ------------------------------------------------------------------ realize

    def realize(
        self,
        intents: list[Intent],
        state: CustomerState,
        scenario: Scenario,
        persona: Persona,
        rng: random.Random,
    ) -> str:
        line = self.template.realize(intents, state, scenario, persona, rng)
        if not line.strip():
            return line
        if {i.name for i in intents} & template_only():
            self.stats["template_only"] += 1
            return line
        self.start_loading()
        if not self._ready.is_set():
            return self._fallback("not_ready", line)
        if self.load_error is not None:
            return self._fallback("not_loaded", line)
        messages = prompt(line, state, persona)
        try:
            candidate = run_with_timeout(
                lambda: self.backend.complete(
                    messages, max_tokens=self.config.max_tokens, timeout=self.config.timeout
                ),
                self.config.timeout,
            )
        except TimeoutError:
            return self._fallback("timeout", line)
        except LLMError as error:
            return self._fallback("backend_error", line, str(error))
        except Exception as error:  # any backend bug: the template line, never a crash
            return self._fallback("backend_error", line, f"{type(error).__name__}: {error}")
        text, problem = guards.check(candidate, line, intents, scenario, self.config.max_chars)
        if problem is not None:
            return self._fallback(problem, line, text)
        self.stats[USED] += 1
        self.last_reason = None
        return text

    def _fallback(self, reason: str, line: str, detail: str = "") -> str:
        self.stats[f"fallback:{reason}"] += 1
        self.last_reason = reason
        log.info("línea de plantilla en lugar del modelo (%s): %s", reason, detail[:200])
        return line

    @property
    def fallbacks(self) -> int:
        return sum(n for key, n in self.stats.items() if key.startswith("fallback:"))


def template_only() -> set[str]:
    """Intents said with the template line, never sent to the model (``es/llm.yaml``)."""
    return {str(name) for name in guards.lexicon().get("template_only_intents", [])}


def prompt(line: str, state: CustomerState, persona: Persona) -> list[Message]:
    """The chat messages asking to reword ``line`` as this persona (texts in ``es/llm.yaml``)."""
    texts = guards.lexicon().get("prompt", {})
    user = str(texts.get("user", "{line}")).format(
        persona=f"{persona.customer_type} — {persona.description}".strip(),
        previous=state.last_text or "(nada todavía)",
        line=line,
    )
    return [
        {"role": "system", "content": str(texts.get("system", ""))},
        {"role": "user", "content": user},
    ]


def run_with_timeout(call: Callable[[], str], timeout: float) -> str:
    """``call()`` in a daemon thread; ``TimeoutError`` if it has not returned after ``timeout``
    seconds (the thread is abandoned: backends bound their own work, see ``Backend.complete``)."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = call()
        except BaseException as error:
            box["error"] = error

    worker = threading.Thread(target=target, name="llm-line", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return str(box.get("value", ""))


def build_backend(config: LLMConfig) -> Backend | None:
    """The configured backend, or None for the template mouth. Nothing heavy is imported here."""
    if config.backend == "openai":
        from simulator.customer.llm.openai_backend import OpenAIBackend

        if not config.endpoint:
            raise InputError("falta llm_endpoint (la dirección del servidor compatible con OpenAI)")
        return OpenAIBackend(config.endpoint, config.model, config.api_key, config.temperature)
    if config.backend == "transformers":
        from simulator.customer.llm.transformers_backend import TransformersBackend

        if not config.model:
            raise InputError("falta llm_model (la carpeta del modelo de transformers)")
        return TransformersBackend(config.model, config.temperature)
    return None


def build_mouth(config: LLMConfig) -> Mouth:
    """The mouth the settings ask for: ``TemplateMouth`` unless an LLM backend is configured.
    The backend starts loading at once, in the background."""
    backend = build_backend(config)
    if backend is None:
        return TemplateMouth()
    mouth = LLMMouth(backend, config)
    mouth.start_loading()
    return mouth
