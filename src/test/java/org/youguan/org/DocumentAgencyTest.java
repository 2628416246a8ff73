package org.youguan.org;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau's 机关代字: province 简称 + its region's first character + 邮管 (苏吴邮管), more characters where an earlier
 * bureau has that code already (苏吴江邮管), the 简称 where an administrator made it one (ends in 邮管).
 */
class DocumentAgencyTest {

	static BureauView bureau(long id, String shortName, BureauLevel level, String region, String regionName, String parent) {
		return new BureauView(id, regionName + "邮政管理局", shortName, level, region, regionName, null, parent, null, null, false, 0, 0);
	}

	@Test
	void derivesProvinceAndPlaceAndKeepsBureausApart() {
		List<BureauView> all = List.of(bureau(1, "江苏省局", BureauLevel.PROVINCE, "32", "江苏省", null),
				bureau(2, "苏州市局", BureauLevel.CITY, "3205", "苏州市", "江苏省邮政管理局"),
				bureau(3, null, BureauLevel.COUNTY, "320506", "吴中区", "苏州市邮政管理局"),
				bureau(4, null, BureauLevel.COUNTY, "320509", "吴江区", "苏州市邮政管理局"),
				bureau(5, null, BureauLevel.COUNTY, "320576", "苏州工业园区", "苏州市邮政管理局"),
				bureau(6, "昆邮管", BureauLevel.COUNTY, "320583", "昆山市", "苏州市邮政管理局"),
				bureau(7, null, BureauLevel.NATIONAL, "0", "全国", null));
		assertThat(DocumentAgency.codes(all)).containsEntry(1L, "苏邮管").containsEntry(2L, "苏苏邮管")
			.containsEntry(3L, "苏吴邮管").containsEntry(4L, "苏吴江邮管").containsEntry(5L, "苏工邮管")
			.containsEntry(6L, "昆邮管").containsEntry(7L, "国邮");
		assertThat(DocumentAgency.codes(all).values()).doesNotHaveDuplicates();
	}
}
