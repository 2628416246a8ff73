package org.youguan.web;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Masking;

/**
 * A page's access to {@link Masking#personalNumbersIn}: a list or overview that shows a stored free text a person typed
 * (a rule override's reason, a department's duties, a template change's note) writes it as
 * {@code ${@masked.of(text)}}, so an ID or mobile number quoted in it is shown masked, as in every list, API and export.
 */
@Component("masked")
public final class MaskedTexts {

	/** The text with personal numbers masked; null stays null. */
	public String of(String text) {
		return text == null ? null : Masking.personalNumbersIn(text);
	}
}
