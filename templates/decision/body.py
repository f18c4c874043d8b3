"""专题监督决定 (决定), one per decision: subject, reasons, steps, deadline, reporting back."""

from __future__ import annotations

from _blocks import h1, h2, last, p, tag

NAME = "开展专题监督的决定"

BODY = [
    p(
        "{{ year }}年度{{ reporters }}履职报告评阅中发现，{{ subject }}还存在一些"
        "问题和不足。为推动问题整改落实，根据《中华人民共和国各级人民代表大会常务委员会"
        "监督法》和{{ rules_name }}，{{ decided }}，{{ issuer.short_name }}决定对"
        "{{ subject }}开展专题监督。现将有关事项决定如下："
    ),
    h1("一、监督事项"),
    p("对{{ subject }}开展专题监督，责任单位为{{ departments }}。"),
    h1("二、监督理由"),
    tag("{%p for reason in reasons %}"),
    p("{{ reason }}"),
    tag("{%p endfor %}"),
    h1("三、方法步骤"),
    tag("{%p for step in steps %}"),
    h2("（{{ loop.index|cn }}）{{ step.title }}"),
    p("{{ step.text }}"),
    tag("{%p endfor %}"),
    h1("四、办理时限"),
    p("专题监督工作于{{ deadline }}前完成。"),
    h1("五、报告要求"),
    last(
        "{{ reporter }}应于{{ report_on }}前向{{ report_to }}{{ report_form }}整改落实情况。"
        "{{ follow_up }}"
    ),
]

ATTACHMENT: list[str] = []
