"""explain: where a wave started, why, and who is spreading it (BRIEF M3).

:func:`explain` reads the posts of a wave against the brand's usual conversation
and returns an :class:`Explanation`:

- **origin**: the first posts of the story, followed back along reposts, quotes,
  replies and copies of the same text, their authors and network, and the time
  from the first post to the detection;
- **reasons**: the terms the wave uses more than usual (log-odds with an informative
  Dirichlet prior), grouped into themes with their share and representative posts;
- **amplifiers**: the accounts that carried it furthest, media and high-reach ones
  called out, and the cascade shape (one viral post or many independent complaints);
- **coordination**: near-identical texts, new accounts, lockstep posting;
- **timeline**: volume and negative share per interval.

What it could not determine is said in ``unknown``, never invented. The function is
pure: :mod:`ascua.explain.store` loads the posts of an alert from the database,
stores the explanation and reads it back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from ascua.explain.note import Note, note
from ascua.explain.post import Post, PostKey
from ascua.explain.reasons import Reason, Theme, UsualCounts, count_usual, read_reasons
from ascua.explain.spread import (
    Amplifier,
    Cascades,
    Coordination,
    Origin,
    Shape,
    Timeline,
    cascade_shape,
    coordination,
    find_amplifiers,
    find_origin,
    timeline,
)
from ascua.explain.terms import Vocabulary
from ascua.i18n import N_

VERSION = 1
STORY_TERMS = 8

__all__ = ["VERSION", "Explanation", "Post", "explain"]


@dataclass(slots=True)
class Explanation:
    brand: str
    start: str
    end: str
    computed_at: str
    posts: int
    people: int
    negative_posts: int
    languages: dict[str, int]
    origin: Origin | None
    reasons: list[Reason]
    themes: list[Theme]
    amplifiers: list[Amplifier]
    shape: Shape | None
    coordination: Coordination | None
    timeline: Timeline
    unknown: list[Note] = field(default_factory=list)
    version: int = VERSION

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def explain(
    brand: str,
    wave: Sequence[Post],
    usual: Sequence[Post] | UsualCounts = (),
    *,
    start: datetime,
    end: datetime,
    earlier: Sequence[Post] = (),
    linked: Mapping[PostKey, Post] | None = None,
    brand_name: str | None = None,
    own_accounts: Sequence[str] = (),
    detected_at: datetime | None = None,
    detector_signs: Sequence[str] = (),
    computed_at: datetime | None = None,
    vocabulary: Vocabulary | None = None,
) -> Explanation:
    """Explain the wave of ``brand`` made of ``wave`` (its posts from ``start`` to ``end``).

    ``usual`` is the brand's conversation before the wave (the contrast for the reasons;
    :func:`~ascua.explain.reasons.count_usual` counts it once for many calls), ``earlier``
    its posts just before the wave (where the origin may be), ``linked`` the posts the
    wave's posts point at, wherever they are. ``detected_at`` is when the alert opened.
    Once the origin is found, the wave is read from its first post.
    """
    vocabulary = vocabulary or Vocabulary()
    wave = sorted(wave, key=lambda p: (p.created_at, p.native_id))
    earlier = sorted(earlier, key=lambda p: (p.created_at, p.native_id))
    skip = {handle.lower() for handle in own_accounts}
    unknown: list[Note] = []
    if not wave:
        unknown.append(note(N_("no stored post in the wave's time span")))
    if not isinstance(usual, UsualCounts):
        usual = count_usual(usual, vocabulary, skip)
    reading = read_reasons(wave, usual, vocabulary, skip=skip, brand_words=(brand, brand_name or brand))
    unknown.extend(reading.unknown)
    cascades = Cascades(wave, earlier, linked or {})

    story_terms = {reason.term for reason in reading.reasons[:STORY_TERMS]}
    story: dict[PostKey, bool] = {}
    if story_terms:
        for index, post in enumerate(wave):
            found = reading.terms.get(index)
            story[post.key] = _tells(found, story_terms) if found is not None else False
        for post in earlier:
            if vocabulary.supported(post.lang) and post.person not in skip:
                story[post.key] = _tells(vocabulary.terms(post.text, post.lang or ""), story_terms)
    else:  # no words to tell the story by: it is the wave's negative posts
        for post in wave:
            story[post.key] = post.is_negative and post.person not in skip
    for root, size in cascades.size.items():  # the roots of the wave's cascades tell its story
        if size >= 3 and cascades.children.get(root, 0) > 0:
            story[root] = True
    usual_rate = max((usual.counts.get(term, 0) for term in story_terms), default=0) / max(usual.hours, 1.0)
    origin = find_origin(wave, earlier, cascades, story, usual_rate, detected_at) if wave else None
    if origin is None and wave:
        unknown.append(note(N_("no first post of the story could be told apart")))
    if origin is not None:  # the wave, from its first post
        first_at = datetime.fromisoformat(origin.first_at.replace("Z", "+00:00"))
        if first_at < start:
            wave = [post for post in earlier if post.created_at >= first_at] + list(wave)
            start = first_at
            cascades = Cascades(wave, [post for post in earlier if post.created_at < first_at], linked or {})
    amplifiers = find_amplifiers(wave, cascades, story, skip)
    missing = sum(1 for post in wave if post.followers is None)
    if wave and missing:
        unknown.append(note(N_("the reach of {missing} of {posts} posts is unknown (no follower count)"),
                            missing=missing, posts=len(wave)))  # fmt: skip
    if not amplifiers and wave:
        unknown.append(note(N_("no account is seen carrying the wave (no reach or reposts known)")))
    people = {post.person for post in wave}
    languages: dict[str, int] = {}
    for post in wave:
        languages[post.lang or "unknown"] = languages.get(post.lang or "unknown", 0) + 1
    if wave and all(not post.author for post in wave):
        unknown.append(note(N_("the authors of the posts are unknown: people are counted as posts")))
    moment = computed_at or datetime.now(start.tzinfo)
    return Explanation(
        brand=brand,
        start=_iso(start),
        end=_iso(end),
        computed_at=_iso(moment),
        posts=len(wave),
        people=len(people),
        negative_posts=sum(1 for post in wave if post.is_negative),
        languages=dict(sorted(languages.items(), key=lambda item: -item[1])),
        origin=origin,
        reasons=reading.reasons,
        themes=reading.themes,
        amplifiers=amplifiers,
        shape=cascade_shape(wave, cascades, skip),
        coordination=coordination(wave, cascades, skip, list(detector_signs)) if wave else None,
        timeline=timeline(wave, start, end),
        unknown=unknown,
    )


def _tells(found: set[str], story: set[str]) -> bool:
    """A post tells the story when it says two of its terms, or one of its phrases."""
    if not story:
        return False
    hits = found & story
    return len(hits) >= 2 or any(" " in term for term in hits)


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")
