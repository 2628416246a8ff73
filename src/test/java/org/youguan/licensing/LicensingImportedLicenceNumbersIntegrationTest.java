package org.youguan.licensing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack: the province imported a past approval under 苏邮000322, the registry's licence of another enterprise; then a
 * second new licence for the same applicant although that one counted as in force; then a renewal of a licence number
 * never issued. A past application's licence number is never another enterprise's ({@code licenceNumber}, rule
 * {@code held-by-other}, look-alikes included), every imported licence in force counts for one enterprise, one licence
 * ({@code licence-held}), and a change or renewal names a licence the applicant holds ({@code not-held}).
 */
@IntegrationTest
class LicensingImportedLicenceNumbersIntegrationTest extends LicensingFixture {

	static final String IMPORTED = "/api/v1/licensing/applications/imported";

	@Autowired
	LicenceApplications applications;

	/** A past application of {@code kind} decided {@code decidedOn} with licence {@code number} (null: none). */
	static String past(String code, String kind, LocalDate decidedOn, String number) {
		return """
				{"applicantCreditCode":"%s","applicantName":"苏州旧证快递有限公司%s","kind":"%s","scope":"省内","receivedOn":"%s",
				 "preliminaryReviewedOn":"%s","onSiteVerifiedOn":"%s","decision":"APPROVED","decidedOn":"%s","licenceNumber":%s}"""
			.formatted(code, code.substring(11, 17), kind, decidedOn.minusDays(40), decidedOn.minusDays(35), decidedOn.minusDays(30), decidedOn,
					number == null ? "null" : "\"" + number + "\"");
	}

	long importedOf(String code) {
		return jdbc.sql("SELECT count(*) FROM licence_application WHERE imported AND applicant_credit_code = :c")
			.param("c", code).query(Long.class).single();
	}

	/** Licence {@code number} in the registry, held by a new enterprise with credit code {@code code}. */
	void registered(String code, String name, String number) {
		LocalDate today = LocalDate.now(clock);
		granted(new LicenceGranted(-5, number, new EnterpriseData(name, code, EnterpriseType.EXPRESS, null, "赵他人",
				"相城区他址路2号", "320507", null, null), LicenceScope.PROVINCE, "江苏省邮政管理局", "32", today.minusYears(1),
				today.plusYears(2), false));
	}

	@Test
	void anotherEnterprisesLicenceNumberOrOneNeverIssuedIsRefusedAndAnImportedLicenceInForceCounts() throws Exception {
		String applicant = LicensingIntegrationTest.newCreditCode();
		String tail = applicant.substring(11, 17);
		LocalDate decided = LocalDate.now(clock).minusDays(60);
		String others = "快递许可-32-1998-" + tail;
		registered(LicensingIntegrationTest.newCreditCode(), "苏州他证快递有限公司" + tail, others);

		// the registry's licence of another enterprise, however typed: 409 on licenceNumber, nothing saved
		for (String typed : new String[] { others, others.replace("-", " ") }) {
			call(PROVINCE, IMPORTED, past(applicant, "NEW", decided, typed)).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("licenceNumber"))
				.andExpect(jsonPath("$.errors[0].rule").value("held-by-other"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("苏州他证快递有限公司" + tail)));
		}
		call(PROVINCE, IMPORTED, past(applicant, "RENEWAL", decided, others)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("held-by-other"));
		assertThat(importedOf(applicant)).isZero();

