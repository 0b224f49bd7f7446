"""Speaker phrases: where the speaker is named around a cue, and what kind of source it is.

A phrase has a core (``محمد العمر``, ``مصدر عسكري``, ``ح.م``, ``المصدر ذاته``) and
appositions (``(ناشط مدني من دير الزور)``, ``- فضل عدم ذكر اسمه -``, ``الذي طلب عدم
الكشف عن اسمه``, ``، وهو ناشط …،``). The analysis says whether the core is a name, initials,
a role, a collective, an organisation or a reference back to an earlier source, and keeps
the description and the words that make the source anonymous as character spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from marsad.arabic import normalize, strip_article, strip_conjunction
from marsad.quotes.document import Doc
from marsad.quotes.lexicon import Lexicon, VerbForm

# Longest core (in words) accepted as naming a speaker.
MAX_CORE_WORDS = 16
# Longest apposition after a comma (``، وهو ناشط من …،``).
MAX_APPOSITION_WORDS = 14
_INITIALS = re.compile(r"^(?:[\u0621-\u064A]\s?\.\s?){1,3}[\u0621-\u064A]\.?$")

# A quote this short right after a speaker's noun is a name in it, not what was said.
NAME_IN_QUOTES_WORDS = 3
# How many words of role may come before a person's name in a speaker phrase.
_ROLE_BEFORE_NAME_WORDS = 5
# Longest name taken for the subject a later "he said" refers to.
_CARRIED_NAME_WORDS = 3
# Words of time or place that may stand between an addressee and what was said.
_ADJUNCT_WORDS = 6
# Words back from a ``ل`` phrase to the role it belongs to: ``المسؤول الإعلامي للجناح العسكري``.
_ROLE_CHAIN_WORDS = 4
# Definite words that may follow a collective noun in its phrase: ``خبراء الطيران المدني``.
_GROUP_WORDS = 2
_COPULAS = frozenset(("هو", "هي", "هم", "هما"))
_NOT_IN_NAMES = frozenset(
    ("في", "من", "علي", "عن", "مع", "الي", "حتي", "جميع", "كافه", "كل", "بعض", "خلال", "امام",
     "بين", "عند", "لدي", "بعد", "قبل", "ضد", "نحو", "حول", "منذ", "ان", "الذي", "التي")
)  # fmt: skip
_POSSESSIVE_ENDINGS = ("ته", "تها", "تهم", "تهما")
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "هن")
_GLUED_ARTICLE = ("بال", "لل", "وال", "فال", "كال")
# Words that open a clause, never part of a name: ``وبحسب المرصد فقد اغتنم …``.
_CLAUSE_OPENERS = frozenset(("فقد", "لقد", "قد", "فان", "فانه", "فانها", "فهو", "فهي"))
# ``، وهو ناشط …،``: "who is"; a bare ``هو`` after a comma is a copula, not an apposition.
_APPOSITION_OPENERS = ("وهو", "وهي", "وهم", "وهما")

SpeakerKind = Literal["person", "organisation", "role", "collective", "initials", "unknown"]
Backref = Literal["any", "head"]


@dataclass
class Phrase:
    """Token ranges: the core and its appositions; ``stop`` is the first token after it."""

    core: tuple[int, int]
    appositions: list[tuple[int, int]] = field(default_factory=list)
    stop: int = 0
    relative: int | None = None  # a bare relative pronoun: the comma before it
    overlong: bool = False  # ran past MAX_CORE_WORDS: not a speaker phrase

    @property
    def empty(self) -> bool:
        return self.core[0] >= self.core[1]


@dataclass
class Speaker:
    """What a speaker phrase says about its source; spans are character offsets."""

    kind: SpeakerKind
    span: tuple[int, int]
    name: tuple[int, int] | None = None
    description: tuple[int, int] | None = None
    reason: tuple[int, int] | None = None
    reason_rank: int = 3  # 0 a motive, 1 a request, 2 a kind of source: lower says more
    anonymous: bool = False
    backref: Backref | None = None
    head: str | None = None
    qualifier: str = ""  # the rest of a definite role phrase: ``العسكري`` in المصدر العسكري
    entity_id: str | None = None
    certain_extent: bool = False  # the phrase cannot have swallowed what follows it
    name_tokens: tuple[int, int] | None = None  # where a person's name lies, in tokens


def phrase_after(doc: Doc, i: int, lex: Lexicon, verb: VerbForm | None = None) -> Phrase:
    """The speaker phrase starting at token ``i`` (possibly empty), scanning right."""
    close = _quoted_name_end(doc, i, lex)
    if close is not None:
        return Phrase((i + 1, close), [], close + 1)
    core_end = i
    appositions: list[tuple[int, int]] = []
    j = i
    while j < len(doc) and doc.same_paragraph(i, j) and not doc.quoted(j):
        if core_end - i > MAX_CORE_WORDS:
            return Phrase((i, core_end), appositions, j, overlong=True)
        key = doc.keys[j]
        if not doc.is_word(j):
            found = _apposition_at(doc, j, lex, verb)
            if found is not None:
                if found[0] < found[1]:
                    appositions.append(found[:2])
                j = found[2]
                if key == "(" and doc.keys[j : j + 1] not in ([","], ["-"]):
                    break  # ``حلف شمال الأطلسي (الناتو) تضامنه …``: the phrase is over
                continue
            if key == "." and _inside_initials(doc, j):
                j += 1
                core_end = j if not appositions else core_end
                continue
            if key == "#" and doc.is_word(j + 1) and not appositions:
                j += 1
                continue
            if j in doc.opener and j > i and doc.is_word(j - 1) and _names_a_title(doc, j, lex):
                close = _fragment_end_token(doc, j)
                if close is not None:
                    j = close + 1
                    core_end = j if not appositions else core_end
                    continue
            break
        anonymity = _apposition_anonymity_end(doc, j, lex)
        if anonymity > j and j > i:
            appositions.append((j, anonymity))
            j = anonymity
            continue
        blessing = lex.blessings.match(doc.keys, j)
        if blessing > j:
            j = blessing  # ``رحمه الله``: said of the speaker, not part of the name
            continue
        if j == i and key in lex.pronoun_titles:
            return Phrase((j + 1, j + 1), [], j + 1)  # ``وأكد سموه``: "he"
        if _stops_speaker(doc, j, lex, verb, first=j == i):
            break
        if key in lex.relatives and j > i:
            end = _clause_stop(doc, j + 1, lex, verb)
            appositions.append((j, end))
            j = end
            continue
        if appositions:
            break  # ``أحد زملائه، الذي فضل عدم ذكر اسمه، عزمه …``: what follows is said
        j += 1
        core_end = j
    return Phrase((i, core_end), appositions, j)


def phrase_before(doc: Doc, verb_index: int, lex: Lexicon) -> Phrase | None:
    """The subject before a verb (``ح.م (…) أكد``), or None when there is none."""
    j = verb_index - 1
    while j >= 0 and doc.is_word(j) and doc.keys[j] in ("قد", "فقد", "لقد"):
        j -= 1
    appositions: list[tuple[int, int]] = []
    if doc.char(j) == ")":
        opening = _matching_open(doc, j)
        if opening is None:
            return None
        appositions.append((opening + 1, j))
        j = opening - 1
    end = j + 1
    while j >= 0 and doc.same_paragraph(j, verb_index) and not doc.quoted(j):
        if doc.is_word(j) or (doc.keys[j] == "." and _inside_initials(doc, j)):
            j -= 1
            continue
        break
    start = j + 1
    boundary = doc.keys[j] if j >= 0 and doc.same_paragraph(j, verb_index) else ""
    if start >= end:
        return None
    if (
        end - start == 1
        and doc.keys[start] in lex.relatives
        and boundary == ","
        and not appositions
    ):
        return Phrase((start, end), [], verb_index, relative=j)
    while start < end and lex.is_in(doc.keys[start], lex.connectors):
        start += 1
    if start >= end or end - start > MAX_CORE_WORDS - 2:
        return None
    if boundary not in ("", ",", ".", ";", ":") and not doc.sentence_end[j]:
        return None
    return Phrase((start, end), appositions, verb_index)


def analyse(doc: Doc, phrase: Phrase, lex: Lexicon) -> Speaker | None:
    """What kind of source a phrase names, or None when it names none."""
    speaker = _kind_of(doc, phrase, lex)
    if speaker is not None:
        speaker.reason, speaker.reason_rank = _anonymity(doc, phrase, lex)
        speaker.anonymous = speaker.anonymous or speaker.reason is not None
    return speaker


def person_at(doc: Doc, k: int, lex: Lexicon) -> Speaker | None:
    """A person's name starting at token ``k``: a PER mention, or a given name (after an
    honorific or not) and the family names after it."""
    mention = doc.mention_at.get(k)
    if mention is not None and mention.label == "PER":
        end = doc.mention_end[k]
    elif _on_behalf_of(doc, k, lex) or _preposition_ala(doc, k, lex):
        return None
    elif doc.keys[k] in lex.given_names or (
        _honorific_before(doc, k, lex)
        and not _role_like(doc, k, lex)
        and not _prepositional_phrase(doc.keys[k])
    ):
        end = _name_end(doc, k, min(len(doc), k + _CARRIED_NAME_WORDS), lex)
    else:
        return None
    span = doc.span(k, end)
    if _INITIALS.match(doc.text[span[0] : span[1]]):
        return Speaker("initials", span, name=span, anonymous=True)
    return Speaker("person", span, name=span, name_tokens=(k, end))


def _kind_of(doc: Doc, phrase: Phrase, lex: Lexicon) -> Speaker | None:
    start, end = phrase.core
    if start >= end or phrase.overlong:
        return None
    span = doc.span(start, end)
    description = _description(doc, phrase, lex)
    core_text = doc.text[span[0] : span[1]]
    words = [doc.keys[k] for k in range(start, end) if doc.is_word(k)]
    if not words or words[0] in lex.prepositions or words[0] in lex.adverbs:
        return None  # ``تعترف على الاحتفاء …``, ``أعلنت أخيرا``: no speaker starts so
    if lex.pronoun_suffixed(words[0], lex.prepositions):
        return None  # ``وأعلن خلاله``: "during it"

    if _INITIALS.match(core_text.strip()) and not _given_name_follows(doc, end, lex):
        return Speaker(
            "initials", span, name=span, description=description, anonymous=True,
            certain_extent=True,
        )  # fmt: skip

    back = _back_reference(words, lex)
    if back is not None:
        backref, head, qualifier = back
        kind: SpeakerKind = "role"
        if head in lex.organisations:
            kind = "organisation"
        elif head in lex.collectives:
            kind = "collective"
        return Speaker(
            kind, span, name=span if kind == "organisation" else None, description=span,
            backref=backref, head=head, qualifier=qualifier, certain_extent=len(words) <= 2,
            anonymous=head in lex.anonymous_heads,  # ``المصدر``: unnamed, whoever it was
        )  # fmt: skip

    mentioned = _mention_in(doc, start, end, lex)
    if mentioned is not None:
        m_start, m_end, label, entity_id = mentioned
        before = doc.span(start, m_start) if m_start > start else None
        name_span = doc.span(m_start, m_end)
        if _INITIALS.match(doc.text[name_span[0] : name_span[1]]):
            return Speaker(
                "initials", span, name=name_span, description=before or description,
                anonymous=True,
            )  # fmt: skip  # ``الناشط ح.م``: initials stay anonymous whatever stands around them
        return Speaker(
            "person" if label == "PER" else "organisation", span, name=doc.span(m_start, m_end),
            description=before or description, entity_id=entity_id,
            certain_extent=m_start == start and m_end == end, name_tokens=(m_start, m_end),
        )  # fmt: skip

    named = _name_in(doc, start, end, lex)
    if named is not None:
        n_start, n_end = named
        role_first = n_start > start and _role_like(doc, start, lex)
        before = doc.span(start, n_start) if role_first else None
        after = doc.span(n_end, end) if n_end < end else None
        return Speaker(
            "person", span, name=doc.span(n_start, n_end),
            description=before or after or description, name_tokens=(n_start, n_end),
        )  # fmt: skip

    # ``سمو ولي العهد``, ``الدكتور مدير الجامعة``: the title says nothing of the kind.
    head = words[1] if len(words) > 1 and words[0] in lex.honorifics else words[0]
    if head in lex.anonymous_heads:
        # ``يقول بعضهم``, ``قال أحدهم``: some of a group named before, and never a person
        return Speaker(
            "collective" if head.startswith("بعض") else "role", span,
            description=_group_before(doc, start, lex) or span, anonymous=True, head=head,
        )  # fmt: skip
    if lex.is_in(head, lex.organisations):
        return Speaker(
            "organisation", span, name=span, description=description, head=strip_article(head)
        )
    named = _name_in_apposition(doc, phrase, lex)
    if named is not None and (lex.is_in(head, lex.roles) or head in lex.spokespersons):
        return Speaker(
            "person", span, name=doc.span(*named), description=span, name_tokens=named,
            entity_id=_entity_at(doc, named[0]),
        )  # fmt: skip  # ``المتحدث باسم المنظمة الدولية، أحمد فوزي، إن``
    possessed_role = lex.pronoun_suffixed(head, lex.roles)
    if lex.is_in(head, lex.collectives) or lex.is_in(head, lex.roles) or possessed_role:
        kind = "collective" if lex.is_in(head, lex.collectives) else "role"
        unnamed_source = any(
            h in lex.anonymous_heads for h in (head, strip_article(head), head[1:])
        )
        return Speaker(
            kind, span, description=span, anonymous=unnamed_source, head=strip_article(head)
        )
    if possessed(doc, start, lex):
        return None  # ``واختتم تصريحاته``, ``أعلنت ولاءها``: his words, its allegiance
    if len(words) <= 3 and not any(lex.is_in(w, lex.connectors) for w in words[:1]):
        return Speaker("unknown", span, name=span, description=description)
    return None


def _group_before(doc: Doc, k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The group that ``بعضهم`` or ``أحدهم`` at token ``k`` belongs to: the last collective
    noun earlier in its sentence with the definite words after it (``بعض خبراء الطيران``)."""
    j = k - 1
    while j >= 0 and not doc.sentence_end[j] and doc.same_paragraph(j, k):
        if doc.is_word(j) and lex.is_in(doc.keys[j], lex.collectives):
            first = j - 1 if j > 0 and strip_conjunction(doc.keys[j - 1]) == "بعض" else j
            end = j + 1
            while end < k and end - j <= _GROUP_WORDS and doc.keys[end].startswith("ال"):
                end += 1
            return doc.span(first, end)
        j -= 1
    return None


