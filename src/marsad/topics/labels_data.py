"""The six topics: stable label -> Arabic name, and the ANT sections each was learnt from."""

TOPIC_NAMES: dict[str, str] = {
    "culture": "ثقافة وفنون",
    "economy": "اقتصاد",
    "international": "العالم",
    "middle_east": "الشرق الأوسط",
    "sport": "رياضة",
    "technology": "علوم وتكنولوجيا",
}
