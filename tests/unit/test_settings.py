"""Settings: TOML file + SIMULADOR_* env (env wins), Spanish errors with file:line, saving."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from simulator import locations
from simulator.errors import InputError
from simulator.settings import Settings, load_settings, save_settings


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    config = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(config))
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    return config


def test_defaults_without_a_config_file(env: Path, tmp_path: Path) -> None:
    settings = load_settings()
    assert settings.data_dir == tmp_path / "data"
    assert settings.database_url == f"sqlite:///{(tmp_path / 'data' / 'simulador.db').as_posix()}"
    assert settings.theme == "textual-dark"
    assert settings.default_mode == "practice"
    assert settings.hint_min_turns == 3
    assert settings.llm_endpoint is None
    assert settings.trainee is None
    assert settings.content_dirs == []
    assert not env.exists()  # reading never creates the file


def test_toml_values_are_read(env: Path, tmp_path: Path) -> None:
    env.parent.mkdir(parents=True)
    env.write_text(
        'theme = "textual-light"\n'
        'default_mode = "exam"\n'
        "hint_min_turns = 5\n"
        f'content_dirs = ["{(tmp_path / "mine").as_posix()}"]\n'
        'trainee = "Ana López"\n',
        encoding="utf-8",
    )
    settings = load_settings()
    assert settings.theme == "textual-light"
    assert settings.default_mode == "exam"
    assert settings.hint_min_turns == 5
    assert settings.content_dirs == [tmp_path / "mine"]
    assert settings.trainee == "Ana López"


def test_env_overrides_toml_and_keywords_override_env(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env.parent.mkdir(parents=True)
    env.write_text('theme = "textual-light"\nhint_min_turns = 5\n', encoding="utf-8")
    monkeypatch.setenv("SIMULADOR_THEME", "textual-dark")
    monkeypatch.setenv("SIMULADOR_DATABASE_URL", "postgresql://u@h/db")
    settings = load_settings()
    assert settings.theme == "textual-dark"
    assert settings.hint_min_turns == 5
    assert settings.database_url == "postgresql://u@h/db"
    assert load_settings(hint_min_turns=9).hint_min_turns == 9


def test_data_dir_from_toml_moves_the_default_database(
    env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SIMULADOR_DATA_DIR")
    env.parent.mkdir(parents=True)
    env.write_text(f'data_dir = "{(tmp_path / "elsewhere").as_posix()}"\n', encoding="utf-8")
    settings = load_settings()
    assert settings.data_dir == tmp_path / "elsewhere"
    assert settings.database_url.endswith("/elsewhere/simulador.db")
    assert settings.journals_dir == tmp_path / "elsewhere" / "journals"


def test_invalid_toml_is_a_spanish_error_with_file_and_line(env: Path) -> None:
    env.parent.mkdir(parents=True)
    env.write_text('theme = "textual-dark"\nhint_min_turns = \n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith(f"{env}:2: ")
    assert "no es TOML válido" in message
    assert caught.value.exit_code == 2


def test_invalid_value_points_at_its_line(env: Path) -> None:
    env.parent.mkdir(parents=True)
    env.write_text('# comentario\ntheme = "azul"\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_settings()
    assert str(caught.value).startswith(f"{env}:2: ")
    assert "«theme»" in str(caught.value)
    assert "textual-light" in str(caught.value)


def test_unknown_key_is_rejected(env: Path) -> None:
    env.parent.mkdir(parents=True)
    env.write_text("colour = 3\n", encoding="utf-8")
    with pytest.raises(InputError, match="clave desconocida"):
        load_settings()


def test_invalid_env_value_names_the_variable(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIMULADOR_HINT_MIN_TURNS", "muchos")
    with pytest.raises(InputError, match="SIMULADOR_HINT_MIN_TURNS"):
        load_settings()


def test_save_settings_keeps_other_keys_and_round_trips(env: Path) -> None:
    env.parent.mkdir(parents=True)
    env.write_text("hint_min_turns = 4\n", encoding="utf-8")
    settings = load_settings()
    settings.theme = "textual-light"
    settings.trainee = 'Ana "La Jefa" López'
    assert save_settings(settings) == env
    again = load_settings()
    assert again.theme == "textual-light"
    assert again.trainee == 'Ana "La Jefa" López'
    assert again.hint_min_turns == 4
    text = env.read_text("utf-8")
    assert "database_url" not in text  # defaults are not frozen into the file


def test_save_settings_creates_the_file_and_none_removes_a_key(env: Path) -> None:
    settings = Settings(trainee="Luis")
    save_settings(settings)
    assert load_settings().trainee == "Luis"
    settings.trainee = None
    save_settings(settings)
    assert load_settings().trainee is None


def test_locations_follow_the_env_seams(env: Path, tmp_path: Path) -> None:
    assert locations.config_file() == env
    assert locations.data_dir() == tmp_path / "data"
    assert locations.database_file() == tmp_path / "data" / "simulador.db"
    assert locations.journals_dir() == tmp_path / "data" / "journals"
    assert locations.content_dir() == tmp_path / "data" / "content"
    assert not (tmp_path / "data").exists()
    root = locations.ensure_dirs()
    assert (root / "journals").is_dir()
    assert (root / "content" / "scenarios").is_dir()
    assert (root / "content" / "personas").is_dir()


def test_default_config_lives_in_the_platform_config_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIMULADOR_CONFIG_FILE", raising=False)
    import platformdirs

    assert (
        locations.config_file() == Path(platformdirs.user_config_path("simulador")) / "config.toml"
    )


def test_short_theme_names_are_accepted(env: Path) -> None:
    env.parent.mkdir(parents=True)
    env.write_text('theme = "light"\n', encoding="utf-8")
    assert load_settings().theme == "textual-light"
    assert load_settings(theme="oscuro").theme == "textual-dark"


def test_save_settings_validates_what_model_copy_let_through(env: Path) -> None:
    settings = load_settings().model_copy(update={"theme": "dark", "trainee": "Ana"})
    save_settings(settings)
    assert 'theme = "textual-dark"' in env.read_text("utf-8")
    broken = load_settings().model_copy(update={"theme": "azul"})
    with pytest.raises(InputError, match="no se guardó"):
        save_settings(broken)
    assert load_settings().theme == "textual-dark"  # the file was not damaged


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ('theme = "textual-dark\n', 1, "sin cerrar"),
        ("hint_min_turns = 3\nhint_min_turns = 4\n", 2, "repetida"),
        ('theme = "textual-dark"\ncontent_dirs = ["a",\n', 2, "valor no válido"),
        ("tema oscuro\n", 1, "falta «=»"),
    ],
)
def test_toml_syntax_errors_are_explained_in_spanish(
    env: Path, text: str, line: int, reason: str
) -> None:
    env.parent.mkdir(parents=True)
    env.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_settings()
    assert str(caught.value).startswith(f"{env}:{line}: ")
    assert reason in str(caught.value)


def test_trainee_pin_is_opcional_by_default_and_read_from_env_or_toml(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert load_settings().trainee_pin == "opcional"
    env.parent.mkdir(parents=True)
    env.write_text('trainee_pin = "Obligatorio"\n', encoding="utf-8")
    assert load_settings().trainee_pin == "obligatorio"
    monkeypatch.setenv("SIMULADOR_TRAINEE_PIN", "opcional")
    assert load_settings().trainee_pin == "opcional"
    monkeypatch.setenv("SIMULADOR_TRAINEE_PIN", "a veces")
    with pytest.raises(InputError, match="SIMULADOR_TRAINEE_PIN"):
        load_settings()
