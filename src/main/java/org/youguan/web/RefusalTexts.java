package org.youguan.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Wording;

/**
 * A refused form's errors in the reader's language, as the layouts list them ({@code ${@refusalWords.of(e, refusal)}}):
 * a step refused on a form (a state that forbids it, an access refused for a value typed) is shown beside the form,
 * not on the error page, and read Chinese in English mode. The same words as the error page's ({@link RefusalWords}):
 * the refusal's own sentence by its key where the step carried it ({@code refusalWording}, {@code refusalMessage} in
 * the model or flash, put there by {@code FormSteps} and {@code PageSteps}), a known sentence by the reverse map of the
 * bundle's {@code refusal.*} keys, anything else — a rule's message with its values — as written.
 */
@Component("refusalWords")
public final class RefusalTexts {

	/**
	 * An error's message in the request's language.
	 * @param error the error listed
	 * @param refusal the refused step's sentence as a key, or null
	 * @param chinese the refused step's own Chinese message (which {@code refusal} words), or null
	 * @return the message as the page shows it
	 */
	public String of(FieldError error, Wording refusal, String chinese) {
		var locale = LocaleContextHolder.getLocale();
		if (refusal != null && chinese != null && chinese.equals(error.message())) {
			return RefusalWords.in(refusal, chinese, locale);
		}
		return RefusalWords.in(error.message(), locale);
	}

	/**
	 * A module's sentence that carries its key ({@link Wording}) in the request's language — a status the public verify
	 * page states, worded as a keyed refusal is: the module's Chinese as it is for a Chinese reader, else the bundle's
	 * sentence with the values.
	 * @param wording the sentence's key and values, or null (the Chinese as it is)
	 * @param chinese the module's Chinese sentence
	 */
	public String of(Wording wording, String chinese) {
		return RefusalWords.in(wording, chinese, LocaleContextHolder.getLocale());
	}
}
