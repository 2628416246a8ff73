package org.youguan.registry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the registry asks of the platform's penalty decisions when a revocation (吊销) is entered by hand naming a
 * decision's 文号 ({@link Licences#revoke}): whether the platform made that decision, against whom, whether it revokes the
 * licence and whether it took effect (行政处罚法(2021) art.61, delivery). Declared here and implemented by the module that
 * makes penalty decisions, so the registry reads them without depending on it (the registry is master data; the
 * procedures depend on it, never the other way); without an implementation no 文号 is known.
 */
public interface PenaltyDecisionRegister {

	/**
	 * The decision on the platform whose 文号 is {@code decisionNumber}, compared as every identifier is (letter case,
	 * spaces, dashes, underscores and the document-number forms folded: {@code kernel.Text.identifierKey}).
	 * @param decisionNumber a 文号 as typed
	 * @return the decision, or empty when the platform has none of that number
	 */
	Optional<KnownDecision> find(String decisionNumber);

	/**
	 * Whether {@code decisionNumber} is a 文号 the platform gives its penalty decisions itself: the earlier form
	 * (行政处罚决定-地区-年份-序号, 当场处罚-…), or the official form (苏吴邮管罚〔2026〕3号) of an on-platform bureau's
	 * series that has reached its sequence: such a number not {@link #find found} names no decision, on the platform or
	 * off it.
	 */
	boolean automaticForm(String decisionNumber);

	/**
	 * A penalty decision on the platform as the registry needs it.
	 * @param decisionNumber its 文号 as kept
	 * @param enterpriseCreditCode the party's 统一社会信用代码
	 * @param enterpriseName the party's name as in the decision
	 * @param revokesLicence whether its penalty is 吊销许可证件 — as it stands: a penalty changed (变更) by 复议, 诉讼 or the
	 *        bureau's correction is the changed one
	 * @param inEffect whether it is in effect: it took effect (delivered, on the spot or off the platform for an imported
	 *        one) and was not annulled since
	 * @param annulledOn the day it was revoked (撤销) or confirmed invalid (确认无效) by 复议, 诉讼 or the bureau's own
	 *        correction (行政处罚法(2021) art.75, 行政复议法(2023) art.64, 67), or null: an annulled decision is in
	 *        effect no more
	 */
	record KnownDecision(String decisionNumber, String enterpriseCreditCode, String enterpriseName, boolean revokesLicence,
			boolean inEffect, LocalDate annulledOn) {
	}
}
