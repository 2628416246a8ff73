package org.youguan.enforcement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.Penalty;
import org.youguan.kernel.Text;
import org.youguan.registry.PenaltyDecisionRegister;

/**
 * The penalty decisions of this module as the registry asks about them ({@link PenaltyDecisionRegister}): a revocation
 * entered by hand in the registry names a 文号, which must not be another enterprise's decision, one that revokes
 * nothing (its penalty as it stands, after any 变更), one not yet in effect — not served, or served by public notice
 * whose deemed day is ahead — or annulled since (撤销, 确认无效), nor an
 * automatic number no decision carries. Read from the cases' decisions (the
 * ordinary, on-the-spot and imported ones alike).
 */
@Component
class RegisteredDecisions implements PenaltyDecisionRegister {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DecisionNumbers numbers;

	RegisteredDecisions(JdbcClient jdbc, Clock clock, DecisionNumbers numbers) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.numbers = numbers;
	}

	@Override
	public Optional<KnownDecision> find(String decisionNumber) {
		String key = Text.identifierKey(Text.documentNumber(decisionNumber));
		if (key == null || key.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT decision_number, enterprise_credit_code, enterprise_name, penalty,"
				// in effect once served (a public notice's deemed day reached, CaseClock.decisionServed); an annulled decision
				// (撤销, 确认无效) is in effect no more; a changed one's penalty is the changed one
				+ " (" + CaseClock.DECISION_SERVED_SQL.replace("c.", "") + " OR imported) AND decision_annulled_on IS NULL AS in_effect,"
				+ " decision_annulled_on"
				+ " FROM penalty_case WHERE decision_number IS NOT NULL AND " + Text.identifierKeySql("decision_number") + " = :key"
				+ " ORDER BY id LIMIT 1")
			.param("key", key)
			.param("today", LocalDate.now(clock))
			.query((rs, i) -> new KnownDecision(rs.getString("decision_number"), rs.getString("enterprise_credit_code"),
					rs.getString("enterprise_name"), Penalty.REVOCATION.name().equals(rs.getString("penalty")),
					rs.getBoolean("in_effect"), rs.getObject("decision_annulled_on", LocalDate.class)))
			.optional();
	}

	@Override
	public boolean automaticForm(String decisionNumber) {
		return numbers.platformNumber(Text.documentNumber(decisionNumber));
	}
}
