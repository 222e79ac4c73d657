"""Alignment invariants that need no hand-made list (issue 3)."""
from __future__ import annotations

import itertools
import random

import pytest

from reportdiff import Overrides
from reportdiff.align import FLOOR, PLAN_FLOOR, align
from reportdiff.document import Document, from_source
from reportdiff.errors import ReportdiffError
from reportdiff.load import Source
from reportdiff.tokens import Tokens

from .conftest import NO_CORPUS, SHARED_CORPUS, seed

RECIPE = """家常菜谱十则

一、红烧肉的做法

（一）选料

五花肉要选肥瘦相间的，以三层为佳。冰糖、生抽、老抽、料酒、八角、桂皮、香叶备齐。

（二）烹制

肉切麻将块，冷水下锅焯水，撇去浮沫后捞出。锅中少油，小火炒糖色至枣红，下肉翻炒上色，加开水没过肉块，小火炖煮一个半小时，大火收汁。

二、清蒸鲈鱼的做法

（一）处理

鲈鱼去鳞去腮，在鱼背划几刀，抹少许盐和料酒腌制十分钟，鱼肚里塞葱段姜片。

（二）蒸制

水开后上锅蒸八分钟，关火再焖两分钟，倒掉盘中的水，铺上葱丝，淋蒸鱼豉油，浇热油即可。

三、西红柿炒鸡蛋

鸡蛋打散加少许盐，热锅凉油炒至凝固盛出；西红柿切块炒出汁水，加糖提鲜，倒入鸡蛋翻匀出锅。
"""


def _doc_from_text(text: str, name: str = "x.txt") -> Document:
    return from_source(Source(name, text, "txt"))


def _align(a: Document, b: Document, overrides: Overrides | None = None):
    return align(a, b, Tokens.of(a.text), Tokens.of(b.text), overrides).pairs


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_a_report_against_itself_is_all_one_to_one(prefix):
    doc = seed(prefix)
    pairs = [p for p in _align(doc, doc) if p.relation == "same_topic"]
    sections = list(doc.outline.units())  # sections and table units
    assert len(pairs) == len(sections)
    for pair in pairs:
        assert pair.status == "matched"
        assert pair.old[0] is pair.new[0]
        assert pair.similarity == pytest.approx(1.0, abs=1e-6)


def _shuffled(prefix: str, seed_value: int) -> str:
    """The seed's source with the （一）… sections inside each part shuffled.

    Works on the source text (markdown and page breaks included), cutting at
    the start of each section's first line, so the shuffled file is as messy
    as the original.
    """
    doc = seed(prefix)
    source, origin = doc.clean.source, doc.clean.origin

    def line_start(clean_offset: int) -> int:
        return source.rfind("\n", 0, origin[clean_offset]) + 1

    pieces, pos = [], 0
    rng = random.Random(seed_value)
    for part in doc.sections:
        children = [c for c in part.children if c.kind == "numbered"]
        if len(children) < 2:
            continue
        cuts = [line_start(c.start) for c in children]
        following = [c for c in part.children if c.start > children[-1].start]
        end = line_start(following[0].start) if following else (line_start(part.end) if part.end < len(doc.text) else len(source))
        cuts.append(end)
        blocks = [source[a:b].rstrip("\n") + "\n\n" for a, b in itertools.pairwise(cuts)]
        rng.shuffle(blocks)
        pieces += [source[pos : cuts[0]], "".join(blocks)]
        pos = end
    pieces.append(source[pos:])
    return "".join(pieces)


@pytest.mark.parametrize("prefix, shuffle_seed", [("000", 1), ("001", 2), ("002", 3), ("004", 4)])
def test_shuffled_subsections_recover_the_identity_pairing(prefix, shuffle_seed):
    original = seed(prefix)
    shuffled = _doc_from_text(_shuffled(prefix, shuffle_seed))
    assert [s.heading for s in shuffled.outline.walk()] != [s.heading for s in original.outline.walk()]
    pairs = [p for p in _align(original, shuffled) if p.relation == "same_topic"]
    assert all(p.status == "matched" for p in pairs)
    assert all(p.old[0].heading == p.new[0].heading for p in pairs)


def test_unrelated_texts_are_mostly_added_and_removed():
    report, recipe = seed("000"), _doc_from_text(RECIPE)
    pairs = [p for p in _align(report, recipe) if p.relation == "same_topic"]
    paired = [p for p in pairs if p.old and p.new]
    assert len(paired) <= 1
    unpaired = [p for p in pairs if not p.old or not p.new]
    assert len(unpaired) >= len(report.sections) + len(recipe.sections) - 2


