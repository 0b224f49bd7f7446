"""Build src/marsad/data/registry/states.json: every state and territory CLDR names in Arabic.

CLDR (read through Babel, installed with the project) gives one Arabic and one English
name per ISO 3166-1 code; hand-curated variants (سورية, أمريكا, …) are added by entries
with the same id in actors.json. Usage: ``python scripts/build_registry.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale

OUT = (
    Path(__file__).resolve().parent.parent / "src" / "marsad" / "data" / "registry" / "states.json"
)
# CLDR pseudo-territories and groupings that are not states.
NOT_STATES = {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"}


def main() -> None:
    arabic, english = Locale("ar").territories, Locale("en").territories
    entities = []
    for code in sorted(arabic):
        if code.isdigit() or code in NOT_STATES or len(code) != 2:
            continue
        name = arabic[code]
        entities.append(
            {
                "id": f"loc:{code}",
                "type": "LOC",
                "kind": "state",
                "name": name,
                "latin": [english[code]] if code in english else [],
                "source": f"CLDR territory {code} (ar, en) via Babel",
            }
        )
    about = (
        "States and territories by ISO 3166-1 code, names from CLDR; "
        "built by scripts/build_registry.py, do not edit by hand."
    )
    lines = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in entities)
    OUT.write_text(
        '{\n  "about": ' + json.dumps(about) + ',\n  "entities": [\n' + lines + "\n  ]\n}\n",
        encoding="utf-8",
    )
    print(f"{len(entities)} states → {OUT}")


if __name__ == "__main__":
    main()
