"""Pipeline component: the report's mentions and the entities they name.

Reads the article text, its hashtags and its byline; writes ``Analysis.mentions`` and
``Analysis.entities``. The tagger and the registry are loaded once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from marsad.arabic import clitic_stems, match_key, strip_conjunction
from marsad.arabic.chars import OPENING_QUOTES, TANWIN
from marsad.entities.features import word_key
from marsad.entities.linking import (
    Candidate,
    first_words,
    gazetteer_candidates,
    initials_candidates,
    is_outlet,
    link,
    merge_adjacent,
    reference_candidates,
    registry_candidates,
    resolve_overlaps,
    trim_proclitics,
)
from marsad.entities.linking_data import (
    BYLINE_PREFIXES,
    COALITION_LEADERS,
    COMMON_NOUN_AFTER,
    COMMON_NOUN_NAMES,
    DEMONSTRATIVES,
    DEPOSED,
    FORCE_NOUNS,
    FORCE_QUALIFIERS,
    LED_BY,
    LINEAGE_WORDS,
    NAME_EDGE_WORDS,
    NATIONAL_FORCES,
    NOT_NAMES,
    NOT_NAMES_AS_WRITTEN,
    VERB_NAMES,
)
from marsad.entities.ner import NerModel, default_model
from marsad.entities.registry import Alias, Registry, RegistryMatch, default_registry
from marsad.model import Analysis, Article, Entity, Mention, Span
from marsad.places.gazetteer import gazetteer
from marsad.places.lexicon_data import NOT_PLACE_AFTER, NOT_PLACE_BEFORE


def _names(text: str, candidate: Candidate) -> bool:
    """Whether a found span may name something: not الله, العالم … (``NOT_NAMES``), nor a
    word with tanwin, nor a preposition the normaliser folds into a name (على, not علي)."""
    found = text[candidate.start : candidate.end]
    if not TANWIN.isdisjoint(found):
        return False  # دوماً "always": names take no indefinite ending
    if found.lstrip("وف") in NOT_NAMES_AS_WRITTEN:
        return False
    readings = clitic_stems(match_key(found))
    words = found.split()
    if _common_noun_after(text, candidate.end, readings) or (
        len(words) > 1
        and _common_noun_after(
            text, candidate.start + len(words[0]), clitic_stems(match_key(words[0]))
        )
    ):
        return False  # حسن الجوار "good neighbourliness", مالك نادي "the club's owner"
    return NOT_NAMES.isdisjoint(readings)


def _word_after(text: str, end: int) -> str:
    """The matching key of the word after ``end`` ('' at the end of the text)."""
    following = text[end : end + 30].split()
    return match_key(following[0].strip("،,.:؛")) if following else ""


def _common_noun_after(text: str, end: int, readings: Iterable[str]) -> bool:
    """The word after a name makes it a common noun or another thing: ``COMMON_NOUN_AFTER``."""
    word = _word_after(text, end)
    return any(word in COMMON_NOUN_AFTER.get(reading, ()) for reading in readings)


def _qualified_otherwise(text: str, candidate: Candidate) -> bool:
    """A registry name followed by a word that makes it another body: a country adjective
    after a regional name (``وزارة الداخلية الكويتية`` in a report on Iraq), "deposed"
    after any (``قوات النظام المخلوع`` in Yemen is Saleh's, not Assad's army), a word
    that makes the name a common noun (``القاعدة الجوية``, the air base), or a demonstrative
    before a regional name (``هذا التحالف`` refers back to an alliance the report told of)."""
    if candidate.match is None:
        return False
    regional = candidate.match.alias.kind == "regional"
    before = text[max(0, candidate.start - 8) : candidate.start].split()
    if regional and before and match_key(before[-1]) in DEMONSTRATIVES:
        return True  # ``قيادات هذا التحالف``: the alliance just told of, not the coalition
    word = _word_after(text, candidate.end)
    if not word:
        return False
    if word in DEPOSED or _common_noun_after(text, candidate.end, [candidate.match.alias.key]):
        return True
    if not regional:
        return False
    return any(r in gazetteer().adjectives for r in clitic_stems(word))


def _without_common_noun_readings(text: str, found: list[Candidate]) -> list[Candidate]:
    """A name that is also a common noun (``القاعدة``: al-Qaeda, or "the base") is the noun
    in a report that uses the noun for a thing (``قاعدة العند``, ``قاعدة عسكرية``) and never
    names the entity otherwise (``تنظيم القاعدة``): ``COMMON_NOUN_NAMES``."""
    matched = [(c, c.match) for c in found if c.match is not None]
    dropped: set[int] = set()
    for name, noun in COMMON_NOUN_NAMES.items():
        as_noun = [(c, m) for c, m in matched if m.alias.key == name]
        if not as_noun or not re.search(rf"(?:^|\s)[وبلف]?{noun}\s+\w", match_key(text)):
            continue
        entity = as_noun[0][1].entity.id
        if any(m.entity.id == entity and m.alias.key != name for _, m in matched):
            continue  # "تنظيم القاعدة" told: the short name is the group too
        dropped.update(id(c) for c, _ in as_noun)
    return [c for c in found if id(c) not in dropped]


def _trim_edge_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A name's span without a verb or participle the tagger took in at its edges
    (``أبلغ الجبوري``, ``فوزي قائلا``, ``دياربكر لشن``): ``NAME_EDGE_WORDS``."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    while words and _edge_word(text[words[0][0] : words[0][1]]):
        words.pop(0)
    while words and _edge_word(text[words[-1][0] : words[-1][1]]):
        words.pop()
    return (words[0][0], words[-1][1]) if words else (end, end)


JOINED_NAME_MIN = 6  # letters of a word that opens on وال to be a second name (والي: no)


def _joined_people(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A person's span that takes in "و" + a definite name is two people joined
    (``أنان والإبراهيمي``): a person's name never holds a word that opens on وال."""
    spans = []
    for word in _WORD.finditer(text, start, end):
        key = match_key(word.group())
        if word.start() > start and key.startswith("وال") and len(key) >= JOINED_NAME_MIN:
            spans.append((start, len(text[: word.start()].rstrip())))
            start = word.start() + 1  # the name after the conjunction
    spans.append((start, end))
    return [(s, e) for s, e in spans if s < e]


