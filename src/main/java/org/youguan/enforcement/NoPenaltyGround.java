package org.youguan.enforcement;

import org.youguan.rules.Provision;

/**
 * What a 不予行政处罚决定 rests on: the grounds of 行政处罚法(2021) art.33 a bureau applies to an enterprise (the
 * grounds of a natural person's age or mental state, art.30–31, do not arise for it), each with the article and the
 * law's own words the 不予行政处罚决定书 cites.
 */
public enum NoPenaltyGround {

	/** Art.33 first paragraph, first sentence: minor, corrected in time, no harm — 不予行政处罚 (shall). */
	MINOR_CORRECTED("违法行为轻微并及时改正，没有造成危害后果", Provision.PENALTY_NONE_MINOR,
			"违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚", "你单位应当引以为戒，依法经营。"),
	/** Art.33 first paragraph, second sentence: a first violation, minor harm, corrected in time — 可以不予 (may). */
	FIRST_MINOR("初次违法且危害后果轻微并及时改正", Provision.PENALTY_NONE_MINOR,
			"初次违法且危害后果轻微并及时改正的，可以不予行政处罚", "你单位应当引以为戒，依法经营；再次违法的，本局将依法处理。"),
	/** Art.33 second paragraph: the party proves it had no subjective fault. */
	NO_FAULT("当事人有证据足以证明没有主观过错", Provision.PENALTY_NONE_NO_FAULT,
			"当事人有证据足以证明没有主观过错的，不予行政处罚", "你单位应当依法经营，防止同类情形再次发生。");

	private final String summary;

	private final Provision article;

	private final String wording;

	private final String caution;

	NoPenaltyGround(String summary, Provision article, String wording, String caution) {
		this.summary = summary;
		this.article = article;
		this.wording = wording;
		this.caution = caution;
	}

	/** The ground as pages show it, with its article: …（行政处罚法(2021) 第33条第1款）. */
	public String label() {
		return summary + "（" + article + "）";
	}

	/**
	 * The ground as the 不予行政处罚决定书 cites it: the article, then the law's words — e.g.
	 * 《中华人民共和国行政处罚法》第三十三条第一款“初次违法且危害后果轻微并及时改正的，可以不予行政处罚”.
	 */
	public String cited() {
		return article.formal() + "“" + wording + "”";
	}

	/**
	 * The sentence the 不予行政处罚决定书 closes with after "本局决定对你单位不予行政处罚。": a warning only where the ground
	 * is a violation the party is to blame for — 引以为戒 for a minor violation corrected (art.33 para.1), with the
	 * consequence of a repeat for a first one let go (its 可以 is a one-time leniency); for a party without subjective
	 * fault (art.33 para.2) no reproach, only the duty to operate lawfully.
	 */
	public String caution() {
		return caution;
	}
}
