package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.RandomDigits;
import org.youguan.documents.UploadedFile;
import org.youguan.inspections.InspectionRecordData;
import org.youguan.inspections.InspectionRecords;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

/**
 * Test cases of the demo enterprise user sf.wz (and of other Wuzhong enterprises) brought to a chosen step — the shared
 * enforcement fixture: a component of the test context, so a test takes it as it takes the services.
 */
@Component
final class PartyCases {

	static final DataScope ALL = DataScope.all();

	static final List<CaseInvestigation.Member> TEAM = List.of(new CaseInvestigation.Member("陈吴中", "32050601"),
			new CaseInvestigation.Member("沈执法", "32050602"));

	static final Officer HEAD = new Officer(null, "蒋局长");

	static final Officer REVIEWER = new Officer(null, "郑监管");

	private final Leads leads;

	private final PenaltyCases cases;

	private final CaseExecution caseExecution;

	private final CaseDecisions caseDecisions;

	private final NoticeAndHearing noticeAndHearing;

	private final CaseInvestigation caseInvestigation;

	private final Enterprises enterprises;

	private final JdbcClient jdbc;

	private final InspectionRecords records;

	PartyCases(Leads leads, PenaltyCases cases, CaseExecution caseExecution, CaseDecisions caseDecisions,
			NoticeAndHearing noticeAndHearing, CaseInvestigation caseInvestigation, Enterprises enterprises,
			JdbcClient jdbc, InspectionRecords records) {
		this.records = records;
		this.jdbc = jdbc;
		this.leads = leads;
		this.cases = cases;
		this.caseExecution = caseExecution;
		this.caseDecisions = caseDecisions;
		this.noticeAndHearing = noticeAndHearing;
		this.caseInvestigation = caseInvestigation;
		this.enterprises = enterprises;
	}

	/** The procedure's service the fixture drives. */
	PenaltyCases cases() {
		return cases;
	}

	/** The leads' service the fixture drives. */
	Leads leads() {
		return leads;
	}

	/** 苏州吴中顺丰快递服务有限公司, the enterprise of sf.wz. */
	EnterpriseView sfWuzhong() {
		String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE credit_code LIKE '91320506MA1ND7K3Q%'")
			.query(String.class).single();
		return enterprises.findByCreditCode(code).orElseThrow();
	}

