"""The statutory skeleton every zoo layout prints: title, six sections, three tables.

The tables are built as Word builds them: a grid of cells with ``rowspan`` and
``colspan`` (``shared/spec/format-spec.md`` sections 2 and 3), so each layout can
flatten the same merged grid the way its tool does (Word text export, pdftotext,
pdf2docx + markitdown, a browser's innerText, Word's HTML export). The labels are
typed from the spec, not taken from ``govinfo.formats``: the zoo must not share a
mistake with the parser it tests.

Everything here is a pure function of the facts and a :class:`random.Random`
seeded by hypothesis, so a failing example replays from its seed.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Facts = Mapping[str, Any]
Kind = Literal["caption", "header", "corner", "label", "group", "value", "filler"]

APPLICANTS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other_org",
    "total",
)
OUTCOMES = ("upheld", "corrected", "other", "pending", "total")
APPEAL_GROUPS = ("review", "litigation_direct", "litigation_after_review")

CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

#: Table 2 blocks: caption item, column headers, rows (label, key), column keys.
T2_2019: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...]], ...] = (
    (
        "（一）",
        ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        (("规章", "rules"), ("规范性文件", "normative_documents")),
        ("new_made", "new_published", "total_published"),
    ),
    (
        "（五）",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        (("行政许可", "licensing"), ("其他对外管理服务事项", "other_services")),
        ("prev_items", "change", "decisions"),
    ),
    (
        "（六）",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        (("行政处罚", "penalty"), ("行政强制", "coercion")),
        ("prev_items", "change", "decisions"),
    ),
    (
        "（八）",
        ("上一年项目数量", "本年增/减"),
        (("行政事业性收费", "fees"),),
        ("prev_items", "change"),
    ),
    (
        "（九）",
        ("采购项目数量", "采购总金额"),
        (("政府集中采购", "procurement"),),
        ("items", "amount"),
    ),
)
T2_2021: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...]], ...] = (
    (
        "（一）",
        ("本年制发件数", "本年废止件数", "现行有效件数"),
        (("规章", "rules"), ("行政规范性文件", "normative_documents")),
        ("issued", "repealed", "in_force"),
    ),
    ("（五）", ("本年处理决定数量",), (("行政许可", "licensing"),), ("decisions",)),
    (
        "（六）",
        ("本年处理决定数量",),
        (("行政处罚", "penalty"), ("行政强制", "coercion")),
        ("decisions",),
    ),
    ("（八）", ("本年收费金额（单位：万元）",), (("行政事业性收费", "fees"),), ("amount",)),
)

#: Table 3 groups: (group label or None, [(row label, row key), …]).
_REFUSED = (
    ("1.属于国家秘密", "refused.state_secret"),
    ("2.其他法律行政法规禁止公开", "refused.prohibited_by_law"),
    ("3.危及“三安全一稳定”", "refused.security_stability"),
    ("4.保护第三方合法权益", "refused.third_party_rights"),
    ("5.属于三类内部事务信息", "refused.internal_affairs"),
    ("6.属于四类过程性信息", "refused.process_info"),
    ("7.属于行政执法案卷", "refused.enforcement_files"),
    ("8.属于行政查询事项", "refused.query_matters"),
)
_UNABLE = (
    ("1.本机关不掌握相关政府信息", "unable.not_held"),
    ("2.没有现成信息需要另行制作", "unable.needs_creation"),
    ("3.补正后申请内容仍不明确", "unable.unclear"),
)
_NOT_PROCESSED = (
    ("1.信访举报投诉类申请", "not_processed.complaint"),
    ("2.重复申请", "not_processed.duplicate"),
    ("3.要求提供公开出版物", "not_processed.publication"),
    ("4.无正当理由大量反复申请", "not_processed.excessive"),
    ("5.要求行政机关确认或重新出具已获取信息", "not_processed.confirmation"),
)
_OTHER_SPLIT = (
    (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other_overdue_correction",
    ),
    (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other_overdue_fee",
    ),
    ("3.其他", "other_misc"),
)

T4_HEADS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def t3_groups(split: bool) -> list[tuple[str | None, tuple[tuple[str, str], ...]]]:
    """The result rows of Table 3 between 三、本年度办理结果's first and last row."""
    other: tuple[str | None, tuple[tuple[str, str], ...]] = (
        ("（六）其他处理", _OTHER_SPLIT) if split else (None, (("（六）其他处理", "other"),))
    )
    return [
        (None, (("（一）予以公开", "granted"),)),
        (None, (("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partial"),)),
        ("（三）不予公开", _REFUSED),
        ("（四）无法提供", _UNABLE),
        ("（五）不予处理", _NOT_PROCESSED),
        other,
        (None, (("（七）总计", "results_total"),)),
    ]


