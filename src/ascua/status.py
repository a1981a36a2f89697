"""``ascua status``: what a workspace holds, as plain data (the CLI prints it, ``--json`` dumps it)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ascua import deep_tier
from ascua.config import Workspace
from ascua.store import reads
from ascua.store.database import Database, current_revision


def workspace_status(workspace: Workspace, database: Database) -> dict[str, Any]:
    with database.engine.connect() as connection:
        counts = reads.counts(connection)
        brands = [asdict(item) for item in reads.brands(connection)]
        sources = [
            {**asdict(item), "healthy": item.healthy, "lag_seconds": item.lag_seconds}
            for item in reads.sources(connection)
        ]
        open_alerts = [asdict(item) for item in reads.alerts(connection, status="open")]
        deep = deep_tier.status_report(connection, workspace.root, enabled=workspace.config.analysis.deep_tier)
    return {
        "workspace": str(workspace.root),
        "database": database.url,
        "schema": current_revision(database),
        "counts": counts,
        "brands": brands,
        "sources": sources,
        "open_alerts": open_alerts,
        "deep_tier": deep,
    }
