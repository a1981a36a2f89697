"""The ``ascua`` command. Each command parses, calls one function of the radar, and prints.

Exit codes scripts can rely on (docs/cli.md): 0 done; 1 failed; 2 wrong usage or
configuration; 3 done, but some rows were rejected; 4 the workspace is busy (another
radar or import is writing to it); 130 interrupted (Ctrl-C), after flushing.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from ascua import __version__
from ascua.config import ConfigError, Workspace, init_workspace, load_workspace, parse_duration
from ascua.i18n import N_, language_from_environment, translator

if TYPE_CHECKING:
    from ascua.detect.series import SeriesReport

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL, EXIT_BUSY, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130

app = typer.Typer(
    name="ascua",
    help="Ascua: a self-hosted social media crisis radar.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
scenario_app = typer.Typer(help="The built-in scenario: realistic mentions with a known truth.", no_args_is_help=True)
app.add_typer(scenario_app, name="scenario")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

WorkspaceOption = Annotated[
    Path,
    typer.Option(
        "--workspace",
        "-w",
        envvar="ASCUA_WORKSPACE",
        help="The workspace folder (holding ascua.yaml).",
        show_default="current folder",
    ),
]


def _(message: str) -> str:
    return translator(language_from_environment("en")).gettext(message)


def fail(message: str, code: int = EXIT_FAILED) -> NoReturn:
    err.print(Text(_("error: {message}").format(message=message), style="red"))
    raise typer.Exit(code)


@contextmanager
def errors_for_people() -> Iterator[None]:
    """Turn the errors a user can cause into one clear line and an exit code."""
    from ascua.store.database import DatabaseError
    from ascua.store.lock import WorkspaceBusy

    try:
        yield
    except ConfigError as error:
        fail(str(error), EXIT_USAGE)
    except WorkspaceBusy as error:
        fail(str(error), EXIT_BUSY)
    except DatabaseError as error:
        fail(str(error))
    except FileNotFoundError as error:
        fail(str(error).strip("'\""), EXIT_USAGE)


def _workspace(path: Path) -> Workspace:
    return load_workspace(path)


def _version(value: bool) -> None:
    if value:
        out.print(f"ascua {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens inside.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for chatty in ("httpx", "httpcore"):  # they log every address, and some carry a token (Graph API)
        logging.getLogger(chatty).setLevel(logging.WARNING)


# --- init ----------------------------------------------------------------------------------


@app.command()
def init(
    directory: Annotated[
        Path | None, typer.Argument(help="Folder to create the workspace in.", show_default=False)
    ] = None,
    workspace: WorkspaceOption = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Overwrite ascua.yaml and plan.yaml if they exist.")] = False,
) -> None:
    """Create a workspace: an example ascua.yaml (brands, sources, alert targets) and crisis plan."""
    directory = directory or workspace
    try:
        written = init_workspace(directory, force=force)
    except FileExistsError as error:
        fail(str(error), EXIT_USAGE)
    for path in written:
        out.print(_("wrote {path}").format(path=path))
    out.print(_("Next: edit ascua.yaml, then run 'ascua run --workspace {folder}'.").format(folder=directory))


# --- run and serve -------------------------------------------------------------------------


@app.command()
def run(
    workspace: WorkspaceOption = Path("."),
    web: Annotated[bool, typer.Option("--web/--no-web", help="Serve the dashboard.")] = True,
    host: Annotated[str | None, typer.Option(help="Dashboard address (default: web.host in ascua.yaml).")] = None,
    port: Annotated[
        int | None, typer.Option(help="Dashboard port (default: web.port in ascua.yaml; 0 = any free port).")
    ] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Run only this source (repeatable).")] = None,
    duration: Annotated[
        str | None, typer.Option(help="Stop after this long (e.g. 90s, 10m); default: until Ctrl-C.")
    ] = None,
    speed: Annotated[
        float | None, typer.Option(help="Scenario sources: simulated seconds per real second.", min=1, max=100_000)
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Scenario sources: the random seed (a new workspace only).")] = None,
) -> None:
    """Run the radar: collect from every source, analyse, detect, alert, and serve the dashboard."""
    from ascua.radar import Radar
    from ascua.runtime import RadarRun

    with errors_for_people():
        ws = _workspace(workspace)
        seconds = parse_duration(duration) if duration else None
        scenario = {name: value for name, value in (("speed", speed), ("seed", seed)) if value is not None}
        if scenario and not any(s.type == "scenario" for s in ws.config.sources):
            fail(_("--speed and --seed apply to scenario sources, and this workspace has none"), EXIT_USAGE)
        with Radar.open(ws) as radar:
            code = RadarRun(
                radar,
                out,
                err,
                web=web,
                host=host,
                port=port,
                only=source or [],
                duration=seconds,
                overrides={"scenario": scenario},
            ).start()
    raise typer.Exit(code)


@app.command()
def serve(
    workspace: WorkspaceOption = Path("."),
    host: Annotated[str | None, typer.Option(help="Address (default: web.host in ascua.yaml).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: web.port in ascua.yaml).")] = None,
) -> None:
    """Serve the dashboard alone, on what is stored (no collection)."""
    from ascua.radar import Radar
    from ascua.runtime import RadarRun

    with errors_for_people():
        ws = _workspace(workspace)
        with Radar.open(ws) as radar:
            code = RadarRun(radar, out, err, web=True, host=host, port=port, collect=False).start()
    raise typer.Exit(code)


# --- import --------------------------------------------------------------------------------


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A CSV or JSONL file of mentions.", show_default=False)],
    workspace: WorkspaceOption = Path("."),
    file_format: Annotated[
        str | None, typer.Option("--format", help="csv or jsonl (default: from the file name).")
    ] = None,
    map_: Annotated[
        list[str] | None, typer.Option("--map", help="FIELD=COLUMN, e.g. --map text=body (repeatable).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Network of rows that do not say (default: import).")] = None,
    brand: Annotated[
        str | None, typer.Option(help="Assign every row to this brand instead of matching queries.")
    ] = None,
    raw: Annotated[bool, typer.Option("--raw", help="Store only: no brand matching, analysis or detection.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Store nothing if any row is wrong.")] = False,
    batch_size: Annotated[int | None, typer.Option(help="Mentions per transaction.", min=1, max=50_000)] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Processes that read and analyse rows while this one stores (default: cores-1).", min=0, max=32
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    preset: Annotated[
        str | None,
        typer.Option(
            help="The export of another tool: x-v2 (X API v2 JSON), graph (Facebook/Instagram Graph API "
            "JSON) or listening (a listening tool's CSV). See docs/mention-schema.md."
        ),
    ] = None,
) -> None:
    """Import mentions from a file through the whole pipeline, in their time order."""
    from ascua.importer import ImportOptions, import_async
    from ascua.radar import Radar
    from ascua.respond.notify import ConsoleNotifier
    from ascua.runtime import run_until_stopped
    from ascua.sources.files import MappingError, parse_mapping

    if file_format not in (None, "csv", "jsonl"):
        fail(_("--format is csv or jsonl"), EXIT_USAGE)
    from ascua.sources.presets import PRESETS

    if preset is not None and preset not in PRESETS:
        fail(_("--preset is one of {names}").format(names=", ".join(PRESETS)), EXIT_USAGE)
    with errors_for_people():
        ws = _workspace(workspace)
        try:
            mapping = parse_mapping(map_ or [])
        except MappingError as error:
            fail(str(error), EXIT_USAGE)
        options = ImportOptions(
            format=file_format,  # type: ignore[arg-type]
            mapping=mapping,
            source=source,
            brand=brand,
            raw=raw,
            strict=strict,
            batch_size=batch_size,
            workers=workers,
            preset=preset,
        )
        with Radar.open(ws) as radar:
            if brand is not None and brand not in radar.brand_ids:
                fail(
                    _("no brand {brand!r} in the workspace (brands: {known})").format(
                        brand=brand, known=", ".join(radar.brand_ids)
                    ),
                    EXIT_USAGE,
                )
            translations = radar.translations
            notifiers: list[Any] = [] if raw else [ConsoleNotifier(err, translations, radar.link, ws.zone),
                                                   radar.escalation(translations)]  # fmt: skip
            with _progress(quiet) as progress:
                try:
                    report = run_until_stopped(
                        lambda stop: import_async(
                            radar, file, options, progress=progress, stop=stop, notifiers=notifiers
                        ),
                        on_stop=lambda: err.print(_("Stopping: storing the rows already read…")),
                    )
                except MappingError as error:
                    fail(str(error), EXIT_USAGE)
    _print_import(report, raw)
    if report.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    if report.problems:
        raise typer.Exit(EXIT_FAILED if strict else EXIT_PARTIAL)


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    if quiet or not err.is_terminal:
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def update(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(_("checking rows") if phase == "check" else _("importing"), total=total)
            bar.update(tasks[phase], completed=done, total=total)

        yield update


def _print_import(report: Any, raw: bool) -> None:
    if report.stored_nothing_because:
        err.print(Text(report.stored_nothing_because, style="yellow"))
    shown = 20
    for problem in report.problems[:shown]:
        err.print(Text(str(problem), style="red"))
    if len(report.problems) > shown:
        err.print(_("… and {n} more rejected rows").format(n=len(report.problems) - shown))
    for warning in report.warnings[:shown]:
        err.print(Text(_("warning: {warning}").format(warning=warning), style="yellow"))
    if len(report.warnings) > shown:
        err.print(_("… and {n} more warnings").format(n=len(report.warnings) - shown))
    summary = _(
        "{path}: {rows} rows, {new} new mentions stored, {dup} already stored, {bad} rejected, "
        "in {secs:.1f} s ({rate:,.0f} mentions/s)."
    ).format(
        path=report.path,
        rows=f"{report.rows:,}",
        new=f"{report.inserted:,}",
        dup=f"{report.duplicates:,}",
        bad=f"{len(report.problems):,}",
        secs=report.seconds,
        rate=report.rate,
    )
    out.print(summary)
    if not raw:
        if report.unmatched:
            out.print(
                _("{n} rows matched no brand query and were not stored (use --brand or --raw to keep them).").format(
                    n=f"{report.unmatched:,}"
                )
            )
        if report.brands:
            out.print(
                _("New mentions per brand: {counts}.").format(
                    counts=", ".join(f"{b} {n:,}" for b, n in report.brands.most_common())
                )
            )
        if report.alerts:
            out.print(_("{n} alert changes (shown above); see 'ascua status'.").format(n=len(report.alerts)))
    if report.interrupted:
        out.print(_("Interrupted: what was read is stored; run the same command again to finish."))


# --- backtest ------------------------------------------------------------------------------


@app.command()
def backtest(
    series: Annotated[
        Path | None,
        typer.Argument(
            help="A CSV count series with the columns timestamp,value ('-' for standard input).", show_default=False
        ),
    ] = None,
    out_file: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write timestamp,value,score,level here (default: standard output)."),
    ] = None,
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace", "-w", help="Replay this workspace's stored mentions instead of a series.", show_default=False
        ),
    ] = None,
    brand: Annotated[
        str | None, typer.Option("--brand", "-b", help="The brand whose mentions to replay (with --workspace).")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No summary or warnings on standard error (rejected rows still).")
    ] = False,
) -> None:
    """Score a count series row by row, as the radar would have seen it (docs/backtest.md)."""
    if series is not None and workspace is not None:
        fail(_("give a series file or --workspace, not both"), EXIT_USAGE)
    if series is None and workspace is None:
        fail(_("give a series file (ascua backtest SERIES.csv) or --workspace DIR --brand ID"), EXIT_USAGE)
    if workspace is not None:
        _backtest_workspace(workspace, brand)
        return
    assert series is not None
    if brand is not None:
        fail(_("--brand goes with --workspace: a series file is a single series"), EXIT_USAGE)
    report = _backtest_series(series, out_file)
    _print_backtest(report, quiet)
    if report.rejected:
        raise typer.Exit(EXIT_PARTIAL)


def _backtest_workspace(path: Path, brand: str | None) -> None:
    if brand is None:
        fail(_("--workspace needs --brand ID: the brand whose mentions to replay"), EXIT_USAGE)
    with errors_for_people():
        ws = _workspace(path)
        from ascua.detect.replay import backtest_workspace

        try:
            report = backtest_workspace(ws, brand)
        except LookupError as error:
            fail(str(error).strip("'\""), EXIT_USAGE)
    out.print_json(json.dumps(report.as_json(), default=str, ensure_ascii=False))


def _backtest_series(series: Path, out_file: Path | None) -> SeriesReport:
    """Stream ``series`` through the series detector into ``out_file`` (standard output if None or '-')."""
    from ascua.detect.series import SeriesFormatError, backtest_csv

    from_stdin = str(series) == "-"
    target = None if out_file is None or str(out_file) == "-" else out_file
    if not from_stdin and not series.is_file():
        fail(_("{path}: no such file").format(path=series), EXIT_USAGE)
    if not from_stdin and target is not None and target.exists() and target.samefile(series):
        fail(_("--out {path} is the series itself: write the scores to another file").format(path=target), EXIT_USAGE)
    try:
        with _text_in(None if from_stdin else series) as source, _text_out(target) as (sink, commit):
            try:
                report = backtest_csv(source, sink, "stdin" if from_stdin else str(series))
            except SeriesFormatError as error:
                fail(str(error), EXIT_USAGE)
            except KeyboardInterrupt:
                fail(_("interrupted before the end of the series"), EXIT_INTERRUPTED)
            except BrokenPipeError:
                raise
            except OSError as error:  # a full disk, a vanished folder…
                fail(_("cannot write the scores: {error}").format(error=error))
            commit()
    except BrokenPipeError:  # `ascua backtest s.csv | head`: the reader has what it wanted
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_OK) from None
    return report


@contextmanager
def _text_in(path: Path | None) -> Iterator[TextIO]:
    """A CSV to read: ``path``, or standard input; every byte decodes (bad UTF-8 is kept as it was)."""
    if path is not None:
        with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
            yield handle
        return
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        yield sys.stdin
        return
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        yield wrapper
    finally:
        wrapper.detach()


@contextmanager
def _text_out(path: Path | None) -> Iterator[tuple[TextIO, Callable[[], None]]]:
    """A CSV to write and its ``commit``: a file appears whole only when committed; None is standard output."""
    if path is None:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            yield sys.stdout, sys.stdout.flush
            return
        wrapper = io.TextIOWrapper(buffer, encoding="utf-8", errors="surrogateescape", newline="")
        try:
            yield wrapper, wrapper.flush
        finally:
            with contextlib.suppress(BrokenPipeError, ValueError):
                wrapper.flush()
            wrapper.detach()
        return
    if path.exists() and not path.is_file():  # /dev/null, a named pipe…: written in place, never replaced
        try:
            special = path.open("w", encoding="utf-8", errors="surrogateescape", newline="")
        except OSError as error:
            fail(_("{path}: cannot write there ({error})").format(path=path, error=error.strerror), EXIT_USAGE)
        with special:
            yield special, special.flush
        return
    temporary = path.parent / f".{path.name}.{os.getpid()}.part"
    try:
        sink = temporary.open("w", encoding="utf-8", errors="surrogateescape", newline="")
    except OSError as error:
        fail(_("{path}: cannot write there ({error})").format(path=path, error=error.strerror), EXIT_USAGE)
    committed = False

    def commit() -> None:
        nonlocal committed
        sink.close()
        os.replace(temporary, path)
        committed = True

    try:
        yield sink, commit
    finally:
        if not committed:
            sink.close()
            temporary.unlink(missing_ok=True)


def _print_backtest(report: SeriesReport, quiet: bool) -> None:
    from ascua.detect.series import DEFAULT_INTERVAL, describe_interval

    shown = 20
    for problem in report.problems[:shown]:
        err.print(Text(problem, style="red"))
    if report.rejected > shown:
        err.print(_("… and {n} more rejected rows").format(n=f"{report.rejected - shown:,}"))
    if quiet:
        return
    for warning in report.warnings[:shown]:
        err.print(Text(_("warning: {warning}").format(warning=warning), style="yellow"))
    if report.warned > shown:
        err.print(_("… and {n} more warnings").format(n=f"{report.warned - shown:,}"))
    if report.interval is None:
        every = _("at an unknown interval (assumed {interval})").format(interval=describe_interval(DEFAULT_INTERVAL))
    else:
        every = _("every {interval}").format(interval=describe_interval(report.interval))
    levels = report.levels
    err.print(
        _(
            "{path}: {rows} rows {every}; normal {normal}, watch {watch}, incident {incident}, crisis {crisis}; "
            "{episodes} alert episodes ({serious} reached incident or crisis)."
        ).format(
            path=report.name,
            rows=f"{report.rows:,}",
            every=every,
            normal=f"{levels['normal']:,}",
            watch=f"{levels['watch']:,}",
            incident=f"{levels['incident']:,}",
            crisis=f"{levels['crisis']:,}",
            episodes=f"{report.episodes:,}",
            serious=f"{report.serious_episodes:,}",
        )
    )
    if report.rejected:
        err.print(_("{n} rows rejected: written back with an empty score and level.").format(n=f"{report.rejected:,}"))


# --- scenario ------------------------------------------------------------------------------


@scenario_app.command("export")
def scenario_export(
    mentions: Annotated[int, typer.Option("--mentions", "-n", min=1, help="How many mentions to write.")] = 10_000,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same file.")] = 7,
    out_file: Annotated[
        Path, typer.Option("--out", "-o", help="The JSONL file to write ('-' for standard output).")
    ] = Path("-"),
    start: Annotated[str, typer.Option(help="Time of the first mention (ISO 8601, UTC).")] = "2026-01-05T00:00:00Z",
    waves: Annotated[str, typer.Option(help="'auto' (about one every nine days, varied) or 'none'.")] = "auto",
    truth: Annotated[Path | None, typer.Option(help="Also write the waves' ground truth (JSON) here.")] = None,
    rate: Annotated[
        float, typer.Option(help="Volume multiplier (1 = about 1,600 mentions a day).", min=0.01, max=1000)
    ] = 1.0,
    brand: Annotated[
        list[str] | None, typer.Option("--brand", "-b", help="Only these brands (vuelaya, frutalia, conectia).")
    ] = None,
) -> None:
    """Write scenario mentions in Ascua's JSONL mention schema (docs/mention-schema.md)."""
    from ascua.scenario.export import export
    from ascua.scenario.generator import BASE_RATE

    unknown = [name for name in brand or [] if name not in BASE_RATE]
    if unknown:
        fail(_("--brand {names}: the scenario's brands are {known}").format(
            names=", ".join(unknown), known=", ".join(BASE_RATE)), EXIT_USAGE)  # fmt: skip

    try:
        begin = datetime.fromisoformat(start.replace("Z", "+00:00"))
    except ValueError:
        fail(_("--start {value!r} is not an ISO 8601 time like 2026-01-05T00:00:00Z").format(value=start), EXIT_USAGE)
    if begin.tzinfo is None:
        begin = begin.replace(tzinfo=UTC)
    if waves not in ("auto", "none"):
        fail(_("--waves is auto or none"), EXIT_USAGE)
    stream = sys.stdout.buffer if str(out_file) == "-" else None
    result = export(
        mentions,
        seed=seed,
        start=begin,
        rate=rate,
        waves=waves == "auto",
        out=out_file if stream is None else stream,
        brands=tuple(dict.fromkeys(brand)) if brand else ("vuelaya", "frutalia", "conectia"),
    )
    if truth is not None:
        truth.write_text(
            json.dumps([wave.as_json() for wave in result.truth], indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    if stream is None:
        err.print(
            _("wrote {n} mentions ({first} to {last}) with {w} waves to {path}").format(
                n=f"{result.count:,}",
                first=f"{result.first:%Y-%m-%d}",
                last=f"{result.last:%Y-%m-%d}",
                w=len(result.truth),
                path=out_file,
            )
        )


# --- explain -------------------------------------------------------------------------------


@app.command()
def explain(
    alert_id: Annotated[int, typer.Argument(help="The alert's number (ascua status lists the open ones).")],
    workspace: WorkspaceOption = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Where an alert's wave started, why, and who is spreading it (docs/explain.md).

    Computed now from the stored posts, for an alert of any level, open or resolved.
    """
    from ascua.explain.store import explain_alert
    from ascua.radar import Radar

    with errors_for_people():
        ws = _workspace(workspace)
        with Radar.open(ws) as radar, radar.database.engine.connect() as connection:
            names = {brand.id: brand.name for brand in ws.config.brands}
            explanation = explain_alert(connection, alert_id, brand_names=names)
            translations = radar.translations
    if explanation is None:
        fail(_("there is no alert #{id} in this workspace").format(id=alert_id), EXIT_USAGE)
    data = explanation.as_json()
    if as_json:
        out.print_json(json.dumps({"alert_id": alert_id, **data}, default=str, ensure_ascii=False))
        return
    from ascua.explain.text import long_form

    gettext = translations.gettext
    out.print(Text(gettext("Alert #{id} · {brand}").format(id=alert_id, brand=names.get(data["brand"], data["brand"])),
                   style="bold"))  # fmt: skip
    for style, line in long_form(data, gettext, ws.zone):
        out.print(Text(line, style=style))


# --- statement check ---------------------------------------------------------------------

statement_app = typer.Typer(help="Crisis statements: check a draft against the principles of an honest response.",
                            no_args_is_help=True)  # fmt: skip
app.add_typer(statement_app, name="statement")

_MARK = {"met": ("✓", "green"), "missing": ("–", "yellow"), "violated": ("✗", "bold red")}
N_("met"), N_("missing"), N_("violated")  # the statuses, translated where shown


def _statement_text(text: str | None, file: Path | None) -> str:
    if text is not None and file is not None:
        fail(_("give the text or --file, not both"), EXIT_USAGE)
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except FileNotFoundError:
            fail(_("{path}: no such file").format(path=file), EXIT_USAGE)
        except UnicodeDecodeError as error:
            fail(_("{path}: not UTF-8 text (byte {at})").format(path=file, at=error.start), EXIT_USAGE)
        except OSError as error:
            fail(f"{file}: {error.strerror}", EXIT_USAGE)
    if text is not None:
        return text
    if sys.stdin.isatty():
        fail(_("give the statement as an argument, with --file, or on standard input"), EXIT_USAGE)
    return sys.stdin.read()


def _check(text: str | None, file: Path | None, lang: str) -> Any:
    from ascua.respond.statement import StatementError, check_statement

    if lang not in ("es", "en", "auto"):
        fail(_("--lang is es, en or auto"), EXIT_USAGE)
    try:
        return check_statement(_statement_text(text, file), lang)
    except StatementError as error:
        fail(str(error), EXIT_USAGE)


def _print_check(report: Any, only_problems: bool = False, to: Console = out) -> None:
    from ascua.respond.statement import PRINCIPLE_NAMES

    for name, verdict in report.principles.items():
        if only_problems and verdict.status != "violated":
            continue
        mark, style = _MARK[verdict.status]
        line = Text()
        line.append(f"{mark} ", style=style)
        line.append(f"{_(PRINCIPLE_NAMES[name])}: {_(verdict.status)}", style=style if verdict.status != "met" else "")
        if verdict.evidence:
            line.append("  «" + "», «".join(verdict.evidence) + "»", style="dim")
        to.print(line)


@statement_app.command("check")
def statement_check(
    text: Annotated[str | None, typer.Argument(help="The statement (default: --file or standard input).")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the statement from this file.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="es, en or auto.")] = "auto",
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON: the nine principles, each status and evidence.")
    ] = False,
) -> None:
    """Check a crisis statement: admits the error, apologises, explains, acts with a time frame, prevents,
    honest, on the record, human (docs/statement.md)."""
    report = _check(text, file, lang)
    if as_json:
        out.print_json(json.dumps(report.as_json(), ensure_ascii=False))
        return
    _print_check(report)
    out.print(_("{met} of 9 principles met, {violated} violated ({lang}).").format(
        met=report.met, violated=report.violated, lang=report.lang))  # fmt: skip


@statement_app.command("draft")
def statement_draft(
    alert_id: Annotated[int, typer.Argument(help="The alert whose wave the statement answers.")],
    workspace: WorkspaceOption = Path("."),
    lang: Annotated[str | None, typer.Option("--lang", help="es or en (default: the workspace's language).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: the draft and its check.")] = False,
) -> None:
    """A first statement for an alert, from its explanation and the plan's holding statement, checked
    against the nine principles: [brackets] mark the facts only the team can write."""
    from datetime import timedelta

    from ascua.config import ConfigError
    from ascua.explain.store import explain_alert, stored_explanation
    from ascua.radar import Radar
    from ascua.respond.plan import load_plan
    from ascua.respond.statement import check_statement, draft_statement, without_placeholders

    with errors_for_people():
        ws = _workspace(workspace)
        language = lang or ws.config.language
        if language not in ("es", "en"):
            fail(_("--lang is es or en"), EXIT_USAGE)
        with Radar.open(ws) as radar, radar.database.engine.connect() as connection:
            data = stored_explanation(connection, alert_id)
            if data is None:
                names = {brand.id: brand.name for brand in ws.config.brands}
                computed = explain_alert(connection, alert_id, brand_names=names)
                data = computed.as_json() if computed is not None else None
    if data is None:
        fail(_("there is no alert #{id} in this workspace").format(id=alert_id), EXIT_USAGE)
    template = None
    try:
        template = load_plan(ws.plan_path).templates.get(language, {}).get("holding_statement")
    except ConfigError as error:
        err.print(Text(_("the plan is not used: {error}").format(error=error), style="yellow"))
    zone = ws.zone
    origin = data.get("origin") or {}
    first = datetime.fromisoformat(str(origin.get("first_at") or data["start"]).replace("Z", "+00:00")).astimezone(zone)
    now = datetime.now(zone)
    since = f"{first:%H:%M}" if first.date() == now.date() else f"{first:%d/%m %H:%M}"
    update = (now + timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
    draft = draft_statement(data, language, since=since, time=f"{update:%H:%M}", template=template)
    report = check_statement(without_placeholders(draft), language)  # what it says so far
    if as_json:
        out.print_json(json.dumps({"alert_id": alert_id, "lang": language, "draft": draft, "check": report.as_json()},
                                  ensure_ascii=False))  # fmt: skip
        return
    out.print(Text(draft))
    # the check goes to standard error, so that 'ascua statement draft ID > draft.txt' keeps the text alone
    err.print()
    _print_check(report, to=err)


@app.command("check-post")
def check_post(
    text: Annotated[str | None, typer.Argument(help="The post (default: --file or standard input).")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the post from this file.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="es, en or auto.")] = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (the same fields as statement check).")] = False,
) -> None:
    """Check a brand post before publishing: what would start a crisis (blame, evasion, off the record,
    a conditional apology, a cold, defensive or aggressive tone). Exits with 1 when it finds any."""
    report = _check(text, file, lang)
    if as_json:
        out.print_json(json.dumps(report.as_json(), ensure_ascii=False))
    elif report.violated:
        _print_check(report, only_problems=True)
    else:
        out.print(Text(_("✓ nothing in this post breaks a principle of the crisis plan."), style="green"))
    if report.violated:
        raise typer.Exit(EXIT_FAILED)


# --- plan ------------------------------------------------------------------------------

plan_app = typer.Typer(help="The crisis plan (plan.yaml): who does what when a wave hits.", no_args_is_help=True)
app.add_typer(plan_app, name="plan")
_SEVERITY = {"critical": ("✗", "bold red"), "important": ("!", "yellow"), "minor": ("·", "dim")}
N_("critical"), N_("important"), N_("minor")  # the severities, translated where shown


@plan_app.command("check")
def plan_check(
    workspace: WorkspaceOption = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: the score and every finding.")] = False,
) -> None:
    """How ready the crisis plan is: what is missing, how to fix it, and a score out of 100 (docs/plan.md)."""
    from ascua.respond.plan import workspace_readiness

    with errors_for_people():
        ws = _workspace(workspace)
        report = workspace_readiness(ws, datetime.now(ws.zone).date())
    if as_json:
        out.print_json(json.dumps({"plan": str(ws.plan_path), **report.as_json()}, ensure_ascii=False))
        return
    gettext = translator(language_from_environment(ws.config.language)).gettext
    out.print(Text(gettext("Crisis plan {path}: readiness {score}/100").format(path=ws.plan_path, score=report.score),
                   style="bold"))  # fmt: skip
    for finding in report.findings:
        mark, style = _SEVERITY[finding.severity]
        problem, fix = finding.said(gettext)
        out.print(Text.assemble((f"{mark} ", style), (f"{gettext(finding.severity)}: ", style), problem,
                                (f"  [{finding.field}]", "dim")))  # fmt: skip
        out.print(Text("    → " + fix, style="dim"))
    if not report.findings:
        out.print(Text(gettext("Nothing missing: the plan is ready."), style="green"))


@plan_app.command("schema")
def plan_schema_command() -> None:
    """Print the JSON Schema of plan.yaml (for editors and validators; docs/plan.schema.json)."""
    from ascua.respond.plan import plan_schema

    out.print_json(json.dumps(plan_schema(), ensure_ascii=False))


# --- status --------------------------------------------------------------------------------


@app.command()
def status(
    workspace: WorkspaceOption = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What is stored: mentions per brand, sources and their health, open alerts."""
    from ascua.radar import Radar
    from ascua.status import workspace_status

    with errors_for_people():
        ws = _workspace(workspace)
        with Radar.open(ws) as radar:
            report = workspace_status(radar.workspace, radar.database)
    if as_json:
        out.print_json(json.dumps(report, default=str))
        return
    _print_status(report)


def _print_status(report: dict[str, Any]) -> None:
    from ascua.model import Level

    out.print(Text(_("Workspace: {path}  ·  database: {url}").format(path=report["workspace"], url=report["database"])))
    counts = report["counts"]
    out.print(_("{m} mentions stored, {a} analysed.").format(m=f"{counts['mentions']:,}", a=f"{counts['analysed']:,}"))
    deep = report["deep_tier"]
    if deep["running"]:
        line = _("Deep tier: {n} posts read again; {q} waiting, {r} a second.")
    else:
        line = _("Deep tier: {n} posts read again.") if deep["enabled"] else _("Deep tier: off (analysis.deep_tier).")
    out.print(line.format(n=f"{deep['analysed']:,}", q=f"{deep['queued'] or 0:,}", r=f"{deep['rate'] or 0:.1f}"))
    table = Table(title=_("Brands"), title_justify="left")
    for column in (_("brand"), _("level"), _("mentions"), _("last day"), _("negative"), _("newest mention")):
        table.add_column(column)
    for item in report["brands"]:
        table.add_row(
            Text(item["name"]),
            Text(_(item["level"]).upper() if item["level"] != "normal" else _("normal")),
            f"{item['mentions']:,}",
            f"{item['day_mentions']:,}",
            f"{item['day_negative']:,}",
            _when(item["latest"]),
        )
    out.print(table)
    table = Table(title=_("Sources"), title_justify="left")
    for column in (_("source"), _("type"), _("mentions"), _("last hour"), _("last success"), _("newest post"),
                   _("errors"), _("health")):  # fmt: skip
        table.add_column(column)
    for item in report["sources"]:
        health = (
            Text(_("ok"), style="green")
            if item["healthy"]
            else Text(_("failing: {error}").format(error=item["last_error"]), style="red")
        )
        lag = item.get("lag_seconds")
        newest = _when(item.get("last_item_at")) + (f" ({_lag(lag)})" if lag is not None else "")
        table.add_row(
            Text(item["name"]), Text(item["kind"]), f"{item['mentions']:,}", f"{item.get('last_hour', 0):,}",
            _when(item["last_success_at"]), Text(newest), f"{item.get('errors', 0):,}", health,
        )  # fmt: skip
    out.print(table)
    if report["open_alerts"]:
        out.print(Text(_("Open alerts:"), style="bold"))
        for item in report["open_alerts"]:
            since = _("since {when}").format(when=_when(item["opened_at"]))
            shown = Text(f"  #{item['id']} {_(item['level']).upper()} {item['brand_name']} — {since} · ")
            acked = item.get("acknowledged_level")
            if acked and Level.parse(acked) >= Level.parse(item["level"]):
                shown.append(_("acknowledged by {name}").format(name=item["acknowledged_by"]), style="green")
            elif acked:
                shown.append(_("acknowledged at {level} by {name}, not at {now}: ascua ack {id}").format(
                    level=_(acked), name=item["acknowledged_by"], now=_(item["level"]), id=item["id"]),
                    style="yellow")  # fmt: skip
            else:
                shown.append(_("not acknowledged: ascua ack {id}").format(id=item["id"]), style="yellow")
            out.print(shown)
            out.print(Text(f"    {item['reason']}"))
    else:
        out.print(_("No open alerts."))


def _lag(seconds: float) -> str:
    """How far behind, in words: "2 min ago", "3 h ago", "4 d ago"."""
    if seconds < 120:
        return _("{n} s ago").format(n=int(seconds))
    if seconds < 7200:
        return _("{n} min ago").format(n=int(seconds // 60))
    if seconds < 172800:
        return _("{n} h ago").format(n=int(seconds // 3600))
    return _("{n} d ago").format(n=int(seconds // 86400))


def _when(value: Any) -> str:
    if not value:
        return "—"
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return f"{moment:%Y-%m-%d %H:%M} UTC"


# --- query ---------------------------------------------------------------------------------

query_app = typer.Typer(
    help="Brand queries: try one on the stored mentions before putting it in ascua.yaml.", no_args_is_help=True
)
app.add_typer(query_app, name="query")


@query_app.command("test")
def query_test(
    query: Annotated[str, typer.Argument(help="The query, in quotes (docs/queries.md).", show_default=False)],
    workspace: WorkspaceOption = Path("."),
    brand: Annotated[str | None, typer.Option(help="Only the mentions stored for this brand.")] = None,
    exclude: Annotated[
        str | None, typer.Option(help="An exclusion to try with the query, like a brand's exclude.")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, max=100_000, help="How many matching mentions to show.")
    ] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show which stored mentions a query would match, newest first, and how many of them."""
    from ascua.query import QueryError, compile_query
    from ascua.query.preview import UnknownBrand, preview_query
    from ascua.radar import Radar

    try:
        compile_query(query, exclude)
    except QueryError as error:
        _query_error(error.describe(_), error.position, exclude if error.part == "exclude" else query)
    with errors_for_people():
        ws = _workspace(workspace)
        with Radar.open(ws) as radar:
            try:
                preview = preview_query(radar.database, query, limit, brand, exclude=exclude)
            except UnknownBrand:
                fail(
                    _("no brand {brand!r} in the workspace (brands: {known})").format(
                        brand=brand, known=", ".join(radar.brand_ids)
                    ),
                    EXIT_USAGE,
                )
    if as_json:
        out.print_json(json.dumps(preview.as_json(), ensure_ascii=False))
        return
    for item in preview.mentions:
        out.print(
            Text.assemble(
                (_when(item.created_at), "dim"),
                "  ",
                (item.source, "cyan"),
                "  ",
                (item.author or "—", "bold"),
                "  ",
                " ".join(item.text.split()),
            )
        )
    counts = {"matched": f"{preview.matched:,}", "scanned": f"{preview.scanned:,}", "brand": brand}
    if brand is None:
        out.print(_("{matched} of {scanned} stored mentions match the query.").format(**counts))
    else:
        out.print(_("{matched} of {scanned} stored mentions of {brand} match the query.").format(**counts))
    if preview.matched > len(preview.mentions):
        out.print(_("Showing the newest {shown}; --limit N shows more.").format(shown=len(preview.mentions)))


def _query_error(message: str, position: int | None, text: str | None) -> NoReturn:
    """The error (already in the person's language), and a caret under its place in the text."""
    err.print(Text(_("error: {message}").format(message=message), style="red"))
    if position is not None and text is not None:
        err.print(Text("  " + text))
        err.print(Text("  " + " " * position + "^", style="red"))
    raise typer.Exit(EXIT_USAGE)


# --- analyze -------------------------------------------------------------------------------


@app.command()
def analyze(
    texts: Annotated[
        list[str] | None, typer.Argument(help="Texts to analyse (default: read standard input).", show_default=False)
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="One text per line, or JSONL with a 'text' field.")
    ] = None,
    tier: Annotated[
        str | None, typer.Option(help="fast or deep (default: deep, and fast if the deep tier cannot load).")
    ] = None,
    batch: Annotated[int, typer.Option(help="Texts analysed together.", min=1, max=10_000)] = 64,
) -> None:
    """Analyse texts: one JSON object per text, in input order (lang, sentiment, emotion, irony, question…)."""
    from ascua.nlp.analyzer import Analyzer
    from ascua.nlp.inputs import InputText, read_texts

    if tier not in (None, "fast", "deep"):
        fail(_("--tier is fast or deep"), EXIT_USAGE)
    if texts and file is not None:
        fail(_("give texts as arguments or with --file, not both"), EXIT_USAGE)
    if texts:
        items: Any = (InputText(text, f"argument {n}") for n, text in enumerate(texts, 1))
    elif file is not None:
        if not file.is_file():
            fail(_("{path}: no such file").format(path=file), EXIT_USAGE)
        handle = file.open(encoding="utf-8", errors="surrogateescape", newline="")
        items = read_texts(handle, str(file), jsonl=True if file.suffix in (".jsonl", ".ndjson") else None)
    else:
        if sys.stdin.isatty():
            err.print(_("Reading texts from standard input, one per line (Ctrl-D to end)…"))
        items = read_texts(sys.stdin, "stdin", jsonl=None)
    analyzer = Analyzer()
    chosen = tier or "deep"
    if chosen == "deep":
        try:
            analyzer.deep.version  # noqa: B018 - loads the deep tier now, to fall back before reading input
        except Exception as error:  # the deep tier's packages or artifacts are missing: say so, answer fast
            if tier == "deep":
                fail(_("the deep tier cannot load: {error}").format(error=error))
            err.print(Text(_("warning: the deep tier cannot load ({error}); using the fast tier").format(error=error)))
            chosen = "fast"
    problems = 0
    pending: list[InputText] = []

    def flush() -> None:
        readable = [item.text or "" for item in pending if item.problem is None]
        results = iter(analyzer.analyse(readable, tier=chosen))  # type: ignore[arg-type]
        lines = []
        for item in pending:
            if item.problem is not None:
                lines.append(json.dumps({"error": item.problem}, ensure_ascii=False))
            else:
                lines.append(json.dumps(next(results).as_json(), ensure_ascii=False))
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
        pending.clear()

    for item in items:
        if item.problem is not None:
            problems += 1
            err.print(Text(item.problem, style="red"))
        pending.append(item)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    if problems:
        raise typer.Exit(EXIT_PARTIAL)


# --- report --------------------------------------------------------------------------------


@app.command()
def report(
    alert_id: Annotated[int, typer.Argument(help="The alert's number (ascua status lists the open ones).")],
    workspace: WorkspaceOption = Path("."),
    out_dir: Annotated[
        Path | None, typer.Option("--out", "-o", help="The folder to write to.", show_default="<workspace>/reports")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="es or en (default: your language).")] = None,
) -> None:
    """The post-mortem report of an alert, as HTML and PDF: what happened, what was done, how fast,
    who was informed, lessons learned (docs/report.md)."""
    from ascua.radar import Radar
    from ascua.respond.report import build_report, write_report

    if lang is not None and lang not in ("es", "en"):
        fail(_("--lang is es or en"), EXIT_USAGE)
    with errors_for_people():
        ws = _workspace(workspace)
        with Radar.open(ws) as radar, radar.database.engine.connect() as connection:
            names = {brand.id: brand.name for brand in ws.config.brands}
            found = build_report(connection, alert_id, brand_names=names)
            language = lang or language_from_environment(ws.config.language)
    if found is None:
        fail(_("there is no alert #{id} in this workspace").format(id=alert_id), EXIT_USAGE)
    folder = out_dir if out_dir is not None else ws.root / "reports"
    try:
        paths = write_report(found, folder, translator(language).gettext, ws.zone, language)
    except OSError as error:
        fail(_("cannot write the report in {folder}: {error}").format(folder=folder, error=error.strerror or error))
    for path in paths:
        out.print(Text(str(path)))


def entrypoint() -> None:  # pragma: no cover - the console script
    app()


# the crisis room commands (ascua ack, ascua room …) live in their own module
# ascua engagement, ascua waiting, ascua handled
from ascua import cli_community as _cli_community  # noqa: E402, F401
from ascua import cli_room as _cli_room  # noqa: E402, F401

# ascua sources …
from ascua import cli_sources as _cli_sources  # noqa: E402, F401

# ascua users …, ascua tokens …
from ascua import cli_users as _cli_users  # noqa: E402, F401