def test_pair_override_forces_a_pairing_and_realigns_the_rest():
    old, new = seed("000"), seed("001")
    forced = Overrides(pairs=[("（二）聚焦扩投资", "（二）项目建设稳步推进")])
    pairs = _align(old, new, forced)
    hit = [p for p in pairs if p.relation == "same_topic" and p.old and p.old[0].heading.startswith("（二）聚焦扩投资")]
    assert len(hit) == 1 and hit[0].forced and hit[0].new[0].heading.startswith("（二）项目建设")
    # the forced new section is not paired a second time
    news = [s.heading for p in pairs if p.relation == "same_topic" for s in p.new]
    assert news.count(hit[0].new[0].heading) == 1


def test_unpair_override_leaves_a_section_unpaired():
    old, new = seed("000"), seed("001")
    heading = "（五）聚焦惠民生"
    pairs = _align(old, new, Overrides(unpair=[heading]))
    mine = [p for p in pairs if p.relation == "same_topic" and any(s.heading.startswith(heading) for s in p.old)]
    assert len(mine) == 1 and mine[0].status == "removed"


def test_unknown_override_heading_is_an_error():
    with pytest.raises(ReportdiffError, match="no section"):
        _align(seed("000"), seed("001"), Overrides(pairs=[("不存在", "（一）")]))


def test_plan_of_a_year_is_aligned_to_the_next_reports_review_of_it():
    pairs = _align(seed("000"), seed("001"))
    top = [p for p in pairs if p.relation == "plan_to_review" and p.level == 1]
    assert len(top) == 1
    # the year's plan is its targets part and its tasks part
    assert [s.heading[:6] for s in top[0].old] == ["二、2025", "三、2025"]
    assert top[0].new[0].heading.startswith("一、2025")
    # 002 plans 2023 and 000 reviews 2024: no plan→review relation
    assert not [p for p in _align(seed("002"), seed("000")) if p.relation == "plan_to_review"]