		// its own licence is imported; a renewal names it, not a number never issued, and names one at all
		String own = "苏邮IMP-" + tail;
		call(PROVINCE, IMPORTED, past(applicant, "NEW", decided, own)).andExpect(status().isCreated());
		call(PROVINCE, IMPORTED, past(applicant, "RENEWAL", decided.plusDays(10), "苏邮IMP-X" + tail)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("licenceNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-held"));
		call(PROVINCE, IMPORTED, past(applicant, "RENEWAL", decided.plusDays(10), null)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("licenceNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
		assertThat(importedOf(applicant)).isEqualTo(1);
		call(PROVINCE, IMPORTED, past(applicant, "RENEWAL", decided.plusDays(10), own.toLowerCase())).andExpect(status().isCreated());
		assertThat(importedOf(applicant)).isEqualTo(2);

		// the imported licence in force counts for one licence even once the registry holds its number for another
		// enterprise (data brought in before this check): a second new licence is refused naming it
		registered(LicensingIntegrationTest.newCreditCode(), "苏州同号快递有限公司" + tail, own);
		call(PROVINCE, IMPORTED, past(applicant, "NEW", decided.plusDays(20), "苏邮IMP-N" + tail)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].rule").value("licence-held"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(own)));
		assertThat(importedOf(applicant)).isEqualTo(2);
	}

	/**
	 * A 许可证编号 staff type — a past approval's, or the licence to cancel — is written only with what licence numbers
	 * are written with (rule {@code licence-number}, the message naming the field): markup, quotes and semicolons were
	 * taken as a number (an import kept it, a cancellation looked it up and echoed it); hidden characters and an
	 * over-long number are refused too. Nothing is saved.
	 */
	@Test
	void aLicenceNumberTypedWithMarkupOrHiddenCharactersIsRefusedNamingTheField() throws Exception {
		String applicant = LicensingIntegrationTest.newCreditCode();
		String tail = applicant.substring(11, 17);
		LocalDate decided = LocalDate.now(clock).minusDays(60);
		for (String bad : new String[] { "苏邮<b>" + tail + "</b>", "苏邮\\\"" + tail, "苏邮" + tail + ";1" }) {
			call(PROVINCE, IMPORTED, past(applicant, "NEW", decided, bad)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("licenceNumber"))
				.andExpect(jsonPath("$.errors[0].rule").value("licence-number"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("许可证编号只能由")));
			call(PROVINCE, "/api/v1/licensing/licences/cancellation", """
					{"number":"%s","ground":"STOPPED"}""".formatted(bad)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("number"))
				.andExpect(jsonPath("$.errors[0].rule").value("licence-number"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("许可证编号只能由")));
		}
		for (String bad : new String[] { "苏邮\\u200B" + tail, "苏邮" + "1".repeat(61) }) {
			call(PROVINCE, IMPORTED, past(applicant, "NEW", decided, bad)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("licenceNumber"));
		}
		assertThat(importedOf(applicant)).isZero();
	}

	/**
	 * A renewal imported from a bureau's history with its licence number typed in full-width digits and spaces is stored
	 * as the licence is written on record; and a number stored as typed (before V267) is still found as that licence by
	 * the queries on its renewals (here: a renewal accepted before expiry keeps the licence running, 视为准予延续).
	 */
	@Test
	void anImportedLicenceNumberIsStoredAsOnRecordAndATypedOneIsFoundByItsKey() throws Exception {
		String holder = LicensingIntegrationTest.newCreditCode();
		String tail = holder.substring(11, 17);
		String onRecord = "苏邮XK" + tail;
		registered(holder, "苏州键比快递有限公司" + tail, onRecord);
		StringBuilder typed = new StringBuilder("苏邮 xk ");
		for (char c : tail.toCharArray()) {
			typed.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : Character.toLowerCase(c));
		}
		call(PROVINCE, IMPORTED, past(holder, "RENEWAL", LocalDate.now(clock).minusDays(200), typed.toString()))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT licence_number FROM licence_application WHERE imported AND applicant_credit_code = :c")
			.param("c", holder).query(String.class).single()).isEqualTo(onRecord);

		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate expires = LocalDate.now(clock).plusDays(75);
		String number = licensedUntil(code, "苏州键比延续快递有限公司" + RandomDigits.of(4), expires);
		long id = LicensingIntegrationTest.id(submitted("RENEWAL", code, "").andExpect(status().isCreated()));
		verified(id);
		jdbc.sql("UPDATE licence_application SET licence_number = :typed WHERE id = :id")
			.param("typed", " " + number.replace("-", " ")).param("id", id).update();
		assertThat(applications.deemedRenewedUntil(number, expires)).isPresent();
	}

	/**
	 * An imported new licence in force counts as the licence its enterprise holds (one licence, the registry's pending
	 * grants) by its number: one without a number is refused on {@code licenceNumber} (rule {@code required}) rather than
	 * taken as a licence that counts nowhere; an expired one counts for nothing and may come without it.
	 */
	@Test
	void anImportedNewLicenceInForceCarriesItsNumberAndAnExpiredOneNeedNot() throws Exception {
		String applicant = LicensingIntegrationTest.newCreditCode();
		call(PROVINCE, IMPORTED, past(applicant, "NEW", LocalDate.now(clock).minusDays(60), null)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("licenceNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
		assertThat(importedOf(applicant)).isZero();
		call(PROVINCE, IMPORTED, past(applicant, "NEW", LocalDate.now(clock).minusYears(6), null)).andExpect(status().isCreated());
		assertThat(importedOf(applicant)).isEqualTo(1);
	}
}
