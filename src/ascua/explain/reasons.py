"""Reasons: what a wave is about, as a few themes a person reads in ten seconds.

The distinctive terms of the wave (:mod:`ascua.explain.terms`) are grouped into
themes by the people who use them together: a term joins a theme when most of the
people using it (or most of the theme's) use both. Each theme has its share of the
wave's people and posts, its share of negative posts, and the posts that say it best.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ascua.explain.note import Note, note
from ascua.explain.post import Post
from ascua.explain.terms import Distinctive, Vocabulary, distinctive_terms, frequent_terms, written_as
from ascua.i18n import N_

MAX_REASONS = 12
MAX_THEMES = 4
MAX_THEME_TERMS = 5
SAMPLES = 3
_TOGETHER = 0.5  # a term joins a theme when this share of the smaller group of people uses both
MIN_DISTINCT_TEXTS = 3


@dataclass(slots=True)
class Reason:
    term: str  # the stem or phrase, as counted
    label: str  # how it is usually written
    z: float | None
    people: int
    share: float
    usual_share: float | None


@dataclass(slots=True)
class Sample:
    post_id: int
    source: str
    native_id: str
    author: str
    created_at: str
    text: str
    url: str | None
    negative: bool
    lang: str | None


@dataclass(slots=True)
class Theme:
    label: str
    terms: list[str]  # as people write them
    keys: list[str]  # as counted (word stems and two-word phrases): a post with one of them is of the theme
    people: int
    share: float  # of the wave's people
    posts: int
    post_share: float  # of the wave's posts
    negative_share: float  # of the theme's posts that are negative
    languages: dict[str, int]
    samples: list[Sample] = field(default_factory=list)


@dataclass(slots=True)
class Reading:
    """Terms read from the posts: kept for the origin, amplifier and coordination steps."""

    terms: dict[int, set[str]]  # index of the post in the wave -> its terms
    reasons: list[Reason]
    themes: list[Theme]
    unknown: list[Note]


@dataclass(slots=True)
class UsualCounts:
    """The brand's usual conversation, counted: people per term, people, and hours covered."""

    counts: Counter[str]
    people: int
    hours: float


USUAL_SAMPLE = 6_000


