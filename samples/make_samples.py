"""Make the sample annual reports in samples/reports/, with the roster, register and answers.

Run from anywhere: `python samples/make_samples.py`. The output is deterministic (fixed
core-property dates, fixed zip timestamps, text from per-department facts and seeded
phrase choices); only the PDF depends on LibreOffice and is rebuilt when `soffice` is found.

Each .docx is written the way Word users write them: some through modified styles
(Normal, Heading 1/2 with eastAsia fonts), some through direct run formatting, some
mixed. Conforming reports follow "What a conforming annual report is" in the team brief;
each other report carries exactly one defect, and `expected.yaml` says which
finding it must produce and where (1-based paragraph number among the body paragraphs
as written, empty ones included).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

HERE = Path(__file__).resolve().parent
YEAR = 2019
DEADLINE = dt.date(2020, 3, 31)
ZIP_TIME = (2020, 1, 1, 0, 0, 0)
LINE_TWIPS = 579  # exact line pitch 28.95 pt: 22 lines in the 225 mm type area

FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
LATIN = "Times New Roman"


@dataclass(frozen=True)
class Block:
    """One paragraph to write: its kind (title, empty, body, h1..h4, signature, date)."""

    kind: str
    text: str = ""


@dataclass(frozen=True)
class Sample:
    """One sample report: who wrote it, how it is formatted, which defect it carries."""

    dept: Department
    mode: str  # styles | direct | mixed
    defect: str | None = None
    signed: dt.date = dt.date(2020, 3, 20)
    received: dt.date = dt.date(2020, 3, 23)
    fmt: str = "docx"  # docx | pdf | doc | broken
    options: dict[str, object] = field(default_factory=dict)

    @property
    def file(self) -> str:
        suffix = {"pdf": ".pdf", "doc": ".doc"}.get(self.fmt, ".docx")
        return f"{self.dept.name}-{self.dept.head}-{YEAR}年度履职报告{suffix}"


@dataclass(frozen=True)
class Department:
    """The facts one report is written from."""

    name: str
    head: str
    mission: str  # what the department did, as a clause after "团结带领全局干部职工，"
    achievements: tuple[tuple[str, str], ...]  # (（一） heading, paragraph) × 3
    law: str  # the sector laws studied
    enforcement: str  # a clause on law enforcement numbers
    topic: str  # the work reported to the standing committee
    visit: str  # what deputies were invited to inspect
    suggestions: tuple[int, int]  # representative suggestions handled: (lead, assisting)
    suggestion_topics: str
    problems: tuple[str, str, str]
    plans: tuple[tuple[str, str], ...]  # (（一） heading, paragraph) × 3
    items: tuple[str, ...] = ()  # level-3 "1." items under the second achievement
    post: str = "局长"
    city: str = "青山市"


D = Department

DEPARTMENTS: dict[str, Department] = {
    d.name: d
    for d in (
        D(
            "市财政局",
            "张伟",
            "聚焦“保基本、促发展、防风险”，统筹财政收支，深化预算管理制度改革",
            (
                (
                    "狠抓收入组织，财政实力稳步增强",
                    "全年完成一般公共预算收入18.6亿元，同比增长6.3%，其中税收收入14.2亿元，"
                    "税收占比76.3%，收入质量进一步提高。争取上级转移支付资金32.4亿元，新增地方"
                    "政府债券资金9.8亿元，有力保障了全市重点项目建设和民生支出需要。",
                ),
                (
                    "优化支出结构，民生保障持续加强",
                    "坚持过紧日子，压减一般性支出12%，全市民生支出达到41.7亿元，占一般公共预算"
                    "支出的80.2%。足额落实城乡义务教育经费保障机制，城乡居民基本医疗保险财政补助"
                    "标准提高到每人每年520元，按时足额发放各类惠民惠农补贴资金5.6亿元。",
                ),
                (
                    "深化财政改革，防范化解风险",
                    "全面实施预算绩效管理，对128个项目开展事前绩效评估和绩效目标审核，对23个重点"
                    "项目开展财政重点评价。严格政府债务限额管理，建立债务风险动态监测机制，全市"
                    "政府债务率控制在警戒线以内，未发生债务违约风险。",
                ),
            ),
            "《中华人民共和国预算法》《中华人民共和国政府采购法》",
            "全年办理财政监督检查案件17件，规范行政执法行为",
            "预算执行和决算",
            "国库集中支付和政府采购工作",
            (6, 9),
            "教育投入、农村公路养护资金、基层医疗卫生机构经费保障",
            (
                "预算绩效评价结果运用还不够充分，与预算安排挂钩不够紧密",
                "部分项目资金支出进度偏慢，资金沉淀问题仍然存在",
                "财政收入增长的基础还不稳固，非税收入占比仍然偏高",
            ),
            (
                (
                    "加强收入征管",
                    "依法依规组织财政收入，加强综合治税，确保收入总量稳定增长、结构持续优化。",
                ),
                (
                    "推进绩效管理",
                    "把绩效评价结果与预算安排、政策调整紧密挂钩，提高财政资金使用效益。",
                ),
                (
                    "防范债务风险",
                    "严格落实政府债务化解计划，坚决遏制隐性债务增量，守住不发生系统性风险的底线。",
                ),
            ),
            items=(
                "完善国库集中支付电子化管理，全年办理支付业务4.2万笔",
                "推行政府采购意向公开，全年采购规模6.8亿元，节约资金4300万元",
            ),
        ),
        D(
            "市教育局",
            "李红梅",
            "坚持教育优先发展，推进城乡义务教育一体化和教育教学质量提升",
            (
                (
                    "补齐办学条件短板",
                    "全年投入教育资金3.6亿元，新建、改扩建中小学校舍9栋4.8万平方米，新增学位"
                    "3150个，基本消除义务教育阶段56人以上大班额。完成42所农村学校标准化建设，"
                    "更新教学仪器设备2.1万台（件），农村学校办学条件明显改善。",
                ),
                (
                    "提高教育教学质量",
                    "深化课堂教学改革，开展教学视导和质量监测，全市高考本科上线1486人，上线率"
                    "较上年提高3.2个百分点；中考平均分位居全地区前列。学前教育毛入园率达到89.5%，"
                    "普惠性幼儿园覆盖率达到82%。",
                ),
                (
                    "建设高素质教师队伍",
                    "公开招聘新教师216名，其中农村学校补充教师158名。组织教师全员培训1.2万"
                    "人次，评选骨干教师和学科带头人120名。严格落实乡村教师生活补助政策，发放"
                    "补助资金1380万元，农村教师队伍总体稳定。",
                ),
            ),
            "《中华人民共和国教育法》《中华人民共和国义务教育法》《中华人民共和国教师法》",
            "全年开展校外培训机构专项治理，检查机构86家，取缔无证机构12家",
            "义务教育均衡发展",
            "农村学校建设和学校食堂管理工作",
            (11, 5),
            "农村学校布局、校车安全、教师待遇、课后服务",
            (
                "城区学位供给仍然偏紧，个别学校大班额反弹压力较大",
                "农村学校教师结构性缺编问题仍然存在，音体美教师不足",
                "教育信息化应用水平不高，优质资源共享还不够充分",
            ),
            (
                ("扩大优质学位供给", "加快城区两所新建学校建设进度，确保秋季开学投入使用。"),
                ("加强教师队伍建设", "通过公开招聘和县管校聘改革，优化教师配置，补齐学科短板。"),
                ("推进教育信息化", "建设城乡同步课堂，让农村学生共享优质教育资源。"),
            ),
        ),
        D(
            "市民政局",
            "王建国",
            "兜牢民生底线，完善社会救助体系，推进养老服务和基层社会治理",
            (
                (
                    "兜牢基本民生保障底线",
                    "全市城乡低保对象1.32万人，全年发放低保金7860万元，城乡低保标准分别提高到"
                    "每人每月620元和每人每年4800元。特困人员集中供养率达到46%，发放临时救助资金"
                    "680万元，救助困难群众4350人次，做到应保尽保、应救尽救。",
                ),
                (
                    "加快养老服务体系建设",
                    "新建城市社区居家养老服务中心8个、农村互助照料中心26个，全市养老床位达到"
                    "4650张。完成乡镇福利院消防和适老化改造12所，为1.6万名80周岁以上老人发放"
                    "高龄津贴1920万元。",
                ),
                (
                    "提升基层社会治理水平",
                    "指导完成社区“两委”规范化建设，建成城乡社区综合服务设施286个，覆盖率达到"
                    "96%。规范社会组织登记管理，年检社会组织312家，撤销登记“僵尸型”社会组织"
                    "17家。",
                ),
            ),
            "《中华人民共和国老年人权益保障法》《社会救助暂行办法》",
            "全年查处非法社会组织3起，规范殡葬服务收费行为",
            "社会救助",
            "养老服务中心和农村福利院",
            (7, 4),
            "养老服务设施建设、低保审核、殡葬改革",
            (
                "养老服务供给结构不够合理，护理型床位占比偏低",
                "低保动态管理还不够精准，基层经办力量相对薄弱",
                "社会组织培育发展不够充分，参与社会治理的作用发挥有限",
            ),
            (
                ("完善社会救助体系", "推进低保、特困、临时救助信息共享，提高救助精准度。"),
                ("发展养老服务事业", "新增护理型床位300张，推进医养结合机构建设。"),
                ("加强基层政权建设", "深化村务公开和民主管理，提升城乡社区服务能力。"),
            ),
        ),
        D(
            "市交通运输局",
            "刘志强",
            "围绕建设区域交通枢纽，加快交通基础设施建设，提升运输服务水平",
            (
                (
                    "加快重点交通项目建设",
                    "全年完成交通固定资产投资15.3亿元，同比增长12.6%。城区外环线一期建成通车，"
                    "改造国省干线公路46公里，新建和改造农村公路312公里，完成危桥改造18座，"
                    "全市公路总里程达到3420公里。",
                ),
                (
                    "提升公路养护和管理水平",
                    "落实“路长制”，全市农村公路列养率达到100%，优良中等路率达到85%。完成公路"
                    "安全生命防护工程210公里，开展超限超载治理，检测货车2.3万台次，查处违法"
                    "超限车辆640台次。",
                ),
                (
                    "优化城乡客运服务",
                    "新开通城乡公交线路6条，更新新能源公交车40台，全市建制村通客车率保持100%。"
                    "开展道路运输安全专项整治，全年未发生较大以上道路运输安全事故。",
                ),
            ),
            "《中华人民共和国公路法》《中华人民共和国道路运输条例》",
            "全年办理交通行政处罚案件860件",
            "农村公路建设和管理",
            "外环线和农村公路建设项目",
            (9, 6),
            "农村公路建设、城乡公交、客运站点",
            (
                "农村公路建设资金缺口较大，养护资金保障不足",
                "城乡客运发展不均衡，部分偏远村组班次偏少",
                "交通执法队伍专业化水平有待提高",
            ),
            (
                ("推进重点项目建设", "加快外环线二期和国道改线工程建设进度。"),
                ("加强农村公路管养", "深化“四好农村路”建设，落实养护资金和管护责任。"),
                ("提升运输服务质量", "推进城乡客运一体化，优化公交线网布局。"),
            ),
        ),
        D(
            "市卫生健康局",
            "陈静",
            "深化医药卫生体制改革，提升医疗服务能力和公共卫生服务水平",
            (
                (
                    "深化医药卫生体制改革",
                    "组建以市人民医院为龙头的紧密型县域医共体2个，覆盖全部乡镇卫生院和村卫生室。"
                    "全面落实国家组织药品集中采购和使用试点，25种中选药品平均降价52%。县域内"
                    "住院就诊率达到88.6%，群众看病就医负担进一步减轻。",
                ),
                (
                    "提升基层医疗服务能力",
                    "投入资金6800万元，完成5所乡镇卫生院标准化建设和32个村卫生室改造。招聘"
                    "基层医疗卫生人员86名，开展家庭医生签约服务，重点人群签约率达到72%。",
                ),
                (
                    "做好公共卫生工作",
                    "国家基本公共卫生服务项目人均经费补助标准提高到69元，居民电子健康档案建档率"
                    "达到91%。扎实开展爱国卫生运动和传染病防控，全年未发生重大突发公共卫生事件。",
                ),
            ),
            "《中华人民共和国基本医疗卫生与健康促进法》《中华人民共和国传染病防治法》",
            "全年开展医疗机构依法执业检查420户次，立案查处非法行医案件15件",
            "医共体建设",
            "乡镇卫生院和村卫生室",
            (8, 7),
            "基层医疗人才、医共体建设、村医待遇",
            (
                "基层医疗卫生人才引不进、留不住的问题仍然突出",
                "医共体内部利益分配和运行机制还不够完善",
                "公共卫生应急体系建设还存在短板",
            ),
            (
                ("完善医共体运行机制", "推进人员、财务、药品统一管理，提高县域就诊率。"),
                ("加强基层人才队伍建设", "实施订单定向培养，落实基层卫生人员待遇。"),
                ("健全公共卫生体系", "加强疾病预防控制体系和应急物资储备建设。"),
            ),
        ),
        D(
            "市农业农村局",
            "杨光明",
            "围绕实施乡村振兴战略，稳定粮食生产，推进农业产业化和农村人居环境整治",
            (
                (
                    "稳定粮食和重要农产品供给",
                    "全市粮食播种面积稳定在56.3万亩，总产量达到21.8万吨；生猪出栏42万头，"
                    "恢复生猪生产各项扶持政策落实到位。新建高标准农田3.2万亩，完成耕地地力"
                    "保护补贴发放4860万元。",
                ),
                (
                    "推进农业产业化发展",
                    "新增省级农业产业化重点龙头企业3家、市级12家，发展农民专业合作社186家、"
                    "家庭农场240家。柑橘、茶叶、蔬菜三大特色产业综合产值达到38亿元，新认证"
                    "绿色食品和地理标志产品9个。",
                ),
                (
                    "扎实推进农村人居环境整治",
                    "完成农村户厕改造1.06万户，建成农村生活污水处理设施42处，农村生活垃圾收运"
                    "处置体系覆盖所有行政村。创建美丽乡村示范村15个，村容村貌明显改善。",
                ),
            ),
            "《中华人民共和国农业法》《中华人民共和国农产品质量安全法》",
            "全年开展农资打假专项行动，检查农资经营门店520家次，查处案件21件",
            "乡村振兴",
            "高标准农田和农村人居环境整治项目",
            (10, 6),
            "高标准农田、农村厕所改造、特色产业发展",
            (
                "农业产业链条较短，农产品精深加工能力不足",
                "农村人居环境整治长效管护机制还不健全",
                "新型农业经营主体带动能力不强",
            ),
            (
                ("稳定粮食生产", "落实粮食安全责任制，新建高标准农田3万亩。"),
                ("壮大特色产业", "培育农业产业化龙头企业，延长产业链条，提高附加值。"),
                ("改善农村人居环境", "健全农村厕所和污水治理设施长效管护机制。"),
            ),
        ),
        D(
            "市水利和湖泊局",
            "赵永刚",
            "统筹水资源保护、水旱灾害防御和水利工程建设，全面推行河湖长制",
            (
                (
                    "全面推行河湖长制",
                    "建立市、乡、村三级河湖长体系，落实各级河湖长426名，全年各级河湖长巡河巡湖"
                    "1.8万人次。开展河湖“清四乱”专项行动，清理整治问题点位136处，主要河流水质"
                    "稳定达到国家考核要求。",
                ),
                (
                    "加快水利工程建设",
                    "全年完成水利投资6.2亿元，实施中小河流治理项目4个，治理河长38公里；完成"
                    "小型水库除险加固21座，新建和改造农村供水工程46处，巩固提升9.6万农村人口"
                    "饮水安全水平。",
                ),
                (
                    "做好水旱灾害防御",
                    "修订完善防汛抗旱应急预案，储备防汛物资价值860万元，组织防汛演练12次。"
                    "成功应对汛期5轮强降雨过程，全市水库无一垮坝，堤防无一溃决，未发生人员伤亡。",
                ),
            ),
            "《中华人民共和国水法》《中华人民共和国防洪法》《中华人民共和国河道管理条例》",
            "全年查处非法采砂、非法占用河道等水事违法案件24件",
            "河湖长制落实",
            "中小河流治理和农村供水工程",
            (5, 8),
            "农村饮水安全、小型水库除险加固、河道治理",
            (
                "部分小型水库管护责任落实不到位，管护经费不足",
                "农村供水工程建后管理薄弱，水费收缴率偏低",
                "河湖管理范围划界工作进展较慢",
            ),
            (
                ("深化河湖长制", "推动河湖长制从有名有实向有能有效转变。"),
                ("推进水利项目建设", "加快中小河流治理和病险水库除险加固进度。"),
                ("保障农村供水安全", "推行农村供水工程专业化管护，提高供水保证率。"),
            ),
        ),
        D(
            "市住房和城乡建设局",
            "黄晓东",
            "推进城市建设和管理，改善群众住房条件，规范建筑市场秩序",
            (
                (
                    "改善群众居住条件",
                    "全年开工改造老旧小区26个，惠及居民4320户；棚户区改造新开工1680套，基本建成"
                    "1420套；发放公租房租赁补贴310万元，保障困难家庭1280户。完成农村危房改造"
                    "635户，贫困户住房安全全部有保障。",
                ),
                (
                    "提升城市功能品质",
                    "新建和改造城市道路12.6公里，新增城市绿地18万平方米，改造城区雨污管网23"
                    "公里，城市生活污水集中处理率达到95%。推进海绵城市建设，城市内涝点整治完成"
                    "率达到100%。",
                ),
                (
                    "规范建筑市场秩序",
                    "开展建筑施工安全生产大检查，检查在建项目186个次，下达整改通知书94份，全年"
                    "未发生较大以上建筑安全事故。严格落实农民工工资保证金制度，为1860名农民工"
                    "追回工资2680万元。",
                ),
            ),
            "《中华人民共和国城乡规划法》《中华人民共和国建筑法》《物业管理条例》",
            "全年办理住建领域行政处罚案件58件",
            "老旧小区改造",
            "老旧小区改造和城市道路建设项目",
            (12, 8),
            "老旧小区改造、物业管理、城区停车、雨污分流",
            (
                "老旧小区改造后长效管理机制还不健全",
                "物业服务企业服务质量参差不齐，群众投诉较多",
                "建筑施工安全监管力量不足",
            ),
            (
                ("推进城市更新", "持续推进老旧小区改造和棚户区改造，完善配套设施。"),
                ("加强物业管理", "建立物业服务质量考评机制，提升物业服务水平。"),
                ("强化安全监管", "压实参建各方主体责任，坚决防范建筑安全事故。"),
            ),
        ),
        D(
            "市自然资源和规划局",
            "周立新",
            "统筹国土空间规划、耕地保护和自然资源要素保障",
            (
                (
                    "全力保障发展用地",
                    "全年争取新增建设用地指标2860亩，报批建设用地42批次，保障了外环线、工业园区"
                    "等重点项目用地需求。出让国有建设用地56宗1380亩，实现土地出让收入12.6亿元。",
                ),
                (
                    "严格保护耕地资源",
                    "落实耕地保护目标责任制，全市耕地保有量和永久基本农田保护面积全面完成上级"
                    "下达任务。实施土地整治项目8个，新增耕地3120亩，补充耕地数量、质量双达标。",
                ),
                (
                    "有序推进国土空间规划",
                    "启动市级国土空间总体规划编制，完成资源环境承载能力和国土空间开发适宜性"
                    "评价。完成村庄规划编制46个，城区控制性详细规划覆盖率达到92%。",
                ),
            ),
            "《中华人民共和国土地管理法》《中华人民共和国城乡规划法》《中华人民共和国矿产资源法》",
            "全年立案查处土地违法案件37件，拆除违法建筑2.1万平方米",
            "国土空间规划编制",
            "土地整治和村庄规划项目",
            (6, 7),
            "农村宅基地管理、城区规划、不动产登记",
            (
                "批而未供和闲置土地处置进度较慢",
                "不动产登记历史遗留问题化解难度较大",
                "基层国土资源所监管力量偏弱",
            ),
            (
                ("完成国土空间规划编制", "按期完成市级国土空间总体规划报批。"),
                ("盘活存量土地", "加大批而未供和闲置土地处置力度，提高节约集约用地水平。"),
                ("优化便民服务", "推进不动产登记“一窗受理、集成服务”。"),
            ),
        ),
        D(
            "市文化和旅游局",
            "吴海燕",
            "推进公共文化服务体系建设，加快文化旅游融合发展",
            (
                (
                    "完善公共文化服务体系",
                    "建成市图书馆、文化馆总分馆体系，设立分馆18个；新建村级综合性文化服务中心"
                    "64个。全年开展送戏下乡演出260场，放映农村公益电影3600场，惠及群众"
                    "50余万人次。",
                ),
                (
                    "推动文旅融合发展",
                    "成功创建国家4A级旅游景区1家，全年接待游客680万人次，实现旅游综合收入"
                    "52亿元，分别增长13.5%和15.2%。举办文化旅游节会活动12场，打造精品旅游"
                    "线路6条。",
                ),
                (
                    "加强文物保护利用",
                    "完成第三批市级文物保护单位公布工作，新增市级文物保护单位15处。实施文物"
                    "保护修缮工程5项，开展文物安全检查120余次，未发生文物安全事故。",
                ),
            ),
            "《中华人民共和国公共文化服务保障法》《中华人民共和国文物保护法》《中华人民共和国旅游法》",
            "全年检查文化市场经营单位1360家次，办理行政处罚案件29件",
            "全域旅游发展",
            "景区建设和文物保护修缮项目",
            (7, 5),
            "乡村文化设施、旅游公路、古村落保护",
            (
                "文旅产品同质化明显，旅游消费层次不高",
                "基层公共文化设施使用效率不高",
                "文物保护经费投入不足",
            ),
            (
                ("提升公共文化服务效能", "推进基层综合性文化服务中心提档升级。"),
                ("打造文旅精品", "加快重点景区提档升级，培育文旅消费新业态。"),
                ("加强文物保护", "落实文物安全责任，推进重点文物保护修缮。"),
            ),
        ),
        D(
            "市市场监督管理局",
            "徐文斌",
            "深化商事制度改革，守牢食品药品安全底线，维护公平竞争的市场秩序",
            (
                (
                    "优化营商环境",
                    "全面推行企业开办“一窗通办”，企业开办时间压缩至3个工作日以内。全年新登记"
                    "市场主体7860户，同比增长14.2%，全市市场主体总量达到5.36万户。",
                ),
                (
                    "守牢食品药品安全底线",
                    "完成食品安全抽检2860批次，合格率98.2%；检查食品生产经营单位1.2万户次，"
                    "立案查处食品安全案件186件。开展药品和医疗器械专项检查，全年未发生重大食品"
                    "药品安全事故。",
                ),
                (
                    "强化特种设备和产品质量监管",
                    "检验特种设备4120台套，整改安全隐患236处；开展产品质量监督抽查420批次，"
                    "全市特种设备事故率为零。受理消费者投诉举报3860件，为消费者挽回经济损失"
                    "186万元。",
                ),
            ),
            "《中华人民共和国食品安全法》《中华人民共和国反不正当竞争法》《中华人民共和国消费者权益保护法》",
            "全年办理市场监管行政处罚案件412件，罚没款380万元",
            "食品安全",
            "农贸市场和学校食堂",
            (8, 6),
            "农贸市场改造、校园食品安全、电梯安全",
            (
                "基层市场监管所力量薄弱，执法装备不足",
                "食品小作坊、小摊贩监管难度较大",
                "信用监管手段运用还不够充分",
            ),
            (
                ("持续优化营商环境", "深化“证照分离”改革，推进市场主体登记便利化。"),
                ("保障食品药品安全", "加大抽检力度，严厉打击食品药品违法行为。"),
                ("加强信用监管", "推进“双随机、一公开”监管全覆盖。"),
            ),
        ),
        D(
            "市人力资源和社会保障局",
            "孙丽华",
            "坚持就业优先，扩大社会保险覆盖面，构建和谐劳动关系",
            (
                (
                    "稳定和扩大就业",
                    "全年城镇新增就业6230人，城镇登记失业率控制在3.1%以内。开展职业技能培训"
                    "1.1万人次，举办招聘会36场，帮助农村劳动力转移就业1.8万人，发放创业担保"
                    "贷款1.26亿元。",
                ),
                (
                    "完善社会保障体系",
                    "全市企业职工基本养老保险参保人数达到8.6万人，城乡居民基本养老保险参保率"
                    "达到95%。按时足额发放各项社会保险待遇，企业退休人员基本养老金实现15连调。",
                ),
                (
                    "维护劳动关系和谐稳定",
                    "开展根治欠薪专项行动，检查用人单位620户，为2360名劳动者追讨工资3860万元。"
                    "受理劳动人事争议案件186件，结案率98%。",
                ),
            ),
            "《中华人民共和国劳动法》《中华人民共和国劳动合同法》《中华人民共和国社会保险法》",
            "全年办理劳动保障监察案件126件",
            "就业和社会保障",
            "就业服务中心和技能培训基地",
            (9, 4),
            "就业创业、社保扩面、农民工工资",
            (
                "就业结构性矛盾仍然突出，技能人才供给不足",
                "灵活就业人员参保率偏低",
                "欠薪问题在工程建设领域时有发生",
            ),
            (
                ("稳就业保就业", "落实就业优先政策，加强重点群体就业帮扶。"),
                ("推进社保扩面", "推动灵活就业人员和新业态从业人员参保。"),
                ("根治拖欠农民工工资", "全面落实工资专户和保证金制度。"),
            ),
        ),
        D(
            "市生态环境局",
            "马俊",
            "坚决打好污染防治攻坚战，持续改善生态环境质量",
            (
                (
                    "打好蓝天保卫战",
                    "全年城区空气质量优良天数比例达到86.3%，PM2.5平均浓度同比下降8.2%。"
                    "完成燃煤锅炉淘汰改造26台，整治“散乱污”企业48家，严格落实扬尘管控措施。",
                ),
                (
                    "打好碧水保卫战",
                    "全市6个国控、省控断面水质全部达到考核目标，集中式饮用水水源地水质达标率"
                    "100%。完成乡镇污水处理厂提标改造8座，整治入河排污口34个。",
                ),
                (
                    "打好净土保卫战",
                    "完成农用地土壤污染状况详查，建立重点监管企业名录。规范危险废物经营单位管理，"
                    "医疗废物集中无害化处置率达到100%。",
                ),
            ),
            "《中华人民共和国环境保护法》《中华人民共和国大气污染防治法》《中华人民共和国水污染防治法》",
            "全年查处环境违法案件68件，罚款金额620万元",
            "环境状况和环境保护目标完成情况",
            "污水处理厂和重点排污企业",
            (6, 6),
            "乡镇污水处理、畜禽养殖污染、扬尘治理",
            (
                "部分乡镇污水处理设施运行负荷率偏低",
                "农业面源污染治理任务依然繁重",
                "环境监管执法能力与新形势要求还有差距",
            ),
            (
                ("巩固大气污染治理成果", "加强扬尘和移动源污染治理。"),
                ("深化水污染防治", "推进乡镇污水管网建设，提高设施运行负荷率。"),
                ("加强环境执法", "保持环境执法高压态势，依法严惩环境违法行为。"),
            ),
        ),
        D(
            "市商务局",
            "胡少华",
            "稳外贸、扩内需、促消费，推动商贸流通业高质量发展",
            (
                (
                    "推动消费扩容提质",
                    "全市社会消费品零售总额达到186亿元，同比增长10.2%。举办消费促进活动18场，"
                    "新培育限额以上商贸企业42家。推进城乡商贸流通体系建设，建成乡镇商贸中心6个。",
                ),
                (
                    "稳定外贸外资",
                    "全年外贸进出口总额4.6亿美元，增长7.8%；实际利用外资3200万美元。组织企业"
                    "参加广交会等展会26家次，帮助企业争取外贸发展资金680万元。",
                ),
                (
                    "发展电子商务",
                    "建成市级电子商务公共服务中心和镇村服务站点186个，全年网络零售额达到28亿元。"
                    "开展电商技能培训3200人次，带动农产品网上销售8.6亿元。",
                ),
            ),
            "《中华人民共和国对外贸易法》《中华人民共和国电子商务法》",
            "全年开展成品油市场和单用途预付卡专项检查，查处违规经营案件15件",
            "商贸流通业发展",
            "乡镇商贸中心和电商服务站",
            (5, 7),
            "农贸市场建设、电商进农村、外贸企业扶持",
            (
                "消费市场新业态培育不足，商贸企业规模偏小",
                "外贸企业抗风险能力较弱，出口市场较为单一",
                "农村电商物流成本偏高",
            ),
            (
                ("促进消费升级", "培育夜间经济和特色商业街区，扩大居民消费。"),
                ("稳定外贸基本盘", "支持外贸企业开拓新兴市场。"),
                ("完善农村流通体系", "推进县乡村三级物流配送体系建设。"),
            ),
        ),
        D(
            "市应急管理局",
            "朱国庆",
            "统筹安全生产、防灾减灾救灾和应急救援，保障人民群众生命财产安全",
            (
                (
                    "狠抓安全生产责任落实",
                    "全年全市生产安全事故起数和死亡人数同比分别下降18%和22%，未发生较大以上生产"
                    "安全事故。开展安全生产专项整治三年行动，排查整改隐患4320处，关闭不具备安全"
                    "生产条件的企业9家。",
                ),
                (
                    "提升防灾减灾救灾能力",
                    "修订完善自然灾害救助应急预案，建成应急避难场所12处，储备救灾物资价值580万元。"
                    "全年紧急转移安置受灾群众3860人次，发放救灾资金460万元。",
                ),
                (
                    "加强应急救援队伍建设",
                    "组建综合性应急救援队伍1支、专业救援队伍8支，组织各类应急演练46场次，"
                    "参演人员1.2万人次，应急处置能力明显提升。",
                ),
            ),
            "《中华人民共和国安全生产法》《中华人民共和国突发事件应对法》",
            "全年办理安全生产行政处罚案件96件，罚款金额268万元",
            "安全生产",
            "危险化学品企业和应急物资储备库",
            (6, 5),
            "应急避难场所、消防安全、危化品运输",
            (
                "部分企业安全生产主体责任落实不到位",
                "基层应急管理力量薄弱，专业人才缺乏",
                "应急物资储备种类和数量仍有不足",
            ),
            (
                ("压实安全生产责任", "推动企业全员安全生产责任制落实到位。"),
                ("提升应急救援能力", "加强专业救援队伍建设和应急演练。"),
                ("完善应急物资保障", "优化物资储备布局，提高保障能力。"),
            ),
        ),
        D(
            "市审计局",
            "郭春燕",
            "依法全面履行审计监督职责，推进审计全覆盖",
            (
                (
                    "做好预算执行审计",
                    "完成本级预算执行和其他财政收支审计，查出违规和管理不规范问题金额2.6亿元，"
                    "提出审计建议26条，推动完善制度12项，审计工作报告和整改情况报告均按时提请"
                    "市人大常委会审议。",
                ),
                (
                    "开展经济责任审计",
                    "完成领导干部经济责任审计项目18个，涉及领导干部26名。坚持审计与纪检监察、"
                    "组织人事等部门协作配合，移送问题线索6件。",
                ),
                (
                    "加强重点领域审计",
                    "开展扶贫资金、保障性安居工程、医疗保险基金等专项审计9项，促进资金归还原"
                    "渠道和拨付到位4800万元，推动相关政策措施落地见效。",
                ),
            ),
            "《中华人民共和国审计法》《中华人民共和国审计法实施条例》",
            "全年依法作出审计决定32份",
            "审计查出问题整改",
            "政府投资项目审计工作",
            (4, 3),
            "政府投资审计、扶贫资金审计",
            (
                "审计整改跟踪督办力度还需加强",
                "大数据审计能力建设相对滞后",
                "审计力量与审计全覆盖要求不相适应",
            ),
            (
                ("推进审计全覆盖", "统筹安排审计项目，做到应审尽审。"),
                ("强化整改落实", "建立审计整改台账，实行销号管理。"),
                ("提升审计能力", "推进大数据审计，提高审计质量和效率。"),
            ),
        ),
        D(
            "市统计局",
            "何志远",
            "依法组织统计调查，提高统计数据质量，服务全市经济社会发展",
            (
                (
                    "完成第四次全国经济普查",
                    "全面完成第四次全国经济普查登记和数据审核，普查单位1.26万个，数据质量经上级"
                    "抽查全部合格。",
                ),
                ("加强统计执法检查", "开展统计执法检查，检查企业86家，立案查处统计违法案件9件。"),
                ("提升统计服务水平", "编印统计年鉴和统计月报，全年撰写统计分析报告36篇。"),
            ),
            "《中华人民共和国统计法》",
            "全年立案查处统计违法案件9件",
            "统计工作",
            "统计数据采集工作",
            (2, 2),
            "统计数据质量",
            ("基层统计力量薄弱", "统计信息化水平不高", "统计分析深度不够"),
            (
                ("防范统计造假", "落实统计造假弄虚作假责任制。"),
                ("提升数据质量", "加强源头数据审核。"),
                ("加强统计服务", "提高统计分析质量。"),
            ),
        ),
    )
}

ABSENT = (("市退役军人事务局", "林卫东", "局长"), ("市林业局", "罗建华", "局长"))

# Last year's case (samples/case-2018.json) left three issues of 市民政局 open; its report
# answers two in a 整改情况 section and passes over the third, which AR203 must name.
LAST_YEAR_CASE = "case-2018.json"
RECTIFICATION = {
    "市民政局": (
        (
            "特困人员供养服务设施护理能力不足",
            "投入资金1260万元改造乡镇福利院12所，新增护理型床位180张，配备专职护理员46名，"
            "特困人员供养服务设施护理能力不足的问题已基本解决。",
        ),
        (
            "社会救助家庭经济状况核对机制不健全",
            "建成社会救助家庭经济状况核对平台，与公安、人社、不动产登记等8个部门实现数据共享，"
            "全年核对申请家庭5620户次，社会救助家庭经济状况核对机制不健全的问题已整改到位。",
        ),
    )
}
UNANSWERED = {"市民政局": ("对代表建议办理结果跟踪问效不够",)}


# --- text -------------------------------------------------------------------------------


def cn_number(n: int) -> str:
    """一 … 十九, enough for heading numbers."""
    digits = "一二三四五六七八九"
    if n < 10:
        return digits[n - 1]
    return "十" + (digits[n - 10 - 1] if n > 10 else "")


def date_text(day: dt.date, zeros: bool = False) -> str:
    """A 成文日期: 2020年3月5日, or the defective 2020年03月05日."""
    if zeros:
        return f"{day.year}年{day.month:02d}月{day.day:02d}日"
    return f"{day.year}年{day.month}月{day.day}日"


def blocks_for(sample: Sample) -> list[Block]:
    """The paragraphs of one report, defect applied to the text where the defect is textual."""
    d = sample.dept
    rng = random.Random(d.name)
    year = YEAR - 1 if sample.defect == "wrong_year" else YEAR
    nxt = year + 1
    short = sample.defect == "too_short"

    def y(text: str) -> str:
        return text.replace("{year}", str(year)).replace("{next}", str(nxt))

    sections: list[tuple[str, list[Block]]] = []
    intro = rng.choice(
        [
            "{year}年，本人坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻党的十九大和"
            "十九届二中、三中、四中全会精神，团结带领全局干部职工，",
            "{year}年，在市委、市政府的坚强领导和市人大常委会的监督支持下，本人坚持稳中求进"
            "工作总基调，带领班子成员和全局干部职工，",
            "{year}年，本人认真履行市人大常委会任命的职务，牢固树立“四个意识”，坚定“四个"
            "自信”，做到“两个维护”，团结带领全局上下，",
        ]
    )
    part1 = [Block("body", y(intro + d.mission + "，较好地完成了年度目标任务。主要做了以下工作："))]
    for i, (heading, text) in enumerate(d.achievements, start=1):
        if short:
            part1.append(Block("body", y(text.split("。")[0] + "。")))
            continue
        part1.append(Block("h2", f"（{cn_number(i)}）{heading}"))
        if i == 2 and d.items:
            for j, item in enumerate(d.items, start=1):
                part1.append(Block("h3", y(f"{j}.{item}")))
        part1.append(Block("body", y(text)))
    team = rng.choice(
        [
            "坚持把党的政治建设摆在首位，认真落实全面从严治党主体责任，严格执行民主集中制，"
            "重大事项坚持集体研究决定。扎实开展“不忘初心、牢记使命”主题教育，深入基层调研"
            f"{rng.randint(18, 36)}次，检视整改问题{rng.randint(12, 28)}个，班子的凝聚力和"
            "战斗力进一步增强。",
            "坚持抓班子、带队伍，定期召开党组会和局务会研究部署工作，完善干部考核评价机制，"
            f"全年选拔任用中层干部{rng.randint(4, 11)}名，组织干部业务培训{rng.randint(6, 15)}"
            "期，机关作风和办事效率明显改善，群众满意度持续提升。",
            "坚持以上率下，带头落实“三会一课”、谈心谈话等制度，全年讲党课"
            f"{rng.randint(2, 4)}次，走访联系服务对象{rng.randint(40, 90)}户次，推动解决群众"
            "反映的难点问题，干部队伍干事创业的精气神进一步提振。",
        ]
    )
    if not short:
        part1.append(Block("h2", f"（{cn_number(len(d.achievements) + 1)}）加强班子和队伍建设"))
        part1.append(Block("body", y(team)))
    sections.append(("履职基本情况", part1 if not short else part1[:3]))

    study = rng.choice(["集中学法", "党组理论学习中心组专题学法", "局务会会前学法"])
    n_study = rng.randint(8, 14)
    n_decide = rng.randint(9, 26)
    n_review = rng.randint(12, 48)
    law_part = [
        Block("h2", "（一）带头尊法学法，提升法治素养"),
        Block(
            "body",
            y(
                f"本人始终把学习宪法和法律法规作为履职的基本功，坚持{study}制度，全年组织"
                f"集中学法{n_study}次，系统学习了《中华人民共和国宪法》《中华人民共和国监察法》"
                f"以及{d.law}等法律法规。带头参加全市领导干部法治专题讲座和年度学法用法考试，"
                f"成绩{rng.randint(92, 98)}分，并为全局干部讲授法治课{rng.randint(1, 3)}次。"
            ),
        ),
        Block("h2", "（二）坚持依法决策，规范权力运行"),
        Block(
            "body",
            y(
                f"严格执行重大行政决策法定程序，{{year}}年提交局党组会和局长办公会研究的重大"
                f"事项{n_decide}项，全部经过合法性审查；法律顾问参与审查合同和规范性文件"
                f"{n_review}件。全面推行行政执法公示、执法全过程记录和重大执法决定法制审核"
                f"制度，{d.enforcement}，未发生行政复议被撤销或行政诉讼败诉的情况。"
            ),
        ),
        Block("h2", "（三）自觉接受人大监督"),
        Block(
            "body",
            y(
                f"坚持重大事项向市人大常委会报告，{{year}}年向市人大常委会专题报告{d.topic}"
                f"工作{rng.randint(1, 2)}次，主动邀请人大代表视察{d.visit}，认真听取代表"
                "意见建议，自觉接受法律监督和工作监督。"
            ),
        ),
    ]
    law_part += [
        Block("h2", "（四）落实普法责任制"),
        Block(
            "body",
            y(
                f"认真落实“谁执法谁普法”普法责任制，结合{d.topic}工作特点制定年度普法计划，"
                f"组织开展“宪法宣传周”等集中宣传活动{rng.randint(8, 20)}场次，发放宣传资料"
                f"{rng.randint(3, 12)}000余份，在执法办案和服务群众的过程中同步释法说理，"
                "营造了办事依法、遇事找法的良好氛围。"
            ),
        ),
    ]
    sections.append(("学法用法和依法履职情况", law_part if not short else [law_part[1]]))

    main, co = d.suggestions
    solved = main + co - rng.randint(0, 2)
    sug = [
        Block(
            "body",
            y(
                f"{{year}}年，我局共承办市人大代表建议{main + co}件，其中主办{main}件、协办"
                f"{co}件，内容主要涉及{d.suggestion_topics}等方面。本人坚持亲自研究部署、"
                "亲自督办重点建议，实行“局长负总责、分管领导具体抓、责任科室抓落实”的办理"
                f"机制，所有建议均在规定时限内办结答复，已解决或列入计划解决的{solved}件，"
                "代表满意和基本满意率100%。"
            ),
        ),
        Block(
            "body",
            y(
                f"对市人大常委会审议{d.topic}工作报告时提出的审议意见，本人组织逐条研究，"
                f"制定整改措施{rng.randint(6, 12)}条，明确责任科室和完成时限，整改情况已于"
                f"{{year}}年{rng.randint(9, 11)}月书面报告市人大常委会。"
            ),
        ),
    ]
    sug.append(
        Block(
            "body",
            y(
                "同时，本人注重加强与人大代表的日常联系，通过走访座谈、邀请参加重要活动、"
                f"寄送工作简报等方式，全年走访联系人大代表{rng.randint(15, 40)}人次，主动通报"
                "工作情况，及时把代表的意见建议转化为改进工作的具体举措。"
            ),
        )
    )
    sections.append(("办理代表建议和审议意见情况", sug if not short else sug[:1]))

    spend = rng.randint(12, 60) + rng.randint(0, 9) / 10
    drop = rng.randint(5, 21)
    clean = [
        Block(
            "body",
            y(
                "本人认真履行党风廉政建设“一岗双责”，严格遵守中央八项规定及其实施细则精神，"
                f"坚决反对“四风”。与班子成员和科室负责人签订党风廉政建设责任书{rng.randint(9, 24)}"
                f"份，开展廉政谈话{rng.randint(20, 60)}人次。严格执行领导干部个人有关事项报告"
                f"制度，如实报告个人有关事项。{{year}}年局机关“三公”经费支出{spend}万元，"
                f"同比下降{drop}%。"
            ),
        ),
        Block(
            "body",
            "本人没有违规收受礼品礼金、违规兼职取酬等问题，没有利用职权和职务影响为亲属"
            "谋取利益，自觉做到干净干事、清白做人。",
        ),
        Block(
            "body",
            rng.choice(
                [
                    "注重家庭家教家风建设，经常提醒家属和身边工作人员严守纪律规矩，"
                    "自觉接受组织监督、群众监督和舆论监督，始终保持清正廉洁的政治本色。",
                    "坚持把纪律和规矩挺在前面，带头开展廉政风险点排查，完善内部控制制度"
                    f"{rng.randint(6, 15)}项，管好家属和身边工作人员，树立了良好的家风。",
                ]
            ),
        ),
    ]
    if sample.defect != "missing_section":
        sections.append(("廉洁自律情况", clean if not short else clean[:1]))

    answers = RECTIFICATION.get(d.name, ()) if sample.options.get("rectification") else ()
    if answers:
        fixed = [
            Block(
                "body",
                f"针对市人大常委会反馈的{YEAR - 1}年度履职报告评阅问题清单，本人牵头制定整改方案，"
                "逐项明确责任科室和完成时限，整改情况如下。",
            )
        ]
        for i, (issue, text) in enumerate(answers, start=1):
            fixed.append(Block("h2", f"（{cn_number(i)}）关于{issue}的问题"))
            fixed.append(Block("body", text))
        sections.append(("上年度问题整改情况", fixed))

    p1, p2, p3 = d.problems
    problems = [
        Block(
            "body",
            "回顾一年来的工作，虽然取得了一定成效，但对照上级要求和群众期盼，还存在一些问题"
            f"和不足：一是{p1}；二是{p2}；三是{p3}。对这些问题，本人将高度重视，认真加以解决。",
        )
    ]
    if not short:
        problems.append(
            Block(
                "body",
                rng.choice(
                    [
                        "从本人自身看，理论学习的系统性还不够强，深入基层调查研究的时间还不够多，"
                        "运用法治思维和法治方式推动工作、化解矛盾的能力还需要进一步提高。",
                        "从本人自身看，抓工作落实的韧劲还需加强，对一些长期积累的难点问题研究"
                        "不够深入，创新工作方法、破解发展难题的办法还不够多。",
                        "从本人自身看，有时忙于日常事务，对政策的前瞻性研究不够，对基层单位的"
                        "督促指导还不够经常，工作标准和效率还有提升空间。",
                    ]
                ),
            )
        )
    sections.append(("存在的问题和不足", problems))

    plans = [
        Block(
            "body",
            y(
                "{next}年，本人将在市委、市政府的坚强领导下，自觉接受市人大及其常委会的"
                "监督，重点抓好以下工作："
            ),
        )
    ]
    for i, (heading, text) in enumerate(d.plans, start=1):
        if short:
            continue
        plans.append(Block("h2", f"（{cn_number(i)}）{heading}"))
        plans.append(Block("body", y(text + PLAN_TAILS[(i + rng.randint(0, 9)) % len(PLAN_TAILS)])))
    if not short:
        plans.append(
            Block(
                "body",
                y(
                    "本人将始终牢记人民代表大会的重托，进一步增强法治意识、责任意识和服务意识，"
                    f"恪尽职守、担当作为，为推动{d.city}经济社会高质量发展作出新的更大贡献。"
                ),
            )
        )
    sections.append(("下一步工作打算", plans))

    title = f"{d.name}{d.post}{d.head}{year}年度履职报告"
    blocks = [Block("title", title), Block("empty")]
    blocks.append(
        Block(
            "body",
            y(
                f"根据《{d.city}人大常委会政府工作部门负责人履职报告评阅实施办法》的要求，"
                "现将本人{year}年度履职情况报告如下。"
            ),
        )
    )
    numbers = list(range(1, len(sections) + 1))
    if sample.defect == "heading_numbering":
        numbers = [n if n < 3 else n + 1 for n in numbers]  # 一、二、四、五 …
    for number, (heading, body) in zip(numbers, sections, strict=True):
        blocks.append(Block("h1", f"{cn_number(number)}、{heading}"))
        blocks.extend(body)
    blocks += [
        Block("empty"),
        Block("signature", f"{d.name} {d.head}"),
        Block("date", date_text(sample.signed, zeros=sample.defect == "date_zeros")),
    ]
    if sample.defect == "halfwidth":
        targets = _halfwidth_targets(blocks)
        blocks = [_halfwidth(b) if i in targets else b for i, b in enumerate(blocks)]
    return blocks


PLAN_TAILS = (
    "坚持问题导向和目标导向，细化任务清单、责任清单和时限清单，确保各项措施落地见效。",
    "加强统筹协调和督促检查，定期调度工作进展，及时研究解决推进中遇到的困难和问题。",
    "主动向市人大常委会报告进展情况，认真听取人大代表的意见建议，不断改进工作方法。",
    "健全完善长效机制，把工作成效体现到群众的获得感、幸福感和安全感上来。",
)


def _halfwidth_targets(blocks: list[Block]) -> set[int]:
    """Three body paragraphs, each holding full-width commas, to be typed with , and :."""
    bodies = [i for i, b in enumerate(blocks) if b.kind == "body" and "，" in b.text]
    return {bodies[1], bodies[len(bodies) // 2], bodies[-2]}


def _halfwidth(block: Block) -> Block:
    return Block(block.kind, block.text.replace("，", ",").replace("：", ":"))


def body_chars(blocks: list[Block]) -> int:
    """Body length as the rule counts it: non-whitespace, headings in, title/signature/date out."""
    return sum(
        sum(1 for ch in b.text if not ch.isspace())
        for b in blocks
        if b.kind in ("body", "h1", "h2", "h3", "h4")
    )


# --- formatting ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Look:
    """How one kind of paragraph looks: face, size in pt, alignment, indents in 字."""

    face: str
    size: float
    align: str = "both"
    first_chars: int = 2
    right_chars: int = 0


def looks(sample: Sample) -> dict[str, Look]:
    """The look of every kind of paragraph in `sample` (the font defects change the body)."""
    body_face = SONGTI if sample.defect == "body_font" else FANGSONG
    body_size = 12.0 if sample.defect == "body_size" else 16.0
    return {
        "title": Look(XIAOBIAOSONG, 22, "center", 0),
        "empty": Look(FANGSONG, 16),
        "body": Look(body_face, body_size),
        "h1": Look(HEITI, 16),
        "h2": Look(KAITI, 16),
        "h3": Look(FANGSONG, 16),
        "h4": Look(FANGSONG, 16),
        "signature": Look(FANGSONG, 16, "right", 0, 4),
        "date": Look(FANGSONG, 16, "right", 0, 2),
    }


def _el(tag: str, **attrs: str) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(key), value)
    return element


def _replace(parent, tag: str, new) -> None:
    """Put `new` in place of `parent`'s child `tag` (appended when there is none)."""
    old = parent.find(qn(tag))
    if old is not None:
        old.addprevious(new)
        parent.remove(old)
    else:
        parent.append(new)


