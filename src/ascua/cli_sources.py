"""``ascua sources check NAME``: try one configured source for real, store nothing, say what happened.

Registered on the ``ascua`` app by :mod:`ascua.cli`.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from ascua.cli import EXIT_FAILED, EXIT_USAGE, WorkspaceOption, _, _workspace, app, errors_for_people, fail, out

sources_app = typer.Typer(help="The workspace's sources (docs/sources.md).", no_args_is_help=True)
app.add_typer(sources_app, name="sources")


async def _first_batch(feed: Any, seconds: float) -> Any:
    """The source's first batch that says something (records or an error), within ``seconds``."""
    try:
        async with asyncio.timeout(seconds):
            async for batch in feed:
                if batch.records or batch.error:
                    return batch
        return None
    finally:
        await feed.aclose()


@sources_app.command("check")
def sources_check(
    name: Annotated[str, typer.Argument(help="The source's name in ascua.yaml.")],
    workspace: WorkspaceOption = Path("."),
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a first answer.", min=1, max=600)] = 60.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Fetch once from a configured source, from its start, and say in plain words what worked;
    nothing is stored. Exits with 1 when the source could not fetch."""
    from ascua.model import Mention
    from ascua.normalize import Normalizer
    from ascua.sources import SourceContext, source_class

    with errors_for_people():
        ws = _workspace(workspace)
    configured = {source.name: source for source in ws.config.sources}
    if name not in configured:
        known = ", ".join(configured) or _("none")
        fail(_("no source {name!r} in ascua.yaml (sources: {known})").format(name=name, known=known), EXIT_USAGE)
    source = configured[name]
    if source.type == "webhook":  # nothing to fetch: other programs send to it
        address = f"{(ws.config.web.public_url or f'http://{ws.config.web.host}:{ws.config.web.port}').rstrip('/')}"
        message = _("{name} (webhook): nothing to fetch — while 'ascua run' collects, programs POST mentions to "
                    "{url} with an API token of the ingest scope (docs/sources.md)").format(
            name=name, url=f"{address}/api/v1/ingest/{name}")  # fmt: skip
        if as_json:
            out.print_json(json.dumps({"source": name, "type": "webhook", "ok": True, "error": None, "mentions": 0,
                                       "sample": [], "address": f"{address}/api/v1/ingest/{name}"}))  # fmt: skip
        else:
            out.print(Text(message, style="green"))
        return
    plugin = source_class(source.type)
    options = plugin.Options.model_validate(source.options)
    context = SourceContext(zone=ws.zone, batch_size=ws.config.pipeline.batch_size, brands=tuple(ws.config.brands))
    feed = plugin(name, options, context).batches(None)
    problem: str | None = None
    mentions: list[Mention] = []
    try:
        batch = asyncio.run(_first_batch(feed, timeout))
    except TimeoutError:
        batch, problem = None, _("no answer within {seconds:.0f} s").format(seconds=timeout)
    except Exception as error:  # a plugin's failure is what this command is for
        batch, problem = None, f"{type(error).__name__}: {error}"[:500]
    if batch is not None:
        problem = batch.error
        mentions = Normalizer(zone=ws.zone).process(batch).mentions
    if as_json:
        data = {"source": name, "type": source.type, "ok": problem is None, "error": problem,
                "mentions": len(mentions),
                "sample": [{"created_at": m.created_at.isoformat(), "text": m.text[:200], "url": m.url}
                           for m in mentions[:3]]}  # fmt: skip
        out.print_json(json.dumps(data, ensure_ascii=False))
    elif problem is not None:
        out.print(Text(_("{name} ({type}): failed — {problem}").format(name=name, type=source.type, problem=problem),
                       style="red"))  # fmt: skip
    else:
        out.print(Text(_("{name} ({type}): works — {count} mentions fetched (nothing stored)").format(
            name=name, type=source.type, count=len(mentions)), style="green"))  # fmt: skip
        for mention in mentions[:3]:
            out.print(Text(f"  {mention.created_at:%Y-%m-%d %H:%M} UTC  {mention.text[:120]}"))
    if problem is not None:
        raise typer.Exit(EXIT_FAILED)
