package org.youguan.complaints;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city's past complaints read as the procedure would have left them (attack: 逾期答复 was a random 5% flag
 * whatever the dates, some were closed before the reply, and none had a public history, so a status page showed
 * nothing — not even a refusal's condition): lateness from the dates and the working-day calendar, closure after the
 * reply, and the history lines the steps write.
 */
@IntegrationTest
class ComplaintDemoDataIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatutoryRules rules;

	record Replied(String regionCode, LocalDate transferredOn, LocalDate repliedOn, boolean replyLate) {
	}

	@Test
	void aDemoReplyIsLateExactlyWhenItCameAfterItsDueDateAndNoneIsClosedBeforeItsReply() {
		List<Replied> replied = jdbc.sql("""
				SELECT region_code, transferred_on, replied_on, reply_late FROM complaint
				WHERE demo AND status = 'CLOSED' AND replied_on IS NOT NULL""")
			.query((rs, i) -> new Replied(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
					rs.getBoolean(4)))
			.list();
		assertThat(replied).hasSizeGreaterThan(100);
		for (Replied r : replied) {
			LocalDate due = rules.deadline(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, r.transferredOn(), r.regionCode().substring(0, 6));
			// a late reply came after the 7 days at least; one on time by its due date (which a holiday notice loaded
			// by another test since may only have moved later)
			if (r.replyLate()) {
				assertThat(r.repliedOn()).as("%s", r).isAfter(r.transferredOn().plusDays(7));
			}
			else {
				assertThat(r.repliedOn()).as("%s", r).isBeforeOrEqualTo(due);
			}
		}
		assertThat(replied).anyMatch(Replied::replyLate).anyMatch(r -> !r.replyLate());
		assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE demo AND closed_on < replied_on").query(Long.class).single())
			.isZero();
	}

	@Test
	void everyDemoComplaintHasItsPublicHistoryARefusalWithItsCondition() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM complaint c WHERE c.demo
				AND NOT EXISTS (SELECT 1 FROM complaint_event e WHERE e.complaint_id = c.id)""").query(Long.class).single())
			.isZero();
		List<String[]> refusals = jdbc.sql("""
				SELECT c.rejection_condition, e.public_text FROM complaint c JOIN complaint_event e ON e.complaint_id = c.id
				WHERE c.demo AND c.status = 'REJECTED' AND e.status = 'REJECTED'""")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		assertThat(refusals).isNotEmpty();
		for (String[] r : refusals) {
			assertThat(r[1]).contains("不予受理").contains(AcceptanceCondition.valueOf(r[0]).label());
		}
		// a closed one's history runs from receipt to closure, in order
		assertThat(jdbc.sql("""
				SELECT string_agg(e.status, ',' ORDER BY e.occurred_at, e.id) FROM complaint_event e
				WHERE e.complaint_id = (SELECT min(id) FROM complaint WHERE demo AND status = 'CLOSED')""")
			.query(String.class).single()).isEqualTo("RECEIVED,TRANSFERRED,REPLIED,CALLBACK,CLOSED");
	}
}
