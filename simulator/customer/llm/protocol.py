"""What every language-model backend offers, and the settings that choose one.

A backend turns chat messages into one reply text. ``load`` does the slow part (opening a model
folder, nothing for an HTTP server) and may run in a background thread; ``complete`` must give up
by itself soon after ``timeout`` seconds (the mouth also stops waiting then).
"""

from __future__ import annotations

from typing import Any, Literal, Protocol, TypedDict

from pydantic import BaseModel, ConfigDict, Field

from simulator.errors import SimuladorError

BackendName = Literal["none", "openai", "transformers"]


class LLMError(SimuladorError):
    """A backend could not give a reply (unreachable, bad answer, missing library or model)."""


class Message(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


class Backend(Protocol):
    """A source of reply texts for chat messages."""

    name: str

    def load(self) -> None:
        """Prepare the backend (may take seconds; called once, off the UI thread)."""
        ...

    def complete(self, messages: list[Message], *, max_tokens: int, timeout: float) -> str:
        """The model's reply to ``messages``; raises ``LLMError`` when there is none."""
        ...


class LLMConfig(BaseModel):
    """The mouth's settings (from ``Settings.llm_*``)."""

    model_config = ConfigDict(extra="forbid")

    backend: BackendName = "none"
    endpoint: str | None = Field(None, description="OpenAI-compatible base URL")
    model: str | None = Field(
        None, description="model name (openai) or model folder (transformers)"
    )
    api_key: str | None = None
    timeout: float = Field(3.0, gt=0, le=120, description="seconds a line may take, then template")
    max_chars: int = Field(240, ge=20, le=2000, description="longest line accepted from the model")
    max_tokens: int = Field(80, ge=4, le=1024)
    temperature: float = Field(0.7, ge=0, le=2)

    @classmethod
    def from_settings(cls, settings: Any) -> LLMConfig:
        """The ``llm_*`` fields of ``simulator.settings.Settings`` (read by name: no import)."""
        return cls(
            backend=settings.llm_backend,
            endpoint=settings.llm_endpoint,
            model=settings.llm_model,
            api_key=settings.llm_api_key,
            timeout=settings.llm_timeout,
            max_chars=settings.llm_max_chars,
        )
