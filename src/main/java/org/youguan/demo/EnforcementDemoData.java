package org.youguan.demo;

import org.youguan.rules.Provision;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.CaseDecisions;
import org.youguan.enforcement.CaseEvidence;
import org.youguan.enforcement.CaseExecution;
import org.youguan.enforcement.CaseInvestigation;
import org.youguan.enforcement.DecisionLimit;
import org.youguan.enforcement.DecisionPublication;
import org.youguan.enforcement.Leads;
import org.youguan.enforcement.NoticeAndHearing;
import org.youguan.enforcement.Officer;
import org.youguan.enforcement.OnTheSpotPenalties;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.documents.PdfFiles;

/**
 * The demo city's penalty cases, through the enforcement module's own services and with dates counted back from
 * today: leads waiting (a report, a transfer) and one not filed; cases in every state of the procedure
 * ({@link org.youguan.enforcement.CaseStatus}) — 已立案 (one overdue), 调查取证 (due within days), 调查终结 with the legal
 * review its fine requires, 已告知, 听证 (requested after the notice), 已决定 (not yet delivered), 已执行 (paid, not yet
 * closed), 不予处罚, 撤案 — and decisions published: one fine paid (its evidence list: a 现场检查笔录 and a 询问笔录 with their records issued, a
 * photo) and the case closed ("处罚企业…家，罚款8000元"), one fine delivered and unpaid
 * past its deadline, so its 加处罚款 grows; a combined decision (没收违法所得并处罚款) delivered, its fine to pay and the
 * confiscation to hand over; the case under investigation holds a scanned 书证; one case transferred to the police (已移送) and one warning given on the spot
 * (简易程序). Every step issues its document, so the cases carry their documents. Inspections concluded as 立案线索 arrive as leads by themselves.
 */
@Component
class EnforcementDemoData {

	/** The city's certified investigators (InspectionDemoData's roster). */
	static final List<CaseInvestigation.Member> TEAM = List.of(new CaseInvestigation.Member("林执法", "32050004"),
			new CaseInvestigation.Member("冯安全", "32050002"));

	/** The teams named, by case, whose certificate numbers an evidence item names as its collectors. */
	private final Map<Long, List<CaseInvestigation.Member>> teams = new HashMap<>();

	private final Leads leads;

	private final DecisionPublication decisionPublication;

	private final CaseExecution caseExecution;

	private final OnTheSpotPenalties onTheSpotPenalties;

	private final DecisionLimit decisionLimit;

	private final CaseDecisions caseDecisions;

	private final NoticeAndHearing noticeAndHearing;

	private final CaseInvestigation caseInvestigation;

	private final CaseEvidence evidence;

	private final Enterprises enterprises;

	private final Clock clock;

	private final UserDirectory directory;

	private final PenaltyCases cases;

	/** Instalment days are approved on working days only (a rest day is refused, rule working-day). */
	private final WorkingCalendar calendar;

	EnforcementDemoData(Leads leads, DecisionPublication decisionPublication, CaseExecution caseExecution, OnTheSpotPenalties onTheSpotPenalties, DecisionLimit decisionLimit, CaseDecisions caseDecisions, NoticeAndHearing noticeAndHearing, CaseInvestigation caseInvestigation, CaseEvidence evidence, Enterprises enterprises,
			UserDirectory directory, Clock clock, WorkingCalendar calendar, PenaltyCases cases) {
		this.cases = cases;
		this.calendar = calendar;
		this.evidence = evidence;
		this.directory = directory;
		this.leads = leads;
		this.decisionPublication = decisionPublication;
		this.caseExecution = caseExecution;
		this.onTheSpotPenalties = onTheSpotPenalties;
		this.decisionLimit = decisionLimit;
		this.caseDecisions = caseDecisions;
		this.noticeAndHearing = noticeAndHearing;
		this.caseInvestigation = caseInvestigation;
		this.enterprises = enterprises;
		this.clock = clock;
	}