def _complete_lineage(text: str, end: int) -> int:
    """A person's span that stops at ``بن`` (or runs on into another ``بن``) takes in the
    lineage: ``بندر بن`` + ``عبدالله بن عبدالعزيز`` is one name."""
    while True:
        last = text[max(0, end - 6) : end].split()
        after = list(_LETTERS.finditer(text, end, min(len(text), end + 40)))
        if last and match_key(last[-1]) in LINEAGE_WORDS and after:
            if text[end : after[0].start()].strip():
                return end  # a comma or a mark: the name is over
            end = after[0].end()
            continue
        if (
            len(after) >= 2
            and match_key(after[0].group()) in LINEAGE_WORDS
            and not text[end : after[1].start()].replace(after[0].group(), "").strip()
        ):
            end = after[1].end()
            continue
        return end


def _edge_word(word: str) -> bool:
    key = match_key(word)
    bare = strip_conjunction(key)
    return key in NAME_EDGE_WORDS or bare in NAME_EDGE_WORDS or (bare != key and bare in VERB_NAMES)


def _no_place_after(text: str, start: int) -> bool:
    """``صلاة المغرب`` is the sunset prayer, not Morocco; ``كأس استاد الإمارات`` no place of
    the report (NOT_PLACE_AFTER of the places)."""
    before = text[max(start - 12, 0) : start].split()
    return bool(before) and match_key(before[-1]) in NOT_PLACE_AFTER


def _no_place_before(text: str, start: int, end: int) -> bool:
    """``باليمن والبركة`` is "with good fortune", ``الطبقة السياسية`` the political class
    (NOT_PLACE_BEFORE of the places)."""
    following = _word_after(text, end)
    return bool(following) and any(
        following in NOT_PLACE_BEFORE.get(reading, ())
        for reading in clitic_stems(match_key(text[start:end]))
    )


def _findable(name: str) -> bool:
    """Whether a gazetteer name may be found without the tagger. A district of one word
    that the places gazetteer marks as a common word (الحي, الثورة, الدور, بلد, حديثة are
    also Iraqi and Syrian districts) is left to the tagger and to the places component,
    which want a designator or a LOC label for it; governorates and longer names stay."""
    places = gazetteer()
    entry = places.names.get(name)
    if entry is None or entry.bare or " " in name:
        return True
    return any(places.entries[n].kind in ("country", "governorate") for n in entry.places)


_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"\w+")


