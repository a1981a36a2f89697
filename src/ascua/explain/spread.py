"""How a wave spread: where it started, who carried it, its shape, and signs of coordination.

The posts of a wave are joined into cascades along their links (a repost, a quote or
a reply points at the post it spreads) and their copies (near-identical texts point
at the earliest post with the same text). The *origin* is the earliest part of the
story: the roots of the wave's big cascades, and the first posts of the run of posts
saying the same thing, followed back in time while they come faster than the brand's
usual pace for those words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ascua.explain.note import Note, note
from ascua.explain.post import Post, PostKey
from ascua.explain.reasons import Sample, sample_of
from ascua.i18n import N_

HIGH_REACH = 10_000
MAX_ORIGINS = 3
MAX_AMPLIFIERS = 5
MAX_DEPTH = 30
# Names and handles of newsrooms, journalists and consumer groups, in Spanish and English.
_MEDIA = re.compile(
    r"diario|peri[oó]dic|periodista|noticias|news|gaceta|gazette|tribune|cr[oó]nica|chronicle|herald|journal"
    r"|prensa|press|reporter|reportera|redacci[oó]n|newsroom|editor|canal|radio|\btv\b|_tv\b|televisi[oó]n"
    r"|magazine|revista|informa|desk|consumidores|consumer group|asociaci[oó]n",
    re.IGNORECASE,
)


@dataclass(slots=True)
class OriginPost:
    sample: Sample
    followers: int | None
    why: Note
    descendants: int  # posts of the wave that spread it (reposts, quotes, replies, copies)


@dataclass(slots=True)
class Origin:
    posts: list[OriginPost]
    network: str
    first_at: str
    detected_at: str | None
    minutes_to_detection: float | None


@dataclass(slots=True)
class Amplifier:
    author: str
    name: str | None
    followers: int | None
    posts: int
    spread: int  # posts of the wave reposting, quoting or answering theirs
    reach_carried: int  # followers × (1 + spread)
    media: bool
    high_reach: bool
    network: str
    sample: Sample | None


@dataclass(slots=True)
class Shape:
    kind: str  # "one viral post", "many independent complaints", "mixed"
    largest_cascade_share: float
    independent_share: float
    repost_share: float
    cascades: int
    root: Sample | None


@dataclass(slots=True)
class Coordination:
    flagged: bool
    copies_share: float  # of the original posts, those repeating one of the 3 most repeated texts
    new_accounts_share: float | None  # of the people with a known account age
    lockstep_share: float  # of the posts, those in bursts of a minute
    busiest_minute: str | None
    busiest_minute_posts: int
    detector_signs: list[str]
    evidence: list[Note] = field(default_factory=list)
    repeated_text: str | None = None
    repeated_by: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Point:
    start: str
    mentions: int
    negative: int
    negative_share: float
    people: int


@dataclass(slots=True)
class Timeline:
    interval_seconds: int
    points: list[Point]


class Cascades:
    """The wave's posts joined along their links and copies.

    ``parent`` holds the real links (a repost, quote or reply points at its post);
    ``copy_of`` points a near-identical text at the earliest one among the wave and the
    posts just before it. ``size`` counts, for each root, the wave's posts under it by
    either; ``children`` the wave's posts directly reposting, quoting or answering a post.
    """

    def __init__(self, wave: Sequence[Post], earlier: Sequence[Post], linked: Mapping[PostKey, Post]):
        self.index: dict[PostKey, Post] = dict(linked)
        for post in earlier:
            self.index[post.key] = post
        for post in wave:
            self.index[post.key] = post
        self.parent: dict[PostKey, PostKey] = {}
        for post in self.index.values():
            parent = post.parent
            if parent is not None and parent in self.index and parent != post.key:
                self.parent[post.key] = parent
        groups: dict[int, list[Post]] = {}
        for post in (*earlier, *wave):
            if post.key in self.parent or post.is_repost:
                continue
            fingerprint = post.fingerprint
            if fingerprint:
                groups.setdefault(fingerprint, []).append(post)
        self.copy_of: dict[PostKey, PostKey] = {}
        for posts in groups.values():
            if len(posts) < 3:
                continue
            posts.sort(key=lambda p: (p.created_at, p.native_id))
            for copy in posts[1:]:
                self.copy_of[copy.key] = posts[0].key
        self.root: dict[PostKey, PostKey] = {}
        self.size: Counter[PostKey] = Counter()
        self.children: Counter[PostKey] = Counter()
        for post in wave:
            root = self.root_of(post.key)
            self.root[post.key] = root
            if root != post.key:
                self.size[root] += 1
            parent = self.parent.get(post.key)
            if parent is not None:
                self.children[parent] += 1

    def root_of(self, key: PostKey) -> PostKey:
        for _ in range(MAX_DEPTH):
            step = self.parent.get(key) or self.copy_of.get(key)
            if step is None:
                break
            key = step
        return key

    def linked(self, key: PostKey) -> bool:
        """Whether the post spreads another one (repost, quote, reply) or copies its text."""
        return key in self.parent or key in self.copy_of


def find_origin(
    wave: Sequence[Post],
    earlier: Sequence[Post],
    cascades: Cascades,
    story: Mapping[PostKey, bool],
    usual_rate: float,
    detected_at: datetime | None,
) -> Origin | None:
    """The first posts of the story: big cascade roots and the start of the run of story posts.

    ``story`` says which posts (of the wave and before it) tell the wave's story;
    ``usual_rate`` is how many story posts the brand usually gets per hour.
    """
    if not wave:
        return None
    anchor = detected_at or wave[-1].created_at
    threshold = max(3, round(0.03 * len(wave)))
    roots = [
        (cascades.index[key], size)
        for key, size in cascades.size.most_common()
        if size >= threshold
        and key in cascades.index
        and cascades.index[key].created_at <= anchor
        and (cascades.children.get(key, 0) > 0 or story.get(key))  # copies of everyday lines are no story
    ]
    # the run: story posts going back from the detection while they come faster than usual
    told = sorted(
        (post for post in (*earlier, *wave) if story.get(post.key) and post.created_at <= anchor),
        key=lambda p: (p.created_at, p.native_id),
    )
    gap = timedelta(hours=6) if usual_rate <= 0 else timedelta(hours=min(6.0, max(1 / 6, 1 / (3 * usual_rate))))
    run: list[Post] = []
    if told:
        start = len(told) - 1
        while start > 0 and told[start].created_at - told[start - 1].created_at <= gap:
            start -= 1
        run = told[start:]
    candidates: dict[PostKey, OriginPost] = {}
    for post, size in roots[:MAX_ORIGINS]:
        why = note(N_("{count} posts of the wave repost, quote, answer or copy it"), count=size)
        candidates[post.key] = OriginPost(sample_of(post), post.followers, why, size)
    authors = {cascades.index[key].person for key in candidates}
    for post in run:
        if len(candidates) >= MAX_ORIGINS + 2:
            break
        root = cascades.root.get(post.key, post.key)
        if post.key in candidates or post.person in authors or (root != post.key and root in candidates):
            continue
        why = note(N_("among the first posts telling the story"))
        candidates[post.key] = OriginPost(sample_of(post), post.followers, why, cascades.size.get(post.key, 0))
        authors.add(post.person)
    if not candidates:
        return None
    # the earliest ones, but never leave out the root of the biggest cascade
    ordered = sorted(candidates.values(), key=lambda o: (o.sample.created_at, o.sample.native_id))
    chosen = ordered[:MAX_ORIGINS]
    if roots and roots[0][0].key not in {(o.sample.source, o.sample.native_id) for o in chosen}:
        chosen = [*chosen[: MAX_ORIGINS - 1], candidates[roots[0][0].key]]
        chosen.sort(key=lambda o: (o.sample.created_at, o.sample.native_id))
    first = chosen[0]
    first_at = _parse(first.sample.created_at)
    minutes = (detected_at - first_at).total_seconds() / 60 if detected_at else None
    return Origin(
        posts=chosen,
        network=first.sample.source,
        first_at=first.sample.created_at,
        detected_at=_iso(detected_at) if detected_at else None,
        minutes_to_detection=round(minutes, 1) if minutes is not None else None,
    )


def find_amplifiers(
    wave: Sequence[Post], cascades: Cascades, story: Mapping[PostKey, bool], skip: set[str]
) -> list[Amplifier]:
    """The accounts that carried the story furthest: reach × (1 + what the wave did with their posts)."""
    posts_of: dict[str, dict[PostKey, Post]] = {}
    for post in (*wave, *(cascades.index[key] for key in cascades.children if key in cascades.index)):
        if post.person in skip or not post.author or post.is_repost:
            continue
        if not (story.get(post.key) or cascades.children.get(post.key)):
            continue
        posts_of.setdefault(post.person, {})[post.key] = post
    children = cascades.children
    ranked: list[tuple[tuple[int, int, int], list[Post], int | None, int]] = []
    for by_key in posts_of.values():
        items = list(by_key.values())
        spread = 0
        followers: int | None = None
        for item in items:
            spread += max(children.get(item.key, 0), item.engagement)
            if item.followers is not None and (followers is None or item.followers > followers):
                followers = item.followers
        reach = followers or 0
        if reach == 0 and spread == 0:
            continue
        carried = reach * (1 + spread) if followers is not None else 0
        ranked.append(((carried, spread, reach), items, followers, spread))
    ranked.sort(key=lambda entry: entry[0], reverse=True)
    found = []
    for (carried, _, reach), items, followers, spread in ranked[:MAX_AMPLIFIERS]:
        best = max(items, key=lambda p: (children.get(p.key, 0), p.followers or 0))
        found.append(
            Amplifier(
                author=best.author,
                name=best.author_name,
                followers=followers,
                posts=len(items),
                spread=spread,
                reach_carried=carried,
                media=bool(_MEDIA.search(f"{best.author} {best.author_name or ''}")),
                high_reach=reach >= HIGH_REACH,
                network=best.source,
                sample=sample_of(best),
            )
        )
    return found


def cascade_shape(wave: Sequence[Post], cascades: Cascades, skip: set[str]) -> Shape | None:
    counted = [post for post in wave if post.person not in skip]
    if not counted:
        return None
    total = len(counted)
    roots = Counter(cascades.root.get(post.key, post.key) for post in counted)
    root, largest = roots.most_common(1)[0]
    independent = sum(1 for post in counted if not cascades.linked(post.key) and not post.is_repost)
    reposts = sum(1 for post in counted if post.is_repost)
    largest_share = largest / total
    independent_share = independent / total
    if largest >= 3 and largest_share >= 0.5:
        kind = "one viral post"
    elif independent_share >= 0.6:
        kind = "many independent complaints"
    else:
        kind = "mixed"
    root_post = cascades.index.get(root)
    return Shape(
        kind=kind,
        largest_cascade_share=round(largest_share, 4),
        independent_share=round(independent_share, 4),
        repost_share=round(reposts / total, 4),
        cascades=sum(1 for count in roots.values() if count >= 3),
        root=sample_of(root_post) if root_post is not None and largest >= 3 else None,
    )


def coordination(wave: Sequence[Post], cascades: Cascades, skip: set[str], detector_signs: list[str]) -> Coordination:
    """Near-identical texts, new accounts and lockstep posting among the wave's negative posts
    (all of its posts when none was read as negative).

    A campaign repeats a few texts (the three most repeated ones make over a third of the
    original posts), from new accounts (four in ten under 30 days old), in bursts (a third
    of the posts land in minutes holding several times what the minutes around them do).
    Two of the three, or the detector's own signs, flag the wave.
    """
    pool = [post for post in wave if post.person not in skip and post.is_negative] or [
        post for post in wave if post.person not in skip
    ]
    originals = [post for post in pool if not post.is_repost]
    copied: Counter[int] = Counter()
    for post in originals:
        fingerprint = post.fingerprint
        if fingerprint:
            copied[fingerprint] += 1
    top = [(fingerprint, count) for fingerprint, count in copied.most_common(3) if count >= 3]
    in_groups = sum(count for _, count in top)
    copies_share = in_groups / len(originals) if originals else 0.0
    people: dict[str, Post] = {}
    for post in pool:
        people.setdefault(post.person, post)
    known = [post for post in people.values() if post.author_created_at is not None]
    new_share = sum(1 for post in known if post.new_account) / len(known) if known else None
    minutes = Counter(int(post.created_at.timestamp() // 60) for post in pool)
    bursts = _burst_minutes(minutes)
    in_bursts = sum(minutes[minute] for minute in bursts)
    lockstep_share = in_bursts / len(pool) if pool else 0.0
    busiest_minute, busiest_posts = minutes.most_common(1)[0] if minutes else (None, 0)
    busiest = datetime.fromtimestamp(busiest_minute * 60, UTC) if busiest_minute is not None else None
    evidence = []
    repeated_text, repeated_by = None, []
    if top:
        fingerprint, count = top[0]
        group = [post for post in originals if post.fingerprint == fingerprint]
        repeated_text = group[0].text[:300]
        repeated_by = sorted({post.author for post in group if post.author})[:8]
        accounts = len({p.person for p in group})
        evidence.append(note(N_("{count} posts by {accounts} accounts repeat the same text"), count=count,
                             accounts=accounts))  # fmt: skip
    if new_share is not None and new_share >= 0.3:
        evidence.append(note(N_("{share}% of the accounts are less than 30 days old"), share=round(100 * new_share)))
    lockstep = in_bursts >= 10 and lockstep_share >= 1 / 3
    if lockstep:
        evidence.append(note(N_("{count} posts arrived in {bursts} bursts of a minute, in lockstep"), count=in_bursts,
                             bursts=len(bursts)))  # fmt: skip
    strong = sum((copies_share >= 0.35 and in_groups >= 5, (new_share or 0.0) >= 0.4, lockstep))
    return Coordination(
        flagged=bool(detector_signs) or strong >= 2,
        copies_share=round(copies_share, 4),
        new_accounts_share=round(new_share, 4) if new_share is not None else None,
        lockstep_share=round(lockstep_share, 4),
        busiest_minute=_iso(busiest) if busiest is not None else None,
        busiest_minute_posts=busiest_posts,
        detector_signs=list(detector_signs),
        evidence=evidence,
        repeated_text=repeated_text,
        repeated_by=repeated_by,
    )


def _burst_minutes(minutes: Counter[int]) -> list[int]:
    """Minutes with at least 3 posts and three times what the minutes around them hold (the next
    minute left out: a burst may straddle two)."""
    found = []
    for minute, count in minutes.items():
        if count < 3:
            continue
        around = [minutes.get(minute + step, 0) for step in (-5, -4, -3, -2, 2, 3, 4, 5)]
        if count >= 3 * (sum(around) / len(around)) + 1:
            found.append(minute)
    return found


_INTERVALS = (300, 900, 3600, 3 * 3600, 6 * 3600, 86400)


def timeline(wave: Sequence[Post], start: datetime, end: datetime, max_points: int = 96) -> Timeline:
    """Volume, negative posts and share, and people per interval across the wave, ready to chart."""
    seconds = max(1.0, (end - start).total_seconds())
    interval = next((step for step in _INTERVALS if seconds / step <= max_points), _INTERVALS[-1])
    origin = int(start.timestamp()) // interval * interval
    count = int((end.timestamp() - origin) // interval) + 1
    mentions = [0] * count
    negative = [0] * count
    people: list[set[str]] = [set() for _ in range(count)]
    for post in wave:
        slot = int((post.created_at.timestamp() - origin) // interval)
        if 0 <= slot < count:
            mentions[slot] += 1
            negative[slot] += post.is_negative
            people[slot].add(post.person)
    points = [
        Point(
            start=_iso(datetime.fromtimestamp(origin + slot * interval, tz=start.tzinfo)),
            mentions=mentions[slot],
            negative=negative[slot],
            negative_share=round(negative[slot] / mentions[slot], 4) if mentions[slot] else 0.0,
            people=len(people[slot]),
        )
        for slot in range(count)
    ]
    return Timeline(interval, points)


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
