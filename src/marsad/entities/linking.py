"""Mentions of one report joined into entities: registry identities or local ones.

Candidates come from the tagger, the registry's own names, hashtags, initials and the
byline. Overlaps keep the more trustworthy, longer candidate. Each mention then links to
a registry entity through the normaliser's clitic-aware keys, or joins a local entity of
this report: an identical name, a surname after the full name (``العمر`` → ``محمد العمر``)
or a definite head noun after the organisation it heads (``التنظيم``). Initials such as
``ح.م`` are an anonymous person and are never resolved to anyone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TypeVar

from marsad.arabic import clitic_stems, match_key, opens_with_given_name, tokenize
from marsad.entities.linking_data import (
    AGENCY_INITIALS,
    NOT_NAMES,
    NOT_SURNAMES,
    NOT_SURNAMES_AFTER,
    OUTLET_KINDS,
    REFERENCE_HEADS,
)
from marsad.entities.registry import (
    Registry,
    RegistryEntity,
    RegistryMatch,
    in_country,
    report_country,
)
from marsad.model import Entity, EntityType, Mention, Span

# The id prefix of an unnamed source's entity (``anon:per:1``): never resolved to anyone.
ANONYMOUS = "anon"
LOCAL = "local"  # id prefix of an entity the registry does not know

T = TypeVar("T")

# Initials: single Arabic letters joined by dots (ح.م, ح. م., أ.ب.ج).
INITIALS = re.compile(
    r"(?<![\w.])(?:[\u0621-\u064a]\s?\.\s?){1,3}[\u0621-\u064a](?:\s?\.)?(?![\w\u064b-\u0652])"
)
# Trust order when candidates overlap: the lower wins.
# The tagger outranks the gazetteer, which only fills in names the tagger missed.
PRIORITY = {"byline": 0, "initials": 1, "hashtag": 2, "registry": 3, "ner": 4, "gazetteer": 5}
PROCLITICS = "وفبلك"
MIN_SURNAME = 4  # shorter surnames (علي) are too often other words
PATRONYMIC = "بن"  # "son of" in a lineage: بندر بن عبدالله بن عبدالعزيز


@dataclass
class Candidate:
    start: int
    end: int
    label: EntityType
    origin: str
    match: RegistryMatch | None = None
    role: str | None = None
    name: str | None = None  # the readable name when the span is not (hashtags)


@dataclass
class _Local:
    entity: Entity
    keys: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)  # word keys of the full name
    registry: RegistryEntity | None = None


def find_phrases(
    text: str, lookup: Callable[[str], T | None], index: tuple[frozenset[str], int]
) -> list[tuple[int, int, T]]:
    """Longest runs of words whose key (first word less its proclitics) ``lookup`` knows.

    ``index`` (see :func:`first_words`) lets most positions be skipped with one set lookup.
    """
    firsts, longest = index
    tokens = [t for t in tokenize(text) if t.is_word]
    keys = [match_key(t.text) for t in tokens]
    joined = [not text[a.end : b.start].strip() for a, b in pairwise(tokens)]
    found: list[tuple[int, int, T]] = []
    i = 0
    while i < len(tokens):
        starts = [r for r in clitic_stems(keys[i]) if r in firsts and _only_proclitics(keys[i], r)]
        hit: tuple[int, str, T] | None = None
        span = 1
        while span < longest and i + span < len(tokens) and joined[i + span - 1]:
            span += 1  # names do not run across punctuation
        for n in range(span, 0, -1) if starts else ():
            rest = keys[i + 1 : i + n]
            for first in starts:
                value = lookup(" ".join([first, *rest]))
                if value is not None:
                    hit = (n, first, value)
                    break
            if hit:
                break
        if hit is None:
            i += 1
            continue
        n, first, value = hit
        found.append(
            (trim_proclitics(text, tokens[i].start, keys[i], first), tokens[i + n - 1].end, value)
        )
        i += n
    return found


def first_words(names: Collection[str]) -> tuple[frozenset[str], int]:
    """The first words of ``names`` and the most words a name has: find_phrases's index."""
    return frozenset(k.split(" ")[0] for k in names), max(
        (k.count(" ") + 1 for k in names), default=0
    )


