"""The schema every component reads and writes.

One rule holds throughout: a fact about a report is a :class:`Span` of ``Article.text``
(character offsets, end exclusive) plus what it is. Nothing points into the raw page,
so the web view, the JSON and the store all show the same provenance.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator

SCHEMA_VERSION = "1"


def _bytes_from_json(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return base64.b64decode(value)
    raise ValueError("expected bytes or a base64 string")


# Raw bytes travel in JSON as base64 so that nothing of the original page is lost.
Base64Bytes = Annotated[
    bytes,
    PlainValidator(_bytes_from_json),
    PlainSerializer(lambda b: base64.b64encode(b).decode("ascii"), return_type=str),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(Model):
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])


# ---------------------------------------------------------------------------- ingest


class Document(Model):
    """What arrived, byte for byte, so it can be re-analysed when models improve."""

    source: str = Field(description="Path, URL or '-' for standard input.")
    url: str | None = None
    raw: Base64Bytes = Field(default=b"", repr=False)
    media_type: Literal["text", "html", "unknown"] = "unknown"
    encoding: str | None = Field(default=None, description="Encoding the raw bytes were read as.")
    fetched_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    content_hash: str = Field(default="", description="sha256 of the raw bytes.")
    error: str | None = Field(default=None, description="Why extraction failed, if it did.")

    @classmethod
    def from_bytes(cls, raw: bytes, source: str, **fields: object) -> Document:
        return cls(
            source=source,
            raw=raw,
            content_hash=hashlib.sha256(raw).hexdigest(),
            **fields,
        )


# --------------------------------------------------------------------------- extract

BlockKind = Literal["title", "byline", "heading", "paragraph"]


class Block(Model):
    """A paragraph, heading, title or byline: a stretch of ``Article.text``."""

    kind: BlockKind
    start: int
    end: int


class Hashtag(Model):
    span: Span = Field(description="The whole hashtag including '#'.")
    tag: str = Field(description="As written, without '#': 'دير_الزور'.")
    label: str = Field(description="Readable form: 'دير الزور'.")
    key: str = Field(description="Matching key from the Arabic normaliser.")


class RemovedBlock(Model):
    """Boilerplate taken out of the body, kept aside rather than dropped."""

    text: str
    reason: str = Field(description="Rule family that removed it, e.g. 'newsletter'.")
    position: int = Field(description="Index of the block in the source, in reading order.")


class Article(Model):
    title: str | None = None
    title_span: Span | None = None
    byline: str | None = None
    byline_span: Span | None = None
    published: datetime | date | None = None
    published_text: str | None = Field(default=None, description="The date as the page gave it.")
    publisher: str | None = None
    url: str | None = None
    language: str = Field(default="ar", description="'ar', or another ISO code when not Arabic.")
    text: str = Field(description="Clean body: title, byline, headings, paragraphs, in order.")
    blocks: list[Block] = Field(default_factory=list)
    hashtags: list[Hashtag] = Field(default_factory=list)
    boilerplate: list[RemovedBlock] = Field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def blocks_of(self, kind: BlockKind) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


# -------------------------------------------------------------------------- analyse

EntityType = Literal["PER", "ORG", "LOC", "MISC"]


class Mention(Model):
    span: Span
    label: EntityType
    entity_id: str | None = None
    origin: str = Field(default="ner", description="What found it: ner, registry, hashtag, coref.")
    score: float | None = None


class Entity(Model):
    id: str = Field(description="Registry id (stable) or a local id for this report.")
    type: EntityType
    name: str = Field(description="Canonical Arabic name.")
    latin: str | None = None
    aliases: list[str] = Field(default_factory=list)
    registry: bool = Field(default=False, description="True when known to the entity registry.")
    roles: list[str] = Field(default_factory=list, description="e.g. author, publisher, source.")
    mention_count: int = 0


PlaceKind = Literal[
    "continent", "region", "country", "governorate", "district", "subdistrict",
    "city", "town", "village", "other",
]  # fmt: skip


class PlaceCandidate(Model):
    id: str
    name: str
    country: str | None = None
    kind: PlaceKind | None = None
    score: float = 0.0


class Place(Model):
    span: Span
    id: str | None = Field(default=None, description="Gazetteer id; None when unresolved.")
    name: str | None = Field(default=None, description="Arabic name in the gazetteer.")
    name_en: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2.")
    admin1: str | None = None
    admin2: str | None = None
    kind: PlaceKind | None = None
    precision: int | None = Field(default=None, ge=1, le=3, description="ACLED-style 1..3.")
    relation: Literal["mention", "near", "countryside", "adjective"] = "mention"
    entity_id: str | None = None
    candidates: list[PlaceCandidate] = Field(default_factory=list)


class Source(Model):
    """Someone a report quotes. Anonymous sources are never resolved to a person."""

    id: str
    name: Span | None = Field(default=None, description="The name as given, if any.")
    kind: Literal["person", "organisation", "role", "collective", "initials", "unknown"]
    description: Span | None = None
    anonymous: bool = False
    anonymity_reason: Span | None = None
    entity_id: str | None = None


class Quote(Model):
    span: Span = Field(description="What was said (without the quotation marks).")
    kind: Literal["direct", "indirect", "mixed"]
    cue: Span | None = None
    source_id: str | None = None
    speaker_span: Span | None = Field(default=None, description="Where the speaker is named here.")
    confidence: float = Field(ge=0.0, le=1.0)
    verbatim: list[Span] = Field(
        default_factory=list,
        description="In a mixed quote, the words inside quotation marks (the rest is paraphrase).",
    )


class Topic(Model):
    label: str
    probability: float = Field(ge=0.0, le=1.0)


class Event(Model):
    type: str
    sub_type: str
    actor1: str | None = Field(default=None, description="Entity id.")
    actor2: str | None = None
    place_id: str | None = None
    precision: int | None = Field(default=None, ge=1, le=3)
    place_span: Span | None = Field(
        default=None, description="Where the report names the place, also one not in the gazetteer."
    )
    event_date: date | None = None
    date_span: Span | None = None
    fatalities: int | None = None
    fatalities_at_least: bool = False
    evidence: Span
    confidence: float = Field(ge=0.0, le=1.0)


class Analysis(Model):
    """Everything Marsad read from one report."""

    schema_version: str = SCHEMA_VERSION
    pipeline: dict[str, str] = Field(
        default_factory=dict, description="Component name → version, to know what is stale."
    )
    document: Document
    article: Article
    warnings: list[str] = Field(default_factory=list, description="Stable codes with messages.")
    entities: list[Entity] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def to_json(self, *, include_raw: bool = False, indent: int | None = 2) -> str:
        exclude = None if include_raw else {"document": {"raw"}}
        return self.model_dump_json(indent=indent, exclude=exclude)


def json_schema() -> dict[str, object]:
    return Analysis.model_json_schema()
