"""The empathy map: its six quadrants on the scenario (a real SQLite workspace fed through the
pipeline), the actions and opinions people report in both languages, the image, the page, the
API and the command; hostile and empty input."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from ascua.config import Workspace
from ascua.empathy import Said, build_map, empathy_map, map_image
from ascua.explain.post import Post
from ascua.radar import Radar
from ascua.scenario.generator import WaveTruth
from ascua.web.app import create_app
from tests.conftest import WON_BACK_END, WON_BACK_START, logged_in


def test_the_scenario_map_has_the_wave_among_its_pains(won_back: tuple[Workspace, WaveTruth]) -> None:
    workspace, truth = won_back
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        found = empathy_map(connection, "vuelaya", WON_BACK_START, WON_BACK_END)
    assert found.total >= found.posts > 1000 and found.people > 300
    for quadrant in ("say", "think", "do", "feel", "pains", "gains"):
        assert getattr(found, quadrant), f"{quadrant} is empty"
    # the wave (cancelled flights, without notice) is the first pain; its words are the truth's
    first = found.pains[0]
    said = " ".join(first.terms).lower()
    assert any(term.split()[0][:6] in said for term in truth.key_terms["es"] + truth.key_terms["en"]), first
    assert first.share > 0.3 and first.samples and all(sample["text"] for sample in first.samples)
    assert {group.key for group in found.feel} >= {"joy", "anger"}
    assert all(0 <= group.share <= 1 for quadrant in ("say", "do", "feel") for group in getattr(found, quadrant))
    # nobody's own account is read as a customer
    own = {"@vuelaya", "@vuelaya_ayuda"}
    assert not any(s["author"].lower() in own for q in ("pains", "gains") for g in getattr(found, q) for s in g.samples)
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        sampled = empathy_map(connection, "vuelaya", WON_BACK_START, WON_BACK_END, sample=500)
        empty = empathy_map(connection, "vuelaya", WON_BACK_START - timedelta(days=30), WON_BACK_START)
    assert sampled.posts <= 500 < sampled.total and any("sample" in note for note in sampled.notes)
    assert sampled.pains and sampled.pains[0].key == first.key  # a sample tells the same first pain
    assert empty.total == 0 and not empty.pains and "no posts in this period" in empty.notes


def _said(number: int, text: str, lang: str, *, sentiment: str = "neutral", question: bool = False) -> Said:
    post = Post(number, "x", str(number), text, WON_BACK_START + timedelta(minutes=number), author=f"@p{number}",
                lang=lang, sentiment=sentiment, negative=0.9 if sentiment == "negative" else 0.1)  # fmt: skip
    return Said(post, question, "anger" if sentiment == "negative" else "joy", 0.8, sentiment == "positive")


def test_actions_and_opinions_in_both_languages() -> None:
    posts = [
        _said(1, "Me he dado de baja de Conectia después de tres meses sin fibra", "es", sentiment="negative"),
        _said(2, "I cancelled my subscription to Conectia today", "en", sentiment="negative"),
        _said(3, "¿Puedo cancelar el contrato de Conectia sin permanencia?", "es", question=True),
        _said(4, "No lo recomiendo, Conectia es un desastre", "es", sentiment="negative"),
        _said(5, "Conectia va genial, os lo recomiendo", "es", sentiment="positive"),
        _said(6, "I would recommend Conectia to anyone", "en", sentiment="positive"),
        _said(7, "Me paso a la competencia, adiós Conectia", "es", sentiment="negative"),
        _said(8, "Creo que Conectia debería bajar los precios", "es"),
        _said(9, "I think Conectia should answer the phone", "en"),
        _said(10, "He puesto una reclamación en consumo contra Conectia", "es", sentiment="negative"),
    ]
    found = build_map(posts, brand="conectia", brand_words=("conectia", "Conectia"))
    did = {group.key: group.people for group in found.do}
    assert did["cancelled"] == 2  # the question is not an action
    assert did["recommended"] == 2 and did["advised_against"] == 1  # "no lo recomiendo" is not a recommendation
    assert did["switched"] == 1 and did["claimed"] == 1
    assert found.think and sum(group.posts for group in found.think) >= 2
    assert json.loads(json.dumps(found.as_json()))["do"][0]["samples"]


def test_hostile_and_wordless_posts_are_data_in_the_image_and_the_page(won_back: tuple[Workspace, WaveTruth]) -> None:
    hostile = [
        _said(1, "<script>alert(1)</script> $x^2$ \\frac{a}{b} Vuelaya perdió mi maleta", "es", sentiment="negative"),
        _said(2, "\u202egnp.exe Vuelaya 🤬🤬🤬 " + "a" * 10_000, "es", sentiment="negative"),
        _said(3, "😀😀😀", "und"),
        _said(4, "https://example.com/x @vuelaya", "und"),
        _said(5, "\ud800 roto Vuelaya", "es", sentiment="negative"),
    ]
    found = build_map(hostile, brand="vuelaya", brand_words=("vuelaya",))
    for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<?xml")):
        image = map_image(found, lambda text: text, fmt=fmt)
        assert image.startswith(magic)
        assert b"<script" not in image
    workspace, _truth = won_back
    with Radar.open(workspace) as radar:
        client = TestClient(create_app(workspace, radar.database))
        logged_in(client, radar.database.engine, "viewer")
        page = client.get("/community/empathy", params={"brand": "vuelaya", "since": "2026-01-05",
                                                        "until": "2026-01-12"})  # fmt: skip
        assert page.status_code == 200 and "quadrant-pains" in page.text and "<script" not in page.text
        data = client.get("/api/v1/empathy", params={"brand": "vuelaya", "since": "2026-01-05", "until": "2026-01-12"})
        assert data.status_code == 200 and data.json()["pains"] and data.json()["total"] > 1000
        png = client.get("/community/empathy.png", params={"brand": "vuelaya", "since": "2026-01-05"})
        assert png.status_code == 200 and png.headers["content-type"] == "image/png" and png.content[:4] == b"\x89PNG"
        assert client.get("/community/empathy.gif", params={"brand": "vuelaya"}).status_code == 404
        assert client.get("/api/v1/empathy", params={"brand": "nadie"}).status_code == 404
        assert client.get("/api/v1/empathy", params={"brand": "vuelaya", "since": "ayer"}).status_code == 400


def test_the_empathy_command(won_back: tuple[Workspace, WaveTruth], tmp_path: Path) -> None:
    workspace, _truth = won_back
    command = [sys.executable, "-m", "ascua", "empathy", "--workspace", str(workspace.root), "--brand", "vuelaya",
               "--since", "2026-01-05", "--until", "2026-01-12"]  # fmt: skip
    image = tmp_path / "map.png"
    done = subprocess.run([*command, "--image", str(image)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "PAINS" in done.stdout and "GAINS" in done.stdout and image.read_bytes()[:4] == b"\x89PNG"
    data = subprocess.run([*command, "--json"], capture_output=True, text=True, check=False)
    assert data.returncode == 0 and json.loads(data.stdout)[0]["pains"]
    bad = subprocess.run([*command, "--image", str(tmp_path / "map.gif")], capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "must end in .png or .svg" in bad.stderr
