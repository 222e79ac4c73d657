"""The ledger of formulations: facts readers check, a property, intensity shifts, the CLI."""
from __future__ import annotations

import json
import os
import re
import stat

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reportdiff import terms, tokens
from reportdiff.tokens import cut
from tests.conftest import NO_CORPUS, SEEDS, SHARED_CORPUS, seed, seed_path

NATIONAL = SHARED_CORPUS / "national"
needs_corpus = pytest.mark.skipif(not NATIONAL.is_dir(), reason=NO_CORPUS)


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    """The national series' ledger, built once into a fresh cache folder."""
    if not NATIONAL.is_dir():
        pytest.skip(NO_CORPUS)
    folder = tmp_path_factory.mktemp("xdg") / "reportdiff"  # what user_cache_dir() gives with XDG_CACHE_HOME at its parent
    folder.mkdir(mode=0o700)
    paths = sorted(str(p) for p in NATIONAL.glob("*.txt"))
    return terms.ledger(terms.series(paths, folder=folder), 50, folder), folder, paths


def _entry(ledger, year):
    (entry,) = [e for e in ledger.reports if e.year == year]
    return entry


@needs_corpus
@pytest.mark.parametrize("year, phrase", [(2015, "新常态"), (2018, "高质量发展"), (2024, "新质生产力")])
def test_readme_facts(national, year, phrase):
    """The corpus README: 新常态 first appears in 2015, 高质量发展 in 2018, 新质生产力 in 2024."""
    ledger = national[0]
    new = _entry(ledger, year).new
    hits = [f for f in new if phrase in f.term]
    assert hits, f"{phrase} not among {year}'s top 50 new: {[f.term for f in new]}"
    assert hits[0].first
    history = ledger.terms[hits[0].term]
    assert history.first_seen == year


@needs_corpus
def test_series_is_the_national_reports_in_delivery_order(national):
    ledger = national[0]
    years = [e.year for e in ledger.reports]
    assert len(years) == 55 and years == sorted(years) and years[0] == 1954 and years[-1] == 2024


@needs_corpus
def test_a_second_run_builds_nothing_again(national, monkeypatch):
    """The issue's cache: a rerun over the same reports reads the ledger back instead of
    building it (its time is measured in bench/, not here); other code builds it again."""
    ledger, folder, paths = national

    def no_build(*args, **kwargs):
        raise AssertionError("the ledger was built again")

    monkeypatch.setattr(terms, "build", no_build)
    again = terms.ledger(terms.series(paths, folder=folder), 50, folder)
    assert [f.term for f in again.reports[-1].new] == [f.term for f in ledger.reports[-1].new]
    monkeypatch.setattr(terms, "code_fingerprint", lambda: "another version")
    with pytest.raises(AssertionError, match="built again"):
        terms.ledger(terms.series(paths, folder=folder), 50, folder)


@needs_corpus
def test_no_function_words_or_generic_words(national):
    """Phrases, not function words: nothing listed is one character or, unless the report
    quotes it so (“垮台了”), opens or closes with a particle."""
    for entry in national[0].reports[1:]:
        for f in entry.new + entry.dropped:
            words = cut(f.term)
            assert len(f.term) >= 2
            assert f.quoted or words[0] not in "的了和与及或等" and words[-1] not in "的了和与及或等", f.term


@needs_corpus
def test_no_piece_of_a_longer_phrase(national):
    """Fragments are no formulations: nothing listed that its report says more than once is,
    at every one of those places, part of the same longer phrase (决胜全面 of 决胜全面建成…)."""
    ledger = national[0]
    texts = {m.report.year: m.report.text for m in terms.series(national[2], folder=national[1])}
    pieces = []
    for entry in ledger.reports[1:]:
        text = texts[entry.year]
        for f in entry.new:
            places = [m.start() for m in re.finditer(re.escape(f.term), text)]
            if len(places) < 2 or f.quoted:
                continue
            before = {text[p - 1] for p in places}
            after = {text[p + len(f.term) : p + len(f.term) + 1] for p in places}
            if any(len(side) == 1 and re.fullmatch(r"[\u4e00-\u9fff]", next(iter(side)) or "") for side in (before, after)):
                pieces.append((entry.year, f.term))
    assert not pieces


