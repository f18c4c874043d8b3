"""评阅报告 (报告): the five steps, the four rates, the problems, the proposals; results table."""

from __future__ import annotations

from _blocks import Column, blank, h1, h2, last, p, table, tag
from build_templates import attachment_start

from gongwen.units import Mm

NAME = "履职报告评阅情况的报告"

BODY = [
    p(
        "根据{{ rules_name }}，{{ issuer.short_name }}组织对{{ total }}名{{ reporters }}"
        "{{ year }}年度履职报告进行了评阅。现将评阅情况报告如下："
    ),
    h1("一、评阅工作开展情况"),
    p("评阅工作按照{{ step_names }}五个步骤进行。"),
    tag("{%p for step in steps %}"),
    h2("（{{ loop.index|cn }}）{{ step.name }}"),
    p("{{ step.text }}"),
    tag("{%p endfor %}"),
    h1("二、评阅结果"),
    p("{{ summary }}"),
    tag("{%p for rate in rates %}"),
    p("{{ rate.label }}为{{ rate.percent }}（{{ rate.fraction }}）。{{ rate.detail }}"),
    tag("{%p endfor %}"),
    tag("{%p if no_survey %}"),
    p("{{ no_survey }}"),
    tag("{%p endif %}"),
    p("逐份报告的评阅结果见附件。"),
    h1("三、发现的主要问题"),
    tag("{%p if issues_total %}"),
    p("集中评阅和延伸评阅中，共梳理出问题{{ issues_total }}条，主要集中在以下方面："),
    tag("{%p for category in categories %}"),
    h2("（{{ loop.index|cn }}）{{ category.name }}方面"),
    p("共{{ category.count }}条，主要表现为：{{ category.examples }}。"),
    tag("{%p endfor %}"),
    p("{{ rectification }}"),
    tag("{%p else %}"),
    p("评阅中未梳理出需要整改的问题。"),
    tag("{%p endif %}"),
    h1("四、意见建议"),
    tag("{%p for proposal in proposals %}"),
    h2("（{{ loop.index|cn }}）{{ proposal.title }}"),
    p("{{ proposal.text }}"),
    tag("{%p endfor %}"),
    last("特此报告。"),
]

ATTACHMENT = [
    *attachment_start("附件", "{{ attachment_heading }}"),
    table(
        [
            Column("序号", Mm(14), "{{ row.index }}"),
            Column("单位", Mm(38), "{{ row.department }}", "left"),
            Column("负责人", Mm(20), "{{ row.official }}"),
            Column("报送日期", Mm(26), "{{ row.received }}"),
            Column("等次", Mm(22), "{{ row.grade }}"),
            Column("问题数", Mm(18), "{{ row.issues }}"),
            Column("按期整改", Mm(18), "{{ row.rectified }}"),
        ],
        "rows",
        fit=True,
    ),
    blank(),
]
