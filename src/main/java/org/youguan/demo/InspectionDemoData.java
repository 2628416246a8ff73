package org.youguan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.inspections.InspectionOrders;
import org.youguan.inspections.InspectionPlan;
import org.youguan.inspections.InspectionPlans;
import org.youguan.inspections.InspectionRecordData;
import org.youguan.inspections.InspectionRecords;
import org.youguan.inspections.Inspectors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.numbering.OfficialNumbers;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Outlets;
import org.youguan.registry.RegisteredPlace;

/**
 * The demo city's inspections, through the inspections module's own services: the roster of certified inspectors of
 * the city and three county bureaus, at least three in each county so a county can draw teams from its own roster (one
 * certificate expired, so it is never drawn); for every quarter of this year so
 * far a published 双随机 plan (frozen population, recorded seed with witnesses, six targets with teams of two), the
 * drawn targets inspected by their drawn teams, and ad-hoc inspections (专项, complaint-triggered) — in every outcome
 * (无问题, 约谈, 责令改正 rectified on time, rectified late, still open or overdue, 立案线索); and orders issued on the
 * platform to the demo enterprise account's company in every state of the procedure.
 *
 * <p>Results publication (双随机一公开): the bureau publishes each drawn target's result two days after its check
 * (within the statutory window), so every earlier quarter's plan shows 已公示 throughout. In the latest plan the demo
 * deliberately leaves the most recent check whose publication window has closed unpublished — it shows the
 * <b>逾期未公示</b> highlight and the inbox's overdue queue — together with the checks after it (待公示, still in time);
 * when no check of the latest plan is past its window yet, its results simply await publication.
 */
@Component
class InspectionDemoData {

	/** A demo inspector: bureau region, account (or null), name, certificate number, valid until (year offset). */
	record Certified(String region, String username, String name, String certificate, int validYears) {
	}

	static final List<Certified> ROSTER = List.of(new Certified("3205", "sz.market", "郑监管", "32050001", 3),
			new Certified("3205", "sz.safety", "冯安全", "32050002", 3), new Certified("3205", "sz.admin", "周管理", "32050003", 2),
			new Certified("3205", null, "林执法", "32050004", 4), new Certified("3205", null, "秦过期", "32050005", -1),
			new Certified("320506", "wz.staff", "陈吴中", "32050601", 3), new Certified("320506", "wz.law", "沈执法", "32050602", 2),
			new Certified("320507", "xc.staff", "褚相城", "32050701", 3), new Certified("320583", "ks.admin", "卫昆山", "32058301", 3),
			// enough certified staff in each county for its own draws (a county draws from its own roster only): four, so
			// that a team of two is left for an enterprise whose previous inspection (the city's draw) took two of them
			new Certified("320506", null, "何监察", "32050603", 2), new Certified("320506", null, "吕稽查", "32050604", 3),
			new Certified("320507", null, "施执法", "32050702", 2), new Certified("320507", null, "张监察", "32050703", 3),
			new Certified("320507", null, "韩稽查", "32050704", 3), new Certified("320583", null, "孔执法", "32058302", 2),
			new Certified("320583", null, "曹监察", "32058303", 3), new Certified("320583", null, "杨稽查", "32058304", 3),
			// 姑苏 and 吴江 handle demo cases: a certified account and a colleague each, for their case teams
			new Certified("320508", "gs.staff", "顾姑苏", "32050801", 3), new Certified("320508", null, "姚执法", "32050802", 2),
			new Certified("320509", "wj.staff", "钱吴江", "32050901", 3), new Certified("320509", null, "潘执法", "32050902", 2));

	private final Inspectors inspectors;

	private final InspectionRecords records;

	private final InspectionPlans plans;

	private final InspectionOrders orders;

	private final Bureaus bureaus;

	private final UserDirectory directory;

	private final Enterprises enterprises;

	private final Clock clock;

	private final Outlets outlets;

	private final WorkingCalendar calendar;

	InspectionDemoData(Inspectors inspectors, InspectionRecords records, InspectionPlans plans, InspectionOrders orders,
			Bureaus bureaus, UserDirectory directory, Enterprises enterprises, Clock clock, Outlets outlets,
			WorkingCalendar calendar) {
		this.calendar = calendar;
		this.outlets = outlets;
		this.plans = plans;
		this.orders = orders;
		this.inspectors = inspectors;
		this.records = records;
		this.bureaus = bureaus;
		this.directory = directory;
		this.enterprises = enterprises;
		this.clock = clock;
	}

