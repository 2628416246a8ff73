package org.youguan.enforcement.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.Penalty;
import org.youguan.kernel.Text;
import org.youguan.registry.PenaltyDecisionRegister;

/**
 * The penalty decisions of this module as the registry asks about them ({@link PenaltyDecisionRegister}): a revocation
 * entered by hand in the registry names a 文号, which must not be another enterprise's decision, one that revokes
 * nothing, one not yet in effect, nor an automatic number no decision carries. Read from the cases' decisions (the
 * ordinary, on-the-spot and imported ones alike).
 */
@Component
class RegisteredDecisions implements PenaltyDecisionRegister {

	private final JdbcClient jdbc;

	RegisteredDecisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<KnownDecision> find(String decisionNumber) {
		String key = Text.identifierKey(Text.documentNumber(decisionNumber));
		if (key == null || key.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT decision_number, enterprise_credit_code, enterprise_name, penalty,"
				+ " delivered_on IS NOT NULL OR imported AS in_effect"
				+ " FROM penalty_case WHERE decision_number IS NOT NULL AND " + Text.identifierKeySql("decision_number") + " = :key"
				+ " ORDER BY id LIMIT 1")
			.param("key", key)
			.query((rs, i) -> new KnownDecision(rs.getString("decision_number"), rs.getString("enterprise_credit_code"),
					rs.getString("enterprise_name"), Penalty.REVOCATION.name().equals(rs.getString("penalty")),
					rs.getBoolean("in_effect")))
			.optional();
	}

	@Override
	public boolean automaticForm(String decisionNumber) {
		return DecisionNumbers.automaticForm(Text.documentNumber(decisionNumber));
	}
}
