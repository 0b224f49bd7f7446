"""The sources of one report, and who a later reference points back to.

``المصدر``, ``المصدر ذاته`` and ``الأخير`` point at the source quoted most recently;
``المسؤول`` or ``المصدر العسكري`` at the latest source of that kind; a surname (``العمر``)
at the person whose full name ended with it. Anonymous sources are only ever matched by
the very words that stand for them (the same initials, a reference back); nothing here
tries to tell who they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.arabic import match_key, strip_article
from marsad.model import Source, Span
from marsad.quotes.speakers import Speaker


@dataclass
class _Entry:
    source: Source
    name_key: str
    surname: str | None
    head: str | None
    description_key: str
    reason_rank: int


class SourceRegistry:
    def __init__(self, text: str) -> None:
        self.text = text
        self.entries: list[_Entry] = []
        self.recent: list[_Entry] = []  # most recently quoted last

    @property
    def sources(self) -> list[Source]:
        return [e.source for e in self.entries]

    def last(self) -> Source | None:
        return self.recent[-1].source if self.recent else None

    def touch(self, source: Source) -> None:
        """Record that ``source`` was just quoted (what a bare ``المصدر`` refers to)."""
        entry = next(e for e in self.entries if e.source.id == source.id)
        if entry in self.recent:
            self.recent.remove(entry)
        self.recent.append(entry)

    def resolve(self, speaker: Speaker) -> Source:
        """The source a speaker phrase names: an earlier one, or a new one."""
        entry = self._find(speaker)
        if entry is None:
            entry = self._add(speaker)
        else:
            self._learn(entry, speaker)
        return entry.source

    # -------------------------------------------------------------------------- lookup

    def _find(self, speaker: Speaker) -> _Entry | None:
        if speaker.backref == "any":
            return self.recent[-1] if self.recent else None
        if speaker.backref == "head":
            return self._latest_of_kind(speaker)
        key = self._key(speaker.name) if speaker.name else ""
        if speaker.kind == "initials":
            return next((e for e in self.entries if e.source.kind == "initials"
                         and e.name_key == key), None)  # fmt: skip
        if speaker.entity_id and not speaker.anonymous:
            for entry in self.entries:
                if entry.source.entity_id == speaker.entity_id and not entry.source.anonymous:
                    return entry
        if speaker.kind in ("person", "unknown", "organisation") and key:
            for entry in reversed(self.recent + self._unquoted()):
                if entry.source.anonymous or entry.source.kind == "initials":
                    continue
                if entry.name_key and strip_article(entry.name_key) == strip_article(key):
                    return entry
                if " " not in key and entry.surname == strip_article(key):
                    return entry
        return None

    def _latest_of_kind(self, speaker: Speaker) -> _Entry | None:
        """The latest source whose role matches (``المسؤول`` → ``مسؤول في الشركة``)."""
        head = speaker.head or ""
        candidates = [e for e in reversed(self.recent + self._unquoted()) if e.head == head]
        if speaker.qualifier:
            exact = [e for e in candidates if speaker.qualifier in e.description_key]
            if exact:
                return exact[0]
        if candidates:
            return candidates[0]
        # ``المصدر العسكري`` with no earlier military source: any source will not do.
        return None

    def _unquoted(self) -> list[_Entry]:
        return [e for e in self.entries if e not in self.recent]

    # ------------------------------------------------------------------------ creation

    def _add(self, speaker: Speaker) -> _Entry:
        source = Source(
            id=f"s{len(self.entries) + 1}",
            name=self._span(speaker.name),
            kind=speaker.kind,
            description=self._span(speaker.description),
            anonymous=speaker.anonymous,
            anonymity_reason=self._span(speaker.reason),
            entity_id=None if speaker.anonymous else speaker.entity_id,
        )
        name_key = self._key(speaker.name) if speaker.name else ""
        words = name_key.split()
        has_surname = speaker.kind == "person" and len(words) > 1
        entry = _Entry(
            source=source,
            name_key=name_key,
            surname=strip_article(words[-1]) if has_surname else None,
            head=speaker.head or self._head(speaker),
            description_key=self._key(speaker.description) if speaker.description else "",
            reason_rank=speaker.reason_rank,
        )
        self.entries.append(entry)
        return entry

    def _learn(self, entry: _Entry, speaker: Speaker) -> None:
        """A later mention may say more: a description, or that the source is anonymous."""
        source = entry.source
        # ``المصدر`` pointing back at a named source does not hide it; a stated request does.
        told = speaker.reason is not None or not speaker.backref
        if speaker.anonymous and told and not source.anonymous:
            source.anonymous = True
            source.entity_id = None
        if speaker.reason and speaker.reason_rank < entry.reason_rank:
            # ``المصدر الذي طلب عدم ذكر اسمه`` says more than ``مصدر مسؤول`` did.
            source.anonymity_reason = self._span(speaker.reason)
            entry.reason_rank = speaker.reason_rank
        if source.description is None and speaker.description and not speaker.backref:
            source.description = self._span(speaker.description)

    def _head(self, speaker: Speaker) -> str | None:
        if speaker.description is None:
            return None
        words = self._key(speaker.description).split()
        return strip_article(words[0]) if words else None

    def _key(self, span: tuple[int, int] | None) -> str:
        return match_key(self.text[span[0] : span[1]]) if span else ""

    def _span(self, span: tuple[int, int] | None) -> Span | None:
        return Span.of(self.text, *span) if span else None
