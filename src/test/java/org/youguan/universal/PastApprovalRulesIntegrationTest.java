package org.youguan.universal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.registry.Facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A past post-office approval recorded by the import is the bureau's decision as one taken here is (attack: any staff
 * member recorded an approved and announced closure, decided by themselves, for a post office closed already or with
 * an application running): only the deciding bureau's 局领导 records it — by JSON, by sheet, on the page — in the
 * bureau's region, with the rule and message of the decision step (403 {@code decision}/{@code forbidden}), asked
 * first; the post office must be as an application or a decision here would find it (409 {@code facilityId}: an
 * application undecided, rule {@code unique}; closed, rule {@code closed}). And in every step a non-decider is refused
 * (403) before the approval's state is told (409).
 */
@IntegrationTest
class PastApprovalRulesIntegrationTest {

	static final String STAFF = ApprovalFixture.WUZHONG;

	static final String HEAD = ApprovalFixture.WUZHONG_HEAD;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Facilities facilities;

	@Test
	void aPastDecisionIsRecordedOnlyByTheDecidingBureausHead() throws Exception {
		long office = fixture().newPostOffice("320506");
		String body = json(office, "CLOSURE", "2025-03-03", "批准", "2025-03-25", "2025-04-01");
		// the county's staff and the city's 市场监管处: refused as the decision step refuses them, nothing recorded
		for (String other : new String[] { STAFF, "Bearer demo-sz-market-token" }) {
			imported(other, body)
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.errors[0].field").value("decision"))
				.andExpect(jsonPath("$.errors[0].rule").value("forbidden"))
				.andExpect(jsonPath("$.errors[0].message", containsString("的负责人（局领导）决定（邮政法(2015) 第9条第2款）")));
		}
		byte[] sheet = sheet(office, "撤销", "2025-03-03", "批准", "2025-03-25");
		sheet(STAFF, sheet)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("decision"))
			.andExpect(jsonPath("$.errors[0].rule").value("forbidden"));
		// the page: neither offered nor taken from the staff; offered to the head
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		assertThat(page(staff, "/universal/post-office-approvals")).doesNotContain("/universal/post-office-approvals/import");
		mvc.perform(get("/universal/post-office-approvals/import").session(staff)).andExpect(status().isForbidden());
		mvc.perform(multipart("/universal/post-office-approvals/import")
			.file(new MockMultipartFile("file", "a.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE, sheet))
			.session(staff)
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(approvals(office)).as("nothing recorded").isZero();
		assertThat(page(SignIn.session(mvc, "wz.leader"), "/universal/post-office-approvals"))
			.contains("/universal/post-office-approvals/import");
		// another county's head: the post office is not in its region
		imported("Bearer demo-xc-leader-token", body)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("facilityId"));
		imported(HEAD, body).andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT decision_region FROM post_office_approval WHERE facility_id = :f").param("f", office)
			.query(String.class).single()).as("recorded as the county bureau's decision").isEqualTo("320506");
	}

