package org.youguan.licensing;

import java.time.Duration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.enforcement.RevocationLifted;
import org.youguan.kernel.DataScope;
import org.youguan.registry.LicenceDecisionNotApplied;
import org.youguan.registry.LicenceRevoked;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceTerms;
import org.youguan.registry.LicenceView;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A renewal approved while its licence was being revoked never took effect (the registry does not extend an ended
 * licence); when the revoking decision is annulled (行政复议 撤销), the revocation is void from the start and the
 * 准予延续 decision, never withdrawn, takes effect with the restored licence: the registry extends it to the renewal's
 * term, the application's 决定未生效 mark is cleared and the step audited. Every kind of decision the revocation kept
 * out is revived the same way: a change (变更) and a branch decision (分支机构) too.
 */
@IntegrationTest
class LiftedRevocationRevivesRenewalIntegrationTest extends LicensingFixture {

	@Autowired
	LicenceApplications applications;

	/**
	 * With licence {@code number} revoked by {@code decision}: the registry's telling back that the decisions of
	 * applications {@code ids} did not take effect, heard; then 行政复议 annuls the decision that revoked, and the licence
	 * is restored.
	 */
	void toldBackAndLifted(String number, String decision, String code, String name, long... ids) {
		LicenceView revoked = licences.findByNumber(DataScope.all(), number).orElseThrow();
		for (long id : ids) {
			applications.decisionNotApplied(new LicenceDecisionNotApplied(id, number, "决定书", revoked.status(), revoked.stateReason()));
			assertThat(applications.get(DataScope.all(), id).notInEffect()).isNotNull();
		}
		tx.executeWithoutResult(s -> events.publishEvent(new RevocationLifted(0, decision, "320506", code, name, "行政复议撤销",
				"苏复决〔2026〕" + RandomDigits.of(4) + "号", LocalDate.now(clock))));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().status() == LicenceStatus.VALID);
	}

	@Test
	void aLiftedRevocationLetsTheRenewalItKeptFromTakingEffectTakeEffect() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String name = "苏州复议恢复快递有限公司" + RandomDigits.of(4);
		LocalDate oldExpiry = LocalDate.now(clock).plusDays(75);
		String number = licensedUntil(code, name, oldExpiry);
		long id = LicensingIntegrationTest.id(submitted("RENEWAL", code, "").andExpect(status().isCreated()));
		verified(id);
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk());
		LocalDate renewedUntil = jdbc.sql("SELECT valid_until FROM licence_application WHERE id = :id").param("id", id)
			.query(LocalDate.class).single();
		assertThat(renewedUntil).isAfter(oldExpiry);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().expiresOn().equals(renewedUntil));
		// as it stands when the revocation reached the registry first: the licence revoked on its old term, the renewal
		// told back as never in effect
		String decision = "苏邮罚〔2026〕" + RandomDigits.of(5) + "号";
		tx.executeWithoutResult(s -> {
			jdbc.sql("UPDATE express_licence SET expires_on = :old WHERE number = :n").param("old", oldExpiry).param("n", number)
				.update();
			licences.revokeByDecision(new LicenceRevoked(number, decision, "依据行政处罚决定书" + decision + "吊销"));
		});
		toldBackAndLifted(number, decision, code, name, id);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().expiresOn().equals(renewedUntil));
		assertThat(applications.get(DataScope.all(), id).notInEffect()).isNull();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'licensing.in-effect' AND object_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		// the renewal counts as the licence's term here again
		assertThat(jdbc.sql("SELECT count(*) FROM licence_application WHERE id = :id AND not_in_effect_on IS NULL")
			.param("id", id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aLiftedRevocationLetsTheChangeAndTheBranchDecisionItKeptFromTakingEffectTakeEffect() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String name = "苏州复议变更快递有限公司" + RandomDigits.of(4);
		String number = licensedUntil(code, name, LocalDate.now(clock).plusYears(3));
		long change = LicensingIntegrationTest.id(submitted("CHANGE", code, ",\"registeredCapital\":\"2000000\"")
			.andExpect(status().isCreated()));
		verified(change);
		call(PROVINCE, "/api/v1/licensing/applications/" + change + "/approval", "{}").andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(60)).until(() -> new BigDecimal("2000000")
			.compareTo(licences.terms(number).orElseThrow().registeredCapital()) == 0);
		long branch = LicensingIntegrationTest.id(submitted("BRANCH", code, ",\"branches\":[\"相城复议分部\"]")
			.andExpect(status().isCreated()));
		verified(branch);
		call(PROVINCE, "/api/v1/licensing/applications/" + branch + "/approval", "{}").andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(60)).until(() -> licences.terms(number).orElseThrow().branches().contains("相城复议分部"));
		// as it stands when the revocation reached the registry first: the licence revoked on its old terms, both decisions
		// told back as never in effect
		String decision = "苏邮罚〔2026〕" + RandomDigits.of(5) + "号";
		tx.executeWithoutResult(s -> {
			jdbc.sql("UPDATE express_licence SET registered_capital = 600000, licensed_branches = '吴中分部' WHERE number = :n")
				.param("n", number).update();
			licences.revokeByDecision(new LicenceRevoked(number, decision, "依据行政处罚决定书" + decision + "吊销"));
		});
		toldBackAndLifted(number, decision, code, name, change, branch);
		await().atMost(Duration.ofSeconds(60)).until(() -> licences.terms(number).orElseThrow().branches().contains("相城复议分部"));
		LicenceTerms terms = licences.terms(number).orElseThrow();
		assertThat(terms.registeredCapital()).isEqualByComparingTo("2000000");
		assertThat(terms.branches()).containsExactly("吴中分部", "相城复议分部");
		for (long id : List.of(change, branch)) {
			assertThat(applications.get(DataScope.all(), id).notInEffect()).isNull();
			assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'licensing.in-effect' AND object_id = :id")
				.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		}
	}
}
