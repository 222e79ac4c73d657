from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from reportdiff.document import Document, read

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPECTED = Path(__file__).resolve().parent / "expected"
# The real reports of ../shared/corpus (see its README); REPORTDIFF_CORPUS points the tests at a copy elsewhere.
SHARED_CORPUS = Path(os.environ.get("REPORTDIFF_CORPUS") or ROOT.parent / "shared" / "corpus")
# The same variable is the command's default corpus: the tests of the command expect the bundled seeds,
# in-process and in the processes they start, so it is read here once and not passed on.
os.environ.pop("REPORTDIFF_CORPUS", None)
NO_CORPUS = f"the shared corpus is not at {SHARED_CORPUS} (set REPORTDIFF_CORPUS to its folder)"


def pytest_report_header(config) -> str:
    found = "found" if SHARED_CORPUS.is_dir() else "absent: the tests on real national and provincial reports skip"
    return f"shared corpus: {SHARED_CORPUS} ({found})"


def seed_path(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


@cache
def seed(prefix: str) -> Document:
    """A seed report, read once per test session."""
    return read(seed_path(prefix))


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


# A sentence that moves to another section and has a figure changed on the way.
MOVED_BEFORE = "新增停车位2000个以上，有效缓解城区停车难问题，方便群众出行。"
MOVED_AFTER = "新增停车位1000个以上，有效缓解城区停车难问题，方便群众出行。"


def moved_and_reworded(folder: Path) -> tuple[Path, Path]:
    """Two small reports in `folder`: MOVED_BEFORE under （一） of the old, MOVED_AFTER under （二） of the new."""
    old, new = folder / "old.txt", folder / "new.txt"
    old.write_text("一、2024年工作回顾\n\n（一）城市建设\n\n完成道路改造8条。" + MOVED_BEFORE + "\n\n（二）民生保障\n\n新增城镇就业15461人。\n", encoding="utf-8")
    new.write_text("一、2025年工作回顾\n\n（一）城市建设\n\n完成道路改造8条。\n\n（二）民生保障\n\n新增城镇就业15461人。" + MOVED_AFTER + "\n", encoding="utf-8")
    return old, new


@pytest.fixture
def run_cli(capsys):
    """Run the CLI in-process: (exit code, stdout, stderr)."""
    from reportdiff.cli import main

    def run(*args: str):
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run