def _fonts(face: str, latin: str) -> OxmlElement:
    # No theme attributes: they would override the explicit names.
    return _el(
        "w:rFonts", **{"w:ascii": latin, "w:hAnsi": latin, "w:eastAsia": face, "w:cs": latin}
    )


def _set_rpr(rpr, face: str, size: float, latin: str, bold: bool | None = None) -> None:
    """Fonts (eastAsia too, which python-docx's font.name does not set), size and bold."""
    _replace(rpr, "w:rFonts", _fonts(face, latin))
    half = str(int(size * 2))
    for tag in ("w:b", "w:bCs", "w:color", "w:sz", "w:szCs"):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
    if bold is not None:
        rpr.append(_el("w:b", **{"w:val": "1" if bold else "0"}))
        rpr.append(_el("w:bCs", **{"w:val": "1" if bold else "0"}))
    rpr.append(_el("w:color", **{"w:val": "000000"}))
    rpr.append(_el("w:sz", **{"w:val": half}))
    rpr.append(_el("w:szCs", **{"w:val": half}))
    _sort_rpr(rpr)


_RPR_ORDER = [
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:sz",
    "w:szCs",
    "w:lang",
]
_PPR_ORDER = [
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:outlineLvl",
    "w:spacing",
    "w:ind",
    "w:jc",
    "w:rPr",
]


