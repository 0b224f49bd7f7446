"""Digests: subscribers follow entities, places, hashtags or searches and receive the new
matching stories by email (multipart, RTL) and as an Atom feed. See docs/digest.md."""
