"""Find, load and validate the scenario and persona library.

Content comes from several folders, searched in priority order: ``--content-dir`` folders, the
``SIMULADOR_CONTENT_DIR`` variable, the user's data folder (``<data dir>/content``) and the content
bundled with the program. The first folder that defines an id wins. Invalid files never stop the
app: they are skipped and reported as issues (``simulador content validate`` shows them all).
Loading is cached per process and re-done only when a file changes.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from simulator import locations
from simulator.content.checks import check_id, check_persona, check_scenario
from simulator.content.issues import ContentIssue
from simulator.content.validation_messages import issues_from_validation
from simulator.content.yaml_lines import Loc, parse_yaml, parse_yaml_lines, read_bounded
from simulator.errors import ContentError, InputError, UnknownIdError
from simulator.models.content import Persona, Scenario

Kind = Literal["scenario", "persona"]
SUFFIXES: dict[Kind, str] = {"scenario": ".scenario.yaml", "persona": ".persona.yaml"}
MODELS: dict[Kind, type[BaseModel]] = {"scenario": Scenario, "persona": Persona}
ENV_CONTENT_DIR = "SIMULADOR_CONTENT_DIR"


def bundled_dir() -> Path | None:
    """Folder holding ``scenarios/`` and ``personas/`` shipped with the program.

    In a wheel they live in ``simulator/_bundled``; in a source checkout, next to the package.
    """
    packaged = Path(str(resources.files("simulator"))) / "_bundled"
    if packaged.is_dir():
        return packaged
    checkout = Path(str(resources.files("simulator"))).parent
    if (checkout / "scenarios").is_dir() or (checkout / "personas").is_dir():
        return checkout
    return None


def content_dirs(extra_dirs: list[Path] | None = None) -> list[Path]:
    """The search path, highest priority first (explicit folders must exist)."""
    dirs: list[Path] = []
    for extra in extra_dirs or []:
        path = Path(extra).expanduser()
        if not path.is_dir():
            problem = link_problem(path)
            if problem is not None:
                raise ContentError(f"la carpeta de contenido «{path}» es {problem}")
            raise ContentError(f"la carpeta de contenido «{path}» no existe")
        dirs.append(path)
    for raw in os.environ.get(ENV_CONTENT_DIR, "").split(os.pathsep):
        if raw.strip():
            dirs.append(Path(raw.strip()).expanduser())
    dirs.append(locations.content_dir())
    bundled = bundled_dir()
    if bundled is not None:
        dirs.append(bundled)
    unique: list[Path] = []
    for path in dirs:
        if path not in unique:
            unique.append(path)
    return unique


def link_problem(path: Path) -> str | None:
    """Spanish description of a symbolic link that leads nowhere (loop or missing target)."""
    if not path.is_symlink():
        return None
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "un enlace simbólico circular (apunta, directa o indirectamente, a sí mismo)"
        return "un enlace simbólico roto (su destino no existe)"
    return None


def content_files(root: Path, kind: Kind) -> list[Path]:
    """``*.scenario.yaml`` / ``*.persona.yaml`` directly in ``root`` or in its ``<kind>s/``.

    Broken or circular symbolic links are listed too, so loading reports them (never silently)."""
    suffix = SUFFIXES[kind]
    found: list[Path] = []
    for folder in (root, root / f"{kind}s"):
        if folder.is_dir():
            found += sorted(p for p in folder.glob(f"*{suffix}") if p.is_file() or p.is_symlink())
    return found


def display_path(path: Path) -> str:
    """A path as the user should read it (relative to the working folder when inside it)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return str(path)


@dataclass
class LoadedFile:
    """One parsed file: its object (None when invalid), issues, and where its keys are."""

    path: Path
    kind: Kind
    text: str = ""
    obj: BaseModel | None = None
    issues: list[ContentIssue] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.path.name[: -len(SUFFIXES[self.kind])]

    def add(self, findings: list[tuple[Loc, str]]) -> None:
        """Turn ``(key path, message)`` findings into issues with lines (parsing lines lazily)."""
        if not findings:
            return
        doc = parse_yaml_lines(self.text, display_path(self.path))
        for loc, message in findings:
            self.issues.append(ContentIssue(display_path(self.path), doc.line_for(loc), message))


def read_problem(error: OSError) -> str:
    """Spanish reason why a content file could not be read."""
    reasons = {
        errno.ENOENT: "el archivo no existe",
        errno.EACCES: "no hay permiso para leer el archivo",
        errno.EISDIR: "es una carpeta, no un archivo",
        errno.ELOOP: "el archivo es un enlace simbólico circular",
    }
    return reasons.get(error.errno or 0, f"no se pudo leer el archivo (error {error.errno})")


