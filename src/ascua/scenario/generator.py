"""The built-in scenario: a realistic bilingual stream of mentions with a known truth.

Three fictional brands are talked about with a daily and weekly rhythm, slow growth,
ordinary praise, questions and complaints, the brand's own replies, and isolated
angry customers who post many times. Waves are added on top: a multitudinous
negative wave with a cause, its first posters and its amplifiers (journalists and
high-reach accounts quoting the first post, reposts, replies), a slow burn, a
coordinated campaign of brand-new accounts, or a positive story going viral.

Everything is deterministic under the seed, and cheap to resume: time is cut into
hour-long chunks, each generated from its own seeded random generator, so any point
of the stream can be regenerated without replaying what came before.

>>> spec = ScenarioSpec(seed=1, start=datetime(2026, 1, 5, tzinfo=UTC))
>>> first = [r for _, r in zip(range(3), Scenario(spec).records())]
>>> first == [r for _, r in zip(range(3), Scenario(spec).records())]
True
"""

from __future__ import annotations

import hashlib
import heapq
import math
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import Any, Literal
from zoneinfo import ZoneInfo

from ascua.model import iso_utc
from ascua.scenario import texts
from ascua.scenario.texts import BrandVoice, Cause

HOUR = timedelta(hours=1)
WaveKind = Literal["negative", "positive", "news"]
Shape = Literal["flash", "slow"]

# Relative activity by local hour (0-23) and weekday (Monday first); means are ~1.
DAILY = (0.35, 0.2, 0.12, 0.08, 0.08, 0.12, 0.3, 0.7, 1.1, 1.3, 1.4, 1.4,
         1.45, 1.35, 1.25, 1.2, 1.2, 1.25, 1.35, 1.45, 1.5, 1.3, 0.95, 0.6)  # fmt: skip
_DAILY_MEAN = sum(DAILY) / 24
WEEKLY = {
    "vuelaya": (1.05, 0.95, 0.95, 1.0, 1.15, 1.0, 0.9),
    "frutalia": (1.0, 0.9, 0.9, 0.95, 1.0, 1.15, 1.1),
    "conectia": (1.1, 1.05, 1.0, 1.0, 1.0, 0.9, 0.95),
}
BASE_RATE = {"vuelaya": 30.0, "frutalia": 14.0, "conectia": 22.0}
EVERYDAY_MIX = (("praise", 0.2), ("complaint", 0.11), ("question", 0.13), ("neutral", 0.2), ("chatter", 0.36))
NETWORKS = (("x", 0.55), ("bluesky", 0.15), ("instagram", 0.1), ("facebook", 0.1), ("mastodon", 0.06), ("web", 0.04))
_LANG_GIVEN = {"x", "bluesky"}
_HOSTS = {
    "x": "https://x.example/{user}/status/{id}",
    "bluesky": "https://bsky.example/profile/{user}/post/{id}",
    "instagram": "https://instagram.example/p/{id}",
    "facebook": "https://facebook.example/{user}/posts/{id}",
    "mastodon": "https://mastodon.example/@{user}/{id}",
    "web": "https://news.example/{user}/{id}",
}
_ZONE = {"vuelaya": "Europe/Madrid", "frutalia": "Europe/Madrid", "conectia": "Europe/Madrid"}


@dataclass(frozen=True)
class WaveSpec:
    """A wave to add to the stream. ``at`` is its true onset (the first post)."""

    brand: str
    at: datetime
    cause: str | None = None
    size: int = 150
    shape: Shape = "flash"
    kind: WaveKind = "negative"
    coordinated: bool = False
    spread_minutes: float | None = None  # how fast it builds: 25 for a flash wave, 240 for a slow burn


@dataclass(frozen=True)
class ScenarioSpec:
    seed: int
    start: datetime
    brands: tuple[str, ...] = ("vuelaya", "frutalia", "conectia")
    rate: float = 1.0
    growth_per_month: float = 0.05
    rants_per_week: float = 3.0
    waves: tuple[WaveSpec, ...] = ()