	void seed() {
		LocalDate t = LocalDate.now(clock);
		DataScope all = DataScope.all();
		List<EnterpriseView> city = enterprises.list(DataScope.region(DemoCity.CITY), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 40, "legal_name", "asc")).items();

		leads.report(all, new Leads.ReportData("REPORT", "12345政务服务热线转来", city.get(0).creditCode(), null,
				"群众反映快递员未经同意将快件投放快递驿站，且拒绝送货上门", t.minusDays(3).toString()), true);
		leads.report(all, new Leads.ReportData("TRANSFER", "昆山市邮政管理局移交", city.get(1).creditCode(), null,
				"该企业在昆山设立分支机构未备案，营业执照登记地在本市", t.minusDays(12).toString()), true);
		long notFiled = leads.report(all, new Leads.ReportData("REPORT", "市市场监管局来函", city.get(2).creditCode(), null,
				"来函反映快件包装过度", t.minusDays(30).toString()), true);
		leads.close(all, notFiled, "经核查，包装符合国家标准，不属于邮政管理部门处罚事项");

		// 已结案: a fine of 8000 paid on time, decision published
		long paid = file(all, city.get(3), "OUTLET_UNFILED", "末端网点开办3个月未备案", t.minusDays(82), t.minusDays(80));
		investigate(all, paid);
		evidence.add(all, paid, new CaseEvidence.EvidenceData("SITE_RECORD", "末端网点现场检查笔录",
				"现场检查发现该网点正常对外收件，门头标有企业品牌标识，未能出示末端网点备案回执", "吴中区长桥街道龙西路末端网点", "网点负责人王某",
				t.minusDays(78).toString(), collectors(paid)), null);
		evidence.add(all, paid, new CaseEvidence.EvidenceData("INQUIRY_RECORD", "询问笔录（企业负责人）",
				"问：该网点何时开始经营？答：今年春节后开始。问：是否向邮政管理部门备案？答：没有，不清楚需要备案。", "市邮政管理局询问室",
				"当事人负责人李某", t.minusDays(76).toString(), collectors(paid)), null);
		evidence.add(all, paid, new CaseEvidence.EvidenceData("PHOTO", "网点门头照片", "网点门头及营业场所", "长桥街道龙西路", null,
				t.minusDays(78).toString(), collectors(paid)), new UploadedFile("网点门头.png", photo()));
		caseInvestigation.concludeInvestigation(all, paid, new CaseInvestigation.Conclusion("查明当事人开办末端网点逾期未备案，经责令改正仍未办理",
				"FINE", "8000", false, null, null, null, t.minusDays(66).toString()));
		noticeAndHearing.notifyParty(all, paid, t.minusDays(62).toString());
		// the party's signed waiver, kept as its scan (a waiver typed as a statement is refused, rule use-waiver)
		noticeAndHearing.waiveStatement(all, paid, t.minusDays(60).toString(), new UploadedFile("放弃陈述申辩声明.pdf", scan()));
		String first = caseDecisions.decide(all, paid, new CaseDecisions.Decision(null, t.minusDays(56).toString(), "FINE", "8000",
				null, null, null));
		caseExecution.deliver(all, paid, CaseExecution.Delivery.direct(t.minusDays(55).toString()));
		decisionPublication.publish(all, paid, t.minusDays(52).toString());
		caseExecution.pay(all, paid, t.minusDays(45).toString(), "8000");
		caseExecution.close(all, paid, "罚款已缴清，" + first + "执行完毕");