def load_file(path: Path, kind: Kind, *, thorough: bool = False) -> LoadedFile:
    """Parse and validate one file; problems are collected, never raised.

    ``thorough`` also looks for duplicated keys (costs a second parse; used by validation).
    """
    loaded = LoadedFile(path=path, kind=kind)
    shown = display_path(path)
    try:
        problem = link_problem(path)
        if problem is not None:
            loaded.issues.append(ContentIssue(shown, None, f"el archivo es {problem}"))
            return loaded
        loaded.text = read_bounded(path, shown)
        data = parse_yaml(loaded.text, shown)
    except ContentError as error:
        prefix = f"{shown}:{error.line}: " if error.line is not None else f"{shown}: "
        message = str(error).removeprefix(prefix)
        loaded.issues.append(ContentIssue(shown, error.line, message))
        return loaded
    except OSError as error:
        loaded.issues.append(ContentIssue(shown, None, read_problem(error)))
        return loaded
    if not isinstance(data, dict):
        what = "un escenario" if kind == "scenario" else "una persona"
        loaded.issues.append(
            ContentIssue(shown, 1, f"el archivo debe describir {what} como un mapeo «clave: valor»")
        )
        return loaded
    model = MODELS[kind]
    try:
        loaded.obj = model.model_validate(data)
    except ValidationError as error:
        doc = parse_yaml_lines(loaded.text, shown)
        loaded.issues += issues_from_validation(model, error, doc, shown)
    if isinstance(data.get("id"), str):
        loaded.add(list(check_id(data["id"], loaded.slug)))
    if loaded.issues:
        loaded.obj = None
        return loaded
    duplicates = parse_yaml_lines(loaded.text, shown).duplicates if thorough else []
    for line, key in duplicates:
        loaded.issues.append(ContentIssue(shown, line, f"clave «{key}» repetida"))
    if isinstance(loaded.obj, Persona):
        loaded.add(check_persona(loaded.obj))
    return loaded


def cross_check(files: list[LoadedFile], persona_ids: set[str]) -> None:
    """Scenario references (personas, substitutes, fields, intents) against ``persona_ids``."""
    for loaded in files:
        if isinstance(loaded.obj, Scenario):
            findings = check_scenario(loaded.obj, persona_ids)
            if loaded.obj.id in persona_ids:
                findings.append((("id",), f"ya existe una persona con el id «{loaded.obj.id}»"))
            loaded.add(findings)


@dataclass
class Library:
    """Every usable scenario and persona, where each came from, and the files that failed."""

    scenarios: dict[str, Scenario] = field(default_factory=dict)
    personas: dict[str, Persona] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    issues: list[ContentIssue] = field(default_factory=list)
    dirs: list[Path] = field(default_factory=list)

    def _broken(self, slug: str, kind: Kind) -> ContentIssue | None:
        suffix = SUFFIXES[kind]
        for issue in self.issues:
            if issue.path.endswith(f"{slug}{suffix}"):
                return issue
        return None

    def scenario(self, scenario_id: str) -> Scenario:
        """The scenario ``scenario_id``; unknown → UnknownIdError listing the valid ids."""
        if scenario_id in self.scenarios:
            return self.scenarios[scenario_id]
        broken = self._broken(scenario_id, "scenario")
        if broken is not None:
            raise broken.to_error()
        raise UnknownIdError("el escenario", scenario_id, list(self.scenarios))

    def persona(self, persona_id: str) -> Persona:
        """The persona ``persona_id``; unknown → UnknownIdError listing the valid ids."""
        if persona_id in self.personas:
            return self.personas[persona_id]
        broken = self._broken(persona_id, "persona")
        if broken is not None:
            raise broken.to_error()
        raise UnknownIdError("la persona", persona_id, list(self.personas))

    def persona_for(self, scenario: Scenario, persona_id: str | None) -> Persona:
        """The persona to play ``scenario`` with (its default when ``persona_id`` is None).

        A scenario that lists its ``personas`` allows only those (an empty list allows any):
        another one is an InputError (exit code 2) that names the allowed ones."""
        persona = self.persona(persona_id or scenario.default_persona)
        allowed = [scenario.default_persona, *scenario.personas]
        if scenario.personas and persona.id not in allowed:
            listing = ", ".join(dict.fromkeys(allowed))
            raise InputError(
                f"El escenario «{scenario.id}» no admite la persona «{persona.id}». "
                f"Las que admite son: {listing}."
            )
        return persona

    def personas_for(self, scenario: Scenario | str) -> list[Persona]:
        """Personas that fit the scenario, the default one first (all personas when unrestricted)."""
        if isinstance(scenario, str):
            scenario = self.scenario(scenario)
        ids = scenario.personas or sorted(self.personas)
        ordered = [scenario.default_persona] + [i for i in ids if i != scenario.default_persona]
        return [self.personas[i] for i in ordered if i in self.personas]


