"""Hit rates of the ledger against readers' new/dropped formulation lists, per year.

    .venv/bin/python bench/terms_hits.py [--expect DIR] [--tuned 2015,2018,2024] [--why]

Years in --tuned are the lists the ranking was read against; every other list in DIR is
held out and reported by its figures only (--why explains misses of tuned years alone).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportdiff import terms  # noqa: E402
from tests.test_terms_expected import _norm, found  # noqa: E402


def rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--expect", default=str(ROOT / "tests" / "expected" / "terms"))
    ap.add_argument("--corpus", default=str(ROOT.parents[0] / "shared" / "corpus" / "national"))
    ap.add_argument("--tuned", default="2015,2018,2024")
    ap.add_argument("--why", action="store_true")
    ap.add_argument("--top", type=int, default=50)
    args = ap.parse_args()
    tuned = {int(y) for y in args.tuned.split(",")}
    t0 = time.process_time()
    ledger = terms.build([m.report for m in terms.series(sorted(str(p) for p in Path(args.corpus).glob("*.txt")))], args.top)
    cpu = time.process_time() - t0
    by_year = {e.year: e for e in ledger.reports}
    totals = {(g, k): [0, 0] for g in ("tuned", "held-out") for k in ("new", "dropped")}
    for path in sorted(Path(args.expect).glob("*.tsv")):
        year = int(path.stem)
        group = "tuned" if year in tuned else "held-out"
        entry = by_year[year]
        line = [f"{year} {group:8}"]
        for kind in ("new", "dropped"):
            listed = [f.term for f in getattr(entry, kind)]
            want = [r[0] for r in rows(path) if r[1] == kind]
            hits = [w for w in want if found(w, listed)]
            totals[(group, kind)][0] += len(hits)
            totals[(group, kind)][1] += len(want)
            line.append(f"{kind} {len(hits)}/{len(want)} ({len(hits) / max(len(want), 1):.0%})")
            if args.why and group == "tuned":
                for w in want:
                    if w not in hits:
                        print(f"   miss {year} {kind}: {w}  in-ledger={_norm(w) in ledger.terms}")
        print("  ".join(line))
    for (group, kind), (h, n) in totals.items():
        print(f"total {group:8} {kind:7} {h}/{n} ({h / max(n, 1):.0%})")
    print(f"build CPU {cpu:.1f} s")


if __name__ == "__main__":
    main()
