"""Field names that JSON records of news use, most specific first (data, not logic)."""

TEXT_FIELDS = ("content", "text", "body", "article", "maintext", "article_text")
HTML_FIELDS = ("html", "raw_html", "page")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "canonical_url")
AUTHOR_FIELDS = ("author", "byline", "authors")
DATE_FIELDS = ("published", "date_publish", "date", "pubDate", "datetime", "date_extracted")
PUBLISHER_FIELDS = ("publisher", "source", "site", "source_domain", "sitename")
