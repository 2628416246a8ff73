package org.youguan.enforcement.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.youguan.enforcement.CaseStatus;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.youguan.enforcement.CaseStatus.CLOSED;
import static org.youguan.enforcement.CaseStatus.DECIDED;
import static org.youguan.enforcement.CaseStatus.DELIVERED;
import static org.youguan.enforcement.CaseStatus.EXECUTED;
import static org.youguan.enforcement.CaseStatus.FILED;
import static org.youguan.enforcement.CaseStatus.HEARING;
import static org.youguan.enforcement.CaseStatus.INVESTIGATED;
import static org.youguan.enforcement.CaseStatus.INVESTIGATING;
import static org.youguan.enforcement.CaseStatus.NOTIFIED;
import static org.youguan.enforcement.CaseStatus.NOT_PENALIZED;
import static org.youguan.enforcement.CaseStatus.TRANSFERRED;
import static org.youguan.enforcement.CaseStatus.WITHDRAWN;

/**
 * The procedure's one transition table: every step from every state it may start from leads where the law says, and
 * every other pair — each illegal transition — is refused with a 409 naming the state and the step.
 */
class CaseStepTest {

	/** The table as the law reads (行政处罚法(2021) ch.5), written out independently of the enum. */
	static final Map<CaseStep, Set<CaseStatus>> ALLOWED = Map.ofEntries(
			Map.entry(CaseStep.START_INVESTIGATION, EnumSet.of(FILED)),
			Map.entry(CaseStep.CHANGE_TEAM, EnumSet.of(INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
			Map.entry(CaseStep.ADD_EVIDENCE, EnumSet.of(INVESTIGATING)),
			Map.entry(CaseStep.CONCLUDE_INVESTIGATION, EnumSet.of(INVESTIGATING)),
			Map.entry(CaseStep.REVIEW, EnumSet.of(INVESTIGATED, HEARING)),
			Map.entry(CaseStep.NOTIFY, EnumSet.of(INVESTIGATED)),
			Map.entry(CaseStep.RECORD_STATEMENT, EnumSet.of(NOTIFIED, HEARING)),
			Map.entry(CaseStep.REQUEST_HEARING, EnumSet.of(NOTIFIED)),
			Map.entry(CaseStep.WAIVE_HEARING, EnumSet.of(NOTIFIED, HEARING)),
			Map.entry(CaseStep.NOTICE_HEARING, EnumSet.of(HEARING)),
			Map.entry(CaseStep.HOLD_HEARING, EnumSet.of(HEARING)),
			Map.entry(CaseStep.RETURN_TO_INVESTIGATION, EnumSet.of(NOTIFIED, HEARING)),
			Map.entry(CaseStep.DECIDE, EnumSet.of(NOTIFIED, HEARING)),
			Map.entry(CaseStep.NOT_PENALIZE, EnumSet.of(INVESTIGATED, NOTIFIED, HEARING)),
			Map.entry(CaseStep.DELIVER, EnumSet.of(DECIDED)),
			Map.entry(CaseStep.DELIVER_NO_PENALTY, EnumSet.of(NOT_PENALIZED)),
			Map.entry(CaseStep.PAY, EnumSet.of(DELIVERED)),
			Map.entry(CaseStep.HAND_OVER, EnumSet.of(DELIVERED, EXECUTED)),
			Map.entry(CaseStep.CLOSE, EnumSet.of(DELIVERED, EXECUTED)),
			Map.entry(CaseStep.RECORD_OUTCOME, EnumSet.of(DECIDED, DELIVERED, EXECUTED, CLOSED)),
			Map.entry(CaseStep.WITHDRAW, EnumSet.of(FILED, INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
			Map.entry(CaseStep.TRANSFER, EnumSet.of(FILED, INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
			Map.entry(CaseStep.ARRANGE_PAYMENT, EnumSet.of(DELIVERED)),
			Map.entry(CaseStep.EXTEND, EnumSet.of(FILED, INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
			Map.entry(CaseStep.SUSPEND, EnumSet.of(FILED, INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
			Map.entry(CaseStep.RESUME, EnumSet.of(FILED, INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
			Map.entry(CaseStep.PUBLISH, EnumSet.of(DECIDED, DELIVERED, EXECUTED, CLOSED)),
			Map.entry(CaseStep.WITHDRAW_PUBLICATION, EnumSet.of(DECIDED, DELIVERED, EXECUTED, CLOSED)));

	@Test
	void theTableCoversEveryStep() {
		assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(CaseStep.values());
		for (CaseStep step : CaseStep.values()) {
			assertThat(step.allowedFrom()).as(step.name()).isEqualTo(ALLOWED.get(step));
		}
	}

	@Test
	void everyIllegalTransitionIsRefused() {
		int refused = 0;
		for (CaseStep step : CaseStep.values()) {
			for (CaseStatus status : CaseStatus.values()) {
				if (ALLOWED.get(step).contains(status)) {
					continue;
				}
				assertThatThrownBy(() -> step.from(status)).as(step + " from " + status)
					.isInstanceOf(DomainException.class)
					.hasMessageContaining(status.label())
					.hasMessageContaining(step.label())
					.satisfies(ex -> assertThat(((DomainException) ex).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
				refused++;
			}
		}
		assertThat(refused).isEqualTo(CaseStep.values().length * CaseStatus.values().length
				- ALLOWED.values().stream().mapToInt(Set::size).sum());
	}

	@Test
	void theMainPathLeadsFromFilingToClosure() {
		CaseStatus s = FILED;
		for (CaseStep step : new CaseStep[] { CaseStep.START_INVESTIGATION, CaseStep.CONCLUDE_INVESTIGATION,
				CaseStep.REVIEW, CaseStep.NOTIFY, CaseStep.REQUEST_HEARING, CaseStep.HOLD_HEARING, CaseStep.REVIEW,
				CaseStep.DECIDE, CaseStep.DELIVER, CaseStep.PAY, CaseStep.CLOSE }) {
			s = step.from(s);
		}
		assertThat(s).isEqualTo(CLOSED);
	}

	@Test
	void dropsAndWithdrawalsFinishTheCase() {
		assertThat(CaseStep.NOT_PENALIZE.from(NOTIFIED)).isEqualTo(NOT_PENALIZED);
		assertThat(CaseStep.WITHDRAW.from(INVESTIGATING)).isEqualTo(WITHDRAWN);
		assertThat(NOT_PENALIZED.finished()).isTrue();
		assertThat(WITHDRAWN.finished()).isTrue();
		assertThat(CaseStep.TRANSFER.from(INVESTIGATED)).isEqualTo(TRANSFERRED);
		assertThat(TRANSFERRED.finished()).isTrue();
		assertThat(CaseStep.EXTEND.from(HEARING)).isEqualTo(HEARING);
		assertThat(CaseStep.PUBLISH.from(CLOSED)).isEqualTo(CLOSED);
	}

	/**
	 * No step leaves a finished case; the one step a finished case takes is the service of its 不予行政处罚决定书, which
	 * leaves it 不予处罚.
	 */
	@Test
	void noStepLeavesAFinishedCase() {
		for (CaseStatus done : EnumSet.of(NOT_PENALIZED, WITHDRAWN, TRANSFERRED)) {
			for (CaseStep step : CaseStep.values()) {
				if (step == CaseStep.DELIVER_NO_PENALTY && done == NOT_PENALIZED) {
					assertThat(step.from(done)).isEqualTo(NOT_PENALIZED);
					continue;
				}
				assertThatThrownBy(() -> step.from(done)).isInstanceOf(DomainException.class);
			}
		}
	}
}