def _sort(element, order: list[str]) -> None:
    """Children in schema order (Word refuses a file whose pPr/rPr children are out of order)."""
    rank = {qn(tag): i for i, tag in enumerate(order)}
    children = sorted(element, key=lambda c: rank.get(c.tag, len(order)))
    for child in children:
        element.remove(child)
        element.append(child)


def _sort_rpr(rpr) -> None:
    _sort(rpr, _RPR_ORDER)


def _set_ppr(ppr, look: Look, size: float) -> None:
    """Exact 28.95 pt lines, no space around, alignment and indents in 字 and twips."""
    _replace(
        ppr,
        "w:spacing",
        _el(
            "w:spacing",
            **{"w:before": "0", "w:after": "0", "w:line": str(LINE_TWIPS), "w:lineRule": "exact"},
        ),
    )
    char = int(size * 20)
    ind = {
        "w:firstLineChars": str(look.first_chars * 100),
        "w:firstLine": str(look.first_chars * char),
    }
    if look.right_chars:
        ind.update(
            {"w:rightChars": str(look.right_chars * 100), "w:right": str(look.right_chars * char)}
        )
    _replace(ppr, "w:ind", _el("w:ind", **ind))
    _replace(ppr, "w:jc", _el("w:jc", **{"w:val": look.align}))
    _sort(ppr, _PPR_ORDER)