		// 已送达, unpaid past the 15 days: the surcharge grows every day
		long unpaid = file(all, city.get(4), "DELIVERY_WITHOUT_CONSENT", "多次未经用户同意将快件投递至智能快件箱", t.minusDays(75),
				t.minusDays(72));
		investigate(all, unpaid);
		documentary(all, unpaid, "智能快件箱投递记录及用户投诉记录（复印件）", "当事人系统导出的37件快件投递记录与12345转来的用户投诉", t.minusDays(70));
		caseInvestigation.concludeInvestigation(all, unpaid, new CaseInvestigation.Conclusion("查明当事人未经用户同意使用智能快件箱投递快件37件",
				"FINE", "6000", false, null, null, null, t.minusDays(52).toString()));
		noticeAndHearing.notifyParty(all, unpaid, t.minusDays(50).toString());
		noticeAndHearing.recordStatement(all, unpaid, t.minusDays(49).toString(), "当事人称系末端人员自行所为，请求从轻");
		caseDecisions.decide(all, unpaid, new CaseDecisions.Decision(null, t.minusDays(45).toString(), "FINE", "5000", "LIGHTER",
				"ELIMINATED_HARM", "已对涉事快递员培训并逐一回访用户").reviewingStatement(false,
						"末端人员系当事人委派，其投递行为由当事人负责，该申辩不能免除责任；当事人已整改并回访用户，依" + Provision.PENALTY_MITIGATION + "从轻处罚"));
		caseExecution.deliver(all, unpaid, CaseExecution.Delivery.direct(t.minusDays(44).toString()));
		decisionPublication.publish(all, unpaid, t.minusDays(40).toString());

		// 调查终结 with the legal review a fine of 20000 requires
		long reviewed = file(all, city.get(5), "WAYBILL_DATA", "运单显示寄件人完整身份证号码", t.minusDays(40), t.minusDays(38));
		investigate(all, reviewed);
		documentary(all, reviewed, "电子运单样张（复印件）", "当事人使用中的电子运单模板打印样张，显示寄件人完整身份证号码", t.minusDays(36));
		caseInvestigation.concludeInvestigation(all, reviewed, new CaseInvestigation.Conclusion("查明当事人电子运单模板违规显示用户身份证号码",
				"FINE", "20000", false, null, null, null));
		caseInvestigation.review(all, reviewed, reviewer(city.get(5)), true, "事实清楚、证据确凿、适用依据正确、程序合法，同意");

		// 已告知, the statement window open
		long notified = file(all, city.get(6), "DATA_NOT_REPORTED", "连续两个月未报送快递业务统计数据", t.minusDays(30), t.minusDays(28));
		investigate(all, notified);
		documentary(all, notified, "统计数据报送记录（截图）", "邮政业统计信息系统中当事人近两个月的报送记录", t.minusDays(20));
		caseInvestigation.concludeInvestigation(all, notified, new CaseInvestigation.Conclusion("查明当事人未按规定报送统计数据", "FINE", "2000",
				false, null, null, null, t.minusDays(3).toString()));
		noticeAndHearing.notifyParty(all, notified, t.minusDays(1).toString());

		// the demo enterprise account's own case (sf.wz): 已告知 yesterday, its 陈述申辩 and 听证 window open on its portal
		directory.principal(DemoAccounts.ENTERPRISE.username())
			.map(CurrentUser::enterpriseCreditCode)
			.flatMap(enterprises::findByCreditCode)
			.ifPresent(sf -> {
				long own = file(all, sf, "DELIVERY_WITHOUT_CONSENT", "用户投诉快件未经同意投放快递驿站", t.minusDays(26),
						t.minusDays(25));
				investigate(all, own);
				documentary(all, own, "用户投诉记录及驿站入库记录（复印件）", "12件快件的投诉记录与快递驿站入库记录", t.minusDays(20));
				caseInvestigation.concludeInvestigation(all, own, new CaseInvestigation.Conclusion(
						"查明当事人未经用户同意将快件投放至快递驿站12件", "FINE", "6000", false, null, null, null,
						t.minusDays(3).toString()));
				noticeAndHearing.notifyParty(all, own, t.minusDays(1).toString());
			});