def possessed(doc: Doc, k: int, lex: Lexicon) -> bool:
    """A noun at token ``k`` with a pronoun glued to it (``تصريحاته``, ``ولاءها``): what
    someone has, never a name (given names such as ``عبدالله`` and ``طه`` aside, and
    ``بعضهم`` "some of them", a speaker)."""
    key = doc.keys[k]
    if not doc.is_word(k) or key.startswith("ال") or key in lex.given_names:
        return False
    if key in lex.pronoun_titles or key in lex.anonymous_heads or lex.verb(key) is not None:
        return False
    surface = normalize(doc.tokens[k].text, "base").text
    return any(
        key.endswith(ending) and surface.endswith(ending) and len(key) - len(ending) >= 3
        for ending in _PRONOUN_ENDINGS
    )


def _name_in_apposition(doc: Doc, phrase: Phrase, lex: Lexicon) -> tuple[int, int] | None:
    """A person's name standing as the first apposition after a comma (``المتحدث باسم
    المنظمة الدولية، أحمد فوزي، إن``): where it lies, in tokens."""
    if not phrase.appositions:
        return None
    start, end = phrase.appositions[0]
    if start != phrase.core[1] + 1 or doc.keys[phrase.core[1]] != ",":
        return None
    if end - start > _CARRIED_NAME_WORDS + 1 or not all(doc.is_word(k) for k in range(start, end)):
        return None
    speaker = person_at(doc, start, lex)
    if speaker is None or speaker.name_tokens is None or speaker.kind != "person":
        return None
    return speaker.name_tokens[0], min(speaker.name_tokens[1], end)


