"""The exceptions the CLI turns into a one-line message, and how names appear in it."""
from __future__ import annotations

import functools
import re
from pathlib import Path


class ReportdiffError(Exception):
    """A problem with the user's input or environment, explained in one line.

    Raised anywhere in the pipeline; the CLI prints ``reportdiff: <message>``
    on stderr and exits with `exit_code`. Anything else escaping is a bug.
    """

    exit_code = 1


class UsageError(ReportdiffError):
    """The command line itself is wrong (a bad flag, clashing outputs): exit 2, as is customary."""

    exit_code = 2


class ReaderGone(ReportdiffError):
    """Standard output's reader went away (`| head`): the user has what they wanted, so the
    CLI says nothing and exits as a process stopped by SIGPIPE would (141), like other tools."""

    exit_code = 128 + 13


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SHOWN_LENGTH = 80


def shown(name: str | Path) -> str:
    """A user-given name fit for a one-line message: control characters escaped
    (so a name cannot move the cursor or end the line), and a long one shortened."""
    text = _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(name))
    if len(text) > SHOWN_LENGTH:
        text = text[: SHOWN_LENGTH // 2 - 1] + "…" + text[-(SHOWN_LENGTH // 2):]
    return text


# How each message of the pipeline reads in Chinese. The stages raise in English (the
# library's words, what str(error) gives); the command line words the line it prints in
# the interface language. Each entry: the English message's shape, its Chinese wording.
_N = r"(?P<name>.+?)"
_ZH_MESSAGES = [
    (rf"{_N}: no such file", "{name}：文件不存在"),
    (rf"{_N}: cannot read \((?P<reason>.+)\)", "{name}：无法读取（{reason}）"),
    (rf"{_N} is a directory, not a report file", "{name} 是文件夹，不是报告文件"),
    (rf"{_N} is (?P<kind>a FIFO \(named pipe\)|a character device|a block device|a socket|[^,]+), not a report file", "{name} 是{kind}，不是报告文件"),
    (rf"{_N}: unsupported file type '(?P<suffix>.*)' \(use \.txt, \.md, \.html, \.docx or \.pdf\)", "{name}：不支持的文件类型“{suffix}”（请用 .txt、.md、.html、.docx 或 .pdf）"),
    (rf"{_N}: file is too large \((?P<size>[^;]+); the limit is (?P<limit>.+)\)", "{name}：文件太大（{size}，上限 {limit}）"),
    (rf"{_N}: file is too large \(over (?P<limit>.+)\)", "{name}：文件太大（超过 {limit}）"),
    (rf"{_N}: file is empty", "{name}：文件是空的"),
    (rf"{_N}: the report is too long \((?P<n>[\d,]+) characters; the limit is (?P<limit>[\d,]+)\)", "{name}：报告太长（{n} 字，上限 {limit} 字）"),
    (rf"{_N}: contains no Chinese text; is this a report\?", "{name}：没有中文文字，这是报告吗？"),
    (rf"{_N}: not valid UTF-8 at byte (?P<at>\d+) \(the file ends in the middle of a character: truncated\?\)", "{name}：第 {at} 字节处不是有效的 UTF-8（文件在一个字符中间结束：不完整？）"),
    (rf"{_N}: not valid UTF-8 at byte (?P<at>\d+)", "{name}：第 {at} 字节处不是有效的 UTF-8"),
    (rf"{_N}: looks like a binary file, not text \(save the report as \.txt, \.md or \.html\)", "{name}：看来是二进制文件，不是文本（请把报告另存为 .txt、.md 或 .html）"),
    (rf"{_N}: damaged (?P<enc>\S+) text \(the file may be truncated or corrupt\)", "{name}：{enc} 文本已损坏（文件可能不完整或已损坏）"),
    (rf"{_N}: not a readable \.docx \(not a Word file, or cut short\); re-save it from Word or export it as \.txt", "{name}：无法读取的 .docx（不是 Word 文件，或文件不完整），请用 Word 重新保存，或导出为 .txt"),
    (rf"{_N}: the \.docx unpacks to (?P<size>.+) of XML \(the limit is (?P<limit>.+)\)", "{name}：这个 .docx 解压后有 {size} 的 XML（上限 {limit}）"),
    (rf"{_N}: damaged \.docx \(its contents cannot be read\); re-save it from Word or export it as \.txt", "{name}：.docx 已损坏（内容无法读取），请用 Word 重新保存，或导出为 .txt"),
    (rf"{_N}: the PDF is encrypted; open it with its password and save an unprotected copy", "{name}：PDF 已加密，请用密码打开后另存一份不加密的副本"),
    (rf"{_N}: the PDF has (?P<n>[\d,]+) pages \(the limit is (?P<limit>[\d,]+)\)", "{name}：PDF 有 {n} 页（上限 {limit} 页）"),
    (rf"{_N}: damaged PDF \(its contents cannot be read\); download it again or export it as \.txt", "{name}：PDF 已损坏（内容无法读取），请重新下载，或导出为 .txt"),
    (rf"{_N}: the PDF has no text layer \(a scan\?\); run OCR on it first, e\.g\. ocrmypdf -l chi_sim", "{name}：PDF 没有文字层（扫描件？），请先做文字识别，例如 ocrmypdf -l chi_sim"),
    (rf"{_N}: no headings found \(一、 （一） 第X章 …\); is this a government report\?", "{name}：没有找到标题（一、（一）、第X章…），这是政府报告吗？"),
    (r"corpus (?P<name>.+) is a file, not a folder of reports", "语料 {name} 是文件，不是存放报告的文件夹"),
    (r"corpus folder (?P<name>.+) does not exist", "语料文件夹 {name} 不存在"),
    (r"corpus (?P<name>.+) is not a folder of reports", "语料 {name} 不是存放报告的文件夹"),
    (r"no reports found (?:in|under) (?P<name>.+) \(expected (?P<kinds>.+) files\)", "{name} 中没有找到报告（应为 {kinds} 文件）"),
    (r"no readable reports in the corpus \((?P<n>\d+) files could not be read\)", "语料中没有可读的报告（{n} 个文件无法读取）"),
    (r"'(?P<spec>.*)' is not a file, a year or a report id; see 'reportdiff list'", "“{spec}”不是文件、年份或报告编号；见 reportdiff list"),
    (r"'(?P<spec>.*)' matches several reports \((?P<ids>.+)\); give more of the id", "“{spec}”对应多份报告（{ids}），请把编号写完整些"),
    (r"no report(?: for region (?P<region>.+?))?(?: of kind (?P<kind>\S+))? reviews (?P<year>\d+); the corpus has reviews of (?P<years>.+) \(see 'reportdiff list'\)",
     "没有回顾{year}年的报告{where}；语料中有回顾这些年份的报告：{years}（见 reportdiff list）"),
    (r"no report(?: for region (?P<region>.+?))?(?: of kind (?P<kind>\S+))? reviews (?P<year>\d+): a year names the year a report reviews, and the report delivered in (?P<delivered>\d+) reviews (?P<reviewed>\d+), so name it \d+ \(see 'reportdiff list'\)",
     "没有回顾{year}年的报告{where}：年份指报告回顾的年份，{delivered}年发布的报告回顾的是{reviewed}年，请写 {reviewed}（见 reportdiff list）"),
    (r"(?P<year>\d+) matches several reports: (?P<listing>.+); pick one with --region, --kind, a path or an id", "{year} 对应多份报告：{listing}；请用 --region、--kind、路径或编号选定一份"),
    (r"no report delivered in (?P<years>.+) in this series", "这一系列中没有 {years} 年发布的报告"),
    (r"no readable reports with a delivery year(?: for region (?P<region>.+?))?(?: of kind (?P<kind>\S+))?", "没有可读且知道发布年份的报告{where}"),
    (r"the corpus holds several series \((?P<listing>.+)\); pick one with --region or --kind", "语料中有多个系列（{listing}），请用 --region 或 --kind 选一个"),
    (r"no section of the (?P<which>\w+) report starts with '(?P<prefix>.*)' \(see 'reportdiff outline'\)", "{which}报告中没有以“{prefix}”开头的章节（见 reportdiff outline）"),
    (r"--unpair: no section of either report starts with '(?P<prefix>.*)'", "--unpair：两份报告都没有以“{prefix}”开头的章节"),
    (r"--pair expects OLD_HEADING=NEW_HEADING, got '(?P<value>.*)'", "--pair 的写法是 旧标题=新标题，收到的是“{value}”"),
    (r"--unpair needs a heading \(or the start of one\)", "--unpair 需要一个标题（或标题的开头）"),
    (r"(?P<option>\S+) must be one line: (?P<value>.*)", "{option} 只能是一行：{value}"),
    (r"cannot tell the format of '(?P<name>.*)' \(use \.html, \.json or \.txt, or --format\)", "无法从“{name}”看出输出格式（请用 .html、.json 或 .txt 扩展名，或 --format）"),
    (r"OLD and NEW are the same report \((?P<name>.+)\); name two reports", "新旧两份是同一份报告（{name}），请给出两份报告"),
    (r"track needs at least two reports, oldest first \(e\.g\. (?P<example>.+)\)", "track 至少需要两份报告，从早到晚排列（例如 {example}）"),
    (r"--jobs must be at least 1", "--jobs 至少为 1"),
    (r"--dask needs dask\.distributed: (?P<how>.+)", "--dask 需要 dask.distributed：{how}"),
    (r"cannot reach the Dask scheduler at (?P<name>.+?): (?P<reason>.+)", "无法连接 Dask 调度器 {name}：{reason}"),
    (r"-o (?P<name>.+) is a file; batch writes a folder of pages", "-o {name} 是文件；batch 写出的是一个文件夹"),
    (r"-o (?P<name>.+) is the corpus folder; give the pages a folder of their own", "-o {name} 就是语料文件夹，请另给一个文件夹"),
    (r"cannot create (?P<name>.+?): (?P<reason>.+)", "无法创建 {name}：{reason}"),
    (r"(?P<option>\S+): a file name with a line break is not accepted: (?P<name>.*)", "{option}：文件名不能含有换行：{name}"),
    (r"(?P<first>\S+) and (?P<second>\S+) both name (?P<name>.+); give each output its own file", "{first} 和 {second} 指向同一个文件 {name}，请为每个输出各给一个文件"),
    (r"standard output is closed; use -o FILE", "标准输出已关闭，请用 -o 文件名"),
    (r"refusing to write (?P<option>\S+) (?P<name>.+): it is the input report (?P<source>.+)", "拒绝写入 {option} {name}：它就是输入的报告 {source}"),
    (r"refusing to write (?P<name>.+): it is the input report (?P<source>.+)", "拒绝写入 {name}：它就是输入的报告 {source}"),
    (r"(?P<option>\S+) (?P<name>.+) is a folder; give a file name in it", "{option} {name} 是文件夹，请给出其中的一个文件名"),
    (r"cannot write (?P<name>.+?): folder (?P<folder>.+) does not exist", "无法写入 {name}：文件夹 {folder} 不存在"),
    (r"cannot write to standard output: (?P<reason>.+)", "无法写入标准输出：{reason}"),
    (r"cannot write (?P<name>.+?): (?P<reason>[^:]+)", "无法写入 {name}：{reason}"),
    (r"cannot find a free file name next to (?P<name>.+)", "在 {name} 旁找不到可用的文件名"),
    (r"internal error \((?P<what>.+)\); please report it", "内部错误（{what}），请报告这个问题"),
    # click's words for a mistake on the command line
    (r"No such option:? '?(?P<option>[^'\s]+?)'?\.?(?: Did you mean .+)?", "没有这个选项：{option}"),
    (r"No such command '(?P<name>.+)'\.?", "没有这个命令：{name}"),
    (r"Got unexpected extra arguments? \((?P<name>.+)\)", "多余的参数：{name}"),
    (r"Missing argument '(?P<name>.+)'\.?", "缺少参数 {name}"),
    (r"Missing option '(?P<name>.+)'\.?", "缺少选项 {name}"),
    (r"Option '(?P<name>.+)' requires an argument\.?", "选项 {name} 需要一个值"),
    (r"Option '(?P<name>.+)' does not take a value\.?", "选项 {name} 不带值"),
    (r"Invalid value for '(?P<name>.+)': '(?P<value>.*)' is not one of (?P<choices>.+?)\.?", "{name} 的值“{value}”无效，可选：{choices}"),
    (r"Invalid value for '(?P<name>.+)': (?P<reason>.+)", "{name} 的值无效：{reason}"),
]


@functools.cache
def _zh_patterns() -> list[tuple[re.Pattern[str], str]]:
    # Compiled when a message is first worded, not at import: most runs word none.
    return [(re.compile(pattern, re.DOTALL), words) for pattern, words in _ZH_MESSAGES]


# The operating system's reasons, as a Chinese reader is told them.
_ZH_REASONS = {
    "Permission denied": "没有权限", "No space left on device": "磁盘已满", "Read-only file system": "只读文件系统",
    "No such file or directory": "文件或文件夹不存在", "Is a directory": "是文件夹", "Not a directory": "不是文件夹",
    "File name too long": "文件名太长", "Operation not permitted": "不允许的操作", "Too many levels of symbolic links": "符号链接层数太多", "Broken pipe": "管道断开",
    "a FIFO (named pipe)": "命名管道（FIFO）", "a character device": "字符设备", "a block device": "块设备", "a socket": "套接字",
    "old": "旧", "new": "新",
}


def worded(message: str, lang: str = "zh") -> str:
    """The one-line message in the interface language: as raised in English, else its Chinese
    wording (a message of unknown shape stays as it was raised)."""
    if lang != "zh":
        return message
    for pattern, words in _zh_patterns():
        found = pattern.fullmatch(message)
        if found:
            values = {key: _ZH_REASONS.get(value, value) if value else "" for key, value in found.groupdict().items()}
            if "region" in values or "kind" in values:
                from .corpus import KIND_NAMES  # the corpus module raises these errors: import it late

                named = {"region": values.get("region", ""), "kind": KIND_NAMES.get(values.get("kind", ""), values.get("kind", ""))}
                values["where"] = "".join(f"（{label}{named[key]}）" for key, label in (("region", "地区："), ("kind", "类别：")) if named[key])
            return words.format(**values)
    return message
