package org.youguan.safety.internal.ledgers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Text;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.documents.PdfFiles;

/**
 * The demo city's ledgers, through the ledgers' own services (so every row is validated and audited like a user's):
 * 隐患 of the demo enterprise and of other outlets of the city — some open, some overdue, some closed with a PDF as
 * evidence —, a 双11 寄递安保期 with the county's daily reports (some missing), 委托第三方安检 contracts for every outlet
 * no screening machine covers (so every enterprise's outlets are screened, "过机安检全覆盖", and no enterprise's pages
 * show a 过机率 of 0 %) and one ended contract, this year's 安全生产责任书 of the city's enterprises but two, an incident reported late with its follow-up, a
 * counter-terrorism training of 216 company heads and a seizure of 假烟 51条 worth ¥19,000. Cheap: a handful of rows.
 */
@Component
public class LedgerDemoData {

	/** A one-page PDF standing for a photographed rectification record. */
	private static final byte[] EVIDENCE = PdfFiles.blankPage();

	private final Hazards hazards;

	private final SecurityPeriods periods;

	private final Contractors contractors;

	private final RegionRecords records;

	private final Incidents incidents;

	private final ResponsibilityLetters letters;

	private final Outlets outlets;

	private final Enterprises enterprises;

	private final Clock clock;

	private final ScreeningCoverage coverage;

	LedgerDemoData(Hazards hazards, SecurityPeriods periods, Contractors contractors, RegionRecords records,
			Incidents incidents, ResponsibilityLetters letters, Outlets outlets, Enterprises enterprises, Clock clock,
			ScreeningCoverage coverage) {
		this.coverage = coverage;
		this.letters = letters;
		this.hazards = hazards;
		this.incidents = incidents;
		this.records = records;
		this.contractors = contractors;
		this.periods = periods;
		this.enterprises = enterprises;
		this.outlets = outlets;
		this.clock = clock;
	}

	/**
	 * Seeds the ledgers of {@code city}; {@code enterpriseCreditCode} is the demo enterprise account's (its own hazards
	 * show on its portal).
	 */
	public void seed(String city, String enterpriseCreditCode) {
		LocalDate today = LocalDate.now(clock);
		period(enterpriseCreditCode, today);
		letters(city, enterpriseCreditCode, today);
		String occurred = today.minusDays(9).atTime(16, 20).toString();
		// a past report time is the bureau's to enter (an enterprise's own record is reported when submitted)
		long incident = incidents.record(DataScope.all(), new IncidentData(enterpriseCreditCode, ownOutletOf(
				enterpriseCreditCode), occurred, "ACCIDENT", "GENERAL", "电动三轮车充电时起火，无人员伤亡，烧毁快件12件",
				today.minusDays(9).atTime(17, 40).toString()), true);
		incidents.followUp(DataScope.enterprise(enterpriseCreditCode), incident, "已赔付寄件人，充电区迁至室外并加装烟感", null);
		records.recordTraining(DataScope.all(), new RegionRecords.TrainingData(city, today.minusDays(45).toString(),
				"寄递渠道反恐怖防范培训", "216", "全市寄递企业主要负责人、安全管理人员", "苏州市邮政管理局、市公安局反恐支队"), true);
		records.recordSeizure(DataScope.all(), new RegionRecords.SeizureData(city, today.minusDays(25).toString(),
				"市邮政管理局、市烟草专卖局、市公安局", "假烟", "51", "条", "19000", "寄递渠道涉烟违法联合执法行动"), true);
		DataScope all = DataScope.all();
		// a ledger names outlets that still serve (Placement refuses a closed one)
		List<OutletView> own = serving(outlets.list(DataScope.enterprise(enterpriseCreditCode), Outlets.Filter.NONE,
				new PageQuery("", 0, 3, null, false)).items());
		List<OutletView> others = serving(outlets.list(DataScope.region(city), Outlets.Filter.NONE,
				new PageQuery("", 0, 40, null, false)).items());
		Long ownOutlet = own.isEmpty() ? null : own.get(0).id();
		// the demo enterprise: one overdue (found by inspection, its catalogue deadline passed), one due by the catalogue period, one 自查 closed
		long overdue = hazards.report(all, new HazardData(enterpriseCreditCode, ownOutlet, null,
				today.minusDays(40).toString(), "吴中区邮政管理局 监管科", "INSPECTION", "分拣场地消防通道堆放快件，灭火器过期未更换",
				"GENERAL", null), true); // the catalogue's 10 working days from 40 days ago have passed
		hazards.rectify(all, overdue, "已清理消防通道，灭火器已送检更换中", List.of());
		hazards.report(all, new HazardData(enterpriseCreditCode, ownOutlet, null, today.minusDays(2).toString(),
				"吴中区邮政管理局 监管科", "INSPECTION", "安检机操作员未持证上岗", "GENERAL", null), true);
		long selfCheck = hazards.report(DataScope.enterprise(enterpriseCreditCode), new HazardData(null, null, null,
				today.minusDays(30).toString(), "企业安全员", null, "视频监控存储不足30日", "GENERAL", null), true);
		hazards.rectify(DataScope.enterprise(enterpriseCreditCode), selfCheck, "已扩容硬盘，存储满90日",
				List.of(new UploadedFile("监控扩容验收单.pdf", EVIDENCE)));
		hazards.close(all, selfCheck, today.minusDays(20).toString(), "复查整改到位，同意销号", List.of());
		// other outlets of the city: a major one overdue, a report closed, one open
		String[][] rows = { { "MAJOR", "REPORT", "网点私拉电线为电动三轮车充电", "60", "10" },
				{ "GENERAL", "INSPECTION", "未执行收寄验视制度，收寄时未开箱验视", "25", null },
				{ "GENERAL", "REPORT", "违规收寄液体类物品", "15", "5" }, { "MAJOR", "INSPECTION", "安检机未开机即收寄", "8", null } };
		contracts(others, today);
		coverRest(city, today);
		for (int i = 0; i < rows.length && i < others.size(); i++) {
			OutletView o = others.get(others.size() - 1 - i);
			String code = outletEnterpriseCode(o);
			if (code == null) {
				continue;
			}
			String[] r = rows[i];
			long id = hazards.report(all, new HazardData(code, o.id(), null, today.minusDays(Long.parseLong(r[3])).toString(),
					"苏州市邮政管理局 市场监管处", r[1], r[2], r[0], null), true);
			if (r[4] != null) {
				hazards.close(all, id, today.minusDays(Long.parseLong(r[4])).toString(), "整改完成，复查合格",
						List.of(new UploadedFile("整改复查记录.pdf", EVIDENCE)));
			}
		}
	}