	void seed() {
		LocalDate today = LocalDate.now(clock);
		DataScope all = DataScope.all();
		Map<String, List<Certified>> byRegion = new LinkedHashMap<>();
		for (Certified c : ROSTER) {
			long bureau = bureaus.findByRegion(c.region()).orElseThrow().id();
			Long user = c.username() == null ? null : directory.principal(c.username()).map(CurrentUser::id).orElse(null);
			LocalDate validUntil = LocalDate.of(today.getYear() + c.validYears(), 12, 31);
			// a certificate run out since: entered on the roster while it was still valid
			inspectors.registerEnteredOn(all, new Inspectors.InspectorData(bureau, user, c.name(), c.certificate(),
					validUntil, null), validUntil.isBefore(today) ? validUntil : today);
			if (c.validYears() >= 0) {
				byRegion.computeIfAbsent(c.region(), k -> new ArrayList<>()).add(c);
			}
		}
		long city = bureaus.findByRegion(DemoCity.CITY).orElseThrow().id();
		Map<String, String> names = new LinkedHashMap<>();
		ROSTER.forEach(c -> names.put(c.certificate(), c.name()));
		List<EnterpriseView> others = enterprises.list(DataScope.region(DemoCity.CITY), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 60, "legal_name", "asc")).items();
		// the city's paper orders bear the city bureau's 机关代字 (苏苏邮管责改〔年〕N号), as its orders on the platform do
		String cityAgency = bureaus.documentAgency(DemoCity.CITY).code();
		int order = 0;
		int n = 0;
		Map<Long, List<LocalDate>> drawnChecks = new LinkedHashMap<>();
		for (int quarter = 0; quarter < 4; quarter++) {
			LocalDate start = LocalDate.of(today.getYear(), quarter * 3 + 1, 1);
			if (!start.plusDays(6).isBefore(today)) {
				break;
			}
			String title = "苏州市" + today.getYear() + "年第" + "一二三四".charAt(quarter) + "季度快递市场双随机抽查";
			long plan = plans.create(all, city, DemoCity.CITY, "周管理", new InspectionPlans.PlanData(title, start,
					start.plusMonths(3).minusDays(1), List.of("REAL_NAME", "CONTENT_CHECK", "SCREENING", "WAYBILL_DATA"),
					DemoCity.CITY, null, 6, null, null, 2), true);
			plans.freeze(all, plan);
			plans.recordSeed(all, plan, today.getYear() + "Q" + (quarter + 1) + "-" + (7301 + quarter * 1117), "周管理",
					"孙局长、吴文书");
			List<InspectionPlan.Target> targets = plans.draw(all, plan);
			plans.publish(all, plan);
			// made and drawn as its quarter began: its checks below are made after the draw
			plans.dateDemoPlan(plan, start);
			int[] offsets = { 6, 13, 21, 29, 36, 44, 52 };
			for (int i = 0; i < offsets.length; i++) {
				LocalDate day = start.plusDays(offsets[i]);
				if (!day.isBefore(today)) {
					break;
				}
				String outcome = switch (i % 6) {
					case 1 -> "INTERVIEW";
					case 2, 3 -> "RECTIFICATION";
					case 4 -> "LEAD";
					default -> "NONE";
				};
				InspectionRecordData.Rectification rectification = null;
				if (outcome.equals("RECTIFICATION")) {
					// a working day, as every order's deadline (RectificationTerm)
					LocalDate due = calendar.onOrNextWorkingDay(day.plusDays(15));
					LocalDate rectified = i % 6 == 2 ? day.plusDays(10) : quarter % 2 == 0 ? due.plusDays(5) : null;
					rectification = new InspectionRecordData.Rectification(
							OfficialNumbers.format(cityAgency, InspectionOrders.NUMBER_TYPE, today.getYear(), ++order), day.toString(), due.toString(),
							rectified == null || rectified.isAfter(today) ? null : rectified.toString());
				}
				boolean drawn = i < targets.size();
				String creditCode;
				List<InspectionRecordData.TeamMember> team;
				String kind;
				if (drawn) {
					drawnChecks.computeIfAbsent(plan, k -> new ArrayList<>()).add(day);
					InspectionPlan.Target t = targets.get(i);
					creditCode = t.enterpriseCreditCode();
					team = t.certificates().stream().map(c -> new InspectionRecordData.TeamMember(names.get(c), c)).toList();
					kind = "RANDOM";
				}
				else {
					EnterpriseView target = others.get(n++ % others.size());
					creditCode = target.creditCode();
					team = team(byRegion, target.regionCode(), n);
					kind = n % 2 == 0 ? "COMPLAINT" : "SPECIAL";
				}
				records.record(all, city, new InspectionRecordData(creditCode, day.toString(), kind, items(i), team, outcome,
						outcome.equals("NONE") ? null : findings(i), rectification, null, null, null, drawn ? plan : null),
						false, true);
			}
		}
		publishResults(all, drawnChecks, today);
		ordersOnThePlatform(all, city, byRegion, today);
	}

	/**
	 * Publishes each drawn target's result two days after its check (not after today); in the latest plan only those
	 * checked before its most recent check already past the publication window, which stays 逾期未公示 on purpose.
	 */
	private void publishResults(DataScope all, Map<Long, List<LocalDate>> drawnChecks, LocalDate today) {
		List<Long> planIds = new ArrayList<>(drawnChecks.keySet());
		for (long plan : planIds) {
			LocalDate until = null;
			if (plan == planIds.get(planIds.size() - 1)) {
				// the latest plan: stop before its most recent check whose window has closed (the intended highlight)
				until = plans.results(plans.get(all, plan)).stream()
					.filter(r -> r.state() == InspectionPlans.ResultState.OVERDUE)
					.map(InspectionPlans.TargetResult::inspectedOn)
					.max(LocalDate::compareTo)
					.orElse(LocalDate.MIN);
			}
			for (LocalDate day : drawnChecks.get(plan)) {
				if (until != null && !day.isBefore(until)) {
					break;
				}
				LocalDate on = day.plusDays(2).isAfter(today) ? today : day.plusDays(2);
				plans.publishResults(all, plan, on);
			}
		}
	}

	/**
	 * Orders issued on the platform to the demo enterprise account's company (顺丰, 吴中区), so its portal has them: one
	 * awaiting the reply (with a re-inspection scheduled), one replied, one whose reply was rejected, one accepted, each
	 * about the one item its finding concerns. The one about 末端网点备案 was found at one of its outlets, which its record
	 * names.
	 */
	private void ordersOnThePlatform(DataScope all, long city, Map<String, List<Certified>> byRegion, LocalDate today) {
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElse(null);
		if (sf == null) {
			return;
		}
		DataScope enterprise = DataScope.enterprise(sf);
		String[] findings = { "快件收寄验视记录缺失", "末端网点备案的负责人与实际不一致", "禁寄物品目录未张贴", "运单信息保管不规范" };
		// each order is about the one item its finding is about, so it cites that item's article and no other's
		String[] about = { "CONTENT_CHECK", "OUTLET_FILING", "PROHIBITED", "WAYBILL_DATA" };
		RegisteredPlace outlet = outlets.places("320506", null).stream()
			.filter(o -> o.enterpriseCreditCode().equals(sf))
			.findFirst().orElse(null);
		for (int i = 0; i < findings.length; i++) {
			boolean atOutlet = i == 1 && outlet != null;
			long record = records.record(all, city, new InspectionRecordData(sf, today.minusDays(3 - i % 3).toString(),
					"SUPERVISION", List.of(about[i]), team(byRegion, "320506", i), "RECTIFICATION", findings[i], null,
					atOutlet ? outlet.name() : null, atOutlet ? "OUTLET" : null, atOutlet ? outlet.id() : null), false, true);
			InspectionOrders.Order order = orders.issue(all, record, null, 15);
			switch (i) {
				// a re-inspection is on a working day (the deadline, counted in working days, is one)
				case 0 -> orders.scheduleReinspection(all, order.id(), calendar.onOrNextWorkingDay(order.dueOn().minusDays(2)));
				case 1 -> orders.reply(enterprise, order.id(), "已在营业场所醒目位置公示服务种类、资费标准和投诉电话");
				case 2 -> {
					orders.reply(enterprise, order.id(), "已张贴");
					orders.decide(all, order.id(), false, "未提供张贴照片，请补充整改证据");
				}
				default -> {
					orders.reply(enterprise, order.id(), "已按规定建立运单保管和销毁台账");
					orders.decide(all, order.id(), true, null);
				}
			}
		}
	}

	private static List<InspectionRecordData.TeamMember> team(Map<String, List<Certified>> byRegion, String region,
			int n) {
		List<Certified> city = byRegion.get(DemoCity.CITY);
		List<Certified> own = byRegion.entrySet().stream()
			.filter(e -> !e.getKey().equals(DemoCity.CITY) && region.startsWith(e.getKey()))
			.flatMap(e -> e.getValue().stream())
			.toList();
		Certified first = own.isEmpty() ? city.get(n % city.size()) : own.get(n % own.size());
		Certified second = city.get((n + 1) % city.size());
		if (second.equals(first)) {
			second = city.get((n + 2) % city.size());
		}
		return List.of(new InspectionRecordData.TeamMember(first.name(), first.certificate()),
				new InspectionRecordData.TeamMember(second.name(), second.certificate()));
	}

	private static List<String> items(int i) {
		return switch (i % 4) {
			case 0 -> List.of("REAL_NAME", "CONTENT_CHECK", "SCREENING");
			case 1 -> List.of("OUTLET_FILING", "SERVICE_NOTICE");
			case 2 -> List.of("WAYBILL_DATA", "PROHIBITED");
			default -> List.of("LICENCE", "COMPLAINT", "PACKAGING");
		};
	}

	private static String findings(int i) {
		return switch (i % 6) {
			case 1 -> "服务公示内容不全，已约谈网点负责人";
			case 2 -> "实名收寄信息登记不完整，部分快件未实名";
			case 3 -> "未按规定验视内件，验视记录缺失";
			case 4 -> "废弃运单未按规定销毁，存在泄露用户信息风险，移送立案";
			default -> "投诉处理记录不完整";
		};
	}
}
