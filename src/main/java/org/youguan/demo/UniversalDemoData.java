package org.youguan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;
import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.numbering.OfficialNumbers;
import org.youguan.org.Bureaus;
import org.youguan.registry.Enterprises;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.FacilityView;
import org.youguan.universal.DeliveryMode;
import org.youguan.universal.DeliveryStandards;
import org.youguan.universal.PostOfficeApprovals;
import org.youguan.universal.PostOffices;
import org.youguan.universal.VillageCheckData;
import org.youguan.universal.VillageCheckPlan;
import org.youguan.universal.VillageCheckPlanData;
import org.youguan.universal.VillageCheckPlans;
import org.youguan.universal.VillageChecks;
import org.youguan.universal.VillageProfileData;
import org.youguan.universal.VillageView;
import org.youguan.universal.Villages;

/**
 * The demo city's universal service, through the universal module's own services: a 通邮 profile for every 建制村 of
 * 苏州市 kept by 中国邮政集团有限公司苏州市分公司 (most 直接通邮, some through a 邮乐购站, 村邮站 or another handover point,
 * served by the county's registered post office; a few delivered fewer times a week than the village standard), and
 * this year's on-site checks of 60 villages, some found not 规范 — three of them under 吴中区's check plan of ten
 * villages drawn at random, checked on the day the demo is made; each county's post office's opening days (one
 * township office open fewer days than the standard), a closure application in progress at 吴中 (site checked,
 * awaiting the decision), a relocation decided and announced at 相城 (entered as a past approval with its dates and
 * its real 文号), a reported 临时停业, and this year's supervision records ({@link SupervisionDemoData}). A fixed seed
 * keeps every demo installation alike; the plan's villages follow its own secret (commit–reveal), so they differ.
 */
@Component
class UniversalDemoData {

	/** Villages checked this year in the demo. */
	static final int CHECKED = 60;

	/** Villages in the demo's check plan (吴中区, drawn at random). */
	static final int PLANNED = 10;

	/** Villages of the plan checked under it (today, when the demo is made). */
	static final int PLAN_CHECKED = 3;

	private final Villages villages;

	private final VillageChecks checks;

	private final Enterprises enterprises;

	private final Facilities facilities;

	private final PostOffices offices;

	private final PostOfficeApprovals approvals;

	private final Clock clock;

	private final SupervisionDemoData supervision;

	private final VillageCheckPlans plans;

	private final DeliveryStandards standards;

	private final Bureaus bureaus;

	UniversalDemoData(Villages villages, VillageChecks checks, Enterprises enterprises, Facilities facilities,
			PostOffices offices, PostOfficeApprovals approvals, Clock clock, SupervisionDemoData supervision,
			VillageCheckPlans plans, DeliveryStandards standards, Bureaus bureaus) {
		this.bureaus = bureaus;
		this.standards = standards;
		this.plans = plans;
		this.offices = offices;
		this.approvals = approvals;
		this.supervision = supervision;
		this.villages = villages;
		this.checks = checks;
		this.enterprises = enterprises;
		this.facilities = facilities;
		this.clock = clock;
	}

	/** The credit code of the city's postal company, which keeps the profiles (and the demo account yz.sz belongs to). */
	String postalCompany() {
		return enterprises.list(DataScope.all(), new Enterprises.Filter(EnterpriseType.POSTAL, null, null),
				new PageQuery("苏州市分公司", 0, 5, null, false))
			.items()
			.stream()
			.map(EnterpriseView::creditCode)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the demo registry has no postal city company"));
	}

