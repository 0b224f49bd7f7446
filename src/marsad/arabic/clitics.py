"""Clitic-aware matching: `بدير الزور`, `وسوريا`, `للتنظيم` meet `دير الزور`, `سوريا`, `التنظيم`.

Works on matching keys (see :func:`marsad.arabic.match_key`); the displayed text is never
changed. Only proclitics are stripped — conjunction (و ف), preposition (ب ل ك) and the
article (ال) — because names in news text rarely carry enclitics.
"""

from __future__ import annotations

from functools import lru_cache

CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ل", "ك")
ARTICLE = "ال"
MIN_STEM = 2


@lru_cache(maxsize=1 << 15)
def clitic_stems(key: str) -> tuple[str, ...]:
    """Candidate readings of a key with proclitics removed, longest first.

    For multi-word keys only the first word carries clitics. ``ل`` + ``ال`` is written
    ``لل`` and yields the ``ال`` form. Readings with the article stripped keep both forms
    (``الرقه`` and ``رقه``) so lookups can match tables stored either way.
    """
    if not key:
        return ()
    first, sep, rest = key.partition(" ")
    seen: dict[str, None] = {key: None}
    for conj in CONJUNCTIONS:
        if not first.startswith(conj):
            continue
        after_conj = first[len(conj) :]
        for prep in PREPOSITIONS:
            if not after_conj.startswith(prep):
                continue
            stem = after_conj[len(prep) :]
            # ``لل`` is ل + ال (للتنظيم → التنظيم) or ل before a word in ل (للبنان → لبنان).
            fused = prep == "ل" and stem.startswith("ل") and len(stem) - 1 >= MIN_STEM + 1
            if fused:
                stem = "ال" + stem[1:]
            if (conj or prep) and len(stem) >= MIN_STEM:
                seen.setdefault(stem + sep + rest, None)
            if fused:
                seen.setdefault(stem[1:] + sep + rest, None)
            if stem.startswith(ARTICLE) and len(stem) - 2 >= MIN_STEM:
                seen.setdefault(stem[2:] + sep + rest, None)
    return tuple(seen)


def strip_article(key: str) -> str:
    """The key without a leading ``ال`` on its first word (if what remains is a word)."""
    if key.startswith(ARTICLE) and len(key.partition(" ")[0]) - 2 >= MIN_STEM:
        return key[2:]
    return key


def strip_conjunction(key: str) -> str:
    """The key without a leading ``و`` or ``ف`` when at least two letters remain
    (``وقال`` → ``قال``); whether the rest is a word (``وسط`` → ``سط``) is the caller's
    lookup to decide."""
    if key[:1] in ("و", "ف") and len(key) - 1 >= MIN_STEM:
        return key[1:]
    return key
