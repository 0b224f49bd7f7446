"""Stories: reports folded together as duplicates, with how many publishers carried them."""

from __future__ import annotations

import sqlite3
from datetime import date

from pydantic import BaseModel, Field


class StoryArticle(BaseModel):
    id: int
    title: str | None
    publisher: str | None
    day: str
    url: str | None


class Story(BaseModel):
    id: int
    title: str | None
    first_seen: str | None
    last_seen: str | None
    article_count: int
    independent_source_count: int = Field(description="Distinct publishers that carried it.")
    articles: list[StoryArticle] = Field(default_factory=list)


def list_stories(
    connection: sqlite3.Connection,
    *,
    since: date | None = None,
    until: date | None = None,
    min_articles: int = 1,
    limit: int = 20,
    with_articles: bool = True,
) -> list[Story]:
    """Stories seen in the period, the most widely carried first."""
    where = ["article_count >= ?"]
    params: list[object] = [min_articles]
    if since:
        where.append("last_seen >= ?")
        params.append(since.isoformat())
    if until:
        where.append("first_seen <= ?")
        params.append(until.isoformat())
    rows = connection.execute(
        "SELECT id, title, first_seen, last_seen, article_count, independent_source_count "
        f"FROM stories WHERE {' AND '.join(where)} "
        "ORDER BY independent_source_count DESC, article_count DESC, last_seen DESC, id "
        "LIMIT ?",
        (*params, limit),
    ).fetchall()
    stories = [
        Story(
            id=r[0],
            title=r[1],
            first_seen=r[2],
            last_seen=r[3],
            article_count=r[4],
            independent_source_count=r[5],
        )
        for r in rows
    ]
    if with_articles:
        for story in stories:
            story.articles = story_articles(connection, story.id)
    return stories


def story_articles(connection: sqlite3.Connection, story_id: int) -> list[StoryArticle]:
    return [
        StoryArticle(id=r[0], title=r[1], publisher=r[2], day=r[3], url=r[4])
        for r in connection.execute(
            "SELECT id, title, publisher, day, url FROM articles WHERE story_id = ? "
            "ORDER BY day, id",
            (story_id,),
        )
    ]