class EntitiesComponent:
    name = "entities"
    version = "3"  # 3: Iraq's National Alliance and parliament in the registry (review 14)
    reads: tuple[str, ...] = ("article.text", "article.hashtags", "article.byline_span")
    writes: tuple[str, ...] = ("entities", "mentions")

    def __init__(self, model: NerModel, registry: Registry) -> None:
        self.model = model
        self.registry = registry
        self.finders = {name: kind for name, kind in model.finders.items() if _findable(name)}
        self.places_index = first_words(self.finders)
        self.version = f"{EntitiesComponent.version}+{model.version}"

    def to_disk(self, path: Path) -> None:
        raise NotImplementedError("the tagger is written by scripts/train_ner.py")

    @classmethod
    def from_disk(cls, path: Path) -> EntitiesComponent:
        return cls(NerModel.load(path), default_registry())

    def __call__(self, analysis: Analysis) -> None:
        article = analysis.article
        text = article.text
        candidates, country = self.candidates(article)
        kept = resolve_overlaps(text, candidates)
        mentions, entities = link(text, kept, self.registry, country)
        references = reference_candidates(text, mentions, entities, kept)
        by_id = {e.id: e for e in entities}
        for start, end, ident in references:
            mentions.append(
                Mention(
                    span=Span.of(text, start, end),
                    label=by_id[ident].type,
                    entity_id=ident,
                    origin="coref",
                )
            )
            by_id[ident].mention_count += 1
        mentions.sort(key=lambda m: m.span.start)
        self._mark_publisher(article, entities)
        analysis.mentions.extend(mentions)
        analysis.entities.extend(entities)

    def _led_as_stated(self, text: str, candidate: Candidate) -> Candidate:
        """A coalition whose leader follows is the one that leader leads: ``COALITION_LEADERS``."""
        match = candidate.match
        if match is None or match.entity.kind != "coalition":
            return candidate
        led = LED_BY.match(match_key(text[candidate.end : candidate.end + 40]))
        if led is None:
            return candidate
        leader = next(
            (COALITION_LEADERS[r] for r in clitic_stems(led.group(1)) if r in COALITION_LEADERS),
            None,
        )
        entity = self.registry.by_id.get(leader or "")
        if entity is None or entity.id == match.entity.id:
            return candidate
        other = self.registry.resolve(entity.name, "ORG")
        return candidate if other is None else replace(candidate, match=other)

    def candidates(self, article: Article) -> tuple[list[Candidate], str | None]:
        """Every candidate mention, and the country the report is about (by the registry
        names it spells) when that decides what a regional name means."""
        text = article.text
        found, country = registry_candidates(text, self.registry)
        found = [c for c in found if not _qualified_otherwise(text, c)]
        found = [self._led_as_stated(text, c) for c in found]
        found = _without_common_noun_readings(text, found)
        hashtag_spans = [(h.span.start, h.span.end) for h in article.hashtags]
        for kind, start, end in merge_adjacent(text, self.model.find(text)):
            if not any(s < end and start < e for s, e in hashtag_spans):
                start = self._trim_to_known_name(text, start, end, kind)
                start, end = _trim_edge_words(text, start, end)
                if kind == "PER":
                    end = _complete_lineage(text, end)
                spans = _joined_people(text, start, end) if kind == "PER" else [(start, end)]
                for first, last in spans:
                    if first < last:
                        found.append(Candidate(first, last, kind, "ner"))  # type: ignore[arg-type]
        found.extend(gazetteer_candidates(text, self.finders, self.places_index))
        found = [c for c in found if c.origin not in ("ner", "gazetteer") or _names(text, c)]
        found = [
            c
            for c in found
            if c.label != "LOC"
            or not (_no_place_after(text, c.start) or _no_place_before(text, c.start, c.end))
        ]
        found.extend(self._national_forces(text))
        found.extend(initials_candidates(text))
        for hashtag in article.hashtags:
            cand = self._hashtag(hashtag.span.start, hashtag.span.end, hashtag.label)
            if cand is not None:
                found.append(cand)
        if article.byline_span is not None:
            found.extend(self._byline(text, article.byline_span))
        return found, country

    def _national_forces(self, text: str) -> list[Candidate]:
        """A state's armed forces told by a noun of force and the state's adjective
        ("طائرات حربية تركية" → the Turkish army): ``NATIONAL_FORCES``."""
        adjectives = gazetteer().adjectives
        entries = gazetteer().entries
        words = list(_WORD.finditer(text))
        found = []
        for i, word in enumerate(words):
            key = match_key(word.group())
            noun = next((r for r in clitic_stems(key) if r in FORCE_NOUNS), None)
            if noun is None:
                continue
            j = i + 1
            if j < len(words) and match_key(words[j].group()) in FORCE_QUALIFIERS:
                j += 1
            if j >= len(words) or not all(
                text[words[k].end() : words[k + 1].start()].isspace() for k in range(i, j)
            ):
                continue  # "القوات، التركية": no punctuation inside the name
            adjective = match_key(words[j].group().rstrip("،,.:؛"))
            readings = [r for r in clitic_stems(adjective) if r in adjectives]
            country = entries[adjectives[readings[0]]].country if readings else None
            entity = self.registry.by_id.get(NATIONAL_FORCES.get(country or "", ""))
            if entity is None:
                continue
            start = trim_proclitics(text, word.start(), key, noun)
            end = words[j].start() + len(words[j].group().rstrip("،,.:؛"))
            surface = text[start:end]
            match = RegistryMatch(entity, Alias(surface, match_key(surface), "alias"))
            found.append(Candidate(start, end, "ORG", "registry", match))
        return found

    def _trim_to_known_name(self, text: str, start: int, end: int, kind: str) -> int:
        """Drop a proclitic the tagger kept when the rest is a known name (بدير الزور) or
        begins as names of that type do (وأحمد سالم); وليد, itself a name, keeps its و, and
        so does a name in quotation marks («باس نيوز»: a name's letter, not "with")."""
        if start and text[start - 1] in OPENING_QUOTES:
            return start
        key = " ".join(word_key(w) for w in text[start:end].split())
        first = key.split(" ")[0]
        begins = self.model.extractor.gazetteer
        if key in self.model.extractor.names or "B-" + kind in begins.get(first, ()):
            return start
        for reading in clitic_stems(key)[1:]:
            word = reading.split(" ")[0]
            if reading in self.model.extractor.names or "B-" + kind in begins.get(word, ()):
                return trim_proclitics(text, start, first, word)
        return start

    def _hashtag(self, start: int, end: int, label: str) -> Candidate | None:
        """A hashtag names an entity when the registry or the gazetteer knows it, or the
        tagger tags all of it."""
        matches = self.registry.lookup(label)
        if len({m.entity.id for m in matches}) == 1:
            return Candidate(start, end, matches[0].entity.type, "hashtag", matches[0], name=label)
        kinds = self.model.extractor.names.get(" ".join(word_key(w) for w in label.split()))
        if kinds and len(set(kinds)) == 1:
            return Candidate(start, end, kinds[0], "hashtag", name=label)  # type: ignore[arg-type]
        words = label.split()
        tags = self.model.tag(words)
        if words and tags[0].startswith("B-") and all(t == "I-" + tags[0][2:] for t in tags[1:]):
            return Candidate(start, end, tags[0][2:], "hashtag", name=label)  # type: ignore[arg-type]
        return None

    def _byline(self, text: str, span: Span) -> list[Candidate]:
        """The author: a person named in the byline, after words such as بقلم. A byline
        that names a registry organisation (عنب بلدي) is the publisher, not a person."""
        start, end = span.start, span.end
        outlet = self.registry.resolve(text[start:end].strip(" :-–|"), "ORG")
        if outlet is not None:
            return [Candidate(start, end, "ORG", "byline", outlet, role="publisher")]
        people = [f for f in self.model.find(text, start, end) if f[0] == "PER"]
        if people:
            return [Candidate(s, e, "PER", "byline", role="author") for _, s, e in people]
        words = text[start:end].split()
        prefixes = {match_key(p) for p in BYLINE_PREFIXES}
        while words and match_key(words[0].rstrip(":")) in prefixes:
            start = text.index(words[0], start) + len(words[0])
            words = words[1:]
        while start < end and not text[start].isalpha():
            start += 1
        while end > start and not text[end - 1].isalpha():
            end -= 1
        if start >= end or len(words) > 5:
            return []
        return [Candidate(start, end, "PER", "byline", role="author")]

    def _mark_publisher(self, article: Article, entities: list[Entity]) -> None:
        """The outlet that published the report: the stated publisher, or the one outlet
        named by a hashtag (sites tag their own name, as #الحل_السوري)."""
        outlets = [e for e in entities if is_outlet(self.registry.by_id.get(e.id))]
        chosen = []
        if article.publisher:
            match = self.registry.resolve(article.publisher, "ORG")
            chosen = [e for e in outlets if match is not None and e.id == match.entity.id]
        if not chosen:
            keys = {h.key for h in article.hashtags}
            chosen = [e for e in outlets if any(k in keys for k in self._hashtag_keys(e.id))]
        if len(chosen) == 1 and "publisher" not in chosen[0].roles:
            chosen[0].roles.append("publisher")

    def _hashtag_keys(self, ident: str) -> list[str]:
        return [a.key for a in self.registry.by_id[ident].aliases if a.kind == "hashtag"]


def entities_component() -> EntitiesComponent:
    """The default component: shipped tagger and registry."""
    return EntitiesComponent(default_model(), default_registry())
