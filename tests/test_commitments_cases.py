"""Small cases from real reports (issue 17, a new user's trial): a plan sentence, the
review sentence, the status a reader gives. Wrong statuses matter more than coverage."""
from __future__ import annotations

import pytest

from reportdiff.commitments import track
from reportdiff.document import read

OLD = "政府工作报告\n一、2024年工作回顾\n过去一年，全省经济运行稳中有进。\n二、2025年主要目标和重点工作\n{plan}\n三、全面加强政府自身建设\n要坚持依法行政。\n"
NEW = "政府工作报告\n一、2025年工作回顾\n过去一年，{review}\n二、2026年重点工作\n要坚持稳中求进。\n"

CASES = [
    # 突破/超 in the review: at least the figure, so a 突破 target is met.
    ("全省高速公路通车里程突破9500公里。", "全省高速公路通车里程突破9500公里。", "全省高速公路通车里程突破9500公里", "met"),
    ("集装箱吞吐量突破2400万标准箱。", "集装箱航线增至150条、吞吐量超2400万标准箱。", "集装箱吞吐量突破2400万标准箱", "met"),
    # The outcome of 从A提升到B is B.
    ("农产品加工转化率达70%左右。", "农产品加工转化率从2020年的51%提升到2025年的70%。", "农产品加工转化率达70%左右", "met"),
    # A figure of another indicator is not evidence.
    ("汽车制造业增加值增长60%以上。", "规模以上工业增加值增长7%。", "汽车制造业增加值增长60%以上", "not_reported"),
    ("公路通车总里程达9.3万公里。", "高速公路通车里程达5465公里。", "公路通车总里程达9.3万公里", "not_reported"),
    ("新增省级现代服务业集聚区20个左右。", "新培育省级现代海洋特色产业集聚区7个。", "新增省级现代服务业集聚区20个左右", "not_reported"),
    ("确保普惠性资源覆盖率达到90%以上。", "规上工业企业研发覆盖率达到85.7%。", "确保普惠性资源覆盖率达到90%以上", "not_reported"),
    ("新建提升口袋公园80个。", "新建提升310公里农村公路，12个。", "新建提升口袋公园80个", "not_reported"),
    # A level the year holds is not answered by what was added to it.
    ("绿色有机食品基地面积稳定在1亿亩以上。", "新增绿色有机食品基地面积536万亩。", "绿色有机食品基地面积稳定在1亿亩以上", "not_reported"),
    # A 分别 list: each figure is its own item's (城乡 = 城镇, 农村).
    ("农村居民人均可支配收入增长7%左右。", "城乡居民人均可支配收入分别增长5.3%、7%。", "农村居民人均可支配收入增长7%左右", "met"),
    ("城镇居民人均可支配收入增长6%左右。", "城乡居民人均可支配收入分别增长5.3%、7%。", "城镇居民人均可支配收入增长6%左右", "missed"),
    ("农村居民人均可支配收入增长7%左右。", "城镇、农村居民人均可支配收入分别增长5.3%、7.2%。", "农村居民人均可支配收入增长7%左右", "met"),
    # The same indicator said more shortly still answers.
    ("城镇新增就业30万人。", "新增就业32.7万人。", "城镇新增就业30万人", "met"),
    ("新开外贸航线10条以上。", "新开辟外贸航线20条。", "新开外贸航线10条以上", "met"),
]


@pytest.mark.parametrize(("plan", "review", "promise", "status"), CASES, ids=[c[2] for c in CASES])
def test_a_target_against_its_review(tmp_path, plan, review, promise, status):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD.format(plan=plan), encoding="utf-8")
    new.write_text(NEW.format(review=review), encoding="utf-8")
    result = track(read(old), read(new))
    assert result.applicable, result.note
    found = [c for c in result.items if promise in c.plan_text]
    assert found, [c.plan_text for c in result.items]
    assert found[0].status == status, (found[0].outcome_text, found[0].reason)
