"""约谈通知 (通知), one per interview: who, when, where, with whom, the topics and the issues."""

from __future__ import annotations

from _blocks import h1, last, p, tag

NAME = "工作约谈的通知"

BODY = [
    p(
        "根据{{ year }}年度{{ reporters }}履职报告评阅情况，{{ decided }}，"
        "{{ issuer.short_name }}决定对{{ whom }}进行工作约谈。现将有关事项通知如下："
    ),
    h1("一、约谈对象"),
    p("{{ target }}。"),
    h1("二、约谈时间"),
    p("{{ when }}。"),
    h1("三、约谈地点"),
    p("{{ place }}。"),
    h1("四、约谈人员"),
    p("{{ interviewers }}。"),
    h1("五、约谈内容"),
    p("{{ topics }}。"),
    h1("六、有关要求"),
    p(
        "请约谈对象按时参加，并就以下问题作出说明：{{ issues }}。"
        "请于{{ materials_due }}前将{{ materials }}报送{{ materials_to }}。"
    ),
    tag("{%p if contact %}"),
    p("联系人：{{ contact }}。"),
    tag("{%p endif %}"),
    last("特此通知。"),
]

ATTACHMENT: list[str] = []
