package org.youguan.licensing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.TestImages;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an attacker found on express business licensing: parallel submissions of one applicant opened several applications
 * of a kind and parallel approvals issued it several licences in force (now ordered by the applicant's lock, as are its
 * annual reports and branch filings); a county opened a change, renewal or branch application for another county's
 * holder by naming premises of its own (now a 404; a move of the premises is a change item); a checklist, photo,
 * correction-item or branch list had no length; uploads dropped unknown parts and a second file of a part.
 */
@IntegrationTest
class LicensingApplicantLockAndLimitsIntegrationTest extends LicensingFixture {

	@Autowired
	LicenceApplications applications;

	@Autowired
	DataSource dataSource;

	/**
	 * Runs {@code n} copies of {@code call} released at once while another transaction holds {@code table} in SHARE mode
	 * — reads go on, writes wait —, lets the table go once all {@code n} wait on a lock (each either at its write, past
	 * its checks, or on a lock taken before them), and answers their HTTP statuses. Without a lock before the checks
	 * every call passes them before any writes: the race the attacker won, every time.
	 */
	List<MockHttpServletResponse> atOnce(String table, int n, Callable<ResultActions> call) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (Statement lock = other.createStatement()) {
				lock.execute("LOCK TABLE " + table + " IN SHARE MODE");
			}
			List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return call.call().andReturn().getResponse();
				}));
			}
			start.countDown();
			// each call waits on a lock: the first at its write to the table, the others on the lock taken before the
			// checks — or, without it, on the first one's number of the series or at their own write
			await().atMost(Duration.ofSeconds(60)).until(() -> answers.stream().allMatch(Future::isDone) || jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()""")
				.query(Long.class).single() >= n);
			other.commit();
			List<MockHttpServletResponse> responses = new ArrayList<>();
			for (Future<MockHttpServletResponse> a : answers) {
				responses.add(a.get(120, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Exactly one of {@code responses} is {@code created} and the others are 409 with the step's own refusal
	 * ({@code refusal}) — not the database's unique key met after both passed the checks ("重复提交"), nor a second
	 * success.
	 */
	static void oneTakenOthersRefused(List<MockHttpServletResponse> responses, int created, String refusal) throws Exception {
		List<Integer> statuses = responses.stream().map(MockHttpServletResponse::getStatus).toList();
		assertThat(statuses).containsOnly(created, 409);
		assertThat(statuses).filteredOn(s -> s == created).hasSize(1);
		for (MockHttpServletResponse r : responses) {
			if (r.getStatus() == 409) {
				assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains(refusal);
			}
		}
	}

	long open(String code, String kind) {
		return jdbc.sql("SELECT count(*) FROM licence_application WHERE applicant_credit_code = :c AND kind = :k AND status IN "
				+ "('SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED', 'REVIEWED', 'VERIFIED')")
			.param("c", code).param("k", kind).query(Long.class).single();
	}

	String newApplication(String code) {
		return LicensingIntegrationTest.application(code, "苏州并发申请快递有限公司" + code.substring(11, 17), "省内", "600000", "");
	}

	@Test
	void parallelSubmissionsOfOneApplicantOpenOneApplicationOfAKindTheOthersAre409() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String body = newApplication(code);
		oneTakenOthersRefused(atOnce("licence_application", 4, () -> call(CITY, "/api/v1/licensing/applications", body)), 201,
				"已有办理中的新设许可申请");
		assertThat(open(code, "NEW")).isEqualTo(1);

		// a change of a holder's licence, sent at once
		String holder = LicensingIntegrationTest.newCreditCode();
		licensedUntil(holder, "苏州并发变更快递有限公司" + holder.substring(11, 17), LocalDate.now(clock).plusYears(2));
		oneTakenOthersRefused(atOnce("licence_application", 4, () -> submitted("CHANGE", holder,
				",\"serviceArea\":\"苏州市全市\"")), 201, "已有办理中的变更申请");
		assertThat(open(holder, "CHANGE")).isEqualTo(1);
	}

	@Test
	void parallelApprovalsOfTwoNewApplicationsOfOneApplicantIssueOneLicenceTheOtherIs409() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		long first = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", newApplication(code))
			.andExpect(status().isCreated()));
		verified(first);
		// two open new applications of one applicant, as the race of submissions left them before the lock: the first is
		// set aside while the second is submitted, then brought back (as an imported one, which the index leaves out)
		jdbc.sql("UPDATE licence_application SET status = 'REFUSED' WHERE id = :id").param("id", first).update();
		long second = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", newApplication(code))
			.andExpect(status().isCreated()));
		verified(second);
		jdbc.sql("UPDATE licence_application SET status = 'VERIFIED', imported = TRUE WHERE id = :id").param("id", first).update();

		List<Long> ids = List.of(first, second);
		int[] next = { 0 };
		oneTakenOthersRefused(atOnce("licence_application", 2, () -> {
			long id;
			synchronized (next) {
				id = ids.get(next[0]++);
			}
			return call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}");
		}), 200, "不能再申请新设许可");
		assertThat(jdbc.sql("SELECT count(*) FROM licence_application WHERE applicant_credit_code = :c AND status = 'APPROVED'")
			.param("c", code).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void parallelAnnualReportsAndBranchFilingsOfOneEnterpriseAreTakenOnceTheOthersAre409() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate today = LocalDate.now(clock);
		licensedUntil(code, "苏州并发年报快递有限公司" + code.substring(11, 17), today.plusYears(3));
		String report = AnnualReportsIntegrationTest.report(today.getYear() - 1, code, "1000", "5000", "2", "10");
		oneTakenOthersRefused(atOnce("annual_report", 4, () -> mvc.perform(post("/api/v1/licensing/annual-reports")
			.header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON).content(report))), 201, "年度报告已报送");

		String filing = """
				{"parentCreditCode":"%s","name":"并发备案分公司%s","regionCode":"320506","address":"吴中区分支路8号",
				 "headName":"陈负责","businessLicenceDate":"%s"}""".formatted(code, code.substring(11, 17), today.minusDays(3));
		oneTakenOthersRefused(atOnce("branch_filing", 4, () -> mvc.perform(post("/api/v1/licensing/branch-filings")
			.header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON).content(filing))), 201, "已有名为");
	}

	@Test
	void aCountyCannotOpenAChangeRenewalOrBranchForAnotherCountysHolderAndAMoveOfThePremisesIsAChangeItem() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String name = "苏州越界变更快递有限公司" + code.substring(11, 17);
		// a holder of 吴中 (320506)
		licensedUntil(code, name, LocalDate.now(clock).plusDays(60));
		String premises = ",\"premisesAddress\":\"相城区越界路1号\",\"regionCode\":\"320507\"";
		// 相城's staff name premises of their own: a 404, as every read of a holder out of their scope
		for (String kind : List.of("CHANGE", "BRANCH", "RENEWAL")) {
			String extra = switch (kind) {
				case "CHANGE" -> ",\"serviceArea\":\"苏州市全市\"";
				case "BRANCH" -> ",\"branches\":[\"相城越界分部\"]";
				default -> "";
			};
			call(OTHER_COUNTY, "/api/v1/licensing/applications", """
					{"kind":"%s","applicantCreditCode":"%s","safetySystem":"实名收寄","serviceSystem":"服务承诺","personnel":"20人",
					 "contactName":"李联系","contactPhone":"13912345678"%s%s}"""
				.formatted(kind, code, premises, extra))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail", allOf(containsString(code))));
		}
		assertThat(open(code, "CHANGE") + open(code, "BRANCH") + open(code, "RENEWAL")).isZero();

		// finding (valid 4): access before fields — a body whose capital cannot even be read (a binding failure, 400
		// before) is still not there for 相城 (404), and an enterprise naming another applicant is refused (403) first
		for (String kind : List.of("CHANGE", "BRANCH", "RENEWAL")) {
			call(OTHER_COUNTY, "/api/v1/licensing/applications", """
					{"kind":"%s","applicantCreditCode":"%s","registeredCapital":"许多","submittedOn":"昨天"}"""
				.formatted(kind, code))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail", containsString(code)));
		}
		call(ENTERPRISE, "/api/v1/licensing/applications", """
				{"kind":"CHANGE","applicantCreditCode":"%s","registeredCapital":"许多"}""".formatted(code))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("applicantCreditCode"));
		// the holder's own county is told the fields (access granted, the body then read)
		call(CITY, "/api/v1/licensing/applications", """
				{"kind":"CHANGE","applicantCreditCode":"%s","registeredCapital":"许多"}""".formatted(code))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("registeredCapital")));

		// the holder's city moves the premises to 相城: the move is an item of the change, shown in its list
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", """
				{"kind":"CHANGE","applicantCreditCode":"%s","contactName":"李联系","contactPhone":"13912345678"%s}"""
			.formatted(code, premises)).andExpect(status().isCreated()));
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changes[*].field", hasItem("premises")))
			.andExpect(jsonPath("$.changes[?(@.field == 'premises')].label", hasItem("经营场所")))
			.andExpect(jsonPath("$.changes[?(@.field == 'premises')].after", hasItem(containsString("相城区越界路1号"))));
	}

	/** A paper application of a new applicant, every material given, accepted and reviewed by the city bureau. */
	long reviewed() throws Exception {
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications",
				newApplication(LicensingIntegrationTest.newCreditCode())).andExpect(status().isCreated()));
		acceptedAndReviewed(id);
		return id;
	}

	MockMultipartHttpServletRequestBuilder verification(long id, int lines, int photos) {
		StringBuilder checklist = new StringBuilder();
		for (int i = 0; i < lines; i++) {
			checklist.append(i == 0 ? "" : ",").append("{\"item\":\"核查项目").append(i).append("\",\"passed\":true}");
		}
		String data = """
				{"inspectors":[{"name":"林执法","certificateNumber":"32050004"},{"name":"冯安全","certificateNumber":"32050002"}],
				 "checklist":[%s],"passed":true,"conclusion":"符合条件"}""".formatted(checklist);
		MockMultipartHttpServletRequestBuilder b = multipart("/api/v1/licensing/applications/" + id + "/verification");
		b.file(new MockMultipartFile("data", "", "application/json", data.getBytes(StandardCharsets.UTF_8)));
		byte[] png = TestImages.png(40, 30);
		for (int i = 0; i < photos; i++) {
			b.file(new MockMultipartFile("photos", "site" + i + ".png", "image/png", png));
		}
		b.header("Authorization", CITY);
		return b;
	}

	long rows(String table, long id) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE application_id = :id").param("id", id).query(Long.class).single();
	}

	@Test
	void aChecklistPhotosCorrectionItemsAndBranchesBeyondTheirCapsAreRefusedOnceNamingTheField() throws Exception {
		long id = reviewed();
		mvc.perform(verification(id, LicenceApplications.MAX_CHECKLIST_LINES + 1, 1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("checklist"))
			.andExpect(jsonPath("$.errors[0].rule").value("max"))
			.andExpect(jsonPath("$.errors[0].message", containsString("核查清单")));
		mvc.perform(verification(id, 2, LicenceApplications.MAX_SITE_PHOTOS + 1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("photos"))
			.andExpect(jsonPath("$.errors[0].rule").value("max"));
		// an unknown part is refused, not dropped
		mvc.perform(verification(id, 2, 1).file(new MockMultipartFile("evidence", "x.png", "image/png", TestImages.png(40, 30))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("unknown-part"))
			.andExpect(jsonPath("$.errors[0].message", allOf(containsString("evidence"), containsString("现场照片"))));
		assertThat(rows("licence_verification_item", id)).isZero();
		mvc.perform(verification(id, LicenceApplications.MAX_CHECKLIST_LINES, 1)).andExpect(status().isOk());
		assertThat(rows("licence_verification_item", id)).isEqualTo(LicenceApplications.MAX_CHECKLIST_LINES);

		long submitted = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications",
				newApplication(LicensingIntegrationTest.newCreditCode())).andExpect(status().isCreated()));
		StringBuilder items = new StringBuilder();
		for (int i = 0; i <= LicenceApplications.MAX_CORRECTION_ITEMS; i++) {
			items.append(i == 0 ? "" : ",").append("\"补正事项").append(i).append("\"");
		}
		call(CITY, "/api/v1/licensing/applications/" + submitted + "/correction-notice", "{\"items\":[" + items + "]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items"))
			.andExpect(jsonPath("$.errors[0].rule").value("max"));

		StringBuilder branches = new StringBuilder();
		for (int i = 0; i <= LicenceApplications.MAX_BRANCHES; i++) {
			branches.append(i == 0 ? "" : ",").append("\"上限分公司").append(i).append("\"");
		}
		String code = LicensingIntegrationTest.newCreditCode();
		call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(code, "苏州上限快递有限公司"
				+ code.substring(11, 17), "省内", "600000", branches.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("branches")))
			.andExpect(jsonPath("$.errors[?(@.field == 'branches')].rule", hasItem("max")));
		assertThat(open(code, "NEW")).isZero();
		// a 分支机构 application over the cap: one refusal of the list, not also "missing" (attack 41 L4)
		call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application("91320506MA1ND7K3Q3", null, "省内",
				"600000", branches.toString()).replaceFirst("\\{", "{\"kind\":\"BRANCH\","))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'branches')].rule", org.hamcrest.Matchers.contains("max")));
	}

	long materials(long id, Material m) {
		return applications.get(DataScope.all(), id).attachments().stream().filter(a -> a.kind().equals(m.kind())).count();
	}

	static MockMultipartFile pdf(String part, int n) {
		return new MockMultipartFile(part, part + n + ".pdf", "application/pdf", PDF);
	}

	@Test
	void everyFileOfAnUploadPartIsKeptUpToThePerKindLimitAndAnUnknownPartIsRefusedNamingTheMaterials() throws Exception {
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications",
				newApplication(LicensingIntegrationTest.newCreditCode())).andExpect(status().isCreated()));
		call(CITY, "/api/v1/licensing/applications/" + id + "/correction-notice", "{}").andExpect(status().isOk());
		String correction = "/api/v1/licensing/applications/" + id + "/correction";
		mvc.perform(multipart(correction).file(pdf("CAPITAL", 1)).file(pdf("LICENCE_SCAN", 1)).header("Authorization", CITY))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("unknown-part"))
			.andExpect(jsonPath("$.errors[0].message", allOf(containsString("LICENCE_SCAN"), containsString("营业执照"),
					containsString("注册资本证明"))));
		var six = multipart(correction).header("Authorization", CITY);
		for (int i = 0; i < 6; i++) {
			six.file(pdf("CAPITAL", i));
		}
		mvc.perform(six).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("count"));
		assertThat(materials(id, Material.CAPITAL)).isZero();
		mvc.perform(multipart(correction).file(pdf("CAPITAL", 1)).file(pdf("CAPITAL", 2)).file(pdf("PREMISES", 1))
			.header("Authorization", CITY)).andExpect(status().isOk());
		assertThat(materials(id, Material.CAPITAL)).isEqualTo(2);
		assertThat(materials(id, Material.PREMISES)).isEqualTo(1);

		// a material added: every file of the part, an unknown part refused
		String added = "/api/v1/licensing/applications/" + id + "/materials";
		mvc.perform(multipart(added).file(pdf("file", 1)).file(pdf("file", 2)).param("kind", "SAFETY").header("Authorization", CITY))
			.andExpect(status().isOk());
		assertThat(materials(id, Material.SAFETY)).isEqualTo(2);
		mvc.perform(multipart(added).file(pdf("file", 3)).file(pdf("other", 1)).param("kind", "SAFETY").header("Authorization", CITY))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("unknown-part"));
		assertThat(materials(id, Material.SAFETY)).isEqualTo(2);
	}
}
