"""A local transformers model folder as the mouth's model (the optional ``llm`` extra).

``load`` opens the tokenizer and causal language model saved in a folder (``save_pretrained``),
offline only (``local_files_only``: never the model hub). torch and transformers are imported
inside ``load``, so nothing heavy is paid unless this backend is chosen. Generation is bounded by
``max_new_tokens`` and ``max_time``; one generation at a time (a late one blocks no other reply:
the next line falls back to the template instead of waiting).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from simulator.customer.llm.protocol import LLMError, Message

INSTALL_HINT = "instale el extra llm: pip install 'simulador-llamadas[llm]' torch==2.13.0"


def plain_prompt(messages: list[Message]) -> str:
    """A prompt for a model without a chat template: the messages, then the customer's turn."""
    parts = [m["content"].strip() for m in messages if m["content"].strip()]
    return "\n\n".join(parts) + "\nCliente:"


class TransformersBackend:
    """A causal LM and its tokenizer from a local folder, run on the CPU."""

    name = "transformers"

    def __init__(self, folder: str | Path, temperature: float = 0.7) -> None:
        self.folder = Path(folder).expanduser()
        self.temperature = temperature
        self._model: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    def load(self) -> None:
        if self._model is not None:
            return
        if not self.folder.is_dir():
            raise LLMError(f"no existe la carpeta del modelo: {self.folder}")
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForCausalLM, AutoTokenizer
            from transformers.utils import logging as hf_logging
        except ImportError:
            raise LLMError(f"falta transformers o torch; {INSTALL_HINT}") from None
        hf_logging.disable_progress_bar()  # no bars nor hub advice over the call's screen
        hf_logging.set_verbosity_error()
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(self.folder), local_files_only=True)
            model = AutoModelForCausalLM.from_pretrained(str(self.folder), local_files_only=True)
        except (OSError, ValueError, KeyError) as error:
            raise LLMError(f"no se pudo abrir el modelo de {self.folder} ({error})") from None
        model.eval()
        self._tokenizer, self._model = tokenizer, model

    def complete(self, messages: list[Message], *, max_tokens: int, timeout: float) -> str:
        if self._model is None:
            raise LLMError("el modelo local no está cargado")
        if not self._lock.acquire(timeout=timeout):
            raise LLMError("el modelo local sigue ocupado con la línea anterior")
        try:
            return self._generate(messages, max_tokens, timeout)
        except (RuntimeError, ValueError, IndexError) as error:
            raise LLMError(f"el modelo local falló ({error})") from None
        finally:
            self._lock.release()

    def _generate(self, messages: list[Message], max_tokens: int, timeout: float) -> str:
        import torch

        tokenizer, model = self._tokenizer, self._model
        if getattr(tokenizer, "chat_template", None):
            encoded = tokenizer.apply_chat_template(
                messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
            )
            input_ids = encoded["input_ids"]
        else:
            input_ids = tokenizer(plain_prompt(messages), return_tensors="pt")["input_ids"]
        limit = getattr(model.config, "max_position_embeddings", None) or 2048
        keep = max(1, int(limit) - max_tokens)
        input_ids = input_ids[:, -keep:]  # the end of the prompt holds the line to reword
        pad = tokenizer.pad_token_id
        if pad is None:
            pad = tokenizer.eos_token_id if tokenizer.eos_token_id is not None else 0
        sample = self.temperature > 0
        with torch.inference_mode():
            output = model.generate(
                input_ids,
                attention_mask=torch.ones_like(input_ids),
                max_new_tokens=max_tokens,
                max_time=timeout,
                do_sample=sample,
                temperature=self.temperature if sample else None,
                top_p=0.95 if sample else None,
                pad_token_id=pad,
            )
        text = tokenizer.decode(output[0, input_ids.shape[1] :], skip_special_tokens=True)
        return str(text).strip().split("\n")[0]
