package org.youguan.licensing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.notifications.Notifications;
import org.youguan.registry.Licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo city's licence applications: one in every state, the approved one's licence recorded by the registry (from
 * the decision's event) and verifiable, and a past licence whose renewal is due within 90 days.
 */
@IntegrationTest
class LicensingDemoIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Licences licences;

	@Autowired
	LicenceVerification verification;

	@Autowired
	MutableClock clock;

	@Autowired
	LicenceApplications applications;

	@Autowired
	Notifications notifications;

	@Autowired
	AnnualReports annualReports;

	@Test
	void lastYearsAnnualReportsArePartlyFiledAndShownOnTheRegistry() {
		int year = LocalDate.now(clock).getYear() - 1;
		assertThat(jdbc.sql("SELECT count(*) FROM annual_report WHERE year = :y AND channel = 'PAPER'").param("y", year)
			.query(Long.class).single()).isPositive();
		assertThat(annualReports.outstanding(DataScope.region("3205"), "", year)).anyMatch(o -> o.state().equals("MISSING"));
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM enterprise_annual_report WHERE year = :y")
			.param("y", year).query(Long.class).single() > 0);
	}

	@Test
	void aLicenceWithin90DaysOfExpiryIsRemindedOnceAndItsHolderIsNotified() {
		String first17 = "91320500MA1LY0009";
		String holder = first17 + CreditCode.checkCharacter(first17);
		// another test may have run the daily job on the shared database first: the reminder is then already recorded
		applications.remindRenewals();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM licence_renewal_reminder r JOIN licence_application a ON a.licence_number = r.licence_number
				WHERE a.applicant_credit_code = :holder AND r.days_before = 60""").param("holder", holder).query(Long.class)
			.single()).isPositive();
		assertThat(applications.remindRenewals()).as("once per threshold").isZero();
		await().atMost(Duration.ofSeconds(60)).until(() -> notifications.recent(DataScope.enterprise(holder), null, 20).stream()
			.anyMatch(n -> n.title().contains("申请延续") && n.title().contains("到期前60日")));
	}

	@Test
	void theDemoHasApplicationsInEveryStateAnApprovedOneWithItsELicenceAndARenewalDue() {
		List<String> states = jdbc.sql("SELECT DISTINCT status FROM licence_application WHERE created_by LIKE '%邮政管理局' OR created_by IN ('demo', '顺丰吴中营业部')")
			.query(String.class).list();
		for (ApplicationStatus s : ApplicationStatus.values()) {
			assertThat(states).as("a demo application " + s.label()).contains(s.name());
		}
		var approved = jdbc.sql("SELECT licence_number, verification_code FROM licence_application WHERE created_by = '苏州市邮政管理局'"
				+ " AND status = 'APPROVED' AND NOT imported").query((rs, i) -> List.of(rs.getString(1), rs.getString(2))).single();
		await().atMost(Duration.ofSeconds(60)).until(() -> licences.findByNumber(DataScope.all(), approved.get(0)).isPresent());
		assertThat(verification.verify(approved.get(0), approved.get(1)).valid()).isTrue();
		LocalDate today = LocalDate.now(clock);
		assertThat(jdbc.sql("SELECT count(*) FROM licence_application WHERE valid_until BETWEEN :today AND :soon")
			.param("today", today).param("soon", today.plusDays(90)).query(Long.class).single()).isPositive();
	}
}
