package org.youguan.universal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.DataScope;
import org.youguan.registry.Facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A past post-office approval is one decision — the post office, the kind (撤销 / 搬迁) and the decision's day — and comes
 * in once (issue 18, attack report): the same decision again by JSON is 409; in a sheet, a row repeating an earlier row
 * or a decision already stored (imported, or taken here) is refused under 决定日期 naming it, nothing is saved, and the
 * figures count each decision once. An unreadable cell of the sheet hides none of the row's other failures. A sheet's
 * reason and notice channel are free text as the API's are: zero-width characters and bidirectional marks removed.
 */
@IntegrationTest
class PastApprovalDuplicatesIntegrationTest {

	static final String WUZHONG = ApprovalFixture.WUZHONG;

	/** Past decisions are recorded by the deciding bureau's head, as they are taken. */
	static final String HEAD = ApprovalFixture.WUZHONG_HEAD;

	static final List<String> HEADER = withNumber();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Facilities facilities;

	@Autowired
	UniversalFigures figures;

	@Autowired
	PostOfficeApprovalImport imports;

	@Autowired
	Clock clock;

	@Test
	void aPastDecisionComesInOnceByJsonOrBySheet() throws Exception {
		long office = fixture().newPostOffice("320506");
		long countyBefore = decided("2024-01-01", "2024-12-31");
		imported(office, "撤销", "2024-06-03", "2024-06-20", null).andExpect(status().isCreated());
		// the same decision again — without a 文号, or with one — is refused naming the rule, nothing saved
		imported(office, "撤销", "2024-06-03", "2024-06-20", null)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("decidedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"))
			.andExpect(jsonPath("$.errors[0].message", containsString("2024年6月20日已有撤销审批的决定")))
			.andExpect(jsonPath("$.errors[0].message", containsString("不能重复导入")));
		imported(office, "CLOSURE", "2024-06-05", "2024-06-20", "吴邮管〔2024〕" + office + "号").andExpect(status().isConflict());
		assertThat(approvals(office)).isEqualTo(1);