	/**
	 * A 双11 security period over the demo enterprise's county from six days ago to three days ahead: the enterprises
	 * of the county report most past days (the demo enterprise all but yesterday's), so some reports are missing.
	 */
	private void period(String enterpriseCreditCode, LocalDate today) {
		String county = enterprises.findByCreditCode(enterpriseCreditCode).map(EnterpriseView::regionCode).orElseThrow();
		long id = periods.create(DataScope.region(county.substring(0, 4)), new PeriodData("“双11”寄递安保期", county,
				today.minusDays(6).toString(), today.plusDays(3).toString(), true, true,
				"重点物品一律开箱验视；发现异常立即报告属地公安和邮政管理部门"), true);
		List<EnterpriseView> inCounty = enterprises.list(DataScope.region(county),
				new Enterprises.Filter(null, null, EnterpriseStatus.NORMAL), new PageQuery("", 0, 50, null, false)).items();
		for (int i = 0; i < inCounty.size(); i++) {
			String code = inCounty.get(i).creditCode();
			boolean demo = code.equals(enterpriseCreditCode);
			for (int d = 6; d >= 1; d--) {
				if (demo ? d == 1 : (i + d) % 4 == 0) {
					continue;
				}
				long parcels = 800 + 37L * ((i * 7 + d) % 20);
				long screened = (i + d) % 9 == 0 ? parcels - 12 : parcels;
				periods.report(DataScope.enterprise(code), id, new PeriodReportData(today.minusDays(d).toString(), parcels,
						screened, screened < parcels ? "安检机故障停机约20分钟，期间快件暂存待检后补检" : null));
			}
		}
	}

	/**
	 * This year's 安全生产责任书 of the city's enterprises (正常): all signed in January–February (the demo enterprise's with
	 * its scan) except two, which the ledger lists as 未签订.
	 */
	private void letters(String city, String enterpriseCreditCode, LocalDate today) {
		List<EnterpriseView> inCity = enterprises.list(DataScope.region(city),
				new Enterprises.Filter(null, null, EnterpriseStatus.NORMAL),
				new PageQuery("", 0, PageQuery.EXPORT_LIMIT, "credit_code", false)).items();
		int skipped = 0;
		for (int i = 0; i < inCity.size(); i++) {
			EnterpriseView e = inCity.get(i);
			boolean own = e.creditCode().equals(enterpriseCreditCode);
			if (!own && skipped < 2 && i % 3 == 1) {
				skipped++;
				continue;
			}
			LocalDate signed = LocalDate.of(today.getYear(), 1, 8).plusDays(i % 45);
			letters.sign(DataScope.all(), new ResponsibilityLetters.LetterData(String.valueOf(today.getYear()),
					e.creditCode(), (signed.isAfter(today) ? today : signed).toString(), "苏州市邮政管理局 周建华",
					e.legalRepresentative() == null || Text.isBlank(e.legalRepresentative()) ? "企业主要负责人"
							: e.legalRepresentative()),
					own ? List.of(new UploadedFile("安全生产责任书（盖章扫描件）.pdf", EVIDENCE)) : List.of(), true);
		}
	}

