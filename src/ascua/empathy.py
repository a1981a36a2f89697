"""The empathy map of a brand's community (docs/community.md#the-empathy-map; BRIEF M10): what
customers SAY, THINK, DO and FEEL, their PAINS and GAINS, each with the posts that show it.

- SAY: the phrases most people use (two-word phrases, the brand's own name left out);
- THINK: opinions and beliefs they state ("creo que…", "deberían…", "I think…", "should…"),
  grouped by what sets them apart from the rest of the conversation;
- DO: actions they report (cancelled, switched, bought, recommended, advised against, filed a
  claim, asked for a refund, called or wrote), found by phrases in both languages, questions left
  out ("¿puedo cancelar?" is not a cancellation);
- FEEL: the emotions the models read, with the posts that show each most strongly;
- PAINS and GAINS: the reasons of the negative and of the positive posts, grouped into themes the
  same way an alert's reasons are (:mod:`ascua.explain.reasons`), against the rest of the
  brand's conversation.

Past :data:`SAMPLE` posts in the period, every n-th post is read: a map of a few thousand posts
says what a million would, in a fraction of the time.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from ascua.community import _brand, _handles
from ascua.explain.post import Post
from ascua.explain.reasons import Theme, count_usual, read_reasons
from ascua.explain.terms import Vocabulary, written_as
from ascua.i18n import N_
from ascua.query.text import fold
from ascua.store.schema import analysis, mention, mention_brand

SAMPLE = 12_000
GROUPS = 5  # per quadrant
SAMPLES = 2  # posts shown per group
QUADRANTS = ("say", "think", "do", "feel", "pains", "gains")


@dataclass(slots=True)
class Said:
    """A post with what the models read in it, as the map uses it."""

    post: Post
    question: bool = False
    emotion: str | None = None
    emotion_score: float = 0.0
    positive: bool = False


@dataclass
class Group:
    key: str
    label: str
    people: int
    posts: int
    share: float  # of the people whose posts the quadrant reads
    terms: list[str] = field(default_factory=list)
    samples: list[dict[str, Any]] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # the themes' terms as counted (stems, two-word phrases)


@dataclass
class EmpathyMap:
    brand: str
    since: datetime | None
    until: datetime | None
    posts: int  # read (a sample past SAMPLE)
    total: int  # stored in the period
    people: int
    say: list[Group] = field(default_factory=list)
    think: list[Group] = field(default_factory=list)
    do: list[Group] = field(default_factory=list)
    feel: list[Group] = field(default_factory=list)
    pains: list[Group] = field(default_factory=list)
    gains: list[Group] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["since"] = self.since.isoformat() if self.since else None
        data["until"] = self.until.isoformat() if self.until else None
        return data


# What people say they did, in folded text (lower case, no accents). Spanish and English.
ACTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("cancelled", N_("cancelled or left"),
     r"\b(cancele|he cancelado|hemos cancelado|anule|he anulado|me (he )?di de baja|me he dado de baja|me doy de baja"
     r"|me voy a dar de baja|dado de baja|adios para siempre)\b",
     r"\b(i (just )?cancel+ed|we cancel+ed|cancel+ed my (account|subscription|order|membership|plan|contract|service)"
     r"|unsubscribed|closed my account)\b"),
    ("switched", N_("switched or will not come back"),
     r"\b(me (he )?cambiado a|me cambio a|me paso a|me he pasado a|me voy a la competencia|me voy con otr[ao]"
     r"|nunca mas (vuelo|compro|pido|contrato|con)|no vuelvo a (volar|comprar|pedir|contratar))\b",
     r"\b(switch(ed|ing) to|mov(ed|ing) to another|taking my business elsewhere|never (fly|flying|use|using|buy|buying"
     r"|order|ordering) (with )?\S+ again|last time i (fly|flew|use|order|buy))\b"),
    ("bought", N_("bought or booked"),
     r"\b(he comprado|compre|he reservado|reserve|contrate|he contratado|acabo de (comprar|reservar|contratar|pedir)"
     r"|ya tengo (mi|los|el|la)|renove)\b",
     r"\b(i (just )?(bought|booked|ordered|purchased|renewed)|we (bought|booked|ordered)|just signed up"
     r"|signed up for)\b"),
    ("recommended", N_("recommended it"),
     r"(?<!no )\b(os lo recomiendo|lo recomiendo|os recomiendo|recomendadisim[oa]|lo recomendaria)\b",
     r"(?<!not )(?<!n't )(?<!never )\b(i (highly )?recommend|highly recommend|would recommend|recommended)\b"),
    ("advised_against", N_("told others to stay away"),
     r"\b(no (os |lo |la )?recomiendo|no lo recomendaria|evitad|huid de|no compreis|no contrateis|no volei)\b",
     r"\b((do not|don't|dont|would not|wouldn't|never|cannot|can't) recommend|avoid \S+|stay away from)\b"),
    ("claimed", N_("filed a complaint or a claim"),
     r"\b(he puesto una reclamacion|pondre una reclamacion|hoja de reclamaciones|he reclamado|reclamacion formal"
     r"|os voy a denunciar|os denunciare|os he denunciado|denuncia en consumo|facua)\b",
     r"\b(filed a (complaint|claim)|formal complaint|reported (you|this|it) to|complaint (to|with) the|dot complaint"
     r"|small claims)\b"),
    ("refund", N_("asked for their money back"),
     r"\b(reembolso|devolucion del dinero|devolverme el dinero|que me devuelvan|me devolvais)\b",
     r"\b(refund|money back|chargeback|reimburse)\b"),
    ("contacted", N_("called or wrote to the brand"),
     r"\b(he llamado|llame|llevo .{0,20}llamando|os he escrito|he escrito|mande un (correo|mail|email)|por dm"
     r"|os escribo por privado|al telefono)\b",
     r"\b(i (have )?called|i've called|calling|on hold|been holding|emailed|sent (a|an|you a) (email|dm|message)"
     r"|dm'?d|tried to call|hold music)\b"),
)  # fmt: skip
_ACTIONS = tuple((key, label, re.compile(es), re.compile(en)) for key, label, es, en in ACTIONS)

# Opinions and beliefs: the words people use to say what they think.
_OPINION = {
    "es": re.compile(
        r"\b(creo que|pienso que|me parece|opino|en mi opinion|para mi|deberian|deberiais|deberia|no es normal"
        r"|no entiendo (como|por que|que)|lo mejor|lo peor|esta claro que|seguro que|se nota que|es increible que"
        r"|es una verguenza que|no puede ser que|sois (los|las|el|la) mejor|sois (los|las) peor)"
    ),
    "en": re.compile(
        r"\b(i think|i believe|i feel like|in my opinion|imo|imho|should|shouldn't|seems|no way|it's ridiculous"
        r"|is ridiculous|the best|the worst|clearly|obviously|i guess|i doubt|makes no sense|unacceptable)\b"
    ),
}
EMOTIONS = {"anger": N_("anger"), "joy": N_("joy"), "sadness": N_("sadness"), "fear": N_("fear or worry"),
            "optimism": N_("optimism")}  # fmt: skip


def _sample_of(post: Post) -> dict[str, Any]:
    return {"id": post.id, "source": post.source, "author": post.author, "text": post.text[:400], "url": post.url,
            "created_at": post.created_at.isoformat()}  # fmt: skip


def _from_theme(theme: Theme, base_people: int) -> Group:
    return Group(
        key=theme.keys[0] if theme.keys else theme.label,
        label=theme.label,
        people=theme.people,
        posts=theme.posts,
        share=round(theme.people / max(base_people, 1), 4),
        terms=theme.terms,
        keys=theme.keys,
        samples=[
            {
                "id": s.post_id,
                "source": s.source,
                "author": s.author,
                "text": s.text[:400],
                "url": s.url,
                "created_at": s.created_at,
            }
            for s in theme.samples[:SAMPLES]
        ],
    )


def _people(posts: Iterable[Said]) -> int:
    return len({said.post.person for said in posts})


def _examples(chosen: Sequence[Said], key: Callable[[Said], float]) -> list[dict[str, Any]]:
    picked: list[dict[str, Any]] = []
    authors: set[str] = set()
    texts: set[str] = set()
    for said in sorted(chosen, key=key, reverse=True):
        text = " ".join(said.post.text.lower().split())
        if said.post.person in authors or text in texts:
            continue
        authors.add(said.post.person)
        texts.add(text)
        picked.append(_sample_of(said.post))
        if len(picked) >= SAMPLES:
            break
    return picked


def _reach(said: Said) -> float:
    return float((said.post.followers or 0) + 10 * said.post.engagement)


def build_map(
    posts: Sequence[Said], *, brand: str, brand_words: Sequence[str] = (), own: set[str] | None = None,
    since: datetime | None = None, until: datetime | None = None, total: int | None = None,
    vocabulary: Vocabulary | None = None, groups: int = GROUPS,
) -> EmpathyMap:  # fmt: skip
    """The map of ``posts`` (the brand's own accounts, in ``own``, are not read)."""
    own = own or set()
    vocabulary = vocabulary or Vocabulary()
    read = [said for said in posts if said.post.person not in own]
    originals = [said for said in read if not said.post.is_repost]
    result = EmpathyMap(brand, since, until, len(read), total if total is not None else len(read), _people(originals))
    if not originals:
        result.notes.append(N_("no posts in this period"))
        return result
    banned = vocabulary.brand_terms(brand_words)
    result.say = _say(originals, vocabulary, banned, groups)
    result.do = _do(originals, groups)
    result.feel = _feel(originals)
    everyone = [said.post for said in read]
    negative = [said.post for said in read if said.post.is_negative]
    positive = [said.post for said in read if said.positive and not said.post.is_negative]
    result.pains = _themes(negative, [p for p in everyone if not p.is_negative], vocabulary, own, brand_words, groups)
    result.gains = _themes(positive, [s.post for s in read if not s.positive], vocabulary, own, brand_words, groups)
    stating = [said for said in originals if _opinion(said)]
    opinions = [said.post for said in stating]
    result.think = _themes(opinions, everyone, vocabulary, own, brand_words, groups)
    if not result.think and opinions:
        result.think = [Group("opinions", N_("opinions"), _people(stating), len(opinions),
                              round(len(opinions) / max(len(originals), 1), 4),
                              samples=[_sample_of(p) for p in opinions[:SAMPLES]])]  # fmt: skip
    if not negative:
        result.notes.append(N_("no negative posts in this period: no pains to show"))
    if not positive:
        result.notes.append(N_("no positive posts in this period: no gains to show"))
    if len(posts) < result.total:
        result.notes.append(N_("read a sample of the period's posts, spread evenly across it"))
    return result


def _opinion(said: Said) -> bool:
    pattern = _OPINION.get(said.post.lang or "")
    return pattern is not None and pattern.search(fold(said.post.text.lower())) is not None


def _themes(
    chosen: list[Post], rest: list[Post], vocabulary: Vocabulary, own: set[str], brand_words: Sequence[str],
    groups: int,
) -> list[Group]:  # fmt: skip
    if not chosen:
        return []
    usual = count_usual(rest, vocabulary, own)
    reading = read_reasons(chosen, usual, vocabulary, skip=own, brand_words=brand_words, max_themes=groups)
    people = len({post.person for post in chosen if not post.is_repost})
    return [_from_theme(theme, people) for theme in reading.themes[:groups]]


def _say(originals: list[Said], vocabulary: Vocabulary, banned: set[str], groups: int) -> list[Group]:
    """The two-word phrases most people use, with a post that says each."""
    surface: dict[str, Counter[str]] = {}
    by_person: dict[str, set[str]] = {}
    terms_of: dict[int, set[str]] = {}
    for index, said in enumerate(originals):
        post = said.post
        if not vocabulary.supported(post.lang):
            continue
        phrases = {term for term in vocabulary.terms(post.text, post.lang or "", surface) if " " in term}
        phrases = {term for term in phrases if banned.isdisjoint(term.split(" ")) and not term.startswith("#")}
        terms_of[index] = phrases
        by_person.setdefault(post.person, set()).update(phrases)
    counts: Counter[str] = Counter()
    for found in by_person.values():
        counts.update(found)
    people = max(len(by_person), 1)
    found_groups: list[Group] = []
    for term, count in counts.most_common(groups * 3):
        if count < 2 or len(found_groups) >= groups:
            break
        label = written_as(term, surface)
        if any(label in group.label or group.label in label for group in found_groups):
            continue
        saying = [originals[index] for index, phrases in terms_of.items() if term in phrases]
        found_groups.append(Group(term, label, count, len(saying), round(count / people, 4), [label],
                                  _examples(saying, _reach)))  # fmt: skip
    return found_groups


def _do(originals: list[Said], groups: int) -> list[Group]:
    people = max(_people(originals), 1)
    found: dict[str, list[Said]] = {}
    for said in originals:
        lang = said.post.lang
        if said.question or lang not in ("es", "en"):
            continue
        text = fold(said.post.text.lower())
        for key, _label, spanish, english in _ACTIONS:
            if (spanish if lang == "es" else english).search(text):
                found.setdefault(key, []).append(said)
    labels = {key: label for key, label, _spanish, _english in _ACTIONS}
    result = [
        Group(key, labels[key], _people(saying), len(saying), round(_people(saying) / people, 4),
              samples=_examples(saying, _reach))
        for key, saying in found.items()
    ]  # fmt: skip
    result.sort(key=lambda group: (-group.people, group.key))
    return result[: groups + 3]  # every kind of action is worth seeing: a few more than the other quadrants


def _feel(originals: list[Said]) -> list[Group]:
    people = max(_people(originals), 1)
    by_emotion: dict[str, list[Said]] = {}
    for said in originals:
        if said.emotion in EMOTIONS and said.emotion_score >= 0.4:
            by_emotion.setdefault(said.emotion, []).append(said)
    result = [
        Group(key, EMOTIONS[key], _people(saying), len(saying), round(_people(saying) / people, 4),
              samples=_examples(saying, lambda said: said.emotion_score))
        for key, saying in by_emotion.items()
    ]  # fmt: skip
    result.sort(key=lambda group: (-group.people, group.key))
    return result


def empathy_map(
    connection: Connection, brand_key: str, since: datetime, until: datetime, *, sample: int = SAMPLE
) -> EmpathyMap:
    """The empathy map of ``brand_key`` from ``since`` to ``until``, read from the store."""
    row = _brand(connection, brand_key)
    in_span = (mention_brand.c.brand_id == row.id, mention_brand.c.created_at >= since,
               mention_brand.c.created_at < until)  # fmt: skip
    total = connection.execute(select(func.count()).select_from(mention_brand).where(*in_span)).scalar() or 0
    step = max(1, -(-total // sample))
    query = (
        select(mention.c.id, mention.c.source, mention.c.native_id, mention.c.text, mention.c.created_at,
               mention.c.author_handle, mention.c.author_followers, mention.c.url, mention.c.repost_of,
               mention.c.likes, mention.c.reposts, mention.c.replies, mention.c.quotes, analysis.c.lang,
               analysis.c.sentiment, analysis.c.negative, analysis.c.positive, analysis.c.complaint,
               analysis.c.question, analysis.c.emotion)
        .select_from(mention_brand.join(mention, mention.c.id == mention_brand.c.mention_id)
                     .join(analysis, analysis.c.mention_id == mention.c.id))
        .where(*in_span)
    )  # fmt: skip
    if step > 1:
        query = query.where(mention_brand.c.mention_id % step == 0)
    posts = []
    for item in connection.execute(query.limit(sample)):
        post = Post(item.id, item.source, item.native_id, item.text, item.created_at, author=item.author_handle or "",
                    followers=item.author_followers, lang=item.lang, sentiment=item.sentiment,
                    negative=item.negative, complaint=bool(item.complaint), url=item.url, repost_of=item.repost_of,
                    reposts=item.reposts or 0, replies=item.replies or 0, quotes=item.quotes or 0,
                    likes=item.likes or 0)  # fmt: skip
        scores = item.emotion if isinstance(item.emotion, dict) else {}
        scores = scores.get("scores", scores)  # stored as the scores; older rows with their label
        label = max(scores, key=lambda name: scores[name]) if scores else None
        posts.append(Said(post, bool(item.question), label, float(scores.get(label, 0.0)) if label else 0.0,
                          item.sentiment == "positive"))  # fmt: skip
    own = {handle.lower() for handle in _handles(row)}
    result = build_map(posts, brand=brand_key, brand_words=(brand_key, row.name, *own), own=own, since=since,
                       until=until, total=total)  # fmt: skip
    if not own:
        result.notes.append(N_("no own accounts configured for this brand: its own posts are read as customers'"))
    return result


# --- the image, for presentations -------------------------------------------------------------

_TITLES = {"say": N_("SAY"), "think": N_("THINK"), "do": N_("DO"), "feel": N_("FEEL"), "pains": N_("PAINS"),
           "gains": N_("GAINS")}  # fmt: skip
_HINTS = {"say": N_("the phrases most people use"), "think": N_("opinions and beliefs they state"),
          "do": N_("actions they report"), "feel": N_("emotions the posts show"),
          "pains": N_("what the complaints are about"), "gains": N_("what the praise is about")}  # fmt: skip
_COLOURS = {"say": "#eef2ff", "think": "#f5f3ff", "do": "#ecfdf5", "feel": "#fff7ed", "pains": "#fef2f2",
            "gains": "#f0fdf4"}  # fmt: skip
_PLAIN = re.compile(r"[^\u0020-\u007e\u00a0-\u024f\u2010-\u2027\u20ac]")  # what the image font can draw


def percent(share: float) -> str:
    """A share as people read it: "<1%" rather than a misleading "0%"."""
    return "<1%" if 0 < share < 0.005 else f"{100 * share:.0f}%"


def _plain(text: str) -> str:
    """Strangers' text, as inert characters the image font has (no emoji, no controls)."""
    return " ".join(_PLAIN.sub(" ", text).split())


def map_image(found: EmpathyMap, gettext: Callable[[str], str], *, fmt: str = "png") -> bytes:
    """The map as an image (PNG or SVG): six quadrants with their top groups and a quote each."""
    import io

    from matplotlib.figure import Figure

    _ = gettext
    figure = Figure(figsize=(13.3, 7.5), dpi=120)  # a 16:9 slide
    figure.suptitle(_plain(_("Empathy map · {brand}").format(brand=found.brand)) + (
        f"  ({found.since:%Y-%m-%d} – {found.until:%Y-%m-%d})" if found.since and found.until else ""),
        fontsize=15, fontweight="bold", x=0.02, ha="left", parse_math=False)  # fmt: skip
    for index, quadrant in enumerate(QUADRANTS):
        axis = figure.add_subplot(2, 3, index + 1)
        axis.set_xticks([])
        axis.set_yticks([])
        axis.set_facecolor(_COLOURS[quadrant])
        for spine in axis.spines.values():
            spine.set_color("#d0d5dd")
        axis.text(0.03, 0.95, _(_TITLES[quadrant]), fontsize=13, fontweight="bold", va="top",
                  transform=axis.transAxes, parse_math=False)  # fmt: skip
        axis.text(0.03, 0.87, _(_HINTS[quadrant]), fontsize=8.5, color="#555", va="top", transform=axis.transAxes,
                  parse_math=False)  # fmt: skip
        y = 0.79
        items: list[Group] = getattr(found, quadrant)
        if not items:
            axis.text(0.03, y, _("nothing to show"), fontsize=9, color="#777", va="top", transform=axis.transAxes,
                      parse_math=False)  # fmt: skip
        for group in items[:4]:
            if y < 0.2:
                break
            label = _(group.label) if quadrant in ("do", "feel") else group.label
            axis.text(0.03, y, _plain(f"{label} · {percent(group.share)}"), fontsize=9.5, fontweight="bold",
                      va="top", transform=axis.transAxes, parse_math=False)  # fmt: skip
            y -= 0.075
            if group.samples:
                quote = textwrap.shorten(_plain(group.samples[0]["text"]), 150, placeholder="…")
                lines = textwrap.wrap(f"“{quote}”", 58)[:2]
                axis.text(0.05, y, "\n".join(lines), fontsize=8, style="italic", color="#333", va="top",
                          transform=axis.transAxes, parse_math=False, linespacing=1.2)  # fmt: skip
                y -= 0.06 * len(lines) + 0.03
    figure.text(0.02, 0.01, _plain(_("{posts} posts read of {total}, by {people} people · Ascua").format(
        posts=f"{found.posts:,}", total=f"{found.total:,}", people=f"{found.people:,}")), fontsize=8, color="#555",
        parse_math=False)  # fmt: skip
    figure.tight_layout(rect=(0, 0.03, 1, 0.95))
    out = io.BytesIO()
    figure.savefig(out, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return out.getvalue()