@dataclass(frozen=True)
class WaveTruth:
    """What a wave really was: the answers an explanation should find."""

    brand: str
    kind: WaveKind
    cause: str
    title: dict[str, str]
    key_terms: dict[str, tuple[str, ...]]
    onset: datetime
    peak: datetime
    end: datetime
    shape: Shape
    coordinated: bool
    size: int
    first_posters: tuple[str, ...]
    first_post_ids: tuple[str, ...]
    amplifiers: tuple[str, ...]
    posts: int
    negative_authors: int
    converted: tuple[str, ...] = ()  # wave participants the brand answered who later wrote kindly of it

    def as_json(self) -> dict[str, Any]:
        return {
            "brand": self.brand,
            "kind": self.kind,
            "cause": self.cause,
            "title": self.title,
            "key_terms": {lang: list(terms) for lang, terms in self.key_terms.items()},
            "onset": iso_utc(self.onset),
            "peak": iso_utc(self.peak),
            "end": iso_utc(self.end),
            "shape": self.shape,
            "coordinated": self.coordinated,
            "size": self.size,
            "first_posters": list(self.first_posters),
            "first_post_ids": list(self.first_post_ids),
            "amplifiers": list(self.amplifiers),
            "posts": self.posts,
            "negative_authors": self.negative_authors,
            "converted": list(self.converted),
        }


@dataclass(frozen=True)
class Author:
    handle: str
    name: str
    followers: int
    created_at: datetime
    lang: str
    network: str


def _seeded(*parts: object) -> random.Random:
    return random.Random(":".join(str(part) for part in parts))


def _pick_weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    value = rng.random() * sum(weight for _, weight in options)
    for option, weight in options:
        value -= weight
        if value <= 0:
            return option
    return options[-1][0]


def _poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 60:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, product, count = math.exp(-mean), rng.random(), 0
    while product > limit:
        product *= rng.random()
        count += 1
    return count


@dataclass
class _Post:
    """A record being built; ``at`` orders the stream."""

    at: datetime
    native_id: str
    record: dict[str, Any] = field(default_factory=dict)

    def __lt__(self, other: _Post) -> bool:
        return (self.at, self.native_id) < (other.at, other.native_id)


