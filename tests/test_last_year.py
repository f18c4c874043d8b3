"""Last year's issue list: open issues must be answered in a 整改情况 section."""

from __future__ import annotations

from gongwen import check_file
from gongwen.findings import Severity
from gongwen.resources import data_dir
from gongwen.roster import load_open_issues

REPORT = data_dir("samples") / "reports" / "市财政局-张伟-2019年度履职报告.docx"


def test_open_issues_are_read_and_rectified_ones_left_out(tmp_path):
    table = tmp_path / "issues.csv"
    table.write_text(
        "单位,问题,整改状态\n"
        "市财政局,预算绩效目标设置不够细化,整改中\n"
        "市财政局,政府采购内控制度不健全,已整改\n"
        "市教育局,学前教育资源配置不均衡,未整改\n",
        encoding="utf-8",
    )
    assert load_open_issues(table) == {
        "市财政局": ("预算绩效目标设置不够细化",),
        "市教育局": ("学前教育资源配置不均衡",),
    }


def test_a_report_that_does_not_answer_last_years_issues_is_told_which(tmp_path):
    without = check_file(REPORT, register=data_dir("samples") / "register.csv")
    assert without.count(Severity.ERROR) == 0
    issues = {"市财政局": ("预算绩效目标设置不够细化",)}
    result = check_file(
        REPORT,
        roster=data_dir("samples") / "roster.csv",
        register=data_dir("samples") / "register.csv",
        last_year_issues=issues,
    )
    codes = [f.code for f in result.findings if f.severity == Severity.ERROR]
    assert "AR201" in codes  # no 整改情况 section at all
    missing_section = next(f for f in result.findings if f.code == "AR201")
    assert "整改" in missing_section.message
    unanswered = [f for f in result.findings if f.code == "AR203"]
    assert len(unanswered) == 1 and "预算绩效目标设置不够细化" in unanswered[0].message


def test_issues_of_another_department_do_not_apply():
    result = check_file(
        REPORT,
        roster=data_dir("samples") / "roster.csv",
        register=data_dir("samples") / "register.csv",
        last_year_issues={"市教育局": ("学前教育资源配置不均衡",)},
    )
    assert result.count(Severity.ERROR) == 0