def _style_pr(style, tag: str):
    found = style.element.find(qn(tag))
    if found is None:
        found = _el(tag)
        style.element.append(found)
    return found


def _defaults(doc) -> None:
    """docDefaults as a Chinese Word install has them: 宋体 五号, zh-CN, no theme fonts."""
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _replace(rpr, "w:rFonts", _fonts(SONGTI, LATIN))
    _replace(rpr, "w:sz", _el("w:sz", **{"w:val": "21"}))
    _replace(rpr, "w:szCs", _el("w:szCs", **{"w:val": "21"}))
    _replace(
        rpr, "w:lang", _el("w:lang", **{"w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"})
    )
    _sort_rpr(rpr)


def _restyle(doc, sample: Sample, look: dict[str, Look], headings_too: bool) -> None:
    """Modify Normal (and Heading 1/2) the way a user does in Word's style dialog."""
    normal = doc.styles["Normal"]
    body = look["body"]
    _set_rpr(_style_pr(normal, "w:rPr"), body.face, body.size, LATIN)
    _set_ppr(_style_pr(normal, "w:pPr"), body, body.size)
    if not headings_too:
        return
    for name, kind in (("Heading 1", "h1"), ("Heading 2", "h2")):
        style = doc.styles[name]
        _set_rpr(_style_pr(style, "w:rPr"), look[kind].face, look[kind].size, LATIN, bold=False)
        _set_ppr(_style_pr(style, "w:pPr"), look[kind], look[kind].size)
        # Word's default headings keep the next paragraph with them; harmless, so it stays.


