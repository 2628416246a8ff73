package org.youguan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Enterprises;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.FacilityView;
import org.youguan.universal.DeliveryMode;
import org.youguan.universal.VillageCheckData;
import org.youguan.universal.VillageChecks;
import org.youguan.universal.VillageProfileData;
import org.youguan.universal.VillageView;
import org.youguan.universal.Villages;

/**
 * The demo city's universal service, through the universal module's own services: a 通邮 profile for every 建制村 of
 * 苏州市 kept by 中国邮政集团有限公司苏州市分公司 (most 直接通邮, some through a 邮乐购站, 村邮站 or another handover point,
 * served by the county's registered post office; a few delivered fewer times a week than the village standard), and
 * this year's on-site checks of 60 villages, some found not 规范, and this year's supervision records
 * ({@link SupervisionDemoData}). A fixed seed keeps every demo installation the same.
 */
@Component
class UniversalDemoData {

	/** Villages checked this year in the demo. */
	static final int CHECKED = 60;

	private final Villages villages;

	private final VillageChecks checks;

	private final Enterprises enterprises;

	private final Facilities facilities;

	private final Clock clock;

	private final SupervisionDemoData supervision;

	UniversalDemoData(Villages villages, VillageChecks checks, Enterprises enterprises, Facilities facilities,
			Clock clock, SupervisionDemoData supervision) {
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
		String[][] teams = { { "王普服", "陈吴中" }, { "王普服", "褚相城" }, { "卫昆山", "王普服" }, { "王普服", "冯安全" } };
		List<VillageView> shuffled = new ArrayList<>(register);
		Collections.shuffle(shuffled, random);
		for (VillageView listed : shuffled.subList(0, Math.min(CHECKED, shuffled.size()))) {
			VillageView v = villages.get(all, listed.code());
			boolean standard = random.nextInt(10) != 0;
			LocalDate on = today.withDayOfYear(1).plusDays(random.nextInt(span));
			String findings = standard ? null
					: random.nextBoolean() ? "投递频次低于档案登记，邮件在乡镇支局积压" : "交接记录缺失，邮件未按址投递到村委会";
			checks.record(all, null, new VillageCheckData(v.code(), on.toString(), v.deliveryMode().name(),
					standard ? v.deliveriesPerWeek() : Math.max(0, v.deliveriesPerWeek() - 2), standard || random.nextBoolean(),
					standard, findings, List.of(teams[random.nextInt(teams.length)])), true);
		}
		supervision.seed();
	}
}
