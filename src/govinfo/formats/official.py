"""The two national formats, 国办公开办函〔2019〕60号 and 〔2021〕30号, as data.

The formats share most of their rows: Table 3 differs only in （六）其他处理 and
Table 4 not at all, so the shared parts are built once and composed.
"""

from __future__ import annotations

from govinfo.formats.spec import ColumnSpec, FormatSpec, RowSpec, TableSpec

C = ColumnSpec

# --- Table 2 -------------------------------------------------------------------------

_B1, _B5, _B6, _B8, _B9 = (
    "第二十条第（一）项",
    "第二十条第（五）项",
    "第二十条第（六）项",
    "第二十条第（八）项",
    "第二十条第（九）项",
)

_DOCS_2019 = (
    C("new_made", "本年新制作数量"),
    C("new_published", "本年新公开数量"),
    C("total_published", "对外公开总数量"),
)
_DOCS_2021 = (
    C("issued", "本年制发件数"),
    C("repealed", "本年废止件数"),
    C("in_force", "现行有效件数"),
)
_ITEMS_2019 = (
    C("prev_items", "上一年项目数量"),
    C("change", "本年增/减", unit="signed"),
    C("decisions", "处理决定数量"),
)
_DECISIONS_2021 = (C("decisions", "本年处理决定数量"),)

# What each Table 2 row's cells are by their meaning (see RowSpec.bounds).
_PUBLISHED = ((("total_published",), ("new_published",)),)
_ITEMS_LEFT = ((("prev_items", "change"), ()),)  # items at the year's end are never < 0
_IN_FORCE = ((("in_force",), ("issued",)),)  # 现行有效 includes this year's issued

ACTIVE_2019 = TableSpec(
    key="active",
    number=2,
    title="主动公开政府信息情况",
    header_labels=("信息内容", "第二十条"),
    rows=(
        RowSpec("rules", "规章", _DOCS_2019, block=_B1, bounds=_PUBLISHED),
        RowSpec("normative_documents", "规范性文件", _DOCS_2019, block=_B1, bounds=_PUBLISHED),
        RowSpec("licensing", "行政许可", _ITEMS_2019, block=_B5, bounds=_ITEMS_LEFT),
        RowSpec(
            "other_services", "其他对外管理服务事项", _ITEMS_2019, block=_B5, bounds=_ITEMS_LEFT
        ),
        RowSpec("penalty", "行政处罚", _ITEMS_2019, block=_B6, bounds=_ITEMS_LEFT),
        RowSpec("coercion", "行政强制", _ITEMS_2019, block=_B6, bounds=_ITEMS_LEFT),
        RowSpec("fees", "行政事业性收费", _ITEMS_2019[:2], block=_B8, bounds=_ITEMS_LEFT),
        RowSpec(
            "procurement",
            "政府集中采购",
            (C("items", "采购项目数量"), C("amount", "采购总金额", unit="yuan")),
            block=_B9,
        ),
    ),
)

ACTIVE_2021 = TableSpec(
    key="active",
    number=2,
    title="主动公开政府信息情况",
    header_labels=("信息内容", "第二十条"),
    rows=(
        RowSpec("rules", "规章", _DOCS_2021, block=_B1, bounds=_IN_FORCE),
        RowSpec("normative_documents", "行政规范性文件", _DOCS_2021, block=_B1, bounds=_IN_FORCE),
        RowSpec("licensing", "行政许可", _DECISIONS_2021, block=_B5),
        RowSpec("penalty", "行政处罚", _DECISIONS_2021, block=_B6),
        RowSpec("coercion", "行政强制", _DECISIONS_2021, block=_B6),
        RowSpec(
            "fees",
            "行政事业性收费",
            (C("amount", "本年收费金额（单位：万元）", unit="wan_yuan"),),
            block=_B8,
        ),
    ),
)

# --- Table 3 -------------------------------------------------------------------------

APPLICANT_COLUMNS = (
    C("natural_person", "自然人"),
    C("commercial", "商业企业"),
    C("research", "科研机构"),
    C("social_welfare", "社会公益组织"),
    C("legal_services", "法律服务机构"),
    C("other_org", "其他"),
    C("total", "总计"),
)


def _t3(key: str, label: str, number: str, group: str | None = None, **kw: object) -> RowSpec:
    return RowSpec(key, label, APPLICANT_COLUMNS, number=number, group=group, **kw)  # type: ignore[arg-type]


_G3, _G4, _G5, _G6 = "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"

