package org.youguan.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;
import org.youguan.documents.UploadedFile;
import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.licensing.AnnualReports;
import org.youguan.licensing.Clerk;
import org.youguan.licensing.LicenceApplications;
import org.youguan.licensing.LicenceApplications.ApplicationData;
import org.youguan.licensing.Material;
import org.youguan.org.BureauLevel;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;
import org.youguan.documents.PdfFiles;

/**
 * The demo city's licence applications, through the licensing module's own services: one in every state of the
 * procedure — 待受理 (the demo enterprise's branch application, materials incomplete), 待补正, 已受理, 已初审, 已现场核查,
 * 准予许可 (its e-licence issued; the registry records the licence when it hears the decision), 不予许可, 不予受理 — and
 * past applications of this year and of five years ago, one of whose licences is due for renewal within 90 days; and
 * last year's 年度报告 filed by every other licence holder (the rest are on the late/missing list).
 */
@Component
class LicensingDemoData {

	static final Clerk CITY = Clerk.system(DemoCity.CITY_BUREAU, BureauLevel.CITY, DemoCity.CITY);

	static final Clerk PROVINCE = Clerk.system("江苏省邮政管理局", BureauLevel.PROVINCE, "32");

	static final byte[] PDF = PdfFiles.blankPage();

	/** What every demo application says of its safety and service systems and its staff. */
	private static final String SAFETY = "实名收寄、收寄验视、过机安检制度，配备安检机2台、视频监控全覆盖",
			SERVICE = "服务承诺、投诉处理和赔偿制度", PERSONNEL = "从业人员35人，均经岗前培训";

	private final LicenceApplications applications;

	private final AnnualReports annualReports;

	private final Licences licences;

	private final Clock clock;

	LicensingDemoData(LicenceApplications applications, AnnualReports annualReports, Licences licences, Clock clock) {
		this.applications = applications;
		this.annualReports = annualReports;
		this.licences = licences;
		this.clock = clock;
	}

	void seed() {
		// 待受理: the demo enterprise applies to add a branch to the licence it holds (no licence of its own: the branch is
		// recorded on the enterprise's licence when approved); its legal representative and the licence's items are the
		// registry's; materials still missing
		String sf = DemoAccounts.DEMO_ENTERPRISE_CREDIT_CODE_BASE + CreditCode.checkCharacter(DemoAccounts.DEMO_ENTERPRISE_CREDIT_CODE_BASE);
		Clerk enterprise = new Clerk("顺丰吴中营业部", null, null, sf, false, false);
		applications.submit(enterprise, new ApplicationData("BRANCH", null, null, null, null, null, null, null, null, SAFETY,
				SERVICE, PERSONNEL, "刘联系", "0512-65001234", List.of("苏州吴中顺丰东吴北路分部"), null),
				materials(Material.BUSINESS_LICENCE, Material.CAPITAL, Material.PREMISES, Material.SAFETY));

		// 待补正
		long correction = applications.submit(CITY, data("NEW", code(1), "苏州速达同城快递有限公司", "同城", "500000", "320507",
				"相城区阳澄湖东路18号", List.of()), materials(Material.BUSINESS_LICENCE, Material.CAPITAL));
		applications.requestCorrection(CITY, correction, List.of("场地租赁合同须附产权证明复印件"));

		// 已受理, 已初审, 已现场核查
		long accepted = complete("NEW", code(2), "苏州鸿运快递服务有限公司", "省内", "800000", "320505", "虎丘区狮山路66号", List.of());
		applications.accept(CITY, accepted);
		long reviewed = complete("NEW", code(3), "苏州捷程物流有限公司", "省内", "1200000", "320506", "吴中区宝带西路9号",
				List.of("苏州捷程物流有限公司吴江分公司", "苏州捷程物流有限公司昆山分公司"));
		applications.accept(CITY, reviewed);
		applications.review(CITY, reviewed, "材料齐全，分支机构2家同时初审");
		long verified = complete("NEW", code(4), "苏州畅通快递有限公司", "同城", "600000", "320508", "姑苏区干将西路12号", List.of());
		applications.accept(CITY, verified);
		applications.review(CITY, verified, "材料齐全，符合法定形式");
		applications.verify(CITY, verified, verification(true), List.of(photo()));

		// 准予许可: the e-licence is issued and the registry records the licence from the decision's event
		long approved = complete("NEW", code(5), "苏州金牌快递有限公司", "省内", "1000000", "320506", "吴中区越溪街道吴中大道88号",
				List.of());
		applications.accept(CITY, approved);
		applications.review(CITY, approved, "材料齐全，符合法定形式");
		applications.verify(CITY, approved, verification(true), List.of(photo()));
		applications.approve(PROVINCE, approved);

		// 不予许可 and 不予受理
		long refused = complete("NEW", code(6), "苏州快捷达快递有限公司", "同城", "500000", "320507", "相城区元和街道1号", List.of());
		applications.accept(CITY, refused);
		applications.review(CITY, refused, "材料齐全");
		applications.verify(CITY, refused, verification(false), List.of(photo()));
		applications.refuse(PROVINCE, refused, "现场核查发现未配备符合国家标准的安检设备，处理场地不能满足快件分拣需要");
		long notAccepted = applications.submit(CITY, data("NEW", code(7), "苏州环球速递有限公司", "国际", "3000000", "320506",
				"吴中区国际路1号", List.of()), Map.of());
		applications.refuseToAccept(CITY, notAccepted, "NOT_COMPETENT", "国际快递业务经营许可由国家邮政局审批", null);

		// history: this year's past decisions, and a licence of five years ago whose renewal is due — imported by the
		// province, the level that took them (邮政法 art.53), with the city's applicants placed in the city
		LocalDate t = LocalDate.now(clock);
		String ownRegion = DemoCity.CITY;
		DataScope city = DataScope.region(DemoCity.CITY);
		// this year's January, or — early in the year, before its story (90 days) has run — the 90 days before today:
		// no decision is dated in the future
		LocalDate twelfth = LocalDate.of(t.getYear(), 1, 12);
		LocalDate jan = twelfth.plusDays(90).isAfter(t) ? t.minusDays(91) : twelfth;
		applications.importApplication(PROVINCE, city, ownRegion, "demo", new LicenceApplications.ImportedApplication(code(8),
				"苏州万通快递有限公司", "NEW", "省内", jan.toString(), jan.plusDays(6).toString(), jan.plusDays(14).toString(),
				"APPROVED", jan.plusDays(38).toString(), "快递许可-32-" + t.getYear() + "-H00001"));
		applications.importApplication(PROVINCE, city, ownRegion, "demo", new LicenceApplications.ImportedApplication(code(8),
				"苏州万通快递有限公司", "BRANCH", "省内", jan.plusDays(60).toString(), jan.plusDays(65).toString(),
				jan.plusDays(70).toString(), "APPROVED", jan.plusDays(90).toString(), "快递许可-32-" + t.getYear() + "-H00001"));
		LocalDate old = t.minusYears(5).plusDays(60);
		applications.importApplication(PROVINCE, city, ownRegion, "demo", new LicenceApplications.ImportedApplication(code(9),
				"苏州老字号快递有限公司", "NEW", "同城", old.minusDays(40).toString(), old.minusDays(30).toString(),
				old.minusDays(20).toString(), "APPROVED", old.toString(), "快递许可-32-" + old.getYear() + "-H00002"));

		// 年度报告 of last year, partly filed: every other holder of a licence in force on its last day has filed, a few of
		// them late (the rest are on the late/missing list); the registry shows each filed report on the enterprise's page
		List<LicenceView> holders = licences.inForceOn(DataScope.region(DemoCity.CITY), LocalDate.of(t.getYear() - 1, 12, 31));
		Set<String> done = new HashSet<>();
		for (int i = 0; i < holders.size(); i++) {
			LicenceView l = holders.get(i);
			if (i % 2 == 0 && done.add(l.creditCode())) {
				// received in March, one in every five in May (late); never after today
				LocalDate received = LocalDate.of(t.getYear(), i % 10 == 4 ? 5 : 3, 1 + i % 28);
				annualReports.file(CITY, new AnnualReports.ReportData(String.valueOf(t.getYear() - 1), l.creditCode(),
						String.valueOf(1_200_000 + 150_000L * i), String.valueOf(9_800_000 + 730_000L * i), String.valueOf(12 + i),
						String.valueOf(80 + 7 * i), received.isAfter(t) ? t.toString() : received.toString()));
			}
		}
	}