	/**
	 * Two 委托第三方安检 contracts in force for the enterprise of the city's first outlets, covering some of its outlets
	 * (the others are covered by {@link #coverRest} unless a machine of its brand stands in their county), and one that
	 * has ended.
	 */
	private void contracts(List<OutletView> city, LocalDate today) {
		if (city.isEmpty()) {
			return;
		}
		long enterprise = city.get(0).enterpriseId();
		String code = outletEnterpriseCode(city.get(0));
		List<Long> own = city.stream().filter(o -> o.enterpriseId() == enterprise).map(OutletView::id).toList();
		List<Long> half = own.subList(0, Math.max(1, own.size() / 2));
		contractors.create(DataScope.all(), new ContractorData("苏州安盾安检服务有限公司", "91320505MA1XKQ2D3Q", code,
				today.minusMonths(5).toString(), today.plusMonths(7).toString(), half), true);
		contractors.create(DataScope.all(), new ContractorData("江苏恒安安全检查技术有限公司", "91320000MA1P8WQF41", code,
				today.minusYears(2).toString(), today.minusMonths(6).toString(), own.subList(0, 1)), true);
	}

	/**
	 * The third-party screening companies the city's enterprises entrust (fictional): names and the first 17
	 * characters of their credit codes.
	 */
	static final String[][] CONTRACTORS = { { "苏州安盾安检服务有限公司", "91320505MA1XKQ2D3" },
			{ "苏州卫邮安检技术有限公司", "91320506MA1WYB3K7" }, { "江苏苏安寄递安全检查有限公司", "91320508MA1TQC7H2" },
			{ "苏州明察安全技术服务有限公司", "91320507MA1RNP4E5" } };

	/**
	 * The city's outlets (not closed) that neither a screening machine of their enterprise's brand in their county
	 * ({@link ScreeningCoverage}) nor a contract covers: one contract per enterprise with one of the city's screening
	 * companies in turn, from more than a year ago to next year — as the brands without their own 分拨中心 machines
	 * entrust their screening (委托第三方安检, 快递暂行条例(2025) art.33). The demo month of parcel records is screened
	 * there (records naming the outlet, no machine serial).
	 */
	private void coverRest(String city, LocalDate today) {
		Map<Long, List<Long>> uncovered = new TreeMap<>();
		for (ScreeningCoverage.OutletCoverage c : coverage.outlets(DataScope.region(city), null)) {
			if (!c.covered()) {
				uncovered.computeIfAbsent(c.enterpriseId(), k -> new ArrayList<>()).add(c.outletId());
			}
		}
		Map<Long, EnterpriseView> owners = enterprises.readable(DataScope.all(), uncovered.keySet());
		int turn = 0;
		for (Map.Entry<Long, List<Long>> e : uncovered.entrySet()) {
			EnterpriseView owner = owners.get(e.getKey());
			if (owner == null) {
				continue;
			}
			String[] contractor = CONTRACTORS[turn % CONTRACTORS.length];
			String code = contractor[1] + CreditCode.checkCharacter(contractor[1]);
			contractors.create(DataScope.all(), new ContractorData(contractor[0], code, owner.creditCode(),
					today.minusMonths(13 + turn % 6).toString(), today.plusMonths(5 + turn % 8).toString(), e.getValue()), true);
			turn++;
		}
	}

	private Long ownOutletOf(String creditCode) {
		return serving(outlets.list(DataScope.enterprise(creditCode), Outlets.Filter.NONE,
				new PageQuery("", 0, 3, null, false)).items())
			.stream()
			.map(OutletView::id)
			.findFirst()
			.orElse(null);
	}

	/** The outlets that are not closed. */
	private static List<OutletView> serving(List<OutletView> outlets) {
		return outlets.stream().filter(o -> o.status() != OutletStatus.CLOSED).toList();
	}

	private String outletEnterpriseCode(OutletView o) {
		EnterpriseView e = enterprises.readable(DataScope.all(), List.of(o.enterpriseId())).get(o.enterpriseId());
		return e == null ? null : e.creditCode();
	}
}