@needs_corpus
@pytest.mark.parametrize("year, kind, term", [
    (1956, "new", "去年"),  # a time word
    (1960, "dropped", "他们"),  # a pronoun, said 71 times
    (1958, "new", "应当"),  # an auxiliary verb, said 48 times
    (2022, "new", "继续做好"),  # verbs whose object follows (继续做好常态化疫情防控, 继续做好“六稳”)
    (2022, "new", "推进碳达峰碳中"),  # a cut inside 碳中和
    (2023, "new", "下面简述几项重点"),  # a sentence announcing what follows
    (1958, "new", "一九五八"),  # a year written out
    (2024, "dropped", "稳岗扩"),  # a verb cut from its object (稳岗扩就业, 稳岗扩岗)
])
def test_words_that_name_nothing_are_no_formulations(national, year, kind, term):
    """Pronouns, time words, verbs without their object, pieces cut inside a word and written-out
    years are listed nowhere (a trial found each among the national series' lists)."""
    entry = _entry(national[0], year)
    assert term not in [f.term for f in getattr(entry, kind)]


@needs_corpus
def test_a_new_phrase_heading_a_task_outranks_a_slogan_quoted_once(national):
    """（一）…，加快发展新质生产力 heads the 2024 report's first task: it is among the top 15,
    above “事事心中有底”, quoted once in a closing paragraph."""
    new = [f.term for f in _entry(national[0], 2024).new]
    assert "新质生产力" in new[:15]
    assert "事事心中有底" not in new or new.index("新质生产力") < new.index("事事心中有底")


@needs_corpus
def test_the_ledgers_page_is_small_enough_to_mail(national):
    """The whole series on one page: each year's top formulations with their lines, under 1 MB
    (every candidate made 5.5 MB); one year shows its whole list."""
    from reportdiff.render import terms as render_terms

    page = render_terms.html(national[0])
    assert len(page.encode("utf-8")) < 1_000_000
    assert page.count("<svg") >= 15 * (len(national[0].reports) - 1)
    one = render_terms.html(national[0], [2024])
    assert one.count("<svg") == len(_entry(national[0], 2024).new) + len(_entry(national[0], 2024).dropped)


def test_a_sparkline_steps_over_flat_years():
    from reportdiff.render.terms import sparkline

    line = sparkline([0, 0, 0, 1, 2, 2, 0, 0])
    assert 'd="M0 17h2l1 -8l1 -8h1l1 16h1"' in line and 'viewBox="0 0 7 18"' in line


def test_bare_figures_are_no_formulations():
    """Quoted figures (“12345” a hotline, “1+10”, “26条”) are not new formulations; a quoted
    name with a plus (“人工智能+”) is."""
    before = terms.from_text("推进改革开放。", 2023)
    after = terms.from_text("开通“12345”热线，出台“1+10”方案和“26条”措施，开展“人工智能+”行动。", 2024)
    found = terms.candidates(after, before, terms.grams(before.text))
    assert "人工智能+" in found
    assert not {"12345", "1+10", "26条"} & set(found)


def test_the_unit_of_a_figure_is_no_part_of_a_phrase():
    """5个工作日, 2024年国民经济: the unit after a figure does not open a formulation."""
    before = terms.from_text("推进改革开放。", 2023)
    after = terms.from_text("审批时限压缩至5个工作日以内，2024年国民经济稳定增长。", 2024)
    found = terms.candidates(after, before, terms.grams(before.text))
    assert not [t for t in found if t[0] in "个年"]
    assert any(t.startswith("工作日") for t in found) and any(t.startswith("国民经济") for t in found)


def test_the_edges_of_a_clause_are_no_part_of_a_phrase():
    """A verb's complement (践行好|大农业观), a localizer framing a clause (在区间调控基础|上), a
    verb with a lone character (加强|党) and a clause with 把 inside (踏踏实实|把|企业) do not make a
    formulation; a localizer of a word jieba split (线上线下) stays in it."""
    before = terms.from_text("推进改革开放。", 2023)
    after = terms.from_text(
        "必须践行好大农业观。在区间调控基础上，实施定向调控。我们要加强党。加强党的领导。促进线上线下融合。踏踏实实把企业办好。", 2024
    )
    found = terms.candidates(after, before, terms.grams(before.text))
    assert "大农业观" in found and not [t for t in found if t.startswith("好")]
    assert "区间调控基础" in found and not [t for t in found if t.endswith("基础上")]
    assert "加强党" not in found and "党的领导" in found
    assert any("线上线下" in t for t in found)
    assert not [t for t in found if "把" in t]
    # jieba's 好大 (a word its dictionary lacks) is cut after the complement: 大农业观 is a phrase of whole words.
    assert "".join(after.words_in(after.text.index("大农业观"), after.text.index("大农业观") + 4)) == "大农业观"


