package org.youguan.rules;

/**
 * Who reads a rule's legal basis ({@link StatutoryRule#basisFor}). The rule catalogue marks what rests on no legal text
 * — 地方实践（未确认）, 产品规则（非法律规定，可配置） — so that the bureau weighs and sets those figures; such marks are the
 * bureau's working notes, not a basis a refusal to an enterprise or a member of the public may cite.
 */
public enum Audience {

	/** The bureau's staff: every citation as the catalogue shows it, marks of practice included. */
	BUREAU,

	/**
	 * Enterprises and the public (the enterprise portal, public pages and any text both sides read): the legal texts only;
	 * a figure resting on no legal text is the bureau's own ({@link #OWN_RULE}).
	 */
	OUTSIDE;

	/** What a reader outside the bureau is told of a figure the bureau sets where no legal text does. */
	public static final String OWN_RULE = "按本局规定";

}
