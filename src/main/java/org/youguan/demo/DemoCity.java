package org.youguan.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.org.BureauData;
import org.youguan.org.BureauLevel;
import org.youguan.org.Bureaus;
import org.youguan.org.Departments;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.platform.DemoMode;
import org.youguan.region.RegionImport;
import org.youguan.region.RegionImporter;
import org.youguan.region.Regions;
import org.youguan.safety.SafetyLedgers;
import org.youguan.security.ApiTokens;

/**
 * Loads the demo city on the first start of a demo installation (and never otherwise): 江苏省邮政管理局 → 苏州市邮政管理局
 * → its county bureaus, their departments, the demo accounts and their API tokens, and Suzhou's streets and villages.
 * Everything goes through the modules' services, so it is validated and audited like any other data.
 */
@Component
@Order(50)
class DemoCity implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

	static final String CITY = "3205";

	/** The demo city's bureau, in whose name the demo's city-wide acts (notices, reminders, licences) are signed. */
	static final String CITY_BUREAU = "苏州市邮政管理局";

	static final Map<String, String> COUNTY_BUREAUS = new LinkedHashMap<>();
	static {
		COUNTY_BUREAUS.put("320505", "苏州市虎丘区邮政管理局");
		COUNTY_BUREAUS.put("320506", "苏州市吴中区邮政管理局");
		COUNTY_BUREAUS.put("320507", "苏州市相城区邮政管理局");
		COUNTY_BUREAUS.put("320508", "苏州市姑苏区邮政管理局");
		COUNTY_BUREAUS.put("320509", "苏州市吴江区邮政管理局");
		COUNTY_BUREAUS.put("320576", "苏州工业园区邮政管理局");
		COUNTY_BUREAUS.put("320581", "常熟市邮政管理局");
		COUNTY_BUREAUS.put("320582", "张家港市邮政管理局");
		COUNTY_BUREAUS.put("320583", "昆山市邮政管理局");
		COUNTY_BUREAUS.put("320585", "太仓市邮政管理局");
	}

	private final DemoMode demo;

	private final Bureaus bureaus;

	private final Departments departments;

	private final Users users;

	private final UserDirectory directory;

	private final ApiTokens tokens;

	private final RegionImporter regionImporter;

	private final Regions regions;

	private final TransactionTemplate tx;

	private final RegistryDemoData registry;

	private final FilingDemoData filingDemo;

	private final StatisticsDemoData statisticsDemo;

	private final ComplaintDemoData complaintDemo;

	private final WorkPlanDemoData workPlanDemo;

	private final InspectionDemoData inspectionDemo;

	private final EnforcementDemoData enforcementDemo;

	private final LicensingDemoData licensingDemo;

	private final UniversalDemoData universalDemo;

	private final SafetyDemoData safetyDemo;

	private final SafetyAlertsDemoData safetyAlertsDemo;

	private final SafetyLedgers safetyLedgers;

	DemoCity(DemoMode demo, Bureaus bureaus, Departments departments, Users users, UserDirectory directory,
			ApiTokens tokens, RegionImporter regionImporter, Regions regions, TransactionTemplate tx,
			RegistryDemoData registry, FilingDemoData filingDemo, StatisticsDemoData statisticsDemo,
			ComplaintDemoData complaintDemo, WorkPlanDemoData workPlanDemo, InspectionDemoData inspectionDemo,
			EnforcementDemoData enforcementDemo, LicensingDemoData licensingDemo, UniversalDemoData universalDemo,
			SafetyDemoData safetyDemo, SafetyAlertsDemoData safetyAlertsDemo, SafetyLedgers safetyLedgers) {
		this.safetyDemo = safetyDemo;
		this.safetyAlertsDemo = safetyAlertsDemo;
		this.safetyLedgers = safetyLedgers;
		this.enforcementDemo = enforcementDemo;
		this.licensingDemo = licensingDemo;
		this.universalDemo = universalDemo;
		this.registry = registry;
		this.complaintDemo = complaintDemo;
		this.workPlanDemo = workPlanDemo;
		this.inspectionDemo = inspectionDemo;
		this.statisticsDemo = statisticsDemo;
		this.filingDemo = filingDemo;
		this.demo = demo;
		this.bureaus = bureaus;
		this.departments = departments;
		this.users = users;
		this.directory = directory;
		this.tokens = tokens;
		this.regionImporter = regionImporter;
		this.regions = regions;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || bureaus.findByRegion(CITY).isPresent()) {
			return;
		}
		log.info("Loading the demo city 苏州市 (3205)");
		importRegions();
		tx.executeWithoutResult(s -> seedOrganisation());
		tx.executeWithoutResult(s -> registry.seed());
		tx.executeWithoutResult(s -> seedEnterpriseAccount());
		tx.executeWithoutResult(s -> filingDemo.seed());
		tx.executeWithoutResult(s -> statisticsDemo.seed());
		tx.executeWithoutResult(s -> complaintDemo.seed());
		tx.executeWithoutResult(s -> workPlanDemo.seed());
		tx.executeWithoutResult(s -> inspectionDemo.seed());
		tx.executeWithoutResult(s -> enforcementDemo.seed());
		tx.executeWithoutResult(s -> licensingDemo.seed());
		tx.executeWithoutResult(s -> seedPostalAccount());
		tx.executeWithoutResult(s -> universalDemo.seed());
		tx.executeWithoutResult(s -> safetyLedgers.seedDemo(CITY, demoEnterpriseCreditCode()));
		tx.executeWithoutResult(s -> safetyAlertsDemo.seedRoster());
		// outside a transaction: the parcel ingest holds its batch's row and stores chunks in transactions of its own
		safetyDemo.seed();
		// after the parcel records: the detection examines the demo month
		tx.executeWithoutResult(s -> safetyAlertsDemo.detect());
	}

	private void importRegions() {
		for (String file : List.of("demo/streets-3205.csv", "demo/villages-3205.csv")) {
			try {
				var result = regionImporter.importNow(file, new ClassPathResource(file).getContentAsByteArray(), null);
				if (result.phase() != RegionImport.Phase.DONE) {
					throw new IllegalStateException("Demo region import failed: " + result.message());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private void seedOrganisation() {
		DataScope all = DataScope.all();
		Map<String, Long> bureauIds = new HashMap<>();
		long province = bureaus.create(all, new BureauData("江苏省邮政管理局", "江苏省局", BureauLevel.PROVINCE, "32", null,
				"南京市建邺区", "025-12345678"), true);
		bureauIds.put("32", province);
		long city = bureaus.create(all, new BureauData(CITY_BUREAU, "苏州市局", BureauLevel.CITY, CITY, province,
				"苏州市姑苏区", "0512-12345678"), true);
		bureauIds.put(CITY, city);
		COUNTY_BUREAUS.forEach((region, name) -> bureauIds.put(region, bureaus.create(all,
				new BureauData(name, null, BureauLevel.COUNTY, region, city, regions.fullName(region), null), true)));

		Map<String, Long> departmentIds = new HashMap<>();
		department(departmentIds, "32", province, "办公室", "文电、会务、督办", 1);
		department(departmentIds, "32", province, "市场监管处", "快递市场监管、许可", 2);
		department(departmentIds, CITY, city, "办公室", "综合协调、文电、督查督办、信息化", 1);
		department(departmentIds, CITY, city, "普遍服务处", "邮政普遍服务监督、建制村通邮、机要通信", 2);
		department(departmentIds, CITY, city, "市场监管处", "快递市场监管、末端网点备案、许可核查、执法", 3);
		department(departmentIds, CITY, city, "市邮政业安全发展中心", "寄递安全监测、申诉受理、行业统计", 4);
		for (String region : COUNTY_BUREAUS.keySet()) {
			department(departmentIds, region, bureauIds.get(region), "综合科", "综合事务", 1);
			department(departmentIds, region, bureauIds.get(region), "监管科", "市场监管、安全监管", 2);
		}

		for (DemoAccounts.Account a : DemoAccounts.STAFF) {
			long bureau = bureauIds.get(a.bureauRegion());
			long id = users.provision(new UserData(a.username(), a.displayName(), UserKind.STAFF, bureau,
					departmentIds.get(a.bureauRegion() + "/" + a.department()), null, demoPhone(a.username()),
					a.roles()), DemoAccounts.PASSWORD, false, true);
			storeToken(a, id);
		}
	}

	/** Bound by credit code to the 吴中区 顺丰 franchise that RegistryDemoData registers (so after the registry). */
	private void seedEnterpriseAccount() {
		DemoAccounts.Account e = DemoAccounts.ENTERPRISE;
		long id = users.provision(new UserData(e.username(), e.displayName(), UserKind.ENTERPRISE, null, null,
				demoEnterpriseCreditCode(), demoPhone(e.username()), e.roles()), DemoAccounts.PASSWORD, false, true);
		storeToken(e, id);
	}

	/** yz.sz, bound to the city's postal company that keeps the 建制村 profiles (so after the registry). */
	private void seedPostalAccount() {
		DemoAccounts.Account p = DemoAccounts.POSTAL;
		long id = users.provision(new UserData(p.username(), p.displayName(), UserKind.ENTERPRISE, null, null,
				universalDemo.postalCompany(), demoPhone(p.username()), p.roles()), DemoAccounts.PASSWORD, false, true);
		storeToken(p, id);
	}

	private void department(Map<String, Long> ids, String region, long bureau, String name, String duties, int order) {
		ids.put(region + "/" + name, departments.create(DataScope.all(), bureau, name, duties, order));
	}

	private void storeToken(DemoAccounts.Account account, long userId) {
		if (account.token() != null) {
			tokens.storeKnownToken(directory.principal(userId).orElseThrow(), "演示令牌", account.token());
		}
	}

	static String demoEnterpriseCreditCode() {
		String base = DemoAccounts.DEMO_ENTERPRISE_CREDIT_CODE_BASE;
		return CreditCode.of(base + CreditCode.checkCharacter(base)).value();
	}

	/** Fictional numbers in the 199 0000 xxxx range, one per account. */
	private static String demoPhone(String username) {
		return "1990000" + String.format("%04d", Math.floorMod(username.hashCode(), 10000));
	}
}