		// 调查取证, due within days
		long dueSoon = file(all, city.get(7), "BRAND_UNMANAGED", "加盟网点服务标准不一，屡遭投诉", t.minusDays(86), t.minusDays(84));
		investigate(all, dueSoon);
		evidence.add(all, dueSoon, new CaseEvidence.EvidenceData("DOCUMENTARY", "加盟协议及服务质量考核制度（复印件）",
				"当事人提供的与12家加盟网点签订的协议及考核制度", "当事人经营场所", null, t.minusDays(70).toString(), collectors(dueSoon)),
				new UploadedFile("加盟协议.pdf", scan()));

		// 已立案 and overdue
		file(all, city.get(8), "BRANCH_UNFILED", "分支机构取得营业执照超过20日未备案", t.minusDays(100), t.minusDays(96));

		// 已立案 with the clock paused for an appraisal
		long paused = file(all, city.get(9), "PARCEL_TAMPERING", "用户反映快件被拆开、物品短少", t.minusDays(20), t.minusDays(18));
		investigate(all, paused);
		decisionLimit.suspend(all, paused, "APPRAISAL", t.minusDays(5).toString(), "委托第三方对涉案快件包装进行鉴定");

		// 不予处罚: a first minor violation corrected in time (首违不罚)
		long minor = file(all, city.get(10), "DATA_NOT_REPORTED", "迟报一个月统计数据", t.minusDays(25), t.minusDays(24));
		investigate(all, minor);
		documentary(all, minor, "统计数据补报记录（截图）", "邮政业统计信息系统中当事人迟报及补报的记录", t.minusDays(20));
		caseInvestigation.concludeInvestigation(all, minor, new CaseInvestigation.Conclusion("查明当事人初次迟报且已补报", "WARNING", null, false,
				null, null, null));
		caseDecisions.notPenalize(all, minor, "FIRST_MINOR", "初次违法且危害后果轻微并及时改正，依" + Provision.PENALTY_NONE + "不予处罚，已约谈提醒");

		// 已移送: a suspected crime handed to the police with its 案件移送书
		long transferred = file(all, city.get(11), "PARCEL_TAMPERING", "快递员涉嫌私拆快件并侵占内件", t.minusDays(15), t.minusDays(14));
		caseDecisions.transfer(all, transferred, null, "苏州市公安局", "快递员涉嫌侵占快件内件，可能构成犯罪，依法移送公安机关");

		// 分期缴纳 (art.66): a fine of 8000 the head let the party pay in two instalments, the first due in 10 days
		long instalments = file(all, city.get(13), "OUTLET_UNFILED", "开办的2处末端网点逾期未备案", t.minusDays(60),
				t.minusDays(58));
		investigate(all, instalments);
		documentary(all, instalments, "末端网点经营情况记录（复印件）", "2处末端网点的营业执照及经营记录，无备案回执", t.minusDays(50));
		caseInvestigation.concludeInvestigation(all, instalments, new CaseInvestigation.Conclusion("查明当事人开办末端网点逾期未备案，经责令改正仍未办理",
				"FINE", "8000", false, null, null, null, t.minusDays(33).toString()));
		noticeAndHearing.notifyParty(all, instalments, t.minusDays(30).toString());
		noticeAndHearing.recordStatement(all, instalments, t.minusDays(29).toString(), "当事人无异议，称经营困难，请求分期缴纳");
		caseDecisions.decide(all, instalments, new CaseDecisions.Decision(null, t.minusDays(10).toString(), "FINE", "8000", null,
				null, null).reviewingStatement(false, "经营困难不影响违法事实的认定，罚款数额不予调整；当事人可依" + Provision.PENALTY_INSTALMENTS + "申请分期缴纳"));
		caseExecution.deliver(all, instalments, CaseExecution.Delivery.direct(t.minusDays(8).toString()));
		caseExecution.arrangePayment(all, instalments, head(city.get(13)), new CaseExecution.PaymentTerms("INSTALMENTS", t.minusDays(6).toString(), null,
				"当事人提交近三个月财务报表，确有经济困难", List.of(
						new CaseExecution.InstalmentTerm(calendar.onOrNextWorkingDay(t.plusDays(10)).toString(), "4000"),
						new CaseExecution.InstalmentTerm(calendar.onOrNextWorkingDay(t.plusDays(40)).toString(), "4000"))));

