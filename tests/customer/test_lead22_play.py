"""What the lead heard playing a collections call in session 22, fixed as classes (our wordings).

- the purpose said while an upset customer vents («le llamo de…, del área de cobranza») is heard:
  no «¿para qué me llama?» turns later;
- a yes to a promise to pay is the debtor's own commitment, never a sales «proceda / hágalo así»;
- «¿me comunica con el señor X?» for a name that is not the customer's is a wrong person.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.session.call import CallSession
from simulator.session.script import read_script, run_script

pytestmark = pytest.mark.usefixtures("bundled_content_only")

UPSET = [
    "Buenas tardes, le llamo de Banco Horizonte, habla Ramiro del área de cobranza. ¿Me comunica"
    " con el señor Ernesto Vázquez Lara, por favor?",
    "Siento mucho que le hayan llamado tanto, señor Vázquez; hoy lo escucho con calma. ¿Me deja"
    " validar su identidad con su fecha de nacimiento?",
    "Le entiendo, es pesado repetirlo; es por su seguridad. Con la fecha de nacimiento basta.",
    "Gracias. Es por su tarjeta, con dos pagos atrasados. ¿Me la proporciona para seguir?",
    "Gracias. El pago mínimo vencido es de 1,850 pesos. ¿Para cuándo lo podría cubrir?",
    "Entonces, ¿me confirma que el 27 de diciembre cubre los 1,850 pesos?",
]


def _customer_lines(tmp_path: Path, persona: str, seed: int, lines: list[str]) -> list[str]:
    script = tmp_path / "call.txt"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lib = load_library()
    session = CallSession(
        lib.scenario("cobranza-tarjeta-atrasada"), lib.persona(persona), seed=seed
    )
    run = run_script(session, read_script(script))
    return [t.text for t in run.result.transcript.turns if t.speaker == "customer"]


@pytest.mark.parametrize("seed", [321, 5, 77, 1234])
def test_an_upset_debtor_heard_the_purpose_and_promises_in_its_own_words(
    tmp_path: Path, seed: int
) -> None:
    said = _customer_lines(tmp_path, "molesto", seed, UPSET)
    joined = " ".join(said).lower()
    assert "para qué me llama" not in joined and "motivo de su llamada" not in joined, said
    assert "en qué le puedo ayudar" not in joined, said
    for line in said:
        low = line.lower()
        assert "proceda" not in low and "hágalo" not in low, said


@pytest.mark.parametrize("persona", ["callado", "molesto", "indeciso", "amable"])
def test_asking_to_be_put_through_to_another_name_gets_a_no(tmp_path: Path, persona: str) -> None:
    ask = "Buenas tardes, habla Ramiro de Banco Horizonte. ¿Me comunica con el señor Raúl Ortiz?"
    said = _customer_lines(tmp_path, persona, 9, [ask])
    assert said[-1].lower().count("no") >= 1, said
    assert "a sus órdenes" not in said[-1].lower(), said
