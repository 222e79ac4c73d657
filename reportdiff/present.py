"""The presenter: how every face of a comparison words it (text, HTML, e-mail, the viewer).

Compute stages hand over codes and values (``missed``, ``plan_report``, a figure
and its unit); this module alone turns them into a reader's words, in Chinese by
default (``lang="en"`` for English): status names, labels, number changes (个百分点
for rates and shares), the two sides of a word diff, the order things are listed
in, and the brief every view opens with. Renderers lay out what it returns.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .commitments import ABOUT_LEVEL, ABOUT_RATE, is_ceiling
from .corpus import KIND_NAMES, reader_name
from .errors import shown, worded
from .numbers import named_for

if TYPE_CHECKING:
    from .align import Pair
    from .commitments import Commitment
    from .compare import Comparison
    from .diff import Op, SectionDiff
    from .document import Document
    from .numbers import NumberPair, Quantity, TargetRow
    from .structure import Section

LANGS = ("zh", "en")
_KIND_SHORT = {"plan_report": "计划报告"}
# A pair this far below perfect similarity is marked weak: the reader should check it.
WEAK = 0.15
# A pair whose changed characters are at most this share of its text reads as unchanged: folded.
NEAR_IDENTICAL = 0.03
# How many items of a kind the brief lists before it says how many more there are.
BRIEF_ITEMS = 8
# The outcome chart's full bar: 150% of the target (report.css puts the target's mark at 100/150 of a bar).
OUTCOME_SCALE = 1.5
# Commitments listed as a reader checks them: what failed first, what was done last.
COMMITMENT_ORDER = ("missed", "not_reported", "partial", "carried_over", "met")
# The full list by status: what the review reports first, the silent ones (the longest group) last.
GROUP_ORDER = ("missed", "partial", "met", "carried_over", "not_reported")
# Qualifiers a figure is quoted with, where it writes them (超2700亿元, 5000余户, 5%以内); the
# others (力争, 预计, 控制在) stand in the sentence.
_BEFORE_FIGURE = ("不少于", "不低于", "不超过", "不高于", "超过", "突破", "高于", "低于", "大约", "将近", "接近", "约", "近", "超", "逾")
_BEFORE_UNIT = ("余", "多")
_AFTER_FIGURE = ("以上", "及以上", "左右", "上下", "以下", "以内")

_ZH = {
    # commitment statuses (issue 19's words)
    "met": "已完成", "missed": "未完成", "partial": "部分完成", "not_reported": "未提及", "carried_over": "结转",
    # section statuses and relations
    "matched": "对应", "split": "拆分", "merged": "合并", "added": "新增", "removed": "删除",
    "same_topic": "逐节对照", "plan_to_review": "计划 → 回顾",
    # number kinds and measures
    "actual": "实际", "target": "目标", "growth": "增速", "increment": "比上年增加",
    # target changes
    "t_new": "新增", "t_dropped": "取消", "t_moved": "移出主要目标，{change}", "t_moved_in": "列入主要目标，{change}", "in_tasks": "（列入任务）{text}", "t_reworded": "表述调整", "t_same": "持平",
    "t_same_points": "持平（0个百分点）", "t_qualifier": "数值持平：{old} → {new}",
    # pair change kinds
    "c_wording": "措辞", "c_figures": "数字", "c_moved": "移动", "c_unchanged": "未改动", "c_near": "几乎未改",
    "weak": "弱对应",
    # headings and labels
    "tool": "reportdiff", "old": "旧报告", "new": "新报告", "brief": "要点",
    "targets": "主要预期目标", "target_chart": "增速目标对比", "outcomes": "上年目标完成情况",
    "commitments": "承诺落实情况", "failed": "未完成与未提及的承诺", "formulations": "新提法与不再出现的提法",
    "new_terms": "新提法", "dropped_terms": "不再出现的提法", "sections": "章节增删",
    "sections_added": "新增章节", "sections_removed": "删除章节", "sections_more": "另有 {n} 节（小节或无标题的段落），见逐节对照", "numbers": "数字变化", "language": "用语变化",
    "contents": "目录", "pairs": "逐节对照", "plan_review": "计划 → 回顾（上年计划与本年回顾）",
    "indicator": "指标", "kind": "类别", "change": "变化", "old_value": "旧", "new_value": "新",
    "promised": "承诺（旧报告）", "evidence": "新报告怎么说", "status": "状态", "section": "章节",
    "target_col": "目标", "outcome_col": "实际", "gap": "差距", "per_10k": "每万字出现次数", "most_shifted": "频次变化最大",
    "intensity": "力度变化", "sentence": "原句", "delivered": "发布", "reviews": "回顾", "plans": "计划",
    "file": "文件", "similarity": "相似度", "also": "另见", "moved_to": "→ 移至", "moved_from": "← 移自", "moved_edited": "（有改动）",
    "not_in_old": "—（旧报告无此节）", "not_in_new": "—（新报告无此节）", "by_hand": "手动配对",
    # a plan unit the review does not report on, a review paragraph on no unit of the plan
    "p_removed": "回顾未提及", "p_added": "计划未列", "p_not_in_old": "—（计划中无对应条目）", "p_not_in_new": "—（回顾中无对应段落）",
    "g_title": "提法变化 {span}", "g_intro": "每份报告：与上一份相比新出现的提法（★ 为本系列首次出现）、不再出现的提法，以及修饰词变了的固定提法。提法旁的折线是它在 {span} 各年每万字出现的次数。",
    "g_term": "提法", "g_count": "次数", "g_per_10k": "每万字", "g_core": "固定提法", "g_before": "原来", "g_now": "现在", "g_sentence_now": "现在的原句",
    "g_heading": "标题", "g_targets": "目标", "g_dropped": "不再出现", "g_more_json": "（全部见 --format json）",
    "more": "另有 {n} 项", "none": "无", "no_targets": "未找到主要预期目标", "no_old_targets": "旧报告（{kind}）没有可对照的年度目标，这里只列新报告的目标；单位：%", "no_numbers": "两份报告没有共同指标",
    "promised_again": "再次承诺：", "year_targets": "{year}年目标", "year": "{year}年",
    "sections_line": "章节：对应 {matched}，拆分 {split}，合并 {merged}，新增 {added}，删除 {removed}；措辞改动 {changed} 节，移动句子 {moved} 句",
    "chars_line": "删除 {deleted} 字，新增 {inserted} 字（年份顺延不计）",
    "numbers_line": "共同指标 {paired} 项，{changed_n} 项数字有变化",
    "commit_note": "旧报告{year}年计划对照新报告对{year}年的回顾",
    "commit_none_plan": "旧报告没有可核对的年度计划（它是{kind}）",
    "commit_mismatch": "旧报告计划的是{year}年，新报告回顾的是{reviewed}：无从核对",
    "legend": "删除的文字加删除线，新增的文字加下划线；改动的数字加框；年份顺延显示为灰色。",
    "attached": "完整的逐节对照见附件（{name}）。", "folded": "未改动或几乎未改动的 {n} 节已折叠",
    "what_changed": "改动", "weak_note": "相似度低，请核对", "chart_note": "浅色为{old}，深色为{new}；单位：%",
    "outcome_chart_note": "条长为实际值占目标的比例，竖线为目标（100%）；标“上限”的目标，条在竖线以内即未超上限",
    "outcome_rule": "判断：“左右”的目标，增速低于目标{rate}个百分点以内、总量低于目标{level}%以内算完成；标“上限”的目标以不超过为完成，“左右”的上限可超出同样的幅度；标“报告自述”的，以新报告自己的说法为准",
    "refs_note": "（方括号里的数字 [n] 是下文对照章节的编号）",
    "ceiling_mark": "（上限）", "like_for_like": "（同口径）", "admitted": "（报告自述）",
    "status_chart": "承诺状态分布", "wrote": "已写入 {path}", "sep": "，", "list_sep": "、",
    "named": "{label}（{when}{file}）", "named_when": "{date}，",
    "and": "；", "colon": "：", "table_note": "表格", "unit_pct": "%", "points": "个百分点", "rank_up": "上升{n}位", "rank_down": "下降{n}位",
    "repeated": "再次承诺", "open": "未见下文",
    # the command line: list, outline, track and what a run says on stderr
    "l_id": "编号", "l_region": "地区", "l_kind": "类别", "l_delivered": "发布日期", "l_reviews": "回顾", "l_plans": "计划", "l_title": "标题",
    "track_plan": "{year}年计划（{report}）", "track_review": "{year}年回顾（{report}）",
    "track_unfollowed": "未见下文的 {n} 项：后面的报告没有回顾，也没有再提（未逐条列出）",
    "track_gap": "{plan}：后面没有回顾{year}年的报告，其中的承诺只在后来的计划中跟踪",
    "promised_in": "{stage}中的承诺：{counts}", "tracking": "跟踪 {reports}", "reordered": "按发布先后排列这些报告",
    "comparing": "正在比较 {old} → {new}", "out_of_order": "注意：旧报告的发布晚于新报告，仍按给定顺序比较",
    "usage": "{message}（见 {help}）", "interrupted": "已中断", "signalled": "被信号 {n} 终止",
    "s_load": "读取", "s_tokens": "分词", "s_align": "对齐", "s_diff": "逐句比较", "s_terms": "提法", "s_numbers": "数字", "s_commitments": "承诺", "s_writing": "写入", "left": "还需约 {s:.0f} 秒",
    # the viewer
    "k_next_change": "下一处改动", "k_previous_change": "上一处", "k_cycle_filter": "筛选", "k_search": "搜索", "k_brief": "要点",
    "k_commitments": "承诺", "k_numbers": "数字", "k_terms": "提法", "k_export": "导出HTML", "k_help": "帮助", "k_quit": "退出",
    "f_all": "全部", "f_changed": "有改动", "f_numbers": "数字有变化", "filter": "筛选(f)",
    "loading": "正在比较…（加载词典、对齐章节）", "no_pass": "（没有符合筛选条件的章节）", "search_box": "在两份报告中搜索…",
    "found": "“{phrase}”：{n} 节（n / p 逐一查看）", "not_found": "两份报告都没有“{phrase}”", "close": "Esc 关闭 · Enter 跳到对应章节",
    # the batch index
    "b_title": "reportdiff 批量比较：{title}", "b_counts": "相邻年份的报告共 {pairs} 对，已比较 {ok} 对", "b_failed_n": "{n} 项失败（见下表）",
    "b_explain": "每格是该年的报告与同一系列中前一份报告的比较，点击可看逐节对照。增速目标：前一份 → 这一份报告的经济增长目标；新提法：这一份报告用而前一份未用的提法。",
    "b_p_reading": "读取报告", "b_p_indexing": "建立提法索引", "b_p_comparing": "比较", "b_p_failed": "，{n} 项失败",
    "b_series": "系列", "b_growth": "增速目标", "b_new": "新提法", "b_gap": "（相隔 {n} 年）", "b_pair_failed": "失败",
    "b_failed": "失败", "b_pair_or_report": "报告对或报告", "b_error": "错误", "b_left_out": "未配对的报告", "b_report": "报告", "b_why": "原因",
    "t_series": "{n} 份报告，{first}–{last} 年", "b_end": "。", "b_failed_line": "失败：{what}：{error}", "b_more": "……另有 {n} 项失败（见 {file}）",
    "b_done": "{pairs} 对报告：{ok} 对完成（本次比较 {ran} 对，沿用上次结果 {kept} 对），{failed} 项失败，用时 {s:.1f} 秒；见 {index}",
    "b_unplaced": "路径和正文都看不出地区和年份；请把年份写进文件名", "b_duplicate": "同一系列中这一年已有另一份报告", "b_alone": "这一系列只有这一份报告",
    "help": "reportdiff 按键\n\n  b            要点（打开时先看到）\n  n / p        下一处 / 上一处改动（搜索后：下一处 / 上一处命中）\n  j / k、↑ ↓   在章节列表中移动\n  Tab          切换焦点（章节列表 / 正文）\n  f            筛选：全部 → 有改动 → 数字有变化\n  /            在两份报告中搜索（命中处高亮）\n  c            承诺落实情况\n  t            数字变化\n  w            新提法与不再出现的提法\n  Enter        在列表中：跳到对应章节\n  e            导出 HTML 报告\n  ?            本帮助\n  q            退出",
}

_EN = {
    "met": "met", "missed": "missed", "partial": "partial", "not_reported": "not reported", "carried_over": "carried over",
    "matched": "matched", "split": "split", "merged": "merged", "added": "added", "removed": "removed",
    "same_topic": "Aligned sections", "plan_to_review": "Plan → review",
    "actual": "actual", "target": "target", "growth": "growth", "increment": "increase on the year before",
    "t_new": "new", "t_dropped": "dropped", "t_moved": "out of the main targets, {change}", "t_moved_in": "into the main targets, {change}", "in_tasks": "(among the tasks) {text}", "t_reworded": "reworded", "t_same": "unchanged",
    "t_same_points": "unchanged (0 pt)", "t_qualifier": "same figure: {old} → {new}",
    "c_wording": "wording", "c_figures": "figures", "c_moved": "moved", "c_unchanged": "unchanged", "c_near": "nearly unchanged",
    "weak": "weak pair",
    "tool": "reportdiff", "old": "Old", "new": "New", "brief": "Brief",
    "targets": "Main targets", "target_chart": "Growth targets compared", "outcomes": "Last year's targets: outcomes",
    "commitments": "Commitments", "failed": "Commitments missed and not reported", "formulations": "New and dropped formulations",
    "new_terms": "New formulations", "dropped_terms": "Dropped formulations", "sections": "Sections added and removed",
    "sections_added": "Sections added", "sections_removed": "Sections removed", "sections_more": "and {n} more (subsections or paragraphs without a heading): see the aligned sections", "numbers": "Number changes", "language": "Language shift",
    "contents": "Contents", "pairs": "Aligned sections", "plan_review": "Plan → review (last year's plan beside this year's review)",
    "indicator": "indicator", "kind": "kind", "change": "change", "old_value": "old", "new_value": "new",
    "promised": "promised (old report)", "evidence": "what the new report says", "status": "status", "section": "section",
    "target_col": "target", "outcome_col": "outcome", "gap": "gap", "per_10k": "occurrences per 10,000 characters", "most_shifted": "most shifted",
    "intensity": "intensity", "sentence": "sentence", "delivered": "delivered", "reviews": "reviews", "plans": "plans",
    "file": "file", "similarity": "similarity", "also": "also paired with", "moved_to": "→ moved", "moved_from": "← moved", "moved_edited": " (reworded)",
    "not_in_old": "— (not in the old report)", "not_in_new": "— (not in the new report)", "by_hand": "paired by hand",
    "p_removed": "not in the review", "p_added": "not in the plan", "p_not_in_old": "— (no unit of the plan)", "p_not_in_new": "— (no paragraph of the review)",
    "g_title": "Formulations {span}", "g_intro": "For each report: phrases new against the report before it (★ first time in the series), phrases dropped, and fixed formulations whose modifier changed. The line beside each phrase is its frequency per 10,000 characters over {span}.",
    "g_term": "formulation", "g_count": "count", "g_per_10k": "per 10k", "g_core": "core", "g_before": "before", "g_now": "now", "g_sentence_now": "sentence now",
    "g_heading": "heading", "g_targets": "targets", "g_dropped": "dropped", "g_more_json": " (all of them: --format json)",
    "more": "{n} more", "none": "none", "no_targets": "no list of main targets found", "no_old_targets": "the old report (a {kind}) sets no yearly targets to compare: the new report's targets only; in %", "no_numbers": "no indicator appears in both reports",
    "promised_again": "Promised again: ", "year_targets": "{year} target", "year": "{year}",
    "sections_line": "Sections: {matched} matched, {split} split, {merged} merged, {added} added, {removed} removed; {changed} changed in wording, {moved} sentences moved",
    "chars_line": "{deleted} characters deleted, {inserted} inserted (year roll-overs not counted)",
    "numbers_line": "{paired} indicators in both reports, {changed_n} changed",
    "commit_note": "the old report's plan for {year} against the new report's review of {year}",
    "commit_none_plan": "the old report has no one-year plan to check (it is a {kind})",
    "commit_mismatch": "the old report plans {year}, but the new one reviews {reviewed}: nothing to check its plan against",
    "legend": "Deleted text is struck through, inserted text underlined; changed figures are boxed; year roll-overs are grey.",
    "attached": "The full report, side by side, is attached ({name}).", "folded": "{n} unchanged or nearly unchanged sections folded",
    "what_changed": "changed", "weak_note": "low similarity: check this pairing", "chart_note": "light: {old}, dark: {new}; in %",
    "outcome_chart_note": "bar: the outcome as a share of the target; the line marks the target (100%); for a ceiling, a bar inside the line stayed under it",
    "outcome_rule": "how it is judged: a target of about (左右) is met within {rate} points of a growth rate or {level}% of a level below it; a target marked ceiling is met by staying at or under it, an about ceiling within the same margin above it; one marked as the report says is judged by the new report's own words",
    "refs_note": "(a number in brackets [n] is the pair of sections of that number below)",
    "ceiling_mark": " (ceiling)", "like_for_like": " (like for like)", "admitted": " (as the report says)",
    "status_chart": "Commitment statuses", "wrote": "wrote {path}", "sep": ", ", "list_sep": ", ",
    "named": "{label} ({when}{file})", "named_when": "{date}, ",
    "and": "; ", "colon": ": ", "table_note": "table", "unit_pct": "%", "points": " pt", "rank_up": "up {n}", "rank_down": "down {n}",
    "repeated": "repeated", "open": "open",
    "l_id": "id", "l_region": "region", "l_kind": "kind", "l_delivered": "delivered", "l_reviews": "reviews", "l_plans": "plans", "l_title": "title",
    "track_plan": "{year} plan ({report})", "track_review": "{year} review ({report})",
    "track_unfollowed": "{n} open: no later report reviews them or makes them again (not listed one by one)",
    "track_gap": "{plan}: no later report reviews {year}; its promises are only followed into later plans",
    "promised_in": "Promised in the {stage}: {counts}", "tracking": "tracking {reports}", "reordered": "taking the reports in the order they were delivered",
    "comparing": "comparing {old} → {new}", "out_of_order": "note: OLD was delivered after NEW; comparing them as given",
    "usage": "{message} (see '{help}')", "interrupted": "interrupted", "signalled": "stopped by signal {n}",
    "s_load": "reading", "s_tokens": "segmenting", "s_align": "aligning", "s_diff": "diffing", "s_terms": "formulations", "s_numbers": "numbers", "s_commitments": "commitments", "s_writing": "writing", "left": "{s:.0f} s left",
    "k_next_change": "Next change", "k_previous_change": "Prev", "k_cycle_filter": "Filter", "k_search": "Search", "k_brief": "Brief",
    "k_commitments": "Commitments", "k_numbers": "Numbers", "k_terms": "Terms", "k_export": "Export HTML", "k_help": "Help", "k_quit": "Quit",
    "f_all": "all", "f_changed": "changed", "f_numbers": "with number changes", "filter": "filter (f)",
    "loading": "Comparing… (loading the dictionary and aligning sections)", "no_pass": "(no section passes this filter)", "search_box": "search both reports…",
    "found": "'{phrase}': {n} sections (n / p to step through them)", "not_found": "'{phrase}' is in neither report", "close": "Esc to close · Enter jumps to the pair",
    "b_title": "reportdiff batch: {title}", "b_counts": "{pairs} pairs of consecutive reports: {ok} compared", "b_failed_n": "{n} failed (listed below)",
    "b_explain": "Each cell is the report of that year against the one before it in its series; follow the link for the side-by-side report. Growth target: the economic growth target of the older → the newer report; new: formulations the newer report uses and the older did not.",
    "b_p_reading": "reading", "b_p_indexing": "indexing", "b_p_comparing": "comparing", "b_p_failed": ", {n} failed",
    "b_series": "series", "b_growth": "growth target", "b_new": "new", "b_gap": "({n} years)", "b_pair_failed": "failed",
    "b_failed": "Failed", "b_pair_or_report": "pair or report", "b_error": "error", "b_left_out": "Reports in no pair", "b_report": "report", "b_why": "why",
    "t_series": "{n} reports, {first}–{last}", "b_end": ".", "b_failed_line": "failed: {what}: {error}", "b_more": "… and {n} more failures (see {file})",
    "b_done": "{pairs} pairs: {ok} done ({ran} compared in this run, {kept} kept from the last run), {failed} failed, {s:.1f} s; see {index}",
    "b_unplaced": "neither its path nor its text names its region and year; put the year in its file name", "b_duplicate": "the series already has another report for this year", "b_alone": "the only report of its series",
    "help": "reportdiff — keys\n\n  b            the brief (shown first)\n  n / p        next / previous changed section (after a search: next / previous hit)\n  j / k, ↑ ↓   move in the section list\n  Tab          switch focus (sections / text)\n  f            filter: all → changed only → with number changes\n  /            search both reports (hits highlighted)\n  c            commitments: did last year's plan happen?\n  t            number changes table\n  w            new and dropped formulations\n  Enter        in a list: jump to its pair\n  e            export the HTML report\n  ?            this help\n  q            quit",
}

_KIND_EN = {"work_report": "government work report", "plan_report": "plan report", "five_year_plan": "five-year plan", "other": "report"}


@dataclass(frozen=True)
class Run:
    """One stretch of one side of a word diff, as a renderer styles it."""

    kind: str  # = | - | +
    text: str
    css: str  # "" | del | ins | routine, with " numchg" for a changed figure
    moved: int | None = None  # the pair it moved to (old side) or from (new side)
    edits: tuple[Run, ...] = ()  # a moved sentence reworded on the way: both wordings, marked


@dataclass(frozen=True)
class DocName:
    label: str  # 山东省 2025年政府工作报告
    title: str  # the report's own title where the label does not already say it, else ""
    region: str
    kind: str
    delivered: str
    reviews: str
    plans: str
    file: str


@dataclass(frozen=True)
class Bar:
    """A bar of a chart: its share of the chart's scale (0–1) and the figure it stands for."""

    share: float
    label: str


