"""User settings: a TOML file plus ``SIMULADOR_*`` environment variables (pydantic-settings).

Precedence, highest first: keyword overrides (``load_settings(theme=...)``), environment variables
(``SIMULADOR_THEME``…), the TOML file (``locations.config_file()``, redirected in tests by
``SIMULADOR_CONFIG_FILE``), defaults. Defaults are the embedded ones: bundled content, SQLite in the
user's data folder, no network. A broken TOML file is a Spanish ``InputError`` with ``file:line``.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from simulator import locations
from simulator.errors import InputError

Theme = Literal["textual-dark", "textual-light"]
Mode = Literal["practice", "exam"]
TraineePin = Literal["opcional", "obligatorio"]
VoiceMode = Literal["off", "hands_free", "push_to_talk"]

# Fields that save_settings writes by default: choices the user makes inside the app.
SAVED_BY_APP: tuple[str, ...] = ("theme", "trainee")

_LINE_RE = re.compile(r"line (\d+)")
_VOICE_MODE_ALIASES = {
    "apagada": "off",
    "apagado": "off",
    "no": "off",
    "manos libres": "hands_free",
    "manos_libres": "hands_free",
    "pulsar": "push_to_talk",
    "pulsar para hablar": "push_to_talk",
    "pulsar_para_hablar": "push_to_talk",
}
_THEME_ALIASES = {
    "dark": "textual-dark",
    "light": "textual-light",
    "oscuro": "textual-dark",
    "claro": "textual-light",
}


def normalize_theme(value: Any) -> Any:
    """Accept the short names ``dark``/``light`` (and Spanish ``oscuro``/``claro``) for a theme."""
    if isinstance(value, str):
        return _THEME_ALIASES.get(value.strip().lower(), value.strip())
    return value


_TOML_REASONS = {
    "Invalid value": "valor no válido",
    "Expected '=' after a key in a key/value pair": "falta «=» después de la clave",
    "Illegal character '\\n'": "texto sin cerrar (falta la comilla final)",
    "Expected ']' at the end of a table declaration": "falta «]» al final de la sección",
    "Cannot overwrite a value": "la clave está repetida",
    "Invalid statement": "línea no válida",
}


def _decode_error(path: Path, error: tomllib.TOMLDecodeError) -> InputError:
    match = _LINE_RE.search(str(error))
    line = int(match.group(1)) if match else None
    if line is None and "end of document" in str(error):
        try:
            line = max(1, len(path.read_text("utf-8").splitlines()))
        except OSError:
            line = None
    raw = str(error).split(" (at ")[0]
    reason = _TOML_REASONS.get(raw, raw)
    return InputError(
        f"el archivo de configuración no es TOML válido ({reason}).", path=str(path), line=line
    )


class _TomlSource(TomlConfigSettingsSource):
    """The TOML source, with decode errors turned into Spanish messages with file and line."""

    def _read_file(self, file_path: Any) -> dict[str, Any]:
        try:
            with file_path.open(mode="rb") as handle:
                return tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise _decode_error(Path(str(file_path)), error) from None
        except OSError as error:
            raise InputError(
                f"no se pudo leer el archivo de configuración ({error.strerror}).",
                path=str(file_path),
            ) from None


class Settings(BaseSettings):
    """Every setting of the simulator; the services get one of these and nothing else."""

    model_config = SettingsConfigDict(
        env_prefix="SIMULADOR_", extra="forbid", validate_default=True
    )

    data_dir: Path = Field(default_factory=locations.data_dir)
    database_url: str = Field(
        "", description="SQLAlchemy URL; empty = SQLite file simulador.db in the data folder"
    )
    content_dirs: list[Path] = Field(
        default_factory=list, description="extra folders with scenarios/ and personas/"
    )
    theme: Theme = "textual-dark"
    default_mode: Mode = "practice"
    hint_min_turns: int = Field(3, ge=1, le=50)
    llm_backend: Literal["none", "openai", "transformers"] = Field(
        "none",
        description="customer's mouth: none = authored templates; openai = an OpenAI-compatible "
        "server at llm_endpoint; transformers = a local model folder at llm_model (extra «llm»)",
    )
    llm_endpoint: str | None = Field(
        None, description="OpenAI-compatible URL; no network traffic unless set"
    )
    llm_model: str | None = Field(
        None, description="model name for the server, or the transformers model folder"
    )
    llm_api_key: str | None = Field(None, description="bearer key for the server, if it needs one")
    llm_timeout: float = Field(
        3.0, gt=0, le=120, description="seconds a worded line may take, else the template line"
    )
    llm_max_chars: int = Field(240, ge=20, le=2000, description="longest line taken from the model")
    trainee: str | None = Field(None, description="name of the last trainee who used the app")
    exam_questions: Path | None = Field(
        None,
        description="question bank of the certification self-assessment (YAML); empty = the "
        "bundled bank",
    )
    trainee_pin: TraineePin = Field(
        "opcional",
        description="opcional: a trainee with a PIN must type it, one without enters by name; "
        "obligatorio: every trainee must have a PIN and chooses one at the first sign-in "
        "(simulador serve's default)",
    )
    voice_stt_model: str = Field(
        "base",
        description="speech-to-text model: base = Whisper base shipped on PyPI, or a local folder "
        "with a faster-whisper model",
    )
    voice_silence_seconds: float = Field(
        0.6, ge=0.2, le=3.0, description="silence that ends the trainee's turn in a voice call"
    )
    voice_early_seconds: float = Field(
        0.2,
        ge=0.0,
        le=2.0,
        description="pause after which the trainee's words are transcribed while the silence goes "
        "on; a finished-sounding turn then ends at once; 0 = transcribe only at the end of turn",
    )
    voice_hesitation_seconds: float = Field(
        1.2,
        ge=0.2,
        le=5.0,
        description="silence that ends a turn left hanging («este…», «y…», «porque…»)",
    )
    voice_telephone: bool = Field(
        False, description="the customer sounds like a phone line (8 kHz)"
    )
    voice_barge_in_seconds: float = Field(
        0.3,
        ge=0.0,
        le=3.0,
        description="seconds the trainee talks over the customer before the customer stops "
        "(personas that do not yield keep talking); 0 = the customer never stops",
    )
    voice_piper_model: Path | None = Field(
        None,
        description="a Piper voice for the customer (the .onnx file, with its .onnx.json next to "
        "it); empty = espeak-ng",
    )
    voice_mode: VoiceMode = Field(
        "off",
        description="voice on the TUI call screen when a call opens: off (text; F9 turns it on), "
        "hands_free (manos libres: a pause ends the turn) or push_to_talk (pulsar para hablar)",
    )
    voice_ptt_release_seconds: float = Field(
        0.5,
        ge=0.15,
        le=2.0,
        description="push-to-talk: a held key whose auto-repeat stops for this long was let go",
    )
    voice_input_wavs: list[Path] = Field(
        default_factory=list,
        description="WAV files heard as the trainee's microphone instead of the sound card "
        "(prepared lines, tests, a machine with no sound card)",
    )
    voice_output_wav: Path | None = Field(
        None, description="the customer's voice is written to this WAV instead of the speaker"
    )
    learned_acts: bool = Field(
        True,
        description="learned paraphrase/question acts (analysis/learned.py) when the embedding "
        "package is installed; false = rules only",
    )

    @field_validator("theme", mode="before")
    @classmethod
    def _theme_alias(cls, value: Any) -> Any:
        return normalize_theme(value)

    @field_validator("trainee_pin", mode="before")
    @classmethod
    def _pin_words(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("voice_mode", mode="before")
    @classmethod
    def _voice_mode_alias(cls, value: Any) -> Any:
        if isinstance(value, str):
            key = value.strip().lower().replace("-", " ")
            return _VOICE_MODE_ALIASES.get(key, key.replace(" ", "_"))
        return value

    @field_validator("data_dir", mode="after")
    @classmethod
    def _expand(cls, value: Path) -> Path:
        return value.expanduser()

    @field_validator("content_dirs", "voice_input_wavs", mode="after")
    @classmethod
    def _expand_all(cls, value: list[Path]) -> list[Path]:
        return [path.expanduser() for path in value]

    @field_validator("voice_piper_model", mode="before")
    @classmethod
    def _voice_file(cls, value: Any) -> Any:
        if isinstance(value, str):
            return Path(value.strip()).expanduser() if value.strip() else None
        return value.expanduser() if isinstance(value, Path) else value

    @field_validator("llm_endpoint", "llm_model", "llm_api_key", "trainee", mode="after")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @model_validator(mode="after")
    def _default_database(self) -> Settings:
        if not self.database_url.strip():
            self.database_url = locations.default_database_url(self.data_dir)
        return self

    @property
    def journals_dir(self) -> Path:
        return locations.journals_dir(self.data_dir)

    @property
    def user_content_dir(self) -> Path:
        return locations.content_dir(self.data_dir)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _TomlSource(settings_cls, locations.config_file()))


def _key_line(path: Path, key: str) -> int | None:
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError:
        return None
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, text in enumerate(lines, start=1):
        if pattern.match(text):
            return number
    return None


def _spanish(error: Any) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return "clave desconocida"
    if kind == "literal_error":
        return "debe ser uno de: " + str(ctx.get("expected", "")).replace(" or ", " o ")
    if kind.startswith("int_") or kind.startswith("float_"):
        return "debe ser un número"
    if kind in ("greater_than_equal", "less_than_equal"):
        limit = ctx.get("ge", ctx.get("le"))
        return f"fuera de rango (límite {limit})"
    if kind.startswith("list_"):
        return "debe ser una lista"
    if kind.startswith("string_") or kind.startswith("path_"):
        return "debe ser un texto"
    return f"valor no válido ({error.get('msg', kind)})"


def load_settings(**overrides: Any) -> Settings:
    """Read the settings (TOML file, then env, then ``overrides``); Spanish errors on bad values."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        first = error.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        path = locations.config_file()
        env_name = f"SIMULADOR_{key.upper()}"
        if key in overrides:
            where: dict[str, Any] = {}
            origin = "el valor indicado"
        elif env_name in os.environ:
            where = {}
            origin = f"la variable de entorno {env_name}"
        else:
            where = {"path": str(path), "line": _key_line(path, key)}
            origin = "el archivo de configuración"
        raise InputError(
            f"configuración inválida en {origin}: «{key}» — {_spanish(first)}.", **where
        ) from None


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Path):
        value = value.as_posix()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def _validated(name: str, value: Any) -> Any:
    """Check one value before it is written (``model_copy(update=...)`` skips validation)."""
    from pydantic import TypeAdapter

    field = Settings.model_fields.get(name)
    if field is None or field.annotation is None:
        raise InputError(f"configuración desconocida «{name}».")
    if name == "theme":
        value = normalize_theme(value)
    try:
        return TypeAdapter(field.annotation).validate_python(value)
    except ValidationError as error:
        raise InputError(
            f"no se guardó la configuración: «{name}» — {_spanish(error.errors()[0])}."
        ) from None


def save_settings(settings: Settings, fields: tuple[str, ...] = SAVED_BY_APP) -> Path:
    """Write ``fields`` of ``settings`` into the TOML file, keeping its other keys; return the path.

    Only flat keys are supported (the settings file has no tables). ``None`` values remove the key.
    """
    path = locations.config_file()
    current: dict[str, Any] = {}
    if path.exists():
        try:
            current = tomllib.loads(path.read_text("utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise _decode_error(path, error) from None
    for name in fields:
        value = _validated(name, getattr(settings, name))
        if value is None:
            current.pop(name, None)
        else:
            current[name] = value
    body = "".join(
        f"{key} = {_toml_value(value)}\n"
        for key, value in current.items()
        if not isinstance(value, dict)
    )
    header = "# Configuración del Simulador de Llamadas (se puede editar a mano).\n"
    try:
        locations.make_private_dir(path.parent)
        locations.write_private_text(path, header + body)  # 0600: it may hold a database URL
    except OSError as error:
        raise InputError(
            f"no se pudo guardar la configuración ({error.strerror}).", path=str(path)
        ) from None
    return path