def test_an_adverb_ends_no_phrase():
    """An adverb modifies the verb after it: 经济运行持续|向好 and 基础设施更加|完善 go on as clauses,
    and no formulation stops at 持续 or 更加 (what is left, 经济运行, 基础设施, is old)."""
    before = terms.from_text("经济运行总体平稳，基础设施明显改善。", 2023)
    after = terms.from_text("经济运行持续向好，基础设施更加完善。", 2024)
    found = terms.candidates(after, before, terms.grams(before.text))
    assert found and not [t for t in found if t.endswith(("持续", "更加"))]


def test_a_piece_the_series_only_uses_inside_a_longer_phrase_is_listed_as_that_phrase(monkeypatch):
    """不可任性 is always 有权不可任性 in the series: when finding gives the piece, the phrase is listed;
    a piece whose whole the report before has already is not news."""
    texts = ["推进改革开放，坚持依法行政。", "大道至简，有权不可任性。坚持依法行政。", "有权不可任性，用权必受监督。推进改革开放。"]
    reports = [terms.from_text(t, 2022 + i) for i, t in enumerate(texts)]
    series = terms.Series(reports)
    monkeypatch.setattr(terms, "candidates", lambda report, *args: {"不可任性": report.text.find("不可任性")})
    assert series.grown("不可任性") == "有权不可任性"
    assert [f.term for f in series.ranked(1, 0, 50)] == ["有权不可任性"]
    assert [f.term for f in series.ranked(2, 1, 50)] == []


@pytest.mark.parametrize(
    "text, term, shape",
    [
        ("经济发展进入新常态，正处在爬坡过坎的关口。", "新常态", 1.0),  # 新 opens a name
        ("推动大众创业、万众创新，打造双引擎。", "万众创新", 1.0),  # the verb closing it is its head
        ("加大对区县支持力度。", "县支持力度", -1.0),  # its edge cuts through the word 区县
    ],
)
def test_how_a_phrase_reads(text, term, shape):
    at = text.find(term)
    assert terms._shape_score(terms.from_text(text, 2024), term, at) == shape


@pytest.mark.parametrize(
    "text, term, cuts",
    [
        ("巩固蓝天保卫战成果，今年二氧化硫排放量下降。", "保卫战成果", 1),  # 蓝天 before it: a longer name
        ("大力推进现代化产业体系建设，加快发展新质生产力。", "新质生产力", 0),  # the verb before it takes it
        ("必须践行好大农业观、大食物观。", "大农业观", 0),  # so does the verb's complement 好
    ],
)
def test_where_a_phrase_stops_inside_a_longer_one(text, term, cuts):
    report = terms.from_text(text, 2024)
    at = text.find(term)
    assert terms._cuts(report, at, at + len(term), terms.Grammar()) == cuts


def test_a_prefix_before_a_phrase_binds_it_though_the_series_finds_it_governing():
    """非 is followed by many different words over the series, as a verb is, but it is a prefix
    (jieba: h): 化石能源 after it is a piece of 非化石能源."""
    text = "提高非化石能源消费比重。"
    report = terms.from_text(text, 2024)
    at = text.find("化石能源")
    usage = terms.Grammar(governors=frozenset({"非"}), settled=frozenset({"非"}))
    assert usage.governs("非")
    assert terms._cuts(report, at, at + 4, usage) == 1
    assert terms._cuts(report, at - 1, at + 4, usage) == 0


def test_a_phrase_opening_with_a_suffix_is_cut_from_the_word_before_it():
    """性 ends 积极性, 必要性, 撬动性 and opens none of the series' words: 性强的工作 after 撬动 is a
    piece of 撬动性强的工作; the same phrase after a function word (的) or a pause is not cut."""
    words = ["积极性", "必要性", "可行性", "主动性", "创造性", "稳定性", "系统性", "整体性", "协同性", "针对性",
             "有效性", "安全性", "竞争性", "公益性", "普惠性", "包容性", "韧性", "多样性", "连续性", "前瞻性",
             "重要性", "紧迫性", "规范性"]
    texts = ["、".join(words[k:] + words[:k]) + "。" for k in range(3)]
    usage = terms.grammar([terms.from_text(t, 2020 + i) for i, t in enumerate(texts)])
    assert "性" in usage.suffixes and "积" not in usage.suffixes
    text = "用好牵引性、撬动性强的工作抓手。"
    report = terms.from_text(text, 2024)
    at = text.find("性强的工作")
    assert terms._cuts(report, at, at + 5, usage) == 1
    assert terms._cuts(report, at, at + 5, terms.Grammar()) == 0