@dataclass(frozen=True)
class TargetLine:
    indicator: str
    old: str
    new: str
    change: str
    points: bool  # a rate or share: its change is in 个百分点
    old_bar: Bar | None = None
    new_bar: Bar | None = None
    link: int | None = None  # the pair the new target stands in
    old_short: str = "—"  # the figure alone where there is one (6.5%), else the clause
    new_short: str = "—"


@dataclass(frozen=True)
class Outcome:
    indicator: str
    target: str
    outcome: str
    status: str  # code
    status_name: str
    bar: Bar | None
    plan_text: str
    evidence: str
    link: int | None
    gap: str = ""  # outcome minus target, in 个百分点 for rates: -1.8个百分点


@dataclass(frozen=True)
class Promise:
    status: str
    status_name: str
    plan_text: str
    section: str
    evidence: str  # what the new report says (or its promise again), "" when silent
    again: bool  # the evidence is the next plan promising it again
    link: int | None  # the pair of the promise in the old report
    evidence_link: int | None  # the pair of the evidence in the new report
    # The task of the plan it serves ((三)着力扩大国内需求): the plan's second level, where
    # the innermost section (a run-in unit, an 一是 item) is too small to group by.
    task: str = ""
    figure: str = ""  # the evidence's figure as written (4.4%): a quotation cut short must keep it


