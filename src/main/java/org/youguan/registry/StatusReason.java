package org.youguan.registry;

import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;

/**
 * The reason a register's record is taken out of service (停用, 撤除, 登记停业): required, one line of at most
 * {@link #MAX} characters, no markup — shown on the record's history and kept in its audit entry, so a record never
 * leaves the register without a stated why.
 */
final class StatusReason {

	/** The longest reason, in characters. */
	static final int MAX = 200;

	private StatusReason() {
	}

	/**
	 * The reason as stored (stripped, free text cleaned).
	 * @param label the reason's Chinese name in a refusal (停用原因, 撤除原因 …)
	 * @throws org.youguan.kernel.InvalidValueException on {@code reason}: blank, over {@link #MAX}, more than one line or
	 *         markup
	 */
	static String of(String reason, String label) {
		String r = Text.freeText(reason);
		new Validation().required("reason", label, r).line("reason", label, r, MAX).plainText("reason", label, r)
			.throwIfInvalid();
		return Text.strip(r);
	}
}
