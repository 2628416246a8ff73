package org.youguan.complaints.internal;

import java.math.BigDecimal;
import java.util.Arrays;

import tools.jackson.databind.JsonNode;

import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.ComplaintReply;
import org.youguan.complaints.Responsibility;
import org.youguan.kernel.Choice;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListFilter;
import org.youguan.kernel.Validation;

/**
 * An enterprise's reply to a complaint as the portal's form and the enterprise API post it, read field by field so that
 * every value that cannot be read — a compensation "abc", an apology "maybe", a responsibility no choice names — is
 * told at once with the rules of the other fields
 * ({@code ComplaintProcedure.reply} continues these failures, {@link Validation#after}), never the first one alone.
 */
final class ReplyFields {

	private ReplyFields() {
	}

	/**
	 * The reply from the texts posted (a form's parameters, or a JSON body's values as {@link #fromJson} gives them).
	 * @param v collects every value that cannot be read (rules {@code number}/{@code digits} for the compensation,
	 *        {@code one-of} for the responsibility and the two yes/no choices, which take {@code true} or
	 *        {@code false} and are false when left out, as an unticked box)
	 * @return the reply with null for each value that could not be read
	 */
	static ComplaintReply read(Validation v, String findings, String responsibility, String solution, String compensation,
			String apology, String userAgrees, String handler, String handlerPhone) {
		String chosen = v.check("responsibility", () -> ListFilter.oneOf(
				Arrays.stream(Responsibility.values()).map(Enum::name).toList(),
				code -> Responsibility.valueOf(code).label(), "responsibility", "责任认定", responsibility));
		BigDecimal amount = v.check("compensation", () -> compensation(compensation));
		Boolean apologised = v.check("apology", () -> Choice.yesNo("apology", "是否道歉", apology));
		Boolean agrees = v.check("userAgrees", () -> Choice.yesNo("userAgrees", "用户是否同意", userAgrees));
		return new ComplaintReply(findings, chosen == null ? null : Responsibility.valueOf(chosen), solution, amount,
				Boolean.TRUE.equals(apologised), Boolean.TRUE.equals(agrees), handler, handlerPhone);
	}

	/**
	 * The compensation as typed, read within the readers' loose bound ({@link Decimals#TEXT_DIGITS}) so the service's
	 * own rules tell what is wrong with a number (a third decimal: rule {@code money}, never rounded; a negative one, one
	 * of 1亿 or more); text that is no number, or a number beyond the bound, is told in the field's own words and digits
	 * (赔偿金额, {@link ComplaintIntake#AMOUNT_INTEGER} and {@link ComplaintIntake#AMOUNT_FRACTION}).
	 */
	private static BigDecimal compensation(String typed) {
		try {
			return Decimals.parse("compensation", "赔偿金额", typed, Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS);
		}
		catch (InvalidValueException loose) {
			Decimals.parse("compensation", "赔偿金额", typed, ComplaintIntake.AMOUNT_INTEGER, ComplaintIntake.AMOUNT_FRACTION);
			throw loose;
		}
	}

	/**
	 * The reply from the API's body ({@code EnterpriseComplaintApiController.Reply}): the compensation as the client
	 * wrote it ({@code NumberText.Judged}: a number's digits or a text), the responsibility and the two yes/no choices as
	 * the JSON values sent — {@code true}/{@code false} or their text; a number, an object or a list there is no choice
	 * (rule {@code one-of}, as {@link #read} tells any other value). Every failure is in {@code v}.
	 */
	static ComplaintReply fromBody(Validation v, EnterpriseComplaintApiController.Reply body) {
		return read(v, body.findings(), choice(body.responsibility()), body.solution(), body.compensation(),
				choice(body.apology()), choice(body.userAgrees()), body.handler(), body.handlerPhone());
	}

	/** A choice's JSON value as text: null when left out or null, a string as sent, anything else as JSON writes it. */
	private static String choice(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		return value.isString() ? value.asString() : value.toString();
	}
}
