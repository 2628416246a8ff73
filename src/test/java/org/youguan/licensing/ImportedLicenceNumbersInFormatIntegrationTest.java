package org.youguan.licensing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.licensing.LicenceApplications.LicenceNumbersNormalised;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Licence numbers of past applications imported before the registry's format was checked on import: one whose form
 * is certain (full-width digits, lower-case letters, spaces) is written in the format — in the grant's row, its
 * renewal's row and the renewal reminder sent under it alike —; one with no certain form (an underscore) is left as
 * stored and reported by its application's own number, never the licence number.
 */
@IntegrationTest
class ImportedLicenceNumbersInFormatIntegrationTest {

	@Autowired
	LicenceApplications applications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNumberOfCertainFormIsWrittenInTheFormatAndTheOthersAreReported() {
		String digits = RandomDigits.of(6);
		// as stored before the format was checked on import: NFKC already, so the full-width digits typed are ASCII here
		// only once Text.identifier wrote them; one row kept as typed in full width
		String typed = "苏邮 t" + digits.substring(0, 3) + " " + fullWidth(digits.substring(3));
		String code = "91320506" + RandomDigits.of(9) + "X";
		String grant = insert(code, "NEW", typed);
		String renewal = insert(code, "RENEWAL", typed);
		LocalDate until = LocalDate.of(2030, 1, 1);
		jdbc.sql("INSERT INTO licence_renewal_reminder (licence_number, valid_until, days_before, sent_on) VALUES (:n, :u, 90, :s)")
			.param("n", typed).param("u", until).param("s", until.minusDays(90)).update();
		String bad = "苏邮_" + RandomDigits.of(6);
		String left = insert("91320506" + RandomDigits.of(9) + "X", "NEW", bad);

		LicenceNumbersNormalised done = applications.normaliseImportedLicenceNumbers();

		String written = "苏邮T" + digits;
		assertThat(licenceNumber(grant)).isEqualTo(written);
		assertThat(licenceNumber(renewal)).isEqualTo(written);
		assertThat(jdbc.sql("SELECT licence_number FROM licence_renewal_reminder WHERE valid_until = :u AND licence_number IN (:n)")
			.param("u", until).param("n", java.util.List.of(typed, written)).query(String.class).list()).containsExactly(written);
		assertThat(licenceNumber(left)).as("no certain form: kept as stored").isEqualTo(bad);
		assertThat(done.unfixable()).contains(left).doesNotContain(grant, renewal, bad);
		assertThat(done.rewritten()).isPositive();

		assertThat(applications.normaliseImportedLicenceNumbers().rewritten()).as("a second run finds nothing to rewrite").isZero();
		// finding stat50-6: done once — the mark cleared on what was written, kept on the one left for a person
		assertThat(due(grant)).isFalse();
		assertThat(due(renewal)).isFalse();
		assertThat(due(left)).as("reported again at the next start").isTrue();
	}

	/** An application imported since the import checks the format (unmarked) is not read again at every start. */
	@Test
	void anApplicationNotMarkedIsNotReadAtStart() {
		String bad = "苏邮_" + RandomDigits.of(6);
		String unmarked = insert("91320506" + RandomDigits.of(9) + "X", "NEW", bad, false);
		assertThat(applications.normaliseImportedLicenceNumbers().unfixable()).doesNotContain(unmarked);
		assertThat(licenceNumber(unmarked)).isEqualTo(bad);
	}

	private boolean due(String application) {
		return jdbc.sql("SELECT licence_number_format_due FROM licence_application WHERE number = :n").param("n", application)
			.query(Boolean.class).single();
	}

	private static String fullWidth(String ascii) {
		StringBuilder out = new StringBuilder();
		ascii.chars().forEach(c -> out.append((char) (c - '0' + '０')));
		return out.toString();
	}

	private String licenceNumber(String application) {
		return jdbc.sql("SELECT licence_number FROM licence_application WHERE number = :n").param("n", application)
			.query(String.class).single();
	}

	/**
	 * A past application as imported before the format was checked (2009: a year no figures test counts, the rows
	 * staying in the shared database), marked as V286 marks those.
	 */
	private String insert(String code, String kind, String licence) {
		return insert(code, kind, licence, true);
	}

	private String insert(String code, String kind, String licence, boolean due) {
		String number = "许可申请-T-" + RandomDigits.of(10);
		jdbc.sql("""
				INSERT INTO licence_application (number, kind, channel, applicant_credit_code, applicant_name,
				    applicant_registered, scope, approving_level, region_code, status, submitted_on, decided_on, decision,
				    licence_number, valid_from, valid_until, imported, created_by, created_at, updated_at,
				    licence_number_format_due)
				VALUES (:number, :kind, 'IMPORTED', :code, '测试编号快递有限公司', FALSE, 'CITY', 'PROVINCE', '320506', 'APPROVED',
				    DATE '2009-03-02', DATE '2009-04-01', 'APPROVED', :licence, DATE '2009-04-01', DATE '2014-03-31', TRUE,
				    'test', now(), now(), :due)""")
			.param("number", number).param("kind", kind).param("code", code).param("licence", licence).param("due", due)
			.update();
		return number;
	}
}
