"""情况通报 (通报): the results, those who did well and those who fell short, the requirements."""

from __future__ import annotations

from _blocks import h1, h2, last, p, tag

NAME = "履职报告评阅情况的通报"

BODY = [
    p(
        "根据{{ rules_name }}，{{ issuer.short_name }}于{{ review_period }}对{{ total }}名"
        "{{ reporters }}{{ year }}年度履职报告进行了评阅。现将有关情况通报如下："
    ),
    h1("一、基本情况"),
    p("{{ summary }}"),
    tag("{%p for rate in rates %}"),
    p("{{ rate.label }}为{{ rate.percent }}（{{ rate.fraction }}）。{{ rate.detail }}"),
    tag("{%p endfor %}"),
    tag("{%p if no_survey %}"),
    p("{{ no_survey }}"),
    tag("{%p endif %}"),
    h1("二、评阅结果"),
    tag("{%p for section in sections %}"),
    h2("（{{ loop.index|cn }}）{{ section.title }}"),
    p("{{ section.text }}"),
    tag("{%p endfor %}"),
    tag("{%p if actions %}"),
    p("{{ actions }}"),
    tag("{%p endif %}"),
    h1("三、有关要求"),
    tag("{%p for requirement in requirements %}"),
    h2("（{{ loop.index|cn }}）{{ requirement.title }}"),
    p("{{ requirement.text }}"),
    tag("{%p endfor %}"),
    last("特此通报。"),
]

ATTACHMENT: list[str] = []