class Scenario:
    """Generates the records of a :class:`ScenarioSpec` in time order."""

    def __init__(self, spec: ScenarioSpec):
        unknown = [brand for brand in spec.brands if brand not in texts.BRANDS]
        if unknown:
            raise ValueError(f"unknown scenario brands: {', '.join(unknown)} (known: {', '.join(texts.BRANDS)})")
        for wave in spec.waves:
            if wave.brand not in spec.brands:
                raise ValueError(f"a wave is set for {wave.brand!r}, which is not in the scenario")
            _cause(texts.BRANDS[wave.brand], wave)  # fails early on an unknown cause
        self.spec = spec
        self.start = spec.start.astimezone(UTC)
        self._waves: dict[int, tuple[list[_Post], WaveTruth]] = {}

    # --- authors -------------------------------------------------------------------------

    @cached_property
    def authors(self) -> dict[str, list[Author]]:
        """The regular people who talk about each brand (deterministic under the seed)."""
        pools = {}
        for brand in self.spec.brands:
            rng = _seeded(self.spec.seed, "authors", brand)
            voice = texts.BRANDS[brand]
            pool = [self._person(rng, voice, index, self.start) for index in range(2500)]
            pools[brand] = pool
        return pools

    @cached_property
    def _activity(self) -> dict[str, list[float]]:
        # A few people talk a lot, most talk rarely (Zipf-like cumulative weights).
        return {
            brand: list(_cumulative([1.0 / (rank + 1) ** 0.8 for rank in range(len(pool))]))
            for brand, pool in self.authors.items()
        }

    def _person(self, rng: random.Random, voice: BrandVoice, index: int, now: datetime, *, new: bool = False) -> Author:
        lang = "es" if rng.random() < voice.spanish_share else "en"
        first = rng.choice(texts.FIRST_NAMES[lang])
        surname = rng.choice(texts.SURNAMES[lang])
        word = rng.choice(texts.HANDLE_WORDS)
        style = rng.randrange(4)
        base = _ascii(
            [f"{first}{surname}", f"{first}_{word}", f"{word}{first}{rng.randrange(10, 99)}", f"{first[0]}{surname}"][
                style
            ]
        )
        handle = f"@{base[:12]}{index:x}" if not new else f"@{base[:10]}{rng.randrange(16**6):06x}"
        followers = int(min(150_000, math.exp(rng.gauss(math.log(180), 1.3))))
        age_days = rng.uniform(0.5, 8) if new else rng.uniform(60, 4000)
        return Author(
            handle=handle,
            name=f"{first} {surname}",
            followers=followers if not new else rng.randrange(0, 25),
            created_at=now - timedelta(days=age_days),
            lang=lang,
            network=_pick_weighted(rng, NETWORKS[:-1]),
        )

    def _regular(self, rng: random.Random, brand: str) -> Author:
        pool = self.authors[brand]
        weights = self._activity[brand]
        value = rng.random() * weights[-1]
        low, high = 0, len(weights) - 1
        while low < high:
            middle = (low + high) // 2
            if weights[middle] < value:
                low = middle + 1
            else:
                high = middle
        return pool[low]

    # --- the stream ----------------------------------------------------------------------

    def records(self, since: datetime | None = None, after_id: str | None = None) -> Iterator[dict[str, Any]]:
        """Every record in time order, forever; resume with the time and id of the last one seen."""
        for post in self._posts(since, after_id):
            yield post.record

    def timed_records(
        self, since: datetime | None = None, after_id: str | None = None
    ) -> Iterator[tuple[datetime, dict[str, Any]]]:
        for post in self._posts(since, after_id):
            yield post.at, post.record

    def _posts(self, since: datetime | None, after_id: str | None) -> Iterator[_Post]:
        since = since.astimezone(UTC) if since else None
        first_chunk = 0
        if since is not None:
            first_chunk = max(
                0, int((since - self.start) / HOUR) - 3
            )  # replies and rants spill up to three hours ahead
        pending: list[_Post] = []
        chunk = first_chunk
        while True:
            for post in self._chunk(chunk):
                heapq.heappush(pending, post)
            horizon = self.start + (chunk + 1) * HOUR
            while pending and pending[0].at < horizon:
                post = heapq.heappop(pending)
                if since is not None and (post.at, post.native_id) <= (since, after_id or ""):
                    continue
                yield post
            chunk += 1

    def _chunk(self, index: int) -> list[_Post]:
        begin = self.start + index * HOUR
        posts: list[_Post] = []
        for brand in self.spec.brands:
            posts.extend(self._everyday(brand, index, begin))
        posts.extend(self._wave_chunks.get(index, ()))
        return posts

    def _rate(self, brand: str, moment: datetime) -> float:
        local = moment.astimezone(ZoneInfo(_ZONE[brand]))
        months = max(0.0, (moment - self.start) / timedelta(days=30))
        growth: float = (1 + self.spec.growth_per_month) ** months
        daily = DAILY[local.hour] / _DAILY_MEAN
        return BASE_RATE[brand] * self.spec.rate * daily * WEEKLY[brand][local.weekday()] * growth

    def _everyday(self, brand: str, index: int, begin: datetime) -> list[_Post]:
        rng = _seeded(self.spec.seed, "hour", brand, index)
        voice = texts.BRANDS[brand]
        count = _poisson(rng, self._rate(brand, begin + HOUR / 2))
        posts = []
        for number in range(count):
            at = begin + timedelta(seconds=rng.uniform(0, 3600))
            author = self._regular(rng, brand)
            category = _pick_weighted(rng, EVERYDAY_MIX)
            post = self._compose(rng, voice, category, author, at, ("d", brand, index, number))
            posts.append(post)
            if category in ("complaint", "question") and rng.random() < 0.45:
                delay = timedelta(minutes=rng.uniform(4, 100))
                posts.append(self._brand_reply(rng, voice, post, author, at + delay, ("r", brand, index, number)))
        # Isolated angry customers: one person, many angry posts within an hour or two.
        if rng.random() < self.spec.rants_per_week / 168 * self.spec.rate**0.5:
            ranter = self._regular(rng, brand)
            start = begin + timedelta(seconds=rng.uniform(0, 3600))
            for number in range(rng.randint(4, 12)):
                at = start + timedelta(minutes=number * rng.uniform(3, 12))
                posts.append(self._compose(rng, voice, "rant", ranter, at, ("a", brand, index, number)))
        return posts

    def _template(self, rng: random.Random, voice: BrandVoice, category: str, lang: str) -> str:
        own = voice.everyday.get(category, {}).get(lang, ())
        generic = texts.GENERIC[category][lang]
        if own and rng.random() < 0.4:
            return rng.choice(own)
        return rng.choice(generic)

    def _slots(self, rng: random.Random, voice: BrandVoice, lang: str, **extra: str) -> dict[str, str]:
        slots = {
            "brand": voice.name,
            "handle": voice.handles[0],
            "product": rng.choice(voice.products[lang]),
            "place": rng.choice(voice.places),
            "n": str(rng.randint(2, 9)),
            "hours": str(rng.randint(2, 12)),
            "days": str(rng.randint(2, 10)),
            "tag": "#" + rng.choice(voice.tags),
            "emoji_pos": rng.choice(texts.EMOJI_POSITIVE),
            "emoji_neg": rng.choice(texts.EMOJI_NEGATIVE),
            "author": "",
            "origin": "",
        }
        slots.update(extra)
        return slots

    def _compose(
        self,
        rng: random.Random,
        voice: BrandVoice,
        category: str,
        author: Author,
        at: datetime,
        key: tuple[object, ...],
    ) -> _Post:
        lang = author.lang
        text = self._template(rng, voice, category, lang).format(**self._slots(rng, voice, lang))
        return self._post(rng, author, at, text, lang, key)

    def _post(
        self,
        rng: random.Random,
        author: Author,
        at: datetime,
        text: str,
        lang: str,
        key: tuple[object, ...],
        *,
        network: str | None = None,
        likes: int | None = None,
        reposts: int = 0,
        links: Mapping[str, str] | None = None,
        **link: str,
    ) -> _Post:
        network = network or author.network
        native_id = _native_id(self.spec.seed, at, *key)
        user = author.handle.lstrip("@")
        record: dict[str, Any] = {
            "source": network,
            "id": native_id,
            "created_at": iso_utc(at),
            "text": text,
            "url": _HOSTS[network].format(user=user, id=native_id),
            "lang": lang if network in _LANG_GIVEN else None,
            "author": {
                "handle": author.handle,
                "name": author.name,
                "followers": author.followers,
                "created_at": iso_utc(author.created_at),
            },
            "metrics": {
                "likes": likes if likes is not None else int(rng.expovariate(1 / max(1.0, author.followers / 60))),
                "reposts": reposts,
                "replies": 0,
                "quotes": 0,
            },
        }
        for name, value in {**(links or {}), **link}.items():
            if value:
                record[name] = value
        return _Post(at, native_id, record)

    def _brand_reply(
        self, rng: random.Random, voice: BrandVoice, to: _Post, person: Author, at: datetime, key: tuple[object, ...]
    ) -> _Post:
        account = self._own_account(voice, person.network, person.lang)
        template = self._template(rng, voice, "brand_reply", person.lang)
        text = template.format(**self._slots(rng, voice, person.lang, author=person.handle))
        return self._post(
            rng,
            account,
            at,
            text,
            person.lang,
            key,
            network=to.record["source"],
            in_reply_to=to.native_id,
            in_reply_to_author=person.handle,
        )

    def _own_account(self, voice: BrandVoice, network: str, lang: str) -> Author:
        handle = voice.handles[-1] if len(voice.handles) > 1 else voice.handles[0]
        return Author(handle, voice.name, 48_000, datetime(2015, 3, 1, tzinfo=UTC), lang, network)

    # --- waves ---------------------------------------------------------------------------

    def truth(self) -> list[WaveTruth]:
        """The ground truth of every wave of the spec."""
        return [self._wave(number)[1] for number in range(len(self.spec.waves))]

    @cached_property
    def _wave_chunks(self) -> dict[int, list[_Post]]:
        """Every wave post, by the hour chunk it falls in."""
        chunks: dict[int, list[_Post]] = {}
        for number in range(len(self.spec.waves)):
            for post in self._wave(number)[0]:
                if post.at >= self.start:
                    chunks.setdefault(int((post.at - self.start) / HOUR), []).append(post)
        return chunks

    def _wave(self, number: int) -> tuple[list[_Post], WaveTruth]:
        if number not in self._waves:
            self._waves[number] = self._build_wave(number)
        return self._waves[number]

    def _build_wave(self, number: int) -> tuple[list[_Post], WaveTruth]:
        wave = self.spec.waves[number]
        voice = texts.BRANDS[wave.brand]
        cause = _cause(voice, wave)
        rng = _seeded(self.spec.seed, "wave", number, wave.brand, cause.id)
        onset = wave.at.astimezone(UTC)
        slow = wave.shape == "slow"
        spread = timedelta(minutes=wave.spread_minutes or (240 if slow else 25))
        shape_k = 3.0 if slow else 2.0
        posts: list[_Post] = []
        key = ("w", number)

        # Who starts it: the brand itself (a blunder) or one to three customers telling their story.
        if cause.origin_by_brand:
            origin_authors = [self._own_account(voice, "x", "es" if rng.random() < voice.spanish_share else "en")]
        else:
            origin_authors = [self._regular(rng, wave.brand) for _ in range(rng.randint(1, 3))]
            origin_authors = list({a.handle: a for a in origin_authors}.values())
        origins: list[_Post] = []
        for index, author in enumerate(origin_authors):
            at = onset + timedelta(minutes=0 if index == 0 else rng.uniform(3, 20) * (6 if slow else 1))
            lang = author.lang
            template = rng.choice(cause.origin[lang])
            text = template.format(**self._slots(rng, voice, lang))
            post = self._post(rng, author, at, text, lang, (*key, "o", index), network="x",
                              likes=rng.randint(200, 2000), reposts=0)  # fmt: skip
            origins.append(post)
        posts.extend(origins)
        first = origins[0]

        # Who carries it furthest: journalists and high-reach accounts quoting the first post.
        amplifier_pool = list(texts.MEDIA) + list(texts.INFLUENCERS)
        rng.shuffle(amplifier_pool)
        amplifiers: list[_Post] = []
        for index, (handle, name) in enumerate(amplifier_pool[: rng.randint(2, 3)]):
            lang = "es" if rng.random() < max(0.6, voice.spanish_share) else "en"
            author = Author(handle, name, rng.randint(40_000, 600_000), datetime(2012, 5, 1, tzinfo=UTC), lang, "x")
            delay = timedelta(minutes=rng.uniform(8, 40)) * (8 if slow else 1)
            template = rng.choice(cause.amplifier[lang])
            text = template.format(**self._slots(rng, voice, lang, origin=first.record["author"]["handle"]))
            amplifiers.append(
                self._post(
                    rng, author, first.at + delay, text, lang, (*key, "m", index),
                    network="x", likes=rng.randint(500, 5000), quote_of=first.native_id,
                )
            )  # fmt: skip
        posts.extend(amplifiers)

        # The many: distinct people posting their own complaint, replying, quoting, reposting.
        followers: list[_Post] = []
        participants: list[Author] = []
        newcomers: dict[str, tuple[Author, _Post]] = {}  # people who post only in this wave: their first post
        coordinated_templates = {
            lang: tuple(rng.sample(list(cause.follower[lang]), k=min(3, len(cause.follower[lang]))))
            for lang in ("es", "en")
        }
        for index in range(wave.size):
            fresh = False  # someone who posts only in this wave
            if wave.coordinated:
                author = self._person(rng, voice, index, onset, new=True)
            elif rng.random() < 0.55:
                author = self._regular(rng, wave.brand)
            else:
                author = self._person(rng, voice, 10_000 + number * 100_000 + index, onset)
                fresh = True
            participants.append(author)
            count = 1 if rng.random() < 0.8 else (2 if rng.random() < 0.75 else 3)
            for repeat in range(count):
                if wave.coordinated:
                    # Lockstep: bursts every ten minutes, a few seconds apart, near-identical texts.
                    burst = rng.randrange(0, 12)
                    at = onset + timedelta(minutes=5 + 10 * burst, seconds=rng.uniform(0, 40))
                    template = rng.choice(coordinated_templates[author.lang])
                else:
                    at = onset + timedelta(minutes=rng.uniform(1, 6)) + spread * rng.gammavariate(shape_k, 1.0)
                    template = rng.choice(cause.follower[author.lang])
                kind = rng.random()
                links: dict[str, str] = {}
                if kind < 0.15:
                    links = {"in_reply_to": first.native_id, "in_reply_to_author": first.record["author"]["handle"]}
                elif kind < 0.25 and amplifiers:
                    links = {"quote_of": rng.choice(amplifiers).native_id}
                text = template.format(**self._slots(rng, voice, author.lang, origin=first.record["author"]["handle"]))
                follower = self._post(rng, author, at, text, author.lang, (*key, "f", index, repeat), links=links)
                followers.append(follower)
                if fresh:
                    newcomers.setdefault(author.handle, (author, follower))
        posts.extend(followers)

        # Reposts of the first posts and of the amplifiers: reach without new words.
        reposted = origins + amplifiers
        repost_counts = {post.native_id: 0 for post in reposted}
        weights = [3.0 if post in origins else 1.5 for post in reposted]
        for index in range(int(wave.size * 0.9)):
            target = rng.choices(reposted, weights=weights)[0]
            author = self._person(rng, voice, 50_000 + number * 100_000 + index, onset)
            lag = spread * rng.gammavariate(shape_k, 1.0)
            at = max(target.at + timedelta(seconds=30), onset + timedelta(minutes=2) + lag)
            original = target.record
            text = f"RT {original['author']['handle']}: {original['text']}"
            repost = self._post(rng, author, at, text, original.get("lang") or author.lang, (*key, "p", index),
                                network="x", likes=0, repost_of=target.native_id)  # fmt: skip
            posts.append(repost)
            repost_counts[target.native_id] += 1
        for post in reposted:
            post.record["metrics"]["reposts"] = repost_counts[post.native_id]
            post.record["metrics"]["quotes"] = sum(
                1 for f in followers + amplifiers if f.record.get("quote_of") == post.native_id
            )
            post.record["metrics"]["replies"] = sum(
                1 for f in followers if f.record.get("in_reply_to") == post.native_id
            )

        # The brand answers, late and a few times.
        for index in range(rng.randint(2, 4)):
            lang = "es" if index % 2 == 0 else "en"
            at = onset + timedelta(minutes=rng.uniform(35, 120)) * (4 if slow else 1)
            template = rng.choice(cause.brand_reply[lang])
            person = first.record["author"]["handle"]
            text = template.format(**self._slots(rng, voice, lang, author=person))
            account = self._own_account(voice, "x", lang)
            posts.append(self._post(rng, account, at, text, lang, (*key, "b", index), network="x",
                                    in_reply_to=first.native_id, in_reply_to_author=person))  # fmt: skip

        times = sorted(post.at for post in posts)
        hourly: dict[datetime, int] = {}
        for moment in times:
            bucket = moment.replace(minute=0, second=0, microsecond=0)
            hourly[bucket] = hourly.get(bucket, 0) + 1
        peak = max(hourly, key=hourly.__getitem__)
        truth = WaveTruth(
            brand=wave.brand,
            kind=wave.kind,
            cause=cause.id,
            title=dict(cause.title),
            key_terms=dict(cause.key_terms),
            onset=onset,
            peak=peak,
            end=times[int(0.95 * (len(times) - 1))],
            shape=wave.shape,
            coordinated=wave.coordinated,
            size=wave.size,
            first_posters=tuple(post.record["author"]["handle"] for post in origins),
            first_post_ids=tuple(post.native_id for post in origins),
            amplifiers=tuple(post.record["author"]["handle"] for post in amplifiers),
            posts=len(posts),
            negative_authors=len({a.handle for a in participants}) + len(origins) if wave.kind == "negative" else 0,
        )
        if wave.kind == "negative":
            # after the wave's truth: the answers and kind words days later are not the wave
            converted, won_back = self._conversions(number, voice, newcomers, slow)
            posts.extend(converted)
            truth = replace(truth, converted=won_back)
        return posts, truth

    def _conversions(
        self, number: int, voice: BrandVoice, newcomers: dict[str, tuple[Author, _Post]], slow: bool
    ) -> tuple[list[_Post], tuple[str, ...]]:
        """Detractors won back: about one in five of the wave's newcomers gets an answer from the
        brand a few hours after their complaint and, one to four days later, writes kindly of it.
        A generator of its own, so the rest of the stream stays what it was."""
        rng = _seeded(self.spec.seed, "convert", number)
        posts: list[_Post] = []
        chosen = [handle for handle in sorted(newcomers) if rng.random() < 0.2]
        for index, handle in enumerate(chosen):
            author, complaint = newcomers[handle]
            lang = author.lang
            answer_at = complaint.at + timedelta(hours=rng.uniform(1, 8) * (2 if slow else 1))
            posts.append(self._brand_reply(rng, voice, complaint, author, answer_at, ("w", number, "c", index)))
            later = answer_at + timedelta(days=rng.uniform(1, 4))
            text = rng.choice(texts.CONVERTED[lang]).format(**self._slots(rng, voice, lang))
            thanks = self._post(rng, author, later, text, lang, ("w", number, "k", index), likes=rng.randint(0, 20))
            posts.append(thanks)
        return posts, tuple(chosen)