def _paragraph(doc, block: Block, look: Look, sample: Sample) -> None:
    styled = sample.mode in ("styles", "mixed")
    heading_styles = sample.mode == "styles"
    style = None
    if heading_styles and block.kind in ("h1", "h2"):
        style = "Heading 1" if block.kind == "h1" else "Heading 2"
    p = doc.add_paragraph(style=style)
    ppr = p._p.get_or_add_pPr()
    # A styled paragraph carries formatting only where it differs from its style.
    differs = block.kind in ("title", "signature", "date")
    if not styled or differs:
        _set_ppr(ppr, look, look.size)
    direct_run = not styled or differs or (sample.mode == "mixed" and block.kind in ("h1", "h2"))
    if block.text:
        run = p.add_run(block.text)
        if direct_run:
            latin = look.face if not styled else LATIN
            _set_rpr(run._r.get_or_add_rPr(), look.face, look.size, latin)
    if not styled:
        # The paragraph mark keeps the formatting too, as Word writes it.
        mark = _el("w:rPr")
        ppr.append(mark)
        _set_rpr(mark, look.face, look.size, look.face)
        _sort(ppr, _PPR_ORDER)


def _footer_paragraph(paragraph, align: str) -> None:
    """A "— N —" page number in 4号宋体, one 字 in from the outer edge."""
    p = paragraph._p
    ppr = p.get_or_add_pPr()
    side = "w:right" if align == "right" else "w:left"
    _replace(
        ppr,
        "w:ind",
        _el(
            "w:ind",
            **{side: "280", side + "Chars": "100", "w:firstLine": "0", "w:firstLineChars": "0"},
        ),
    )
    _replace(
        ppr,
        "w:spacing",
        _el(
            "w:spacing", **{"w:before": "0", "w:after": "0", "w:line": "240", "w:lineRule": "auto"}
        ),
    )
    _replace(ppr, "w:jc", _el("w:jc", **{"w:val": align}))
    _sort(ppr, _PPR_ORDER)

    def run(text: str | None = None, fld: str | None = None, instr: str | None = None) -> None:
        r = _el("w:r")
        rpr = _el("w:rPr")
        r.append(rpr)
        _set_rpr(rpr, SONGTI, 14, SONGTI)
        if fld:
            r.append(_el("w:fldChar", **{"w:fldCharType": fld}))
        elif instr:
            t = _el("w:instrText")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = instr
            r.append(t)
        else:
            t = _el("w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = text
            r.append(t)
        p.append(r)

    run("— ")
    run(fld="begin")
    run(instr=" PAGE ")
    run(fld="separate")
    run("1")
    run(fld="end")
    run(" —")


def _page_setup(doc, sample: Sample) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if sample.defect == "word_margins":
        top, bottom, left, right = 25.4, 25.4, 31.8, 31.8  # Word's "Normal" margins
    else:
        top, bottom, left, right = 37, 35, 28, 26
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance, section.footer_distance = Mm(15), Mm(25)
    sect = section._sectPr
    _replace(
        sect, "w:docGrid", _el("w:docGrid", **{"w:type": "lines", "w:linePitch": str(LINE_TWIPS)})
    )
    doc.settings.odd_and_even_pages_header_footer = True
    _footer_paragraph(section.footer.paragraphs[0], "right")
    _footer_paragraph(section.even_page_footer.paragraphs[0], "left")


def build_docx(sample: Sample, blocks: list[Block]) -> bytes:
    """The .docx bytes of one report, with fixed core properties and zip timestamps."""
    doc = Document()
    look = looks(sample)
    _defaults(doc)
    _page_setup(doc, sample)
    if sample.mode in ("styles", "mixed"):
        _restyle(doc, sample, look, headings_too=sample.mode == "styles")
    for block in blocks:
        _paragraph(doc, block, look[block.kind], sample)
    _tighten(doc)
    props = doc.core_properties
    props.title = blocks[0].text
    props.author = props.last_modified_by = sample.dept.head
    props.subject = props.keywords = props.category = props.comments = ""
    props.revision = 3
    props.created = dt.datetime.combine(sample.signed - dt.timedelta(days=6), dt.time(9, 0))
    props.modified = dt.datetime.combine(sample.signed, dt.time(16, 30))
    raw = io.BytesIO()
    doc.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every member dated ZIP_TIME, so reruns give identical bytes."""
    from gongwen.writing import reproducible_zip, zip_members

    return reproducible_zip(zip_members(data), ZIP_TIME)


# --- the set of samples -------------------------------------------------------------------


def _d(month: int, day: int) -> dt.date:
    return dt.date(2020, month, day)


SAMPLES: tuple[Sample, ...] = (
    Sample(DEPARTMENTS["市财政局"], "styles", None, _d(3, 18), _d(3, 19)),
    Sample(DEPARTMENTS["市教育局"], "direct", None, _d(3, 12), _d(3, 13)),
    Sample(
        DEPARTMENTS["市民政局"],
        "mixed",
        None,
        _d(3, 20),
        _d(3, 23),
        options={"rectification": True},
    ),
    Sample(DEPARTMENTS["市交通运输局"], "styles", None, _d(3, 25), _d(3, 26)),
    Sample(DEPARTMENTS["市卫生健康局"], "direct", None, _d(3, 16), _d(3, 17)),
    Sample(DEPARTMENTS["市农业农村局"], "mixed", "late", _d(3, 30), _d(4, 3)),
    Sample(DEPARTMENTS["市水利和湖泊局"], "styles", "missing_section", _d(3, 19), _d(3, 20)),
    Sample(DEPARTMENTS["市住房和城乡建设局"], "direct", "too_short", _d(3, 26), _d(3, 27)),
    Sample(DEPARTMENTS["市自然资源和规划局"], "direct", "body_font", _d(3, 23), _d(3, 24)),
    Sample(DEPARTMENTS["市文化和旅游局"], "direct", "body_size", _d(3, 10), _d(3, 11)),
    Sample(DEPARTMENTS["市市场监督管理局"], "styles", "word_margins", _d(3, 27), _d(3, 30)),
    Sample(DEPARTMENTS["市人力资源和社会保障局"], "mixed", "date_zeros", _d(3, 5), _d(3, 9)),
    Sample(DEPARTMENTS["市生态环境局"], "styles", "wrong_year", _d(3, 17), _d(3, 18)),
    Sample(DEPARTMENTS["市商务局"], "direct", "heading_numbering", _d(3, 13), _d(3, 16)),
    # an office that still sends Word 97-2003 files: read through LibreOffice (IO008)
    Sample(DEPARTMENTS["市应急管理局"], "mixed", "halfwidth", _d(3, 24), _d(3, 26), fmt="doc"),
    Sample(DEPARTMENTS["市审计局"], "styles", None, _d(3, 24), _d(3, 25), fmt="pdf"),
    Sample(DEPARTMENTS["市统计局"], "direct", "unreadable", _d(3, 20), _d(3, 23), fmt="broken"),
)

DEFECTS = {  # defect: (中文, English)
    None: ("符合要求", "conforming"),
    "late": ("逾期报送（收文日期2020年4月3日）", "late: received 2020-04-03"),
    "missing_section": ("缺少“廉洁自律”部分", "no 廉洁自律 section"),
    "too_short": ("篇幅不足1500字", "too short: under 1,500 characters"),
    "body_font": ("正文字体为宋体", "body font 宋体 instead of 仿宋"),
    "body_size": ("正文字号为小四（12磅）", "body size 小四 (12 pt) instead of 三号"),
    "word_margins": ("Word默认页边距", "Word default margins 25.4/25.4/31.8/31.8 mm"),
    "date_zeros": ("成文日期带前导零（2020年03月05日）", "date with leading zeros"),
    "wrong_year": ("年度错误（写成2018年度）", "wrong year: 2018年度"),
    "heading_numbering": ("一级标题序号不连续（一、二、四）", "heading numbering 一、二、四"),
    "halfwidth": ("中文正文使用半角标点（, :）", "half-width , : in Chinese text"),
    "unreadable": ("文件损坏无法打开", "truncated, unreadable .docx"),
}


def expected(sample: Sample, blocks: list[Block]) -> list[dict[str, object]]:
    """The findings the sample must produce; paragraph numbers are 1-based over `blocks`."""
    number = {id(b): i for i, b in enumerate(blocks, start=1)}
    bodies = [number[id(b)] for b in blocks if b.kind == "body"]

    def one(code: str, paragraph: int | None = None, every: list[int] | None = None):
        found: dict[str, object] = {"code": code, "paragraph": paragraph}
        if every:
            found["paragraphs"] = every
        return found

    match sample.defect:
        case None:
            return []
        case "late":
            return [one("AR101")]
        case "missing_section":
            return [one("AR201")]
        case "too_short":
            return [one("AR202")]
        case "body_font":
            return [one("GB111", bodies[0], bodies)]
        case "body_size":
            return [one("GB112", bodies[0], bodies), one("GB115")]  # 小四: 37 a line
        case "word_margins":
            return [one(code) for code in ("GB102", "GB103", "GB104", "GB105", "GB115")]
        case "date_zeros":
            return [one("GB308", next(number[id(b)] for b in blocks if b.kind == "date"))]
        case "wrong_year":
            wrong = [number[id(b)] for b in blocks if f"{YEAR - 1}年度" in b.text]
            return [one("AR302", wrong[0], wrong)]
        case "heading_numbering":
            h1 = [number[id(b)] for b in blocks if b.kind == "h1"]
            return [one("GB305", h1[2])]
        case "halfwidth":
            hit = [number[id(b)] for b in blocks if "," in b.text or ":" in b.text]
            return [one("GB601", hit[0], hit)]
        case "unreadable":
            return [one("IO001")]
    raise ValueError(sample.defect)


# --- output ---------------------------------------------------------------------------------


def to_pdf(docx: bytes, sample: Sample, out: Path) -> bool:
    """Convert with gongwen's own exporter (shipped font aliases); False without soffice."""
    from gongwen.export import SofficeMissing
    from gongwen.export import to_pdf as export

    with tempfile.TemporaryDirectory(prefix="gongwen-samples-") as tmp:
        work = Path(tmp)
        source = work / "report.docx"
        source.write_bytes(docx)
        try:
            result = export([source], work)
        except SofficeMissing:
            return False
        if not result.ok:
            raise SystemExit(f"could not convert {sample.file}: {result.failures}")
        _fix_pdf(work / "report.pdf", sample, out)
    return True


def to_doc(docx: bytes, out: Path) -> bool:
    """The report saved as a Word 97-2003 .doc by LibreOffice; False without soffice."""
    from gongwen.export import SofficeMissing, find_soffice
    from gongwen.export.soffice import command, run_process

    try:
        program = find_soffice()
    except SofficeMissing:
        return False
    with tempfile.TemporaryDirectory(prefix="gongwen-samples-") as tmp:
        work = Path(tmp)
        source = work / "report.docx"
        source.write_bytes(docx)
        argv = command(program, work / "profile", work, [source], target="doc")
        outcome = run_process(argv, dict(os.environ, TMPDIR=tmp), 300)
        made = work / "report.doc"
        if not made.is_file():
            raise SystemExit(f"could not save {out.name} as .doc: {outcome.stderr}")
        out.write_bytes(made.read_bytes())
    return True


def _tighten(doc) -> None:
    """28 characters a line, as the report's author lays it out (GB115, GB704).

    3号 text in a 156 mm line sets 27 characters without help. Word fills a line with 28
    through a character grid, but LibreOffice breaks on a negative grid; −0.25 pt run
    spacing on the Normal style does it in both (shared/spec/rendering.md).
    """
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), "-5")
    rpr.append(spacing)


