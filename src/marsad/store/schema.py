"""Versioned schema migrations, applied in order; ``PRAGMA user_version`` says how far.

A migration is only ever appended, never edited, so a database written by any earlier
Marsad can be brought up to date. A database newer than this code is refused.
"""

from __future__ import annotations

import sqlite3

from marsad.errors import SchemaTooNewError

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, articles and the facts read from them, stories, the search index.
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,          -- identity of the source: url:…, file:…, warc:…
        source TEXT NOT NULL,
        url TEXT,
        canonical_url TEXT,
        origin TEXT NOT NULL,              -- folder, jsonl, feed, warc, url
        media_type TEXT NOT NULL,
        encoding TEXT,
        fetched_at TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        size INTEGER NOT NULL,             -- of the raw bytes; 0 when nothing arrived
        raw BLOB NOT NULL,                 -- zlib-compressed raw bytes
        hints TEXT,                        -- JSON: title, byline, published, publisher
        error TEXT,                        -- why fetching or extraction failed
        added_at TEXT NOT NULL
    );
    CREATE INDEX documents_content_hash ON documents(content_hash);
    CREATE INDEX documents_failed ON documents(id) WHERE error IS NOT NULL;

    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT,
        first_seen TEXT,
        last_seen TEXT,
        article_count INTEGER NOT NULL DEFAULT 0,
        independent_source_count INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX stories_last_seen ON stories(last_seen);

    CREATE TABLE articles (
        id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        title TEXT,
        byline TEXT,
        publisher TEXT,
        publisher_key TEXT,
        host TEXT,                         -- of the report's URL, www. dropped
        published TEXT,                    -- ISO date or datetime, as the report gave it
        day TEXT NOT NULL,                 -- YYYY-MM-DD: published, else fetched
        language TEXT NOT NULL,
        url TEXT,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,           -- sha256 of the normalised text
        story_id INTEGER REFERENCES stories(id),
        pipeline TEXT NOT NULL,            -- JSON: component → version
        analysed_at TEXT NOT NULL,
        analysis BLOB NOT NULL,            -- zlib-compressed Analysis JSON, raw bytes left out
        anonymous_sourced INTEGER NOT NULL DEFAULT 0,
        minhash BLOB
    );
    CREATE INDEX articles_day ON articles(day);
    CREATE INDEX articles_publisher ON articles(publisher_key);
    CREATE INDEX articles_host ON articles(host);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_text_hash ON articles(text_hash);
    CREATE INDEX articles_pipeline ON articles(pipeline);

    CREATE TABLE entities (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        key TEXT NOT NULL,
        registry INTEGER NOT NULL,
        mention_count INTEGER NOT NULL,
        roles TEXT
    );
    CREATE INDEX entities_article ON entities(article_id);
    CREATE INDEX entities_key ON entities(key);
    CREATE INDEX entities_entity ON entities(entity_id);

    CREATE TABLE mentions (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        key TEXT NOT NULL,
        label TEXT NOT NULL,
        entity_id TEXT,
        origin TEXT
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE INDEX mentions_key ON mentions(key);

    CREATE TABLE places (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        key TEXT NOT NULL,                 -- of the text as written
        place_id TEXT,
        name TEXT,
        name_key TEXT,
        country TEXT,
        admin1 TEXT,
        admin1_key TEXT,
        admin2 TEXT,
        admin2_key TEXT,
        kind TEXT,
        lat REAL,
        lon REAL,
        precision INTEGER,
        relation TEXT
    );
    CREATE INDEX places_article ON places(article_id);
    CREATE INDEX places_key ON places(key);
    CREATE INDEX places_name_key ON places(name_key);
    CREATE INDEX places_place_id ON places(place_id);
    CREATE INDEX places_admin1_key ON places(admin1_key);
    CREATE INDEX places_admin2_key ON places(admin2_key);

    CREATE TABLE sources (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        name TEXT,
        key TEXT,
        anonymous INTEGER NOT NULL,
        entity_id TEXT
    );
    CREATE INDEX sources_article ON sources(article_id);
    CREATE INDEX sources_key ON sources(key);

    CREATE TABLE quotes (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind TEXT NOT NULL,
        source_id TEXT,
        speaker TEXT,
        speaker_key TEXT,
        anonymous INTEGER NOT NULL,
        confidence REAL NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX quotes_speaker_key ON quotes(speaker_key);

    CREATE TABLE hashtags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        tag TEXT NOT NULL,
        label TEXT NOT NULL,
        key TEXT NOT NULL
    );
    CREATE INDEX hashtags_article ON hashtags(article_id);
    CREATE INDEX hashtags_key ON hashtags(key);

    CREATE TABLE topics (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        probability REAL NOT NULL
    );
    CREATE INDEX topics_article ON topics(article_id);
    CREATE INDEX topics_label ON topics(label);

    CREATE TABLE events (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        sub_type TEXT NOT NULL,
        event_date TEXT,
        place_id TEXT,
        actor1 TEXT,
        actor2 TEXT,
        fatalities INTEGER,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        confidence REAL NOT NULL
    );
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_type ON events(type);

    -- Contentless: the text lives in articles; search_terms keeps what was indexed so
    -- a row can be removed exactly even after the normaliser changes.
    CREATE VIRTUAL TABLE search_index USING fts5(
        exact, stem, content='', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TABLE search_terms (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        terms BLOB NOT NULL
    );
    """,
    # 2: digest subscriptions, what they follow, and every message sent to them (an
    # outbox: a digest is written here before it is sent, so a restart neither loses
    # nor repeats it; see marsad.digest.storage).
    """
    CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,          -- random public id that signed links name
        email TEXT NOT NULL,
        name TEXT,
        frequency TEXT NOT NULL,           -- instant, daily, weekly
        timezone TEXT NOT NULL,            -- IANA name
        status TEXT NOT NULL,              -- pending, active, unsubscribed
        created_at TEXT NOT NULL,
        confirmed_at TEXT,
        unsubscribed_at TEXT,
        last_slot TEXT                     -- the scheduled time the last digest run covered
    );
    CREATE INDEX subscriptions_email ON subscriptions(email COLLATE NOCASE);
    CREATE INDEX subscriptions_status ON subscriptions(status);

    CREATE TABLE follows (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,                -- entity, place, hashtag, search
        value TEXT NOT NULL,
        filters TEXT NOT NULL,             -- JSON: the store filters of a search
        PRIMARY KEY (subscription_id, position)
    );

    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,                -- digest, confirmation
        slot TEXT,                         -- the scheduled time a digest covers
        status TEXT NOT NULL,              -- pending, sent, failed, cancelled
        message_id TEXT NOT NULL,
        message BLOB NOT NULL,             -- as composed; a retry sends these very bytes
        story_count INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
    );
    CREATE INDEX deliveries_subscription ON deliveries(subscription_id);
    CREATE INDEX deliveries_pending ON deliveries(id) WHERE status = 'pending';

    -- What each subscriber was sent, so a story reaches a subscriber at most once.
    -- No foreign key to stories or articles: stories are refolded as reports arrive.
    CREATE TABLE delivered_stories (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL,
        delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        PRIMARY KEY (subscription_id, story_id)
    ) WITHOUT ROWID;
    CREATE TABLE delivered_articles (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL,
        delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        PRIMARY KEY (subscription_id, article_id)
    ) WITHOUT ROWID;
    """,
    # 3: where each indexed word sits in Article.text, so snippets need no re-tokenising.
    """
    ALTER TABLE search_terms ADD COLUMN offsets BLOB;
    """,
    # 4: the distinct facet values of each article, so facets are one indexed GROUP BY;
    # the place filter looks areas up by id.
    """
    CREATE INDEX places_admin1 ON places(admin1);
    CREATE INDEX places_admin2 ON places(admin2);
    CREATE INDEX places_country ON places(country);
    CREATE INDEX sources_entity ON sources(entity_id);
    CREATE TABLE facet_values (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        facet TEXT NOT NULL,               -- entities, places, publishers, hashtags, topics
        key TEXT NOT NULL,                 -- what a filter accepts: id or name key
        label TEXT NOT NULL,
        PRIMARY KEY (article_id, facet, key)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO facet_values
        SELECT article_id, 'entities', CASE WHEN registry THEN entity_id ELSE key END, name
        FROM entities;
    INSERT OR IGNORE INTO facet_values
        SELECT article_id, 'places', coalesce(place_id, key), coalesce(name, text) FROM places;
    INSERT OR IGNORE INTO facet_values
        SELECT id, 'publishers', publisher_key, coalesce(publisher, publisher_key) FROM articles
        WHERE publisher_key IS NOT NULL;
    INSERT OR IGNORE INTO facet_values SELECT article_id, 'hashtags', key, label FROM hashtags;
    INSERT OR IGNORE INTO facet_values
        SELECT article_id, 'topics', label, label FROM topics WHERE probability >= 0.5;
    """,
    # 5: how far each subscription has looked (the highest document id it considered),
    # so a digest run reads only the reports stored since, not every match again.
    """
    ALTER TABLE subscriptions ADD COLUMN seen_through INTEGER NOT NULL DEFAULT 0;
    UPDATE subscriptions SET seen_through = coalesce((
        SELECT max(id) FROM documents
        WHERE julianday(added_at) <= julianday(subscriptions.confirmed_at)
    ), 0) WHERE confirmed_at IS NOT NULL;
    """,
    # 6: the areas each article's places lie in (admin ids, country codes), looked up by
    # key, so "everything inside an admin area" is one index range.
    """
    INSERT OR IGNORE INTO facet_values
        SELECT article_id, 'areas', admin1, admin1 FROM places WHERE admin1 IS NOT NULL;
    INSERT OR IGNORE INTO facet_values
        SELECT article_id, 'areas', admin2, admin2 FROM places WHERE admin2 IS NOT NULL;
    INSERT OR IGNORE INTO facet_values
        SELECT article_id, 'areas', country, country FROM places WHERE country IS NOT NULL;
    CREATE INDEX facet_values_key ON facet_values(facet, key);
    """,
    # 7: the columns filters read, in one thin covering index: articles rows are wide
    # (text and analysis), so a filter must never scan them.
    """
    CREATE INDEX articles_filters
        ON articles(day, publisher_key, host, anonymous_sourced, language, story_id);
    """,
    # 8: every key a place filter may name (the place's id, the keys of its text and
    # name, its areas' ids and name keys) under 'areas', so the filter is one lookup.
    """
    INSERT OR IGNORE INTO facet_values
        SELECT article_id, 'areas', place_id, place_id FROM places WHERE place_id IS NOT NULL;
    INSERT OR IGNORE INTO facet_values SELECT article_id, 'areas', key, key FROM places;
    INSERT OR IGNORE INTO facet_values
        SELECT article_id, 'areas', name_key, name_key FROM places WHERE name_key IS NOT NULL;
    INSERT OR IGNORE INTO facet_values
        SELECT article_id, 'areas', admin1_key, admin1_key FROM places
        WHERE admin1_key IS NOT NULL;
    INSERT OR IGNORE INTO facet_values
        SELECT article_id, 'areas', admin2_key, admin2_key FROM places
        WHERE admin2_key IS NOT NULL;
    """,
    # 9: the same filter columns keyed by id, so a search checks each match with one seek
    # in a small index instead of building the set of every report a filter passes.
    """
    CREATE INDEX articles_filters_by_id
        ON articles(id, day, publisher_key, host, anonymous_sourced, language, story_id);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the database up to :data:`SCHEMA_VERSION`; returns the version it was at."""
    (current,) = connection.execute("PRAGMA user_version").fetchone()
    if current > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"the database is at schema version {current}, this Marsad knows {SCHEMA_VERSION}",
            hint="upgrade Marsad",
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        with connection:
            connection.executescript(
                "BEGIN;\n"
                + MIGRATIONS[version - 1]
                + f"\nPRAGMA user_version = {version};\nCOMMIT;"
            )
    return int(current)
