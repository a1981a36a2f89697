"""The reputation index on the scenario (a real SQLite workspace fed through the pipeline): the
documented formula, its band, the crisis day at the bottom, the movement explained exactly by its
contributors; the page, its chart, the API and the command; bad requests."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from ascua.community import CommunityError
from ascua.config import Workspace
from ascua.radar import Radar
from ascua.reputation import reputation, weight_of
from ascua.scenario.generator import WaveTruth
from ascua.store.schema import analysis, brand, mention, mention_brand
from ascua.web.app import create_app
from tests.conftest import WON_BACK_START, logged_in


def test_the_index_follows_its_formula_and_the_crisis_day_is_its_low(won_back: tuple[Workspace, WaveTruth]) -> None:
    workspace, truth = won_back
    zone = workspace.zone
    since = WON_BACK_START.astimezone(zone).replace(hour=0, minute=0) + timedelta(days=1)
    until = since + timedelta(days=7)
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        found = reputation(connection, "vuelaya", since, until, contributors=100_000)
        # the formula of the docs, by hand, on the first day
        brand_id = connection.execute(select(brand.c.id).where(brand.c.key == "vuelaya")).scalar_one()
        rows = connection.execute(
            select(mention.c.author_handle, mention.c.author_followers, analysis.c.positive, analysis.c.negative)
            .join(mention_brand, mention_brand.c.mention_id == mention.c.id)
            .join(analysis, analysis.c.mention_id == mention.c.id)
            .where(mention_brand.c.brand_id == brand_id, mention_brand.c.created_at >= since,
                   mention_brand.c.created_at < since + timedelta(days=1))
        ).all()  # fmt: skip
        with pytest.raises(CommunityError, match="every is one of day, week"):
            reputation(connection, "vuelaya", since, until, every="month")
        with pytest.raises(CommunityError, match="until comes before since"):
            reputation(connection, "vuelaya", until, since)
        with pytest.raises(CommunityError, match="at most 400"):
            reputation(connection, "vuelaya", since - timedelta(days=500), until)
        early = reputation(connection, "vuelaya", since - timedelta(days=60), since - timedelta(days=50))
    customers = [r for r in rows if r.author_handle.lower() not in ("@vuelaya", "@vuelaya_ayuda")]
    weights = [weight_of(r.author_followers) for r in customers]
    expected = 100 * sum(w * (r.positive - r.negative) for w, r in zip(weights, customers, strict=True)) / sum(weights)
    first = found.points[0]
    assert first.posts == len(customers) and first.index == pytest.approx(expected, abs=0.06)
    assert first.low is not None and first.high is not None and first.low < first.index < first.high
    assert weight_of(0) == 1 and weight_of(9) == 2 and weight_of(10_000) == 5 and weight_of(5_000_000) == 7
    # the wave's day is the lowest, and clearly below the others' bands
    measured = [p for p in found.points if p.index is not None]
    low = min(measured, key=lambda p: p.index or 0.0)
    assert low.start.date() == truth.onset.astimezone(zone).date()
    assert all(low.high is not None and p.low is not None and low.high < p.low for p in measured if p is not low)
    # the latest day's movement from the usual is the sum of what each person added to it
    assert found.latest is not None and found.usual is not None and found.change is not None
    total = sum(p.points for p in found.down + found.up)
    assert total == pytest.approx(found.change, abs=0.05 + 0.01 * len(found.down + found.up) ** 0.5)
    assert found.down and found.up and all(p.points < 0 for p in found.down) and all(p.points > 0 for p in found.up)
    assert found.trend in ("declining", "steady", "rising")
    assert early.trend == "unknown" and early.latest is None and early.notes
    assert not any(math.isnan(p.index) for p in measured if p.index is not None)


def test_the_reputation_page_chart_api_and_command(won_back: tuple[Workspace, WaveTruth]) -> None:
    workspace, _truth = won_back
    period = {"brand": "vuelaya", "since": "2026-01-05", "until": "2026-01-12"}
    with Radar.open(workspace) as radar:
        client = TestClient(create_app(workspace, radar.database))
        logged_in(client, radar.database.engine, "viewer")
        page = client.get("/community/reputation", params=period)
        assert page.status_code == 200 and "/community/reputation.svg?" in page.text
        chart = client.get("/community/reputation.svg", params=period)
        assert chart.status_code == 200 and chart.headers["content-type"].startswith("image/svg+xml")
        data = client.get("/api/v1/reputation", params={**period, "every": "week"}).json()
        assert (
            data["every"] == "week" and len(data["points"]) == 2 and {"latest", "usual", "trend", "down"} <= set(data)
        )
        assert client.get("/api/v1/reputation", params={**period, "every": "hour"}).status_code == 422
        assert client.get("/api/v1/reputation", params={**period, "until": "2026-01-01"}).status_code == 400
    command = [sys.executable, "-m", "ascua", "reputation", "--workspace", str(workspace.root), "--brand", "vuelaya",
               "--since", "2026-01-05", "--until", "2026-01-12"]  # fmt: skip
    shown = subprocess.run(command, capture_output=True, text=True, check=False, env={"ASCUA_LANG": "en",
                           "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert "reputation index" in shown.stdout and "pulled it down most" in shown.stdout
    data = json.loads(subprocess.run([*command, "--json"], capture_output=True, text=True, check=True).stdout)
    assert len(data[0]["points"]) == 8
    bad = subprocess.run([*command, "--every", "month"], capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "every is one of day, week" in bad.stderr