		// 并处 (快递暂行条例(2025) art.54): 没收违法所得 with a fine, decided and delivered — the fine to pay and the
		// confiscation to hand over, each within its own days (行政处罚法(2021) art.67, 74)
		long combined = file(all, city.get(14), "WAYBILL_DATA", "为他人提供用户运单信息并收取费用", t.minusDays(58), t.minusDays(56));
		investigate(all, combined);
		documentary(all, combined, "运单信息导出记录及收款凭证（复印件）", "当事人向第三方导出运单信息1200条的系统日志及收款3000元的转账记录",
				t.minusDays(50));
		// 减轻 (art.32): the party recalled the data and cut off the third party at once — below the legal-review threshold
		String reduced = "当事人主动追回并删除已提供的运单信息，终止与第三方的合作，危害后果已消除";
		caseInvestigation.concludeInvestigation(all, combined, new CaseInvestigation.Conclusion("查明当事人违规向第三方提供运单信息并获利3000元",
				"CONFISCATION", "5000", false, "REDUCED", "ELIMINATED_HARM", reduced, t.minusDays(40).toString(), "3000"));
		noticeAndHearing.notifyParty(all, combined, t.minusDays(36).toString());
		noticeAndHearing.waiveStatement(all, combined, t.minusDays(35).toString(), new UploadedFile("放弃陈述申辩声明.pdf", scan()));
		caseDecisions.decide(all, combined, new CaseDecisions.Decision(null, t.minusDays(20).toString(), "CONFISCATION", "5000",
				"REDUCED", "ELIMINATED_HARM", reduced, null, null, null, "3000", null));
		caseExecution.deliver(all, combined, CaseExecution.Delivery.direct(t.minusDays(4).toString()));

		// 听证: a fine of 20000 (较大数额, art.63) reviewed, notified today and the hearing requested at once
		long hearing = file(all, city.get(15), "WAYBILL_DATA", "电子运单显示收件人完整手机号码，涉及用户数量较大", t.minusDays(22),
				t.minusDays(20));
		investigate(all, hearing);
		documentary(all, hearing, "电子运单样张及打印记录（复印件）", "当事人近一个月使用的电子运单模板样张，显示收件人完整手机号码", t.minusDays(15));
		caseInvestigation.concludeInvestigation(all, hearing, new CaseInvestigation.Conclusion("查明当事人电子运单模板违规显示收件人完整手机号码",
				"FINE", "20000", false, null, null, null));
		caseInvestigation.review(all, hearing, reviewer(city.get(15)), true, "事实清楚、证据确凿、适用依据正确、程序合法，同意");
		noticeAndHearing.notifyParty(all, hearing, t.toString());
		noticeAndHearing.requestHearing(all, hearing, t.toString());

		// 已决定, not yet delivered: the statement waived, the decision made two days ago
		decidedFine(all, city.get(16), "OUTLET_UNFILED", "末端网点开办2个月未备案", "查明当事人开办末端网点逾期未备案", "8000",
				"末端网点营业执照及经营记录（复印件）", "末端网点营业执照及近两个月的收寄记录，无备案回执", t.minusDays(38), t.minusDays(2));

