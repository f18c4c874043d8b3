"""评阅意见反馈函 (函), one per department, with its 问题清单 as an attachment table."""

from __future__ import annotations

from _blocks import Column, blank, h1, last, p, table, tag
from build_templates import attachment_start

from gongwen.units import Mm

NAME = "履职报告评阅意见的函"

BODY = [
    p(
        "你单位{{ official }}同志的{{ year }}年度履职报告已于{{ received }}收悉。"
        "按照{{ rules_name }}，{{ issuer.short_name }}组织{{ team }}对报告进行了评阅。"
        "现将评阅意见函告如下："
    ),
    h1("一、总体评价"),
    p("{{ assessment }}"),
    tag("{%p if requirement %}"),
    p("{{ requirement }}"),
    tag("{%p endif %}"),
    h1("二、存在的问题"),
    tag("{%p if issues_total %}"),
    p("评阅中梳理出问题{{ issues_total }}条，详见附件。"),
    h1("三、整改要求"),
    p(
        "请你单位对照问题清单逐条制定整改措施，明确责任人和整改时限，{{ rectify_by }}"
        "整改到位，并将整改情况书面报送{{ office }}。{{ issuer.short_name }}将对整改情况"
        "进行跟踪督办。"
    ),
    tag("{%p else %}"),
    p("评阅中未梳理出需要整改的问题。"),
    tag("{%p endif %}"),
    last("特此函告。"),
]

ATTACHMENT = [
    tag("{%p if rows %}"),
    *attachment_start("附件", "{{ attachment_heading }}"),
    table(
        [
            Column("编号", Mm(20), "{{ row.index }}"),
            Column("问题", Mm(60), "{{ row.text }}", "left"),
            Column("类别", Mm(32), "{{ row.category }}"),
            Column("整改时限", Mm(44), "{{ row.deadline }}"),
        ],
        "rows",
    ),
    blank(),
    tag("{%p endif %}"),
]
