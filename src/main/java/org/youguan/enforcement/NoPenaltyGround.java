package org.youguan.enforcement;

/**
 * What a 不予行政处罚决定 rests on: the grounds of 行政处罚法(2021) art.33 a bureau applies to an enterprise (the
 * grounds of a natural person's age or mental state, art.30–31, do not arise for it), each with the article and the
 * law's own words the 不予行政处罚决定书 cites.
 */
public enum NoPenaltyGround {

	/** Art.33 first paragraph, first sentence: minor, corrected in time, no harm — 不予行政处罚 (shall). */
	MINOR_CORRECTED("违法行为轻微并及时改正，没有造成危害后果（第33条第1款）", "第三十三条第一款",
			"违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚"),
	/** Art.33 first paragraph, second sentence: a first violation, minor harm, corrected in time — 可以不予 (may). */
	FIRST_MINOR("初次违法且危害后果轻微并及时改正（第33条第1款）", "第三十三条第一款",
			"初次违法且危害后果轻微并及时改正的，可以不予行政处罚"),
	/** Art.33 second paragraph: the party proves it had no subjective fault. */
	NO_FAULT("当事人有证据足以证明没有主观过错（第33条第2款）", "第三十三条第二款",
			"当事人有证据足以证明没有主观过错的，不予行政处罚");

	private final String label;

	private final String article;

	private final String wording;

	NoPenaltyGround(String label, String article, String wording) {
		this.label = label;
		this.article = article;
		this.wording = wording;
	}

	/** The ground as pages show it, with its article. */
	public String label() {
		return label;
	}

	/**
	 * The ground as the 不予行政处罚决定书 cites it: the article, then the law's words — e.g.
	 * 《中华人民共和国行政处罚法》第三十三条第一款“初次违法且危害后果轻微并及时改正的，可以不予行政处罚”.
	 */
	public String cited() {
		return "《中华人民共和国行政处罚法》" + article + "“" + wording + "”";
	}
}