@dataclass(frozen=True)
class Cell:
    """One cell of a merged grid, anchored at ``(row, col)``.

    ``key`` is the taxonomy key of a value cell; ``value`` its fact (``None`` for
    a printed blank); ``text`` what the report prints there.
    """

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    kind: Kind = "label"
    key: str | None = None
    value: Any = None


@dataclass
class Table:
    """A merged grid as Word holds it; ``header_rows`` repeat after a page break."""

    name: str
    ncols: int
    cells: list[Cell] = field(default_factory=list)
    header_rows: int = 0

    @property
    def nrows(self) -> int:
        return max(c.row + c.rowspan for c in self.cells)

    def starting(self, row: int) -> list[Cell]:
        """The cells that start in ``row``, left to right."""
        return sorted((c for c in self.cells if c.row == row), key=lambda c: c.col)

    def covering(self, row: int) -> list[Cell]:
        """Every cell that covers some position of ``row`` (merged from above too)."""
        return sorted(
            (c for c in self.cells if c.row <= row < c.row + c.rowspan), key=lambda c: c.col
        )

    def value_cells(self, row: int) -> list[Cell]:
        return [c for c in self.starting(row) if c.kind == "value"]


@dataclass(frozen=True)
class Style:
    """Choices shared by all tables of one rendering (drawn once per report)."""

    half_width: bool = False  # 「(一)」 for 「（一）」, as PDF text and web copies show
    plus_sign: bool = False  # 「+2」 in 本年增/减
    full_minus: bool = False  # 「－3」
    money: Literal["yuan", "wan", "bare"] = "yuan"  # the 2019 采购总金额 cell
    fee_unit_in_cell: bool = False  # 「1.2万元」 in the 2021 fee cell under its 万元 header
    fee_six_places: bool = False  # 「1234.567890」: yuan and fen in 万元, zeros kept
    placeholder: str = ""  # what a blank prints: "" or a placeholder the spec allows
    placeholder_share: float = 0.0


def draw_style(rnd: random.Random, *, placeholders: bool = True) -> Style:
    return Style(
        half_width=rnd.random() < 0.4,
        plus_sign=rnd.random() < 0.5,
        full_minus=rnd.random() < 0.2,
        money=rnd.choice(("yuan", "wan", "bare")),
        fee_unit_in_cell=rnd.random() < 0.2,
        fee_six_places=rnd.random() < 0.3,
        # 「—」「-」「/」「无」 are blanks in the taxonomy (None plus a diagnostic)
        placeholder=rnd.choice(("—", "-", "/", "无")) if placeholders else "",
        placeholder_share=rnd.choice((0.0, 0.0, 0.3)) if placeholders else 0.0,
    )


def brackets(text: str, style: Style) -> str:
    if style.half_width:
        return text.replace("（", "(").replace("）", ")")
    return text


def plain(d: Decimal) -> str:
    """A Decimal in plain notation, without trailing zeros: 595000, 59.5."""
    s = format(d.normalize(), "f")
    return s


def money_text(key: str, value: Decimal, style: Style, fmt: str) -> str:
    if fmt == "2021":  # the header names 万元; a bare figure is in 万元
        wan = plain(value / 10000)
        if style.fee_six_places and "." in wan:
            wan = format((value / 10000).quantize(Decimal("0.000001")), "f")
        return wan + "万元" if style.fee_unit_in_cell else wan
    if style.money == "wan" and (value * 10).to_integral_value() == value * 10:
        # 59.5万元 only for amounts a 万元 figure writes exactly; else yuan
        return plain(value / 10000) + "万元"
    if style.money == "bare":
        return plain(value)  # no unit anywhere: taken as 元 (an info diagnostic)
    return plain(value) + "元"


