package org.youguan.kernel;

/**
 * The one wording of a workflow step refused because of the record's state (409, {@link ErrorCode#ILLEGAL_TRANSITION})
 * for every module's table of steps — a penalty case, a licence application, a complaint, a post office approval, a
 * statistics report: the state the record is in, then whether the step no longer applies (the record has gone past it,
 * or is finished: "本案已过该环节，此操作已不适用") or comes later (the steps before it first: "请先办理此前的环节").
 * Keyed ({@code refusal.stepPast}, {@code refusal.stepEarly}) so the pages word it in the reader's language.
 */
public final class StepRefusal {

	private StepRefusal() {
	}

	/**
	 * The refusal (409) of {@code step} for a record in a state it may not start from.
	 * @param what what the user calls the record (案件, 申请, 申诉, 审批, 报表), opening the sentence
	 * @param self the record in "本…" (案, 申请, 申诉, 审批, 报表)
	 * @param state the state's label
	 * @param step the step's name (立案, 受理…)
	 * @param past whether the record has gone past the step ({@link Workflow#past}) rather than not reached it
	 */
	public static DomainException of(String what, String self, String state, String step, boolean past) {
		Wording wording = wording(what, self, state, step, past);
		return DomainException.illegalTransition(wording, message(what, self, state, step, past));
	}

	/** As {@link #of}, naming the request's field and the rule that refuse the step (the record's state, say). */
	public static DomainException of(String field, String rule, String what, String self, String state, String step,
			boolean past) {
		return DomainException.illegalTransition(field, rule, wording(what, self, state, step, past),
				message(what, self, state, step, past));
	}

	private static Wording wording(String what, String self, String state, String step, boolean past) {
		return Wording.of(past ? "refusal.stepPast" : "refusal.stepEarly", what, state, step, self);
	}

	/** The Chinese sentence, as {@code refusal.stepPast}/{@code refusal.stepEarly} word it. */
	private static String message(String what, String self, String state, String step, boolean past) {
		return what + "当前状态为“" + state + "”，不能" + step
				+ (past ? "：本" + self + "已过该环节，此操作已不适用" : "：请先办理此前的环节");
	}
}
