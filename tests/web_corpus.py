"""Analyses for the web tests, built from hand annotations rather than from the models.

The web layer shows what an analysis holds; to test that it shows quotes, speakers and
anonymous sources, the tests need analyses that hold them whatever the current models
find. ``gold_analysis`` reads the seed report's hand reading (tests/fixtures/
seed-article.gold.json) onto the extracted article: every span is found in the text.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from marsad.ingest.text import read_input
from marsad.model import Analysis, Entity, Mention, Place, Quote, Source, Span
from marsad.pipeline import Pipeline, analyze_document

FIXTURES = Path(__file__).parent / "fixtures"
CLOSERS = {"“": "”", "«": "»", '"': '"'}


def extracted(text: str, url: str | None = None) -> Analysis:
    """The article alone, without model components, so tests do not move with models."""
    return analyze_document(read_input(text, url=url), Pipeline([]))


def gold_analysis(text: str | None = None, url: str | None = None) -> Analysis:
    text = text or (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / "seed-article.gold.json").read_text(encoding="utf-8"))
    analysis = extracted(text, url)
    body = analysis.article.text
    sources: dict[str, Source] = {}
    for number, item in enumerate(gold["entities"]):
        entity_id = f"gold:{number}"
        if "anonymous" in item:  # a quoted source, named or not
            sources[item["canonical"]] = _source(body, item, entity_id, len(sources))
        if item.get("anonymous"):
            continue  # an anonymous source is never an entity: nothing to unmask
        analysis.entities.append(Entity(id=entity_id, type=item["type"], name=item["canonical"]))
        for surface in item["mentions"]:
            for match in re.finditer(re.escape(surface), body):
                span = Span.of(body, match.start(), match.end())
                analysis.mentions.append(
                    Mention(span=span, label=item["type"], entity_id=entity_id)
                )
                if item["type"] == "LOC" and "lat" in item.get("geo", {}):
                    geo = item["geo"]
                    analysis.places.append(
                        Place(
                            span=span,
                            id=f"gold-place:{number}",
                            name=item["canonical"],
                            lat=geo["lat"],
                            lon=geo["lon"],
                            country=geo["country"],
                        )
                    )
        analysis.entities[-1].mention_count = sum(
            m.entity_id == entity_id for m in analysis.mentions
        )
    for item in gold["quotes"]:
        start = body.index(item["starts"])
        opener = body[start - 1] if start else ""
        if opener in CLOSERS:
            end = body.index(CLOSERS[opener], start)
        else:
            end = min(i for i in (body.find("،", start), body.find(".", start), len(body)) if i > 0)
        source = sources[item["speaker"]]
        analysis.quotes.append(
            Quote(
                span=Span.of(body, start, end),
                kind=item["kind"],
                source_id=source.id,
                confidence=1.0,
            )
        )
    analysis.sources = list(sources.values())
    return analysis


def _source(body: str, item: dict, entity_id: str, number: int) -> Source:
    name = body.index(item["canonical"])
    description = body.index(item["description"])
    anonymous = bool(item["anonymous"])
    reason = body.index(item["anonymity_reason"]) if anonymous else None
    return Source(
        id=f"gold-source:{number}",
        name=Span.of(body, name, name + len(item["canonical"])),
        kind="initials" if anonymous else "person",
        description=Span.of(body, description, description + len(item["description"])),
        anonymous=anonymous,
        anonymity_reason=(
            Span.of(body, reason, reason + len(item["anonymity_reason"]))
            if reason is not None
            else None
        ),
        entity_id=None if anonymous else entity_id,
    )


def demo_rows(limit: int) -> list[dict]:
    path = Path(__file__).parents[1] / "demo" / "saudinewsnet-sample.jsonl"
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line, _ in zip(lines, range(limit), strict=False)]


def build_corpus(path: Path, reports: int = 40) -> int:
    """A small corpus: the hand-read seed report plus real SaudiNewsNet reports (article
    extraction only). Returns the seed report's article id."""
    from marsad.store import Store

    with Store(path) as store:
        seed = gold_analysis(url="https://7al.net/2015/07/14/defections/")
        seed.article.publisher = "الحل نت"
        seed_id = store.put("url:seed", seed.document, origin="test", analysis=seed)
        for number, row in enumerate(demo_rows(reports)):
            analysis = extracted(f"{row['title']}\n\n{row['content']}", url=row["url"])
            analysis.article.publisher = row["publisher"]
            analysis.article.published = date.fromisoformat(row["date_extracted"][:10])
            store.put(
                f"url:{row['url']}#{number}", analysis.document, origin="test", analysis=analysis
            )
    return seed_id
