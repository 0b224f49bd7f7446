"""Reader for the ANT v2.1 corpus (Alarabia + SkyNews) as shipped in ``../shared/data/topics``.

One TREC-style XML file per report in ``Outlet/category/``. Exact duplicates are common
(some filed under two categories), so :func:`deduplicate` keeps one report per text and
drops texts whose copies disagree on the category.
"""

from __future__ import annotations

import hashlib
import re
import tarfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.arabic import match_key

ARCHIVE = Path("topics/ant/ant-v2.1-alarabia-skynews.tgz")
MIN_TEXT_CHARS = 50

# ANT category -> (coarse label, region label or None when the outlet does not split news).
COARSE_OF = {
    "culture": "culture",
    "economy": "economy",
    "sport": "sport",
    "technology": "technology",
    "internationalNews": "news",
    "middleEast": "news",
}
REGION_OF = {"internationalNews": "international", "middleEast": "middle_east"}
# Outlets whose internationalNews means "the world outside the Middle East"; Alarabia
# files all foreign news (Yemen, the Gulf, the US) under internationalNews.
SPLITS_NEWS = {"SkyNews"}

_FIELD = re.compile(r"<(TITLE|TEXT|URL)>(.*?)</\1>", re.S)
_NOT_WORD = re.compile(r"\W+")


@dataclass(frozen=True, slots=True)
class Report:
    outlet: str
    category: str  # as ANT files it
    url: str
    text: str  # title, newline, body

    @property
    def coarse(self) -> str:
        return COARSE_OF[self.category]

    @property
    def topic(self) -> str:
        """The fine label (one of the six topics), or 'news' when the outlet does not say."""
        if self.coarse == "news" and self.outlet in SPLITS_NEWS:
            return REGION_OF[self.category]
        return self.coarse


def read_archive(shared_data: Path) -> Iterator[Report]:
    path = shared_data / ARCHIVE
    with tarfile.open(path) as archive:
        for member in archive:
            parts = member.name.split("/")
            if not member.isfile() or len(parts) != 3 or parts[1] not in COARSE_OF:
                continue
            handle = archive.extractfile(member)
            if handle is None:
                continue
            fields = dict(_FIELD.findall(handle.read().decode("utf-8")))
            title, body = fields.get("TITLE", "").strip(), fields.get("TEXT", "").strip()
            yield Report(parts[0], parts[1], fields.get("URL", "").strip(), f"{title}\n{body}")


def deduplicate(reports: Iterable[Report]) -> list[Report]:
    """One report per distinct body text; texts filed under conflicting labels are dropped."""
    groups: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        body = report.text.partition("\n")[2]
        key = _NOT_WORD.sub("", match_key(body))
        if len(key) >= MIN_TEXT_CHARS:
            groups[hashlib.sha1(key.encode()).hexdigest()].append(report)
    kept = []
    for group in groups.values():
        if len({(r.outlet, r.category) for r in group}) == 1:
            kept.append(min(group, key=lambda r: r.url))
    kept.sort(key=lambda r: (r.outlet, r.category, r.url))
    return kept