@dataclass(frozen=True)
class PromiseGroup:
    """The promises of one status, by the task of the plan they serve, in plan order."""

    status: str
    status_name: str
    tasks: list[tuple[str, list[Promise]]]

    @property
    def count(self) -> int:
        return sum(len(promises) for _, promises in self.tasks)


@dataclass(frozen=True)
class Formulation:
    term: str
    sentence: str
    per_10k: float
    link: int | None


@dataclass(frozen=True)
class SectionRef:
    heading: str
    link: int


@dataclass(frozen=True)
class NumberLine:
    indicator: str
    kind: str
    old: str
    new: str
    old_text: str
    new_text: str
    change: str
    arrow: str
    link: int | None = None  # the pair the new figure stands in


@dataclass
class Brief:
    """What a reader wants first, every item linked to its pair where it has one."""

    old: DocName
    new: DocName
    counts: list[str]
    targets: list[TargetLine]
    outcomes: list[Outcome]
    status_counts: list[tuple[str, str, int, float]]  # code, name, count, share of all
    failed: list[Promise]
    failed_more: int
    new_terms: list[Formulation]
    dropped_terms: list[Formulation]
    added: list[SectionRef]
    removed: list[SectionRef]
    # the added and removed sections not listed (subsections, paragraphs without a heading):
    # with them the lists add up to the counts of the sections line
    added_more: int
    removed_more: int
    commitments_note: str
    applicable: bool


