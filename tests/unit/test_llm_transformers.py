"""The local transformers backend, through its real loading path, with a tiny model made here.

A 2-layer, 32-dim GPT-2 with random weights and a word-level tokenizer built with ``tokenizers``
are saved to a temporary folder and opened by ``TransformersBackend.load`` (offline, no model
hub). Its output is gibberish: the test checks that the path works end to end (load, prompt,
generate, decode) and that the guards reject the gibberish, so the customer says the template line.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.customer.llm import LLMConfig, LLMMouth, build_mouth
from simulator.customer.llm.transformers_backend import TransformersBackend
from simulator.customer.state import CustomerState, Intent
from simulator.models.content import Persona, Scenario

pytest.importorskip("torch", reason="torch==2.13.0 (CPU) comes with `make test` (group test-llm)")
pytest.importorskip("transformers", reason="transformers comes with `make test` (group test-llm)")

# Words without digits: the model can never say the template's number.
WORDS = [
    "pues",
    "mire",
    "oiga",
    "sí",
    "no",
    "la",
    "el",
    "de",
    "que",
    "me",
    "se",
    "lo",
    "un",
    "una",
    "por",
    "favor",
    "gracias",
    "bueno",
    "claro",
    "ahorita",
    "internet",
    "plan",
    "precio",
    "mes",
    "caro",
    "barato",
    "señorita",
    "joven",
    "usted",
    "tengo",
    "quiero",
    "pensarlo",
]
TEMPLATE = "Mire, 499 pesos al mes se me hace mucho, ¿no tiene algo más barato?"
GUARD_REASONS = {
    "empty",
    "too_long",
    "not_spanish",
    "agent_role",
    "third_person",
    "new_number",
    "missing_number",
    "new_fact",
    "missing_fact",
}


class FixedMouth:
    def realize(
        self,
        intents: list[Intent],
        state: CustomerState,
        scenario: Scenario,
        persona: Persona,
        rng: random.Random,
    ) -> str:
        return TEMPLATE


def make_tiny_model(folder: Path) -> None:
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    specials = ["<unk>", "<pad>", "<eos>"]
    vocab = {token: index for index, token in enumerate(specials + WORDS)}
    core = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    core.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=core, unk_token="<unk>", pad_token="<pad>", eos_token="<eos>"
    )
    tokenizer.save_pretrained(folder)
    config = GPT2Config(
        vocab_size=len(vocab),
        n_positions=256,
        n_embd=32,
        n_layer=2,
        n_head=2,
        bos_token_id=vocab["<eos>"],
        eos_token_id=vocab["<eos>"],
        pad_token_id=vocab["<pad>"],
    )
    torch.manual_seed(0)
    GPT2LMHeadModel(config).save_pretrained(folder)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny-gpt2")
    make_tiny_model(folder)
    return folder


def test_backend_loads_the_folder_and_generates(tiny_model: Path) -> None:
    backend = TransformersBackend(tiny_model, temperature=0)
    backend.load()
    text = backend.complete(
        [
            {"role": "system", "content": "Usted es el cliente."},
            {"role": "user", "content": "Hola"},
        ],
        max_tokens=8,
        timeout=60,
    )
    assert isinstance(text, str)
    assert all(word in WORDS for word in text.split())  # only the tiny vocabulary (or nothing)


def test_the_mouth_falls_back_when_the_tiny_model_talks_gibberish(tiny_model: Path) -> None:
    library = load_library()
    scenario = library.scenario("internet-veloz-hogar")
    persona = library.persona(scenario.default_persona)
    config = LLMConfig(backend="transformers", model=str(tiny_model), timeout=60, max_tokens=12)
    mouth = build_mouth(config)
    assert isinstance(mouth, LLMMouth)
    assert mouth.wait_ready(300), mouth.load_error
    mouth.template = FixedMouth()  # a line with a number the tiny vocabulary cannot say
    line = mouth.realize(
        [Intent(name="objection")], CustomerState(), scenario, persona, random.Random(0)
    )
    assert line == TEMPLATE
    assert mouth.last_reason in GUARD_REASONS, mouth.last_reason  # generated, then rejected
    assert mouth.stats["llm"] == 0 and mouth.fallbacks == 1
