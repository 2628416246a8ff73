package org.youguan.universal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.documents.ImportResult;
import org.youguan.kernel.DataScope;
import org.youguan.registry.Facilities;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A past approval's reason and notice channel read from a sheet (.xlsx) are free text as they are from the API: the
 * zero-width characters and bidirectional marks a cell carries (pasted from a web page or a Word file) are removed as
 * {@code Text.freeText} removes them from every request body, not stored unseen — the import builds the record the
 * API's single import reads, which cleans them.
 */
@IntegrationTest
class PastApprovalFreeTextIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Facilities facilities;

	@Autowired
	PostOfficeApprovalImport imports;

	@Test
	void aSheetsReasonAndNoticeChannelAreStoredAsFreeText() {
		long office = new ApprovalFixture(mvc, jdbc, facilities).newPostOffice("320506");
		List<String> header = new ArrayList<>(PostOfficeApprovalImport.HEADERS);
		header.addAll(List.of(PostOfficeApprovalImport.ANNOUNCED, PostOfficeApprovalImport.CHANNEL));
		// 营业场所设施编号, 申请事项, 撤销或搬迁理由, 收到申请日期, 决定, 决定日期, 公告日期, 公告方式
		List<String> row = List.of(Long.toString(office), "撤销", "所在村\u200B已整体\u200E拆迁\u2060，服务由相邻支局承担", "2024-03-01",
				"批准", "2024-03-20", "2024-03-25", "区政府\uFEFF网站\u200C及\u061C原址张贴公告");
		ImportResult result = imports.importFile(DataScope.region("320506"), Workbooks.sheet(header, List.of(row)));
		assertThat(result.errors()).isEmpty();
		Map<String, Object> stored = jdbc.sql("SELECT reason, notice_channel FROM post_office_approval WHERE facility_id = :f")
			.param("f", office)
			.query()
			.singleRow();
		assertThat(stored).containsEntry("reason", "所在村已整体拆迁，服务由相邻支局承担")
			.containsEntry("notice_channel", "区政府网站及原址张贴公告");
	}
}
