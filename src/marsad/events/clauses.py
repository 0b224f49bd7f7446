"""Where a sentence's clauses start, so that a blocker reaches only the clause it is in.

A future verb or a denial ("نفى", "سوف") governs its own clause, not the next one: in
"وتوعد التنظيم بالرد، فيما قصفت الطائرات مواقعه" the threat does not block the strikes.
Clauses start after punctuation, at subordinators and relative pronouns (فيما، حيث، التي)
and at و/ف joined to a clause verb (وقتل، فأعلنت، وكانت). No parse: a close reading of
the marks news writers use.
"""

from __future__ import annotations

from marsad.arabic import match_key
from marsad.events import lexicon_data as lex
from marsad.events.keyed import KeyedSentence, PhraseSet

STARTERS = PhraseSet(lex.CLAUSE_STARTERS)
VERBS = {match_key(v) for v in lex.CLAUSE_VERBS} | {
    match_key(phrase)
    for _, _, form, _, phrases in lex.TRIGGERS
    if form in ("verb", "present")
    for phrase in phrases
    if " " not in phrase
}
MARKS = frozenset(lex.CLAUSE_MARKS)


def clause_ids(sentence: KeyedSentence) -> list[int]:
    """The clause number of every token (0 for the first clause)."""
    ids: list[int] = []
    current = 0
    for index in range(len(sentence)):
        if index and _starts_clause(sentence, index):
            current += 1
        ids.append(current)
    return ids


def _starts_clause(sentence: KeyedSentence, index: int) -> bool:
    previous = sentence.tokens[index - 1]
    token = sentence.tokens[index]
    if MARKS.intersection(sentence.text[previous.end : token.start]):
        return True
    if sentence.match_at(STARTERS, index):
        return True
    key = token.key
    return key[:1] in ("و", "ف") and key[1:] in VERBS
