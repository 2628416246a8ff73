package org.youguan.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.registry.EnterpriseView;
import org.youguan.statistics.Completeness;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportForm;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.ReportLoader;
import org.youguan.statistics.Reports;

/**
 * Three years of monthly reports (and quarterly green/care reports) for the demo city's postal and express
 * enterprises, with the seasonality of the trade (Spring Festival trough, 618, the 双11 peak in November) and about
 * 12 % growth a year (the current year's targets come from the demo work plan, see WorkPlanDemoData); and the latest
 * month in every state of the procedure — most
 * approved, some waiting for the bureau, some returned, a few late or missing (the demo enterprise 顺丰吴中 among the
 * missing, so it can report the month itself).
 */
@Component
class StatisticsDemoData {

	/** Monthly seasonality of express volume, January first. */
	static final double[] SEASON = { 0.95, 0.70, 0.95, 0.97, 1.00, 1.06, 0.95, 0.97, 1.00, 1.03, 1.32, 1.12 };

	static final Map<String, Double> BRAND_SHARE = Map.of("中通", 0.18, "圆通", 0.15, "韵达", 0.14, "申通", 0.12, "极兔", 0.11,
			"顺丰", 0.11, "京东", 0.07, "中国邮政", 0.08, "德邦", 0.04);

	static final Map<String, Double> COUNTY_SHARE = Map.of("320505", 0.08, "320506", 0.10, "320507", 0.07, "320508", 0.08,
			"320509", 0.12, "320576", 0.12, "320581", 0.12, "320582", 0.09, "320583", 0.16, "320585", 0.06);

	/** Express volume of the whole city in the first month of the demo's first year (a January). */
	static final double CITY_MONTHLY_VOLUME = 1.95e8;

	private final ReportForms forms;

	private final ReportLoader loader;

	private final Reports reports;

	private final Completeness completeness;

	private final Clock clock;

	private final Random random = new Random(2026);

	private final Map<Long, Double> units = new HashMap<>();

	/** The bureau deciding a report: the one handling its region (a county's where the demo has one). */
	private final Bureaus bureaus;

	StatisticsDemoData(ReportForms forms, ReportLoader loader, Reports reports, Completeness completeness,
			Clock clock, Bureaus bureaus) {
		this.bureaus = bureaus;
		this.forms = forms;
		this.loader = loader;
		this.reports = reports;
		this.completeness = completeness;
		this.clock = clock;
	}

	/** Runs inside the demo city's transaction, after the registry. */
	void seed() {
		DataScope city = DataScope.region(DemoCity.CITY);
		ReportForm monthly = forms.byCode("monthly");
		List<EnterpriseView> reporters = forms.expectedReporters(city, monthly);
		Period current = forms.currentPeriod(monthly);
		YearMonth first = firstMonth(LocalDate.now(clock));
		String demoEnterprise = DemoCity.demoEnterpriseCreditCode();

		// the current month's story: who is missing, waiting, returned, late
		List<EnterpriseView> others = new ArrayList<>(reporters.stream().filter(e -> !e.creditCode().equals(demoEnterprise)).toList());
		Collections.shuffle(others, new Random(7)); // spread the stragglers over the counties
		List<EnterpriseView> missing = new ArrayList<>(others.subList(0, 3));
		reporters.stream().filter(e -> e.creditCode().equals(demoEnterprise)).forEach(missing::add);
		List<EnterpriseView> waiting = others.subList(3, 8);
		List<EnterpriseView> returned = others.subList(8, 10);
		List<EnterpriseView> late = others.subList(10, 12);

		List<ReportLoader.Approved> approved = new ArrayList<>();
		LocalDate dueOfCurrent = forms.dueOn(monthly, current);
		for (EnterpriseView e : reporters) {
			double unit = unitVolume(e);
			for (YearMonth m = first; !m.isAfter(current.first()); m = m.plusMonths(1)) {
				Period p = Period.month(m);
				boolean isCurrent = m.equals(current.first());
				if (isCurrent && (missing.contains(e) || waiting.contains(e) || returned.contains(e))) {
					continue;
				}
				LocalDate due = forms.dueOn(monthly, p);
				LocalDate submitted = isCurrent && late.contains(e) ? dueOfCurrent.plusDays(3)
						: due.minusDays(1 + random.nextInt(4));
				approved.add(new ReportLoader.Approved(e.id(), p, monthlyValues(e, unit, m, first), submitted));
			}
		}
		loader.loadApproved("monthly", approved, true, "演示数据：" + ChineseText.month(first) + "至" + current.code());

		for (EnterpriseView e : waiting) {
			submit(city, monthly, e, current, monthlyValues(e, unitVolume(e), current.first(), first));
		}
		for (EnterpriseView e : returned) {
			long id = submit(city, monthly, e, current, monthlyValues(e, unitVolume(e), current.first(), first));
			// returned by the bureau handling the reporter's region, the one that decides it (the city's for a county
			// whose bureau has no 处室工作人员)
			BureauView deciding = bureaus.handling(e.regionCode()).orElseThrow();
			reports.returnForCorrection(DataScope.region(deciding.regionCode()), id, "同城业务量与上月相比变化较大，请核实后重新报送",
					deciding.name());
		}
		completeness.remind(city, monthly, current, DemoCity.CITY_BUREAU);

		ReportForm quarterly = forms.byCode("green-care");
		Period lastQuarter = forms.currentPeriod(quarterly);
		List<ReportLoader.Approved> green = new ArrayList<>();
		for (EnterpriseView e : forms.expectedReporters(city, quarterly)) {
			double unit = unitVolume(e);
			for (Period q = Period.containing(quarterly.periodType(), first); !q.first().isAfter(lastQuarter.first());
					q = q.next()) {
				green.add(new ReportLoader.Approved(e.id(), q, quarterlyValues(unit, q, first),
						forms.dueOn(quarterly, q).minusDays(2)));
			}
		}
		loader.loadApproved("green-care", green, true, "演示数据：绿色发展与快递员权益保障");

	}

