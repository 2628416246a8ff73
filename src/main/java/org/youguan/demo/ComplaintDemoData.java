package org.youguan.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.youguan.complaints.AcceptanceCondition;
import org.youguan.complaints.Channel;
import org.youguan.complaints.ComplaintForm;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.ComplaintLoader;
import org.youguan.complaints.ComplaintNotices;
import org.youguan.complaints.ComplaintProcedure;
import org.youguan.complaints.ComplaintReply;
import org.youguan.complaints.FilerRole;
import org.youguan.complaints.Responsibility;
import org.youguan.complaints.Satisfaction;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.region.Regions;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

/**
 * A year of complaints in the demo city across brands and counties (延误 and 丢失短少 the most common, as in the
 * national notices), closed or not accepted, plus a handful received in the last days in every live state of the
 * procedure — some for the demo enterprise 顺丰吴中 to answer — and the city's complaint notice of this year so far,
 * published on the public portal.
 */
@Component
class ComplaintDemoData {

	/** Category → share of complaints and its reasons. */
	static final Map<String, Object[]> CATEGORIES = new LinkedHashMap<>();
	static {
		CATEGORIES.put("延误", new Object[] { 35, new String[] { "中转或运输延误", "派送延误" } });
		CATEGORIES.put("丢失短少", new Object[] { 25, new String[] { "快件丢失", "内件短少", "未按规定赔偿" } });
		CATEGORIES.put("投递服务", new Object[] { 15, new String[] { "虚假签收", "未按名址投递", "未经同意投放智能快件箱或代收点" } });
		CATEGORIES.put("损毁", new Object[] { 12, new String[] { "外包装破损", "内件损坏" } });
		CATEGORIES.put("收寄服务", new Object[] { 5, new String[] { "拒绝收寄", "服务态度" } });
		CATEGORIES.put("违规收费", new Object[] { 4, new String[] { "超标准收费" } });
		CATEGORIES.put("代收货款", new Object[] { 1, new String[] { "代收货款未及时返还" } });
		CATEGORIES.put("其他", new Object[] { 3, new String[] { "其他原因" } });
	}

	static final String[] SURNAMES = RegistryDemoData.SURNAMES;

	private final ComplaintLoader loader;

	private final ComplaintIntake intake;

	private final ComplaintProcedure procedure;

	private final ComplaintNotices notices;

	private final Regions regions;

	private final Brands brands;

	private final Enterprises enterprises;

	private final Clock clock;

	private final Random random = new Random(12305);

	ComplaintDemoData(ComplaintLoader loader, ComplaintIntake intake, ComplaintProcedure procedure, ComplaintNotices notices, Regions regions,
			Brands brands, Enterprises enterprises, Clock clock) {
		this.notices = notices;
		this.regions = regions;
		this.loader = loader;
		this.intake = intake;
		this.procedure = procedure;
		this.brands = brands;
		this.enterprises = enterprises;
		this.clock = clock;
	}

