"""Stage 5: word diffs inside aligned sections (issue 4)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff import compare
from reportdiff.clean import clean
from reportdiff.diff import Differ, language_shift, sentences
from reportdiff.tokens import Tokens

from .conftest import MOVED_AFTER, MOVED_BEFORE, moved_and_reworded, seed, seed_path


def ops(old: str, new: str, differ: Differ | None = None):
    result = (differ or Differ()).diff(old, new)
    assert result.old_text == old and result.new_text == new
    return [(o.op, o.text) for o in result.ops]


def test_a_rewritten_sentence_gives_minimal_word_edits():
    # 000's 2024 GDP sentence against 001's 2025 one.
    old = "全区完成地区生产总值263.06亿元，同比增长4.8%；"
    new = "全区实现地区生产总值272.45亿元，增长4.7%；"
    assert ops(old, new) == [
        ("=", "全区"), ("-", "完成"), ("+", "实现"), ("=", "地区生产总值"),
        ("-", "263.06亿元"), ("+", "272.45亿元"), ("=", "，"), ("-", "同比"), ("=", "增长"),
        ("-", "4.8%"), ("+", "4.7%"), ("=", "；"),
    ]


def test_a_number_change_is_one_replaced_number_token():
    old = clean("全年粮食作物种植面积稳定在 7.9 万亩左右").text
    new = clean("全年粮食作物种植面积稳定在8.2万亩左右").text
    result = Differ().diff(old, new)
    changed = [(o.op, o.text, o.number) for o in result.ops if o.op != "="]
    assert changed == [("-", "7.9万亩", True), ("+", "8.2万亩", True)]


def test_spacing_width_and_page_breaks_are_not_changes():
    result = Differ().diff("（一）聚焦强实体, 促转型：完成投资 58.2 亿元", "(一)聚焦强实体，促转型:完成投资58.2亿元")
    assert not result.changed
    assert [o.op for o in result.ops] == ["="]


def test_a_lead_sentence_rewording():
    assert ops("农业基础更加稳固。", "农业基础持续稳固。") == [("=", "农业基础"), ("-", "更加"), ("+", "持续"), ("=", "稳固。")]


def test_sentences_that_share_little_are_replaced_whole():
    old = "坚持金融服务实体经济的根本导向，不断完善工作机制。"
    new = "湛河区5G产业创新中心平稳运行。"
    assert ops(old, new) == [("-", old), ("+", new)]


def test_sentence_split_never_breaks_a_decimal():
    assert sentences("总产量2.78万吨。增长4.8%；完成") == ["总产量2.78万吨。", "增长4.8%；", "完成"]


def test_year_rollover_is_routine_unless_strict():
    old_doc, new_doc = seed("000"), seed("001")
    lenient = Differ(old_doc, new_doc).diff("2024年，全区完成地区生产总值", "2025年，全区完成地区生产总值")
    assert not lenient.changed and any(o.routine for o in lenient.ops)
    strict = Differ(old_doc, new_doc, strict=True).diff("2024年，全区完成地区生产总值", "2025年，全区完成地区生产总值")
    assert strict.changed
    plan = Differ(old_doc, new_doc).diff("实现“十四五”规划目标任务", "实现“十五五”规划目标任务")
    assert not plan.changed


def test_a_report_against_itself_has_no_changes():
    result = compare(seed("000"), seed("000"))
    assert all(p.status == "matched" for p in result.pairs)
    assert not any(p.diff.changed for p in result.pairs)


def test_moved_sentence_detected_in_a_constructed_pair(tmp_path):
    moved = "新增停车位2000个以上，有效缓解城区停车难问题。"
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(
        "一、2024年工作回顾\n\n（一）城市建设\n\n完成道路改造8条。" + moved + "\n\n（二）民生保障\n\n新增城镇就业15461人。\n",
        encoding="utf-8",
    )
    new.write_text(
        "一、2025年工作回顾\n\n（一）城市建设\n\n完成道路改造8条。\n\n（二）民生保障\n\n新增城镇就业15461人。" + moved + "\n",
        encoding="utf-8",
    )
    result = compare(old, new)
    marked = [(i, o) for i, p in enumerate(result.pairs) for o in p.diff.ops if o.moved is not None]
    assert sorted((o.op, o.text) for _, o in marked) == [("+", moved), ("-", moved)]
    (i, first), (j, second) = marked
    assert first.moved == j and second.moved == i  # each points at the other's section


def test_a_sentence_moved_and_reworded_shows_its_word_diff_at_its_new_place(tmp_path):
    import json

    from reportdiff.render import html, text
    from reportdiff.render import json as render_json

    from .test_schema import validator

    before, after = MOVED_BEFORE, MOVED_AFTER
    old, new = moved_and_reworded(tmp_path)
    result = compare(old, new)
    arrived = [(i, o) for i, p in enumerate(result.pairs) for o in p.diff.ops if o.op == "+" and o.moved is not None]
    assert [o.text for _, o in arrived] == [after]
    index, op = arrived[0]
    assert op.edits is not None and [(e.op, e.text) for e in op.edits if e.op != "="] == [("-", "2000个"), ("+", "1000个")]
    assert "".join(e.text for e in op.edits if e.op != "+") == before and "".join(e.text for e in op.edits if e.op != "-") == after
    assert result.pairs[index].diff.new_text.endswith(after)  # the new side still reads as the new report
    plain = text.report(result, text.Style(False))
    assert "{moved←新增停车位[-2000个-]{+1000个+}以上" in plain
    page = html.render(result)
    start = page.index(f'id="p{index}"')
    block = page[start : page.index("</section>", start)]
    assert '<ins class="moved">新增停车位<del class="del numchg">2000个</del><ins class="ins numchg">1000个</ins>以上' in block
    data = json.loads(render_json.dumps(render_json.comparison(result)))
    validator("comparison").validate(data)


CHINESE = st.text(alphabet=st.sampled_from(list("的发展推进全区完成增长亿元万亩建设项目企业。，；％%0123456789.新质生产力（）() \n")), max_size=120)


@settings(max_examples=150, deadline=None)
@given(CHINESE, CHINESE)
def test_op_sides_reproduce_both_texts(old, new):
    result = Differ().diff(old, new)
    assert result.old_text == old
    assert result.new_text == new


def test_language_shift_finds_new_and_dropped_terms():
    result = compare(seed("000"), seed("001"))
    dropped = {s.term: s.sentence for s in result.language.dropped}
    # 000's 争资工作成效显著 has no counterpart wording in 001; the formulation comes with its sentence
    assert "争资工作成效显著" in dropped[next(t for t in dropped if "争资" in t)]
    shifted = {s.term: (s.old, s.new) for s in result.language.shifted}
    old, new = shifted["政府"]  # a plan report speaks of 政府 rarely, a 政府工作报告 often
    assert new > 5 * old


def test_new_policy_terms_are_single_terms():
    old = Tokens.of("推动传统产业转型升级。推动传统产业转型升级。")
    new = Tokens.of("因地制宜发展新质生产力。加快培育新质生产力，谋划“十五五”规划。编制“十五五”规划。")
    shift = language_shift(old, new, 20, 40)
    added = {s.term for s in shift.added}
    assert {"新质生产力", "十五五"} <= added
    assert {s.term for s in shift.dropped} >= {"传统产业"}


class _Terminal:
    def isatty(self):
        return True


def test_colour_only_in_a_terminal_and_never_with_no_color(monkeypatch):
    from reportdiff.render.text import Style

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert Style.for_stream(_Terminal()).color
    monkeypatch.setenv("NO_COLOR", "1")
    assert not Style.for_stream(_Terminal()).color


def test_piped_text_report_uses_plain_markers(run_cli):
    code, out, _ = run_cli("2024", "2025", "--format", "text")
    assert code == 0 and "\x1b[" not in out
    assert "[-" in out and "{+" in out and "数字变化" in out and "承诺落实情况" in out


def test_the_documents_tokens_cut_a_sentence_as_the_segmenter_does():
    """A sentence of either report is cut by the report's own tokens (no segmenter), and every
    section pair's diff is the one the segmenter's cut of each sentence gives."""
    from reportdiff.align import align
    from reportdiff.diff import diff_alignment

    for a, b in (("000", "001"), ("002", "000"), ("003", "001")):
        old, new = seed(a), seed(b)
        tokens = Tokens.of(old.text), Tokens.of(new.text)
        aligned = align(old, new, *tokens)
        mine, fresh = diff_alignment(old, new, aligned, tokens=tokens), diff_alignment(old, new, aligned)
        assert [p.diff for p in mine.pairs] == [p.diff for p in fresh.pairs]
    differ = Differ(old, new, tokens=tokens)
    part = new.text[new.text.index("。") + 1 :].split("。")[0]  # a sentence cut off at both ends by 。
    assert differ._cut(part + "\n") == Differ()._cut(part + "\n")


def test_a_run_that_reads_its_reports_from_the_cache_never_loads_the_segmenter(tmp_path):
    import os
    import subprocess
    import sys

    script = "import sys; from reportdiff import cli; cli.main(sys.argv[1:]); print('rjieba' in sys.modules)"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    args = [sys.executable, "-c", script, str(seed_path("003")), str(seed_path("001")), "-o", str(tmp_path / "r.html"), "-q"]
    first, again = (subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout.split() for _ in range(2))
    assert (first, again) == (["True"], ["False"])