def _cause(voice: BrandVoice, wave: WaveSpec) -> Cause:
    if wave.kind == "news":
        # Neutral news everyone shares: a spike in volume that is neither praise nor complaint.
        news: dict[str, tuple[str, ...]] = {
            lang: tuple(voice.everyday.get("neutral", {}).get(lang, ())) + tuple(texts.GENERIC["neutral"][lang])
            for lang in ("es", "en")
        }
        return Cause(
            id="news",
            brand=voice.id,
            title={"es": f"{voice.name} en las noticias", "en": f"{voice.name} in the news"},
            key_terms={"es": (), "en": ()},
            sentiment="neutral",
            origin=news,
            follower=news,
            amplifier=news,
            brand_reply=news,
        )
    if wave.kind == "positive":
        if wave.cause and wave.cause != voice.good_news.id:
            raise ValueError(f"{voice.id}: the positive story is {voice.good_news.id!r}, not {wave.cause!r}")
        return voice.good_news
    if wave.cause is None:
        return voice.causes[0]
    for cause in voice.causes:
        if cause.id == wave.cause:
            return cause
    known = ", ".join(c.id for c in voice.causes)
    raise ValueError(f"{voice.id} has no wave cause {wave.cause!r} (causes: {known})")


def _cumulative(weights: list[float]) -> Iterator[float]:
    total = 0.0
    for weight in weights:
        total += weight
        yield total


