"""The optional language-model mouth: a model words the brain's intents, guards keep it honest.

The brain still chooses every intent and fact; ``LLMMouth`` asks a backend (an OpenAI-compatible
HTTP server or a local transformers model folder) to reword the template line, checks the answer
with ``guards`` and falls back to the template line on any failure. Nothing heavy is imported here:
backends import their libraries inside the functions that need them.
"""

from simulator.customer.llm.mouth import LLMMouth, build_mouth
from simulator.customer.llm.protocol import Backend, LLMConfig, LLMError, Message

__all__ = ["Backend", "LLMConfig", "LLMError", "LLMMouth", "Message", "build_mouth"]
