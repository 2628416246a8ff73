package org.youguan.rules;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A citation of a legal text in a given version, optionally of one article: {@code 快递暂行条例(2025) 第19条}. The
 * version travels with the citation so that a revision of the text (which may renumber its articles) is visible
 * wherever the citation is shown, and a later revision is a change of data, not of free text.
 *
 * @param text the text and its version
 * @param article the article number, or 0 when the text as a whole is cited
 */
public record Citation(LegalText text, int article) {

	/**
	 * @throws IllegalArgumentException when the text is missing or the article number is negative
	 */
	public Citation {
		Objects.requireNonNull(text, "text");
		if (article < 0) {
			throw new IllegalArgumentException("article must be positive: " + article);
		}
	}

	/** An article of a text: {@code Citation.of(EXPRESS_REGULATION, 19)} is 快递暂行条例(2025) 第19条. */
	public static Citation of(LegalText text, int article) {
		if (article == 0) {
			throw new IllegalArgumentException("article must be positive");
		}
		return new Citation(text, article);
	}

	/** A text as a whole, where the product does not pin an article. */
	public static Citation of(LegalText text) {
		return new Citation(text, 0);
	}

	/** The version of the text cited (e.g. "2025"), or null for a practice. */
	public String version() {
		return text.version();
	}

	/**
	 * Whether this citation is law a document may cite as the norm a party breached ("违反了…的规定"): an article that
	 * exists in that version of a legal text ({@link LegalText#hasArticle}). A practice or an unconfirmed note
	 * ({@link LegalText#LOCAL_PRACTICE} and the like), a text cited as a whole and an article the text does not have are
	 * not.
	 */
	public boolean isLaw() {
		return text.isText() && article > 0 && text.hasArticle(article);
	}

	/**
	 * Whether this citation can be the duty an inspection finds breached: law ({@link #isLaw()}) from a text that lays
	 * down duties ({@link LegalText#laysDuties()}), not a penalty article ({@link LegalText#isPenaltyArticle}).
	 */
	public boolean isDuty() {
		return isLaw() && text.laysDuties() && !text.isPenaltyArticle(article);
	}

	/**
	 * The citations that are law ({@link #isLaw()}), each (text, article) once, in the order first given: what a
	 * document names after "违反了", e.g. {@code 邮政法(2015) 第19条} from 邮政法 art.19 cited twice and a local practice.
	 */
	public static List<Citation> law(Collection<Citation> citations) {
		return citations.stream().filter(Citation::isLaw).distinct().toList();
	}

	/** As shown everywhere: {@code 快递暂行条例(2025) 第19条}, or {@code 快递业务经营许可管理办法(2019)}. */
	@Override
	public String toString() {
		return article == 0 ? text.citeAs() : text.citeAs() + " 第" + article + "条";
	}
}