		// a sheet: row 2 the stored decision, row 4 a copy of row 3; rows 3 and 5 (another kind the same day) are good
		String id = Long.toString(office);
		List<List<String>> rows = List.of(
				row(id, "撤销", "2024-06-03", "2024-06-20", ""),
				row(id, "撤销", "2024-08-01", "2024-08-20", ""),
				row(id, "撤销", "2024-08-01", "2024-08-20", ""),
				row(id, "搬迁", "2024-06-03", "2024-06-20", ""));
		sheet(Workbooks.sheet(HEADER, rows))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("第2行·决定日期", "第4行·决定日期")))
			.andExpect(jsonPath("$.errors[*].rule").value(containsInAnyOrder("unique", "unique")))
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("与第3行重复"))))
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("已有撤销审批的决定"))));
		assertThat(approvals(office)).as("nothing saved").isEqualTo(1);
		byte[] good = Workbooks.sheet(HEADER, List.of(rows.get(1), rows.get(3)));
		sheet(good).andExpect(status().isCreated()).andExpect(jsonPath("$.imported").value(2));
		// the same sheet twice: every row refused, nothing counted twice
		sheet(good)
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("第2行·决定日期", "第3行·决定日期")));
		assertThat(approvals(office)).isEqualTo(3);
		assertThat(decided("2024-01-01", "2024-12-31")).isEqualTo(countyBefore + 3);
	}

	/**
	 * A row repeating an earlier row — its 文号 and its decision (post office, kind, day) — with a bad cell of its own is
	 * told all three at once: the bad cell, the 文号 twin and the decision twin, not the bad cell alone; nothing is saved.
	 */
	@Test
	void aTwinWithABadCellIsToldBothTwinsAndTheCell() {
		long office = fixture().newPostOffice("320506");
		String id = Long.toString(office);
		String number = "吴邮管〔2024〕" + office + "号";
		List<String> first = List.of(id, "撤销", "历史审批", "2024-09-02", "不予批准", "2024-09-20", number, "");
		List<String> twin = List.of(id, "撤销", "历史审批", "2024-09-02", "同意", "2024-09-20", number, "");
		ImportResult result = imports.importFile(DataScope.region("320506"), Workbooks.sheet(HEADER, List.of(first, twin)));
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(3);
		assertThat(result.errors().get(0).errors()).extracting(e -> e.field() + ":" + e.rule())
			.containsExactlyInAnyOrder("决定:one-of", "决定文号:unique", "决定日期:unique");
		assertThat(result.errors().get(0).errors()).extracting(e -> e.message())
			.contains("决定文号与第2行重复", "同一营业场所、申请事项和决定日期的审批与第2行重复");
		assertThat(approvals(office)).as("nothing saved").isZero();
	}

	@Test
	void aDecisionTakenHereIsNotImportedAgain() throws Exception {
		long office = fixture().newPostOffice("320506");
		long id = fixture().apply(WUZHONG, office, "CLOSURE", "网点合并", null);
		fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "refusal", "{\"reasons\":\"周边无替代网点\"}").andExpect(status().isOk());
		String today = LocalDate.now(clock).toString();
		imported(office, "撤销", today, today, null)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].message", containsString("不予批准")));
		ImportResult result = imports.importFile(DataScope.region("320506"),
				Workbooks.sheet(HEADER, List.of(row(Long.toString(office), "撤销", today, today, ""))));
		assertThat(result.errors()).singleElement().satisfies(r -> assertThat(r.errors())
			.extracting(e -> e.field() + ":" + e.rule()).containsExactly("决定日期:unique"));
		assertThat(approvals(office)).isEqualTo(1);
	}

	@Test
	void anUnreadableCellOfAnApprovalSheetHidesNoOtherFailure() {
		long office = fixture().newPostOffice("320506");
		List<String> bad = new ArrayList<>(row(Long.toString(office), "出售", "2024-03-01", "六月二十日", ""));
		List<String> noOffice = new ArrayList<>(row("第一支局", "撤销", "2024-03-01", "2024-03-20", ""));
		noOffice.set(2, "");
		ImportResult result = imports.importFile(DataScope.region("320506"), Workbooks.sheet(HEADER, List.of(bad, noOffice)));
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 3);
		assertThat(result.errors().get(0).errors()).extracting(e -> e.field() + ":" + e.rule())
			.containsExactlyInAnyOrder("申请事项:one-of", "决定日期:date");
		assertThat(result.errors().get(1).errors()).extracting(e -> e.field() + ":" + e.rule())
			.containsExactlyInAnyOrder("营业场所设施编号:integer", "撤销或搬迁理由:required");
		assertThat(approvals(office)).isZero();
	}

	/**
	 * The zero-width characters and bidirectional marks a cell carries (pasted from a web page or a Word file) are
	 * removed from a past approval's reason and notice channel as {@code Text.freeText} removes them from every request
	 * body, not stored unseen: the sheet builds the record the API's single import reads, which cleans them.
	 */
	@Test
	void aSheetsReasonAndNoticeChannelAreStoredAsFreeText() {
		long office = fixture().newPostOffice("320506");
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

	private static List<String> withNumber() {
		List<String> header = new ArrayList<>(PostOfficeApprovalImport.HEADERS);
		header.add(PostOfficeApprovalImport.NUMBER);
		header.add(PostOfficeApprovalImport.ADDRESS);
		return header;
	}

	/**
	 * A refused past application: the post office, kind, received and decided days, the 文号 (blank: none); a relocation
	 * with its new address.
	 */
	private static List<String> row(String office, String kind, String received, String decided, String number) {
		return List.of(office, kind, "历史审批", received, "不予批准", decided, number, kind.equals("搬迁") ? "新址路1号" : "");
	}

	private ResultActions imported(long office, String kind, String received, String decided, String number)
			throws Exception {
		return mvc.perform(post("/api/v1/universal/post-office-approvals/imported").header("Authorization", HEAD)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + ",\"kind\":\"" + kind + "\",\"reason\":\"历史审批\",\"receivedOn\":\""
					+ received + "\",\"decision\":\"不予批准\",\"decidedOn\":\"" + decided + "\""
					+ (number == null ? "" : ",\"decisionNumber\":\"" + number + "\"") + "}"));
	}

	private ResultActions sheet(byte[] content) throws Exception {
		return mvc.perform(multipart("/api/v1/universal/post-office-approvals/import")
			.file(new MockMultipartFile("file", "a.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE, content))
			.header("Authorization", HEAD));
	}

	private long approvals(long office) {
		return jdbc.sql("SELECT count(*) FROM post_office_approval WHERE facility_id = :f").param("f", office)
			.query(Long.class).single();
	}

	private long decided(String from, String to) {
		return figures.figures("320506", LocalDate.parse(from), LocalDate.parse(to)).postOfficeApprovals();
	}

	private ApprovalFixture fixture() {
		return new ApprovalFixture(mvc, jdbc, facilities);
	}
}