def test_old_wording_shortened_is_counted():
    """地方债务 after years of 地方政府债务: the earlier reports wrote it with a word more inside."""
    texts = ["防范地方政府债务风险。", "化解地方政府债务，推进改革。", "化解地方债务风险，推进改革。"]
    series = terms.Series([terms.from_text(t, 2022 + i) for i, t in enumerate(texts)])
    report = series.reports[2]
    at = report.text.find("地方债务")
    assert series._gaps(2, "地方债务", report.words_in(at, at + 4)) == 2
    assert series._gaps(2, "推进改革", ["推进", "改革"]) == 0


# ------------------------------------------------------------ the property

# Rare characters, so that every n-gram of the phrase is new; none that the dictionary knows as a word
# that governs what follows (龇, a verb: 龇鼹鼎机制 reads as 龇 + 鼹鼎机制, not as one new name).
_RARE = st.characters(min_codepoint=0x9F00, max_codepoint=0x9FA5).filter(lambda c: terms.word_tags().get(c) not in {"v", "d", "ad", "p", "c"})


# A formulation: a new name (distinct rare characters, so that every n-gram of it is new)
# ending in the noun that says what it is (…机制, …体系), as formulations do; a bare run of
# rare characters has no part of speech the finder can trust at its edges.
_PHRASE = st.builds(str.__add__, st.lists(_RARE, min_size=2, max_size=6, unique=True).map("".join), st.sampled_from(["机制", "体系", "工程", "行动", "经济"]))


@given(phrase=_PHRASE, where=st.floats(0.1, 0.9))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_inserted_phrase_is_new_then_dropped(phrase, where):
    """A phrase inserted into one year's text is reported new that year and dropped the year after."""
    texts = [seed(p).text for p in ("002", "000", "001")]
    middle = texts[1]
    cut_at = middle.find("。", int(len(middle) * where)) + 1
    texts[1] = middle[:cut_at] + phrase + "。" + middle[cut_at:]
    reports = [terms.from_text(t, 2023 + i) for i, t in enumerate(texts)]
    ledger = terms.build(reports, top=100000)
    assert phrase in [f.term for f in ledger.reports[1].new]
    assert phrase in [f.term for f in ledger.reports[2].dropped]
    assert phrase not in [f.term for f in ledger.reports[2].new]
    assert ledger.terms[phrase].first_seen == ledger.terms[phrase].last_seen == 2024


# ------------------------------------------------------------ intensity shifts


@pytest.mark.parametrize(
    "old, new, core, before, after",
    [
        ("实施稳健的货币政策，保持流动性合理充裕。", "实施适度宽松的货币政策，保持流动性充裕。", "货币政策", "稳健", "适度宽松"),
        ("继续实施积极的财政政策。", "实施更加积极的财政政策。", "财政政策", "积极", "更加积极"),
        ("稳步推进新型城镇化建设。", "加快推进新型城镇化建设。", "新型城镇化建设", "稳步推进", "加快推进"),
        ("力争粮食产量稳定在1.3万亿斤以上。", "确保粮食产量稳定在1.3万亿斤以上。", "粮食产量稳定在", "力争", "确保"),
    ],
)
def test_intensity_shift(old, new, core, before, after):
    shifts = terms.intensity(terms.from_text(old, 2024), terms.from_text(new, 2025))
    assert [(s.core, s.old, s.new) for s in shifts] == [(core, [before], [after])]
    assert shifts[0].new_sentence == new and shifts[0].old_sentence == old


def test_same_modifier_is_no_shift():
    text = "实施积极的财政政策和稳健的货币政策。"
    assert terms.intensity(terms.from_text(text, 2024), terms.from_text(text, 2025)) == []


# ------------------------------------------------------------ the command


