"""Live <-> mirror URL mapping used by the download handler."""

import pytest

from scraper.crawl.transport import from_mirror, to_mirror

BASE = "http://127.0.0.1:8765"


@pytest.mark.parametrize(
    "live",
    [
        "https://przemysl.pl/45707/a.html",
        "https://przemysl.pl/aktualnosci,2.html",
        "https://www.gdynia.pl/rewitalizacja/aktualnosci-2,3963",
        "https://www.gdynia.pl/search?q=park",
        "https://przemysl.pl/robots.txt",
    ],
)
def test_round_trip(live):
    assert from_mirror(to_mirror(live, BASE), BASE) == live


def test_mirror_scheme_puts_host_first():
    assert to_mirror("https://www.gdynia.pl/rewitalizacja/x,1", BASE + "/") == f"{BASE}/www.gdynia.pl/rewitalizacja/x,1"


def test_url_outside_mirror_is_an_error():
    with pytest.raises(ValueError):
        from_mirror("http://example.com/x", BASE)
