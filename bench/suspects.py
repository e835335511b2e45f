"""Suspect thresholds: body shingle overlap of realistic edits vs different articles, over the mirror's articles."""

from __future__ import annotations

import itertools
import logging

from scraper.archive.suspect import BODY_OVERLAP_MIN, body_overlap
from scraper.mirror.site import bundled_articles

logger = logging.getLogger(__name__)


def paragraphs(spec) -> list[str]:
    return [part for part in spec.body if isinstance(part, str)]


def edits(texts: list[str], other: list[str]) -> dict[str, str]:
    """Edits an editor makes to a published article, each as the edited body."""
    words = " ".join(texts).split()
    return {
        "paragraph added": "\n\n".join(texts + other[:1]),
        "last paragraph dropped": "\n\n".join(texts[:-1] or texts),
        "first paragraph rewritten": "\n\n".join(other[:1] + texts[1:]) if len(texts) > 1 else "\n\n".join(texts),
        "every 8th word corrected": " ".join(word + "x" if n % 8 == 7 else word for n, word in enumerate(words)),
    }


def main() -> None:
    specs = [spec for site in bundled_articles().values() for spec in site]
    bodies = {spec.key: paragraphs(spec) for spec in specs}
    keys = list(bodies)
    edit_scores: dict[str, list[float]] = {}
    for key, other in zip(keys, keys[1:] + keys[:1]):
        original = "\n\n".join(bodies[key])
        for name, edited in edits(bodies[key], bodies[other]).items():
            edit_scores.setdefault(name, []).append(body_overlap(original, edited))
    different = [
        body_overlap("\n\n".join(bodies[a]), "\n\n".join(bodies[b])) for a, b in itertools.combinations(keys, 2)
    ]
    print(f"{len(specs)} mirror articles; suspect when overlap < {BODY_OVERLAP_MIN} (and the title changed)")
    for name, scores in edit_scores.items():
        print(f"  edit {name:28s} min {min(scores):.2f}  median {sorted(scores)[len(scores) // 2]:.2f}")
    print(f"  different articles ({len(different)} pairs)  max {max(different):.2f}")


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    main()