@needs_corpus
def test_cli_json(national, run_cli, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(national[1].parent))
    code, out, err = run_cli("terms", "2015", "2024", "--corpus", str(NATIONAL), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [r["year"] for r in data["reports"]] == [2015, 2024]
    for report in data["reports"]:
        assert report["path"].endswith(f"{report['year']}_gwr.txt")
        assert len(report["new"]) == 50 and report["dropped"]
        for item in report["new"] + report["dropped"]:
            assert {"term", "count", "per_10k", "sentence"} <= item.keys()
            assert item["term"] in item["sentence"] or item["sentence"] == ""
    history = data["terms"]["新质生产力"]
    assert history["first_seen"] == 2024 and history["last_seen"] == 2024 and history["counts"]["2024"] >= 1


@needs_corpus
def test_cli_html_has_a_sparkline_per_formulation(national, run_cli, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(national[1].parent))
    out = tmp_path / "terms.html"
    code, _, err = run_cli("terms", "2024", "--corpus", str(NATIONAL), "-o", str(out))
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert html.count("<svg") >= 50 and "新质生产力" in html


@needs_corpus
def test_cli_unknown_year(national, run_cli, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(national[1].parent))
    code, _, err = run_cli("terms", "1961", "--corpus", str(NATIONAL))
    assert code == 1 and "1961" in err and "Traceback" not in err


@pytest.mark.parametrize("top", [3, 8])
def test_text_lists_as_many_as_top(run_cli, monkeypatch, tmp_path, top):
    """`terms --top N` is what the text output lists too, not a fixed 20."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    code, out, err = run_cli("terms", "--corpus", str(SEEDS), "--top", str(top))
    assert code == 0, err
    lines = [line.split("：", 1)[1].strip() for line in out.splitlines() if line.strip().startswith(("新提法：", "不再出现："))]
    assert lines and all(len(line.split("、")) <= top for line in lines)
    assert any(len(line.split("、")) == top for line in lines)


def test_ledger_outputs_follow_the_umask_and_the_cache_is_private(run_cli, monkeypatch, tmp_path):
    """The ledger written with -o follows the umask as every output does; what is cached
    is for the user alone."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    out = tmp_path / "ledger.json"
    old = os.umask(0o027)
    try:
        code, _, err = run_cli("terms", "--corpus", str(SEEDS), "-o", str(out))
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    cached = [p for p in (tmp_path / "xdg" / "reportdiff" / "terms").rglob("*") if p.is_file()]
    assert cached and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in cached)


def test_the_pair_report_ranks_with_the_series_when_the_folder_has_one():
    """Two national reports of the corpus: the pair's formulations are ranked in their series
    (the folder's other reports), each with the sentence it stands in; 新常态 is new in 2015."""
    if not NATIONAL.is_dir():
        pytest.skip(NO_CORPUS)
    from reportdiff.document import read
    from reportdiff.tokens import Tokens

    old, new = read(str(NATIONAL / "2014_gwr.txt")), read(str(NATIONAL / "2015_gwr.txt"))
    found = terms._folder_series(old.source.path, new.source.path)
    assert found is not None
    context, i, j = found
    assert len(context.reports) > 2 and (context.reports[i].year, context.reports[j].year) == (2014, 2015)
    shift = terms.language_shift(old, new, Tokens.of(old.text), Tokens.of(new.text))
    (entry,) = [s for s in shift.added if s.term == "新常态"]
    assert "新常态" in entry.sentence and entry.sentence in new.text


def test_a_title_block_is_no_formulation(tmp_path):
    """The same report with and without its title, date and speaker lines above 各位代表 (as two
    sources publish it): neither has a formulation the other lacks."""
    from reportdiff.document import read
    from reportdiff.tokens import Tokens

    text = seed_path("001").read_text(encoding="utf-8")
    bare = tmp_path / "bare.txt"
    bare.write_text(text[text.index("各位代表") :], encoding="utf-8")
    old, new = read(str(bare)), read(str(seed_path("001")))
    assert old.meta.title != new.meta.title  # the title block is gone from one
    shift = terms.language_shift(old, new, Tokens.of(old.text), Tokens.of(new.text))
    assert (shift.added, shift.dropped) == ([], [])


def test_a_pair_of_different_kinds_is_ranked_on_its_own():
    """The seed plan report and work report are no series: the pair ranks them alone."""
    old, new = seed("000"), seed("001")
    assert old.meta.kind != new.meta.kind
    assert terms._folder_series(str(seed_path("000")), str(seed_path("001"))) is None


