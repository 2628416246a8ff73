package org.youguan.inspections;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.rules.Citation;
import org.youguan.rules.LegalText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack finding: a 责令改正通知书 for a 建制村通邮 check read "违反了邮政法(2015) 第19条（建制村通邮）、邮政法(2015) 第19条；
 * 地方实践（未确认）的规定" — the article twice and the rule catalogue's note cited as law; a real-name check cited
 * 邮件快件实名收寄管理办法(2018) with no article. The order cites the article that lays down each duty breached, each
 * once, law only; an item with no article is no ground for an order; an article the text does not have is refused.
 */
@IntegrationTest
class OrderLegalBasisIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionOrders orders;

	@Autowired
	InspectionItems items;

	@Autowired
	UserDirectory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	ResultActions call(String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	long record(String kind, List<String> itemCodes) {
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		return tx.execute(s -> records.record(DataScope.region("320506"), null, new InspectionRecordData(sf,
				LocalDate.now(clock).toString(), kind, itemCodes,
				List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
						new InspectionRecordData.TeamMember("某某", "PR" + UUID.randomUUID().toString().substring(0, 8))),
				"RECTIFICATION", "问题" + UUID.randomUUID(), null, "吴中营业部"), false, false));
	}

	/** A Wuzhong item of 快递暂行条例(2025) {@code article} with one checklist line; its code. */
	String ownItem(CurrentUser wz, String name, int article, String line) {
		String code = "WZ_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		items.add(DataScope.region("320506"), wz.bureauId(), "陈吴中", new InspectionItems.ItemData(code, name + code,
				"EXPRESS_REGULATION", article, "ENTERPRISE", "ON_SITE", List.of(line)));
		return code;
	}

	/** Edits an item through the API. */
	ResultActions edit(String code, String json) throws Exception {
		return mvc.perform(put("/api/v1/inspections/items/" + code).header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	/** Issues the order of the record and reads its .docx back. */
	String orderText(long record) throws Exception {
		return orderText(record, "{\"workingDays\":5}");
	}

	/** Issues the order of the record with the request {@code json} and reads its .docx back. */
	String orderText(long record, String json) throws Exception {
		String issued = call("/api/v1/inspections/records/" + record + "/order", json)
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long order = ((Number) JsonPath.read(issued, "$.id")).longValue();
		long document = orders.document(DataScope.all(), order).orElseThrow().id();
		byte[] docx = mvc.perform(get("/attachments/" + document).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
	}

	static int occurrences(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	@Test
	void aVillageMailOrderCitesArticle19OnceAndNoInternalNote() throws Exception {
		String text = orderText(record("UNIVERSAL", List.of("VILLAGE_DELIVERY")));
		assertThat(text).contains("上述行为违反了《中华人民共和国邮政法》第十九条（建制村通邮）的规定。")
			.doesNotContain("地方实践").doesNotContain("未确认").doesNotContain("(2015)");
		assertThat(occurrences(text, "第十九条")).isEqualTo(1);
	}

	@Test
	void aRealNameOrderCitesTheDutyArticleNotAFineRule() throws Exception {
		String text = orderText(record("SPECIAL", List.of("REAL_NAME")));
		assertThat(text).contains("上述行为违反了《快递暂行条例》第二十三条（实名收寄）的规定。")
			.doesNotContain("邮件快件实名收寄管理办法").doesNotContain("(2025)");
		assertThat(occurrences(text, "第二十三条")).isEqualTo(1);
	}

	/**
	 * The duty article is what was breached, not the power to order its correction: the order cites the article that
	 * punishes the breach and orders its correction (the rule catalogue's penalty article of 实名收寄), never
	 * "依据上述规定" after the duty; with no penalty article in the catalogue it orders without citing a power.
	 */
	@Test
	void theOrderCitesThePenaltyArticleAsThePowerToOrderNotTheDuty() throws Exception {
		String realName = orderText(record("SPECIAL", List.of("REAL_NAME")));
		assertThat(realName).contains("依据《快递暂行条例》第五十三条").contains("的规定，现责令你单位最迟于")
			.doesNotContain("依据上述规定");
		String village = orderText(record("UNIVERSAL", List.of("VILLAGE_DELIVERY")));
		assertThat(village).contains("现责令你单位最迟于").doesNotContain("依据上述规定").doesNotContain("${power}");
	}

	@Test
	void defaultItemsCiteTheDutyNotThePenalty() {
		assertThat(items.list(DataScope.all())).filteredOn(i -> i.code().equals("BRANCH_FILING"))
			.extracting(InspectionItem::basis).containsExactly("邮政法(2015) 第54条");
		assertThat(items.list(DataScope.all())).filteredOn(i -> i.code().equals("WAYBILL_DATA"))
			.extracting(InspectionItem::basis, InspectionItem::ruleCode)
			.containsExactly(tuple("快递暂行条例(2025) 第35条", "fine.waybill-data.min"));
	}

	@Test
	void anItemWithoutAnArticleIsNoGroundForAnOrder() throws Exception {
		long record = record("SPECIAL", List.of("SERVICE_NOTICE"));
		call("/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":5}")
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[0].field").value("items"))
			.andExpect(jsonPath("$.errors[0].rule").value("basis-article"));
		// with a cited item beside it, picked as the finding's, the order cites that item only and lists only its lines
		String text = orderText(record("SPECIAL", List.of("SERVICE_NOTICE", "SCREENING")),
				"{\"workingDays\":5,\"items\":[\"SCREENING\"]}");
		assertThat(text).contains("上述行为违反了《快递暂行条例》第三十三条（过机安检）的规定。")
			.doesNotContain("快递市场管理办法").doesNotContain("服务公示");
	}

	/**
	 * Attack 51: a record of 服务公示 and 末端网点备案 kept without checklist lines got an order citing the 备案 article for a
	 * 服务公示 finding — every item checked was cited. The order is about the items the findings are about: with several
	 * items and no line, the clerk picks them (400 {@code items}/{@code required} otherwise); 服务公示 picked alone has
	 * no article and borrows none (422 {@code basis-article}); a pick outside the record's items is refused.
	 */
	@Test
	void anOrderCitesOnlyTheItemsItsFindingsAreAbout() throws Exception {
		long record = record("SPECIAL", List.of("SERVICE_NOTICE", "OUTLET_FILING"));
		call("/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":5}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"))
			.andExpect(jsonPath("$.errors[0].message", containsString("服务公示")));
		call("/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":5,\"items\":[\"SERVICE_NOTICE\"]}")
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[0].field").value("items"))
			.andExpect(jsonPath("$.errors[0].rule").value("basis-article"));
		call("/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":5,\"items\":[\"REAL_NAME\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items"))
			.andExpect(jsonPath("$.errors[0].rule").value("one-of"));
		assertThat(orders.list(DataScope.region("320506"), PageQuery.of(null, 0, 1000, null, null)).items())
			.noneMatch(o -> o.recordId() == record);
		String filing = orderText(record, "{\"workingDays\":5,\"items\":[\"OUTLET_FILING\"]}");
		assertThat(filing).contains("第十九条（末端网点备案）").doesNotContain("服务公示");
	}

	@Test
	void anArticleTheTextDoesNotHaveIsRefusedNamingTheFieldAndRule() throws Exception {
		CurrentUser wz = directory.principal("wz.staff").orElseThrow();
		String code = ownItem(wz, "冷链温控", 33, "温控设备运行正常");
		edit(code, """
				{"name":"冷链温控%s","legalText":"EXPRESS_REGULATION","article":300,"objectType":"ENTERPRISE",
				 "method":"ON_SITE","checklist":["温控设备运行正常"]}""".formatted(code))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("article"))
			.andExpect(jsonPath("$.errors[0].rule").value("article-range"))
			.andExpect(content().string(containsString("快递暂行条例(2025)共59条")));
		assertThat(items.editable(wz.bureauId(), code).article()).isEqualTo(33);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(post("/inspections/items/new").session(staff).with(csrf()).param("code", code + "_2")
			.param("name", "冷链快件" + code).param("legalText", "EXPRESS_REGULATION").param("article", "300")
			.param("objectType", "ENTERPRISE").param("method", "ON_SITE").param("checklist", "温控设备运行正常"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("共59条")));
		assertThat(items.list(DataScope.all())).noneMatch(i -> i.code().equals(code + "_2"));
	}

	/**
	 * Attack round 7: a bureau's own item cited a penalty article (快递暂行条例(2025) art.54) or a procedural law
	 * (行政复议法, 行政处罚法) as the duty, and the order read "违反了…行政复议法(2023) 第10条…的规定". An item names a duty: a
	 * penalty article is refused (400 {@code article}/{@code penalty-article}), a text binding the administration too
	 * ({@code legalText}/{@code duty-text}); an item stored so before is no ground for an order.
	 */
	@Test
	void anItemCitesADutyNeverAPenaltyArticleOrAProceduralLaw() throws Exception {
		CurrentUser wz = directory.principal("wz.staff").orElseThrow();
		String code = ownItem(wz, "运单事项", 35, "运单管理规范");
		String item = """
				{"name":"运单事项%s","legalText":"%s","article":%d,"objectType":"ENTERPRISE",
				 "method":"ON_SITE","checklist":["运单管理规范"]}""";
		// attack round 8: articles of the penalty chapters the catalogue does not cite itself
		for (Object[] penalty : new Object[][] { { "EXPRESS_REGULATION", 54 }, { "POSTAL_LAW", 72 }, { "POSTAL_LAW", 71 },
				{ "POSTAL_LAW", 77 }, { "POSTAL_LAW", 81 }, { "EXPRESS_MARKET_MEASURES", 50 }, { "COUNTER_TERRORISM_LAW", 86 } }) {
			edit(code, item.formatted(code, penalty[0], penalty[1]))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("article"))
				.andExpect(jsonPath("$.errors[0].rule").value("penalty-article"))
				.andExpect(content().string(containsString("条是罚则")));
		}
		for (String procedural : List.of("ADMINISTRATIVE_REVIEW_LAW", "ADMINISTRATIVE_PENALTY_LAW")) {
			edit(code, item.formatted(code, procedural, 10))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("legalText"))
				.andExpect(jsonPath("$.errors[0].rule").value("duty-text"));
		}
		assertThat(items.editable(wz.bureauId(), code).article()).isEqualTo(35);
		assertThat(items.editable(wz.bureauId(), code).legalText()).isEqualTo("EXPRESS_REGULATION");
		assertThat(Citation.of(LegalText.EXPRESS_REGULATION, 54).isDuty()).isFalse();
		assertThat(Citation.of(LegalText.ADMINISTRATIVE_REVIEW_LAW, 10).isDuty()).isFalse();
		assertThat(Citation.of(LegalText.EXPRESS_REGULATION, 35).isDuty()).isTrue();
	}

	/**
	 * Attack round 7: an order was issued for a record whose every line complied (or did not apply) — the order then
	 * cited all the record's items. With lines recorded and none failed, 422 {@code items}/{@code no-noncompliant-line}.
	 */
	@Test
	void noOrderWhenEveryRecordedLineComplied() throws Exception {
		long record = record("SPECIAL", List.of("SCREENING"));
		jdbc.sql("""
				INSERT INTO inspection_record_line (record_id, item_code, position, line, result)
				VALUES (:record, 'SCREENING', 1, '安检机运行正常', 'COMPLIANT')""").param("record", record).update();
		call("/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":5}")
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].field").value("items"))
			.andExpect(jsonPath("$.errors[0].rule").value("no-noncompliant-line"));
		assertThat(jdbc.sql("SELECT count(*) FROM rectification_order WHERE record_id = :record").param("record", record)
			.query(Long.class).single()).isZero();
	}
}
