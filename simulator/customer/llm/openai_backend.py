"""An OpenAI-compatible chat server as the mouth's model (Ollama, vLLM, llama.cpp server…).

One POST to ``<endpoint>/v1/chat/completions`` per line, with the standard library (``urllib``): no
extra dependency, and no network traffic at all unless the user sets an endpoint. Any failure —
refused connection, timeout, HTTP error, malformed JSON, a reply without text — is an ``LLMError``.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from typing import Any

from simulator.customer.llm.protocol import LLMError, Message
from simulator.errors import InputError


def chat_url(endpoint: str) -> str:
    """The chat-completions URL for a base URL given with or without ``/v1`` (or already whole)."""
    base = endpoint.strip().rstrip("/")
    if base.endswith("/chat/completions"):
        return base
    if base.endswith("/v1"):
        return f"{base}/chat/completions"
    return f"{base}/v1/chat/completions"


class OpenAIBackend:
    """Chat completions over HTTP; ``load`` does nothing (the server holds the model)."""

    name = "openai"

    def __init__(
        self, endpoint: str, model: str | None, api_key: str | None = None, temperature: float = 0.7
    ) -> None:
        if not endpoint.strip().lower().startswith(("http://", "https://")):
            raise InputError(
                f"la dirección del modelo debe empezar con http:// o https:// ({endpoint})"
            )
        self.url = chat_url(endpoint)
        self.model = model or "default"
        self.api_key = api_key
        self.temperature = temperature

    def load(self) -> None:
        return None

    def complete(self, messages: list[Message], *, max_tokens: int, timeout: float) -> str:
        body = json.dumps(
            {
                "model": self.model,
                "messages": messages,
                "max_tokens": max_tokens,
                "temperature": self.temperature,
                "stream": False,
            }
        ).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                raw = response.read(1_000_000)
        except urllib.error.HTTPError as error:
            raise LLMError(f"el servidor del modelo respondió {error.code}") from None
        except (OSError, http.client.HTTPException) as error:  # URLError, timeouts, resets
            reason = getattr(error, "reason", error)
            raise LLMError(f"no se pudo hablar con el servidor del modelo ({reason})") from None
        return reply_text(raw)


def reply_text(raw: bytes) -> str:
    """The text of the first choice of a chat-completions answer; ``LLMError`` when malformed."""
    try:
        data: Any = json.loads(raw.decode("utf-8"))
        content = data["choices"][0]["message"]["content"]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, IndexError, TypeError):
        raise LLMError("el servidor del modelo dio una respuesta no válida") from None
    if not isinstance(content, str):
        raise LLMError("el servidor del modelo dio una respuesta sin texto")
    return content