def _ascii(text: str) -> str:
    from ascua.query.text import fold

    return "".join(char for char in fold(text) if char.isalnum() or char == "_")


_SNOWFLAKE_EPOCH_MS = 1288834974657


def _native_id(seed: int, at: datetime, *key: object) -> str:
    """A time-ordered id, like the networks' own (X snowflakes, Bluesky TIDs): time, then 22 random bits."""
    digest = hashlib.blake2b(":".join(map(str, (seed, *key))).encode(), digest_size=8).digest()
    milliseconds = int(at.timestamp() * 1000) - _SNOWFLAKE_EPOCH_MS
    return str((milliseconds << 22) | (int.from_bytes(digest, "big") & 0x3FFFFF))


def default_waves(seed: int, start: datetime, days: float, brands: tuple[str, ...]) -> tuple[WaveSpec, ...]:
    """A varied set of waves for ``days`` of scenario: roughly one every nine days.

    The kinds rotate: a flash crisis, a positive story going viral, a slow burn, a
    coordinated campaign. The first wave comes after a week, so detectors have history.
    """
    rng = _seeded(seed, "waves")
    kinds: list[tuple[WaveKind, Shape, bool]] = [
        ("negative", "flash", False),
        ("positive", "flash", False),
        ("negative", "slow", False),
        ("negative", "flash", True),
    ]
    waves = []
    day = 7.0 + rng.uniform(0, 2)
    index = 0
    while day < days - 1:
        brand = brands[index % len(brands)]
        kind, shape, coordinated = kinds[index % len(kinds)]
        voice = texts.BRANDS[brand]
        cause = None if kind == "positive" else voice.causes[(index // len(brands)) % len(voice.causes)].id
        at = start + timedelta(days=day, hours=rng.uniform(8, 20) - 12)
        size = rng.choice((60, 90, 150, 250, 400)) if not coordinated else rng.choice((60, 120))
        waves.append(WaveSpec(brand, at, cause, size, shape, kind, coordinated))
        day += rng.uniform(6, 12)
        index += 1
    return tuple(waves)
