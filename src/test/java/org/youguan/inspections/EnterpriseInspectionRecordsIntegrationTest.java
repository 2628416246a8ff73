package org.youguan.inspections;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.platform.StoredCitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enterprise's portal shows its own inspection records and their results (page and JSON API), never another
 * enterprise's (404) and not to staff through the enterprise API (403); and its rectification report takes evidence
 * files through the JSON API as multipart, each checked by content, nothing saved when one is refused.
 */
@IntegrationTest
class EnterpriseInspectionRecordsIntegrationTest {

	static final String SF = "Bearer demo-sf-wz-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionOrders orders;

	@Autowired
	UserDirectory directory;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	String sf() {
		return directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
	}

	long record(String creditCode, String outcome, String findings) {
		return tx.execute(s -> records.record(DataScope.region("3205"), null, new InspectionRecordData(creditCode,
				LocalDate.now(clock).toString(), "SPECIAL", List.of("REAL_NAME"),
				List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
						new InspectionRecordData.TeamMember("某某", "PR" + UUID.randomUUID().toString().substring(0, 8))),
				outcome, findings, null, "营业部"), false, false));
	}

	long otherEnterprisesRecord() {
		String sf = sf();
		return records.list(DataScope.region("3205"), PageQuery.of(null, 0, 100, null, null)).items().stream()
			.filter(r -> !r.enterpriseCreditCode().equals(sf))
			.findFirst().orElseThrow().id();
	}

	@Test
	void anEnterpriseReadsItsOwnRecordsAndResultsOnly() throws Exception {
		long own = record(sf(), "INTERVIEW", "收寄验视记录不全，已约谈负责人");
		long other = otherEnterprisesRecord();

		mvc.perform(get("/api/v1/enterprise/inspections/records").param("size", "200").header("Authorization", SF))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) own)))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) other))))
			.andExpect(jsonPath("$.items[*].enterpriseCreditCode", everyItem(is(sf()))));
		mvc.perform(get("/api/v1/enterprise/inspections/records/" + own).header("Authorization", SF))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("INTERVIEW"))
			.andExpect(jsonPath("$.findings").value("收寄验视记录不全，已约谈负责人"))
			.andExpect(jsonPath("$.team[0].certificateNumber").value("32050601"));
		mvc.perform(get("/api/v1/enterprise/inspections/records/" + other).header("Authorization", SF))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enterprise/inspections/records").header("Authorization", WUZHONG))
			.andExpect(status().isForbidden());

		MockHttpSession session = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/inspections/records").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/enterprise/inspections/records/" + own + "\"")))
			.andExpect(content().string(not(containsString("/enterprise/inspections/records/" + other + "\""))));
		mvc.perform(get("/enterprise/inspections/records/" + own).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("收寄验视记录不全，已约谈负责人")))
			.andExpect(content().string(containsString("32050601")));
		mvc.perform(get("/enterprise/inspections/records/" + other).session(session))
			.andExpect(status().isNotFound());
	}

	/**
	 * Findings naming a third party — a sender with his ID and mobile number — reach the enterprise masked on every
	 * path of its portal, as the 责令改正通知书 served on it masks them: the record's page and API, the order's page and
	 * API; the bureau reads them as recorded.
	 */
	@Test
	void aThirdPartysNumbersInTheFindingsAreMaskedOnTheEnterprisesPortal() throws Exception {
		String mobile = "138" + org.youguan.RandomDigits.of(8);
		String idNumber = "320506198001011234";
		String findings = "收寄时未验视，寄件人王某（身份证号" + idNumber + "，电话" + mobile + "）";
		long record = record(sf(), "RECTIFICATION", findings);
		long order = order(record);
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		MockHttpSession session = SignIn.session(mvc, "sf.wz");
		for (String page : List.of("/enterprise/inspections/records/" + record, "/enterprise/inspections/orders/" + order)) {
			mvc.perform(get(page).session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(masked)))
				.andExpect(content().string(not(containsString(mobile))))
				.andExpect(content().string(not(containsString(idNumber))));
		}
		for (String api : List.of("/api/v1/enterprise/inspections/records/" + record,
				"/api/v1/enterprise/inspections/orders/" + order)) {
			mvc.perform(get(api).header("Authorization", SF))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.findings", containsString(masked)))
				.andExpect(jsonPath("$.findings", not(containsString(idNumber))))
				.andExpect(jsonPath("$.findings", not(containsString(mobile))));
		}
		assertThat(orders.get(DataScope.region("3205"), order).findings()).isEqualTo(findings);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	/**
	 * An order issued before orders cited law only kept the rule catalogue's basis of the 建制村通邮 item's rule with its
	 * mark 地方实践（未确认）; V285 takes the mark out of the kept basis, so the enterprise reads the legal texts only on
	 * its page and through its API.
	 */
	@Test
	void anOrderKeptWithTheCataloguesMarkIsReadByTheEnterpriseWithoutIt() throws Exception {
		long order = order(record(sf(), "RECTIFICATION", "旧依据通知书" + UUID.randomUUID().toString().substring(0, 8)));
		// as kept before 2026-12-04: the item's article, its name, and the catalogue's basis of its rule
		jdbc.sql("UPDATE rectification_order SET basis = :basis WHERE id = :id")
			.param("basis", "邮政法(2015) 第19条（建制村通邮）、邮政法(2015) 第19条；地方实践（未确认）").param("id", order).update();
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/inspections/V285__order_bases_without_catalogue_marks.sql"))
			.execute(dataSource);
		mvc.perform(get("/api/v1/enterprise/inspections/orders/" + order).header("Authorization", SF))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.basis").value("邮政法(2015) 第19条（建制村通邮）、邮政法(2015) 第19条"));
		mvc.perform(get("/enterprise/inspections/orders/" + order).header("Authorization", SF))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("邮政法(2015) 第19条（建制村通邮）、邮政法(2015) 第19条")))
			.andExpect(content().string(not(containsString("未确认"))));
		assertThat(jdbc.sql("SELECT count(*) FROM rectification_order WHERE basis LIKE '%未确认%'").query(Long.class).single())
			.isZero();
	}

	@Autowired
	List<StoredCitations> storedCitations;

	/** Issues the record's 责令改正通知书 (10 working days) as the bureau; its id. */
	long order(long record) throws Exception {
		String issued = mvc.perform(post("/api/v1/inspections/records/" + record + "/order").header("Authorization", WUZHONG)
				.contentType(MediaType.APPLICATION_JSON).content("{\"workingDays\":10}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(issued, "$.id")).longValue();
	}

	/**
	 * The enterprise reads its order's basis as the notice cites law: an order issued now cites formally (《…》第…条, no
	 * version), and one kept before in the short form (邮政法(2015) 第19条) is written so by V288, its items as kept.
	 */
	@Test
	void anOrderReadsItsLawCitedFormallyAndV288RewritesOneKeptInTheShortForm() throws Exception {
		long order = order(record(sf(), "RECTIFICATION", "引用格式" + UUID.randomUUID().toString().substring(0, 8)));
		assertThat(jdbc.sql("SELECT basis FROM rectification_order WHERE id = :id").param("id", order).query(String.class)
			.single()).contains("》第").doesNotContainPattern("\\(\\d{4}\\)|第\\d+条");
		jdbc.sql("UPDATE rectification_order SET basis = :basis WHERE id = :id")
			.param("basis", "邮政法(2015) 第19条（建制村通邮）、快递暂行条例(2025) 第23条（实名收寄）").param("id", order).update();
		try (Connection connection = dataSource.getConnection()) {
			for (StoredCitations module : storedCitations) {
				module.writeFormally(connection);
			}
		}
		String formal = "《中华人民共和国邮政法》第十九条（建制村通邮）、《快递暂行条例》第二十三条（实名收寄）";
		mvc.perform(get("/api/v1/enterprise/inspections/orders/" + order).header("Authorization", SF))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.basis").value(formal));
		mvc.perform(get("/enterprise/inspections/orders/" + order).header("Authorization", SF))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(formal)));
	}

	@Test
	void theReportTakesEvidenceFilesThroughTheApi() throws Exception {
		long record = record(sf(), "RECTIFICATION", "实名收寄登记不全");
		String issued = mvc.perform(post("/api/v1/inspections/records/" + record + "/order").header("Authorization", WUZHONG)
				.contentType(MediaType.APPLICATION_JSON).content("{\"workingDays\":10}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long order = ((Number) JsonPath.read(issued, "$.id")).longValue();
		String path = "/api/v1/enterprise/inspections/orders/" + order;

		mvc.perform(multipart(path).file(new MockMultipartFile("evidence", "台账.pdf", "application/pdf",
				"not a pdf".getBytes())).param("report", "已整改").header("Authorization", SF))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("evidence"))
			.andExpect(jsonPath("$.errors[0].message", containsString("整改证明材料")));
		mvc.perform(multipart(path).file(new MockMultipartFile("evidence", "照片.png", "image/png", TestImages.png(60, 40)))
				.header("Authorization", SF))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("report"));
		assertThat(orders.get(DataScope.all(), order).status()).as("refused replies save nothing").isEqualTo("ISSUED");
		assertThat(orders.evidence(DataScope.all(), order)).isEmpty();

		mvc.perform(multipart(path).file(new MockMultipartFile("evidence", "整改照片.png", "image/png", TestImages.png(80, 60)))
				.file(new MockMultipartFile("evidence", "台账.jpg", "image/jpeg", TestImages.jpeg(80, 60)))
				.param("report", "已补全实名登记并培训收寄员").header("Authorization", SF))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REPLIED"));
		mvc.perform(get(path + "/evidence").header("Authorization", SF))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].fileName", hasItem("整改照片.png")))
			.andExpect(jsonPath("$[*].fileName", hasItem("台账.jpg")))
			.andExpect(jsonPath("$[0].href", containsString("/attachments/")));
		mvc.perform(get(path + "/evidence").header("Authorization", WUZHONG))
			.andExpect(status().isForbidden());
	}
}