@dataclass
class PairView:
    index: int
    level: int
    status: str
    status_name: str
    relation: str
    similarity: float
    forced: bool
    old_heading: str
    new_heading: str
    changes: list[str]  # names of what changed: 措辞, 数字, 移动
    folded: bool  # unchanged or nearly: shown closed
    weak: bool
    pair: Pair = field(repr=False)  # the pair this view words
    also: list[tuple[int, str]] = field(default_factory=list)


class _Locator:
    """Which pair a sentence of either report stands in: the deepest section that holds it."""

    def __init__(self, result: Comparison):
        sides: dict[str, list[tuple[int, int, str]]] = {"old": [], "new": []}
        for index, pair in enumerate(result.pairs):
            # Plan-to-review pairs come after the topic pairs, so a topic pair wins a tie.
            for side, text in (("old", pair.diff.old_text), ("new", pair.diff.new_text)):
                if (pair.old if side == "old" else pair.new):
                    sides[side].append((pair.level, index, _squash(text)))
        # Each side's bodies in the order they are preferred, one string: the first place a
        # sentence stands in it is in the body to link. One C search a sentence, where trying
        # body after body grew with the square of the reports' length.
        self.sides: dict[str, tuple[str, list[int], list[int]]] = {}
        for side, entries in sides.items():
            entries.sort(key=lambda e: (-e[0], len(e[2]), e[1]))
            starts, pos = [], 0
            for _, _, body in entries:
                starts.append(pos)
                pos += len(body) + 1
            self.sides[side] = ("\0".join(body for _, _, body in entries), starts, [index for _, index, _ in entries])

    def find(self, side: str, text: str | None) -> int | None:
        needle = _squash(text or "")[:40]
        if len(needle) < 4 or "\0" in needle:
            return None
        bodies, starts, indexes = self.sides[side]
        at = bodies.find(needle)
        return None if at < 0 else indexes[bisect.bisect_right(starts, at) - 1]