	/** Runs inside the demo city's transaction, after the registry. */
	void seed() {
		Random random = new Random(2026);
		DataScope all = DataScope.all();
		String postal = postalCompany();
		Map<String, FacilityView> postOffices = new HashMap<>();
		for (FacilityView f : facilities.list(all, new Facilities.Filter(FacilityKind.POST_OFFICE, null),
				new PageQuery("", 0, 200, null, false)).items()) {
			if (f.regionCode().startsWith(DemoCity.CITY)) {
				postOffices.putIfAbsent(f.regionCode().substring(0, 6), f);
			}
		}
		List<VillageView> register = villages.list(all, new Villages.Filter(DemoCity.CITY, null, false, false),
				new PageQuery("", 0, 5000, "code", false).unpaged()).items();
		for (VillageView v : register) {
			int draw = random.nextInt(100);
			DeliveryMode mode = draw < 72 ? DeliveryMode.DIRECT : draw < 84 ? DeliveryMode.POSTAL_SHOP
					: draw < 95 ? DeliveryMode.VILLAGE_POST : DeliveryMode.OTHER;
			int roll = random.nextInt(100);
			int perWeek = roll < 4 ? 2 : roll < 20 ? 3 : roll < 85 ? 5 : 6;
			FacilityView office = postOffices.get(v.countyCode());
			String village = v.name().replace("村委会", "村");
			String handoverType = switch (mode) {
				case DIRECT -> null;
				case POSTAL_SHOP -> "邮乐购站";
				case VILLAGE_POST -> "村邮站";
				case OTHER -> "便民服务中心";
			};
			String address = mode == DeliveryMode.DIRECT ? null
					: v.countyName() + v.streetName() + village + (mode == DeliveryMode.OTHER ? "便民服务中心" : handoverType);
			villages.saveProfile(all, new VillageProfileData(v.code(), mode.name(), perWeek,
					office == null ? null : office.id(), office == null ? v.streetName() + "邮政所" : null, handoverType,
					address, postal), true);
		}
		LocalDate today = LocalDate.now(clock);
		int span = Math.max(1, today.getDayOfYear() - 1);
		// certified inspectors of the inspections demo's roster, each team of a bureau (a county's or the city's): a
		// check is also their inspection record, so a team checks only villages of its bureau's region
		String[][] teams = { { "陈吴中", "沈执法" }, { "褚相城", "施执法" }, { "卫昆山", "孔执法" }, { "郑监管", "冯安全" } };
		String[] teamRegions = { "320506", "320507", "320583", "3205" };
		List<String> planChecked = seedPlan(today);
		List<VillageView> shuffled = new ArrayList<>(register.stream().filter(v -> !planChecked.contains(v.code())).toList());
		Collections.shuffle(shuffled, random);
		for (VillageView listed : shuffled.subList(0, Math.min(CHECKED - planChecked.size(), shuffled.size()))) {
			VillageView v = villages.get(all, listed.code());
			boolean standard = random.nextInt(10) != 0;
			LocalDate on = today.withDayOfYear(1).plusDays(random.nextInt(span));
			String findings = standard ? null
					: random.nextBoolean() ? "投递频次低于档案登记，邮件在乡镇支局积压" : "交接记录缺失，邮件未按址投递到村委会";
			checks.record(all, null, new VillageCheckData(v.code(), on.toString(), v.deliveryMode().name(),
					standard ? seen(v) : Math.max(0, v.deliveriesPerWeek() - 2), standard || random.nextBoolean(),
					standard, findings, team(teams[ownTeam(teamRegions, random.nextInt(teams.length), v.code())]),
					standard ? null : "INTERVIEW"), true);
		}
		seedPostOffices(postal, postOffices, today);
		supervision.seed();
	}

	/**
	 * 吴中区's plan of this year: {@link #PLANNED} villages drawn at random with a fixed seed and the plan's own secret
	 * (drawn by {@link VillageCheckPlans}, so the villages differ between installations), the first
	 * {@link #PLAN_CHECKED} of them checked today under it, one found not 规范.
	 * @return the codes of the villages checked under the plan (counted among the {@link #CHECKED})
	 */
	private List<String> seedPlan(LocalDate today) {
		DataScope all = DataScope.all();
		long id = plans.create(all, null, new VillageCheckPlanData(today.getYear() + "年吴中区建制村通邮随机抽查", "320506",
				"RANDOM", false, null, false, PLANNED, "2026-吴中-通邮抽查"), true);
		List<String> checked = new ArrayList<>();
		for (VillageCheckPlan.Planned planned : plans.get(all, id).villages().subList(0, PLAN_CHECKED)) {
			VillageView v = villages.get(all, planned.code());
			boolean standard = checked.size() != 1;
			checks.record(all, null, new VillageCheckData(v.code(), today.toString(), v.deliveryMode().name(),
					standard ? seen(v) : Math.max(0, v.deliveriesPerWeek() - 2), standard, standard,
					standard ? null : "交接记录缺失，邮件未按址投递到村委会", team("陈吴中", "沈执法"),
					standard ? null : "RECTIFICATION"), true);
			checked.add(v.code());
		}
		return checked;
	}