	/**
	 * The first month of the demo's reports: the January two years before the year of the month reported now (last
	 * month). The registry's demo licenses every reporter before it ({@link RegistryDemoData}).
	 */
	static YearMonth firstMonth(LocalDate today) {
		return YearMonth.of(YearMonth.from(today).minusMonths(1).getYear() - 2, 1);
	}

	private long submit(DataScope scope, ReportForm form, EnterpriseView e, Period period, Map<String, BigDecimal> values) {
		long id = reports.open(scope, e.id(), form.id(), period);
		Map<String, String> text = new HashMap<>();
		values.forEach((k, v) -> text.put(k, v.toPlainString()));
		reports.submit(scope, id, text, Map.of(), null);
		return id;
	}

	/** An enterprise's monthly express volume before seasonality and growth: brand share × county share. */
	private double unitVolume(EnterpriseView e) {
		return units.computeIfAbsent(e.id(), id -> {
			String brand = brandName(e);
			// the brands' city companies handle a little themselves; the postal one is the whole of 中国邮政 in the city
			boolean cityCompany = !e.legalName().contains("快递服务有限公司");
			double place = cityCompany ? ("中国邮政".equals(brand) ? 1.0 : 0.05) : COUNTY_SHARE.getOrDefault(e.regionCode(), 0.05);
			return CITY_MONTHLY_VOLUME * BRAND_SHARE.getOrDefault(brand, 0.03) * place * (0.9 + random.nextDouble() * 0.2);
		});
	}

	private static String brandName(EnterpriseView e) {
		String name = e.brandName() == null ? "" : e.brandName();
		return BRAND_SHARE.keySet().stream().filter(name::startsWith).findFirst().orElse(name);
	}

	private Map<String, BigDecimal> monthlyValues(EnterpriseView e, double unit, YearMonth month, YearMonth first) {
		double years = (month.getYear() - first.getYear()) + (month.getMonthValue() - 1) / 12.0;
		double volume = unit * SEASON[month.getMonthValue() - 1] * Math.pow(1.12, years) * (0.96 + random.nextDouble() * 0.08);
		long local = Math.round(volume * 0.22);
		long international = Math.round(volume * 0.015);
		long intercity = Math.round(volume) - local - international;
		double expressRevenue = volume * 9.6 / 10_000;
		// 邮政寄递服务 (letters, parcels, newspapers) is China Post's alone: an express company reports it as 0, and
		// 业务收入 is at least 邮政寄递服务收入 + 快递业务收入 (rule revenue-covers-parts), other income on top
		boolean postal = "中国邮政".equals(brandName(e));
		double deliveryRevenue = postal ? expressRevenue * 0.6 : 0;
		double revenue = (deliveryRevenue + expressRevenue) * 1.08;
		Map<String, BigDecimal> v = new HashMap<>();
		v.put("express.volume.local", BigDecimal.valueOf(local));
		v.put("express.volume.intercity", BigDecimal.valueOf(intercity));
		v.put("express.volume.international", BigDecimal.valueOf(international));
		v.put("express.revenue", money(expressRevenue));
		v.put("postal.delivery.volume", BigDecimal.valueOf(postal ? Math.round(volume * 0.9) : 0));
		v.put("postal.delivery.revenue", money(deliveryRevenue));
		v.put("postal.revenue", money(revenue));
		v.put("postal.total", money(revenue * 0.94));
		v.put("green.ewaybill.rate", BigDecimal.valueOf(Math.min(99.9, 95.5 + years * 1.1 + random.nextDouble()))
			.setScale(2, RoundingMode.HALF_UP));
		return v;
	}

	private Map<String, BigDecimal> quarterlyValues(double unit, Period quarter, YearMonth first) {
		double years = quarter.year() - first.getYear() + (quarter.first().getMonthValue() - 1) / 12.0;
		double scale = unit / 1e6;
		Map<String, BigDecimal> v = new HashMap<>();
		v.put("green.reusable.boxes", whole(scale * 900 * Math.pow(1.35, years)));
		v.put("green.recycled.boxes", whole(scale * 4200 * Math.pow(1.2, years)));
		v.put("green.transfer.bags", whole(scale * 1500 * Math.pow(1.15, years)));
		v.put("green.ev.vehicles", whole(scale * 6 * Math.pow(1.25, years)));
		v.put("care.stations", whole(1 + scale * 0.8 * Math.pow(1.1, years)));
		v.put("care.health.checks", whole(scale * 20 * (quarter.first().getMonthValue() == 4 ? 3 : 1)));
		v.put("care.locker.compartments", whole(scale * 240 * Math.pow(1.18, years)));
		return v;
	}

	private static BigDecimal money(double wan) {
		return BigDecimal.valueOf(wan).setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal whole(double n) {
		return BigDecimal.valueOf(Math.max(0, Math.round(n)));
	}
}