def count_usual(
    usual: Sequence[Post], vocabulary: Vocabulary, skip: set[str], *, sample: int = USUAL_SAMPLE
) -> UsualCounts:
    """Count the usual conversation once (an open alert's refreshes reuse it).

    Past ``sample`` posts, every n-th post is read: a few thousand posts give the usual
    share of every word a wave could be about, and the counting stays fast.
    """
    by_person: dict[str, set[str]] = {}
    step = max(1, -(-len(usual) // sample))
    for post in usual[::step]:
        if post.person in skip or post.is_repost or not vocabulary.supported(post.lang):
            continue
        found = vocabulary.terms(post.text, post.lang or "")
        if not found:
            continue
        person = by_person.get(post.person)
        if person is None:
            by_person[post.person] = set(found)
        else:
            person |= found
    counts: Counter[str] = Counter()
    for found in by_person.values():
        counts.update(found)
    hours = 0.0
    if usual:
        first, last = min(p.created_at for p in usual), max(p.created_at for p in usual)
        hours = max(1.0, (last - first).total_seconds() / 3600)
    return UsualCounts(counts, len(by_person), hours)


def read_reasons(
    wave: Sequence[Post],
    usual: UsualCounts,
    vocabulary: Vocabulary,
    *,
    skip: set[str] | None = None,
    brand_words: Sequence[str] = (),
    max_themes: int = MAX_THEMES,
) -> Reading:
    """The reasons and themes of ``wave``, contrasted with the brand's ``usual`` conversation.

    ``skip`` holds people (lowercase handles) whose posts are not read: the brand's own
    accounts. Terms with one of ``brand_words`` (the brand's name) say nothing of the wave.
    """
    skip = skip or set()
    banned = vocabulary.brand_terms(brand_words)
    unknown: list[Note] = []
    other_languages: Counter[str] = Counter()
    terms: dict[int, set[str]] = {}
    by_person: dict[str, set[str]] = {}
    texts: set[int] = set()
    surface: dict[str, Counter[str]] = {}
    seen: dict[tuple[str, str], set[str]] = {}
    wordless = 0
    for index, post in enumerate(wave):
        if post.person in skip:
            continue
        lang = post.lang or ""
        if not vocabulary.supported(lang):
            other_languages[lang or "unknown"] += 1
            continue
        text = _own_text(post)
        found = seen.get((text, lang))
        if found is None:  # reposts and copies say the same text: read it once
            found = vocabulary.terms(text, lang, surface)
            seen[(text, lang)] = found
        terms[index] = found
        if not found:
            wordless += 1
            continue
        if post.is_repost:
            continue  # a repost spreads a text; it does not say anything new
        texts.add(post.fingerprint or hash(post.text))
        person = by_person.get(post.person)
        if person is None:
            by_person[post.person] = set(found)
        else:
            person |= found
    if other_languages:
        listed = ", ".join(f"{lang} ({count})" for lang, count in other_languages.most_common())
        unknown.append(
            note(N_("posts in other languages were not read for the reasons (Spanish and English only): {languages}"),
                 languages=listed)
        )  # fmt: skip
    if wordless and wordless == len(terms):
        unknown.append(note(N_("the posts have no words to read (emoji, links or mentions only)")))
    people = len(by_person)
    if people == 0 or len(texts) < MIN_DISTINCT_TEXTS:
        if people:
            posts = sum(1 for i in terms if not wave[i].is_repost)
            message = N_(
                "too few different texts to tell what the wave is about ({distinct} distinct of {posts} posts)"
            )
            unknown.append(note(message, distinct=len(texts), posts=posts))
        elif not unknown:
            unknown.append(note(N_("no post of the wave could be read for its reasons")))
        return Reading(terms, [], [], unknown)

    wave_counts: Counter[str] = Counter()
    for found in by_person.values():
        wave_counts.update(found)
    for term in [term for term in wave_counts if banned and not banned.isdisjoint(term.split(" "))]:
        del wave_counts[term]
    usual_counts, usual_people = usual.counts, usual.people
    min_people = max(2, round(0.02 * people))
    contrast = usual_people >= 20
    if contrast:
        ranked = distinctive_terms(wave_counts, people, usual_counts, usual_people, min_people=min_people)
    else:
        unknown.append(
            note(N_("too little usual conversation stored to contrast with ({people} people before the wave): "
                    "the reasons are the wave's most used words"), people=usual_people)
        )  # fmt: skip
        ranked = frequent_terms(wave_counts, people, min_people=min_people)
    ranked = _without_repeats(ranked)
    reasons = [
        Reason(
            term=item.term,
            label=written_as(item.term, surface),
            z=None if item.z != item.z else round(item.z, 2),
            people=item.people,
            share=round(item.share, 4),
            usual_share=round(item.usual_share, 4) if contrast else None,
        )
        for item in ranked[:MAX_REASONS]
    ]
    if not reasons:
        unknown.append(note(N_("nothing in the wave's words stands out from the brand's usual conversation")))
    themes = _themes(ranked[: max(MAX_REASONS, 3 * max_themes) * 2], wave, terms, by_person, surface, max_themes)
    return Reading(terms, reasons, themes, unknown)


def _own_text(post: Post) -> str:
    text = post.text
    if text.startswith("RT @"):
        colon = text.find(":")
        return text[colon + 1 :] if colon > 0 else text
    return text


def _without_repeats(ranked: list[Distinctive]) -> list[Distinctive]:
    """Drop a word that nearly always comes inside a ranked phrase ("aviso" under "sin aviso")."""
    phrases = [item for item in ranked if " " in item.term]
    kept = []
    for item in ranked:
        if " " not in item.term and any(
            item.term in phrase.term.split(" ") and phrase.people >= 0.8 * item.people for phrase in phrases
        ):
            continue
        kept.append(item)
    return kept


def _themes(
    ranked: list[Distinctive],
    wave: Sequence[Post],
    terms: dict[int, set[str]],
    by_person: dict[str, set[str]],
    surface: dict[str, Counter[str]],
    max_themes: int = MAX_THEMES,
) -> list[Theme]:
    if not ranked:
        return []
    users: dict[str, set[str]] = {item.term: set() for item in ranked}
    wanted = set(users)
    for person, found in by_person.items():
        for term in found & wanted:
            users[term].add(person)
    groups: list[list[Distinctive]] = []
    placed: set[str] = set()
    for item in ranked:
        if item.term in placed:
            continue
        group = [item]
        placed.add(item.term)
        members = set(users[item.term])
        for other in ranked:
            if other.term in placed or len(group) >= MAX_THEME_TERMS:
                continue
            both = len(users[other.term] & members)
            if both >= _TOGETHER * min(len(users[other.term]), len(members)):
                group.append(other)
                placed.add(other.term)
                members |= users[other.term]
        groups.append(group)
        if len(groups) >= max_themes:
            break
    counted = [index for index in terms if terms[index]]
    people_total = len({wave[index].person for index in counted})
    themes: list[Theme] = []
    for group in groups:
        group_terms = {item.term for item in group}
        posts = {index for index in counted if terms[index] & group_terms}
        if not posts:
            continue
        people = {wave[index].person for index in posts}
        negative = sum(1 for index in posts if wave[index].is_negative)
        languages = Counter(wave[index].lang or "" for index in posts)
        main = languages.most_common(1)[0][0] or None
        labels = _distinct_labels([written_as(item.term, surface, main) for item in group])
        theme = Theme(
            label=" · ".join(labels[:3]),
            terms=labels,
            keys=[item.term for item in group],
            people=len(people),
            share=round(len(people) / max(people_total, 1), 4),
            posts=len(posts),
            post_share=round(len(posts) / max(len(counted), 1), 4),
            negative_share=round(negative / len(posts), 4),
            languages=dict(languages.most_common()),
            samples=_samples(posts, wave, terms, group),
        )
        themes.append(theme)
    themes.sort(key=lambda theme: -theme.people)
    return themes


def _distinct_labels(labels: list[str]) -> list[str]:
    """Leave out a label whose words the ones before already say ("flight cancelled" after
    "cancelled flight", "aviso" after "sin aviso")."""
    kept: list[str] = []
    said: list[set[str]] = []
    for text in labels:
        words = set(text.split(" "))
        if any(words <= before for before in said):
            continue
        kept.append(text)
        said.append(words)
    return kept


def _samples(
    posts: set[int], wave: Sequence[Post], terms: dict[int, set[str]], group: list[Distinctive]
) -> list[Sample]:
    """Two or three posts that say the theme best: most of its terms, first-hand, negative, seen widely."""
    weight = {item.term: max(item.z, 1.0) if item.z == item.z else float(item.people) for item in group}

    def value(index: int) -> tuple[float, float]:
        post = wave[index]
        said = sum(weight[t] for t in terms[index] if t in weight)
        return (said * (1.2 if post.is_negative else 1.0), float((post.followers or 0) + 10 * post.engagement))

    chosen: list[Sample] = []
    seen: list[set[str]] = []
    authors: set[str] = set()
    candidates = heapq.nlargest(SAMPLES * 20, (i for i in posts if not wave[i].is_repost), key=value)
    for index in candidates:
        post = wave[index]
        words = set(_WORDS.findall(post.text.lower()))
        if post.person in authors or any(_alike(words, other) for other in seen):
            continue  # three different voices, not one template three times
        seen.append(words)
        authors.add(post.person)
        chosen.append(sample_of(post))
        if len(chosen) >= SAMPLES:
            break
    return chosen


_WORDS = re.compile(r"[^\W\d_]+")


def _alike(one: set[str], other: set[str]) -> bool:
    """Whether two posts say nearly the same words (Jaccard similarity of 0.6 or more)."""
    union = len(one | other)
    return union > 0 and len(one & other) / union >= 0.6


def sample_of(post: Post) -> Sample:
    return Sample(
        post_id=post.id,
        source=post.source,
        native_id=post.native_id,
        author=post.author,
        created_at=post.created_at.isoformat().replace("+00:00", "Z"),
        text=post.text[:500],
        url=post.url,
        negative=post.is_negative,
        lang=post.lang,
    )