def _entity_at(doc: Doc, k: int) -> str | None:
    mention = doc.mention_at.get(k)
    return mention.entity_id if mention is not None else None


# ------------------------------------------------------------------------------ helpers


def _names_a_title(doc: Doc, j: int, lex: Lexicon) -> bool:
    """A quote right after a word of the speaker phrase names something in it: a title
    noun's title (``مجلة «ذي إيكونوميست»``), or a few words in construct (``محرر
    «ارتياد الآفاق»``). A longer one is what the speaker said (``قال المسؤول "…"``)."""
    if lex.is_in(doc.keys[j - 1], lex.title_nouns):
        return True
    f_index = doc.opener[j]
    return f_index in doc.close_token and doc.fragment_words(f_index) <= NAME_IN_QUOTES_WORDS


def _stops_speaker(
    doc: Doc, j: int, lex: Lexicon, verb: VerbForm | None, first: bool = False
) -> bool:
    key = doc.keys[j]
    if first and key in lex.ambiguous_forms:
        return False  # ``قال طالب في الجامعة``: the noun, not the verb
    if key in lex.complementizers or key in lex.saying_nouns or key in _CLAUSE_OPENERS:
        return True
    if not first and key in lex.content_masdars:
        return True  # ``أعلنت قيادة قوات التحالف بدء هدنة``: what was announced begins
    if verb is not None and key in verb.preps:
        return True
    if lex.verb(key) is not None or key in lex.adverbs:
        return True
    if _addressee_starts(doc, j, lex) and not _spoken_for(doc, j, lex):
        return True
    if lex.adjuncts.match(doc.keys, j) > j or lex.according_to.match(doc.keys, j) > j:
        return True
    if not first and key in lex.without:
        return True  # ``وقال البيان دون أن يقدم أي تفاصيل "…"``: how, not who
    return (
        key == "في" and j + 1 < len(doc) and lex.is_in_possessed(doc.keys[j + 1], lex.speech_events)
    )


