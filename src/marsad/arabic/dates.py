"""Arabic dates: both month-name families, Arabic-Indic digits, numeric and relative forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from marsad.arabic import dates_data
from marsad.arabic.normalize import match_key, normalize

# The data tables, keyed by matching key whatever spelling the data file uses.
MONTHS = {match_key(k): v for k, v in dates_data.MONTHS.items()}
WEEKDAYS = {match_key(k): v for k, v in dates_data.WEEKDAYS.items()}
RELATIVE_DAYS = {match_key(k): v for k, v in dates_data.RELATIVE_DAYS.items()}
RELATIVE_UNITS = {match_key(k): v for k, v in dates_data.RELATIVE_UNITS.items()}
HIJRI_MARKERS = {match_key(k) for k in dates_data.HIJRI_MARKERS}

_MONTH_ALTERNATION = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_WEEKDAY_ALTERNATION = "|".join(re.escape(w) for w in WEEKDAYS)
_YEAR_MARK = r"(?:\s*(?P<mark>ه|م)(?![\w]))?"

# All patterns run over the *matching key* of the text (digits folded, hamza unified).
_NAMED = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})\s+(?:من\s+)?(?:شهر\s+)?(?P<month>"
    + _MONTH_ALTERNATION
    + r")(?:\s*[/(\-]\s*(?:"
    + _MONTH_ALTERNATION
    + r")\s*\)?)?\s*[,/\-]?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?(?P<year>\d{4})"
    + _YEAR_MARK
)
_MONTH_FIRST = re.compile(
    r"(?<![\w])(?P<month>" + _MONTH_ALTERNATION + r")\s+(?P<day>\d{1,2})\s*,?\s*(?P<year>\d{4})"
)
_NUMERIC = re.compile(
    r"(?<!\d)(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})[-/.](?P<y2>\d{4}))(?!\d)"
)
_TIME = re.compile(r"(?<!\d)(?P<h>\d{1,2}):(?P<min>\d{2})(?!\d)")
_RELATIVE_AGO = re.compile(
    r"(?:منذ|قبل)\s+(?:(?P<n>\d+)\s+)?(?P<unit>" + "|".join(RELATIVE_UNITS) + r")(?![\w])"
)
_RELATIVE_DAY = re.compile(
    r"(?<![\w])(?P<before>(?:" + "|".join(map(match_key, dates_data.ANAPHORIC_BEFORE)) + r")\s+)?"
    r"(?P<word>" + "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True)) + r")(?![\w])"
    r"(?P<after>\s+(?:" + "|".join(map(match_key, dates_data.ANAPHORIC_AFTER)) + r")(?![\w]))?"
)
# "اليوم الخميس", "أمس الأربعاء": the weekday says which day; a report's date (often the
# day it was collected) may be a day later than the day it calls today.
_PAST_DAY_WEEKDAY = re.compile(
    r"(?<![\w])(?P<word>"
    + "|".join(sorted((k for k, v in RELATIVE_DAYS.items() if v <= 0), key=len, reverse=True))
    + r")\s+(?P<weekday>"
    + _WEEKDAY_ALTERNATION
    + r")(?![\w])"
)
_WEEKDAY = re.compile(
    r"(?<![\w])(?:يوم\s+)?(?P<weekday>"
    + _WEEKDAY_ALTERNATION
    + r")(?:(?P<last>\s+الماضي[هي]?)|(?P<next>\s+(?:المقبل|القادم)[هي]?))?(?![\w])"
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int  # offsets into the original text
    end: int
    value: date | datetime
    kind: str  # absolute | relative | weekday


def find_dates(text: str, reference: datetime | date | None = None) -> list[DateMatch]:
    """Every date the text states, in order; relative forms only when a reference is given."""
    norm = normalize(text, "match")
    key = norm.text
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: date | datetime, kind: str) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        o_start, o_end = norm.to_original(start, end)
        found.append(DateMatch(o_start, o_end, value, kind))

    for pattern in (_NAMED, _MONTH_FIRST):
        for m in pattern.finditer(key):
            if "mark" in m.groupdict() and m.group("mark") in HIJRI_MARKERS:
                continue
            value = _safe_date(int(m.group("year")), MONTHS[m.group("month")], int(m.group("day")))
            if value:
                add(m.start(), m.end(), _with_time(key, m.end(), value), "absolute")
    for m in _NUMERIC.finditer(key):
        y, mo, d = (m.group("y1"), m.group("m1"), m.group("d1"))
        if y is None:
            y, mo, d = m.group("y2"), m.group("m2"), m.group("d2")
        value = _safe_date(int(y), int(mo), int(d))
        if value:
            add(m.start(), m.end(), _with_time(key, m.end(), value), "absolute")
    if reference is not None:
        ref_dt = _as_datetime(reference)
        for m in _RELATIVE_AGO.finditer(key):
            count = int(m.group("n") or 1)
            seconds = RELATIVE_UNITS[m.group("unit")] * count
            add(m.start(), m.end(), ref_dt - timedelta(seconds=seconds), "relative")
        for m in _PAST_DAY_WEEKDAY.finditer(key):
            add(m.start(), m.end(), last_weekday(ref_dt.date(), WEEKDAYS[m.group("weekday")]),
                "weekday")  # fmt: skip
        for m in _RELATIVE_DAY.finditer(key):
            if m.group("before") or m.group("after"):
                continue  # "في اليوم نفسه": a day the text told of, not the report's
            day = ref_dt.date() + timedelta(days=RELATIVE_DAYS[m.group("word")])
            add(m.start(), m.end(), day, "relative")
        for m in _WEEKDAY.finditer(key):
            weekday = WEEKDAYS[m.group("weekday")]
            day = (next_weekday if m.group("next") else last_weekday)(ref_dt.date(), weekday)
            add(m.start(), m.end(), day, "weekday")
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str, reference: datetime | date | None = None) -> date | datetime | None:
    """The first date stated in ``text``, or None."""
    dates = find_dates(text, reference)
    return dates[0].value if dates else None


def last_weekday(reference: date, weekday: int) -> date:
    """The most recent ``weekday`` on or before ``reference`` (news speaks of the past)."""
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def next_weekday(reference: date, weekday: int) -> date:
    """The first ``weekday`` after ``reference`` ("الأحد المقبل")."""
    return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_time(key: str, after: int, value: date) -> date | datetime:
    m = _TIME.search(key, after, after + 24)
    if m and int(m.group("h")) < 24 and int(m.group("min")) < 60:
        return datetime(value.year, value.month, value.day, int(m.group("h")), int(m.group("min")))
    return value


def _as_datetime(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)