def test_part_of_speech_lookups_are_jiebas_dictionary(monkeypatch, tmp_path):
    """The tags read from the cached SQLite copy are the dictionary file's, in a fresh cache
    folder, in a forked process, and with no cache folder at all."""
    import importlib.util
    from pathlib import Path

    source = Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"
    lines = source.read_text(encoding="utf-8").splitlines()
    sample = {w: t for w, _, t in (line.split(" ") for line in lines[::997])}
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    tokens.word_tags.cache_clear()
    try:
        tags = tokens.word_tags()
        assert list((tmp_path / "reportdiff").glob("jieba-tags-*.sqlite"))
        assert {w: tags.get(w) for w in sample} == sample
        assert "不是一个词语吧" not in tags and tags.get("不是一个词语吧", "x") == "x"
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child asks for words the parent never asked for
            os.write(write, json.dumps([tokens.word_tags().get(w) for w, _, _ in (line.split(" ") for line in lines[5::991])]).encode())
            os._exit(0)
        os.close(write)
        with os.fdopen(read) as handle:
            child = json.loads(handle.read())
        os.waitpid(pid, 0)
        assert child == [t for _, _, t in (line.split(" ") for line in lines[5::991])]
        tokens.word_tags.cache_clear()
        monkeypatch.setattr(tokens, "user_cache_dir", lambda: None)
        assert {w: tokens.word_tags().get(w) for w in sample} == sample
    finally:
        tokens.word_tags.cache_clear()