_REQUESTS_HEAD = (
    _t3("new", "本年新收政府信息公开申请数量", "一、"),
    _t3("carried_over", "上年结转政府信息公开申请数量", "二、"),
    _t3("granted", "予以公开", "（一）", group="三、本年度办理结果"),
    _t3(
        "partial",
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（二）",
        group="三、本年度办理结果",
        aliases=("部分公开",),
    ),
    _t3("refused.state_secret", "属于国家秘密", "1.", _G3),
    _t3("refused.prohibited_by_law", "其他法律行政法规禁止公开", "2.", _G3),
    _t3("refused.security_stability", "危及“三安全一稳定”", "3.", _G3),
    _t3("refused.third_party_rights", "保护第三方合法权益", "4.", _G3),
    _t3("refused.internal_affairs", "属于三类内部事务信息", "5.", _G3),
    _t3("refused.process_info", "属于四类过程性信息", "6.", _G3),
    _t3("refused.enforcement_files", "属于行政执法案卷", "7.", _G3),
    _t3("refused.query_matters", "属于行政查询事项", "8.", _G3),
    _t3("unable.not_held", "本机关不掌握相关政府信息", "1.", _G4),
    _t3("unable.needs_creation", "没有现成信息需要另行制作", "2.", _G4),
    _t3("unable.unclear", "补正后申请内容仍不明确", "3.", _G4),
    _t3("not_processed.complaint", "信访举报投诉类申请", "1.", _G5),
    _t3("not_processed.duplicate", "重复申请", "2.", _G5),
    _t3("not_processed.publication", "要求提供公开出版物", "3.", _G5),
    _t3("not_processed.excessive", "无正当理由大量反复申请", "4.", _G5),
    _t3("not_processed.confirmation", "要求行政机关确认或重新出具已获取信息", "5.", _G5),
)
_OTHER_SINGLE = _t3("other", "其他处理", "（六）")
_OTHER_SPLIT = (
    _t3(
        "other_overdue_correction",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1.",
        _G6,
        aliases=("申请人无正当理由逾期不补正",),
    ),
    _t3(
        "other_overdue_fee",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "2.",
        _G6,
        aliases=("申请人逾期未按收费通知要求缴纳费用",),
    ),
    _t3("other_misc", "其他", "3.", _G6, exact=True),
)
_REQUESTS_TAIL = (
    _t3("results_total", "总计", "（七）", exact=True),
    _t3("carried_forward", "结转下年度继续办理", "四、"),
)
_REQUESTS_HEADERS = (
    "本列数据的勾稽关系为",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
)

REQUESTS_2019 = TableSpec(
    key="requests",
    number=3,
    title="收到和处理政府信息公开申请情况",
    header_labels=_REQUESTS_HEADERS,
    rows=(*_REQUESTS_HEAD, _OTHER_SINGLE, *_REQUESTS_TAIL),
)

#: The 2021 format splits （六）; reports that keep it as one row are read into ``other``.
REQUESTS_2021 = TableSpec(
    key="requests",
    number=3,
    title="收到和处理政府信息公开申请情况",
    header_labels=_REQUESTS_HEADERS,
    rows=(*_REQUESTS_HEAD, _OTHER_SINGLE, *_OTHER_SPLIT, *_REQUESTS_TAIL),
)

# --- Table 4 -------------------------------------------------------------------------

APPEAL_COLUMNS = (
    C("upheld", "结果维持"),
    C("corrected", "结果纠正"),
    C("other", "其他结果"),
    C("pending", "尚未审结"),
    C("total", "总计"),
)

APPEALS = TableSpec(
    key="appeals",
    number=4,
    title="政府信息公开行政复议、行政诉讼情况",
    header_labels=("结果维持", "行政诉讼"),
    rows=(
        RowSpec("review", "行政复议", APPEAL_COLUMNS, exact=True),
        RowSpec(
            "litigation_direct",
            "未经复议直接起诉",
            APPEAL_COLUMNS,
            aliases=("行政诉讼（未经复议直接起诉）",),
        ),
        RowSpec(
            "litigation_after_review",
            "复议后起诉",
            APPEAL_COLUMNS,
            aliases=("行政诉讼（复议后起诉）",),
        ),
    ),
)

# --- The skeleton and the header cells -----------------------------------------------

#: The six sections of the official skeleton (the same in both formats).
SECTION_TITLES: dict[int, str] = {
    1: "总体情况",
    2: "主动公开政府信息情况",
    3: "收到和处理政府信息公开申请情况",
    4: "政府信息公开行政复议、行政诉讼情况",
    5: "存在的主要问题及改进情况",
    6: "其他需要报告的事项",
}

#: Header cells that label no row or column of values (format-spec.md §2-3).
T2_CONTENT = "信息内容"
T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_ORGANIZATIONS = "法人或其他组织"
T4_LITIGATION = "行政诉讼"
HEADER_CELLS = (T2_CONTENT, T3_CORNER, T3_APPLICANTS, T3_ORGANIZATIONS, T4_LITIGATION)

# --- The formats -----------------------------------------------------------------------

FORMAT_2019 = FormatSpec(
    name="2019",
    notice="国办公开办函〔2019〕60号",
    tables=(ACTIVE_2019, REQUESTS_2019, APPEALS),
    years=(2019, 2020),
)
FORMAT_2021 = FormatSpec(
    name="2021",
    notice="国办公开办函〔2021〕30号",
    tables=(ACTIVE_2021, REQUESTS_2021, APPEALS),
    years=(2021, None),
)

FORMATS: dict[str, FormatSpec] = {"2019": FORMAT_2019, "2021": FORMAT_2021}