def _fix_pdf(source: Path, sample: Sample, out: Path) -> None:
    """The PDF with the report's own metadata and a fixed file id instead of today's."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    writer = PdfWriter(clone_from=PdfReader(source))
    stamp = f"D:{sample.signed:%Y%m%d}163000+08'00'"
    writer.metadata = None
    writer.add_metadata(
        {
            "/Title": blocks_for(sample)[0].text,
            "/Author": sample.dept.head,
            "/Creator": "Writer",
            "/Producer": "LibreOffice 7.4",
            "/CreationDate": stamp,
            "/ModDate": stamp,
        }
    )
    # LibreOffice derives the file id from the time of conversion; a fixed one keeps reruns equal.
    file_id = ByteStringObject(sample.file.encode("utf-8")[:16].ljust(16, b"\0"))
    writer._ID = ArrayObject([file_id, file_id])
    with out.open("wb") as fh:
        writer.write(fh)


def write_all(reports: Path) -> dict[str, object]:
    """Write every sample, the tables and the answers; return the answers."""
    reports.mkdir(parents=True, exist_ok=True)
    files: list[dict[str, object]] = []
    for sample in SAMPLES:
        blocks = blocks_for(sample)
        chars = body_chars(blocks)
        if sample.defect == "too_short":
            assert chars < 1500, (sample.file, chars)
        elif sample.fmt != "broken":
            assert 2000 <= chars <= 3500, (sample.file, chars)
        data = build_docx(sample, blocks)
        target = reports / sample.file
        if sample.fmt == "pdf":
            if not to_pdf(data, sample, target) and not target.exists():
                raise SystemExit(f"soffice is needed to make {target.name} the first time")
        elif sample.fmt == "doc":
            if not to_doc(data, target) and not target.exists():
                raise SystemExit(f"soffice is needed to make {target.name} the first time")
        elif sample.fmt == "broken":
            target.write_bytes(data[: len(data) * 2 // 5])  # cut off mid-transfer
        else:
            target.write_bytes(data)
        zh, en = DEFECTS[sample.defect]
        files.append(
            {
                "file": sample.file,
                "department": sample.dept.name,
                "official": sample.dept.head,
                "format": sample.fmt if sample.fmt in ("pdf", "doc") else "docx",
                "formatting": sample.mode,
                "received": sample.received.isoformat(),
                "signed": sample.signed.isoformat(),
                "body_chars": chars,
                "paragraphs": len(blocks) if sample.fmt in ("docx", "doc") else None,
                "defect": sample.defect or "none",
                "defect_zh": zh,
                "defect_en": en,
                "expect": expected(sample, blocks),
            }
        )
    answers = {
        "review_year": YEAR,
        "deadline": DEADLINE.isoformat(),
        "paragraph_numbering": (
            "1-based over the document body's paragraphs in order, empty ones included "
            "(headers and footers not counted); null = a whole-document finding. "
            "expect[].paragraph is where the (first) finding points; expect[].paragraphs, "
            "when given, lists every paragraph that carries the defect"
        ),
        "files": files,
        "absent": [
            {"department": dept, "official": name, "expect": [{"code": "AR102", "paragraph": None}]}
            for dept, name, _post in ABSENT
        ],
        "last_year": {
            "case": LAST_YEAR_CASE,
            "answered": {k: [issue for issue, _ in v] for k, v in RECTIFICATION.items()},
            "unanswered": {k: list(v) for k, v in UNANSWERED.items()},
        },
    }
    _write_tables(answers)
    text = yaml.safe_dump(answers, allow_unicode=True, sort_keys=False, width=100)
    header = "# Made by samples/make_samples.py: what each sample carries and must produce.\n"
    (reports.parent / "expected.yaml").write_text(header + text, encoding="utf-8")
    (HERE / "README.md").write_text(_readme(files), encoding="utf-8")
    return answers


def _write_tables(answers: dict[str, object]) -> None:
    files = answers["files"]
    with (HERE / "roster.csv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["单位", "姓名", "职务"])
        for f in files:
            out.writerow([f["department"], f["official"], DEPARTMENTS[f["department"]].post])
        for dept, name, post in ABSENT:
            out.writerow([dept, name, post])
    with (HERE / "register.csv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["文件", "单位", "收文日期"])
        for f in sorted(files, key=lambda f: (f["received"], f["file"])):
            out.writerow([f["file"], f["department"], f["received"]])


def _readme(files: list[dict[str, object]]) -> str:
    rows = "\n".join(
        f"| {f['file']} | {f['formatting']} | {f['defect_zh']} | {f['defect_en']} | "
        f"{', '.join(e['code'] for e in f['expect']) or '—'} |"
        for f in files
    )
    absent = "、".join(f"{d}（{n}）" for d, n, _ in ABSENT)
    return f"""# 样例：{YEAR}年度履职报告 / Samples: annual reports for {YEAR}

Made by `make_samples.py` (run `python samples/make_samples.py`; the PDF is rebuilt only where
LibreOffice is installed). Deadline 截止日期 {DEADLINE.isoformat()}. `roster.csv` 名册 also lists
{absent}, who submitted nothing (未报送, AR102); `register.csv` 收文登记 gives every received date.
The findings each file must produce, with paragraph numbers, are in `expected.yaml`.

| 文件 file | 排版方式 formatting | 问题 | defect | 应报 expected |
|---|---|---|---|---|
{rows}

Formatting: `styles` = Normal and Heading 1/2 styles modified; `direct` = formatting on every
run; `mixed` = Normal style for the body, headings formatted directly. The PDF was converted
with LibreOffice using free substitute faces (Noto CJK, Fandol where installed).
"""


def main(argv: list[str] | None = None) -> int:
    """Write the samples into samples/reports (or --out)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "reports")
    args = parser.parse_args(argv)
    answers = write_all(args.out)
    print(f"{len(answers['files'])} samples written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
