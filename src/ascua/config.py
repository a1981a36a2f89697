"""The workspace and its ``ascua.yaml``: loading, validation, and errors for people.

A workspace is a folder holding ``ascua.yaml`` (brands, sources, alert targets, the
path of the crisis plan), the plan itself and, by default, the SQLite database.
Every error names the file, the line and the field, and says what to do::

    ascua.yaml:14: brands[0].query: unbalanced parenthesis at position 9 …
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

CONFIG_FILE = "ascua.yaml"
PLAN_FILE = "plan.yaml"
DEFAULT_PORT = 8450

_DURATION = re.compile(r"^\s*(\d+)\s*(s|m|h|d|w)?\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(value: object) -> int:
    """Seconds in a duration written as ``90s``, ``5m``, ``1h``, ``2d``, ``1w`` or a number.

    >>> parse_duration("5m"), parse_duration("1h"), parse_duration(30)
    (300, 3600, 30)
    """
    if isinstance(value, bool):
        raise ValueError("expected a duration such as 5m, 1h or 1d")
    if isinstance(value, int):
        seconds = value
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise ValueError(f"{value!r} is not a duration; write it like 90s, 5m, 1h, 1d or 1w")
        seconds = int(match.group(1)) * _UNIT_SECONDS[match.group(2) or "s"]
    if seconds <= 0:
        raise ValueError("a duration must be positive")
    return seconds


Duration = Annotated[int, BeforeValidator(parse_duration)]


class ConfigError(Exception):
    """A configuration mistake, located: file, line (when known) and field."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, field: str = ""):
        self.path = Path(path)
        self.line = line
        self.field = field
        self.message = message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {field + ': ' if field else ''}{message}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


M = TypeVar("M", bound=BaseModel)


_SURPRISE = {"low": (5.0, 6.5, 9.0), "normal": (4.0, 5.0, 7.0), "high": (3.5, 4.5, 6.0)}


class DetectionSettings(_Strict):
    """How sensitive the radar is for a brand (docs/detection.md).

    The radar learns what is usual for the brand (its daily and weekly rhythm) and
    compares every window with it; these settings say how far from usual, and how
    many *more people than usual* posting negatively, each level needs. One angry
    customer posting fifty times is one person.
    """

    sensitivity: Literal["low", "normal", "high"] = "normal"
    watch_people: int = Field(5, ge=1)
    incident_people: int = Field(12, ge=1)
    crisis_people: int = Field(40, ge=1)
    crisis_reach: int = Field(250_000, ge=1)
    calm: Duration = 7200
    warmup: Duration = 86400
    warmup_mentions: int = Field(50, ge=0)
    coordination: bool = True
    # A slow decline of the reputation (the day's net sentiment this many points, of 200, below the
    # usual, with no wave) is a watch.
    reputation_watch: bool = True
    reputation_drop: float = Field(10.0, gt=0, le=100)
    # Expert settings: how surprising (in the brand's own usual deviations) each level must be;
    # by default they follow ``sensitivity``.
    z_watch: float | None = Field(None, gt=0)
    z_incident: float | None = Field(None, gt=0)
    z_crisis: float | None = Field(None, gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> DetectionSettings:
        if not self.watch_people <= self.incident_people <= self.crisis_people:
            raise ValueError("watch_people ≤ incident_people ≤ crisis_people must hold")
        zw, zi, zc = self.surprise
        if not zw <= zi <= zc:
            raise ValueError("z_watch ≤ z_incident ≤ z_crisis must hold")
        return self

    @property
    def surprise(self) -> tuple[float, float, float]:
        """The z each level needs: the expert settings, else the sensitivity's."""
        base = _SURPRISE[self.sensitivity]
        return (self.z_watch or base[0], self.z_incident or base[1], self.z_crisis or base[2])


_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


class BrandConfig(_Strict):
    id: str
    name: str = Field(min_length=1)
    query: str = Field(min_length=1)
    exclude: str | None = None
    languages: list[str] = Field(default_factory=lambda: ["es", "en"])
    own_accounts: list[str] = Field(default_factory=list)
    detection: DetectionSettings = DetectionSettings()

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SLUG.match(value):
            raise ValueError(f"a brand id is lowercase letters, digits, '-' or '_' (like 'vuelaya'); {value!r} is not")
        return value

    @field_validator("query", "exclude")
    @classmethod
    def _query(cls, value: str | None) -> str | None:
        from ascua.query import compile_query

        if value is not None:
            compile_query(value)  # raises QueryError (a ValueError) with position and hint
        return value

    @field_validator("own_accounts")
    @classmethod
    def _handles(cls, value: list[str]) -> list[str]:
        return [handle if handle.startswith("@") else "@" + handle for handle in value]


class SourceConfig(BaseModel):
    """A source: its name, its plugin ``type`` and the plugin's own options."""

    model_config = ConfigDict(extra="allow", frozen=True)
    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.:-]+$")
    type: str
    enabled: bool = True

    @property
    def options(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class AlertTarget(_Strict):
    """Where alert notifications go: an Apprise URL (mailto://, json://, slack://…)."""

    name: str
    url: str = Field(min_length=3, repr=False)
    min_level: str = "incident"

    @field_validator("min_level")
    @classmethod
    def _level(cls, value: str) -> str:
        if value not in ("watch", "incident", "crisis"):
            raise ValueError("min_level is one of watch, incident, crisis")
        return value


class AlertsConfig(_Strict):
    console: bool = True
    targets: list[AlertTarget] = Field(default_factory=list)
    # the SMTP server that e-mails the plan's people and stakeholders, as an Apprise URL
    # without 'to=' (mailtos://user:${SMTP_PASSWORD}@smtp.example.com?from=radar@example.com)
    email: str | None = Field(None, min_length=8, repr=False)
    retries: int = Field(3, ge=1, le=10)  # attempts per message before it counts as failed
    # the daily digest (docs/community.md): sent at this local time to the targets and the plan's team
    digest_at: str | None = Field(None, pattern=r"^([01]\d|2[0-3]):[0-5]\d$")

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("mailto://", "mailtos://")):
            raise ValueError("alerts.email is an Apprise e-mail URL: mailtos://user:password@host?from=address")
        return value


