"""A small 2019-format report, assembled from parts, for layout and heading tests.

Table 3 carries one nonzero row (一、本年新收 = 自然人 2, 商业企业 1, 总计 3, and the
same in （一）予以公开 and （七）总计); everything else is 0.
"""

from __future__ import annotations

T2_ROWS = [
    ("第二十条第（一）项", None),
    ("信息内容", ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
    ("规章", ["0", "0", "0"]),
    ("规范性文件", ["1", "1", "7"]),
    ("第二十条第（五）项", None),
    ("信息内容", ["上一年项目数量", "本年增/减", "处理决定数量"]),
    ("行政许可", ["5", "-1", "30"]),
    ("其他对外管理服务事项", ["2", "0", "9"]),
    ("第二十条第（六）项", None),
    ("信息内容", ["上一年项目数量", "本年增/减", "处理决定数量"]),
    ("行政处罚", ["4", "+2", "11"]),
    ("行政强制", ["1", "0", "0"]),
    ("第二十条第（八）项", None),
    ("信息内容", ["上一年项目数量", "本年增/减"]),
    ("行政事业性收费", ["0", "0"]),
    ("第二十条第（九）项", None),
    ("信息内容", ["采购项目数量", "采购总金额"]),
    ("政府集中采购", ["2", "3.5万元"]),
]

T3_LABELS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
    "（七）总计",
    "四、结转下年度继续办理",
]
NONZERO = {"一、本年新收政府信息公开申请数量", "（一）予以公开", "（七）总计"}


def t3_values(label: str) -> list[str]:
    return ["2", "1", "0", "0", "0", "0", "3"] if label in NONZERO else ["0"] * 7


T4_VALUES = ["1", "0", "0", "0", "1"] + ["0"] * 10

HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def build(
    sep: str = "\t",
    headings: list[str | None] | None = None,
    title: str = "示例县民政局2020年政府信息公开工作年度报告",
) -> str:
    """The report with tables as ``sep``-separated rows; a ``None`` heading is left out."""
    heads = HEADINGS if headings is None else headings
    lines = [title, ""]

    def head(i: int) -> None:
        if heads[i] is not None:
            lines.append(heads[i])  # type: ignore[arg-type]

    head(0)
    lines.append("2020年，本局共受理政府信息公开申请3件。")
    head(1)
    for label, cells in T2_ROWS:
        lines.append(sep.join([label, *(cells or [])]))
    head(2)
    lines.append(
        sep.join(
            ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]
        )
    )
    lines.append(sep.join(["", "自然人", "法人或其他组织", "", "", "", "", "总计"]))
    lines.append(
        sep.join(["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
    )
    for label in T3_LABELS:
        lines.append(sep.join([label, *t3_values(label)]))
    head(3)
    lines.append(sep.join(["行政复议", "行政诉讼"]))
    lines.append(
        sep.join(
            [
                "结果维持",
                "结果纠正",
                "其他结果",
                "尚未审结",
                "总计",
                "未经复议直接起诉",
                "复议后起诉",
            ]
        )
    )
    lines.append(sep.join(T4_VALUES))
    head(4)
    lines.append("存在的问题是宣传不够。")
    head(5)
    lines.append("无。")
    lines += ["示例县民政局", "2021年1月15日"]
    return "\n".join(lines) + "\n"