	@Test
	void aPastDecisionFindsThePostOfficeAsADecisionTakenHereWould() throws Exception {
		// an application running: no decision is recorded beside it, by JSON or sheet
		long running = fixture().newPostOffice("320506");
		long open = fixture().apply(ApprovalFixture.POSTAL, running, "CLOSURE", "网点合并", null);
		imported(HEAD, json(running, "RELOCATION", "2024-05-06", "不予批准", "2024-05-20", null))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("facilityId"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"))
			.andExpect(jsonPath("$.errors[0].message", containsString("已有尚未决定的撤销或搬迁申请")));
		sheet(HEAD, sheet(running, "撤销", "2024-05-06", "不予批准", "2024-05-20"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[*].field", hasItem("第2行·营业场所设施编号")))
			.andExpect(jsonPath("$.errors[*].rule", hasItem("unique")));
		assertThat(approvals(running)).isEqualTo(1);
		fixture().step(HEAD, open, "refusal", "{\"reasons\":\"测试结束\"}").andExpect(status().isOk());

		// closed by an approved closure: nothing decided after it, nor applied for; what came before it still comes in
		long closed = fixture().newPostOffice("320506");
		imported(HEAD, json(closed, "CLOSURE", "2025-03-03", "批准", "2025-03-25", "2025-04-01")).andExpect(status().isCreated());
		imported(HEAD, json(closed, "RELOCATION", "2025-06-06", "不予批准", "2025-06-20", null))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("facilityId"))
			.andExpect(jsonPath("$.errors[0].rule").value("closed"))
			.andExpect(jsonPath("$.errors[0].message", containsString("2025年4月1日经批准撤销")));
		mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", STAFF)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + closed + ",\"kind\":\"RELOCATION\",\"reason\":\"迁址\",\"newAddress\":\"新址路1号\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("facilityId"))
			.andExpect(jsonPath("$.errors[0].rule").value("closed"));
		imported(HEAD, json(closed, "RELOCATION", "2024-06-06", "不予批准", "2024-06-20", null)).andExpect(status().isCreated());
		assertThat(approvals(closed)).isEqualTo(2);

		// an approved closure is the post office's last decision: not recorded before a decision stored after it
		long later = fixture().newPostOffice("320506");
		imported(HEAD, json(later, "RELOCATION", "2025-06-06", "不予批准", "2025-06-20", null)).andExpect(status().isCreated());
		imported(HEAD, json(later, "CLOSURE", "2025-03-03", "批准", "2025-03-25", null))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("facilityId"))
			.andExpect(jsonPath("$.errors[0].rule").value("closed"));
		assertThat(approvals(later)).isEqualTo(1);
	}

	/** Who may act is asked before the approval's state, in every step: a non-decider is told so, not "decided already". */
	@Test
	void aNonDeciderIsRefusedBeforeTheApprovalsState() throws Exception {
		long id = fixture().apply(ApprovalFixture.POSTAL, fixture().newPostOffice("320506"), "CLOSURE", "业务量下降", null);
		fixture().step(HEAD, id, "refusal", "{\"reasons\":\"撤销后周边村民用邮不便\"}").andExpect(status().isOk());
		for (String step : new String[] { "approval", "refusal" }) {
			for (String other : new String[] { STAFF, "Bearer demo-sz-market-token" }) {
				fixture().step(other, id, step, "{\"reasons\":\"理由\"}")
					.andExpect(status().isForbidden())
					.andExpect(jsonPath("$.errors[0].field").value("decision"))
					.andExpect(jsonPath("$.errors[0].rule").value("forbidden"));
			}
			fixture().step(HEAD, id, step, "{\"reasons\":\"理由\"}").andExpect(status().isConflict());
		}
		// the enterprise is refused each of the bureau's steps before the state is read
		for (String step : new String[] { "site-check", "extension", "notice" }) {
			fixture().step(ApprovalFixture.POSTAL, id, step, "{}").andExpect(status().isForbidden());
		}
		// the page's decision form: the staff are refused before what they chose (none) is read
		mvc.perform(post("/universal/post-office-approvals/" + id + "/decision").with(csrf())
			.session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isForbidden());
	}

	private static String json(long office, String kind, String received, String decision, String decided,
			String announced) {
		return "{\"facilityId\":" + office + ",\"kind\":\"" + kind + "\",\"reason\":\"历史审批\",\"receivedOn\":\"" + received
				+ "\",\"decision\":\"" + decision + "\",\"decidedOn\":\"" + decided + "\""
				+ (kind.equals("RELOCATION") ? ",\"newAddress\":\"新址路1号\"" : "")
				+ (announced == null ? "" : ",\"announcedOn\":\"" + announced + "\",\"noticeChannel\":\"区政府网站\"") + "}";
	}

	private ResultActions imported(String token, String body) throws Exception {
		return mvc.perform(post("/api/v1/universal/post-office-approvals/imported").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/** A sheet of one past approval: the post office, kind, received day, decision and its day. */
	private static byte[] sheet(long office, String kind, String received, String decision, String decided) {
		return Workbooks.sheet(PostOfficeApprovalImport.HEADERS,
				List.of(List.of(Long.toString(office), kind, "历史审批", received, decision, decided)));
	}

	private ResultActions sheet(String token, byte[] content) throws Exception {
		return mvc.perform(multipart("/api/v1/universal/post-office-approvals/import")
			.file(new MockMultipartFile("file", "a.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE, content))
			.header("Authorization", token));
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private long approvals(long office) {
		return jdbc.sql("SELECT count(*) FROM post_office_approval WHERE facility_id = :f").param("f", office)
			.query(Long.class).single();
	}

	private ApprovalFixture fixture() {
		return new ApprovalFixture(mvc, jdbc, facilities);
	}
}
