"""The rule registry is complete: every code the scorer can emit has Spanish texts and a function."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from simulator.language.display import names
from simulator.scoring.registry import FUNCTIONS, lookup, missing, registry

SCORING = Path(__file__).resolve().parents[2] / "simulator" / "scoring"
CODE_RE = re.compile(r'(?:_error\(\s*ctx,\s*|code=)"([a-z_]+)"')


def _emitted_codes() -> set[str]:
    codes: set[str] = set()
    for path in SCORING.glob("*.py"):
        codes.update(CODE_RE.findall(path.read_text("utf-8")))
    return codes


def test_every_rule_has_texts_and_a_function() -> None:
    assert missing() == []
    for entry in registry():
        assert entry.name.strip() and entry.rule.description.strip() and entry.rule.expected.strip()
        assert callable(entry.function()), entry.id


def test_every_emitted_error_code_is_registered() -> None:
    codes = _emitted_codes()
    assert codes, "no error codes found in simulator/scoring"
    known = {e.key for e in registry() if e.kind in ("critical", "non_critical")}
    assert codes <= known, codes - known


def test_every_function_entry_is_reachable() -> None:
    ids = {(e.kind, e.key) for e in registry()}
    assert set(FUNCTIONS) == ids


def test_display_names_have_registry_entries() -> None:
    groups = {
        "element": "element",
        "critical_error": "critical",
        "non_critical_error": "non_critical",
        "skill": "skill",
    }
    for group, kind in groups.items():
        for key in names(group):
            assert lookup(kind, key).name


def test_scorecard_keys_are_registered() -> None:
    from simulator.models.transcript import Transcript
    from simulator.scoring.engine import score_transcript

    transcript = Transcript.model_validate(
        {
            "turns": [
                {"speaker": "agent", "text": "Buenos días, le habla Ana de Telcel."},
                {"speaker": "customer", "text": "No me interesa, no me vuelva a llamar."},
                {"speaker": "agent", "text": "Claro, disculpe la molestia. Hasta luego."},
            ]
        }
    )
    card = score_transcript(transcript)
    for key in card.elements:
        lookup("element", key)
    for key in card.skills:
        lookup("skill", key)
    for err in card.critical_errors:
        lookup("critical", err.code)
    for err in card.non_critical_errors:
        lookup("non_critical", err.code)


def test_rubric_command_comes_from_registry() -> None:
    from simulator.cli import app

    result = CliRunner().invoke(app, ["rubric", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [item["id"] for item in data] == [e.id for e in registry()]
    assert all(item["function"] for item in data)


def test_scorecard_code_lists_are_registered() -> None:
    from simulator.models.scorecard import CRITICAL_CODES, NON_CRITICAL_CODES

    for code in CRITICAL_CODES:
        assert lookup("critical", code).rule.description
    for code in NON_CRITICAL_CODES:
        assert lookup("non_critical", code).rule.description


def test_one_name_per_rule_everywhere() -> None:
    """display() (scorecard, TUI, history) shows the registry's name; display.yaml keeps none."""
    from importlib import resources

    from simulator.datafiles import parse
    from simulator.language.display import RULE_GROUPS, display

    raw = parse(
        resources.files("simulator.language").joinpath("es/display.yaml").read_text("utf-8")
    )
    assert not set(RULE_GROUPS) & set(raw), "rule names belong in rubric.yaml only"
    for group, kind in RULE_GROUPS.items():
        for entry in registry():
            if entry.kind == kind:
                assert display(group, entry.key) == entry.name


def test_engine_runs_every_element_and_skill_of_the_registry() -> None:
    from simulator.models.transcript import Transcript
    from simulator.scoring.engine import score_transcript
    from simulator.scoring.registry import rules_of

    data = Path(__file__).resolve().parents[1] / "data" / "transcripts" / "closed_questions.json"
    card = score_transcript(Transcript.model_validate_json(data.read_text("utf-8")))
    assert list(card.elements) == [r.key for r in rules_of("element")]
    assert list(card.skills) == [r.key for r in rules_of("skill")]


def test_help_screen_lists_every_rule() -> None:
    from simulator.coaching.rubric_help import rules_markdown

    text = rules_markdown()
    for entry in registry():
        if entry.kind != "overall":
            assert f"**{entry.name}**" in text, entry.id
    assert "{" not in text