def test_json_sections_are_in_reading_order_with_contract_fields(run_cli):
    import json

    code, out, _ = run_cli("2024", "2025", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["schema"] == "reportdiff/1"
    same = [s for s in data["sections"] if s["relation"] == "same_topic"]
    for s in data["sections"]:
        assert {"status", "relation", "old", "new", "similarity", "diff"} <= s.keys()
        for ref in s["old"] + s["new"]:
            assert {"heading", "path", "level"} <= ref.keys() and ref["path"][-1] == ref["heading"]
    starts = [s["new"][0]["heading"] for s in same if s["new"]]
    new_order = [sec.heading for sec in seed("001").outline.walk()]
    positions = [new_order.index(h) for h in starts]
    assert positions == sorted(positions)


@pytest.mark.parametrize("old,new", [("000", "001"), ("002", "000"), ("003", "001"), ("000", "004")])
def test_every_section_of_both_reports_is_in_some_pair(old, new):
    # A removed section's subsections are listed too (as removed), so that no
    # text goes missing from the side-by-side view.
    a, b = seed(old), seed(new)
    pairs = [p for p in _align(a, b) if p.relation == "same_topic"]
    shown_old = {id(s) for p in pairs for s in p.old}
    shown_new = {id(s) for p in pairs for s in p.new}
    assert [s.heading for s in a.outline.walk() if id(s) not in shown_old] == []
    assert [s.heading for s in b.outline.walk() if id(s) not in shown_new] == []


def test_a_unit_that_moved_to_another_section_is_found_there():
    # 2022's 招商引资成效显著 sits under （三）全面深化改革; 2024's 双招双引有力有效
    # under （二）聚焦扩投资、强招引. The 2023 plan's 全力抓好招商选资 (under （三）)
    # is 2025's 三是持续提高招引成效 (under （二）).
    pairs = _align(seed("002"), seed("000"))
    made = {(o.heading[:8], n.heading[:8]) for p in pairs if p.relation == "same_topic" for o in p.old for n in p.new}
    assert ("招商引资成效显著", "双招双引有力有效") in made
    assert ("全力抓好招商选资", "三是持续提高招引") in made
    assert ("创新驱动持续发力", "科创动能不断提升") in made


def test_the_closing_address_pairs_with_nothing_in_a_plan_report():
    # 001 ends with 各位代表！… and five 坚持… units on the government's own
    # work; 000 (a plan report) has no such block.
    pairs = _align(seed("000"), seed("001"))
    for pair in pairs:
        if any(s.heading.startswith(("各位代表", "坚持党的领导", "坚持廉洁从政")) for s in pair.new):
            assert pair.status == "added", (pair.old, pair.new)


FLOOR_PAIRS = [("000", "001"), ("002", "000"), ("003", "001"), ("000", "004")]
CORPUS_FLOOR_PAIRS = [
    ("national/2023_gwr.txt", "national/2024_gwr.txt"),
    ("provinces/2025/湖南省.docx", "provinces/2026/湖南省.txt"),
]


def _below_floor(pairs) -> list[str]:
    """Pairs shown as matched under their relation's floor (a plan → review link
    has its own, lower one). The user's forced pairs are theirs."""
    out = []
    for p in pairs:
        floor = PLAN_FLOOR if p.relation == "plan_to_review" else FLOOR
        if p.old and p.new and not p.forced and p.similarity < floor:
            out.append(f"{p.relation} {p.similarity:.3f} {p.old[0].heading[:16]} → {p.new[0].heading[:16]}")
    return out


@pytest.mark.parametrize("old,new", FLOOR_PAIRS)
def test_no_pair_shown_below_the_floor(old, new):
    assert not _below_floor(_align(seed(old), seed(new)))


@pytest.mark.parametrize("old,new", CORPUS_FLOOR_PAIRS)
def test_no_pair_shown_below_the_floor_on_real_reports(old, new):
    from reportdiff.document import read

    if not (SHARED_CORPUS / old).is_file():
        pytest.skip(NO_CORPUS)
    assert not _below_floor(_align(read(SHARED_CORPUS / old), read(SHARED_CORPUS / new)))


def test_a_flat_review_paragraph_no_plan_section_matches_whole_faces_the_plans_units():
    # The 2016 plan puts its innovation tasks (充分释放全社会创业创新潜能) inside
    # （二）加强供给侧结构性改革; the 2017 review reports on them in 四是强化创新引领, a
    # paragraph of its own that no plan section matches as a whole.
    from reportdiff.document import read

    old, new = SHARED_CORPUS / "national/2016_gwr.txt", SHARED_CORPUS / "national/2017_gwr.txt"
    if not old.is_file():
        pytest.skip(NO_CORPUS)
    pairs = _align(read(old), read(new))
    made = {(o.heading[:8], n.heading[:8]) for p in pairs if p.relation == "plan_to_review" for o in p.old for n in p.new}
    assert ("充分释放全社会创", "四是强化创新引领") in made
    # and it is not also listed as added
    assert not [p for p in pairs if p.relation == "plan_to_review" and not p.old and p.new[0].heading.startswith("四是强化创新引领")]


def test_a_task_that_moved_alone_does_not_pair_its_two_sections():
    # 山东's 2025 clean-energy task (突出抓好清洁能源体系建设, under （七）绿色低碳转型) is
    # set beside a unit of 2026's （一）奋力推进全方位扩大内需; the two sections stand
    # seventh and first in lists that otherwise keep one order, so they are no pair,
    # while each keeps its own counterpart.
    from reportdiff.document import read

    old, new = SHARED_CORPUS / "provinces/2025/山东省.docx", SHARED_CORPUS / "provinces/2026/山东省.txt"
    if not old.is_file():
        pytest.skip(NO_CORPUS)
    pairs = _align(read(old), read(new))
    made = {(o.heading[:3], n.heading[:3]) for p in pairs if p.relation == "same_topic" for o in p.old for n in p.new if o.level == n.level == 2}
    assert ("（七）", "（一）") not in made
    assert ("（一）", "（一）") in made and ("（七）", "（七）") in made


def test_a_unit_that_carries_its_topic_across_pairs_the_sections_against_their_order():
    # 2024's 三是全面推进乡村振兴 sits under （一）以产业发展为抓手; 2025 gives the topic a
    # section of its own, (六)聚焦乡村全面振兴, far down the list: the sections pair all the same.
    pairs = _align(seed("000"), seed("004"))
    made = {(o.heading[:8], n.heading[:8]) for p in pairs if p.relation == "same_topic" for o in p.old for n in p.new}
    assert ("（一）以产业发展", "(六)聚焦乡村全") in made
