"""Loading and validating content files: Spanish ``file:line:`` errors, search path, references."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.content.library import load_file, load_library, validate_dir
from simulator.content.yaml_lines import parse_yaml, parse_yaml_lines
from simulator.errors import ContentError, UnknownIdError

PERSONA = textwrap.dedent(
    """\
    id: mi-persona
    name: Juan Pérez López
    customer_type: amable
    description: Cliente de prueba.
    traits:
      patience: 70
    speech:
      banks:
        short_yes:
          - "Sí."
    """
)

SCENARIO = textwrap.dedent(
    """\
    id: mi-escenario
    title: Escenario de prueba
    kind: outbound_sale
    difficulty: 2
    briefing: Venda algo.
    company:
      name: Empresa Prueba
    catalog:
      - id: plan-a
        name: Plan A
        price: 100
    customer:
      name: Juan Pérez López
      first_name: Juan
      data:
        nombre: Juan Pérez López
        telefono: "5511112222"
    default_persona: mi-persona
    objections:
      - id: caro
        type: price
        resolve_keywords: [ahorro]
        statements: ["Está caro."]
    required_fields: [nombre, telefono]
    """
)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _messages(folder: Path) -> list[str]:
    return [str(issue) for issue in validate_dir(folder)]


def test_valid_own_content_validates_and_loads(tmp_path: Path) -> None:
    folder = tmp_path / "mio"
    _write(folder, "mi-persona.persona.yaml", PERSONA)
    _write(folder, "mi-escenario.scenario.yaml", SCENARIO)
    assert validate_dir(folder) == []
    library = load_library([folder])
    assert library.scenario("mi-escenario").catalog[0].price == 100
    assert library.persona("mi-persona").traits.patience == 70
    assert library.sources["mi-escenario"] == folder / "mi-escenario.scenario.yaml"
    # the bundled content is still there, behind the formador's folder
    assert "internet-veloz-hogar" in library.scenarios


def test_unknown_key_reports_line_and_suggestion(tmp_path: Path) -> None:
    text = SCENARIO.replace("difficulty: 2\n", "difficulty: 2\ntitel: Otro\n")
    _write(tmp_path, "mi-escenario.scenario.yaml", text)
    _write(tmp_path, "mi-persona.persona.yaml", PERSONA)
    messages = _messages(tmp_path)
    assert len(messages) == 1
    assert messages[0].startswith("mi-escenario.scenario.yaml:5: ") or ":5: " in messages[0]
    assert "campo desconocido «titel»" in messages[0]
    assert "¿quiso decir «title»?" in messages[0]


def test_missing_field_points_at_parent(tmp_path: Path) -> None:
    text = SCENARIO.replace("  first_name: Juan\n", "")
    _write(tmp_path, "mi-escenario.scenario.yaml", text)
    _write(tmp_path, "mi-persona.persona.yaml", PERSONA)
    (message,) = _messages(tmp_path)
    assert ":12: " in message  # the «customer:» line
    assert "falta el campo obligatorio «first_name»" in message


def test_bad_values_are_spanish_and_all_reported(tmp_path: Path) -> None:
    text = SCENARIO.replace("difficulty: 2", "difficulty: 7").replace(
        "kind: outbound_sale", "kind: venta"
    )
    _write(tmp_path, "mi-escenario.scenario.yaml", text)
    _write(tmp_path, "mi-persona.persona.yaml", PERSONA)
    messages = _messages(tmp_path)
    assert len(messages) == 2
    assert ":3: " in messages[0] and "valor no permitido «venta»" in messages[0]
    assert "outbound_sale" in messages[0] and "collections" in messages[0]
    assert ":4: " in messages[1] and "se esperaba un número entero entre 1 y 3" in messages[1]


def test_unquoted_number_in_data_asks_for_quotes(tmp_path: Path) -> None:
    text = SCENARIO.replace('telefono: "5511112222"', "telefono: 5511112222")
    _write(tmp_path, "mi-escenario.scenario.yaml", text)
    _write(tmp_path, "mi-persona.persona.yaml", PERSONA)
    (message,) = _messages(tmp_path)
    assert ":17: " in message and "entre comillas" in message


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    text = PERSONA.replace("description: Cliente de prueba.", "description: Cliente: de prueba.")
    _write(tmp_path, "mi-persona.persona.yaml", text)
    (message,) = _messages(tmp_path)
    assert message.startswith(str(tmp_path / "mi-persona.persona.yaml") + ":4: ")
    assert "error de sintaxis YAML" in message and "comillas" in message
    unclosed = PERSONA.replace("name: Juan Pérez López", 'name: "Juan Pérez López')
    _write(tmp_path, "mi-persona.persona.yaml", unclosed)
    (message,) = _messages(tmp_path)
    assert ":2: " in message and "comillas sin cerrar" in message


def test_tab_indentation_is_explained(tmp_path: Path) -> None:
    text = PERSONA.replace("  patience: 70", "\tpatience: 70")
    _write(tmp_path, "mi-persona.persona.yaml", text)
    (message,) = _messages(tmp_path)
    assert ":6: " in message or ":7: " in message
    assert "error de sintaxis YAML" in message


def test_id_must_equal_slug(tmp_path: Path) -> None:
    _write(tmp_path, "otra-persona.persona.yaml", PERSONA)
    (message,) = _messages(tmp_path)
    assert ":1: " in message
    assert "no coincide con el nombre del archivo «otra-persona»" in message


def test_unknown_persona_reference_lists_valid_ids(tmp_path: Path) -> None:
    text = SCENARIO.replace("default_persona: mi-persona", "default_persona: fantasma")
    _write(tmp_path, "mi-escenario.scenario.yaml", text)
    _write(tmp_path, "mi-persona.persona.yaml", PERSONA)
    (message,) = _messages(tmp_path)
    assert ":18: " in message
    assert "persona desconocida «fantasma»" in message
    assert "mi-persona" in message and "indeciso" in message


def test_cross_reference_problems_are_all_listed(tmp_path: Path) -> None:
    text = (
        SCENARIO.replace("required_fields: [nombre, telefono]", "required_fields: [nombre, curp]")
        .replace("    price: 100\n", "    price: 100\n    substitutes: [plan-z]\n")
        .replace("  - id: caro\n", "  - id: caro\n    trigger: close\n")
        .replace('statements: ["Está caro."]', 'statements: ["Está caro, {nombre}."]')
    )
    _write(tmp_path, "mi-escenario.scenario.yaml", text)
    _write(tmp_path, "mi-persona.persona.yaml", PERSONA)
    messages = _messages(tmp_path)
    joined = "\n".join(messages)
    assert "sustituto desconocido «plan-z»" in joined
    assert "campo requerido «curp»" in joined
    assert "espacio desconocido {nombre}" in joined
    assert len(messages) == 3


def test_unknown_intent_in_bank(tmp_path: Path) -> None:
    text = PERSONA.replace("    short_yes:", "    short_si:")
    _write(tmp_path, "mi-persona.persona.yaml", text)
    (message,) = _messages(tmp_path)
    assert ":9: " in message and "intención desconocida «short_si»" in message
    assert "(¿quiso decir «short_yes»?)" in message
    assert "short_yes" in message


def test_duplicate_key_is_reported(tmp_path: Path) -> None:
    text = PERSONA.replace("customer_type: amable\n", "customer_type: amable\nname: Otro\n")
    _write(tmp_path, "mi-persona.persona.yaml", text)
    (message,) = _messages(tmp_path)
    assert ":4: " in message and "clave «name» repetida" in message


def test_not_a_mapping_and_empty_folder(tmp_path: Path) -> None:
    _write(tmp_path / "a", "x.persona.yaml", "- una\n- lista\n")
    (message,) = _messages(tmp_path / "a")
    assert "mapeo" in message
    (tmp_path / "vacia").mkdir()
    (message,) = _messages(tmp_path / "vacia")
    assert "no se encontraron archivos" in message
    _write(tmp_path / "b", "mal-nombre.yaml", "id: x\n")
    (message,) = _messages(tmp_path / "b")
    assert "se ignora" in message


def test_invalid_file_is_skipped_but_named_on_lookup(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "mi-persona.persona.yaml",
        PERSONA.replace("customer_type: amable", "customer_type: feliz"),
    )
    library = load_library([tmp_path])
    assert "mi-persona" not in library.personas
    with pytest.raises(ContentError, match="valor no permitido «feliz»"):
        library.persona("mi-persona")
    with pytest.raises(UnknownIdError, match="indeciso"):
        library.persona("nadie")
    with pytest.raises(UnknownIdError, match="internet-veloz-hogar"):
        library.scenario("nada")


def test_earlier_dirs_win_and_env_var_is_searched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "uno", tmp_path / "dos"
    _write(
        first / "personas",
        "mi-persona.persona.yaml",
        PERSONA.replace("patience: 70", "patience: 10"),
    )
    _write(second / "personas", "mi-persona.persona.yaml", PERSONA)
    _write(second / "scenarios", "mi-escenario.scenario.yaml", SCENARIO)
    monkeypatch.setenv("SIMULADOR_CONTENT_DIR", str(second))
    library = load_library([first])
    assert library.persona("mi-persona").traits.patience == 10
    assert library.scenario("mi-escenario").title == "Escenario de prueba"
    # an indeciso file in the data folder overrides the bundled one
    data_personas = tmp_path / "data" / "content" / "personas"
    own = (Path(__file__).parents[2] / "personas" / "indeciso.persona.yaml").read_text("utf-8")
    _write(
        data_personas, "indeciso.persona.yaml", own.replace("Lucía Ramírez Ortega", "Otra Persona")
    )
    assert load_library().persona("indeciso").name == "Otra Persona"


def test_missing_content_dir_is_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="no existe"):
        load_library([tmp_path / "no-hay"])


def test_load_file_never_raises_on_unreadable_encoding(tmp_path: Path) -> None:
    path = tmp_path / "x.persona.yaml"
    path.write_bytes(b"id: x\nname: \xff\xfe\n")
    loaded = load_file(path, "persona")
    assert loaded.obj is None
    assert "UTF-8" in loaded.issues[0].message and loaded.issues[0].line == 2


def test_line_map_tracks_nested_paths() -> None:
    doc = parse_yaml_lines(SCENARIO, "x")
    assert doc.line_for(("catalog", 0, "price")) == 11
    assert doc.line_for(("objections", 0, "statements", 0)) == 23
    assert doc.line_for(("customer", "no_existe")) == 12


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab: -\n\t'\"{}[]&*!|>#%@`,?0123é")), max_size=80))
def test_random_yamlish_text_only_raises_content_error(text: str) -> None:
    try:
        parse_yaml(text, "x.yaml")
        parse_yaml_lines(text, "x.yaml")
    except ContentError:
        pass


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200))
def test_random_file_never_crashes_loading(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.scenario.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path, "scenario", thorough=True)
    assert loaded.obj is None and loaded.issues
    assert all(str(issue).startswith(str(path)) for issue in loaded.issues)


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 500) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(
    max_examples=80,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.sampled_from(
        [
            "kind",
            "difficulty",
            "catalog",
            "customer",
            "needs",
            "objections",
            "traps",
            "banks",
            "required_fields",
            "nuevo",
            "company",
        ]
    ),
    _JSONISH,
)
def test_mutated_scenario_gives_issues_never_exceptions(
    tmp_path: Path, key: str, value: object
) -> None:
    data = yaml.safe_load(SCENARIO)
    data[key] = value
    path = tmp_path / "mi-escenario.scenario.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    loaded = load_file(path, "scenario", thorough=True)
    assert (loaded.obj is None) == bool(loaded.issues)
    for issue in loaded.issues:
        assert issue.line is None or issue.line >= 1
        assert issue.message and "Traceback" not in issue.message
