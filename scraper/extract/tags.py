"""Tags written as text: a '#tag' line followed by more one-word tag lines (Gdynia shows '#projekt', 'FFW')."""

from __future__ import annotations

import re

HASH_TAG = re.compile(r"#[\w-]{1,40}")
BARE_TAG = re.compile(r"#?[\w-]{1,40}")


def tags_from_lines(lines: list[str]) -> list[str] | None:
    """The first block of tag lines: it starts at a '#tag' line and runs over one-word lines."""
    for start, line in enumerate(lines):
        if HASH_TAG.fullmatch(line.strip()):
            block = [line.strip()]
            for following in lines[start + 1 :]:
                if not BARE_TAG.fullmatch(following.strip()):
                    break
                block.append(following.strip())
            return list(dict.fromkeys(tag.lstrip("#") for tag in block))
    return None