	/** An application with every material attached. */
	private long complete(String kind, String creditCode, String name, String scope, String capital, String region,
			String address, List<String> branches) {
		Material[] all = branches.isEmpty()
				? new Material[] { Material.BUSINESS_LICENCE, Material.CAPITAL, Material.PREMISES, Material.SAFETY,
						Material.SERVICE, Material.PERSONNEL }
				: Material.values();
		return applications.submit(CITY, data(kind, creditCode, name, scope, capital, region, address, branches), materials(all));
	}

	private static ApplicationData data(String kind, String creditCode, String name, String scope, String capital,
			String region, String address, List<String> branches) {
		return new ApplicationData(kind, creditCode, name, "张示范", capital, scope, "苏州市", address, region, SAFETY, SERVICE,
				PERSONNEL, "刘联系", "0512-65001234", branches, null);
	}

	private static Map<Material, List<UploadedFile>> materials(Material... kinds) {
		Map<Material, List<UploadedFile>> files = new EnumMap<>(Material.class);
		for (Material m : kinds) {
			files.put(m, List.of(new UploadedFile(m.label() + ".pdf", PDF)));
		}
		return files;
	}

	private static LicenceApplications.Verification verification(boolean passed) {
		// two of the city bureau's certified inspectors (InspectionDemoData's roster, seeded before)
		return new LicenceApplications.Verification(null, List.of(new TeamMember("林执法", "32050004"),
				new TeamMember("冯安全", "32050002")), List.of(
				new LicenceApplications.CheckLine("经营场所与申请材料一致，满足快件收寄、分拣、投递需要", passed, null),
				new LicenceApplications.CheckLine("配备符合国家标准的安检设备、视频监控设备", passed, passed ? null : "未配备安检机")),
				passed, passed ? "场所、设备、制度和人员符合快递业务经营许可条件" : "安检设备和处理场地不符合条件");
	}

	/** A small grey picture standing for a site photo. */
	private static UploadedFile photo() {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.LIGHT_GRAY);
		g.fillRect(0, 0, 64, 48);
		g.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return new UploadedFile("现场照片.png", out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A credit code of a demo applicant (valid check character). */
	static String code(int n) {
		String first17 = "91320500MA1LY" + String.format("%04d", n);
		return first17 + CreditCode.checkCharacter(first17);
	}
}
