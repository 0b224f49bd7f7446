"""Arabic text handling: the one normaliser, tokens, sentences, clitics, hashtags, dates."""

from marsad.arabic.clitics import clitic_stems, strip_article, strip_conjunction
from marsad.arabic.dates import DateMatch, find_dates, parse_date
from marsad.arabic.hashtags import HashtagMatch, find_hashtags
from marsad.arabic.names import opens_with_given_name
from marsad.arabic.normalize import Level, Normalized, arabic_ratio, match_key, normalize
from marsad.arabic.tokens import Token, split_sentences, tokenize, word_tokens

__all__ = [
    "DateMatch",
    "HashtagMatch",
    "Level",
    "Normalized",
    "Token",
    "arabic_ratio",
    "clitic_stems",
    "find_dates",
    "find_hashtags",
    "match_key",
    "normalize",
    "opens_with_given_name",
    "parse_date",
    "split_sentences",
    "strip_article",
    "strip_conjunction",
    "tokenize",
    "word_tokens",
]
