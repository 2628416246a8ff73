package org.youguan.universal;

import org.youguan.kernel.Masking;
import org.youguan.kernel.Validation;

/**
 * The universal service's rule for personal numbers in its free text: a name or address the module lists, exports and
 * shows to the public (a village's serving post office and handover point, a relocation's new address, an approval's
 * alternative post office and notice channel, a post office's opening hours) holds no 居民身份证 or mobile number — a
 * contact's number belongs to a contact field, not the text everyone reads (个人信息保护法(2021) art.6: no more than the
 * purpose needs). Texts stored before the rule are shown masked ({@link Masking#personalNumbersIn}) by the views.
 * The rule itself is the kernel's ({@link Validation#noPersonalNumberInText}); this adds the pass of a stored text.
 */
final class PersonalNumbers {

	private PersonalNumbers() {
	}

	/**
	 * Refuses a text holding an ID or mobile number (as typed, or with its spaces taken out: "138 1234 5678").
	 * @param field the field named in the error (rule {@code personal-number})
	 * @param label the field's Chinese label, as the message names it
	 * @param value the text as it will be stored; null passes
	 * @return {@code v}, for chaining
	 */
	static Validation refuse(Validation v, String field, String label, String value) {
		return refuse(v, field, label, value, null);
	}

	/**
	 * {@link #refuse(Validation, String, String, String)} for an edit of a stored text: the text as stored passes
	 * unchanged (sent back masked, {@link Masking#keptIfSentBackMasked}) — a text stored before the rule is kept, not
	 * refused, when the form is saved without touching it; any change is checked.
	 * @param stored the text as stored, or null
	 */
	static Validation refuse(Validation v, String field, String label, String value, String stored) {
		if (value != null && value.equals(stored)) {
			return v;
		}
		return v.noPersonalNumberInText(field, label, value);
	}
}