class WebConfig(_Strict):
    enabled: bool = True
    host: str = "127.0.0.1"
    port: int = Field(DEFAULT_PORT, ge=0, le=65535)
    # the address people reach the dashboard at, for the links in messages (behind a proxy)
    public_url: str | None = Field(None, pattern=r"^https?://")


class PipelineConfig(_Strict):
    batch_size: int = Field(500, ge=1, le=50_000)
    queue_size: int = Field(8, ge=1, le=1_000)
    windows: list[Duration] = Field(default_factory=lambda: [300, 3600, 86400])
    max_text_length: int = Field(65_536, ge=280)

    @field_validator("windows")
    @classmethod
    def _windows(cls, value: list[int]) -> list[int]:
        if not value:
            raise ValueError("at least one window is needed")
        return sorted(set(value))


class TransformersModelConfig(_Strict):
    """A local Hugging Face sentiment model folder (docs/models-byo.md); nothing is downloaded."""

    path: str = Field(min_length=1)
    batch_size: int = Field(32, ge=1, le=4_096)
    max_length: int = Field(128, ge=8, le=8_192)
    threads: int = Field(1, ge=1, le=256)
    labels: dict[str, str] | None = None

    @field_validator("labels")
    @classmethod
    def _labels(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        if value is None:
            return None
        for label, sentiment in value.items():
            if sentiment.strip().lower() not in ("negative", "neutral", "positive"):
                raise ValueError(f"the label {label!r} maps to {sentiment!r}; use negative, neutral or positive")
        return {label: sentiment.strip().lower() for label, sentiment in value.items()}


class AnalysisConfig(_Strict):
    """Which model answers the deep tier (the shipped one, or a model folder the user brings),
    and which posts it reads again, off the stream (docs/deep-tier.md)."""

    deep_model: str = "builtin"
    transformers: TransformersModelConfig | None = None
    deep_tier: bool = True
    deep_min_reach: int = Field(10_000, ge=0)
    deep_queue: int = Field(5_000, ge=16, le=1_000_000)
    deep_batch: int = Field(16, ge=1, le=1_024)

    @field_validator("deep_model")
    @classmethod
    def _deep_model(cls, value: str) -> str:
        if value not in ("builtin", "transformers"):
            raise ValueError("deep_model is 'builtin' (the shipped deep tier) or 'transformers' (your own model)")
        return value

    @model_validator(mode="after")
    def _needs_path(self) -> AnalysisConfig:
        if self.deep_model == "transformers" and self.transformers is None:
            raise ValueError("deep_model: transformers needs a transformers: section with the path of the model folder")
        return self


class RewriteConfig(_Strict):
    """Optional: a language model behind an OpenAI-compatible endpoint (a local server, for
    example) that proposes rewrites of a statement. Everything works without it."""

    url: str = Field(pattern=r"^https?://")
    model: str = Field(min_length=1)
    api_key: str | None = Field(None, repr=False)
    timeout: float = Field(60.0, gt=0, le=600)


class WorkspaceConfig(_Strict):
    version: int = 1
    name: str = "Ascua"
    language: str = "es"
    timezone: str = "Europe/Madrid"
    database: str | None = Field(None, repr=False)
    plan: str = PLAN_FILE
    brands: list[BrandConfig] = Field(default_factory=list)
    sources: list[SourceConfig] = Field(default_factory=list)
    alerts: AlertsConfig = AlertsConfig()
    web: WebConfig = WebConfig()
    pipeline: PipelineConfig = PipelineConfig()
    analysis: AnalysisConfig = AnalysisConfig()
    rewrite: RewriteConfig | None = None

    @field_validator("version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value != 1:
            raise ValueError("this Ascua reads version 1 of ascua.yaml")
        return value

    @field_validator("language")
    @classmethod
    def _language(cls, value: str) -> str:
        if value not in ("es", "en"):
            raise ValueError("language is 'es' or 'en'")
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}; use a name like Europe/Madrid") from None
        return value

    @model_validator(mode="after")
    def _unique_names(self) -> WorkspaceConfig:
        for kind, names in (
            ("brand id", [brand.id for brand in self.brands]),
            ("source name", [source.name for source in self.sources]),
        ):
            seen: set[str] = set()
            for name in names:
                if name in seen:
                    raise ValueError(f"the {kind} {name!r} is used twice")
                seen.add(name)
        return self

    def brand(self, brand_id: str) -> BrandConfig:
        for brand in self.brands:
            if brand.id == brand_id:
                return brand
        known = ", ".join(b.id for b in self.brands) or "none"
        raise KeyError(f"no brand {brand_id!r} in the workspace (brands: {known})")


@dataclass
class Workspace:
    """A loaded workspace: where it is and what its ``ascua.yaml`` says.

    ``config`` is what the running radar uses: :class:`ascua.reload.ConfigWatch` replaces it
    when a brand's query changes in the file while the radar runs.
    """

    root: Path
    config: WorkspaceConfig

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def plan_path(self) -> Path:
        return (self.root / self.config.plan).resolve()

    @property
    def database_url(self) -> str:
        """``ASCUA_DATABASE_URL``, else the config's ``database``, else SQLite in the workspace."""
        url = os.environ.get("ASCUA_DATABASE_URL") or self.config.database
        if url:
            return url
        return f"sqlite:///{(self.root / 'ascua.db').resolve()}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.config.timezone)


def load_workspace(root: Path | str = ".") -> Workspace:
    """Read and validate ``ROOT/ascua.yaml``; raise :class:`ConfigError` on any mistake."""
    root = Path(root).resolve()
    path = root / CONFIG_FILE
    if not path.is_file():
        raise ConfigError(
            path,
            f"no {CONFIG_FILE} here. Create a workspace with 'ascua init {root}' or point to one with --workspace.",
        )
    return Workspace(root=root, config=parse_config(path.read_bytes(), path))


def parse_config(data: bytes, path: Path) -> WorkspaceConfig:
    """Validate the bytes of an ``ascua.yaml``, locating every error in the file."""
    raw, lines = read_located_yaml(data, path, "'ascua init' writes a complete example")
    raw = _expand_env(raw, (), lines, path)
    try:
        config = WorkspaceConfig.model_validate(raw)
    except ValidationError as error:
        raise _located(error, path, lines, ()) from None
    _validate_source_options(config, path, lines)
    return config


Lines = dict[tuple[str | int, ...], int]


def read_located_yaml(data: bytes, path: Path, example: str) -> tuple[dict[str, Any], Lines]:
    """A YAML mapping, and the line of every key and item in it (for errors that say where).

    ``example`` says where a complete file comes from, for an empty one.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ConfigError(path, "the file is not valid UTF-8", line=line) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise ConfigError(path, f"not valid YAML: {problem}", line=mark.line + 1 if mark else None) from None
    if node is None:
        raise ConfigError(path, f"the file is empty; {example}")
    lines: Lines = {}
    raw = _to_python(node, (), lines, path)
    if not isinstance(raw, dict):
        raise ConfigError(path, "the top level must be a mapping (key: value)", line=1)
    return raw, lines


def validate_located(model: type[M], raw: dict[str, Any], lines: Lines, path: Path) -> M:
    """``model`` validated from ``raw``; a mistake is a :class:`ConfigError` with its line and field."""
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise _located(error, path, lines, ()) from None


def _validate_source_options(config: WorkspaceConfig, path: Path, lines: dict[tuple[str | int, ...], int]) -> None:
    from ascua.sources import SourceUnavailable, source_class

    for index, source in enumerate(config.sources):
        prefix: tuple[str | int, ...] = ("sources", index)
        try:
            plugin = source_class(source.type)
        except SourceUnavailable as error:
            raise ConfigError(
                path, str(error), line=lines.get((*prefix, "type")), field=_dotted((*prefix, "type"))
            ) from None
        try:
            plugin.Options.model_validate(source.options)
        except ValidationError as error:
            raise _located(error, path, lines, prefix) from None


def _located(
    error: ValidationError,
    path: Path,
    lines: dict[tuple[str | int, ...], int],
    prefix: tuple[str | int, ...],
) -> ConfigError:
    first = error.errors()[0]
    loc = prefix + tuple(part for part in first["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = "unknown field (check its spelling; 'ascua init' shows every field)"
    elif first["type"] == "missing":
        message = "this field is required"
    line = None
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            line = lines[loc[:cut]]
            break
    more = len(error.errors()) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return ConfigError(path, message, line=line, field=_dotted(loc))


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _to_python(
    node: yaml.Node, path: tuple[str | int, ...], lines: dict[tuple[str | int, ...], int], file: Path
) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = yaml.SafeLoader(stream="").construct_object(key_node)
            key = str(key)
            if key in result:
                raise ConfigError(
                    file, "this key appears twice", line=key_node.start_mark.line + 1, field=_dotted((*path, key))
                )
            result[key] = _to_python(value_node, (*path, key), lines, file)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*path, index), lines, file) for index, item in enumerate(node.value)]
    return yaml.SafeLoader(stream="").construct_object(node)


_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _expand_env(value: Any, path: tuple[str | int, ...], lines: dict[tuple[str | int, ...], int], file: Path) -> Any:
    """Replace ``${NAME}`` with environment variables, so secrets stay out of the file."""
    if isinstance(value, dict):
        return {key: _expand_env(item, (*path, key), lines, file) for key, item in value.items()}
    if isinstance(value, list):
        return [_expand_env(item, (*path, index), lines, file) for index, item in enumerate(value)]
    if isinstance(value, str) and "${" in value:

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in os.environ:
                raise ConfigError(
                    file, f"the environment variable {name} is not set", line=lines.get(path), field=_dotted(path)
                )
            return os.environ[name]

        return _ENV.sub(replace, value)
    return value


def example_files() -> dict[str, str]:
    """The example ``ascua.yaml`` and ``plan.yaml`` that ``ascua init`` writes."""
    folder = resources.files("ascua") / "examples"
    return {name: (folder / name).read_text(encoding="utf-8") for name in (CONFIG_FILE, PLAN_FILE)}


def init_workspace(root: Path | str, *, force: bool = False) -> list[Path]:
    """Create a workspace with the example configuration and plan.

    Existing files are kept unless ``force`` is set; the written paths are returned.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    written = []
    texts = example_files()
    for name in texts:
        target = root / name
        if target.exists() and not force:
            raise FileExistsError(f"{target} already exists; use --force to overwrite it")
        written.append(target)
    for target in written:
        target.write_text(texts[target.name], encoding="utf-8")
    return written