	/**
	 * The deliveries a week a check found 规范 saw: the profile's, at least the province's 建制村 standard — a check
	 * finds 规范 only at the standard ({@link VillageChecks}), and a few demo profiles are set below it.
	 */
	private int seen(VillageView v) {
		return Math.max(v.deliveriesPerWeek(), standards.villageMinimum(v.code()));
	}

	/**
	 * The team drawn when its bureau's region holds the village, else the team of the village's county, else the city's
	 * (the last): an inspection record takes only inspectors of the bureaus above the village.
	 */
	private static int ownTeam(String[] regions, int drawn, String village) {
		if (village.startsWith(regions[drawn])) {
			return drawn;
		}
		for (int i = 0; i < regions.length; i++) {
			if (village.startsWith(regions[i])) {
				return i;
			}
		}
		return regions.length - 1;
	}

	/** The inspectors named, each with the 执法证号 of the inspections demo's roster. */
	private static List<TeamMember> team(String... names) {
		return Arrays.stream(names)
			.map(n -> InspectionDemoData.ROSTER.stream()
				.filter(c -> c.name().equals(n))
				.findFirst()
				.map(c -> new TeamMember(c.name(), c.certificate()))
				.orElseThrow(() -> new IllegalStateException("not on the demo roster: " + n)))
			.toList();
	}

	/** Opening days of each county's post office, one approval in progress, one decided, one suspension. */
	private void seedPostOffices(String postal, Map<String, FacilityView> postOffices, LocalDate today) {
		DataScope all = DataScope.all();
		List<String> counties = new ArrayList<>(postOffices.keySet());
		Collections.sort(counties);
		for (int i = 0; i < counties.size(); i++) {
			FacilityView f = postOffices.get(counties.get(i));
			boolean city = i % 3 != 2;
			int days = i == 2 ? 4 : city ? 6 + i % 2 : 5 + i % 2;
			String hours = days == 7 ? "每天 8:00-18:00" : days == 6 ? "周一至周六 8:30-17:30"
					: days == 5 ? "周一至周五 8:30-17:00" : "周一至周四 9:00-16:00";
			offices.saveHours(all, f.id(), new PostOffices.HoursData(city ? "CITY" : "TOWNSHIP", days, hours), true);
		}
		FacilityView wuzhong = postOffices.get("320506");
		if (wuzhong != null) {
			long id = approvals.apply(DataScope.enterprise(postal), new PostOfficeApprovals.ApplicationData(wuzhong.id(),
					"CLOSURE", "所在片区整体拆迁安置，居民已迁入新社区，由相邻邮政支局提供普遍服务", null, null), true);
			approvals.check(all, id, new PostOfficeApprovals.SiteCheck(today.toString(),
					"现场核查：周边2公里内有邮政支局，可承接用邮需求", "已征求街道办事处和社区居委会意见，无异议"));
			offices.reportSuspension(DataScope.enterprise(postal), new PostOffices.SuspensionData(wuzhong.id(),
					today.plusDays(7).toString(), today.plusDays(9).toString(), "营业厅内部装修，临时停业3天"), true);
		}
		FacilityView xiangcheng = postOffices.get("320507");
		if (xiangcheng != null) {
			LocalDate received = today.minusDays(70);
			approvals.save(approvals.checkImported(all, new PostOfficeApprovals.ImportedApproval(xiangcheng.id(),
					"RELOCATION", "原营业场所租约到期，迁至同一街道新建便民服务中心", "相城区便民服务中心一楼",
					received.toString(), received.plusDays(7).toString(), "APPROVED", received.plusDays(20).toString(),
					received.plusDays(25).toString(), "相城区人民政府网站、原营业场所张贴公告",
					OfficialNumbers.format(bureaus.documentAgency(xiangcheng.regionCode()).code(), PostOfficeApprovals.NUMBER_TYPE,
							received.plusDays(20).getYear(), 5))), true);
		}
	}
}