def _addressee_starts(doc: Doc, j: int, lex: Lexicon) -> bool:
    """``لموقع``, ``للصحفيين``, ``لـ«الشرق الأوسط»``, ``لـ"اليوم"``, ``لآخر``: to whom it
    was said."""
    key = doc.keys[j]
    if lex.is_in(key, lex.addressee_words):
        return True
    if not key.startswith("ل") or key in ("لا", "لم", "لن", "لكن", "لدى", "له", "لها", "لهم"):
        return False
    rest = key[1:]
    if not rest or doc.char(j + 1) in ('"', "#") or (j + 1) in doc.opener:
        return True
    if j in doc.glued_org_end:  # ``لعنب بلدي``: an organisation the tagger or registry named
        return True
    if rest.startswith("ل"):  # للصحفيين → الصحفيين
        rest = "ا" + rest
    return rest in lex.outlets or strip_article(rest) in lex.outlets


def addressee_end(doc: Doc, j: int, lex: Lexicon) -> int:
    """The first token after an addressee that starts at ``j`` (``j`` when there is none)."""
    if not doc.is_word(j) or not _addressee_starts(doc, j, lex):
        return j
    k = j + 1
    if doc.char(k) == "#" and doc.is_word(k + 1):
        return k + 2
    if k in doc.opener:
        close = _fragment_end_token(doc, k)
        return close + 1 if close is not None else k
    if j in doc.glued_org_end:
        return doc.glued_org_end[j]
    rest = doc.keys[j][1:]
    if rest.startswith("ل"):
        rest = "ا" + rest
    if rest in lex.outlets or strip_article(rest) in lex.outlets:
        taken = 0  # ``لوكالة فرانس برس``: the outlet's name goes with it
        while (
            taken < 3
            and doc.is_word(k)
            and (doc.keys[k].startswith("ال") or doc.keys[k] in lex.outlet_names)
            and doc.keys[k] not in lex.complementizers
            and lex.verb(doc.keys[k]) is None
        ):
            k += 1
            taken += 1
        if not taken and k in doc.opener and _names_a_title(doc, k, lex):
            close = _fragment_end_token(doc, k)  # ``لوكالة «يونهاب»``
            return close + 1 if close is not None else k
    return k