def _headed(sections: list[Section]) -> bool:
    """Sections a reader would list as added or removed: with headings of their own, not
    paragraphs known by their first words (提出上述预期目标) or an address (各位代表！…)."""
    return all(s.headed for s in sections)


def _squash(text: str) -> str:
    return "".join(text.split())


def figure(q: Quantity) -> str:
    """A figure as a reader quotes it: sign of a decline, range, qualifier (-2.7%, 4.5—5%, 5%左右)."""
    value = f"{q.signed:g}" if q.high is None else f"{q.signed:g}—{q.signed_high:g}"
    before = q.qualifier if q.qualifier in _BEFORE_FIGURE else ""
    inside = q.qualifier if q.qualifier in _BEFORE_UNIT else ""
    after = q.qualifier if q.qualifier in _AFTER_FIGURE else ""
    return f"{before}{value}{inside}{q.unit}{after}"


class Presenter:
    """The words of one language; every renderer asks it, none words things itself."""

    def __init__(self, lang: str = "zh"):
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r} (one of {', '.join(LANGS)})")
        self.lang = lang
        self.words = _ZH if lang == "zh" else _EN

    def __call__(self, key: str, **values: object) -> str:
        return self.words[key].format(**values) if values else self.words[key]

    def error(self, message: str) -> str:
        """A pipeline's one-line message (raised in English) in this language."""
        return worded(message, self.lang)

    # names ---------------------------------------------------------------
    def status(self, code: str) -> str:
        return self.words.get(code, code.replace("_", " "))

    def kind(self, code: str, short: bool = False) -> str:
        """A kind's name; `short` where a column is narrow (计划报告, as readers shorten it)."""
        if self.lang != "zh":
            return _KIND_EN.get(code, code)
        return (_KIND_SHORT.get(code) if short else None) or KIND_NAMES.get(code, code)

    def years(self, years: tuple[int, ...]) -> str:
        if not years:
            return "—"
        if len(years) > 2 and list(years) == list(range(years[0], years[-1] + 1)):
            return f"{years[0]}–{years[-1]}"
        return self("list_sep").join(map(str, years))

    def doc(self, doc: Document) -> DocName:
        m = doc.meta
        label = f"{m.region} {reader_name(m)}".strip()
        # The title only where it says more than the name: 政府工作报告 under 全国 2024年政府工作报告 is a repeat.
        title = m.title if m.title and m.title not in label else ""
        return DocName(label, title, m.region, self.kind(m.kind), m.delivered, self.years(m.reviews), self.years(m.plans), Path(doc.source.path).name)

    def outcome_rule(self) -> str:
        """How an outcome is judged against its target, in the judge's own figures."""
        return self("outcome_rule", rate=f"{ABOUT_RATE:g}", level=f"{ABOUT_LEVEL * 100:g}")

    def full(self, d: DocName) -> str:
        """A name with its date and file: 山东省 2025年政府工作报告（2025-03-05，001_….txt）."""
        return self("named", label=d.label, file=shown(d.file), when=self("named_when", date=d.delivered) if d.delivered else "")

    def describe(self, doc: Document) -> str:
        """One line naming a report and what it covers, for the text report and the viewer."""
        d = self.doc(doc)
        return f"{self.full(d)}{self('sep')}{self('reviews')} {d.reviews}{self('sep')}{self('plans')} {d.plans}"

    # figures -------------------------------------------------------------
    figure = staticmethod(figure)

    def target_years(self, result: Comparison) -> tuple[str, str]:
        """The heads of the two target columns: 2025年目标, 2026年目标 (else 旧报告, 新报告)."""
        old, new = result.old.meta.plans, result.new.meta.plans
        return (
            self("year_targets", year=old[0]) if old and len(old) == 1 else self("old"),
            self("year_targets", year=new[0]) if new and len(new) == 1 else self("new"),
        )

    def change(self, p: NumberPair) -> str:
        """New minus old: points for rates and shares (-1个百分点), a range when either figure is one."""
        unit = self("points") if p.new.family in {"%", "个百分点"} else "" if p.points and p.new.family == ":1" else p.new.unit
        if p.change_range is not None:
            low, high = p.change_range
            return f"{low:+g}{unit}" if low == high else f"{low:+g}～{high:+g}{unit}"
        if p.change == 0:
            old, new = p.old.qualifier, p.new.qualifier
            if old != new:  # 1200万人左右 → 1200万人以上: the same figure, a firmer promise
                both = bool(old and new)  # 左右 → 以上; else the figures: 5% → 5%左右
                return self("t_qualifier", old=old if both else self.figure(p.old), new=new if both else self.figure(p.new))
            return self("t_same_points") if unit == self("points") else self("t_same")
        if p.measure == "rank" and p.change is not None:  # 第6位 → 第5位: up one place, as a reader says it
            return self("rank_up" if p.change < 0 else "rank_down", n=f"{abs(p.change):g}")
        change = f"{p.change:+g}{unit}"
        return change + (f" ({p.change_pct:+g}%)" if p.change_pct is not None else "")

    def indicator(self, p: NumberPair) -> str:
        """The indicator and what of it the figures measure where that is not its level:
        财政赤字 1.62万亿元 and 财政赤字 比上年增加 2700亿元 are two rows, and must read as two."""
        return p.indicator + (f" {self(p.measure)}" if p.measure in ("growth", "increment") else "")

    def target_change(self, t: TargetRow) -> str:
        """How a main target moved: in points or units when both are figures, else new / dropped / reworded."""
        if t.pair:
            return self.change(t.pair)
        if t.moved is not None:
            return self("t_moved_in" if t.moved_in else "t_moved", change=self.change(t.moved))
        if t.old is None or t.new is None:
            return self("t_new") if t.old is None else self("t_dropped")
        return self("t_same") if _squash(t.old) == _squash(t.new) else self("t_reworded")

    def numbers(self, result: Comparison) -> list[NumberLine]:
        where = _Locator(result)
        return [
            NumberLine(
                self.indicator(p), self.status(p.kind), self.figure(p.old), self.figure(p.new), p.old.text, p.new.text, self.change(p), p.direction,
                where.find("new", p.new.text) if p.new.source == "text" else None,
            )
            for p in result.numbers.pairs
        ]

    # the diff --------------------------------------------------------------
    def runs(self, diff: SectionDiff, side: str, plain: bool = False) -> list[Run]:
        """One side of a word diff: the old side drops insertions, the new side deletions.
        `plain` shows the text unmarked (a plan beside a review is not an edit)."""
        if plain:
            return [Run("=", diff.old_text if side == "old" else diff.new_text, "")]
        return [_run(op, side) for op in diff.ops if op.op != ("+" if side == "old" else "-")]

    def heading(self, sections: list[Section], side: str, relation: str = "same_topic") -> str:
        absent = ("p_" if relation == "plan_to_review" else "") + ("not_in_old" if side == "old" else "not_in_new")
        return " + ".join(s.heading for s in sections) or self(absent)

    def pair_status(self, pair: Pair) -> str:
        """A pair's status in its relation's words: a plan unit without a review paragraph is
        not reported on (回顾未提及), not a section removed from the report."""
        if pair.relation == "plan_to_review" and pair.status in ("added", "removed"):
            return self("p_" + pair.status)
        return self.status(pair.status)

    def pair(self, index: int, pair: Pair) -> PairView:
        diff = pair.diff
        changes = []
        if any(o.op != "=" and not o.routine and not o.number and o.moved is None for o in diff.ops):
            changes.append(self("c_wording"))
        if any(o.number for o in diff.ops) or any(e.number for o in diff.ops for e in o.edits or ()):
            changes.append(self("c_figures"))
        if any(o.moved is not None for o in diff.ops):
            changes.append(self("c_moved"))
        both = bool(pair.old and pair.new)
        size = max(1, len(diff.old_text) + len(diff.new_text))
        near = both and (diff.count("-") + diff.count("+")) / size <= NEAR_IDENTICAL
        if both and not diff.changed:
            changes = [self("c_unchanged")]
        elif near and pair.relation == "same_topic":
            changes = [self("c_near"), *changes]
        return PairView(
            pair=pair,
            index=index,
            level=min(pair.level, 3),
            status=pair.status,
            status_name=self.pair_status(pair),
            relation=pair.relation,
            similarity=pair.similarity,
            forced=pair.forced,
            old_heading=self.heading(pair.old, "old", pair.relation),
            new_heading=self.heading(pair.new, "new", pair.relation),
            changes=changes,
            folded=both and pair.relation == "same_topic" and (not diff.changed or near),
            weak=both and not pair.forced and pair.relation == "same_topic" and pair.similarity < WEAK,
        )

    def pairs(self, result: Comparison) -> list[PairView]:
        views = [self.pair(i, p) for i, p in enumerate(result.pairs)]
        others = also_paired(result)
        for view in views:
            view.also = [(i, views[i].new_heading if views[i].pair.new else views[i].old_heading) for i in others[view.index]]
        return views

    # commitments -----------------------------------------------------------
    def commitments_note(self, result: Comparison) -> str:
        c, old, new = result.commitments, result.old.meta, result.new.meta
        if c.applicable:
            return self("commit_note", year=c.year)
        if c.year is None:
            return self("commit_none_plan", kind=self.kind(old.kind))
        return self("commit_mismatch", year=c.year, reviewed=self.years(new.reviews))

    def status_counts(self, result: Comparison) -> list[tuple[str, str, int, float]]:
        counts = result.commitments.counts()
        total = max(1, sum(counts.values()))
        return [(s, self.status(s), counts.get(s, 0), counts.get(s, 0) / total) for s in COMMITMENT_ORDER if counts.get(s)]

    def counts_line(self, status_counts: list[tuple[str, str, int, float]]) -> str:
        """The statuses and their counts on one line (未完成 5，未提及 198，…)."""
        return self("sep").join(f"{name} {n}" for _, name, n, _ in status_counts)

    def promise(self, c: Commitment, where: _Locator) -> Promise:
        evidence = (c.outcome_text or c.carried_text or "").strip()
        path = c.section.path if c.section else ()
        figure = f"{c.outcome.value:g}" if c.outcome is not None else ""  # its digits, as most reports write them
        return Promise(
            c.status, self.status(c.status), c.plan_text, c.plan_section, evidence, not c.outcome_text and bool(c.carried_text),
            where.find("old", c.plan_text), where.find("new", evidence), path[1] if len(path) > 1 else c.plan_section, figure if figure in evidence else "",
        )

    def promise_groups(self, result: Comparison) -> list[PromiseGroup]:
        """The promises by status (GROUP_ORDER) and, within a status, by task."""
        where = _Locator(result)
        by_status: dict[str, dict[str, list[Promise]]] = {s: {} for s in GROUP_ORDER}
        # By where they stand in the plan (a stable sort: within a section, figures first, as judged).
        for c in sorted(result.commitments.items, key=lambda c: c.section.start if c.section else 0):
            promise = self.promise(c, where)
            by_status[c.status].setdefault(promise.task, []).append(promise)
        return [PromiseGroup(s, self.status(s), list(tasks.items())) for s, tasks in by_status.items() if tasks]

    # the brief -------------------------------------------------------------
    def brief(self, result: Comparison, terms: int | None = BRIEF_ITEMS) -> Brief:
        """The brief; `terms` caps the formulations listed (None: all of them)."""
        where = _Locator(result)
        stats = result.stats()
        s = stats["sections"]
        counts = [
            self("sections_line", changed=stats["sections_changed"], moved=stats["sentences_moved"], **s),
            self("chars_line", deleted=stats["chars_deleted"], inserted=stats["chars_inserted"]),
            self("numbers_line", paired=stats["numbers_paired"], changed_n=stats["numbers_changed"]),
        ]
        c = result.commitments
        failed = [self.promise(i, where) for i in c.items if i.status in ("missed", "not_reported")]
        failed.sort(key=lambda p: COMMITMENT_ORDER.index(p.status))
        lang = result.language
        same = [(i, p) for i, p in enumerate(result.pairs) if p.relation == "same_topic"]
        added = [SectionRef(self.heading(p.new, "new"), i) for i, p in same if not p.old and p.level <= 2 and _headed(p.new)]
        removed = [SectionRef(self.heading(p.old, "old"), i) for i, p in same if not p.new and p.level <= 2 and _headed(p.old)]
        return Brief(
            old=self.doc(result.old),
            new=self.doc(result.new),
            counts=counts,
            targets=self.targets(result, where),
            outcomes=self.outcomes(result, where),
            status_counts=self.status_counts(result) if c.applicable else [],
            failed=failed[:BRIEF_ITEMS],
            failed_more=max(0, len(failed) - BRIEF_ITEMS),
            new_terms=[Formulation(t.term, t.sentence, t.new, where.find("new", t.sentence)) for t in lang.added[:terms]],
            dropped_terms=[Formulation(t.term, t.sentence, t.old, where.find("old", t.sentence)) for t in lang.dropped[:terms]],
            added=added,
            removed=removed,
            added_more=sum(1 for _, p in same if not p.old) - len(added),
            removed_more=sum(1 for _, p in same if not p.new) - len(removed),
            commitments_note=self.commitments_note(result),
            applicable=c.applicable,
        )

    def targets(self, result: Comparison, where: _Locator) -> list[TargetLine]:
        """Both years' main targets side by side; rates get bars on one scale."""
        rows = result.numbers.targets
        rates = [q for t in rows for q in (t.old_quantity, t.new_quantity) if q is not None and q.family == "%"]
        scale = max((abs(_top(q)) for q in rates), default=0.0)

        def bar(q: Quantity | None) -> Bar | None:
            if q is None or q.family != "%" or scale <= 0:
                return None
            return Bar(max(0.0, _top(q)) / scale, self.figure(q))

        # A report with no list of targets (a five-year plan beside a yearly one) adds or drops none.
        both = any(t.old for t in rows) and any(t.new for t in rows)
        # A clause that sets several targets (城镇、农村居民人均可支配收入分别增长5%、6.5%左右) is a row
        # for each: each row shows its own indicator and figure, not the clause again.
        shared = {text for side in ("old", "new") for text, n in Counter(getattr(t, side) for t in rows if getattr(t, side)).items() if n > 1}
        lines = []
        for t in rows:
            points = t.pair is not None and t.pair.points
            new_q = t.new_quantity
            link = where.find("new", new_q.text if new_q else t.new) or where.find("old", t.old_quantity.text if t.old_quantity else t.old)
            old_short = self.figure(t.old_quantity) if t.old_quantity else _oneline(t.old) or "—"
            new_short = self.figure(new_q) if new_q else _oneline(t.new) or "—"
            old_text, new_text = (
                f"{t.indicator} {short}" if text in shared and q is not None else _oneline(text) or "—"
                for text, q, short in ((t.old, t.old_quantity, old_short), (t.new, new_q, new_short))
            )
            old_q = t.old_quantity
            if t.moved is not None and t.moved_in:  # set among last year's tasks: the old side quotes it there
                old_q = t.moved.old
                old_short, old_text = self("in_tasks", text=self.figure(old_q)), self("in_tasks", text=_oneline(old_q.text))
            elif t.moved is not None:  # set again among the tasks: the new side quotes it there
                new_q = t.moved.new
                new_short, new_text = self("in_tasks", text=self.figure(new_q)), self("in_tasks", text=_oneline(new_q.text))
            lines.append(TargetLine(t.indicator, old_text, new_text, self.target_change(t) if both else "", points, bar(old_q), bar(new_q), link, old_short, new_short))
        return lines

    def outcomes(self, result: Comparison, where: _Locator) -> list[Outcome]:
        """Last year's main targets against what the new report says came of them."""
        out = []
        for name, i in outcome_rows(result):
            target = i.target
            assert target is not None
            bar = None
            share = outcome_share(i)
            if share is not None:
                bar = Bar(min(share, OUTCOME_SCALE) / OUTCOME_SCALE, f"{share:.0%}")
            outcome = self.figure(i.outcome) if i.outcome is not None else "—"
            if i.outcome is not None and i.outcome.label.startswith("同口径"):
                outcome += self("like_for_like")  # not the headline figure beside it (增长1.7%): quoted, it must say so
            evidence = (i.outcome_text or "").strip()
            points = outcome_points(i)
            gap = "" if points is None else f"{points:+g}{self('points')}"
            # A limit's bar reads the other way (far below the line is well within it): the target says so.
            shown_target = self.figure(target) + (self("ceiling_mark") if is_ceiling(target) else "")
            # The report's own word that a target was not reached stands above the rule printed under
            # the table (社会消费品零售总额 4.7% against 5%左右): the status says whose verdict it is.
            status = self.status(i.status) + (self("admitted") if i.reason == "admitted_short" else "")
            out.append(Outcome(name, shown_target, outcome, i.status, status, bar, i.plan_text, evidence, where.find("new", evidence), gap))
        return out

    # language --------------------------------------------------------------
    def terms_line(self, shifts, which: str, limit: int = 12) -> str:
        if which == "shifted":
            return self("list_sep").join(f"{t.term} {t.old:g}→{t.new:g}" for t in shifts[:limit]) or self("none")
        return self("list_sep").join(f"{t.term}({getattr(t, which):g})" for t in shifts[:limit]) or self("none")


