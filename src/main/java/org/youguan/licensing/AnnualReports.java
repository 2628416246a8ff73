package org.youguan.licensing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.registry.AnnualReportFiled;
import org.youguan.registry.CityMatters;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;
import org.youguan.region.Regions;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * 年度报告 of express licence holders (快递业务经营许可管理办法: the holder reports its business of the past year). Who
 * owes the report for year Y: every enterprise holding a licence in force on Y-12-31 (the registry's record). The
 * window runs from 01-01 of Y+1 for the rule {@code licence.annual-report-window} (4 months: to 04-30); a report filed
 * after it is taken and marked late. Reminders go out from the rule {@code licence.annual-report-reminder} (2 months:
 * 03-01) to the holders that have not filed ({@link AnnualReportDue}). The figures reported are deliberately few: 业务量
 * (件), 业务收入 (元), 营业网点 and 从业人员 at the year's end. A filed report is published ({@link AnnualReportFiled}),
 * on which the registry shows it on the enterprise's page.
 */
@Service
public class AnnualReports {

	/** The one order of the late/missing list ({@link #outstanding}): by enterprise name. */
	public static final String OUTSTANDING_ORDER = "enterprise_name";

	/**
	 * A report as filed on the portal, on the staff form or through the API.
	 * @param year the year reported on (blank: last year)
	 * @param creditCode the reporting enterprise (an enterprise user: itself, may be blank)
	 * @param businessVolume 业务量 (件, whole number)
	 * @param revenue 业务收入 (元)
	 * @param outlets 营业网点 at the year's end (whole number)
	 * @param staff 从业人员 at the year's end (whole number)
	 * @param filedOn the day a paper report was received (staff only; blank: today)
	 */
	public record ReportData(@JsonDeserialize(using = NumberText.Judged.class) String year, String creditCode,
			@JsonDeserialize(using = NumberText.Judged.class) String businessVolume,
			@JsonDeserialize(using = NumberText.Judged.class) String revenue,
			@JsonDeserialize(using = NumberText.Judged.class) String outlets,
			@JsonDeserialize(using = NumberText.Judged.class) String staff, String filedOn) {

		/** A report filed today. */
		public ReportData(String year, String creditCode, String businessVolume, String revenue, String outlets,
				String staff) {
			this(year, creditCode, businessVolume, revenue, outlets, staff, null);
		}
	}

	/** A filed report. */
	public record Report(long id, int year, String creditCode, String enterpriseName, String regionCode,
			long businessVolume, BigDecimal revenue, int outlets, int staff, LocalDate filedOn, LocalDate dueOn,
			boolean late, String channel, String filedBy) {
	}

	/**
	 * One holder on the late/missing list of a year.
	 * @param state MISSING (not filed; overdue once the window closed) or LATE (filed after the window)
	 * @param filedOn the day filed (null when missing)
	 */
	public record Outstanding(String creditCode, String enterpriseName, String regionCode, String regionName,
			String licenceNumber, LocalDate dueOn, String state, LocalDate filedOn) {

		/** The state as a page ({@code @labels.of}) and the export word it: 逾期报送 or 未报送 in Chinese. */
		public Wording stateWords() {
			return Wording.of("LATE".equals(state) ? "licensing.annualReport.state.LATE" : "licensing.annualReport.state.MISSING");
		}
	}

	private final JdbcClient jdbc;

	private final Licences licences;

	private final StatutoryRules rules;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Who takes a paper report: the bureau taking the holder's city's matters ({@link CityMatters#requireTaker}). */
	private final CityMatters cities;

	AnnualReports(JdbcClient jdbc, Licences licences, StatutoryRules rules, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, Regions regions, Enterprises enterprises, CityMatters cities) {
		this.cities = cities;
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.regions = regions;
		this.licences = licences;
		this.rules = rules;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	private final Regions regions;

	/** The register: the enterprise a staff member names is found in the clerk's scope before any field is read. */
	private final Enterprises enterprises;

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The last day to file the report on {@code year} in {@code region} (04-30 of the next year by default). */
	public LocalDate dueOn(int year, String region) {
		return LocalDate.of(year + 1, 1, 1).plusMonths(rules.intValue(StatutoryRule.LICENCE_ANNUAL_REPORT_WINDOW, region)).minusDays(1);
	}

	/** The first day reminders go out for {@code year} in {@code region} (03-01 of the next year by default). */
	public LocalDate remindFrom(int year, String region) {
		return LocalDate.of(year + 1, 1, 1).plusMonths(rules.intValue(StatutoryRule.LICENCE_ANNUAL_REPORT_REMINDER, region));
	}

	/**
	 * Files a 年度报告: an enterprise for itself on its portal, or staff (not read-only) entering a paper report of a
	 * holder in their scope. The year must be over (the window opens on 01-01 of the next year) and not more than five
	 * years back; the enterprise must have held a licence in force on the year's last day; the figures are whole
	 * numbers (revenue in yuan, two decimals), none negative. Filed after the window it is marked late (a paper report by
	 * the day staff received it, not before the window opened nor after today). Staff are told of licences in their own
	 * scope only: an enterprise registered elsewhere is not there (404) before any licence is looked up, and a licence
	 * of another region counts as none (400), never a 404 telling it exists.
	 * @return the report's id
	 * @throws InvalidValueException naming each field that breaks a rule (nothing is saved)
	 * @throws AccessRefusedException when an enterprise files for another or a read-only user files, or (403) staff of
	 *         another bureau than the one taking the holder's city's matters ({@link CityMatters}: the city's bureau with
	 *         a 处室工作人员, else the province's) enter it, keyed {@code refusal.handlingBureau}
	 * @throws DomainException (409) when the year's report was filed already
	 */
	@Transactional
	public long file(Clerk clerk, ReportData data) {
		if (!clerk.writer() && !clerk.enterprise()) {
			throw new AccessRefusedException("只有企业本身或业务人员可以报送年度报告");
		}
		Validation v = new Validation();
		LocalDate today = today();
		String code = null;
		if (clerk.enterprise()) {
			if (!Text.isBlank(data.creditCode()) && !CreditCode.written(data.creditCode()).equalsIgnoreCase(clerk.enterpriseCreditCode())) {
				throw new AccessRefusedException("creditCode", "企业用户只能报送本企业的年度报告");
			}
			code = clerk.enterpriseCreditCode();
		}
		else if (Text.isBlank(data.creditCode())) {
			v.require("creditCode", false, "required", "企业统一社会信用代码不能为空");
		}
		else {
			code = v.check("creditCode", () -> CreditCode.of(data.creditCode()).value());
			// access before fields: an enterprise of the register outside the clerk's scope is not there (404)
			if (code != null) {
				String named = code;
				enterprises.findByCreditCode(named)
					.ifPresent(e -> clerk.scope().refuseWithin("creditCode", e.regionCode(), "企业" + named));
			}
		}
		Long y = Text.isBlank(data.year()) ? Long.valueOf(today.getYear() - 1) : whole(v, "year", "报告年度", data.year(), 4);
		Integer year = y == null ? null : y.intValue();
		if (year != null) {
			v.require("year", year < today.getYear(), "ended", "报告年度应为已结束的年度：" + year + "年度报告自" + (year + 1)
					+ "年1月1日起报送");
			v.require("year", year >= today.getYear() - 5, "min", "报告年度不能早于" + (today.getYear() - 5) + "年");
		}
		Long volume = whole(v, "businessVolume", "业务量（件）", data.businessVolume(), 12);
		BigDecimal revenue = v.decimal("revenue", "业务收入（元）", data.revenue(), 14, 2);
		v.required("revenue", "业务收入（元）", data.revenue());
		v.require("revenue", revenue == null || revenue.signum() >= 0, "min", "业务收入（元）不能为负数");
		Long outlets = whole(v, "outlets", "营业网点（个）", data.outlets(), 6);
		Long staff = whole(v, "staff", "从业人员（人）", data.staff(), 7);
		LocalDate filedOn = today;
		if (!clerk.enterprise() && !Text.isBlank(data.filedOn()) && year != null) {
			filedOn = v.date("filedOn", "收到报告日期", data.filedOn(), LocalDate.of(year + 1, 1, 1), today);
		}
		LicenceView licence = null;
		if (code != null && year != null && !v.hasErrors()) {
			String c = code;
			// staff read the licences of their own scope only: whether a holder elsewhere held one is not told (a 404
			// for a licence of another region beside a 400 for none told it), the enterprise's scope was refused above
			licence = licences.inForceOn(clerk.enterprise() ? DataScope.all() : clerk.scope(), LocalDate.of(year, 12, 31))
				.stream().filter(l -> l.creditCode().equals(c)).findFirst().orElse(null);
			v.require(clerk.enterprise() ? "year" : "creditCode", licence != null, "licence", year + "年末该企业未持有有效的快递业务经营许可证，"
					+ "无需报送" + year + "年度报告");
			if (licence != null && !clerk.enterprise()) {
				// one in it is taken by the bureau taking the holder's city's matters (CityMatters), not by the province
				// above nor a county below (403 naming that bureau), beside the credit code typed: the form again, never
				// the bare error page
				try {
					cities.requireTaker(licence.regionCode(), "年度报告");
				}
				catch (AccessRefusedException refused) {
					throw new AccessRefusedException("creditCode", refused.wording(), refused.getMessage());
				}
			}
		}
		v.throwIfInvalid();
		// two reports at once are ordered: the second one's check sees the first (a 409, not the unique key's 500)
		LicenceApplications.holdApplicant(jdbc, code);
		if (jdbc.sql("SELECT count(*) FROM annual_report WHERE credit_code = :code AND year = :year").param("code", code)
			.param("year", year).query(Long.class).single() > 0) {
			throw DomainException.duplicate("year", Wording.of("licensing.refusal.annualReportTwice", year),
					"该企业" + year + "年度报告已报送，不能重复报送");
		}
		LocalDate due = dueOn(year, licence.regionCode());
		boolean late = filedOn.isAfter(due);
		Map<String, Object> p = new HashMap<>();
		p.put("year", year);
		p.put("code", code);
		p.put("name", licence.enterpriseName());
		p.put("region", licence.regionCode());
		p.put("volume", volume);
		p.put("revenue", revenue);
		p.put("outlets", outlets.intValue());
		p.put("staff", staff.intValue());
		p.put("on", filedOn);
		p.put("due", due);
		p.put("late", late);
		p.put("channel", clerk.enterprise() ? "PORTAL" : "PAPER");
		p.put("by", clerk.name());
		p.put("now", OffsetDateTime.now(clock));
		long id = jdbc.sql("""
				INSERT INTO annual_report (year, credit_code, enterprise_name, region_code, business_volume, revenue, outlets,
				    staff, filed_on, due_on, late, channel, filed_by, created_at)
				VALUES (:year, :code, :name, :region, :volume, :revenue, :outlets, :staff, :on, :due, :late, :channel, :by, :now)
				RETURNING id""")
			.params(p)
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>(p);
		after.remove("now");
		after.put("revenue", revenue.toPlainString());
		after.put("on", filedOn.toString());
		after.put("due", due.toString());
		audit.record(AuditEntry.of("licensing.annual-report", "annual_report", id, licence.enterpriseName() + "报送" + year
				+ "年度报告" + (late ? "（逾期，报送期限至" + ChineseText.day(due) + "）" : "")).states(null, after).inRegion(licence.regionCode()));
		events.publishEvent(new AnnualReportFiled(code, year, filedOn, late, volume, revenue, outlets.intValue(), staff.intValue()));
		return id;
	}

	/** A whole number of at most {@code digits} digits, not negative; null (and an error on {@code field}) otherwise. */
	private static Long whole(Validation v, String field, String label, String text, int digits) {
		v.required(field, label, text);
		BigDecimal n = Text.isBlank(text) ? null : v.decimal(field, label, text, digits, 0);
		if (n == null) {
			return null;
		}
		v.require(field, n.signum() >= 0, "min", label + "不能为负数");
		return n.signum() >= 0 ? n.longValueExact() : null;
	}

	/** A report in the caller's scope (an enterprise its own). */
	public Report get(DataScope scope, long id) {
		return jdbc.sql("SELECT * FROM annual_report a WHERE a.id = :id AND " + scope.enterprisePredicate("a.credit_code", "a.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(Report.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("年度报告", id));
	}

	/** The orders the report list offers: request name → column. */
	static final Map<String, String> SORTS = Map.of("year", "a.year", "enterprise_name", "a.enterprise_name",
			"business_volume", "a.business_volume", "revenue", "a.revenue", "outlets", "a.outlets", "staff", "a.staff",
			"filed_on", "a.filed_on");

	/**
	 * The reports of {@code year} (null: every year) in the caller's scope (an enterprise its own), searched by
	 * enterprise name and credit code ({@link Listing#search}), in the order chosen ({@link #SORTS}; latest year first
	 * by default).
	 */
	public PageResult<Report> list(DataScope scope, Integer year, PageQuery page) {
		return Listing.from("FROM annual_report a")
			.scope(scope, "a.credit_code", "a.region_code")
			.where(year != null, "a.year = :year", "year", year == null ? 0 : year)
			.search(page, "a.credit_code = :exact", Map.of("exact", page.identifier().toUpperCase()), "a.enterprise_name",
					"a.credit_code")
			.sorts(SORTS, "year", true, "a.filed_on DESC, a.id DESC")
			.page(jdbc, "SELECT a.*", page, Rows.of(Report.class));
	}

	/**
	 * The late/missing list of {@code year} for staff: every holder of a licence in force on the year's last day in the
	 * caller's scope (regions; {@code prefix} narrows it) that has not filed (MISSING) or filed after the window (LATE),
	 * by enterprise name, a page at a time.
	 * @throws AccessRefusedException for an enterprise user
	 * @throws InvalidValueException 400 on {@code sort} (rule {@code one-of}) for an order other than
	 *         {@value #OUTSTANDING_ORDER}
	 */
	public PageResult<Outstanding> outstanding(DataScope scope, String prefix, int year, PageQuery page) {
		// ordered by enterprise name only: another order asked for is refused, not answered in this one
		Listing.sortAmong(page, List.of(OUTSTANDING_ORDER));
		List<Outstanding> all = outstanding(scope, prefix, year);
		int from = (int) Math.min(all.size(), page.offset());
		int to = Math.min(all.size(), from + page.size());
		return new PageResult<>(all.subList(from, to), page.page(), page.size(), all.size());
	}

	/** The whole late/missing list of {@code year} (the .xlsx export). */
	public List<Outstanding> outstanding(DataScope scope, String prefix, int year) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("年度报告逾期、未报名单仅供邮政管理部门查看");
		}
		String p = prefix == null ? "" : Text.strip(prefix);
		Map<String, LocalDate> filed = new HashMap<>();
		jdbc.sql("SELECT credit_code, filed_on FROM annual_report WHERE year = :year").param("year", year)
			.query((rs, i) -> filed.put(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
		Map<String, Outstanding> out = new LinkedHashMap<>();
		for (LicenceView l : licences.inForceOn(scope, LocalDate.of(year, 12, 31))) {
			if (!l.regionCode().startsWith(p) || out.containsKey(l.creditCode())) {
				continue;
			}
			LocalDate due = dueOn(year, l.regionCode());
			LocalDate on = filed.get(l.creditCode());
			if (on == null) {
				out.put(l.creditCode(), new Outstanding(l.creditCode(), l.enterpriseName(), l.regionCode(),
						regions.name(l.regionCode()), l.number(), due, "MISSING", null));
			}
			else if (on.isAfter(due)) {
				out.put(l.creditCode(), new Outstanding(l.creditCode(), l.enterpriseName(), l.regionCode(),
						regions.name(l.regionCode()), l.number(), due, "LATE", on));
			}
			else {
				out.put(l.creditCode(), null);
			}
		}
		List<Outstanding> list = new ArrayList<>();
		out.values().stream().filter(o -> o != null).forEach(list::add);
		return list;
	}

	/**
	 * Sends the reminders due today for last year's reports: from the reminder day (03-01 by default) to the end of the
	 * window, to every holder that has not filed and was not reminded before ({@link AnnualReportDue}, once per
	 * enterprise and year). Safe to run at any time.
	 * @return how many reminders were published
	 */
	@Transactional
	public int remind() {
		LocalDate today = today();
		int year = today.getYear() - 1;
		int sent = 0;
		for (Outstanding o : outstanding(DataScope.all(), "", year)) {
			if (!"MISSING".equals(o.state()) || today.isBefore(remindFrom(year, o.regionCode())) || today.isAfter(o.dueOn())) {
				continue;
			}
			if (jdbc.sql("INSERT INTO annual_report_reminder (credit_code, year, sent_on) VALUES (:c, :y, :t) ON CONFLICT DO NOTHING")
				.param("c", o.creditCode()).param("y", year).param("t", today).update() == 1) {
				events.publishEvent(new AnnualReportDue(o.creditCode(), o.enterpriseName(), o.regionCode(), year, o.dueOn()));
				sent++;
			}
		}
		return sent;
	}

	/** The report of {@code creditCode} on {@code year}, if filed. */
	public Optional<Report> find(String creditCode, int year) {
		return jdbc.sql("SELECT * FROM annual_report WHERE credit_code = :c AND year = :y").param("c", creditCode).param("y", year)
			.query(Rows.of(Report.class)).optional();
	}
}