def registry_candidates(text: str, registry: Registry) -> tuple[list[Candidate], str | None]:
    """Spans of ``text`` that spell a registry name that may find (not a weak one), and the
    country the report is about when that decides what its regional names mean.

    One scan finds every name, regional ones included; the names that mean one entity
    whatever the country vote for the country (:func:`report_country`), which then
    settles the regional ones.
    """

    def lookup(key: str) -> list[RegistryMatch] | None:
        return [m for m in registry.index.get(key, ()) if m.alias.finds] or None

    spans = find_phrases(text, lookup, registry.phrase_index)
    plain = [_only(in_country(found, None)) for _, _, found in spans]
    country = report_country(m.entity for m in plain if m is not None)
    if country not in registry.regional_countries:
        country = None
    candidates = []
    for (start, end, found), match in zip(spans, plain, strict=True):
        if country is not None:
            match = _only(in_country(found, country))
        if match is not None:
            candidates.append(Candidate(start, end, match.entity.type, "registry", match))
    return candidates, country


def _only(matches: list[RegistryMatch]) -> RegistryMatch | None:
    """The match, when every reading names one entity."""
    return matches[0] if len({m.entity.id for m in matches}) == 1 else None


def gazetteer_candidates(
    text: str, names: dict[str, str], index: tuple[frozenset[str], int]
) -> list[Candidate]:
    """Spans of ``text`` that spell a name of a precise gazetteer (countries, provinces)."""
    return [
        Candidate(start, end, kind, "gazetteer")  # type: ignore[arg-type]
        for start, end, kind in find_phrases(text, names.get, index)
    ]


def initials_candidates(text: str) -> list[Candidate]:
    """Initials of a person (an anonymous source), not a news agency's (``د.ب.أ``)."""
    return [
        Candidate(m.start(), m.end(), "PER", "initials")
        for m in INITIALS.finditer(text)
        if match_key(re.sub(r"[\s.]", "", m.group())) not in AGENCY_INITIALS
    ]


def _only_proclitics(word: str, reading: str) -> bool:
    """Whether ``reading`` is ``word`` less conjunctions and prepositions only (للتنظيم →
    التنظيم, بدير → دير), never less its article."""
    if word.endswith(reading):
        dropped = word[: len(word) - len(reading)]
    elif reading.startswith("ال") and word.endswith(reading[1:]):
        dropped = word[: len(word) - len(reading) + 1]  # لل + stem ← ل + ال + stem
    else:
        return False
    return len(dropped) <= 2 and all(c in PROCLITICS for c in dropped)


def trim_proclitics(text: str, start: int, key: str, reading: str) -> int:
    """Move ``start`` past proclitics the reading dropped (و ب ل ف ك, not the article)."""
    if not key.endswith(reading):
        return start
    drop = len(key) - len(reading)
    if drop <= 0 or any(c not in PROCLITICS for c in key[:drop]):
        return start
    position = start
    while drop and position < len(text):
        if match_key(text[position]):
            drop -= 1
        position += 1
    while position < len(text) and not match_key(text[position]):
        position += 1  # diacritics that belonged to the clitic
    return position