	/** Another Wuzhong enterprise than sf.wz's. */
	EnterpriseView other() {
		String own = sfWuzhong().creditCode();
		return enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE, PageQuery.of(null, 0, 10, "legal_name", "asc"))
			.items()
			.stream()
			.filter(e -> !e.creditCode().equals(own))
			.findFirst()
			.orElseThrow();
	}

	/** A Wuzhong express enterprise registered now, with no case yet (its record its own in the shared database). */
	EnterpriseView fresh() {
		String digits = RandomDigits.of(7);
		String base = "91320506MA" + digits;
		String code = base + CreditCode.checkCharacter(base);
		enterprises.register(ALL, new EnterpriseData("初违测试快递有限公司" + digits, code, EnterpriseType.EXPRESS, null, "张三",
				"测试路1号", "320506", "李四", "13912345678"), false);
		return enterprises.findByCreditCode(code).orElseThrow();
	}

	/**
	 * A 责令改正通知书 issued to {@code e} on 2026-03-02, its term (2026-03-16, a working day as a term must be) passed
	 * unrectified and the order turned into a lead on {@code raisedOn} (after the term) — what a case under 快递暂行条例(2025)
	 * art.56 (PACKAGING, "经责令改正拒不改正") rests on.
	 * @return the order's 文号
	 */
	String uncorrectedOrder(EnterpriseView e, LocalDate raisedOn) {
		String number = "吴邮改〔2026〕" + RandomDigits.of(5) + "号";
		long record = records.record(ALL, null, new InspectionRecordData(e.creditCode(), "2026-03-02", "SPECIAL",
				List.of("PACKAGING"), List.of(new InspectionRecordData.TeamMember("甲", "PK" + RandomDigits.of(8)),
						new InspectionRecordData.TeamMember("乙", "PK" + RandomDigits.of(8))), "RECTIFICATION", "快递包装未按规定执行",
				new InspectionRecordData.Rectification(number, "2026-03-02", "2026-03-16", null), null), false, false);
		jdbc.sql("UPDATE rectification_order SET lead_raised_on = :on WHERE record_id = :record")
			.param("on", raisedOn).param("record", record).update();
		return number;
	}

	/**
	 * A 责令改正通知书 issued to {@code e} on {@code issuedOn} (a past inspection checking {@code item} brought with its
	 * paper order, which cites nothing), due {@code dueOn} (a working day within the term), turned into a lead on
	 * {@code raisedOn}.
	 * @return the order's 文号
	 */
	String order(EnterpriseView e, String item, LocalDate issuedOn, LocalDate dueOn, LocalDate raisedOn) {
		String number = "吴邮改〔" + issuedOn.getYear() + "〕" + RandomDigits.of(6) + "号";
		long record = records.record(ALL, null, new InspectionRecordData(e.creditCode(), issuedOn.toString(), "SPECIAL",
				List.of(item), List.of(new InspectionRecordData.TeamMember("甲", "PK" + RandomDigits.of(8)),
						new InspectionRecordData.TeamMember("乙", "PK" + RandomDigits.of(8))), "RECTIFICATION", "责令改正测试" + number,
				new InspectionRecordData.Rectification(number, issuedOn.toString(), dueOn.toString(), null), null), false, false);
		jdbc.sql("UPDATE rectification_order SET lead_raised_on = :on WHERE record_id = :record")
			.param("on", raisedOn).param("record", record).update();
		return number;
	}

	/** A case filed (立案) on {@code filedOn} from a lead reported that day. */
	long filed(EnterpriseView e, String violation, LocalDate filedOn) {
		long lead = leads.report(ALL, new Leads.ReportData("REPORT", "群众举报", e.creditCode(), null,
				"测试线索" + UUID.randomUUID(), filedOn.toString()), false);
		leads.propose(ALL, lead, violation, filedOn.minusDays(1).toString(), null, false, null);
		return leads.approve(ALL, lead, HEAD, filedOn, false);
	}

	/**
	 * An item on the case's evidence list (a 书证 collected the day it was filed), as a conclusion needs (rule
	 * {@code no-evidence}).
	 */
	static void evidence(JdbcClient jdbc, long caseId) {
		jdbc.sql("""
				INSERT INTO penalty_case_evidence (case_id, kind, title, collected_on, collected_by, created_by, created_at)
				SELECT id, 'DOCUMENTARY', '营业执照复印件', filed_on, '32050601', 'test', now() FROM penalty_case WHERE id = :id""")
			.param("id", caseId).update();
	}

	/** An item on the case's evidence list ({@link #evidence(JdbcClient, long)}). */
	void evidence(long caseId) {
		evidence(jdbc, caseId);
	}

	/** A case filed on {@code filedOn} and investigated to its conclusion with the fine proposed. */
	long concluded(EnterpriseView e, String violation, String fine, LocalDate filedOn) {
		return concluded(e, violation, fine, filedOn, "查明违法事实");
	}

	/** A case filed on {@code filedOn} and investigated to its conclusion with the fine proposed, its report as typed. */
	long concluded(EnterpriseView e, String violation, String fine, LocalDate filedOn, String report) {
		long id = filed(e, violation, filedOn);
		caseInvestigation.startInvestigation(ALL, id, TEAM);
		evidence(jdbc, id);
		caseInvestigation.concludeInvestigation(ALL, id, new CaseInvestigation.Conclusion(report, "FINE", fine, false, null, null, null,
				filedOn.toString()));
		if (new BigDecimal(fine).compareTo(new BigDecimal("10000")) >= 0) {
			caseInvestigation.review(ALL, id, REVIEWER, true, "同意");
		}
		return id;
	}

	/** The id of a demo account. */
	long user(String username) {
		return user(jdbc, username);
	}

	/** The id of a demo account. */
	static long user(JdbcClient jdbc, String username) {
		return jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", username).query(Long.class).single();
	}

	/**
	 * A hearing told on {@code noticeOn} and held on {@code hearingOn} in the bureau's hearing room, hosted by wz.review
	 * (韩法审 of the Wuzhong bureau handling the case — art.64(四): its own staff, not a superior's — and not one of
	 * {@link #TEAM}).
	 */
	NoticeAndHearing.HearingData hearing(String noticeOn, String hearingOn) {
		return new NoticeAndHearing.HearingData(noticeOn, hearingOn, "吴中区邮政管理局听证室", user("wz.review"), null);
	}

	/**
	 * A case of {@code penalty} (FINE or CONFISCATION of {@code amount} yuan) decided and delivered on {@code on}: filed
	 * a few days before, investigated, notified the day before with the party's statement, decided and delivered. A
	 * confiscation comes with the fine its article 并处: ¥5,000, 减轻 below the range (no review nor hearing right).
	 */
	long delivered(EnterpriseView e, String violation, String penalty, String amount, LocalDate on) {
		long id = decided(e, violation, penalty, amount, on);
		caseExecution.deliver(ALL, id, CaseExecution.Delivery.direct(on.toString()));
		return id;
	}

	/** A case as {@link #delivered}, decided on {@code on} and not yet delivered. */
	long decided(EnterpriseView e, String violation, String penalty, String amount, LocalDate on) {
		long id = filed(e, violation, on.minusDays(6));
		caseInvestigation.startInvestigation(ALL, id, TEAM);
		evidence(jdbc, id);
		boolean confiscation = penalty.equals("CONFISCATION");
		String fine = confiscation ? "5000" : amount;
		String confiscated = confiscation ? amount : null;
		String mitigation = confiscation ? "REDUCED" : null;
		String ground = confiscation ? "ELIMINATED_HARM" : null;
		String reason = confiscation ? "主动消除违法后果" : null;
		caseInvestigation.concludeInvestigation(ALL, id, new CaseInvestigation.Conclusion("查明违法事实", penalty, fine, false, mitigation, ground,
				reason, on.minusDays(5).toString(), confiscated));
		noticeAndHearing.notifyParty(ALL, id, on.minusDays(1).toString());
		// the party's signed waiver (a waiver typed as a statement is refused, rule use-waiver)
		noticeAndHearing.waiveStatement(ALL, id, on.minusDays(1).toString(), waiver());
		caseDecisions.decide(ALL, id, new CaseDecisions.Decision(null, on.toString(), penalty, fine, mitigation, ground, reason, null,
				null, null, confiscated, null));
		return id;
	}

	/** The scan of the party's signed written waiver (a PDF), as staff keep it. */
	static UploadedFile waiver() {
		return new UploadedFile("放弃声明.pdf", PenaltyCaseIntegrationTest.WAIVER_PDF);
	}

	/** A case notified on {@code notifiedOn} (filed a few days before). */
	long notified(EnterpriseView e, String violation, String fine, LocalDate notifiedOn) {
		long id = concluded(e, violation, fine, notifiedOn.minusDays(5));
		noticeAndHearing.notifyParty(ALL, id, notifiedOn.toString());
		return id;
	}
}