		// 已执行: the fine paid, the case not yet closed
		long executed = decidedFine(all, city.get(17), "DATA_NOT_REPORTED", "连续三个月未报送快递业务统计数据",
				"查明当事人连续三个月未按规定报送统计数据", "3000", "统计数据报送记录（截图）", "邮政业统计信息系统中当事人近三个月的报送记录",
				t.minusDays(48), t.minusDays(20));
		caseExecution.deliver(all, executed, CaseExecution.Delivery.direct(t.minusDays(19).toString()));
		decisionPublication.publish(all, executed, t.minusDays(16).toString());
		caseExecution.pay(all, executed, t.minusDays(10).toString(), "3000");

		// 撤案: the facts did not hold up under investigation
		long withdrawn = file(all, city.get(18), "BRANCH_UNFILED", "反映分支机构未备案", t.minusDays(35), t.minusDays(33));
		investigate(all, withdrawn);
		caseDecisions.withdraw(all, withdrawn, "经调查，该分支机构已于立案前办理备案，违法事实不能成立");

		// 当场处罚 (简易程序): a warning handed over on the spot and filed with the bureau the same day
		onTheSpotPenalties.decideOnTheSpot(all, new OnTheSpotPenalties.OnTheSpot("ORGANISATION", city.get(12).creditCode(), null, null,
				"DATA_NOT_REPORTED", "检查时发现当月快递业务数据逾期3日未报送，当场补报", "当事人营业场所", t.minusDays(1).toString(),
				"WARNING", null, TEAM), true);
	}

	/** A small photo (PNG) for the demo's evidence list. */
	private static byte[] photo() {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x2f6f9f));
		g.fillRect(0, 0, 320, 200);
		g.setColor(new Color(0xf5f5f5));
		g.fillRect(40, 60, 240, 120);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A one-page PDF standing for a scanned document. */
	private static byte[] scan() {
		return PdfFiles.blankPage();
	}

	/** A 书证 with its scan on the case's evidence list (a conclusion rests on evidence). */
	private void documentary(DataScope all, long id, String title, String content, LocalDate collected) {
		evidence.add(all, id, new CaseEvidence.EvidenceData("DOCUMENTARY", title, content, null, null, collected.toString(),
				collectors(id)), new UploadedFile(title + ".pdf", scan()));
	}

	/**
	 * A fine decided on {@code decided} without a statement: the lead received two days before {@code filed}, the case
	 * filed and investigated (a 书证 collected 8 days after 立案), concluded 10 days before the decision, the party
	 * notified 8 days before and its signed waiver kept the day after: the case's id.
	 */
	private long decidedFine(DataScope all, EnterpriseView e, String violation, String summary, String report, String fine,
			String evidenceTitle, String evidenceContent, LocalDate filed, LocalDate decided) {
		long id = file(all, e, violation, summary, filed.minusDays(2), filed);
		investigate(all, id);
		documentary(all, id, evidenceTitle, evidenceContent, filed.plusDays(8));
		caseInvestigation.concludeInvestigation(all, id, new CaseInvestigation.Conclusion(report, "FINE", fine, false, null,
				null, null, decided.minusDays(10).toString()));
		noticeAndHearing.notifyParty(all, id, decided.minusDays(8).toString());
		noticeAndHearing.waiveStatement(all, id, decided.minusDays(7).toString(), new UploadedFile("放弃陈述申辩声明.pdf", scan()));
		caseDecisions.decide(all, id, new CaseDecisions.Decision(null, decided.toString(), "FINE", fine, null, null, null));
		return id;
	}

	/**
	 * 调查取证 with the team of the bureau handling the case ({@link #teamFor}), kept for the collectors its evidence
	 * names.
	 */
	private void investigate(DataScope all, long id) {
		List<CaseInvestigation.Member> team = teamFor(cases.get(all, id).penaltyCase().regionCode());
		caseInvestigation.startInvestigation(all, id, team);
		teams.put(id, team);
	}

	/** The certificate numbers of the case's team, as an evidence item names its collectors. */
	private List<String> collectors(long id) {
		return teams.get(id).stream().map(CaseInvestigation.Member::certificateNumber).toList();
	}

	/**
	 * The team of a case of {@code caseRegion}: the city's ({@link #TEAM}, 冯安全 with an account) for its own cases; for
	 * a county bureau's, its certified staff member with an account and another of its roster
	 * ({@link InspectionDemoData#ROSTER}) — one of the handling bureau's staff on every team, who takes the team's steps
	 * (CaseTeam#requireHandlingMember).
	 * @throws IllegalStateException when the handling bureau has no such pair on the demo roster
	 */
	static List<CaseInvestigation.Member> teamFor(String caseRegion) {
		String county = caseRegion.length() >= 6 ? caseRegion.substring(0, 6) : "";
		if (!DemoCity.COUNTY_BUREAUS.containsKey(county)) {
			return TEAM;
		}
		List<InspectionDemoData.Certified> own = InspectionDemoData.ROSTER.stream()
			.filter(c -> c.region().equals(county) && c.validYears() > 0)
			.sorted(Comparator.comparing((InspectionDemoData.Certified c) -> c.username() == null))
			.limit(2)
			.toList();
		if (own.size() < 2 || own.get(0).username() == null) {
			throw new IllegalStateException("the demo bureau of region " + county + " has no certified staff account on the roster");
		}
		return own.stream().map(c -> new CaseInvestigation.Member(c.name(), c.certificate())).toList();
	}

	/** A lead received, proposed and filed on the given days: the case's id. */
	private long file(DataScope all, EnterpriseView e, String violation, String summary, LocalDate received, LocalDate filed) {
		long lead = leads.report(all, new Leads.ReportData("REPORT", "群众举报", e.creditCode(), null, summary,
				received.toString()), true);
		leads.propose(all, lead, violation, received.minusDays(1).toString(), null, false, null);
		return leads.approve(all, lead, head(e), filed, true);
	}

	/**
	 * The head who approves a case of {@code e}: the demo's 局领导 of the bureau handling it — the enterprise's county
	 * bureau where the demo city has one (蒋局长 for 吴中, 顾局长 for 姑苏…), else the city's (孙局长) —, head-only steps
	 * being the handling bureau's own (行政处罚法(2021) art.57). A bureau without a head account is a fault of the demo
	 * data, not a head to invent.
	 * @throws IllegalStateException when the handling bureau has no demo 局领导 account
	 */
	private Officer head(EnterpriseView e) {
		return officer(e, a -> a.roles().contains(Role.BUREAU_LEADER), "局领导");
	}

	/**
	 * The 法制审核人员 of a case of {@code e} (行政处罚法(2021) art.58): the handling bureau's own reviewer
	 * ({@link DemoAccounts#REVIEWERS}: 韩法审 for 吴中, 陆法审 for 吴江, 郑监管 for the city's own), who investigates none
	 * of its cases — never a superior's staff, and named with the account, as a signed-in reviewer is.
	 * @throws IllegalStateException when the handling bureau has no demo reviewer account
	 */
	private Officer reviewer(EnterpriseView e) {
		return officer(e, a -> DemoAccounts.REVIEWERS.contains(a.username()), "法制审核");
	}

	/** The demo account of the bureau handling a case of {@code e} that {@code role} picks, with its account's id. */
	private Officer officer(EnterpriseView e, java.util.function.Predicate<DemoAccounts.Account> role, String what) {
		String county = e.regionCode().length() >= 6 ? e.regionCode().substring(0, 6) : "";
		String handling = DemoCity.COUNTY_BUREAUS.containsKey(county) ? county : DemoCity.CITY;
		return DemoAccounts.STAFF.stream()
			.filter(a -> role.test(a) && a.bureauRegion().equals(handling))
			.findFirst()
			.map(a -> new Officer(directory.principal(a.username()).map(CurrentUser::id).orElse(null), a.displayName()))
			.orElseThrow(() -> new IllegalStateException("the demo bureau of region " + handling + " has no " + what + " account"));
	}
}