def value_text(key: str, value: Any, style: Style, fmt: str, rnd: random.Random) -> str:
    """What the report prints for one fact."""
    if value is None:
        if style.placeholder and rnd.random() < style.placeholder_share:
            return style.placeholder
        return ""
    if isinstance(value, Decimal):
        return money_text(key, value, style, fmt)
    if key.endswith(".change"):
        if value < 0:
            return ("－" if style.full_minus else "-") + str(-value)
        if value > 0 and style.plus_sign:
            return "+" + str(value)
    return str(value)


def _value(facts: Facts, key: str, style: Style, fmt: str, rnd: random.Random) -> tuple[str, Any]:
    v = facts[key]
    return value_text(key, v, style, fmt, rnd), v


Grid = Literal["coarse", "fine", "offset"]


def table2(facts: Facts, style: Style, rnd: random.Random, *, grid: Grid = "coarse") -> Table:
    """Table 2: five (2019) or four (2021) blocks, each a caption, a header and rows.

    How Word laid the blocks on one grid:

    - ``coarse``: three grid columns for the values; a block with fewer values
      spans its last cell (2021: the single value cell spans 3 columns) or prints
      an empty cell beside it;
    - ``fine``: six grid columns, so three-value rows have colspan-2 cells and
      two-value rows colspan-3 cells (blocks of different column widths);
    - ``offset``: the header's 「信息内容」 spans two grid columns, the rows' labels
      one, so each row's first value is a colspan-2 cell under a header cell of
      span 1 (issue 14: "colspan=2 cells under a header of other spans").
    """
    fmt = facts["meta.format"]
    blocks = T2_2019 if fmt == "2019" else T2_2021
    if grid == "offset":
        return _table2_offset(facts, style, rnd, blocks)
    width = 6 if grid == "fine" else 3
    t = Table("active", 1 + width)
    r = 0
    for item, heads, rows, cols in blocks:
        t.cells.append(
            Cell(brackets(f"第二十条第{item}项", style), r, 0, colspan=1 + width, kind="caption")
        )
        r += 1
        spans = _spans(len(cols), width, rnd)
        t.cells.append(Cell("信息内容", r, 0, kind="header"))
        for (start, span), head in zip(spans, (*heads, *[""] * width), strict=False):
            t.cells.append(
                Cell(head, r, 1 + start, colspan=span, kind="header" if head else "filler")
            )
        r += 1
        for label, row_key in rows:
            t.cells.append(Cell(label, r, 0, kind="label"))
            for i, (start, span) in enumerate(spans):
                if i < len(cols):
                    key = f"active.{row_key}.{cols[i]}"
                    text, v = _value(facts, key, style, fmt, rnd)
                    t.cells.append(
                        Cell(text, r, 1 + start, colspan=span, kind="value", key=key, value=v)
                    )
                else:
                    t.cells.append(Cell("", r, 1 + start, colspan=span, kind="filler"))
            r += 1
    return t


def _table2_offset(
    facts: Facts,
    style: Style,
    rnd: random.Random,
    blocks: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...]], ...],
) -> Table:
    fmt = facts["meta.format"]
    t = Table("active", 5)
    r = 0
    for item, heads, rows, cols in blocks:
        t.cells.append(
            Cell(brackets(f"第二十条第{item}项", style), r, 0, colspan=5, kind="caption")
        )
        r += 1
        n = len(cols)
        t.cells.append(Cell("信息内容", r, 0, colspan=2, kind="header"))
        for j, head in enumerate(heads):  # the last header spans what is left
            t.cells.append(Cell(head, r, 2 + j, colspan=1 if j < n - 1 else 3 - j, kind="header"))
        r += 1
        for label, row_key in rows:
            t.cells.append(Cell(label, r, 0, kind="label"))
            for j, col in enumerate(cols):
                key = f"active.{row_key}.{col}"
                text, v = _value(facts, key, style, fmt, rnd)
                start = 1 if j == 0 else 2 + j
                end = 2 + j if j < n - 1 else 4  # the last value spans to the edge
                t.cells.append(
                    Cell(text, r, start, colspan=end - start + 1, kind="value", key=key, value=v)
                )
            r += 1
    return t


def _spans(n: int, width: int, rnd: random.Random) -> list[tuple[int, int]]:
    """Where ``n`` logical columns sit on ``width`` grid columns: (start, colspan)."""
    if width % n == 0:
        w = width // n
        return [(i * w, w) for i in range(n)]
    # 2 values on 3 grid columns: either the last spans two, or an empty third cell
    if rnd.random() < 0.5:
        return [(0, 1), (1, width - 1)]
    return [(i, 1) for i in range(width)]


