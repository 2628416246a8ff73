package org.youguan.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.PageQuery;
import org.youguan.licensing.LicenceApplications;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.numbering.OfficialNumbers;
import org.youguan.org.Bureaus;
import org.youguan.org.DocumentAgency;
import org.youguan.region.Region;
import org.youguan.region.Regions;
import org.youguan.registry.BranchData;
import org.youguan.registry.Branches;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityData;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceView;
import org.youguan.registry.LicenceCancelled;
import org.youguan.registry.LicenceRenewed;
import org.youguan.registry.LicenceRevoked;
import org.youguan.registry.Licences;
import org.youguan.registry.Registrar;
import org.youguan.registry.OutletData;
import org.youguan.registry.Outlets;
import org.youguan.rules.ViolationType;

/**
 * The registry of the demo city: the nine brands with their headquarters, a city company of each brand with a branch
 * in every county, franchise companies per county and brand, licences in every status, and about 3,000 outlets on
 * Suzhou's streets (most filed, some pending, a few closed). Fictional names, codes and numbers, generated from a
 * fixed seed so every demo installation is the same.
 */
@Component
class RegistryDemoData {

	record BrandSeed(String name, String shortName, String hqName, String hqRegion, String cityCompany) {
	}

	static final List<BrandSeed> BRANDS = List.of(
			new BrandSeed("中国邮政", "中国邮政", "中国邮政集团有限公司", "110102", "中国邮政集团有限公司苏州市分公司"),
			new BrandSeed("顺丰速运", "顺丰", "顺丰控股股份有限公司", "440305", "苏州顺丰速运有限公司"),
			new BrandSeed("京东物流", "京东", "京东物流股份有限公司", "110115", "苏州京邦达物流科技有限公司"),
			new BrandSeed("中通快递", "中通", "中通快递股份有限公司", "310118", "苏州中通快递有限公司"),
			new BrandSeed("圆通速递", "圆通", "圆通速递有限公司", "310118", "苏州圆通速递有限公司"),
			new BrandSeed("申通快递", "申通", "申通快递有限公司", "310118", "苏州申通快递有限公司"),
			new BrandSeed("韵达快递", "韵达", "上海韵达货运有限公司", "310118", "苏州韵达快递有限公司"),
			new BrandSeed("极兔速递", "极兔", "极兔速递有限公司", "310115", "苏州极兔速递有限公司"),
			new BrandSeed("德邦快递", "德邦", "德邦物流股份有限公司", "310118", "苏州德邦物流有限公司"));

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "马", "胡", "郭", "沈", "顾", "陆", "钱" };

	static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "强", "婷", "斌", "霞", "明", "超", "丽", "华", "琴" };

	static final String[] OUTLET_KINDS = { "%s%s营业部", "菜鸟驿站（%2$s%3$d号店）", "%s%s服务点", "兔喜生活（%2$s店）", "妈妈驿站（%2$s%3$d号店）", "%s%s快递超市" };

	private final Brands brands;

	private final Enterprises enterprises;

	private final Licences licences;

	private final Branches branches;

	private final Outlets outlets;

	private final Regions regions;

	private final Clock clock;

	private final Facilities facilities;

	private final Bureaus bureaus;

	private final BusinessNumbers numbers;

	private final Random random = new Random(2026);

	/** The brand short name of each operator, so an outlet is named after its operator's brand. */
	private final Map<Long, String> brandOf = new HashMap<>();

	RegistryDemoData(Brands brands, Enterprises enterprises, Licences licences, Branches branches, Outlets outlets,
			Regions regions, Clock clock, Facilities facilities, Bureaus bureaus, BusinessNumbers numbers) {
		this.facilities = facilities;
		this.bureaus = bureaus;
		this.numbers = numbers;
		this.brands = brands;
		this.enterprises = enterprises;
		this.licences = licences;
		this.branches = branches;
		this.outlets = outlets;
		this.regions = regions;
		this.clock = clock;
	}

	/** Runs inside the demo city's transaction. */
	void seed() {
		DataScope all = DataScope.all();
		LocalDate today = LocalDate.now(clock);
		Map<String, Long> cityCompanies = new LinkedHashMap<>();
		Map<String, List<Long>> franchisesByCounty = new LinkedHashMap<>();
		int serial = 0;
		// every reporter of the demo's statistics operated before its first month (a report for a month before the
		// enterprise's first licence is refused): city companies are licensed three years back, franchises before it
		LocalDate reportsFrom = StatisticsDemoData.firstMonth(today).atDay(1);
		for (BrandSeed seed : BRANDS) {
			long brand = brands.create(new Brands.BrandData(seed.name(), seed.shortName(), null), true);
			boolean postal = seed.shortName().equals("中国邮政");
			EnterpriseType type = postal ? EnterpriseType.POSTAL : EnterpriseType.EXPRESS;
			long hq = enterprises.register(all, enterprise(seed.hqName(), type, brand, seed.hqRegion(), "总部"), true);
			brands.setHeadquarters(brand, hq);
			licence(hq, ++serial, LicenceScope.INTERNATIONAL, "国家邮政局", "0", today.minusYears(2).minusDays(serial * 11));
			long city = enterprises.register(all, enterprise(seed.cityCompany(), type, brand, "320508", "苏州"), true);
			cityCompanies.put(seed.shortName(), city);
			brandOf.put(city, seed.shortName());
			licence(city, ++serial, LicenceScope.INTER_PROVINCE, "国家邮政局", "0", today.minusYears(3).minusDays(serial * 7));
			for (String county : DemoCity.COUNTY_BUREAUS.keySet()) {
				String countyName = countyShortName(county);
				LocalDate opened = today.minusDays(60 + random.nextInt(1500));
				// every tenth branch is filed after the 20-day period, so the flag shows in the demo
				LocalDate filed = opened.plusDays(random.nextInt(10) == 0 ? 25 + random.nextInt(30) : 3 + random.nextInt(12));
				branches.file(all, new BranchData(city, null, seed.cityCompany() + countyName + "分公司", street(county).code(),
						countyName + "区域中心", name(), opened, filed.isAfter(today) ? today : filed), true);
				if (!postal) {
					EnterpriseData data = enterprise(inCity(countyName) + seed.shortName() + "快递服务有限公司", type, brand,
							county, countyName);
					boolean demoEnterprise = county.equals("320506") && seed.shortName().equals("顺丰");
					if (demoEnterprise) {
						// the enterprise the demo enterprise account sf.wz belongs to
						data = withCreditCode(data, DemoCity.demoEnterpriseCreditCode());
					}
					long franchise = enterprises.register(all, data, true);
					brandOf.put(franchise, seed.shortName());
					franchisesByCounty.computeIfAbsent(county, k -> new ArrayList<>()).add(franchise);
					// drawn for every franchise, the demo enterprise too, so the fixed seed gives the others the same days
					LocalDate issued = reportsFrom.minusDays(1 + random.nextInt(1100));
					if (demoEnterprise) {
						licensedSince2000(franchise, ++serial);
					} else {
						licence(franchise, ++serial, LicenceScope.PROVINCE, "江苏省邮政管理局", "32", issued);
					}
				}
			}
		}
		seedOutlets(franchisesByCounty, cityCompanies, today);
		seedFacilities(cityCompanies, today);
		statusExamples(today);
	}

	/** Per county: a post office, lockers and mailboxes, screening machines at the city companies, a care station. */
	private void seedFacilities(Map<String, Long> cityCompanies, LocalDate today) {
		DataScope all = DataScope.all();
		int serial = 0;
		for (String county : DemoCity.COUNTY_BUREAUS.keySet()) {
			String countyName = countyShortName(county);
			Region drawn = street(county);
			// the import templates' example names 吴中's post office by its street (TemplateExamples.POST_OFFICE)
			Region street = county.equals(TemplateExamples.COUNTY) ? regions.children(county).stream()
				.filter(r -> r.code().equals(TemplateExamples.STREET)).findFirst().orElse(drawn) : drawn;
			facilities.register(all, facility(FacilityKind.POST_OFFICE, countyName + street.name() + "邮政支局",
					cityCompanies.get("中国邮政"), street, null, null, null, today), true);
			for (int i = 1; i <= 6; i++) {
				Region s = street(county);
				var kind = i % 3 == 0 ? FacilityKind.SMART_MAILBOX : FacilityKind.PARCEL_LOCKER;
				String brand = i % 3 == 0 ? "中国邮政" : i % 2 == 0 ? "中通" : "顺丰";
				facilities.register(all, facility(kind, (kind.hasCompartments() && i % 3 == 0 ? "智能信包箱" : "丰巢智能柜") + "（" + s.name() + i + "号）",
						cityCompanies.get(brand), s, 30 + random.nextInt(90), null, null, today), true);
			}
			for (String brand : List.of("顺丰", "中通")) {
				facilities.register(all, facility(FacilityKind.SCREENING_MACHINE, brand + countyName + "分拨中心安检机",
						cityCompanies.get(brand), street(county), null, "XR-" + county + "-" + (++serial), null, today), true);
			}
			facilities.register(all, facility(FacilityKind.CARE_STATION, countyName + "快递小哥爱心驿站",
					cityCompanies.get("中通"), street(county), null, null, "休息、饮水、充电、应急药品", today), true);
		}
	}

	private FacilityData facility(FacilityKind kind, String name, long owner, Region street,
			Integer compartments, String serial, String services, LocalDate today) {
		return new FacilityData(kind, name, owner, street.code(),
				regions.fullName(street.code()) + "服务路" + (1 + random.nextInt(300)) + "号", compartments, serial, services,
				today.minusDays(100 + random.nextInt(1500)));
	}

	/** A licence recorded as the platform, running for the statutory validity; its number. */
	private String licence(long enterprise, int serial, LicenceScope scope, String bureau, String bureauRegion,
			LocalDate issued) {
		String prefix = bureauRegion.equals("0") ? "国邮" : "苏邮";
		String number = "%s%06d".formatted(prefix, 100 + serial * 37);
		licences.record(DataScope.all(), Registrar.platform(), new LicenceData(enterprise, number, scope, bureau,
				bureauRegion, issued, null), true);
		return number;
	}

	/**
	 * The licence of the demo enterprise (顺丰吴中, account sf.wz): issued when the statistics start
	 * ({@link FiguresPeriod#FIRST_YEAR}) for the statutory five years and renewed every five years since, as a renewal
	 * decision reaches the registry ({@link Licences#renew}), so it has operated in every statistics period the platform
	 * keeps and the demo (and its tests) may report any of them.
	 */
	private void licensedSince2000(long enterprise, int serial) {
		LocalDate issued = FiguresPeriod.firstDay();
		String number = licence(enterprise, serial, LicenceScope.PROVINCE, "江苏省邮政管理局", "32", issued);
		LocalDate expires = licences.lastValidDay(issued, "32");
		for (int renewal = 1; !expires.isAfter(LocalDate.now(clock)); renewal++) {
			LocalDate decided = expires.minusMonths(1);
			expires = licences.lastValidDay(expires.plusDays(1), "32");
			// the province's 准予延续许可决定书, numbered in its licensing decisions' series of the year (苏邮管许〔年〕N号), so
			// no decision the platform issues later repeats its 文号
			DocumentAgency province = bureaus.documentAgency("32");
			licences.renew(new LicenceRenewed(0, number, numbers.nextOfficial(LicenceApplications.DECISION_SERIES, province.code(),
					province.seriesRegion(), decided.getYear(), null), decided, expires));
		}
	}

	/** One licence of each final state, so every status appears in the demo. */
	private void statusExamples(LocalDate today) {
		var list = licences.list(DataScope.region("3205"), Licences.Filter.NONE,
				new PageQuery("", 0, 200, "number", false)).items();
		// as the issuing authority's decisions reach the registry (licensing tells it: LicenceRevoked, LicenceCancelled)
		LicenceView revoked = list.get(list.size() - 1);
		// the issuing authority's paper 行政处罚决定书 of 2025, before the platform: its 机关代字 (苏邮管罚〔2025〕1号, 国邮罚…)
		licences.revokeByDecision(new LicenceRevoked(revoked.number(),
				OfficialNumbers.format(bureaus.documentAgency(revoked.issuingRegionCode()).code(), "行政处罚决定", 2025, 1),
				"演示：违法经营被吊销（" + ViolationType.UNLICENSED.basis() + "）"));
		licences.cancelByDecision(new LicenceCancelled(list.get(list.size() - 2).number(), "演示：企业申请注销"));
	}

	private void seedOutlets(Map<String, List<Long>> franchisesByCounty, Map<String, Long> cityCompanies,
			LocalDate today) {
		String[] cooperation = { "OWN", "FRANCHISE", "PARTNER" };
		Map<String, String> fullNames = new HashMap<>();
		List<Outlets.Loaded> rows = new ArrayList<>();
		for (var county : franchisesByCounty.entrySet()) {
			List<Region> streets = regions.children(county.getKey());
			for (int i = 0; i < 300; i++) {
				Region street = streets.get(random.nextInt(streets.size()));
				List<Long> operators = county.getValue();
				long operator = random.nextInt(5) == 0 ? cityCompanies.get(BRANDS.get(1 + random.nextInt(8)).shortName())
						: operators.get(random.nextInt(operators.size()));
				String brandShort = brandOf.get(operator);
				String streetShort = street.name().replaceAll("(街道|镇|乡|办事处)$", "");
				String name = OUTLET_KINDS[random.nextInt(OUTLET_KINDS.length)].formatted(brandShort, streetShort, 1 + i % 20);
				String address = fullNames.computeIfAbsent(street.code(), regions::fullName) + streetShort + "路" + (1 + i) + "号";
				LocalDate opened = today.minusDays(5 + random.nextInt(1400));
				boolean complete = random.nextInt(20) != 0;
				OutletData data = new OutletData(name, operator, null, cooperation[random.nextInt(3)], address, street.code(),
						coordinate(120.35, 0.7), coordinate(31.05, 0.8), name(), idNumber(county.getKey()),
						"199" + String.format("%08d", random.nextInt(100_000_000)), BigDecimal.valueOf(15 + random.nextInt(150)),
						true, true, complete, true, opened);
				int roll = random.nextInt(100);
				LocalDate filedOn = roll < 88 ? opened.plusDays(random.nextInt(25)) : null;
				rows.add(new Outlets.Loaded(data, filedOn == null || !filedOn.isAfter(today) ? filedOn : today, roll < 3));
			}
		}
		outlets.load(DataScope.all(), rows, true, "演示数据");
	}

	private EnterpriseData enterprise(String name, EnterpriseType type, long brand, String region, String contact) {
		String county = region.length() >= 6 ? region.substring(0, 6) : region;
		String base = "91" + county + "MA" + randomChars(7);
		String code = CreditCode.of(base + CreditCode.checkCharacter(base)).value();
		return new EnterpriseData(name, code, type, brand, name(), regions.fullName(region) + contact + "路" + (1 + random.nextInt(200)) + "号",
				region, name(), "0512-6" + String.format("%07d", random.nextInt(10_000_000)));
	}

	private static EnterpriseData withCreditCode(EnterpriseData d, String creditCode) {
		return new EnterpriseData(d.legalName(), creditCode, d.type(), d.brandId(), d.legalRepresentative(), d.address(),
				d.regionCode(), d.contactName(), d.contactPhone());
	}

	private Region street(String county) {
		List<Region> streets = regions.children(county);
		return streets.get(random.nextInt(streets.size()));
	}

	private String randomChars(int n) {
		String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < n; i++) {
			// alternate letters and digits so no long digit run looks like a phone number
			sb.append(i % 2 == 0 ? charset.charAt(10 + random.nextInt(21)) : charset.charAt(random.nextInt(10)));
		}
		return sb.toString();
	}

	private String name() {
		return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
				+ (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
	}

	private String idNumber(String county) {
		LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(random.nextInt(365 * 35));
		String first17 = county + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
		return IdCardNumber.of(first17 + IdCardNumber.checkCharacter(first17), LocalDate.now(clock)).value();
	}

	private BigDecimal coordinate(double base, double spread) {
		return BigDecimal.valueOf(base + random.nextDouble() * spread).setScale(6, RoundingMode.HALF_UP);
	}

	/**
	 * A county's name as a company name uses it: 吴中区 → 吴中, 常熟市 → 常熟; a development zone keeps its whole name
	 * (苏州工业园区, not "苏州工业园").
	 */
	private String countyShortName(String county) {
		String name = regions.name(county);
		return name.length() > 2 && !name.endsWith("园区") ? name.replaceAll("(区|市|县)$", "") : name;
	}

	/**
	 * A county's short name with the city's before it, as a local company is named (苏州吴中…), the city's name not
	 * written twice when the county's already holds it (苏州工业园区…, not "苏州苏州工业园…").
	 */
	static String inCity(String countyName) {
		return countyName.startsWith("苏州") ? countyName : "苏州" + countyName;
	}
}