def _scan(dirs: list[Path]) -> list[tuple[Path, Kind]]:
    return [
        (path, kind)
        for root in dirs
        for kind in ("persona", "scenario")
        for path in content_files(root, kind)
    ]  # type: ignore[misc]


def _signature(files: list[tuple[Path, Kind]]) -> tuple[tuple[str, str, int, int], ...]:
    out = []
    for path, kind in files:
        try:
            stat = path.stat()
            out.append((str(path), kind, stat.st_mtime_ns, stat.st_size))
        except OSError:
            out.append((str(path), kind, 0, -1))
    return tuple(out)


@lru_cache(maxsize=8)
def _build(dirs: tuple[Path, ...], signature: tuple[tuple[str, str, int, int], ...]) -> Library:
    library = Library(dirs=list(dirs))
    loaded = [load_file(Path(path), kind) for path, kind, _, _ in signature]  # type: ignore[arg-type]
    personas = [f for f in loaded if isinstance(f.obj, Persona)]
    persona_ids = {f.obj.id for f in personas if f.obj is not None}  # type: ignore[attr-defined]
    cross_check(loaded, persona_ids)
    for item in loaded:
        library.issues += item.issues
        obj = item.obj
        if item.issues or obj is None:
            continue
        if isinstance(obj, Persona) and obj.id not in library.personas:
            library.personas[obj.id] = obj
            library.sources.setdefault(obj.id, item.path)
        elif isinstance(obj, Scenario) and obj.id not in library.scenarios:
            library.scenarios[obj.id] = obj
            library.sources.setdefault(obj.id, item.path)
    return library


def load_library(extra_dirs: list[Path] | None = None) -> Library:
    """Load every scenario and persona on the search path (cached until a file changes)."""
    dirs = content_dirs(extra_dirs)
    return _build(tuple(dirs), _signature(_scan(dirs)))


def validate_dirs(
    dirs: list[Path], reference_dirs: list[Path] | None = None
) -> tuple[list[Path], list[ContentIssue]]:
    """(files checked, every problem) for the content in ``dirs``.

    References may point at personas anywhere on the search path (a formador's scenario can use
    the bundled personas); ``reference_dirs`` adds folders to that search path.
    """
    files = _scan(dirs)
    loaded = [load_file(path, kind, thorough=True) for path, kind in files]
    persona_ids = {f.obj.id for f in loaded if isinstance(f.obj, Persona)}
    persona_ids |= set(load_library(reference_dirs).personas)
    cross_check(loaded, persona_ids)
    issues = [issue for item in loaded for issue in item.issues]
    known = {path for path, _ in files}
    for root in dirs:
        for folder in (root, root / "scenarios", root / "personas"):
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.y*ml")):
                if path not in known and path.suffix in (".yaml", ".yml"):
                    issues.append(
                        ContentIssue(
                            display_path(path), None,
                            "se ignora: el nombre debe terminar en .scenario.yaml o .persona.yaml",
                        )
                    )  # fmt: skip
    return [path for path, _ in files], issues


def check_folder(
    path: Path, reference_dirs: list[Path] | None = None
) -> tuple[list[Path], list[ContentIssue]]:
    """(files checked, every problem) of one folder, complaining when it holds no content."""
    path = Path(path)
    if not path.is_dir():
        return [], [ContentIssue(display_path(path), None, "la carpeta no existe")]
    files, issues = validate_dirs([path], reference_dirs)
    if not files and not issues:
        issues.append(
            ContentIssue(
                display_path(path), None,
                "no se encontraron archivos *.scenario.yaml ni *.persona.yaml",
            )
        )  # fmt: skip
    return files, issues


def validate_dir(path: Path, reference_dirs: list[Path] | None = None) -> list[ContentIssue]:
    """Every problem of the content in ``path`` (empty list when all is valid)."""
    return check_folder(path, reference_dirs)[1]
