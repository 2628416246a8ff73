package org.youguan.inspections;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.enforcement.CaseInvestigation.Member;
import org.youguan.enforcement.PenaltyCases.Investigator;
import org.youguan.enforcement.internal.CaseTeam;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Validation;
import org.youguan.licensing.LicenceApplications;
import org.youguan.org.Bureaus;
import org.youguan.platform.ChinaTime;
import org.youguan.platform.CopiedIdentifiers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of a normalised identifier are written as the original: a renewal reminder recorded under the licence number
 * as typed before V234 is the reminder of the number written now (V235 rewrites it, so it is not sent a second time);
 * a case team's 执法证号 typed in full-width or lower-case letters is the roster's certificate and stored in its form,
 * and copies stored as typed before (a case's investigators, an inspection record's team) are rewritten by V235.
 */
@IntegrationTest
class IdentifierCopiesIntegrationTest {

	@Autowired
	LicenceApplications applications;

	@Autowired
	List<CopiedIdentifiers> copies;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inspectors inspectors;

	@Autowired
	Bureaus bureaus;

	@Autowired
	CaseTeam caseTeam;

	void runV235() throws Exception {
		try (Connection c = dataSource.getConnection()) {
			for (CopiedIdentifiers module : copies) {
				module.normalise(c);
			}
		}
	}

	@Test
	void aReminderRecordedUnderTheNumberAsTypedIsNotSentAgain() throws Exception {
		applications.remindRenewals();
		List<String> sent = jdbc.sql("""
				SELECT r.licence_number FROM licence_renewal_reminder r
				WHERE r.licence_number ~ '[0-9]' AND EXISTS (SELECT 1 FROM licence_application a
				    WHERE a.licence_number = r.licence_number AND a.status = 'APPROVED')
				ORDER BY r.sent_on DESC, r.licence_number LIMIT 1""").query(String.class).list();
		assertThat(sent).as("the demo has a licence reminded of its renewal").hasSize(1);
		String number = sent.get(0);
		long reminders = jdbc.sql("SELECT count(*) FROM licence_renewal_reminder WHERE licence_number = :n")
			.param("n", number).query(Long.class).single();
		// as V234 left it: the application's number rewritten, the reminder's as it was typed
		jdbc.sql("UPDATE licence_renewal_reminder SET licence_number = :typed WHERE licence_number = :n")
			.param("typed", InspectorCertificateIntegrationTest.fullWidth(number)).param("n", number).update();

		runV235();

		assertThat(jdbc.sql("SELECT count(*) FROM licence_renewal_reminder WHERE licence_number = :n").param("n", number)
			.query(Long.class).single()).isEqualTo(reminders);
		assertThat(applications.remindRenewals()).as("the reminders sent are recognised under the written number").isZero();
	}

	@Test
	void aCaseTeamMemberTypedInFullWidthOrLowerCaseIsTheRostersCertificate() throws Exception {
		long bureau = bureaus.findByRegion("3205").orElseThrow().id();
		LocalDate until = LocalDate.now(ChinaTime.ZONE).plusYears(1);
		String first = "sz" + UUID.randomUUID().toString().substring(0, 8);
		String second = "sz" + UUID.randomUUID().toString().substring(0, 8);
		long one = inspectors.register(DataScope.region("3205"), new Inspectors.InspectorData(bureau, null, "甲检查", first, until, null));
		long two = inspectors.register(DataScope.region("3205"), new Inspectors.InspectorData(bureau, null, "乙检查",
				second.toUpperCase(Locale.ROOT), until, null));
		assertThat(inspectors.findByCertificate(first.toUpperCase(Locale.ROOT))).map(i -> i.id()).contains(one);

		Validation v = new Validation();
		List<Investigator> team = caseTeam.team(v, "investigators",
				List.of(new Member("甲检查", InspectorCertificateIntegrationTest.fullWidth(first)), new Member("乙检查", second)), "320506", DataScope.region("3205"));
		assertThat(v.errors()).isEmpty();
		assertThat(team).extracting(Investigator::inspectorId).containsExactly(one, two);
		assertThat(team).extracting(Investigator::certificateNumber)
			.containsExactly(first.toUpperCase(Locale.ROOT), second.toUpperCase(Locale.ROOT));

		Validation twice = new Validation();
		caseTeam.team(twice, "investigators", List.of(new Member("甲检查", first), new Member("甲检查", InspectorCertificateIntegrationTest.fullWidth(first))),
			"320506", DataScope.region("3205"));
		assertThat(twice.errors()).extracting(e -> e.rule()).contains("duplicate");
	}

	@Test
	void teamCertificatesStoredAsTypedAreRewrittenAsTheRosters() throws Exception {
		record Row(long key, int position, String certificate) {
		}
		Row investigator = jdbc.sql("""
				SELECT case_id, position, certificate_number FROM penalty_case_investigator
				ORDER BY case_id DESC, position LIMIT 1""")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3))).single();
		Row inspector = jdbc.sql("""
				SELECT record_id, position, certificate_number FROM inspection_record_inspector
				ORDER BY record_id DESC, position LIMIT 1""")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3))).single();
		jdbc.sql("UPDATE penalty_case_investigator SET certificate_number = :c WHERE case_id = :k AND position = :p")
			.param("c", InspectorCertificateIntegrationTest.fullWidth(investigator.certificate().toLowerCase(Locale.ROOT)) + "\u3000").param("k", investigator.key())
			.param("p", investigator.position()).update();
		jdbc.sql("UPDATE inspection_record_inspector SET certificate_number = :c WHERE record_id = :k AND position = :p")
			.param("c", " " + InspectorCertificateIntegrationTest.fullWidth(inspector.certificate().toLowerCase(Locale.ROOT))).param("k", inspector.key())
			.param("p", inspector.position()).update();

		runV235();

		assertThat(jdbc.sql("SELECT certificate_number FROM penalty_case_investigator WHERE case_id = :k AND position = :p")
			.param("k", investigator.key()).param("p", investigator.position()).query(String.class).single())
			.isEqualTo(Inspectors.certificateNumber(investigator.certificate()));
		assertThat(jdbc.sql("SELECT certificate_number FROM inspection_record_inspector WHERE record_id = :k AND position = :p")
			.param("k", inspector.key()).param("p", inspector.position()).query(String.class).single())
			.isEqualTo(Inspectors.certificateNumber(inspector.certificate()));
	}
}
