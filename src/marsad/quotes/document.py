"""A report as the quote finder reads it: tokens with keys, paragraphs, quoted stretches,
sentence ends, and the PER/ORG mentions an earlier component found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.arabic import Token, match_key, tokenize
from marsad.entities.registry import RegistryEntity, default_registry
from marsad.model import Mention
from marsad.quotes.marks import Fragment, pair_marks

_SENTENCE_ENDS = frozenset(".!?؟…")
_CLOSERS = frozenset("\"'”»’)]")


@dataclass
class Doc:
    text: str
    paragraphs: list[tuple[int, int]]
    tokens: list[Token]
    keys: list[str]
    para: list[int]  # paragraph of each token, -1 outside every paragraph
    fragments: list[Fragment]
    inside: list[int]  # the closed fragment a token lies inside, or -1
    opener: dict[int, int] = field(default_factory=dict)  # token → fragment it opens
    closer: dict[int, int] = field(default_factory=dict)  # token → fragment it closes
    close_token: dict[int, int] = field(default_factory=dict)  # fragment → its closing token
    nested: set[int] = field(default_factory=set)  # fragments inside another closed one
    sentence_end: list[bool] = field(default_factory=list)
    mention_at: dict[int, Mention] = field(default_factory=dict)  # first token → mention
    mention_end: dict[int, int] = field(default_factory=dict)  # first token → end token
    # An ORG named right after a proclitic glued to its first word (``لعنب بلدي``):
    # the token holding the clitic → the end token of the name.
    glued_org_end: dict[int, int] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        text: str,
        paragraphs: Sequence[tuple[int, int]] | None = None,
        mentions: Sequence[Mention] = (),
    ) -> Doc:
        spans = sorted(paragraphs) if paragraphs else _lines(text)
        tokens = tokenize(text)
        keys = [match_key(t.text) or t.text for t in tokens]
        para = _assign(tokens, spans)
        fragments = pair_marks(text, spans)
        doc = cls(text, list(spans), tokens, keys, para, fragments, [-1] * len(tokens))
        start_of = {t.start: i for i, t in enumerate(tokens)}
        for f_index, fragment in enumerate(fragments):
            open_token = start_of.get(fragment.open)
            if open_token is None:
                continue
            doc.opener[open_token] = f_index
            if not fragment.closed:
                continue
            close_token = start_of.get(fragment.close)
            if close_token is None:
                continue
            doc.closer[close_token] = f_index
            doc.close_token[f_index] = close_token
            for i in range(open_token + 1, close_token):
                if doc.inside[i] < 0:
                    doc.inside[i] = f_index
        closed = [f for f in fragments if f.closed]
        doc.nested = {
            k
            for k, f in enumerate(fragments)
            if any(g.open < f.open and f.close < g.close for g in closed)
        }
        doc.sentence_end = [doc._ends_sentence(i) for i in range(len(tokens))]
        doc._index_mentions(mentions)
        return doc

    def __len__(self) -> int:
        return len(self.tokens)

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].is_word

    def char(self, i: int) -> str:
        """The text of a punctuation token (or '' for a word / out of range)."""
        if 0 <= i < len(self.tokens) and not self.tokens[i].is_word:
            return self.tokens[i].text
        return ""

    def quoted(self, i: int) -> bool:
        return self.inside[i] >= 0

    def same_paragraph(self, i: int, j: int) -> bool:
        n = len(self.tokens)
        return 0 <= i < n and 0 <= j < n and self.para[i] == self.para[j]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Characters from the start of token ``first`` to the end of token ``last - 1``."""
        return self.tokens[first].start, self.tokens[last - 1].end

    def words(self, start: int, end: int) -> int:
        """How many word tokens lie within the character span."""
        return sum(1 for t in tokenize(self.text, start, end) if t.is_word)

    def token_at(self, char: int) -> int:
        """The first token starting at or after a character offset."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].start < char:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def split_proclitic(self, k: int) -> None:
        """Read token ``k`` without its leading ل: ``لمصدر`` → ``مصدر``, ``للمصدر`` →
        ``المصدر`` (after ``وفقاً``, the source is glued to its preposition)."""
        token, key = self.tokens[k], self.keys[k]
        if len(key) < 3 or not key.startswith("ل"):
            return
        self.tokens[k] = Token(token.start + 1, token.end, token.text[1:])
        self.keys[k] = "ا" + key[1:] if key.startswith("لل") else key[1:]

    def fragment_words(self, f_index: int) -> int:
        return self.words(*self.fragments[f_index].inner)

    def _ends_sentence(self, i: int) -> bool:
        token = self.tokens[i]
        if token.text not in _SENTENCE_ENDS or self.inside[i] >= 0:
            return False
        after = token.end
        while after < len(self.text) and self.text[after] in _CLOSERS:
            after += 1
        if after < len(self.text) and not self.text[after].isspace() and token.text != "…":
            return self._glued_full_stop(i)
        if token.text == ".":
            before = self.tokens[i - 1] if i > 0 else None
            # Initials and abbreviations (ح. م., د.) end with a dot, not a sentence.
            if before is not None and before.is_word and len(before.text) == 1:
                return False
        return True

    def _glued_full_stop(self, i: int) -> bool:
        """``إنشائه.وبالعودة``: a full stop with the space after it lost, between words
        too long to be initials or an abbreviation (``ص.ب``, ``أ.د``)."""
        if self.tokens[i].text != "." or i == 0 or i + 1 >= len(self.tokens):
            return False
        before, after = self.tokens[i - 1], self.tokens[i + 1]
        return (
            before.is_word
            and after.is_word
            and after.start == self.tokens[i].end
            and len(before.text) >= 3
            and len(after.text) >= 3
            and not before.text.isdigit()
            and not after.text[0].isdigit()
        )

    def _index_mentions(self, mentions: Sequence[Mention]) -> None:
        states = default_registry().by_id
        for mention in mentions:
            if mention.label not in ("PER", "ORG") and not _state(mention, states):
                continue
            first = self.token_at(mention.span.start)
            glued = first > 0 and self.tokens[first - 1].end > mention.span.start
            if glued:
                first -= 1
            last = first + 1 if glued else first
            while last < len(self.tokens) and self.tokens[last].end <= mention.span.end:
                last += 1
            if glued:
                if mention.label == "ORG":
                    self.glued_org_end[first] = last
            elif last > first:
                self.mention_at[first] = mention
                self.mention_end[first] = last


def _state(mention: Mention, registry: dict[str, RegistryEntity]) -> bool:
    """A country speaks as its government: ``وكانت الولايات المتحدة قد ذكرت``."""
    entity = registry.get(mention.entity_id or "")
    return entity is not None and entity.kind == "state"


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def _assign(tokens: Sequence[Token], spans: Sequence[tuple[int, int]]) -> list[int]:
    para = [-1] * len(tokens)
    p = 0
    for i, token in enumerate(tokens):
        while p < len(spans) and spans[p][1] <= token.start:
            p += 1
        if p < len(spans) and spans[p][0] <= token.start < spans[p][1]:
            para[i] = p
    return para
