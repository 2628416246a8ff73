package org.youguan.licensing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.TestImages;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyDelivered;
import org.youguan.kernel.DataScope;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a tester found by repeating a step or sending it several times at once: a day the decision clock was paused
 * twice holds the limit back one day (and the figures count it once); a checklist line with a result or a note but no
 * item is refused, not dropped; a licence cancelled by parallel requests — or revoked by a delivery heard twice — is
 * ended once.
 */
@IntegrationTest
class LicensingRepeatsAndRacesIntegrationTest extends LicensingFixture {

	@Autowired
	LicenceApplications applications;

	@Autowired
	LicensingFigures figures;

	/** A paper application of a new applicant, every material given, accepted and reviewed by the city bureau. */
	long reviewed(String code) throws Exception {
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(code,
				"苏州重复快递有限公司" + code.substring(11, 17), "省内", "600000", "")).andExpect(status().isCreated()));
		acceptedAndReviewed(id);
		return id;
	}

	ResultActions verify(long id, String checklist, boolean passed) throws Exception {
		String data = """
				{"inspectors":[{"name":"林执法","certificateNumber":"32050004"},{"name":"冯安全","certificateNumber":"32050002"}],
				 "checklist":%s,"passed":%s,"conclusion":"场所、设备和制度符合条件"}""".formatted(checklist, passed);
		return mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/verification")
			.file(new MockMultipartFile("data", "", "application/json", data.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("photos", "site.png", "image/png", TestImages.png(40, 30)))
			.header("Authorization", CITY));
	}

	LocalDate due(long id) {
		return applications.get(DataScope.all(), id).application().decisionDueOn();
	}

	void pauseAndResume(long id) throws Exception {
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/suspension", "{\"kind\":\"HEARING\",\"reason\":\"听证\"}")
			.andExpect(status().isOk());
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/resumption", "{}").andExpect(status().isOk());
	}

	@Test
	void aPauseResumedTheSameDayAgainAndAgainHoldsTheDecisionLimitBackNotAtAllAndTheFiguresCountNoPausedDay() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		long id = reviewed(code);
		verify(id, "[{\"item\":\"经营场所与申请材料一致\",\"passed\":true}]", true).andExpect(status().isOk());
		LocalDate accepted = applications.get(DataScope.all(), id).application().acceptedOn();
		LocalDate before = due(id);
		LocalDate pausedOn = accepted.plusDays(2);
		clock.set(pausedOn.atTime(LocalTime.of(10, 0)));

		pauseAndResume(id);
		LocalDate once = due(id);
		assertThat(once).as("a pause resumed the day it began holds nothing back").isEqualTo(before);
		for (int i = 0; i < 3; i++) {
			pauseAndResume(id);
		}
		assertThat(due(id)).as("four pauses on %s", pausedOn).isEqualTo(once);

		// paused once more the same day: that day was held back already, the days left are the limit's from today
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/suspension", "{\"kind\":\"EXPERT_REVIEW\",\"reason\":\"专家评审\"}")
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(jsonPath("$.deadlines.suspended").value(true))
			.andExpect(jsonPath("$.deadlines.remainingDays").value((int) (once.toEpochDay() - pausedOn.toEpochDay())));
		// the list counts the days left of a stopped clock as the application's page does
		mvc.perform(get("/api/v1/licensing/applications").param("q", code).header("Authorization", CITY))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].remainingDays").value((int) (once.toEpochDay() - pausedOn.toEpochDay())));
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/resumption", "{}").andExpect(status().isOk());
		assertThat(due(id)).isEqualTo(once);

		// decided three days later: five days from acceptance, none of them paused
		LocalDate decided = pausedOn.plusDays(3);
		clock.set(decided.atTime(LocalTime.of(10, 0)));
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk());
		LicensingFigures.Figures f = figures.figures(DataScope.enterprise(code), "", decided, decided);
		assertThat(f.approved()).isEqualTo(1);
		assertThat(f.averageDecisionDays()).isEqualByComparingTo("5.0");
	}

	@Test
	void aChecklistLineWithAResultOrANoteButNoItemIsRefusedNamingItAndNothingIsSaved() throws Exception {
		long id = reviewed(LicensingIntegrationTest.newCreditCode());
		verify(id, """
				[{"item":"经营场所与申请材料一致","passed":true},{"item":"  ","passed":false,"note":"安检机缺失"},
				 {"item":"","passed":null,"note":""}]""", true)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("checklist[1].item"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("安检机缺失")));
		assertThat(applications.get(DataScope.all(), id).application().status()).isEqualTo(ApplicationStatus.REVIEWED);
		assertThat(jdbc.sql("SELECT count(*) FROM licence_verification_item WHERE application_id = :id").param("id", id)
			.query(Long.class).single()).isZero();
		// named, the failed line stands and the conclusion 符合 is refused for it
		verify(id, "[{\"item\":\"经营场所与申请材料一致\",\"passed\":true},{\"item\":\"安检设备\",\"passed\":false,\"note\":\"安检机缺失\"}]", true)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("passed"))
			.andExpect(jsonPath("$.errors[0].rule").value("checklist-failed"));
	}

	/** A licence of the provincial bureau recorded through the registry's event, for a new holder; its number. */
	String licence(String code, String name) {
		String number = "快递许可-32-1999-" + code.substring(12);
		return granted(new LicenceGranted(-4, number, new EnterpriseData(name, code,
				EnterpriseType.EXPRESS, null, null, "吴中区并发路1号", "320506", null, null), LicenceScope.PROVINCE, "江苏省邮政管理局",
				"32", LocalDate.now(clock).minusYears(1), LocalDate.now(clock).plusYears(4), false)).number();
	}

	long audited(String action, LicenceView l) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND object_type = 'ExpressLicence' AND object_id = :id")
			.param("action", action).param("id", String.valueOf(l.id())).query(Long.class).single();
	}

	@Test
	void parallelCancellationsOfOneLicenceCancelItOnceTheOthersAre409() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String number = licence(code, "苏州并发注销快递有限公司");
		String body = "{\"number\":\"" + number + "\",\"ground\":\"STOPPED\",\"note\":\"企业书面申请停止经营\"}";
		int n = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(n);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < n; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return call(PROVINCE, "/api/v1/licensing/licences/cancellation", body).andReturn().getResponse().getStatus();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> a : answers) {
				statuses.add(a.get(60, TimeUnit.SECONDS));
			}
			assertThat(statuses).containsOnly(204, 409);
			assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().status() == LicenceStatus.CANCELLED);
		LicenceView l = licences.findByNumber(DataScope.all(), number).orElseThrow();
		assertThat(audited("licensing.cancel", l)).isEqualTo(1);
		// and once the registry has it, a further request is still a 409
		call(PROVINCE, "/api/v1/licensing/licences/cancellation", body).andExpect(status().isConflict());
	}

	@Test
	void aRevocationDeliveredTwiceRevokesTheLicenceOnceAndACancellationAfterItIs409() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String number = licence(code, "苏州重复吊销快递有限公司");
		LocalDate today = LocalDate.now(clock);
		tx.executeWithoutResult(s -> {
			events.publishEvent(new PenaltyDelivered(-1, "行政处罚决定-32-2026-D1" + code, "32", code, "苏州重复吊销快递有限公司",
					Penalty.REVOCATION, today));
			events.publishEvent(new PenaltyDelivered(-1, "行政处罚决定-32-2026-D2" + code, "32", code, "苏州重复吊销快递有限公司",
					Penalty.REVOCATION, today));
		});
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().status() == LicenceStatus.REVOKED);
		// both deliveries heard (their publications completed) before counting
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
				SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE '%PenaltyDelivered'
				  AND serialized_event LIKE :code""")
			.param("code", "%" + code + "%").query(Long.class).single() == 0);
		LicenceView l = licences.findByNumber(DataScope.all(), number).orElseThrow();
		assertThat(audited("licensing.revoke", l)).isEqualTo(1);
		call(PROVINCE, "/api/v1/licensing/licences/cancellation",
				"{\"number\":\"" + number + "\",\"ground\":\"STOPPED\",\"note\":\"企业书面申请\"}").andExpect(status().isConflict());
	}
}
