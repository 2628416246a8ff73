package org.youguan.enforcement;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data is consistent about who heads the bureaus handling its cases and leads: every such bureau has a 局领导
 * account, with an API token as the other demo heads have, and a case names its own bureau's head — never a head that
 * has no account (行政处罚法(2021) art.57: the handling bureau's own head takes the head-only steps).
 */
@IntegrationTest
class DemoHeadsIntegrationTest {

	/** The bureau handling a row of {@code region}: the one whose region is the longest prefix of it. */
	static final String HANDLING = """
			(SELECT b.id FROM bureau b WHERE %s LIKE b.region_code || '%%' ORDER BY length(b.region_code) DESC LIMIT 1)""";

	/** The display names of the 局领导 accounts of a bureau (bound as {@code b.id}). */
	static final String HEADS = """
			SELECT u.display_name FROM user_account u JOIN user_role r ON r.user_account = u.id
			WHERE r.role = 'BUREAU_LEADER' AND u.kind = 'STAFF' AND u.enabled AND u.bureau_id = %s""";

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyBureauWithDemoCasesOrLeadsHasAHeadAccountWithATokenAndItsCasesNameIt() {
		List<String> headless = jdbc.sql("""
				SELECT DISTINCT x.region FROM (
				    SELECT region_code AS region FROM penalty_case WHERE demo
				    UNION SELECT region_code FROM penalty_lead WHERE demo) x
				WHERE NOT EXISTS (%s)""".formatted(HEADS.formatted(HANDLING.formatted("x.region"))))
			.query(String.class).list();
		assertThat(headless).as("regions of demo cases or leads whose handling bureau has no 局领导 account").isEmpty();

		List<String> withoutToken = jdbc.sql("""
				SELECT DISTINCT b.name FROM penalty_case c JOIN bureau b ON b.id = %s
				WHERE c.demo AND NOT EXISTS (
				    SELECT 1 FROM user_account u JOIN user_role r ON r.user_account = u.id JOIN api_token t ON t.user_account = u.id
				    WHERE r.role = 'BUREAU_LEADER' AND u.bureau_id = b.id)""".formatted(HANDLING.formatted("c.region_code")))
			.query(String.class).list();
		assertThat(withoutToken).as("handling bureaus whose head has no demo API token").isEmpty();

		List<String> strangers = jdbc.sql("""
				SELECT c.number || ' ' || n.head FROM penalty_case c
				CROSS JOIN LATERAL (VALUES (c.filing_approved_by), (c.decided_by), (c.extension_approved_by),
				    (c.payment_arranged_by)) n (head)
				WHERE c.demo AND n.head IS NOT NULL AND n.head NOT IN (%s)"""
			.formatted(HEADS.formatted(HANDLING.formatted("c.region_code"))))
			.query(String.class).list();
		assertThat(strangers).as("demo cases naming a head who is not their handling bureau's").isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE demo AND filing_approved_by IS NOT NULL")
			.query(Long.class).single()).isPositive();
	}
}
