"""``POST /api/v1/ingest/{source}``: mentions sent to a webhook source (docs/sources.md#webhook)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from fastapi import Body, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from limits import RateLimitItemPerMinute, storage, strategies
from pydantic import BaseModel, Field

from ascua.accounts import Permission
from ascua.model import Record
from ascua.normalize import Normalizer, RecordError
from ascua.sources.webhook import InboxFull, WebhookOptions, inbox
from ascua.web.security import Principal, needs

if TYPE_CHECKING:
    from ascua.web.app import Site

MAX_BODY = 10 * 1024 * 1024  # bytes of one request


class IngestRequest(BaseModel):
    mentions: list[dict[str, Any]] = Field(
        max_length=10_000, description="Mentions in Ascua's mention schema (docs/mention-schema.md)."
    )


def add_ingest_routes(app: FastAPI, site: Site) -> None:
    limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())

    @app.post("/api/v1/ingest/{source}", tags=["sources"], status_code=202,
              dependencies=[needs(Permission.INGEST)])  # fmt: skip
    def ingest(request: Request, source: str, body: IngestRequest = Body(...)) -> JSONResponse:
        """Send mentions to the webhook source ``source`` of ``ascua.yaml`` (an API token with the
        ``ingest`` or ``write`` scope, of an analyst or above).

        Every item is checked: the answer lists the refused ones with their index and why
        (``rejected``), and how many were accepted. Accepted mentions go through the whole
        pipeline, stored once by ``source`` and ``id`` (sending one again is harmless). 429 past
        the source's ``per_minute`` mentions per token, 413 past ``max_items`` in one request,
        503 while the radar is not collecting (``ascua serve``) or is behind."""
        if int(request.headers.get("content-length") or 0) > MAX_BODY:
            raise HTTPException(413, f"at most {MAX_BODY // 1024 // 1024} MB in one request")
        options = _webhook_options(site, source)
        items = body.mentions
        if len(items) > options.max_items:
            raise HTTPException(413, f"at most {options.max_items:,} mentions in one request (this one has "
                                     f"{len(items):,}); send them in several")  # fmt: skip
        principal: Principal = request.state.principal
        key = f"token-{principal.token_id}" if principal.token_id is not None else f"account-{principal.account.id}"
        limit = RateLimitItemPerMinute(options.per_minute)
        if items and not limiter.test(limit, source, key, cost=len(items)):
            reset = limiter.get_window_stats(limit, source, key).reset_time
            wait = max(1, int(reset - time.time()) + 1)
            message = f"at most {options.per_minute:,} mentions a minute for this token: retry in {wait} s"
            raise HTTPException(429, message, headers={"Retry-After": str(wait)})
        box = inbox(source)
        if box is None:
            raise HTTPException(503, f"the webhook source {source!r} is not running: the radar takes mentions while "
                                     "'ascua run' collects", headers={"Retry-After": "60"})  # fmt: skip
        normalizer = Normalizer(default_source=source, zone=site.workspace.zone,
                                max_text_length=site.workspace.config.pipeline.max_text_length)  # fmt: skip
        accepted: list[Record] = []
        rejected: list[dict[str, Any]] = []
        warnings: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        duplicates = 0
        for index, data in enumerate(items):
            try:
                mention, said = normalizer.mention(data)
            except RecordError as error:
                rejected.append({"index": index, "error": str(error)})
                continue
            if mention.key in seen:
                duplicates += 1
                continue
            seen.add(mention.key)
            warnings.extend({"index": index, "warning": text} for text in said)
            accepted.append(Record({**data, "source": mention.source}, f"webhook {source} item {index}"))
        if accepted:
            try:
                box.put(accepted)
            except InboxFull as error:
                raise HTTPException(503, f"the radar is behind ({error}): retry in a minute",
                                    headers={"Retry-After": "60"}) from None  # fmt: skip
            limiter.hit(limit, source, key, cost=len(accepted))
        result = {"accepted": len(accepted), "duplicates": duplicates, "rejected": rejected, "warnings": warnings}
        if rejected and not accepted:
            return JSONResponse({"error": {"status": 422, "message": "no mention was accepted", **result}}, 422)
        return JSONResponse(result, 202)


def _webhook_options(site: Site, name: str) -> WebhookOptions:
    for item in site.workspace.config.sources:
        if item.name == name and item.type == "webhook":
            if not item.enabled:
                raise HTTPException(503, f"the webhook source {name!r} is disabled in ascua.yaml")
            return WebhookOptions.model_validate(item.options)
    raise HTTPException(404, f"no webhook source {name!r} in ascua.yaml (add one: type: webhook)")