def _apposition_at(
    doc: Doc, j: int, lex: Lexicon, verb: VerbForm | None = None
) -> tuple[int, int, int] | None:
    """An apposition opening at punctuation token ``j``: (start, end, next token)."""
    key = doc.keys[j]
    if key == "(":
        close = _matching_close(doc, j)
        if close is not None:
            return j + 1, close, close + 1
    if key == "-":
        k = j + 1
        while k < len(doc) and k - j <= MAX_APPOSITION_WORDS and doc.same_paragraph(j, k):
            if doc.keys[k] == "-":
                return j + 1, k, k + 1
            if not doc.is_word(k) or doc.keys[k] in lex.complementizers:
                break
            k += 1
        end = _apposition_anonymity_end(doc, j + 1, lex) if doc.is_word(j + 1) else j + 1
        if end > j + 1:
            return j + 1, end, end
    if key != "," or not doc.is_word(j + 1):
        return None
    k = j + 1
    if doc.keys[k] in _APPOSITION_OPENERS:
        end = _clause_stop(doc, k, lex, verb)
        return k, end, end + 1 if doc.keys[end : end + 1] == [","] else end
    anonymity = _apposition_anonymity_end(doc, k, lex)
    if anonymity > k:
        closed = doc.keys[anonymity : anonymity + 1] == [","]
        return k, anonymity, anonymity + 1 if closed else anonymity
    end = _clause_stop(doc, k + 1 if doc.keys[k] in lex.relatives else k, lex, verb)
    if end - k > MAX_APPOSITION_WORDS or end >= len(doc):
        return None
    closed_by_comma = doc.keys[end] == ","
    if doc.keys[k] in lex.relatives and closed_by_comma:
        return k, end, end + 1  # ``، الذي فضل عدم ذكر اسمه،``
    if (
        verb is not None
        and closed_by_comma
        and end - k <= MAX_CORE_WORDS
        and doc.keys[k] not in _COPULAS
        and _introduces_clause(doc, end + 1, lex)
    ):
        return k, end, end + 1  # ``، النرويجي ينس شتولتنبرغ …، أن``
    ends_in_cue = opens_content(doc, end, lex) or (
        _addressee_starts(doc, end, lex) and _introduces_clause(doc, end, lex)
    )
    if ends_in_cue and (lex.is_in(doc.keys[k], lex.roles) or doc.keys[k] in lex.relatives):
        return k, end, end  # ``، مدير الطب السلوكي … قائلا:``, ``، رئيس … لموقع "…"، أنه``
    return None


def opens_content(doc: Doc, k: int, lex: Lexicon) -> bool:
    """A complementizer, a colon, a quote or a participle cue (``قائلاً``)."""
    if k >= len(doc):
        return False
    key = doc.keys[k]
    form = lex.verb(key) if doc.is_word(k) else None
    return (
        key in lex.complementizers
        or key == ":"
        or k in doc.opener
        or (form is not None and form.aspect == "participle")
    )


def _introduces_clause(doc: Doc, k: int, lex: Lexicon) -> bool:
    """A complementizer or a colon, maybe after an addressee and a few words of time or
    place (``لموقع "ذا لوكال" الإخباري هذا الأسبوع، أنه``)."""
    k = addressee_end(doc, k, lex)
    for m in range(k, min(len(doc), k + _ADJUNCT_WORDS)):
        key = doc.keys[m]
        if key in lex.complementizers or key == ":":
            return True
        if m in doc.opener or doc.sentence_end[m] or (doc.is_word(m) and lex.verb(key)):
            return False
    return False


def _clause_stop(doc: Doc, k: int, lex: Lexicon, verb: VerbForm | None = None) -> int:
    """First token at or after ``k`` ending a relative clause or apposition."""
    start = k
    while k < len(doc) and doc.same_paragraph(start, k) and k - start <= MAX_APPOSITION_WORDS:
        key = doc.keys[k]
        if not doc.is_word(k):
            if key == "." and _inside_initials(doc, k):
                k += 1
                continue
            if key == "(":
                close = _matching_close(doc, k)
                if close is not None:
                    k = close + 1
                    continue
            break
        anonymity = _apposition_anonymity_end(doc, k, lex)
        if anonymity > k:
            k = anonymity
            continue
        if key in lex.complementizers and k == start + 1 and doc.keys[start - 1] in lex.relatives:
            k += 1  # ``التي تخشى أن …``: the relative clause's own verb takes it
            continue
        if key in lex.complementizers or _addressee_starts(doc, k, lex):
            break
        if verb is not None and key in verb.preps:
            break
        if opens_content(doc, k, lex) or (
            lex.verb(key) is not None and opens_content(doc, k + 1, lex)
        ):
            break  # ``، الذي يؤكد أن``: a new reporting clause
        k += 1
    return k


def _apposition_anonymity_end(doc: Doc, j: int, lex: Lexicon) -> int:
    """End of a phrase asking for or explaining anonymity (``فضل عدم ذكر اسمه``) at ``j``.

    Phrases that name an anonymous kind of source (``مصدر مطلع``) are the speaker
    itself, not an apposition, and are left to :func:`_anonymity`."""
    return max(lex.anonymity_motives.match(doc.keys, j), lex.anonymity_requests.match(doc.keys, j))


