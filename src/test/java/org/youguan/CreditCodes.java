package org.youguan;


import org.youguan.kernel.CreditCode;

/** Test data: 统一社会信用代码 for enterprises a test registers, valid and unique to the run. */
public final class CreditCodes {

	private CreditCodes() {
	}

	/** A valid code of a Wuzhong (320506) enterprise, its seven sequence digits random: unique in the shared test DB. */
	public static String unique() {
		String base = "91320506MA" + org.youguan.RandomDigits.of(7);
		return base + CreditCode.checkCharacter(base);
	}

	/** The code as a Chinese input method types it: full-width digits and letters (９１３２…). */
	public static String fullWidth(String code) {
		StringBuilder typed = new StringBuilder();
		code.chars().forEach(c -> typed.append((char) (Character.isLetterOrDigit(c) ? c + 0xFEE0 : c)));
		return typed.toString();
	}
}