def merge_adjacent(text: str, spans: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Join same-type names separated by one space (ريف + دير الزور): the tagger learnt
    from a corpus that splits some multi-word places. A name starting with و is the next
    item of a list and stays apart."""
    merged: list[tuple[str, int, int]] = []
    for kind, start, end in spans:
        if merged:
            p_kind, p_start, p_end = merged[-1]
            gap = text[p_end:start]
            if p_kind == kind and gap == " " and not text.startswith("و", start):
                merged[-1] = (kind, p_start, end)
                continue
        merged.append((kind, start, end))
    return merged


def _son_of(text: str, person: Candidate, father: Candidate) -> bool:
    """The tagger's person is the registry person's son: a given name, and nothing else,
    before the father's full name (أحمد + علي عبدالله صالح)."""
    before = text[person.start : father.start].split()
    return len(before) == 1 and opens_with_given_name(before[0])


def resolve_overlaps(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: by trust, then length, then position."""
    ranked = sorted(candidates, key=lambda c: (PRIORITY[c.origin], -(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for cand in ranked:
        clash = [k for k in kept if k.start < cand.end and cand.start < k.end]
        # A known place that wraps a piece the tagger found (الزور of بدير الزور) wins.
        wraps = cand.origin == "gazetteer" and all(
            k.origin == "ner" and cand.start <= k.start and k.end <= cand.end
            and (k.end - k.start) < (cand.end - cand.start)
            for k in clash
        )  # fmt: skip
        # A person the tagger found whose name ends in a state's (عبدالله بن محمد السويد)
        # is that person, not a mention of Sweden; one whose name ends in a known person's
        # is that person's son (أحمد علي عبدالله صالح is not Ali Abdullah Saleh).
        wraps = wraps or (
            cand.origin == "ner"
            and cand.label == "PER"
            and all(
                k.origin == "registry" and cand.start < k.start and k.end == cand.end
                and (k.label == "LOC" or (k.label == "PER" and _son_of(text, cand, k)))
                for k in clash
            )
        )  # fmt: skip
        if wraps:
            kept = [k for k in kept if k not in clash]
        if not clash or wraps:
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def link(
    text: str, candidates: Sequence[Candidate], registry: Registry, country: str | None = None
) -> tuple[list[Mention], list[Entity]]:
    """Mentions with entity ids, and the entities they name, in order of first mention
    (regional registry names read as in a report about ``country``)."""
    mentions: list[Mention] = []
    locals_: list[_Local] = []
    by_id: dict[str, _Local] = {}
    counters: dict[str, int] = {}

    def new_local(cand: Candidate, surface: str, anonymous: bool = False) -> _Local:
        prefix = ANONYMOUS if anonymous else LOCAL
        counters[prefix] = counters.get(prefix, 0) + 1
        ident = f"{prefix}:{cand.label.lower()}:{counters[prefix]}"
        entity = Entity(id=ident, type=cand.label, name=surface)
        local = _Local(entity, set(clitic_stems(match_key(surface))), match_key(surface).split())
        if anonymous:
            entity.roles.append("anonymous")
        locals_.append(local)
        by_id[ident] = local
        return local

    def registry_local(match: RegistryMatch) -> _Local:
        ent = match.entity
        if ent.id in by_id:
            return by_id[ent.id]
        entity = Entity(
            id=ent.id,
            type=ent.type,
            name=ent.name,
            latin=ent.latin[0] if ent.latin else None,
            registry=True,
        )
        local = _Local(entity, {match_key(ent.name)}, match_key(ent.name).split(), ent)
        locals_.append(local)
        by_id[ent.id] = local
        return local

    for cand in candidates:
        written = text[cand.start : cand.end]
        surface = cand.name or written
        origin = cand.origin
        if cand.origin == "initials":
            local = new_local(cand, surface, anonymous=True)
        else:
            match = cand.match or registry.resolve(
                surface, cand.label, country, hashtag=cand.origin == "hashtag"
            )
            if match is not None:
                local = registry_local(match)
            else:
                found = _join_local(surface, cand.label, locals_)
                if found is not None:
                    local, joined_by = found
                    origin = joined_by or origin
                else:
                    local = new_local(cand, surface)
        if cand.role and cand.role not in local.entity.roles:
            local.entity.roles.append(cand.role)
        local.keys.update(clitic_stems(match_key(surface)))
        for form in (surface, written):
            if form != local.entity.name and form not in local.entity.aliases:
                local.entity.aliases.append(form)
        local.entity.mention_count += 1
        mentions.append(
            Mention(
                span=Span.of(text, cand.start, cand.end),
                label=local.entity.type,
                entity_id=local.entity.id,
                origin=origin,
            )
        )
    locals_ = _join_early_surnames(mentions, locals_)
    for local in locals_:
        if local.registry is not None:
            for alias in local.registry.alias_texts():
                if alias not in local.entity.aliases:
                    local.entity.aliases.append(alias)
    return mentions, [local.entity for local in locals_]


def _join_early_surnames(mentions: list[Mention], locals_: list[_Local]) -> list[_Local]:
    """A surname named before the full name (a title "المالكي", then "نوري المالكي" in the
    body) joins the one person whose name ends with it, and a name with its father's
    (``بندر بن عبدالله``) the one person whose longer lineage begins with it; with two such
    persons it stays apart. Mentions are re-pointed in place; the joined entities are left
    out."""
    people = [x for x in locals_ if x.entity.type == "PER" and "anonymous" not in x.entity.roles]
    joined: dict[str, _Local] = {}
    for short in people:
        words = short.words
        if short.registry is not None or _anyones_name(words):
            continue
        if len(words) <= 2:
            fuller = [
                x
                for x in people
                if len(x.words) > len(words) and x.words[-len(words) :] == words and x is not short
            ]
        elif PATRONYMIC in words:  # "بندر بن عبدالله", then "بندر بن عبدالله بن عبدالعزيز"
            fuller = [
                x
                for x in people
                if len(x.words) > len(words) and x.words[: len(words)] == words and x is not short
            ]
        else:
            continue
        if len(fuller) == 1:
            joined[short.entity.id] = fuller[0]
    for index, mention in enumerate(mentions):
        target = joined.get(mention.entity_id or "")
        if target is not None:
            mentions[index] = mention.model_copy(
                update={"entity_id": target.entity.id, "origin": "coref"}
            )
            target.entity.mention_count += 1
            if mention.span.text not in target.entity.aliases:
                target.entity.aliases.append(mention.span.text)
    return [x for x in locals_ if x.entity.id not in joined]


def _join_local(surface: str, label: str, locals_: list[_Local]) -> tuple[_Local, str] | None:
    """An earlier entity this mention refers to, and how ('' for the same name): the same
    name, a surname, or a given name (not a common one) that opens exactly one full name."""
    readings = clitic_stems(match_key(surface))
    for local in reversed(locals_):
        same_type = local.entity.type == label and "anonymous" not in local.entity.roles
        if same_type and any(r in local.keys for r in readings):
            return local, ""
    words = match_key(surface).split()
    if label == "PER" and len(words) < 3 and not _anyones_name(words):
        # A surname (or last two names) after the full name: العمر → محمد العمر.
        tails = {r for r in readings if r}
        for local in reversed(locals_):
            full = local.words
            if local.entity.type != "PER" or len(full) <= len(words):
                continue
            if " ".join(full[-len(words) :]) in tails:
                return local, "coref"
        if len(words) == 1:  # a given name alone, the one full name it opens: ايزابيل بريم
            opened = [
                local
                for local in locals_
                if local.entity.type == "PER" and len(local.words) >= 2 and local.words[0] in tails
            ]
            if len(opened) == 1:
                return opened[0], "coref"
    return None


def reference_candidates(
    text: str, mentions: Sequence[Mention], entities: Sequence[Entity], taken: Sequence[Candidate]
) -> list[tuple[int, int, str]]:
    """Short forms of names: (start, end, entity id).

    A definite head noun after an organisation so headed (التنظيم after تنظيم الدولة
    الإسلامية, الجيش after الجيش العراقي), and a person's surname alone after their full
    name (العمر after محمد العمر). Each refers to the most recent such entity before it. A
    surname before any full name (a title's "العمر") refers to the one person of the
    report so named, if there is only one.
    """
    heads: dict[str, list[tuple[int, str]]] = {}
    by_id = {e.id: e for e in entities}
    for mention in mentions:
        entity = by_id.get(mention.entity_id or "")
        if entity is None or "anonymous" in entity.roles:
            continue
        words = match_key(entity.name).split(" ")
        head = words[0].removeprefix("ال") if len(words) > 1 else ""
        if entity.type == "ORG" and head in REFERENCE_HEADS:  # تنظيم … / الجيش العراقي
            heads.setdefault("ال" + head, []).append((mention.span.end, entity.id))
        elif entity.type == "PER" and _stands_for_person(words):
            heads.setdefault(words[-1], []).append((mention.span.end, entity.id))
    found = []
    for token in tokenize(text):
        if not token.is_word or any(c.start < token.end and token.start < c.end for c in taken):
            continue
        key = match_key(token.text)
        for reading in clitic_stems(key):
            if not _only_proclitics(key, reading):
                continue
            named = heads.get(reading, [])
            earlier = [ident for end, ident in named if end <= token.start]
            if not earlier and len({ident for _, ident in named}) == 1:
                earlier = [ident for _, ident in named if by_id[ident].type == "PER"]
            if earlier:  # the most recent organisation or person so named
                start = trim_proclitics(text, token.start, key, reading)
                found.append((start, token.end, earlier[-1]))
                break
    return found


def _anyones_name(words: list[str]) -> bool:
    """A common given name alone ("أحمد") is any Ahmad of the report, not the one person
    whose name ends with it (``NOT_SURNAMES``)."""
    return len(words) == 1 and words[0] in NOT_SURNAMES


def _stands_for_person(words: list[str]) -> bool:
    """Whether the last word of a person's name may stand for the person: not a short
    word (علي), nor الله of عبد الله, a dynasty's name (آل سعود: every prince's) or a
    common given name (أحمد of ولد الشيخ أحمد)."""
    return (
        len(words) >= 2
        and len(words[-1]) >= MIN_SURNAME
        and words[-1] not in NOT_NAMES
        and words[-1] not in NOT_SURNAMES
        and words[-2] not in NOT_SURNAMES_AFTER
    )


def is_outlet(entity: RegistryEntity | None) -> bool:
    return entity is not None and entity.kind in OUTLET_KINDS