	/** Runs inside the demo city's transaction, after the registry. */
	void seed() {
		LocalDate today = LocalDate.now(clock);
		Map<String, Long> brandIds = new HashMap<>();
		brands.all().forEach(b -> brandIds.put(b.shortName(), b.id()));
		Map<String, EnterpriseView> franchise = new HashMap<>();
		for (EnterpriseView e : enterprises.list(DataScope.region(DemoCity.CITY), new Enterprises.Filter(null, null,
				EnterpriseStatus.NORMAL), new PageQuery("", 0, 1, null, false).unpaged()).items()) {
			if (e.brandName() != null) {
				franchise.putIfAbsent(e.regionCode() + "|" + e.brandId(), e);
			}
		}
		List<String> counties = new ArrayList<>(DemoCity.COUNTY_BUREAUS.keySet());
		List<ComplaintLoader.Past> past = new ArrayList<>();
		for (int i = 0; i < 720; i++) {
			LocalDate received = today.minusDays(40 + random.nextInt(325));
			String brand = pick(StatisticsDemoData.BRAND_SHARE);
			String county = counties.get(random.nextInt(counties.size()));
			String category = category();
			ComplaintForm form = form(brand, county, category, received);
			EnterpriseView to = franchise.getOrDefault(county + "|" + brandIds.get(brand),
					franchise.get("320508|" + brandIds.get(brand)));
			boolean rejected = random.nextInt(100) < 8;
			int r = random.nextInt(100);
			Responsibility responsibility = r < 45 ? Responsibility.RESPONSIBLE : r < 60 ? Responsibility.PARTIAL
					: Responsibility.NOT_RESPONSIBLE;
			int s = random.nextInt(100);
			Satisfaction satisfaction = s < 85 ? Satisfaction.SATISFIED : s < 97 ? Satisfaction.BASICALLY_SATISFIED
					: Satisfaction.DISSATISFIED;
			// the filer's view of the company's handling follows the responsibility: a company found responsible and
			// paying is mostly rated well, one that denied it less often
			int cs = random.nextInt(100);
			int liked = responsibility.valid() ? 80 : 60;
			Satisfaction company = cs < liked ? Satisfaction.SATISFIED : cs < liked + 15 ? Satisfaction.BASICALLY_SATISFIED
					: Satisfaction.DISSATISFIED;
			BigDecimal paid = responsibility.valid() ? BigDecimal.valueOf(20 + random.nextInt(480)) : BigDecimal.ZERO;
			// the loss recovered is at most what was claimed, as 办结 holds it (ComplaintProcedure)
			paid = paid.min(form.amountClaimed());
			past.add(new ComplaintLoader.Past(form, brandIds.get(brand), received, to == null ? null : to.id(),
					to == null ? null : to.legalName(), to == null ? null : to.creditCode(), to == null ? null : to.type(),
					responsibility, paid, satisfaction, company, 1 + random.nextInt(8), 8 + random.nextInt(18),
					rejected || to == null ? rejection() : null));
		}
		loader.load(past, true, "演示数据：近一年");

		// the live ones, received in the last days through the procedure itself
		DataScope wuzhong = DataScope.region("320506");
		List<Long> sf = new ArrayList<>();
		List<BigDecimal> claimed = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ComplaintForm f = form("顺丰", "320506", i % 2 == 0 ? "延误" : "丢失短少", today.minusDays(12));
			sf.add(intake.file(f, Channel.WEB, null, true).id());
			claimed.add(f.amountClaimed());
		}
		for (String county : List.of("320506", "320507", "320583", "320505")) {
			intake.file(form(pick(StatisticsDemoData.BRAND_SHARE), county, category(), today.minusDays(12)), Channel.PHONE,
					null, true);
		}
		sf.forEach(id -> procedure.acceptAndTransfer(wuzhong, id, null, null));
		DataScope sfScope = DataScope.enterprise(DemoCity.demoEnterpriseCreditCode());
		procedure.reply(sfScope, sf.get(2), reply(Responsibility.RESPONSIBLE, claimed.get(2)));
		procedure.reply(sfScope, sf.get(3), reply(Responsibility.PARTIAL, claimed.get(3)));
		procedure.callBack(wuzhong, sf.get(3), true, Satisfaction.BASICALLY_SATISFIED, Satisfaction.SATISFIED, true);

		// the city's notice of this year up to last month, as the bureau publishes it (so the public page is not empty)
		YearMonth last = YearMonth.from(today).minusMonths(1);
		notices.publish(DataScope.region(DemoCity.CITY), DemoCity.CITY, regions.fullName(DemoCity.CITY), DemoCity.CITY_BUREAU,
				YearMonth.of(last.getYear(), 1), last, DemoCity.CITY_BUREAU);
	}

	private ComplaintForm form(String brand, String county, String category, LocalDate around) {
		String[] reasons = (String[]) CATEGORIES.get(category)[1];
		LocalDate posted = around.minusDays(5 + random.nextInt(10));
		return new ComplaintForm(SURNAMES[random.nextInt(SURNAMES.length)] + "先生", "1990001" + String.format("%04d", random.nextInt(10000)),
				random.nextBoolean() ? FilerRole.RECIPIENT : FilerRole.SENDER, county, brand, null,
				"DM" + (100000000L + random.nextInt(900000000)), posted, around.minusDays(random.nextInt(3)), "电话",
				random.nextInt(3) == 0 ? "企业答复正在核实" : null, category, reasons[random.nextInt(reasons.length)],
				BigDecimal.valueOf(random.nextInt(5) * 100L), "演示申诉：" + category + "，已向企业反映未解决，请求处理。");
	}

	private String category() {
		int n = random.nextInt(100);
		for (var e : CATEGORIES.entrySet()) {
			n -= (Integer) e.getValue()[0];
			if (n < 0) {
				return e.getKey();
			}
		}
		return "其他";
	}

	private AcceptanceCondition rejection() {
		AcceptanceCondition[] common = { AcceptanceCondition.NO_PRIOR_COMPLAINT, AcceptanceCondition.TIME_BARRED,
				AcceptanceCondition.OUT_OF_SCOPE, AcceptanceCondition.DUPLICATE };
		return common[random.nextInt(common.length)];
	}

	private String pick(Map<String, Double> shares) {
		double total = shares.values().stream().reduce(0.0, Double::sum);
		double x = random.nextDouble() * total;
		for (var e : new TreeMap<>(shares).entrySet()) {
			x -= e.getValue();
			if (x < 0) {
				return e.getKey();
			}
		}
		return "顺丰";
	}

	/** A reply compensating 50 yuan, or the amount claimed when that is less (a compensation is at most the claim). */
	private static ComplaintReply reply(Responsibility r, BigDecimal claimed) {
		BigDecimal fifty = BigDecimal.valueOf(50);
		return new ComplaintReply("经核实，快件在转运中心滞留", r, "向用户致歉并按规定赔偿",
				claimed == null ? fifty : fifty.min(claimed), true, true, "吴中营业部客服", "13800000001");
	}
}