def anonymity_spans(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """Token ranges of anonymity phrases: their words (``ذكر``, ``كشف``) are never cues."""
    spans = []
    for j in range(len(doc)):
        end = _apposition_anonymity_end(doc, j, lex)
        if end > j:
            spans.append((j, end))
    return spans


def _anonymity(doc: Doc, phrase: Phrase, lex: Lexicon) -> tuple[tuple[int, int] | None, int]:
    """The words that make the source anonymous, motive first, with their rank (see
    :attr:`Speaker.reason_rank`; 3 when there are none)."""
    found: dict[str, tuple[int, int]] = {}
    ranges = [phrase.core, *phrase.appositions]
    for start, end in ranges:
        for k in range(start, end):
            for label, matcher in (
                ("motive", lex.anonymity_motives),
                ("request", lex.anonymity_requests),
                ("kind", lex.anonymity_kinds),
            ):
                stop = matcher.match(doc.keys, k)
                if stop > k and label not in found:
                    found[label] = doc.span(k, stop)
    for rank, label in enumerate(("motive", "request", "kind")):
        if label in found:
            return found[label], rank
    return None, 3


def _description(doc: Doc, phrase: Phrase, lex: Lexicon) -> tuple[int, int] | None:
    """The first apposition, without the parts that only explain the anonymity."""
    for start, end in phrase.appositions:
        segments = _segments(doc, start, end)
        kept = [
            (a, b)
            for a, b in segments
            if not any(_apposition_anonymity_end(doc, k, lex) > k for k in range(a, b))
        ]
        if not kept:
            continue
        first, last = kept[0][0], kept[-1][1]
        while first < last and (doc.keys[first] in lex.relatives or not doc.is_word(first)):
            first += 1
        if doc.keys[first] in _APPOSITION_OPENERS:
            first += 1
        while last > first and not doc.is_word(last - 1) and doc.char(last - 1) not in ')»”"':
            last -= 1
        if first < last:
            return doc.span(first, last)
    return None


def _segments(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    segments = []
    cursor = start
    depth = 0
    for k in range(start, end):
        if doc.keys[k] == "(":
            depth += 1
        elif doc.keys[k] == ")":
            depth -= 1
        elif doc.keys[k] == "," and depth == 0:
            segments.append((cursor, k))
            cursor = k + 1
    segments.append((cursor, end))
    return [(a, b) for a, b in segments if a < b]


def _back_reference(words: list[str], lex: Lexicon) -> tuple[Backref, str, str] | None:
    """``المصدر``, ``المصدر ذاته``, ``الأخير``: any source; ``المسؤول``, ``الصحيفة``,
    ``المصدر العسكري``: the latest source of that kind."""
    head = words[0]
    for conj in ("", "و", "ف"):
        if conj and head.startswith(conj) and head[len(conj) :].startswith("ال"):
            head = head[len(conj) :]
    if not head.startswith("ال"):
        return None
    rest = [w for w in words[1:] if w not in lex.same_words]
    bare = strip_article(head)
    if head in lex.back_references and not rest:
        return "any", bare, ""
    known = (
        bare in lex.roles
        or bare in lex.collectives
        or bare in lex.organisations
        or head in lex.back_references
    )
    if known and len(rest) <= 2 and all(w.startswith("ال") for w in rest):
        return "head", bare, " ".join(strip_article(w) for w in rest)
    return None


def _mention_in(
    doc: Doc, start: int, end: int, lex: Lexicon
) -> tuple[int, int, str, str | None] | None:
    """A PER or ORG mention that names the speaker: at the start of the core, or for a
    person after a role (``حاكم الولاية عبدالستار بارز``). An organisation further in
    belongs to a role (``المتحدث باسم وزارة الخارجية``) or to what follows; a name after a
    kin noun is the relative's (``نجل رئيس الجمهورية السابق جلال الطالباني``)."""
    if _kin(doc, start, lex):
        return None
    for k in range(start, min(end, start + _ROLE_BEFORE_NAME_WORDS + 1)):
        mention = doc.mention_at.get(k)
        if mention is None:
            continue
        if k == start or (
            mention.label == "PER"
            and _role_like(doc, start, lex)
            and not _member_of_body(doc, start, k, lex)
        ):
            return k, min(doc.mention_end[k], end), mention.label, mention.entity_id
    return None


def _kin(doc: Doc, k: int, lex: Lexicon) -> bool:
    """A kin noun at token ``k`` (``نجل``, ``والد``, ``وشقيق``): who follows is a relative."""
    return doc.keys[k] in lex.kin or strip_conjunction(doc.keys[k]) in lex.kin


def _member_of_body(doc: Doc, start: int, k: int, lex: Lexicon) -> bool:
    """An indefinite role, then a preposition before the word at ``k``: "عضو في حزب الرئيس
    السابق علي عبد الله صالح", "مسؤول في مكتب الرئيس هادي" — the name is the body's, the
    speaker an unnamed member of it (never the person named)."""
    return _indefinite_noun(doc, start, lex) and any(
        doc.keys[m] in lex.prepositions for m in range(start + 1, k)
    )


def _name_in(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """A person's name inside a core: from a given name, kunya or honorific on.

    After a spokesperson noun the speaker is the last name and the names before it belong
    to whom they speak for (``المتحدث باسم مكتب رئيس الوزراء حيدر العبادي سعد الحديثي``)."""
    if _kin(doc, start, lex):
        return None  # ``نجل الرئيس السابق جلال الطالباني``: the name is the father's
    found = _first_name_in(doc, start, end, lex)
    if found is None or not lex.is_in(doc.keys[start], lex.spokespersons):
        return found
    while found[1] < end:
        later = _first_name_in(doc, found[1], end, lex)
        if later is None:
            break
        found = later
    return found


def _first_name_in(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    inside_bodies = _organisation_tokens(doc, start, end)
    for k in range(start, end):
        key = doc.keys[k]
        if not doc.is_word(k) or k in inside_bodies:
            continue  # ``مركز الملك سلمان للإغاثة``: a name inside a body's name is not who spoke
        opens = key in lex.given_names or (key in lex.kunya and doc.is_word(k + 1) and k + 1 < end)
        if opens and _on_behalf_of(doc, k, lex):
            continue  # ``المتحدث الرسمي باسم المركز``: part of the role, not a name
        if opens and k > start and _indefinite_noun(doc, k - 1, lex):
            continue  # ``مسؤول تركي``: after an indefinite noun, a name is an adjective
        if opens and _member_of_body(doc, start, k, lex):
            continue
        name_start = k + 1 if len(key) > 1 else k + 2  # ``د. خالد``: a letter needs its dot
        if (
            name_start < end
            and _honorific_before(doc, name_start, lex)
            and not (
                k > start
                and (
                    lex.is_in(doc.keys[k - 1], lex.roles)
                    or lex.is_in(doc.keys[k - 1], lex.organisations)
                )
            )
            and not doc.keys[name_start].startswith("لل")
        ):  # ``المسؤول الإعلامي للجناح``, ``المركز الإعلامي للمقاومة``: an adjective
            nxt = doc.keys[name_start]
            if (
                not lex.is_in(nxt, lex.roles)
                and not lex.is_in(nxt, lex.organisations)
                and not _prepositional_phrase(nxt)
            ):
                opens, k = True, name_start
        if opens:
            return k, _name_end(doc, k, end, lex)
    tail = _name_after_body(doc, start, end, lex)
    if tail is not None:
        return tail
    # A foreign name before a role: ``لاري تشاغوريس أستاذ التسويق``.
    for k in range(start + 1, min(end, start + 5)):
        if lex.is_in(doc.keys[k], lex.roles) and not doc.keys[k].startswith("ال"):
            before = [doc.keys[m] for m in range(start, k)]
            if all(
                doc.is_word(m) and not doc.keys[m].startswith("ال") for m in range(start, k)
            ) and not any(
                lex.is_in(w, lex.roles) or lex.is_in(w, lex.organisations)
                or lex.is_in(w, lex.collectives) or lex.is_in(w, lex.connectors)
                for w in before
            ):  # fmt: skip
                return start, k
            break
    return None


def _organisation_tokens(doc: Doc, start: int, end: int) -> set[int]:
    """The tokens of ``[start, end)`` that lie inside an organisation's name."""
    inside: set[int] = set()
    for k in range(start, end):
        mention = doc.mention_at.get(k)
        if mention is not None and mention.label == "ORG":
            inside.update(range(k, doc.mention_end[k]))
        glued = doc.glued_org_end.get(k)
        if glued is not None:
            inside.update(range(k, glued))
    return inside


def _name_after_body(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """A name the tagger missed after a role and its organisation: ``المسؤول الإعلامي
    للجناح العسكري لحزب العمال الكردستاني بختيار دوغان``: two or three plain words (no
    article, no role) after the organisation's name end the phrase."""
    body_end = None
    for k in range(start + 1, end):
        mention_end = doc.glued_org_end.get(k) or (
            doc.mention_end.get(k) if k in doc.mention_at else None
        )
        if mention_end is not None:
            body_end = mention_end
    if body_end is None or not lex.is_in(doc.keys[start], lex.roles):
        return None
    tail = range(body_end, end)
    if not 2 <= len(tail) <= _CARRIED_NAME_WORDS:
        return None
    words = [doc.keys[m] for m in tail]
    if not all(doc.is_word(m) for m in tail) or any(
        w.startswith("ال") or lex.is_in(w, lex.roles) or lex.is_in(w, lex.organisations)
        for w in words
    ):
        return None
    return body_end, end


def _preposition_ala(doc: Doc, k: int, lex: Lexicon) -> bool:
    """``على`` "on", whose key is that of the name ``علي``: the final ى tells them apart."""
    return doc.keys[k] in lex.prepositions and doc.tokens[k].text.endswith("ى")


def _on_behalf_of(doc: Doc, k: int, lex: Lexicon) -> bool:
    """``باسم`` one or two words after a spokesperson noun (``المتحدث الرسمي باسم``)."""
    if doc.keys[k] not in lex.on_behalf_of:
        return False
    return any(
        doc.is_word(m) and doc.same_paragraph(m, k) and lex.is_in(doc.keys[m], lex.spokespersons)
        for m in (k - 1, k - 2)
    )


def _spoken_for(doc: Doc, k: int, lex: Lexicon) -> bool:
    """``لمركز …`` one or two words after a spokesperson noun (``المتحدث الرسمي لمركز الملك
    سلمان``): whom the spokesperson speaks for, not to whom it was said."""
    key = doc.keys[k]
    if not key.startswith("ل") or len(key) < 3 or doc.char(k + 1) in ('"', "#"):
        return False
    if (k + 1) in doc.opener or key[1:] in lex.outlets or strip_article(key[1:]) in lex.outlets:
        return False
    if lex.is_in(key, lex.addressee_words):
        return False  # ``للصحفيين``: to whom it was said
    if any(
        doc.is_word(m) and doc.same_paragraph(m, k) and lex.is_in(doc.keys[m], lex.spokespersons)
        for m in (k - 1, k - 2)
    ):
        return True
    # ``المسؤول الإعلامي للجناح العسكري لحزب العمال``: the role's body, however long
    return any(
        m >= 0 and doc.same_paragraph(m, k) and lex.is_in(doc.keys[m], lex.roles)
        for m in range(k - 1, k - 1 - _ROLE_CHAIN_WORDS, -1)
    ) and all(doc.is_word(m) for m in range(max(k - _ROLE_CHAIN_WORDS, 0), k))


def _indefinite_noun(doc: Doc, k: int, lex: Lexicon) -> bool:
    key = doc.keys[k]
    return not key.startswith("ال") and (
        lex.is_in(key, lex.roles) or lex.is_in(key, lex.collectives)
    )


def _name_end(doc: Doc, first: int, end: int, lex: Lexicon) -> int:
    """Where a name that starts at ``first`` ends.

    Not at a preposition, a role noun, a word with a possessive ending (``سعادته``) or a
    preposition glued to the article (``بالانتقال``) or, after two names, to any word
    (``بمحاولة``); and, after two names, not at an
    indefinite word followed by a definite one: that is a construct (``حصيلة القتلى``)
    opening what was said, not a family name (``عبد``, ``أبو`` and ``بن`` excepted)."""
    stop = first + 1
    while stop < end and stop - first < 5 and doc.is_word(stop):
        key = doc.keys[stop]
        joiner = key in lex.name_joiners or doc.keys[stop - 1] in lex.name_joiners
        if key in _NOT_IN_NAMES or (lex.is_in(key, lex.roles) and not joiner):
            break
        if key.endswith(_POSSESSIVE_ENDINGS) or key.startswith(_GLUED_ARTICLE):
            break
        if stop - first >= 2 and key[:1] in ("ب", "ل") and key not in lex.given_names:
            break  # ``محمد سعيد الجريري بمحاولة``: a preposition's phrase, not a third name
        following = doc.keys[stop + 1] if stop + 1 < end and doc.is_word(stop + 1) else ""
        if (
            stop - first >= 2
            and not joiner
            and not key.startswith("ال")
            and following.startswith("ال")
        ):
            break
        stop += 1
    return stop


def _prepositional_phrase(key: str) -> bool:
    """A preposition glued to the article or to a possessed noun opens no name: ``وذكّر
    الجنرال بتوصياته``, ``الرئيس بالانتقال``."""
    return key.startswith(_GLUED_ARTICLE) or (
        key[:1] in ("ب", "ل") and key.endswith(_POSSESSIVE_ENDINGS)
    )


def _role_like(doc: Doc, start: int, lex: Lexicon) -> bool:
    key = doc.keys[start]
    return (
        lex.is_in(key, lex.roles)
        or lex.is_in(key, lex.honorifics)
        or lex.is_in(key, lex.organisations)
        or lex.is_in(key, lex.collectives)
    )


def _honorific_before(doc: Doc, k: int, lex: Lexicon) -> bool:
    """An honorific right before the word at ``k``: ``الدكتور``, or one letter with its
    dot (``د.``, ``أ.``) that is not the last of a row of initials (``ك.أ أصبح``)."""
    if not doc.is_word(k):
        return False
    if doc.is_word(k - 1):
        return len(doc.keys[k - 1]) > 1 and doc.keys[k - 1] in lex.honorifics
    return (
        doc.keys[k - 1 : k] == ["."]
        and doc.is_word(k - 2)
        and len(doc.keys[k - 2]) == 1
        and doc.keys[k - 2] in lex.honorifics
        and doc.keys[k - 3 : k - 2] != ["."]
    )


def _given_name_follows(doc: Doc, k: int, lex: Lexicon) -> bool:
    return doc.is_word(k) and doc.keys[k] in lex.given_names


def _inside_initials(doc: Doc, j: int) -> bool:
    """A dot between or after single letters: ``ح.م``, ``ح. م.``."""
    before = doc.tokens[j - 1] if j > 0 else None
    return before is not None and before.is_word and len(before.text) == 1


def _matching_close(doc: Doc, j: int) -> int | None:
    depth = 0
    for k in range(j, min(len(doc), j + 60)):
        if not doc.same_paragraph(j, k):
            return None
        if doc.keys[k] == "(":
            depth += 1
        elif doc.keys[k] == ")":
            depth -= 1
            if depth == 0:
                return k
    return None


def _matching_open(doc: Doc, j: int) -> int | None:
    depth = 0
    for k in range(j, max(-1, j - 60), -1):
        if not doc.same_paragraph(j, k):
            return None
        if doc.keys[k] == ")":
            depth += 1
        elif doc.keys[k] == "(":
            depth -= 1
            if depth == 0:
                return k
    return None


def _quoted_name_end(doc: Doc, i: int, lex: Lexicon) -> int | None:
    """``وقال "اليامي" إن``: a short name in quotation marks right after the verb, before
    what was said, is the speaker (some outlets mark names so): its closing mark's token."""
    close = _fragment_end_token(doc, i)
    if close is None or doc.fragment_words(doc.opener[i]) > NAME_IN_QUOTES_WORDS:
        return None
    after = doc.keys[close + 1] if close + 1 < len(doc) else ""
    if after in lex.complementizers or after == ":":
        return close
    mention = doc.mention_at.get(i + 1)  # ``وقال "اليامي" في بيان له إنه``: a person tagged
    person = mention is not None and mention.label == "PER" and doc.mention_end[i + 1] == close
    return close if person else None


def _fragment_end_token(doc: Doc, opener: int) -> int | None:
    f_index = doc.opener.get(opener)
    return None if f_index is None else doc.close_token.get(f_index)
