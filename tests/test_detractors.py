"""Detractors on the built-in scenario: the wave's angry people are tracked, and the ones the
scenario wins back (the brand answers them, they write kindly days later) are reported converted.
A real SQLite workspace fed through the whole pipeline (``ascua import``)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ascua.community import CommunityError
from ascua.config import Workspace
from ascua.detractors import detractors, history
from ascua.model import Mention, MentionBatch
from ascua.radar import Radar
from ascua.scenario.generator import WaveTruth
from ascua.web.app import create_app
from tests.conftest import WON_BACK_END as END
from tests.conftest import WON_BACK_START as START
from tests.conftest import logged_in, write_workspace


def test_the_wave_detractors_are_tracked_and_the_converted_ones_reported(won_back: tuple[Workspace, WaveTruth]) -> None:
    workspace, truth = won_back
    assert len(truth.converted) >= 5, "the scenario should win back some of the wave's people"
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        found = detractors(connection, "vuelaya", START, END, now=END, limit=100_000)
    people = {person.author: person for person in found.people}
    after_answer = 0
    for handle in truth.converted:
        assert handle in people, f"{handle} complained in the wave but is not a detractor"
        person = people[handle]
        assert person.state == "converted" and person.answered_at is not None, person
        if person.after == "answer":  # else a later complaint of theirs was read as not negative
            after_answer += 1
            assert person.converted_at is not None and person.first_negative < person.answered_at <= person.converted_at
    # sentiment is a model's reading: one post in ten read wrongly is allowed, not more
    assert after_answer >= 0.9 * len(truth.converted), (after_answer, len(truth.converted))
    assert found.states["converted"] >= len(truth.converted)
    assert found.total == sum(found.states.values()) and found.after["answer"] >= after_answer
    # The wave's alert: most of the wave's people were negative during it, and the converted ones after it.
    wave_alerts = [c for c in found.crises if c.opened_at <= truth.onset + timedelta(hours=3)]
    assert wave_alerts, found.crises
    crisis = wave_alerts[0]
    assert crisis.detractors >= 0.8 * truth.negative_authors, (crisis, truth.negative_authors)
    assert crisis.resolved_at is not None and crisis.converted_after >= len(truth.converted)
    # Nobody left yet eight days on; thirty days later the unconverted have.
    assert found.states["left"] == 0
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        later = detractors(connection, "vuelaya", START, END, now=END + timedelta(days=60), state="left")
    assert later.states["left"] == later.total - later.states["converted"] > 0
    assert all(person.state == "left" for person in later.people)


def test_a_detractor_history_shows_their_mentions_and_the_brand_answers(won_back: tuple[Workspace, WaveTruth]) -> None:
    workspace, truth = won_back
    handle = truth.converted[0]
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        source = next(p.source for p in detractors(connection, "vuelaya", START, END, now=END, limit=10_000).people
                      if p.author == handle)  # fmt: skip
        entries, notes = history(connection, "vuelaya", source, handle.upper())  # handles match in any case
        with pytest.raises(CommunityError, match="no mention of vuelaya"):
            history(connection, "vuelaya", source, "@nobody_here")
    assert notes == []
    kinds = [("brand" if e.by_brand else ("negative" if e.negative else "kind")) for e in entries]
    assert kinds[0] == "negative" and "brand" in kinds and kinds[-1] == "kind", kinds
    assert kinds.index("brand") < len(kinds) - 1
    assert [e.created_at for e in entries] == sorted(e.created_at for e in entries)


def test_the_detractor_pages_api_and_command(won_back: tuple[Workspace, WaveTruth]) -> None:
    workspace, truth = won_back
    with Radar.open(workspace) as radar:
        client = TestClient(create_app(workspace, radar.database))
        logged_in(client, radar.database.engine, "viewer")
        page = client.get("/community/detractors?brand=vuelaya&state=converted&since=2026-01-01&until=2026-01-13")
        assert page.status_code == 200 and any(handle in page.text for handle in truth.converted)
        api = client.get(
            "/api/v1/detractors",
            params={"brand": "vuelaya", "since": "2026-01-01", "until": "2026-01-13", "limit": 5000},
        )
        data = api.json()
        assert api.status_code == 200 and data["states"]["converted"] >= len(truth.converted)
        assert {"total", "states", "conversion_rate", "after", "cohorts", "crises", "people"} <= set(data)
        person = next(p for p in data["people"] if p["author"] == truth.converted[0])
        link = client.get("/community/person", params={"brand": "vuelaya", "source": person["source"],
                                                       "handle": person["author"]})  # fmt: skip
        assert link.status_code == 200 and 'class="mention by-brand' in link.text
        asked = {"brand": "vuelaya", "source": person["source"], "handle": person["author"]}
        items = client.get("/api/v1/detractors/history", params=asked).json()["items"]
        assert any(item["by_brand"] for item in items)
        assert client.get("/api/v1/detractors", params={"brand": "vuelaya", "state": "angry"}).status_code == 422
        assert client.get("/api/v1/detractors", params={"brand": "nadie"}).status_code == 404
        assert client.get("/community/person", params={"brand": "vuelaya", "source": "x", "handle": "@x"}).status_code \
            == 404  # fmt: skip
    command = [sys.executable, "-m", "ascua", "detractors", "--workspace", str(workspace.root), "--brand", "vuelaya",
               "--since", "2026-01-01", "--until", "2026-01-13"]  # fmt: skip
    done = subprocess.run([*command, "--json", "-n", "5"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["states"]["converted"] >= len(truth.converted)
    shown = subprocess.run(command, capture_output=True, text=True, check=False, env={"ASCUA_LANG": "en",
                           "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert (
        shown.returncode == 0 and "detractors:" in shown.stdout and "converted after the brand's answer" in shown.stdout
    )
    bad = subprocess.run([*command, "--state", "angry"], capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "state is one of active, converted, left" in bad.stderr


def test_without_own_accounts_no_conversion_is_put_down_to_an_answer(tmp_path: Path) -> None:
    brands = [{"id": "vuelaya", "name": "Vuelaya", "query": "vuelaya", "languages": ["es", "en"]}]
    workspace = write_workspace(tmp_path / "ws", sources=[], brands=brands)
    at = lambda hours: START + timedelta(hours=hours)  # noqa: E731
    posts = [
        Mention("x", "1", "Vuelaya me ha perdido la maleta, una vergüenza", at(0), author_handle="@ana"),
        Mention("x", "2", "@ana lo sentimos, escríbenos por privado", at(1), author_handle="@vuelaya",
                in_reply_to="1", in_reply_to_author="@ana"),
        Mention("x", "3", "Gracias Vuelaya, ya tengo mi maleta. Todo perfecto", at(30), author_handle="@ana"),
        Mention("x", "4", "Vuelaya cancela otra vez mi vuelo, qué desastre", at(2), author_handle="@luis"),
    ]  # fmt: skip
    with Radar.open(workspace) as radar:
        pipeline = radar.pipeline()
        batch = pipeline.enricher.process(pipeline.matcher.process(MentionBatch("t", posts)))  # type: ignore[union-attr]
        pipeline.commit(batch)
        with radar.database.engine.connect() as connection:
            found = detractors(connection, "vuelaya", START, at(48), now=at(48))
            empty = detractors(connection, "vuelaya", START - timedelta(days=9), START - timedelta(days=8), now=at(48))
            with pytest.raises(CommunityError, match="no brand 'nadie'"):
                detractors(connection, "nadie", START, at(48))
    states = {person.author: (person.state, person.after) for person in found.people}
    # @vuelaya is counted as a person (no own accounts known), its reply does not make @ana "answered"
    assert states == {"@ana": ("converted", "own"), "@luis": ("active", None)}
    assert any("no own accounts" in note for note in found.notes)
    assert empty.total == 0 and empty.conversion_rate is None and any("no negative" in n for n in empty.notes)


def test_the_digest_counts_the_wave_day_new_detractors(won_back: tuple[Workspace, WaveTruth]) -> None:
    from ascua.digest import digest

    workspace, truth = won_back
    day = truth.onset.astimezone(workspace.zone).date()
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        wave_day = digest(connection, workspace, "vuelaya", day)
        next_days = [digest(connection, workspace, "vuelaya", day + timedelta(days=n)) for n in (2, 3)]
    assert wave_day.new_detractors >= 0.8 * truth.negative_authors
    assert all(later.new_detractors < wave_day.new_detractors / 4 for later in next_days)