def table3(facts: Facts, style: Style, rnd: random.Random) -> Table:
    """Table 3: the rowspan-3 corner, three header rows, 23 or 25 data rows.

    Label columns: 0 holds 一、二、四、 (colspan 3) and 「三、本年度办理结果」
    (rowspan 20/22); 1 holds （一）（二）（六）（七） (colspan 2) and the group labels
    （三）（四）（五）(（六） in 2021 split) with rowspan; 2 holds the numbered sub-rows.
    """
    fmt = facts["meta.format"]
    split = "requests.other_misc.total" in facts
    t = Table("requests", 10, header_rows=3)

    def b(text: str) -> str:
        return brackets(text, style)

    t.cells += [
        Cell(b(CORNER), 0, 0, rowspan=3, colspan=3, kind="corner"),
        Cell("申请人情况", 0, 3, colspan=7, kind="header"),
        Cell("自然人", 1, 3, rowspan=2, kind="header"),
        Cell("法人或其他组织", 1, 4, colspan=5, kind="header"),
        Cell("总计", 1, 9, rowspan=2, kind="header"),
    ]
    for i, h in enumerate(("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")):
        t.cells.append(Cell(h, 2, 4 + i, kind="header"))

    def values(r: int, row_key: str) -> None:
        for i, col in enumerate(APPLICANTS):
            key = f"requests.{row_key}.{col}"
            text, v = _value(facts, key, style, fmt, rnd)
            t.cells.append(Cell(text, r, 3 + i, kind="value", key=key, value=v))

    r = 3
    for label, key in (
        ("一、本年新收政府信息公开申请数量", "new"),
        ("二、上年结转政府信息公开申请数量", "carried_over"),
    ):
        t.cells.append(Cell(label, r, 0, colspan=3))
        values(r, key)
        r += 1
    groups = t3_groups(split)
    n_results = sum(len(rows) for _, rows in groups)
    t.cells.append(Cell("三、本年度办理结果", r, 0, rowspan=n_results, kind="group"))
    for group, rows in groups:
        if group is not None:
            t.cells.append(Cell(b(group), r, 1, rowspan=len(rows), kind="group"))
        for label, key in rows:
            if group is None:
                t.cells.append(Cell(b(label), r, 1, colspan=2))
            else:
                t.cells.append(Cell(label, r, 2))
            values(r, key)
            r += 1
    t.cells.append(Cell("四、结转下年度继续办理", r, 0, colspan=3))
    values(r, "carried_forward")
    return t


def table4(facts: Facts, style: Style, rnd: random.Random) -> Table:
    """Table 4: 行政复议 (colspan 5) | 行政诉讼 (colspan 10), then one row of 15."""
    t = Table("appeals", 15, header_rows=3)
    t.cells += [
        Cell("行政复议", 0, 0, colspan=5, kind="header"),
        Cell("行政诉讼", 0, 5, colspan=10, kind="header"),
    ]
    for i, h in enumerate(T4_HEADS):
        t.cells.append(Cell(h, 1, i, rowspan=2, kind="header"))
    t.cells += [
        Cell("未经复议直接起诉", 1, 5, colspan=5, kind="header"),
        Cell("复议后起诉", 1, 10, colspan=5, kind="header"),
    ]
    for i, h in enumerate(T4_HEADS * 2):
        t.cells.append(Cell(h, 2, 5 + i, kind="header"))
    for g, group in enumerate(APPEAL_GROUPS):
        for i, col in enumerate(OUTCOMES):
            key = f"appeals.{group}.{col}"
            text, v = _value(facts, key, style, facts["meta.format"], rnd)
            t.cells.append(Cell(text, 3, 5 * g + i, kind="value", key=key, value=v))
    return t


# --- the text around the tables ----------------------------------------------------------

HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
_HEADING_VARIANTS = {
    1: ("二、主动公开政府信息情况", "二、行政机关主动公开政府信息情况"),
    4: (
        "五、存在的主要问题及改进情况",
        "五、政府信息公开工作存在的主要问题及改进情况",
        "五、存在的主要问题和改进情况",
    ),
}
_PROSE = (
    "{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。",
    "进一步完善政府信息公开工作机制，明确专人负责信息发布和保密审查。",
    "全年通过政府网站主动公开政府信息{n}条，及时回应社会关切。",
    "坚持“先审查、后公开”“一事一审”工作原则，规范审查程序。",
    "加强政务新媒体管理，定期开展栏目检查，督促问题整改。",
    "组织业务培训{m}次，不断提高工作人员的业务能力和水平。",
)
_PROBLEMS = (
    "政府信息公开工作虽然取得了一定成效，但与群众的期望还有一定差距。",
    "一是政策解读形式较为单一；二是信息更新还不够及时。",
    "下一步将进一步规范公开流程，加强学习培训，提升工作质量。",
)


def headings(rnd: random.Random) -> list[str]:
    return [
        rnd.choice(_HEADING_VARIANTS[i]) if i in _HEADING_VARIANTS else h
        for i, h in enumerate(HEADINGS)
    ]


def prose(rnd: random.Random, year: int, pool: Sequence[str] = _PROSE) -> list[str]:
    """Zero to four sentences of narrative, one paragraph each."""
    n = rnd.choice((0, 1, 2, 4))
    return [
        rnd.choice(pool).format(year=year, n=rnd.randint(10, 9000), m=rnd.randint(1, 9))
        for _ in range(n)
    ]


def title_lines(facts: Facts, rnd: random.Random) -> list[str]:
    """The title, on one line or two, as harbin and huaian print it."""
    agency, year = facts["meta.agency"], facts["meta.year"]
    nian = rnd.choice(("年", "年度"))
    return rnd.choice(
        (
            [f"{agency}{year}{nian}政府信息公开工作年度报告"],
            [f"{agency}{year}{nian}", "政府信息公开工作年度报告"],
            [agency, f"{year}{nian}政府信息公开工作年度报告"],
        )
    )


def section_six(facts: Facts, rnd: random.Random) -> list[str]:
    """Section 六: the 信息处理费 sentence when the facts carry one."""
    fee = facts.get("notes.processing_fee")
    if fee is None:
        return ["无。"] if rnd.random() < 0.5 else []
    if fee == 0:
        return [
            rnd.choice(
                ("本年度未收取信息处理费。", f"{facts['meta.year']}年，无收取信息处理费情况。")
            )
        ]
    return [
        rnd.choice(("全年收取政府信息公开信息处理费{}元。", "本年度共收取信息处理费{}元。")).format(
            plain(fee)
        )
    ]


def signature(facts: Facts, rnd: random.Random) -> list[str]:
    """The signing agency and, when the facts carry it, the date."""
    out = [facts["meta.agency"]]
    date = facts.get("meta.date")
    if date is not None:
        y, m, d = (int(p) for p in str(date).split("-"))
        out.append(f"{y}年{m}月{d}日" if rnd.random() < 0.7 else f"{y}年{m:02d}月{d:02d}日")
    return out


@dataclass
class Document:
    """The report's parts in order; a layout prints each part its own way."""

    title: list[str]
    headings: list[str]
    paragraphs: list[list[str]]  # per section, the prose after its table (before for 一)
    tables: dict[int, Table]  # section index → its table
    signature: list[str]
    style: Style


def document(
    facts: Facts,
    rnd: random.Random,
    *,
    placeholders: bool = True,
    grids: Sequence[Grid] = ("coarse", "coarse", "fine", "offset"),
) -> Document:
    """Draw everything a layout needs to print ``facts`` as a report.

    :param placeholders: blanks may print as 「—」「-」「/」「无」 (else always empty).
    :param grids: the Table 2 grids to draw from (see :func:`table2`).
    """
    style = draw_style(rnd, placeholders=placeholders)
    year = facts["meta.year"]
    paras = [
        prose(rnd, year),
        [],
        [],
        [],
        [rnd.choice(_PROBLEMS)] if rnd.random() < 0.8 else [],
        section_six(facts, rnd),
    ]
    grid = rnd.choice(tuple(grids))
    tables: dict[int, Table] = {}
    if any(k.startswith("active.") for k in facts):
        tables[1] = table2(facts, style, rnd, grid=grid)
    if any(k.startswith("requests.") for k in facts):
        tables[2] = table3(facts, style, rnd)
    if any(k.startswith("appeals.") for k in facts):
        tables[3] = table4(facts, style, rnd)
    return Document(
        title_lines(facts, rnd), headings(rnd), paras, tables, signature(facts, rnd), style
    )
