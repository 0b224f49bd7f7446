"""Who said what: cues, the speech they introduce, and the speaker each belongs to.

Two passes. The first walks the report's tokens (skipping what lies inside quotation
marks) and reads each cue in its frame:

* a reporting verb with its speaker before or after it, then the content: a quote
  (``قال: «…»``), a clause after a complementizer (``أكد أن …``), or, for some verbs and
  a speaker whose extent is certain, a noun phrase (``أكد تزايد …``);
* a verb right after a quote (``«…» يذكر المصدر``);
* "according to" (``بحسب``, ``وفق``, ``نقلاً عن``) with the clause around it;
* a participle (``مؤكداً``, ``مشيراً إلى أن``) whose speaker is the current one.

The second pass goes through those in reading order, resolving each speaker to a source
(``المصدر`` → the latest source, a surname → the full name) and giving quoted stretches
no cue claimed to the current speaker only when they continue that speaker's sentence or
stand as a paragraph of their own; any other quoted words (a term, a title, a scare
quote) are the reporter's and yield nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from marsad.arabic import match_key, strip_article, strip_conjunction
from marsad.model import Mention, Quote, Source, Span
from marsad.quotes.document import Doc
from marsad.quotes.lexicon import Lexicon, VerbForm, lexicon
from marsad.quotes.lexicon_data import (
    ISSUER_WORDS,
    MIN_SPEECH_WORDS,
    MIN_STANDALONE_WORDS,
    STATEMENT_TO_VERB,
)
from marsad.quotes.sources import SourceRegistry
from marsad.quotes.speakers import (
    MAX_APPOSITION_WORDS,
    NAME_IN_QUOTES_WORDS,
    Phrase,
    Speaker,
    addressee_end,
    analyse,
    anonymity_spans,
    person_at,
    phrase_after,
    phrase_before,
    possessed,
)

QuoteKind = Literal["direct", "indirect", "mixed"]

# How sure each frame is that it found speech and its speaker.
CONFIDENCE = {
    "cue+quote": 0.95,  # قال: «…»
    "complementizer": 0.85,  # أكد أن …
    "post-cue": 0.85,  # «…» يذكر المصدر
    "according-to": 0.8,  # بحسب المصدر
    "nominal": 0.6,  # أكد تزايد …
    "unmarked": 0.55,  # قال: كلام بلا علامات
    "continued-sentence": 0.7,  # the same sentence goes on with another quote
    "continued-paragraph": 0.6,  # a paragraph that is one quote, after the speaker's
}
# "He said" with nobody to point at; with the person last named in the paragraph; with
# whoever was quoted last, paragraphs ago.
NO_SPEAKER_FACTOR = 0.6
CARRIED_SUBJECT_FACTOR = 0.8
DISTANT_SPEAKER_FACTOR = 0.7
# Words a quote continuing the current speaker's sentence needs.
MIN_INHERITED_WORDS = 3
# Words that cannot open a noun phrase that is what someone said.
_NOT_NOUN_PHRASE = frozenset(("في", "علي", "من", "الي", "عن", "مع", "لا", "لم", "لن", "قد"))
# A quoted name after a definite title noun is at most this long (``الهاشتاق «…»``).
_SHORT_NAME_WORDS = 3
# How far past a speaker a colon or ``إن`` may still introduce what was said.
_LOOKAHEAD = 12
PLACE_BEFORE_QUOTE_WORDS = 2  # words of a place between "في" and a quote mark, at most
_ROLE_BEFORE_SUBJECT = 8  # words from the opening verb to its subject's name, at most
# Most words between ``مضى`` and ``بالقول`` taken for the speaker.
_MASDAR_SUBJECT_WORDS = 4
# Most words of an object between a verb's speaker and its preposition.
_OBJECT_WORDS = 5
_INNA = frozenset(("إن", "إنه", "إنها", "إنهم", "إنهما", "إننا", "إنني"))
# Commas that end an indirect clause: the next words are a new attribution.
_CUE_LOOKAHEAD = 2


@dataclass
class Unit:
    """One attributed stretch, before its speaker is resolved to a source."""

    anchor: int
    cue: tuple[int, int] | None
    content: tuple[int, int]
    kind: QuoteKind
    frame: str
    last_token: int
    speaker: Speaker | None = None
    speaker_stop: int | None = None  # token where the speaker phrase ended
    relative_comma: int | None = None  # ``، الذي يؤكد``: the comma before the pronoun
    verbatim: list[tuple[int, int]] = field(default_factory=list)
    fragments: list[int] = field(default_factory=list)
    continues: bool = False  # ``وأضاف``: goes on with the last speaker


@dataclass
class Found:
    sources: list[Source]
    quotes: list[Quote]


def find_quotes(
    text: str,
    paragraphs: Sequence[tuple[int, int]] | None = None,
    mentions: Sequence[Mention] = (),
) -> Found:
    """Sources and quotes of a report; ``paragraphs`` default to its non-empty lines."""
    doc = Doc.build(text, paragraphs, mentions)
    finder = _Finder(doc, lexicon())
    finder.find_units()
    return _attribute(doc, finder)


@dataclass
class _Content:
    """What a cue introduces: its span, kind and frame, and a relayed speaker if any."""

    span: tuple[int, int]
    kind: QuoteKind
    frame: str
    last: int
    verbatim: list[tuple[int, int]]
    fragments: list[int]
    relay: Phrase | None = None


class _Finder:
    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.units: list[Unit] = []
        self.claimed: set[int] = set()
        self.consumed: set[int] = set()
        self.surnames: set[str] = set()  # of people named so far, for ``ويذكر العمر …``
        self.covered_until = 0  # cues before this token lie inside an earlier unit's content
        for start, end in anonymity_spans(doc, lex):
            self.consumed.update(range(start, end))  # ``عدم ذكر اسمه``: ذكر is no cue here

    # ---------------------------------------------------------------------- pass one

    def find_units(self) -> None:
        doc = self.doc
        for i in range(len(doc)):
            if i in self.consumed or i < self.covered_until:
                continue
            if doc.quoted(i) or not doc.is_word(i) or doc.para[i] < 0:
                continue
            unit = self._in_their_words(i) or self._according_to(i) or self._verb(i)
            if unit is not None:
                form = self.lex.verb(doc.keys[i])
                unit.continues = form is not None and form.lemma in self.lex.continuation_verbs
                self._keep(unit, i)

    def _keep(self, unit: Unit, i: int) -> None:
        self.units.append(unit)
        self.claimed.update(unit.fragments)
        if unit.content[1] > self.doc.tokens[i].end:
            self.covered_until = max(self.covered_until, self.doc.token_at(unit.content[1]))
        speaker = unit.speaker
        if speaker is not None and speaker.kind == "person" and speaker.name is not None:
            words = match_key(self.doc.text[speaker.name[0] : speaker.name[1]]).split()
            if len(words) > 1:
                self.surnames.add(strip_article(words[-1]))

    def _in_their_words(self, i: int) -> Unit | None:
        """``«…» على حد تعبيره``: the quote just before belongs to the current speaker."""
        end = self.lex.in_their_words.match(self.doc.keys, i)
        if end == i:
            return None
        self.consumed.update(range(i, end))
        f_index = self._fragment_before(i)
        if f_index is None:
            return None
        return self._fragment_unit(f_index, self.doc.span(i, end), None, "post-cue", end)

    def _according_to(self, i: int) -> Unit | None:
        """``بحسب المصدر``, ``وفقاً لما نشرته صحيفة …``: the clause around is attributed."""
        doc, lex = self.doc, self.lex
        end = lex.according_to.match(doc.keys, i)
        if end == i:
            end = lex.this_is_what.match(doc.keys, i)
            if end == i:
                return None
            return self._verb(end, lead=i) if doc.is_word(end) else None
        if doc.is_word(end) and lex.verb(doc.keys[end]) is not None:
            return self._verb(end, lead=i)
        if doc.keys[i] in ("كما", "مثلما"):
            return None
        k = end
        if doc.keys[end - 1].endswith("ما") and doc.is_word(k):
            k += 1  # ``وفقاً لما نشرته``: what was published, by whom follows
            while doc.is_word(k) and doc.keys[k] in lex.verb_objects:
                k += 1
        if doc.is_word(k) and doc.keys[end - 1] in ("وفقا", "طبقا") and doc.keys[k].startswith("ل"):
            doc.split_proclitic(k)
        while doc.is_word(k) and doc.keys[k] in lex.statement_nouns:
            k += 1
        phrase = phrase_after(doc, k, lex)
        speaker = analyse(doc, phrase, lex)
        if speaker is None and k > end:  # ``حسب بيان`` with no issuer named
            phrase = Phrase((end, end + 1), [], end + 1)
            speaker = analyse(doc, phrase, lex)
        if speaker is None or (speaker.kind == "unknown" and speaker.backref is None):
            return None
        cue = doc.span(i, end)
        before = self._clause_before(i)
        after_start = self._skip_to_clause(phrase.stop)
        after = None
        if doc.same_paragraph(i, after_start) and not (
            doc.keys[phrase.stop : phrase.stop + 1] == [","]
            and self._new_attribution(after_start, relatives=True)
        ):
            after = self._clause_after(after_start)
        parts = [p for p in (before, after) if p is not None and doc.words(*p) >= 2]
        if not parts:
            return None
        content = (parts[0][0], parts[-1][1])
        self.consumed.update(range(i, phrase.stop))
        last = doc.token_at(content[1]) if after in parts else phrase.stop
        return self._clause_unit(
            content, cue, speaker, "according-to", last, speaker_stop=phrase.stop
        )

    def _skip_to_clause(self, k: int) -> int:
        """Past commas, adjuncts and ``فإن`` between an attribution and its clause."""
        doc, lex = self.doc, self.lex
        while k < len(doc):
            if doc.keys[k] in (",", "-", "فان", "ان", "فقد"):
                k += 1
            elif lex.adjuncts.match(doc.keys, k) > k:
                k = lex.adjuncts.match(doc.keys, k)
            else:
                return k
        return k

    def _verb(self, i: int, lead: int | None = None) -> Unit | None:
        doc, lex = self.doc, self.lex
        form = lex.verb(doc.keys[i])
        if form is None:
            return None
        nxt = i + 1
        if (
            form.aspect != "participle"
            and doc.keys[i][form.conjunction :] in lex.impersonal
            and doc.is_word(nxt)
            and (doc.keys[nxt] in lex.complementizers or doc.keys[nxt] in ("إلى", "الي"))
        ):
            return None  # ``يذكر أن``: the reporter's aside
        if lead is None and i > 0 and doc.keys[i - 1] in lex.negations:
            return None  # ``ولم تعلن أي جهة مسؤوليتها``
        if lead is None and i > 0 and strip_conjunction(doc.keys[i - 1]) in lex.askers:
            return None  # ``من قال: إن المثقف هو الأديب فحسب!``: a question, no one's words
        if i > 0 and strip_conjunction(doc.keys[i - 1]) in lex.idiom_subjects:
            return None  # ``لكن المنطق يقول إن``: reasoning, no one's words
        if form.marked and i > 0 and doc.keys[i - 1] in lex.prepositions:
            return None  # ``في وصف الهمام``: the noun
        if doc.keys[i] in lex.ambiguous_forms and i > 0 and doc.is_word(i - 1):
            return None  # ``من بين قتلى الهجوم``: between, not "he explained"
        cue_start = doc.tokens[i].start + form.conjunction
        cue = (cue_start, doc.tokens[i].end)
        speaker: Speaker | None = None
        relative: int | None = None
        speaker_stop: int | None = None
        certain = False
        j = nxt
        phrase = Phrase((nxt, nxt), [], nxt)
        has_object = behind = False
        if form.aspect != "participle":
            pronoun_object = False
            while doc.is_word(nxt) and (
                doc.keys[nxt] in lex.verb_objects or self._object_word(nxt)
            ):
                pronoun_object = pronoun_object or doc.keys[nxt] in ("عنه", "عنها")
                nxt += 1  # ``ما كشف عنه أحد أقارب …``, ``أعرب فيها عن …``, ``وأعلن خلاله``
            phrase = phrase_after(doc, nxt, lex, form)
            if doc.is_word(nxt) and possessed(doc, nxt, lex):
                if lex.pronoun_suffixed(doc.keys[nxt], lex.roles):
                    phrase = Phrase((nxt, nxt + 1), [], self._past_object(nxt + 1, form))
                else:  # ``أعلنت ولاءها لـ``: an object; the speaker, if any, came before
                    has_object = True
                    phrase = Phrase((nxt + 1, nxt + 1), [], nxt + 1)
            if lead is not None and phrase.empty:
                phrase = self._speaker_after_adjuncts(nxt, form)
                behind = not phrase.empty
            if form.lemma in lex.relay_verbs:
                if pronoun_object:  # ``بحسب ما نقلت عنه وكالة …``: he said it
                    phrase = Phrase((phrase.stop, phrase.stop), [], phrase.stop)
                elif doc.keys[phrase.stop : phrase.stop + 1] == ["عن"]:
                    phrase = phrase_after(doc, phrase.stop + 1, lex, form)
            if phrase.empty:
                late = self._speaker_after_addressee(nxt, form)
                if late is not None:
                    phrase = late
            j = phrase.stop
            if not phrase.empty:
                speaker = analyse(doc, phrase, lex)
                if speaker is None:
                    return self._short_speaker(i, form, cue, lead, phrase)
                certain = speaker.certain_extent or _clear_stop(doc, j)
                speaker_stop = phrase.stop
                if form.marked and self._bare_object(speaker, phrase):
                    speaker = None  # ``ودعت طهران إلى``: maybe whom the call was made to
            elif lead is None and (issuer := self._statement_issuer(i)) is not None:
                speaker, certain = issuer, True
            elif lead is None and (asked := self._asked_subject(i)) is not None:
                speaker, certain = asked, True
            elif lead is None:
                left = phrase_before(doc, i, lex)
                if left is not None and left.relative is not None:
                    relative = left.relative
                elif left is not None:
                    speaker = analyse(doc, left, lex)
                    if speaker is not None and speaker.kind == "unknown":
                        speaker = None
                    certain = speaker is not None
        elif lead is None and form.lemma == "قال" and form.aspect == "participle":
            lead_phrase = self._masdar_subject(i)
            if lead_phrase is not None:
                speaker = analyse(doc, lead_phrase, lex)
                certain = speaker is not None
        # ``بحسب ما قال …`` attributes what comes before it, never what follows; so does
        # ``كما`` when the speaker stands after an addressee or a time (``، كما أعلنت
        # لوكالة الصحافة الفرنسية ميراي بيسك``).
        forward = (lead is None or doc.keys[lead] in ("كما", "مثلما")) and not behind
        after_comma = form.aspect == "participle" and i > 0 and doc.keys[i - 1] == ","
        nominal = (certain or after_comma) and not has_object
        found = self._content_after(j, form, nominal) if forward else None
        if found is None and speaker is not None and not certain and forward:
            return self._short_speaker(i, form, cue, lead, phrase)
        if found is None and form.marked:
            return None  # ``ودعا الوزير إلى الحوار``: a call, not speech
        if found is None:
            return self._backward(i, lead, cue, speaker, speaker_stop, relative, j)
        if found.relay is not None:
            relayed = analyse(doc, found.relay, lex)
            if relayed is not None:
                speaker, speaker_stop, relative = relayed, found.relay.stop, None
        self.consumed.update(range(i, max(j, i + 1)))
        return Unit(
            cue[0], cue, found.span, found.kind, found.frame, found.last, speaker, speaker_stop,
            relative, found.verbatim, found.fragments,
        )  # fmt: skip

    def _backward(
        self,
        i: int,
        lead: int | None,
        cue: tuple[int, int],
        speaker: Speaker | None,
        speaker_stop: int | None,
        relative: int | None,
        stop: int,
    ) -> Unit | None:
        """The verb ends its clause: it attributes the quote or the clause before it."""
        doc = self.doc
        first = lead if lead is not None else i
        f_index = self._fragment_before(first)
        if f_index is not None:
            cue = (doc.tokens[first].start, cue[1]) if lead is not None else cue
            unit = self._fragment_unit(f_index, cue, speaker, "post-cue", stop)
            unit.speaker_stop, unit.relative_comma = speaker_stop, relative
            self.consumed.update(range(i, max(stop, i + 1)))
            return unit
        if lead is None:
            return None
        before = self._clause_before(first)
        if before is None or doc.words(*before) < 2:
            return None
        last = stop
        if doc.is_word(first - 1) and doc.is_word(stop) and doc.same_paragraph(first, stop):
            # ``واعترف الإرهابيون وفق ما أفادت به الوزارة في بيان بتلقي دورات …``: the
            # attribution interrupts the sentence, which goes on after it.
            after = self._clause_after(stop)
            if after is not None:
                before, last = (before[0], after[1]), doc.token_at(after[1])
        self.consumed.update(range(i, max(stop, i + 1)))
        return self._clause_unit(
            before, (doc.tokens[first].start, cue[1]), speaker, "according-to", last,
            speaker_stop=speaker_stop, relative=relative,
        )  # fmt: skip

    def _short_speaker(
        self, i: int, form: VerbForm, cue: tuple[int, int], lead: int | None, phrase: Phrase
    ) -> Unit | None:
        """A speaker whose end is not marked, then a noun phrase that is what was said.

        Tried in turn: a role and name ending where the name ends (``حاكم مقاطعة شينكاي
        محمد قاسم خان | حصيلة القتلى``); a source noun and its definite complements
        (``وزارة الدفاع الوطني | علمها …``); a reference back or a known surname
        (``العمر | قصة …``)."""
        doc, lex = self.doc, self.lex
        if not form.nominal or lead is not None:
            return None
        start = phrase.core[0]
        for stop in self._speaker_stops(start, phrase):
            candidate = Phrase((start, stop), [], stop)
            speaker = analyse(doc, candidate, lex)
            if speaker is None:
                continue
            found = self._after_long_title(stop) if speaker.kind == "person" else None
            found = found or self._content_after(stop, form, True)
            if found is None or found.frame not in ("nominal", "complementizer"):
                continue
            self.consumed.update(range(i, stop))
            return Unit(
                cue[0], cue, found.span, found.kind, found.frame, found.last, speaker, stop,
                None, found.verbatim, found.fragments,
            )  # fmt: skip
        return None

    def _after_long_title(self, stop: int) -> _Content | None:
        """What a person said after a title too long for a speaker phrase, up to a comma
        and ``أن``: ``أوضح الأمير بندر بن عبدالله بن عبدالعزيز عضو مجلس أمناء مؤسسة …
        للأعمال الإنسانية، أن …``."""
        doc, lex = self.doc, self.lex
        for k in range(stop, min(len(doc) - 1, stop + MAX_APPOSITION_WORDS + 1)):
            if doc.sentence_end[k] or doc.quoted(k) or not doc.same_paragraph(stop, k):
                return None
            if doc.keys[k] == ",":
                after = doc.keys[k + 1]
                return self._complement(k + 1) if after in lex.complementizers else None
            if doc.is_word(k) and lex.verb(doc.keys[k]) is not None:
                return None
        return None

    def _bare_object(self, speaker: Speaker, phrase: Phrase) -> bool:
        """One word of no known kind and no apposition after a transitive verb (``دعت
        طهران إلى``) may be its object as well as its subject; a surname of someone
        named before (``الغانم``) is the subject."""
        if speaker.kind != "unknown" or phrase.appositions:
            return False
        words = match_key(self.doc.text[speaker.span[0] : speaker.span[1]]).split()
        return len(words) == 1 and strip_article(words[0]) not in self.surnames

    def _speaker_stops(self, start: int, phrase: Phrase) -> list[int]:
        """Where an unmarked speaker phrase may end, most telling first."""
        doc, lex = self.doc, self.lex
        stops: list[int] = []
        whole = Phrase(phrase.core, [], phrase.core[1])
        full = analyse(doc, whole, lex) if not phrase.overlong else None
        if full is not None and full.name_tokens and full.name_tokens[1] < phrase.core[1]:
            stops.append(full.name_tokens[1])
        for k in (start, start + 1):  # ``الأمير بندر بن عبدالله بن عبدالعزيز | عضو …``
            mention = doc.mention_at.get(k)
            if mention is not None and mention.label == "PER":
                stops.append(doc.mention_end[k])
                break
        key = doc.keys[start] if start < len(doc) else ""
        if doc.is_word(start) and any(
            lex.is_in(key, table) for table in (lex.organisations, lex.roles, lex.collectives)
        ):
            k = start + 1
            while (
                doc.is_word(k)
                and doc.keys[k].startswith("ال")
                and doc.keys[k] not in lex.honorifics
                and k - start < 5
            ):
                k += 1
            if k > start + 1:
                stops.append(k)
        for width in (3, 2, 1):
            stop = start + width
            if not all(doc.is_word(k) for k in range(start, stop)):
                continue
            speaker = analyse(doc, Phrase((start, stop), [], stop), lex)
            if speaker is None:
                continue
            surname = strip_article(match_key(doc.text[speaker.span[0] : speaker.span[1]]))
            if (
                speaker.backref is not None
                or speaker.kind == "initials"
                or speaker.entity_id is not None
                or (width == 1 and surname in self.surnames)
            ):
                stops.append(stop)
        return list(dict.fromkeys(stops))

    def _masdar_subject(self, i: int) -> Phrase | None:
        """The speaker between a verb and ``بالقول`` (``ومضى ولد الشيخ بالقول``)."""
        doc, lex = self.doc, self.lex
        for k in range(i - 1, max(-1, i - _MASDAR_SUBJECT_WORDS - 1), -1):
            if not doc.is_word(k) or doc.quoted(k):
                return None
            if lex.is_in(doc.keys[k], lex.masdar_leads):
                return Phrase((k + 1, i), [], i) if k + 1 < i else None
        return None

    def _past_object(self, k: int, form: VerbForm) -> int:
        """After a one-word speaker, the verb's preposition past its object (``حذر رئيسها
        الولايات المتحدة من أن``: "its president warned the US that"), else ``k``."""
        doc = self.doc
        for m in range(k, min(len(doc), k + _OBJECT_WORDS)):
            if not doc.is_word(m):
                break
            if doc.keys[m] in form.preps:
                return m
        return k

    def _object_word(self, k: int) -> bool:
        """A preposition with a pronoun (``خلاله``, ``فيه``) or a noun of speech with one
        (``واختتم تصريحاته بالقول``) after a verb: what it says nothing of its speaker."""
        key, lex = self.doc.keys[k], self.lex
        if lex.pronoun_suffixed(key, lex.prepositions):
            return True
        return possessed(self.doc, k, lex) and lex.is_in_possessed(key, lex.speech_events)

    def _speaker_after_adjuncts(self, nxt: int, form: VerbForm) -> Phrase:
        """After ``كما``: the speaker behind an addressee and words of time (``كما أعلنت
        لوكالة الصحافة الفرنسية ميراي بيسك``, ``كما ذكرت أمس الجمعة مصادر رسمية.``)."""
        doc, lex = self.doc, self.lex
        k = nxt
        addressed = False
        for _ in range(4):
            after = addressee_end(doc, k, lex)
            addressed = addressed or after > k
            if after == k and doc.is_word(k):
                after = lex.adjuncts.match(doc.keys, k)
                if after == k and doc.keys[k] in lex.adverbs:
                    after = k + 1
            if after == k:
                break
            k = after
        empty = Phrase((nxt, nxt), [], nxt)
        if k == nxt or not doc.is_word(k):
            return empty
        phrase = phrase_after(doc, k, lex, form)
        speaker = analyse(doc, phrase, lex) if not phrase.empty else None
        if speaker is None or (speaker.kind == "unknown" and not addressed):
            return empty  # a name of no known kind, said to an outlet, is still a speaker
        return phrase

    def _speaker_after_addressee(self, nxt: int, form: VerbForm) -> Phrase | None:
        """``قال لـ«الشرق الأوسط» مسؤول …، إن``: the speaker after the addressee."""
        doc, lex = self.doc, self.lex
        k = addressee_end(doc, nxt, lex)
        if k == nxt:
            return None
        phrase = phrase_after(doc, k, lex, form)
        if phrase.empty or analyse(doc, phrase, lex) is None:
            return None
        s = phrase.stop + (1 if doc.keys[phrase.stop : phrase.stop + 1] == [","] else 0)
        if s < len(doc) and (doc.keys[s] in lex.complementizers or doc.keys[s] == ":"):
            return phrase
        return None

    def _statement_issuer(self, i: int) -> Speaker | None:
        """Who issued the statement a verb reads from: ``أصدرت الوزارة بيانا قالت فيه إن``,
        ``نشر التنظيم تسجيلا مصورا قال فيه``."""
        doc, lex = self.doc, self.lex
        if i < 2 or doc.keys[i + 1 : i + 2] not in (["فيه"], ["فيها"]):
            return None
        nouns = range(i - 1, max(i - 1 - STATEMENT_TO_VERB, 0), -1)
        noun = next(
            (k for k in nouns if strip_conjunction(doc.keys[k]) in lex.issued_statements), None
        )
        if noun is None:
            return None
        for v in range(noun - 1, max(noun - 1 - ISSUER_WORDS, -1), -1):
            if doc.sentence_end[v] or not doc.same_paragraph(v, i):
                return None
            if strip_conjunction(doc.keys[v]) in lex.issue_verbs:
                phrase = phrase_after(doc, v + 1, lex)  # it may run on into "بيانا"
                core = (v + 1, min(phrase.core[1], noun))
                return analyse(doc, Phrase(core, [], noun), lex) if core[0] < core[1] else None
        return None

    def _sentence_start(self, i: int) -> int:
        """The first token of the sentence (within its paragraph) that holds token ``i``."""
        doc = self.doc
        start = i
        while start > 0 and not doc.sentence_end[start - 1] and doc.same_paragraph(start - 1, i):
            start -= 1
        return start

    def _asked_subject(self, i: int) -> Speaker | None:
        """The one asked, for a verb with ف in a sentence that opens with "سئل": ``وسئل
        مسؤول فرنسي عما اذا كان اطلاق سراح بريم … فقال إن`` is the official answering."""
        doc, lex = self.doc, self.lex
        if not doc.keys[i].startswith("ف"):
            return None
        start = self._sentence_start(i)
        if start == i or strip_conjunction(doc.keys[start]) not in lex.asked:
            return None
        phrase = phrase_after(doc, start + 1, lex)
        about = next(
            (k for k in range(*phrase.core) if doc.keys[k] in lex.asked_about), phrase.core[1]
        )  # ``مسؤول فرنسي | عما اذا كان``: the question is not part of who was asked
        return analyse(doc, Phrase((phrase.core[0], about), [], about), lex)

    def subject_before(self, i: int) -> Speaker | None:
        """The subject of the verb that opens the sentence of a participle cue at ``i``:
        ``واتهم النهدي … الجريري بمحاولة تصفية عناصر التنظيم، قائلاً`` is النهدي speaking,
        not the man he accused."""
        doc, lex = self.doc, self.lex
        form = lex.verb(doc.keys[i])
        if form is None or form.aspect != "participle":
            return None
        start = self._sentence_start(i)
        opener = strip_conjunction(doc.keys[start])
        if lex.verb(doc.keys[start]) is None and opener not in lex.governing_verbs:
            return None
        for k in range(start + 1, min(i, start + 1 + _ROLE_BEFORE_SUBJECT)):
            if doc.quoted(k) or not doc.is_word(k):
                continue
            speaker = person_at(doc, k, lex)
            if speaker is not None:
                return speaker
        return None

    def name_before(self, i: int, *, same_sentence: bool = False) -> Speaker | None:
        """The person named last before token ``i`` in its paragraph, or its sentence
        (outside quotes)."""
        doc = self.doc
        for k in range(i - 1, -1, -1):
            if not doc.same_paragraph(k, i) or (same_sentence and doc.sentence_end[k]):
                return None
            if doc.quoted(k) or not doc.is_word(k):
                continue
            speaker = person_at(doc, k, self.lex)
            if speaker is not None:
                return speaker
        return None

    # ---------------------------------------------------------------------- content

    def _content_after(self, j: int, form: VerbForm, certain_speaker: bool) -> _Content | None:
        """What follows a verb and its speaker: a quote, a clause or a noun phrase."""
        doc, lex = self.doc, self.lex
        start = j
        k = j
        prep_seen = False
        relay: Phrase | None = None
        while k < len(doc) and doc.same_paragraph(start, k) and k - start < 30:
            key = doc.keys[k]
            if doc.sentence_end[k]:
                return None
            if key in (",", "-"):
                skipped = self._attribution_aside(k + 1, comma=True)
                if skipped is not None:
                    k, relay = skipped[0], skipped[1] or relay
                else:
                    k += 1
                continue
            if not doc.is_word(k):
                break
            skipped = self._attribution_aside(k, comma=False)
            if skipped is not None:
                k, relay = skipped[0], skipped[1] or relay
                continue
            adjunct = lex.adjuncts.match(doc.keys, k)
            if key in lex.adverbs and adjunct <= k + 1:
                k += 1  # ``أعلنت أخيرا عن …``: the adverb and nothing more
                continue
            if adjunct > k or (
                key == "في"
                and k + 1 < len(doc)
                and lex.is_in_possessed(doc.keys[k + 1], lex.speech_events)
            ):
                k = self._skip_adjunct(max(adjunct, k + 1))
                continue
            place = self._place_before_quote(k)
            if place is not None:  # ``للصحافيين في المطار "…"``: where it was said
                k = place
                continue
            if key in lex.without:  # ``دون أن يقدم أي تفاصيل "…"``: how it was said
                k += 2 if k + 1 < len(doc) and doc.keys[k + 1] in lex.complementizers else 1
                k = self._skip_adjunct(k)
                continue
            after = addressee_end(doc, k, lex)
            if after > k:
                k = after
                continue
            if key in lex.verb_objects or key in lex.saying_nouns:
                k += 1
                continue
            if key in form.preps:
                prep_seen = True
                k += 1
                continue
            participle = lex.verb(key)
            if participle is not None and participle.aspect == "participle" and k == start:
                self.consumed.add(k)
                k += 1
                continue
            break
        if k >= len(doc) or not doc.same_paragraph(start, k):
            return None
        found = self._content_at(k, form, prep_seen or certain_speaker, prep_seen)
        if found is None:
            ahead = self._introducer_ahead(k, form)
            found = self._content_at(ahead, form, False, False) if ahead is not None else None
        if found is not None:
            found.relay = relay
        return found

    def _place_before_quote(self, k: int) -> int | None:
        """The quote mark after "في" and one or two words (``في المطار "…"``), if there."""
        doc = self.doc
        if doc.keys[k] != "في":
            return None
        for m in range(k + 2, min(k + 2 + PLACE_BEFORE_QUOTE_WORDS, len(doc))):
            if m in doc.opener:
                return m
            if not doc.is_word(m):
                return None
        return None

    def _introducer_ahead(self, k: int, form: VerbForm) -> int | None:
        """A colon or ``إن`` a few words on: ``قالت طومسون … في عددها الصادر، أمس: «…»``.

        Only these two, as they never do anything but introduce speech; the way there
        may not cross a sentence end, a quote or another cue. For a verb whose speech is
        always marked, a quote of a sentence's length after the verb's preposition
        (``طلب السفير من مجلس الأمن «…»``), and a complementizer only before a quote
        (``وصف الاتفاق بأنه``: a description; ``بأنه «…»``: his words)."""
        doc, lex = self.doc, self.lex
        prep_seen = k > 0 and doc.keys[k - 1] in form.preps
        for m in range(k, min(len(doc), k + _LOOKAHEAD)):
            if form.marked and m in doc.opener:
                f_index = doc.opener[m]
                return m if prep_seen and self._speechlike(f_index, MIN_STANDALONE_WORDS) else None
            if form.marked and doc.keys[m] in lex.complementizers:
                # ``وصف الهجوم بأنه «عمل إرهابي جبان …»``: the quoted words are his
                quoted = doc.opener.get(m + 1)
                if quoted is not None and self._speechlike(quoted, MIN_STANDALONE_WORDS):
                    return m + 1
                return None
            prep_seen = prep_seen or doc.keys[m] in form.preps
            if not doc.same_paragraph(k, m) or doc.sentence_end[m] or m in doc.opener:
                return None
            if doc.keys[m] == ":" or doc.tokens[m].text in _INNA:
                return m
            if doc.is_word(m) and lex.verb(doc.keys[m]) is not None:
                return None
        return None

    def _content_at(
        self, k: int, form: VerbForm, nominal_allowed: bool, prep_seen: bool
    ) -> _Content | None:
        doc, lex = self.doc, self.lex
        key = doc.keys[k]
        if key == ":":
            k += 1
            if k < len(doc) and k in doc.opener:
                return self._quote_content(k, after_colon=True)
            if doc.is_word(k) and doc.keys[k] in lex.complementizers:
                return self._complement(k)
            if doc.is_word(k) and form.lemma in lex.unmarked_speech:
                end = self._forward_end(k, unmarked=True)
                if doc.words(*doc.span(k, end)) >= 2:
                    return _Content(doc.span(k, end), "direct", "unmarked", end, [], [])
            return None
        if k in doc.opener:
            close = doc.close_token.get(doc.opener[k])
            if (
                close is not None
                and doc.fragment_words(doc.opener[k]) <= NAME_IN_QUOTES_WORDS
                and doc.keys[close + 1 : close + 2] == [":"]
                and close + 2 in doc.opener
            ):  # ``على "فيس بوك": "…"``: the medium's name, then what was said
                return self._quote_content(close + 2, after_colon=True)
            return self._quote_content(k, after_colon=False)
        if not doc.is_word(k) or form.marked:
            return None
        if key in lex.complementizers:
            return self._complement(k)
        if nominal_allowed and form.nominal and key not in _NOT_NOUN_PHRASE:
            end = self._forward_end(k)
            if doc.words(*doc.span(k, end)) >= 2:
                span, kind, verbatim, fragments = self._classify(k, end)
                frame = "complementizer" if prep_seen else "nominal"
                return _Content(span, kind, frame, end, verbatim, fragments)
        return None

    def _attribution_aside(self, k: int, *, comma: bool) -> tuple[int, Phrase | None] | None:
        """``بحسب وكالة "يونهاب"`` or ``، بحسب ما نقلت عنه وكالة الأناضول،`` between the
        speaker and what was said: skipped. ``نقلاً عن مسؤولين`` names who really spoke."""
        doc, lex = self.doc, self.lex
        end = lex.according_to.match(doc.keys, k) if doc.is_word(k) else k
        if end == k or doc.keys[k] in ("كما", "مثلما"):
            return None
        relays = doc.keys[k] in ("نقلا", "علي") or match_key("نقلاً") == doc.keys[k]
        phrase = phrase_after(doc, end, lex)
        if comma:
            for m in range(end, min(len(doc), k + 18)):
                if not doc.same_paragraph(k, m) or doc.sentence_end[m]:
                    return None
                if doc.keys[m] == ",":
                    self.consumed.update(range(k, m))
                    return m + 1, phrase if relays and not phrase.empty else None
            return None
        if phrase.empty:
            return None
        self.consumed.update(range(k, phrase.stop))
        return phrase.stop, phrase if relays else None

    def _skip_adjunct(self, k: int) -> int:
        """Past an adjunct (``في تصريح لـ«الوطن»``, ``خلال مؤتمر صحفي أمس``)."""
        doc, lex = self.doc, self.lex
        start = k
        while k < len(doc) and doc.same_paragraph(start, k) and k - start < 10:
            key = doc.keys[k]
            if key in lex.complementizers or key in (":", ",") or k in doc.opener:
                return k
            if lex.according_to.match(doc.keys, k) > k:
                return k  # ``اليوم الخميس نقلاً عن مسؤولين``
            if doc.sentence_end[k]:
                return k
            # ``في تصريح خاص لـ لـ «المدينة»:``: the outlet is part of the adjunct.
            k = max(k + 1, addressee_end(doc, k, lex))
        return k

    def _quote_content(self, k: int, *, after_colon: bool) -> _Content | None:
        f_index = self.doc.opener[k]
        if f_index in self.claimed:
            return None
        if not after_colon and not self._speechlike(f_index, MIN_SPEECH_WORDS):
            return None  # ``التي تعتبر "عاصمة" التنظيم``: a term, not speech
        inner = self._inner(f_index)
        close = self.doc.close_token.get(f_index)
        last = close + 1 if close is not None else self._unclosed_end(f_index)
        return _Content(inner, "direct", "cue+quote", last, [inner], [f_index])

    def _complement(self, k: int) -> _Content | None:
        doc = self.doc
        bare = doc.keys[k] in ("ان", "بان")
        start = k + 1 if bare else k
        if doc.keys[k + 1 : k + 2] == [":"]:
            start = k + 2  # ``وأوضح أنه: «…»``
        elif not bare and k + 1 in doc.opener:
            close = doc.close_token.get(doc.opener[k + 1])
            if close is not None and self._forward_end(k + 1) == close + 1:
                start = k + 1  # ``انه "…"``: the pronoun adds nothing to the quote
        if start >= len(doc) or not doc.same_paragraph(k, start):
            return None
        end = self._forward_end(start)
        if end <= start:
            return None
        span, kind, verbatim, fragments = self._classify(start, end)
        return _Content(span, kind, "complementizer", end, verbatim, fragments)

    def _forward_end(self, start: int, *, unmarked: bool = False) -> int:
        """The token ending a clause that starts at ``start``. Speech with no marks
        (``وأضاف: …``) also ends where the reporter speaks again (``وأشار إلى أن``)."""
        doc = self.doc
        k = start
        words = 0
        while k < len(doc) and doc.same_paragraph(start, k):
            if k in doc.opener:
                f_index = doc.opener[k]
                close = doc.close_token.get(f_index)
                if close is None:
                    return self._unclosed_end(f_index)
                if (
                    k > start
                    and doc.keys[k - 1] == ","
                    and words >= 3
                    and self._speechlike(f_index, MIN_INHERITED_WORDS)
                ):
                    return k - 1  # ``…، «…»``: a quote of its own follows
                words += doc.fragment_words(f_index)
                k = close + 1
                if k - 1 == close and start in doc.opener and doc.keys[k : k + 1] == [","]:
                    return k  # ``إن "…"، في مقاطعة …``: the quote said it all
                continue
            key = doc.keys[k]
            if doc.sentence_end[k] or key == ";":
                return k
            if key == "," and self._new_attribution(k + 1):
                return k
            if doc.is_word(k):
                if k > start and (
                    self._clause_opening_cue(k) or self.lex.topic_shifts.match(doc.keys, k) > k
                ):
                    return k
                if unmarked and k > start and self._reporter_cue(k):
                    return k
                words += 1
            k += 1
        return k

    def _new_attribution(self, k: int, *, relatives: bool = False) -> bool:
        """After a comma: a new cue (``، مشيراً``, ``، وأضاف``), or the reporter's own
        words (``، فيما …``). ``، الذي يؤكد`` counts only after a speaker phrase."""
        doc, lex = self.doc, self.lex
        if k < len(doc) and lex.clause_breakers.match(doc.keys, k) > k:
            return True
        for m in range(k, min(len(doc), k + _CUE_LOOKAHEAD)):
            if not doc.is_word(m):
                return False
            key = doc.keys[m]
            if m > k and doc.keys[k] in lex.relatives and not relatives:
                return False
            if lex.verb(key) is not None or lex.according_to.match(doc.keys, m) > m:
                return True
            if lex.in_their_words.match(doc.keys, m) > m:
                return True
        return False

    def _clause_opening_cue(self, k: int) -> bool:
        """A cue word that opens a new clause: a participle (``مضيفاً``), ``على حد تعبيره``,
        a verb right after a quote, or a conjoined verb with its own speaker or quote
        (``ويرجح المصدر``, ``وتابع:``); ``واعتبر أن`` goes on with the same content."""
        doc, lex = self.doc, self.lex
        if lex.in_their_words.match(doc.keys, k) > k:
            return True
        form = lex.verb(doc.keys[k])
        if form is None:
            return False
        if form.aspect == "participle" or k - 1 in doc.closer:
            return True
        if not form.conjunction:
            return False
        if doc.keys[k + 1 : k + 2] == [":"] or k + 1 in doc.opener:
            return True
        phrase = phrase_after(doc, k + 1, lex, form)
        return not phrase.empty and analyse(doc, phrase, lex) is not None

    def _reporter_cue(self, k: int) -> bool:
        """A conjoined verb of saying, its preposition and a complementizer
        (``وأشار إلى أن``, ``وأكد أن``): the reporter attributing the next words."""
        doc, lex = self.doc, self.lex
        form = lex.verb(doc.keys[k])
        if form is None or not form.conjunction or form.aspect != "past":
            return False
        m = k + 1
        while doc.is_word(m) and doc.keys[m] in form.preps:
            m += 1
        return doc.is_word(m) and doc.keys[m] in lex.complementizers

    def _unclosed_end(self, f_index: int) -> int:
        """The token ending a quote whose closing mark never came: its paragraph, or
        within one paragraph its first sentence (what follows may be the reporter's)."""
        doc = self.doc
        fragment = doc.fragments[f_index]
        k = doc.token_at(fragment.open)
        end = _paragraph_end_token(doc, k)
        if doc.token_at(fragment.close) > end:
            return end  # reopened in the paragraphs after: it runs on
        return next((m for m in range(k + 1, end) if doc.sentence_end[m]), end)

    def _clause_after(self, start: int) -> tuple[int, int] | None:
        """The clause that starts at ``start`` (``بحسب المصدر، هو …``)."""
        end = self._trim_end(start, self._forward_end(start))
        return self.doc.span(start, end) if end > start else None

    def _clause_before(self, i: int) -> tuple[int, int] | None:
        """The clause that ends at a cue: back to the sentence start or the last unit."""
        doc = self.doc
        k = i - 1
        floor = self.units[-1].last_token if self.units else 0
        while k >= floor and doc.same_paragraph(k, i) and not doc.sentence_end[k]:
            if k in doc.closer:
                f_index = doc.closer[k]
                k = doc.token_at(doc.fragments[f_index].open) - 1
                continue
            k -= 1
        start = k + 1
        while start < i and not doc.is_word(start) and start not in doc.opener:
            start += 1
        end = self._trim_end(start, i)
        if end <= start:
            return None
        return doc.span(start, end)

    def _trim_end(self, start: int, end: int) -> int:
        """Drop trailing punctuation, but keep a closing quote mark or a bracket whose
        opening one lies in the span (``… (120 كلم شرق العاصمة تونس)``)."""
        doc = self.doc
        while end > start and not doc.is_word(end - 1) and end - 1 not in doc.closer:
            if doc.keys[end - 1] in (")", "]"):
                opening = "(" if doc.keys[end - 1] == ")" else "["
                if doc.keys[start : end - 1].count(opening) > doc.keys[start : end - 1].count(
                    doc.keys[end - 1]
                ):
                    break
            end -= 1
        return end

    def _classify(
        self, start: int, end: int
    ) -> tuple[tuple[int, int], QuoteKind, list[tuple[int, int]], list[int]]:
        """Direct when the clause is one quote, mixed when it holds quoted words."""
        doc = self.doc
        end = self._trim_end(start, end)
        opened = doc.opener.get(start)
        if opened is not None and not doc.fragments[opened].closed:
            inner = self._inner(opened)  # ``بأن «…`` and no closing mark: all of it quoted
            if doc.token_at(inner[1]) >= end:
                return inner, "direct", [inner], [opened]
        fragments = [
            doc.opener[k]
            for k in range(start, end)
            if k in doc.opener
            and doc.opener[k] not in doc.nested
            and doc.close_token.get(doc.opener[k], end) < end
        ]
        if (
            len(fragments) == 1
            and start in doc.opener
            and doc.close_token.get(fragments[0]) == end - 1
        ):
            inner = self._inner(fragments[0])
            return inner, "direct", [inner], fragments
        verbatim = [self._inner(f) for f in fragments if self._speechlike(f, MIN_SPEECH_WORDS)]
        kind: QuoteKind = "mixed" if verbatim else "indirect"
        return doc.span(start, end), kind, verbatim, fragments

    def _inner(self, f_index: int) -> tuple[int, int]:
        """A quote's words, without its marks (nor, when never closed, the final stop)."""
        fragment = self.doc.fragments[f_index]
        start, end = _trim(self.doc.text, *fragment.inner)
        if not fragment.closed:
            stop = self._unclosed_end(f_index)
            if stop < len(self.doc):
                end = min(end, self.doc.tokens[stop].end)
            while (end > start and self.doc.text[end - 1] in ".!?؟…") or self.doc.text[
                end - 1
            ].isspace():
                end -= 1
        return start, end

    def _speechlike(self, f_index: int, min_words: int) -> bool:
        """Enough words, and not the name of a film, campaign, outlet …

        A title noun names what follows when it heads it (``فيلم «…»``, ``بعنوان «…»``);
        with the article (``هذه الدورة «سيعطي …»``) it is the subject of a quoted
        sentence unless the quote is only a few words long."""
        doc = self.doc
        words = doc.fragment_words(f_index)
        if words < min_words:
            return False
        opener = doc.token_at(doc.fragments[f_index].open)
        before = opener - 1
        if before >= 0 and doc.is_word(before) and doc.same_paragraph(before, opener):
            key = doc.keys[before]
            bare = key[1:] if len(key) > 1 and key[0] in "بل" else key
            for reading in dict.fromkeys((key, bare)):
                if self.lex.is_in(reading, self.lex.title_nouns):
                    definite = reading.startswith(("ال", "وال"))
                    return definite and words > _SHORT_NAME_WORDS
        return True

    def _fragment_before(self, i: int) -> int | None:
        """An unclaimed quote closing right before token ``i`` (punctuation between)."""
        doc = self.doc
        k = i - 1
        while k >= 0 and doc.keys[k] in (",", "-", ":") and k not in doc.closer:
            k -= 1
        if k in doc.closer and doc.same_paragraph(k, i) and doc.closer[k] not in self.claimed:
            return doc.closer[k]
        return None

    def _fragment_unit(
        self,
        f_index: int,
        cue: tuple[int, int] | None,
        speaker: Speaker | None,
        frame: str,
        last: int,
    ) -> Unit:
        inner = self._inner(f_index)
        anchor = cue[0] if cue else inner[0]
        return Unit(
            anchor, cue, inner, "direct", frame, last, speaker, None, None, [inner], [f_index]
        )

    def _clause_unit(
        self,
        content: tuple[int, int],
        cue: tuple[int, int],
        speaker: Speaker | None,
        frame: str,
        last: int,
        *,
        speaker_stop: int | None = None,
        relative: int | None = None,
    ) -> Unit:
        doc = self.doc
        first, end = doc.token_at(content[0]), doc.token_at(content[1])
        if end < len(doc) and doc.tokens[end].start < content[1]:
            end += 1
        span, kind, verbatim, fragments = self._classify(first, end)
        return Unit(
            cue[0], cue, span, kind, frame, last, speaker, speaker_stop, relative,
            verbatim, fragments,
        )  # fmt: skip


# -------------------------------------------------------------------------- pass two


def _attribute(doc: Doc, finder: _Finder) -> Found:
    registry = SourceRegistry(doc.text)
    items: list[tuple[int, int, Unit | int]] = [(u.anchor, 0, u) for u in finder.units]
    items += [
        (f.open, 1, f_index)
        for f_index, f in enumerate(doc.fragments)
        if f.closed
        and f_index not in finder.claimed
        and f_index not in doc.nested
        and f_index in doc.close_token
    ]
    items.sort(key=lambda item: (item[0], item[1]))
    quotes: list[Quote] = []
    previous: tuple[Unit, Source | None] | None = None
    quoted: list[Source] = []  # sources in the order they were last quoted
    for _, _, item in items:
        if isinstance(item, int):
            inherited = _continued(doc, finder, item, previous)
            if inherited is not None:
                unit, source = inherited
                quotes.append(_quote(doc, unit, source, inherited=True))
            continue
        source, factor = _source_of(doc, finder, item, registry, previous)
        if item.speaker is None and source is not None and _names_itself(doc, item, source):
            # ``وتابع "ولد الشيخ كثف من اتصالاته"``: no one opens his words with his own
            # name; the one quoted before goes on.
            source = next((s for s in reversed(quoted) if not _names_itself(doc, item, s)), None)
            factor = DISTANT_SPEAKER_FACTOR
        if source is not None:
            registry.touch(source)
            quoted = [s for s in quoted if s is not source] + [source]
        quotes.append(_quote(doc, item, source, factor=factor))
        previous = (item, source)
    quotes.sort(key=lambda q: q.span.start)
    return Found(registry.sources, quotes)


def _source_of(
    doc: Doc,
    finder: _Finder,
    unit: Unit,
    registry: SourceRegistry,
    previous: tuple[Unit, Source | None] | None,
) -> tuple[Source | None, float]:
    """The unit's source, and how much that lowers the quote's confidence.

    A speaker named at the cue is resolved in the registry. "He said" (a verb or
    participle with no subject) is the source quoted last when that was in this or the
    previous paragraph; otherwise the person named last before the cue in the paragraph
    (``كلمة لصاحب الجائزة الدكتور ساعد … رحب فيها …، مشيراً إلى أن``); otherwise, less
    surely, whoever was quoted last."""
    if unit.speaker is not None:
        return registry.resolve(unit.speaker), 1.0
    if unit.relative_comma is not None and previous is not None:
        earlier, source = previous
        if earlier.speaker_stop is not None and earlier.speaker_stop >= unit.relative_comma - 1:
            return source, 1.0
    cue_token = doc.token_at(unit.anchor)
    if previous is not None and previous[1] is not None:
        earlier_token = min(doc.token_at(previous[0].anchor), len(doc) - 1)
        if 0 <= doc.para[cue_token] - doc.para[earlier_token] <= 1:
            return previous[1], 1.0
    if unit.continues:
        # ``وأضاف:`` goes on with whoever spoke last, not with a name merely mentioned
        # (``أنصار المخلوع صالح``): that speaker however far back, else someone named
        # in its own sentence, else nobody.
        if previous is not None:
            return previous[1], DISTANT_SPEAKER_FACTOR
        named = finder.name_before(cue_token, same_sentence=True)
        return (registry.resolve(named), CARRIED_SUBJECT_FACTOR) if named else (None, 1.0)
    named = finder.subject_before(cue_token) or finder.name_before(cue_token)
    if named is not None:
        return registry.resolve(named), CARRIED_SUBJECT_FACTOR
    last = registry.last()
    return last, DISTANT_SPEAKER_FACTOR if last is not None else NO_SPEAKER_FACTOR


def _names_itself(doc: Doc, unit: Unit, source: Source) -> bool:
    """Whether what was said opens with the source's name or its last word (a surname)."""
    if source.name is None or source.kind not in ("person", "unknown"):
        return False
    name = match_key(source.name.text).split()
    opening = match_key(doc.text[unit.content[0] : unit.content[1]]).split()[: len(name)]
    return bool(opening) and (
        opening == name or strip_article(opening[0]) == strip_article(name[-1])
    )


def _continued(
    doc: Doc,
    finder: _Finder,
    f_index: int,
    previous: tuple[Unit, Source | None] | None,
) -> tuple[Unit, Source | None] | None:
    """A quote no cue claimed, continuing the speaker of the unit before it."""
    if previous is None:
        return None
    unit, source = previous
    opener = doc.token_at(doc.fragments[f_index].open)
    last = min(unit.last_token, len(doc) - 1)
    if unit.last_token > opener or doc.para[opener] - doc.para[last] > 1:
        return None
    same_sentence = doc.same_paragraph(opener, last) and not any(
        doc.sentence_end[k] for k in range(unit.last_token, opener)
    )
    if same_sentence and finder._speechlike(f_index, MIN_INHERITED_WORDS):
        frame = "continued-sentence"
    elif _opens_sentence(doc, opener) and finder._speechlike(f_index, MIN_STANDALONE_WORDS):
        frame = "continued-paragraph"
    else:
        return None
    inner = finder._inner(f_index)
    close = doc.close_token[f_index]
    continued = Unit(inner[0], unit.cue, inner, "direct", frame, close + 1, None, None, None,
                     [inner], [f_index])  # fmt: skip
    return continued, source


def _clear_stop(doc: Doc, j: int) -> bool:
    """A speaker phrase that stopped at a word (complementizer, addressee, adjunct), a
    colon or a quote cannot have run into the content; one that stopped at a comma or
    the sentence's end may have."""
    if j >= len(doc):
        return False
    return doc.is_word(j) or doc.keys[j] in (":", "(") or j in doc.opener


def _opens_sentence(doc: Doc, opener: int) -> bool:
    k = opener - 1
    while k >= 0 and doc.same_paragraph(k, opener) and not doc.is_word(k):
        if doc.sentence_end[k]:
            return True
        k -= 1
    return k < 0 or not doc.same_paragraph(k, opener) or doc.sentence_end[k]


def _quote(
    doc: Doc, unit: Unit, source: Source | None, *, inherited: bool = False, factor: float = 1.0
) -> Quote:
    confidence = CONFIDENCE[unit.frame] * (factor if source is not None else NO_SPEAKER_FACTOR)
    return Quote(
        span=Span.of(doc.text, *unit.content),
        kind=unit.kind,
        cue=Span.of(doc.text, *unit.cue) if unit.cue else None,
        source_id=source.id if source else None,
        speaker_span=(
            Span.of(doc.text, *unit.speaker.span)
            if unit.speaker is not None and not inherited
            else None
        ),
        confidence=round(confidence, 2),
        verbatim=[Span.of(doc.text, *v) for v in unit.verbatim] if unit.kind == "mixed" else [],
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_end_token(doc: Doc, k: int) -> int:
    m = k
    while m < len(doc) and doc.same_paragraph(k, m):
        m += 1
    return m