@given(st.text(alphabet="改革开放发展改", min_size=0, max_size=60), st.text(alphabet="改革开放发展", min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_occurrences_are_where_find_finds_them(text, term):
    """The pair index finds what str.find finds, one after another and overlapping, and so
    does a report without it."""
    made = terms.from_text(text, 2024)
    every = [k for k in range(len(text)) if text.startswith(term, k)]
    one_after_another, pos = [], text.find(term)
    while pos >= 0:
        one_after_another.append(pos)
        pos = text.find(term, pos + len(term))
    for report in (terms.Report(made.path, made.year, made.text, made.cuts, made.marked), made.indexed()):
        for _ in range(2):  # and the same when asked again (an indexed report keeps its answers)
            assert report.occurrences(term, overlapping=True) == tuple(every)
            assert report.occurrences(term) == tuple(one_after_another)


@given(st.text(alphabet="改革开放，发展A1", max_size=30), st.text(alphabet="改革开放，发展A1", max_size=30))
@settings(max_examples=300, deadline=None)
def test_a_stretch_is_absent_when_the_other_text_lacks_it(text, other):
    report, before = terms.from_text(text, 2025), terms.from_text(other, 2024)
    absent = terms._Absent(report, before, terms.grams(other))
    for a in range(len(text)):
        for b in range(a + 1, len(text) + 1):
            assert absent(a, b) == (text[a:b] not in other), (a, b)


@given(st.text(alphabet="改革开放，发展A1", max_size=30), st.text(alphabet="改革开放，发展A1", max_size=30))
@example(text="改，革开放发展", other="革开，开放，放发，发展")  # a one-character segment first: a negative bound
@settings(max_examples=200, deadline=None)
def test_novel_stretches_hold_only_text_the_other_lacks(text, other):
    """Every stretch found new lies inside one segment and holds an n-gram the other text lacks."""
    report, before = terms.from_text(text, 2025), terms.from_text(other, 2024)
    absent = terms._Absent(report, before, terms.grams(other))
    for lo, hi, base, stop in terms._novel_spans(report, absent):
        assert base <= lo < hi <= stop and (base, stop) in report.segments
        assert any(text[k : k + n] not in other for n in (2, 3) for k in range(lo, hi - n + 1))



def test_the_ledger_speaks_the_interface_language(run_cli, monkeypatch, tmp_path):
    """Text and HTML in Chinese by default, in English with --lang en."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    code, out, err = run_cli("terms", "--corpus", str(SEEDS))
    assert code == 0, err
    assert "新提法：" in out and "new:" not in out
    page = tmp_path / "ledger.html"
    code, _, err = run_cli("terms", "--corpus", str(SEEDS), "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert code == 0 and '<html lang="zh">' in html and "提法变化" in html and "<th>formulation</th>" not in html
    code, out, _ = run_cli("terms", "--corpus", str(SEEDS), "--lang", "en")
    assert code == 0 and "New formulations:" in out


@pytest.mark.parametrize("text, term, listed", [
    ("推动质量变革、效率变革、动力变革，提高全要素生产率", "效率变革", True),
    ("推动质量变革、效率变革、动力变革，提高全要素生产率", "动力变革", True),
    ("不断提升人民群众的获得感、幸福感、安全感。", "幸福感", True),
    ("坚持质量第一、效益优先", "效益优先", False),  # two items, and of two shapes
    ("加强水利、能源、交通建设", "能源", False),  # items of different endings
])
def test_an_item_of_a_list_of_its_own_shape(text, term, listed):
    """A list of three or more whose items share a shape (…变革、…变革、…变革) is coined as a set."""
    at = text.index(term)
    assert (terms._parallel(text, at, at + len(term)) >= 0) is listed


@pytest.mark.parametrize("old, new, core", [
    ("加快推进集中连片特殊困难地区区域发展与扶贫攻坚。", "深入推进集中连片特困地区扶贫开发。", "集中连片"),
    ("今年要实行稳健的财政政策和从紧的货币政策。", "实施积极的财政政策和适度宽松的货币政策。财政政策要加力增效。", "财政政策"),
])
def test_an_intensity_core_is_whole_words(old, new, core):
    """The core two modifiers stand before ends where a word ends in both reports, not inside
    特困 or 特殊, and not on the 和 that joins it to the next item."""
    shifts = terms.intensity(terms.from_text(old, 2024), terms.from_text(new, 2025))
    assert [s.core for s in shifts] == [core]


def test_the_and_of_a_word_stays_in_an_intensity_core():
    """和 ends 碳中和: a core 碳达峰碳中和 is not cut to 碳达峰碳中 as 财政政策和 is to 财政政策."""
    shifts = terms.intensity(terms.from_text("有序推进碳达峰碳中和工作。", 2024), terms.from_text("稳妥推进碳达峰碳中和。", 2025))
    assert [s.core for s in shifts] == ["碳达峰碳中和"]


@pytest.mark.parametrize("words, pointing", [
    (["下面", "简述", "几项", "重点"], True),  # frames the clause its verb opens
    (["去年", "农业"], True),  # a time word of the series' everyday vocabulary
    (["西部", "大", "开发"], False),  # a region, named
    (["中部", "地区", "崛起"], False),
    (["自我", "革命"], False),  # a pronoun the series does not use everywhere: part of the name
])
def test_words_that_point_rather_than_name(words, pointing):
    usage = terms.Grammar(common=frozenset({"去年", "他们"}))
    assert terms._deictic(words, usage) is pointing


def test_the_object_of_a_verb_is_no_piece_of_a_longer_phrase():
    """稳字当头 always follows 坚持 in the series: the verb takes it, it is a phrase of its own; a piece
    that always follows the same noun (特色社会主义 after 中国) or conjunction (十九届二中 after 十九大和)
    stays a piece of what it stands in."""
    texts = [
        "要坚持稳字当头、稳中求进。贯彻十九大和十九届二中、三中全会精神。",
        "要坚持稳字当头，推动中国特色社会主义发展。贯彻十九大和十九届二中全会精神。",
        "推动中国特色社会主义进步。",
    ]
    series = terms.Series([terms.from_text(t, 2022 + i) for i, t in enumerate(texts)])
    assert not series.fragment("稳字当头")
    assert series.fragment("特色社会主义")
    assert series.fragment("十九届二中")


def test_the_series_vocabulary_read_from_the_cache_is_the_one_learnt(tmp_path):
    """A pair report takes the series' grammar from the cache when it has seen the series: what it
    reads back must rank as what was learnt (every field of the grammar kept, suffixes among them)."""
    words = "积极性、必要性、可行性、主动性、创造性、稳定性、系统性、整体性、协同性、针对性、有效性、安全性、竞争性、公益性、普惠性、包容性、韧性、多样性、连续性、前瞻性、重要性、紧迫性、规范性"
    reports = [terms.from_text(f"{words}。坚持{i}年发展。", 2020 + i) for i in range(3)]
    key = tuple(r.text for r in reports)
    learnt = terms._vocabulary(reports, key, tmp_path)
    cached = terms._vocabulary(reports, key, tmp_path)
    assert "性" in learnt[1].suffixes
    assert cached == learnt
