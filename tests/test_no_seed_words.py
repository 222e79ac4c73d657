"""No rule is tuned to the bundled reports (issue 18): the code names none of their places."""
from __future__ import annotations

from pathlib import Path

from .conftest import seed

ROOT = Path(__file__).resolve().parent.parent
# Read from the seeds: their districts and the cities these belong to (平顶山市湛河区, 漯河市郾城区).
SEED_PLACES = {"湛河区", "湛河", "平顶山市", "平顶山", "郾城区", "郾城", "漯河市", "漯河"}


def test_the_list_holds_every_seeds_region():
    assert {seed(p).meta.region for p in ("000", "001", "002", "003", "004")} <= SEED_PLACES


def test_the_code_names_no_place_of_the_seeds():
    files = [*(ROOT / "reportdiff").rglob("*.py"), *(ROOT / "templates").glob("*")]
    found = [(path.name, place) for path in files for place in SEED_PLACES if place in path.read_text(encoding="utf-8")]
    assert not found
