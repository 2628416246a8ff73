package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's API decides a step in the order its web steps do (StepAccessFirst): the complaint in the caller's
 * reach (404), then the step's state (409), then the fields — a reply with empty fields sent to another enterprise's
 * complaint, or to one not awaiting a reply, was answered 400 naming the fields, telling the caller the complaint
 * exists and what the form asks.
 */
@IntegrationTest
class ComplaintStepsAskAccessAndStateFirstIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	/** An enterprise that is not the respondent (its own valid credit code, any other enterprise's). */
	static final DataScope OTHER = DataScope.enterprise("91320506MA1MXXXX0A");

	static final ComplaintReply EMPTY = new ComplaintReply(null, null, null, null, false, false, null, null);

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	MutableClock clock;

	long filed() {
		LocalDate today = LocalDate.now(clock);
		return intake.file(ComplaintIntegrationTest.form(today.minusDays(20), today.minusDays(10), null,
				ComplaintIntegrationTest.waybill()), Channel.WEB, null, false).id();
	}

	static void refusedAs(Runnable step, ErrorCode code) {
		assertThatThrownBy(step::run).isInstanceOfSatisfying(DomainException.class, ex -> {
			org.assertj.core.api.Assertions.assertThat(ex).isNotInstanceOf(InvalidValueException.class);
			org.assertj.core.api.Assertions.assertThat(ex.code()).isEqualTo(code);
		});
	}

	@Test
	void aReplyToAnotherEnterprisesComplaintIsNotFoundBeforeItsFieldsAreRead() {
		long id = filed();
		procedure.acceptAndTransfer(WUZHONG, id, null, null);
		refusedAs(() -> procedure.reply(OTHER, id, EMPTY), ErrorCode.NOT_FOUND);
	}

	@Test
	void aStepTheComplaintIsNotInIsRefusedForItsStateBeforeItsFieldsAreRead() {
		long id = filed();
		// received, not transferred: no reply awaited, no return, no call-back, no mediation, no closing, no referral
		refusedAs(() -> procedure.reply(WUZHONG, id, EMPTY), ErrorCode.ILLEGAL_TRANSITION);
		refusedAs(() -> procedure.returnForRedo(WUZHONG, id, null), ErrorCode.ILLEGAL_TRANSITION);
		refusedAs(() -> procedure.callBack(WUZHONG, id, true, null, null, null), ErrorCode.ILLEGAL_TRANSITION);
		refusedAs(() -> procedure.mediate(WUZHONG, id, null, null, new BigDecimal("-1")), ErrorCode.ILLEGAL_TRANSITION);
		refusedAs(() -> procedure.close(WUZHONG, id, null, null, null), ErrorCode.ILLEGAL_TRANSITION);
		refusedAs(() -> procedure.refer(WUZHONG, id, null), ErrorCode.ILLEGAL_TRANSITION);
		procedure.acceptAndTransfer(WUZHONG, id, null, null);
		// transferred: no longer to be rejected
		refusedAs(() -> procedure.reject(WUZHONG, id, null, null), ErrorCode.ILLEGAL_TRANSITION);
	}
}
