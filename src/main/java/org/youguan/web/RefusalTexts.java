package org.youguan.web;

import org.springframework.context.i18n.LocaleContextHolder;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.youguan.documents.ImportWords;
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
public final class RefusalTexts implements ImportWords {

	/** A refused import's column by the bundle's English of its header ({@link RefusalWords#label}). */
	@Override
	public String column(String column, Locale locale) {
		return RefusalWords.label(column, locale);
	}

	/** A refused import's failure: by its key where it carries one, else a known sentence's English, else as written. */
	@Override
	public String message(FieldError error, Wording wording, Locale locale) {
		return wording != null ? RefusalWords.in(wording, error.message(), locale) : RefusalWords.in(error.message(), locale);
	}

	/** The bundle's sentence of {@code key} in {@code locale}'s language (the key itself when the bundle lacks it). */
	@Override
	public String text(String key, Locale locale) {
		return RefusalWords.in(Wording.of(key), key, locale);
	}

	/**
	 * An error's message in the request's language.
	 * @param error the error listed
	 * @param refusal the refused step's sentence as a key, or null
	 * @param chinese the refused step's own Chinese message (which {@code refusal} words), or null
	 * @return the message as the page shows it
	 */
	public String of(FieldError error, Wording refusal, String chinese) {
		return of(error, refusal, chinese, null);
	}

	/**
	 * An error's message in the request's language, as {@link #of(FieldError, Wording, String)}, each of a refusal's
	 * several failures by its own key where it carries one ({@code errorWordings}, {@code FormSteps}).
	 * @param wordings each keyed failure's message → its key, or null
	 */
	public String of(FieldError error, Wording refusal, String chinese, Map<String, Wording> wordings) {
		var locale = LocaleContextHolder.getLocale();
		Wording own = wordings == null ? null : wordings.get(error.message());
		if (own != null) {
			return RefusalWords.in(own, error.message(), locale);
		}
		if (refusal != null && chinese != null && chinese.equals(error.message())) {
			return RefusalWords.in(refusal, chinese, locale);
		}
		return RefusalWords.in(error.message(), locale);
	}

	/**
	 * A step's success message (flashed {@code message}: "整改已验收", "已导入3行…") in the request's language: the
	 * bundle's {@code done.*} sentence whose Chinese it is, formatted with the values it was written with
	 * ({@link RefusalWords#in(String, Locale)}); a message without such a key as written.
	 * @param message the step's Chinese message, or null
	 */
	public String said(String message) {
		return RefusalWords.in(message, LocaleContextHolder.getLocale());
	}

	/**
	 * {@link #said(String)} for a message flashed with its key ({@code messageWording}: an import's count, which the
	 * Chinese writes beside the import's name): the bundle's sentence with its values where given.
	 * @param message the step's Chinese message, or null
	 * @param wording its key and values, or null
	 */
	public String said(String message, Wording wording) {
		return wording == null ? said(message) : RefusalWords.in(wording, message, LocaleContextHolder.getLocale());
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