def outcome_rows(result: Comparison) -> list[tuple[str, Commitment]]:
    """Last year's main targets, each under the name the targets table gives it, with the
    commitment that judges it: the rows of 上年目标完成情况, worst first."""
    c = result.commitments
    if not c.applicable:
        return []
    # 国内生产总值 in a national report. Where the new report measures a target otherwise (16.8万元/人左右 →
    # 增速高于地区生产总值增速), the row's name is the new wording: last year's target is then named by its own.
    region = result.old.meta.region if result.old.meta.region == result.new.meta.region else ""
    headline = {t.old_quantity.indicator: t.indicator if t.pair else named_for(t.old_quantity.indicator, region) for t in result.numbers.targets if t.old_quantity is not None}
    chosen = [i for i in c.items if i.kind == "quantitative" and i.target is not None and i.target.indicator in headline]
    return [(headline[i.target.indicator], i) for i in sorted(chosen, key=lambda i: COMMITMENT_ORDER.index(i.status)) if i.target is not None]


def outcome_share(i: Commitment) -> float | None:
    """The outcome as a share of its target, in one unit (1万亿元 against 9000亿元以上 is 1.11)."""
    if i.outcome is None or i.target is None or not i.target.base:
        return None
    return i.outcome.base / i.target.base


def outcome_points(i: Commitment) -> float | None:
    """Outcome minus target in percentage points, where both are rates in one unit (-1.8)."""
    if i.outcome is None or i.target is None or i.target.family != "%" or i.outcome.unit != i.target.unit:
        return None
    return round(i.outcome.value - i.target.value, 2)


def _run(op: Op, side: str) -> Run:
    text = op.old_text if side == "old" and op.old_text is not None else op.text
    if op.op == "=":
        return Run("=", text, "")
    css = "routine" if op.routine else ("del" if op.op == "-" else "ins") + (" numchg" if op.number else "")
    edits = tuple(_run(e, "old" if e.op == "-" else "new") for e in op.edits or ())
    return Run(op.op, text, css, op.moved, edits)


def _top(q: Quantity) -> float:
    """The upper end of a figure (5 of 4.5—5%), signed."""
    return q.signed if q.signed_high is None else q.signed_high


def _oneline(text: str | None) -> str:
    return (text or "").replace("\n", "")


def also_paired(result: Comparison) -> list[list[int]]:
    """For each pair, the other pairs of its relation that one of its sections also stands in."""
    seen: dict[tuple[str, Section], list[int]] = {}
    for index, pair in enumerate(result.pairs):
        for section in pair.old + pair.new:
            seen.setdefault((pair.relation, section), []).append(index)
    return [sorted({i for s in pair.old + pair.new for i in seen[pair.relation, s] if i != index}) for index, pair in enumerate(result.pairs)]
