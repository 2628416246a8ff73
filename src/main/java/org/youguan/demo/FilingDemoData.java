package org.youguan.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.youguan.filing.AttachmentKind;
import org.youguan.filing.OutletFilings;
import org.youguan.filing.Upload;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.region.Regions;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.documents.PdfFiles;

/**
 * Filings of the demo enterprise (顺丰, 吴中区) in every state: waiting, missing items, supplemented, approved (one
 * filed late), rejected, plus a change and a closure request. Submitted today, so the queue shows live clocks.
 */
@Component
class FilingDemoData {

	/** A minimal real PDF, the demo's "scanned" attachment. */
	static final byte[] PDF = PdfFiles.blankPage();

	private final OutletFilings filings;

	private final UserDirectory directory;

	private final Clock clock;

	private final Regions regions;

	private final Outlets outlets;

	FilingDemoData(OutletFilings filings, UserDirectory directory, Clock clock, Regions regions, Outlets outlets) {
		this.outlets = outlets;
		this.regions = regions;
		this.filings = filings;
		this.directory = directory;
		this.clock = clock;
	}

	void seed() {
		CurrentUser sf = directory.principal(DemoAccounts.ENTERPRISE.username()).orElseThrow();
		DataScope wuzhong = DataScope.region("320506");
		LocalDate today = LocalDate.now(clock);
		String[] streets = regions.children("320506").stream().limit(7).map(r -> r.code()).toArray(String[]::new);
		long[] ids = new long[streets.length];
		for (int i = 0; i < streets.length; i++) {
			LocalDate opened = today.minusDays(i == 4 ? 35 : 3 + i);
			ids[i] = filings.submitNew(sf, outlet("顺丰驿站（吴中演示" + (i + 1) + "号店）", streets[i], opened, i), attachments());
		}
		// ids[0], ids[1]: waiting for the bureau
		filings.notifyMissingItems(wuzhong, ids[2], "场地照片未显示货架和视频监控，请补充；负责人身份证件反面缺失");
		filings.notifyMissingItems(wuzhong, ids[3], "缺少上级企业授权书");
		filings.supplement(sf, ids[3], "已补充授权书", List.of(new Upload(AttachmentKind.SUPPLEMENT, "授权书.pdf", PDF)));
		filings.approve(wuzhong, ids[4], "材料齐全，予以备案（开办超过20日，已移交执法线索）");
		filings.approve(wuzhong, ids[5], null);
		filings.reject(wuzhong, ids[6], "经现场核查，场地不具备视频监控和通信设施");
		// the approved outlets reach the registry when it hears the decisions (after this transaction): the change is
		// filed for one of the enterprise's outlets already on the register
		OutletView filed = outlets.list(DataScope.enterprise(sf.enterpriseCreditCode()),
				new Outlets.Filter(null, OutletStatus.FILED, "320506", null), new PageQuery("", 0, 1, "name", false))
			.items()
			.get(0);
		OutletData manager = outlet(filed.name(), filed.regionCode(), filed.openedOn(), 5);
		filings.submitChange(sf, filed.id(), new OutletData(filed.name() + "·更名", 0, filed.branchId(), filed.cooperation(),
				filed.address(), filed.regionCode(), filed.longitude(), filed.latitude(), manager.managerName(),
				manager.managerIdNumber(), manager.managerPhone(), filed.storageArea(), filed.hasCommunications(),
				filed.hasShelving(), filed.hasSurveillance(), filed.hasSignage(), filed.openedOn()), today.minusDays(2),
				"网点更名", List.of());
	}

	private static OutletData outlet(String name, String street, LocalDate opened, int i) {
		String first17 = "320506" + "198801" + String.format("%02d", 1 + i) + String.format("%03d", 100 + i);
		return new OutletData(name, 0, null, "FRANCHISE", "江苏省苏州市吴中区演示路" + (100 + i) + "号", street, null, null,
				DemoNames.MANAGERS[i % DemoNames.MANAGERS.length], first17 + IdCardNumber.checkCharacter(first17),
				"1990001" + String.format("%04d", 1000 + i), new BigDecimal("36"), true, true, true, true, opened);
	}

	private static List<Upload> attachments() {
		return List.of(new Upload(AttachmentKind.BUSINESS_LICENCE, "营业执照.pdf", PDF),
				new Upload(AttachmentKind.MANAGER_ID, "负责人身份证.pdf", PDF), new Upload(AttachmentKind.PHOTO, "场地照片.pdf", PDF));
	}

	/** Fictional names for demo people. */
	static final class DemoNames {

		static final String[] MANAGERS = { "蒋一鸣", "沈秀英", "韩建国", "杨丽华", "朱志强", "秦海燕", "尤永辉" };

		private DemoNames() {
		}
	}
}
