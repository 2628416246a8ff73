package org.youguan;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.youguan.registry.FacilityData;
import org.youguan.registry.FacilityKind;
import org.youguan.universal.PostOfficeApprovals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shorter free texts are stored as every free text is ({@code Text.freeText}: zero-width characters and
 * bidirectional marks inside removed) by the record every path builds — form, API and sheet import alike: a facility's
 * services, a post office notice's channel, a past approval's reason and channel.
 */
class FreeTextRecordsTest {

	@Test
	void aFacilitysServicesAreFreeText() {
		FacilityData data = new FacilityData(FacilityKind.PARCEL_LOCKER, "智能快件箱", 1, "320506001", "吴中路1号", 60, "SN-1",
				" 寄件\u200B取件\u200E、\uFEFF代收 ", LocalDate.of(2024, 1, 1));
		assertThat(data.services()).isEqualTo("寄件取件、代收");
		assertThat(data.name()).as("a name is held to the name rule, not cleaned here").isEqualTo("智能快件箱");
	}

	@Test
	void aNoticesChannelAndAPastApprovalsReasonAreFreeText() {
		assertThat(new PostOfficeApprovals.Notice("2026-01-05", "区政府\u200B网站\u2060公告", null).channel()).isEqualTo("区政府网站公告");
		PostOfficeApprovals.ImportedApproval approval = new PostOfficeApprovals.ImportedApproval(1L, "撤销", "村庄\u200E拆迁",
				null, "2024-03-01", null, "批准", "2024-03-20", null, "张贴\u061C公告", null);
		assertThat(approval.reason()).isEqualTo("村庄拆迁");
		assertThat(approval.noticeChannel()).isEqualTo("张贴公告");
	}
}
