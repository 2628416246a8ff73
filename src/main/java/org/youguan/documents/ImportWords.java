package org.youguan.documents;

import java.util.Locale;

import org.youguan.kernel.FieldError;
import org.youguan.kernel.Wording;

/**
 * The words of a refused import in the reader's language, which the web shell supplies (it holds the bundles): a
 * column's Chinese header by the bundle's English of the same words, a failure by its sentence's key
 * ({@link SheetRows.RowErrors#wording}) where it carries one, else as written. {@link ImportPages} words the error
 * table and the annotated sheet by it for a reader who is not reading Chinese.
 */
public interface ImportWords {

	/**
	 * A column's name in {@code locale}'s language.
	 * @param column the sheet's (Chinese) header
	 * @return its English where the bundle has the same words, else the header as it is
	 */
	String column(String column, Locale locale);

	/**
	 * A failure's message in {@code locale}'s language.
	 * @param error the failure (its message in Chinese)
	 * @param wording its sentence's key and values, or null (then a known sentence's English, else the Chinese)
	 */
	String message(FieldError error, Wording wording, Locale locale);

	/** A bundle's sentence without values ({@code import.errorColumn}) in {@code locale}'s language. */
	String text(String key, Locale locale);
}
