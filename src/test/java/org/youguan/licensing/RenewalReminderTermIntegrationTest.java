package org.youguan.licensing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renewal reminder counts the term the licence runs to after the renewals in effect only: a renewal approved but
 * never in effect (the registry did not apply it, {@code not_in_effect_on}) does not move the expiry past the
 * reminder's window, so the holder is still reminded — at the term it is reminded of.
 */
@IntegrationTest
class RenewalReminderTermIntegrationTest {

	@Autowired
	LicenceApplications applications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aRenewalNeverInEffectDoesNotHoldTheReminderBack() {
		LocalDate today = LocalDate.now(clock);
		String code = "91320506" + RandomDigits.of(9) + "X";
		String licence = "苏邮T" + RandomDigits.of(8);
		LocalDate expiry = today.plusDays(50);
		insert(code, licence, "NEW", expiry, null);
		// approved, then never in effect: the licence ended before the registry heard the decision
		insert(code, licence, "RENEWAL", expiry.plusYears(5), today.minusDays(1));

		applications.remindRenewals();

		assertThat(jdbc.sql("SELECT valid_until FROM licence_renewal_reminder WHERE licence_number = :n AND days_before = 90")
			.param("n", licence).query(LocalDate.class).list()).containsExactly(expiry);
	}

	/**
	 * The open renewal that holds a reminder back is one of that licence: an enterprise renewing one of its two licences
	 * is still reminded of the other (the check matched the holder's credit code, and the second licence went unreminded).
	 */
	@Test
	void anOpenRenewalOfOneLicenceDoesNotHoldBackTheOthersReminder() {
		LocalDate today = LocalDate.now(clock);
		String code = "91320506" + RandomDigits.of(9) + "X";
		String renewing = "苏邮T" + RandomDigits.of(8);
		String other = "苏邮T" + RandomDigits.of(8);
		insert(code, renewing, "NEW", today.plusDays(50), null);
		insert(code, other, "NEW", today.plusDays(55), null);
		insert(code, renewing, "RENEWAL", "SUBMITTED", null, null);

		applications.remindRenewals();

		assertThat(jdbc.sql("SELECT DISTINCT licence_number FROM licence_renewal_reminder WHERE licence_number IN (:a, :b)")
			.param("a", renewing).param("b", other).query(String.class).list())
			.as("the licence under renewal is not reminded, the other one is").containsExactly(other);
	}

	/** An approved application of {@code kind}, received and decided in 2009 (a year no figures test counts). */
	private void insert(String code, String licence, String kind, LocalDate until, LocalDate notInEffect) {
		insert(code, licence, kind, "APPROVED", until, notInEffect);
	}

	/** An application of {@code kind} in {@code status}; one not approved has no term ({@code until} null). */
	private void insert(String code, String licence, String kind, String status, LocalDate until, LocalDate notInEffect) {
		jdbc.sql("""
				INSERT INTO licence_application (number, kind, channel, applicant_credit_code, applicant_name,
				    applicant_registered, scope, approving_level, region_code, status, submitted_on, decided_on, decision,
				    licence_number, valid_from, valid_until, imported, not_in_effect_on, created_by, created_at, updated_at)
				VALUES (:number, :kind, 'IMPORTED', :code, '测试续期快递有限公司', FALSE, 'CITY', 'PROVINCE', '320506', :status,
				    DATE '2009-03-02', :decidedOn, :decision, :licence, :from, :until, TRUE, :notInEffect, 'test', now(),
				    now())""")
			.param("number", "许可申请-T-" + RandomDigits.of(10)).param("kind", kind).param("code", code)
			.param("licence", licence).param("status", status)
			.param("decidedOn", "APPROVED".equals(status) ? LocalDate.of(2009, 4, 1) : null)
			.param("decision", "APPROVED".equals(status) ? "APPROVED" : null)
			.param("from", until == null ? null : until.minusYears(5)).param("until", until).param("notInEffect", notInEffect).update();
	}
}
