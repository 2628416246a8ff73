package org.youguan.documents;

/**
 * A word an export writes in a cell that is no record's data but the export's own — a state worked out for the row
 * (草稿/已印发, 待检查/已检查, 整改中): written in Chinese, or in English when the request reads the pages in English
 * ({@link Spreadsheets#write}: the UI bundle's {@value #KEY}{@code <chinese>}, the word itself where the bundle has
 * none). A record's own text (a name, a reason) is never looked up: only what is wrapped here.
 * @param chinese the word in Chinese, as the list page shows it
 */
public record SheetWord(String chinese) {

	/** The UI bundle's prefix of a cell word: {@code export.value.} + the Chinese word. */
	public static final String KEY = "export.value.";

	/** The word, in Chinese. */
	public static SheetWord of(String chinese) {
		return new SheetWord(chinese);
	}

	@Override
	public String toString() {
		return chinese;
	}
}
