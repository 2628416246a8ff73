package org.youguan.enforcement;

/**
 * How a 行政处罚决定书 was served (送达方式): handed over when the party is present, otherwise within 7 days by the
 * 民事诉讼法's rules of service (行政处罚法(2021) art.61) — 直接送达, 留置送达 (refused: left at the address before
 * witnesses or with the service recorded), 邮寄送达, 委托送达, 公告送达 (the party cannot be reached otherwise) — or, where
 * the party agreed and signed a confirmation (确认书), by fax, e-mail or other electronic means (art.61 para.2).
 * The 送达回证 states it.
 */
public enum DeliveryMethod {

	/** 直接送达: handed to the party (its representative or a person it named). */
	DIRECT("直接送达", false),
	/** 留置送达: the party refused; left at its address, the refusal and witnesses recorded. */
	LEFT_AT_ADDRESS("留置送达", true),
	/** 邮寄送达: sent by post; delivered the day the receipt names. */
	POSTAL("邮寄送达", false),
	/** 电子送达: by fax or e-mail, only with the party's signed confirmation (确认书, art.61 para.2). */
	ELECTRONIC("电子送达", true),
	/** 委托送达: served by another authority entrusted with it. */
	ENTRUSTED("委托送达", true),
	/** 公告送达: the party cannot be reached by any other method; deemed served once the notice period has passed. */
	PUBLIC_NOTICE("公告送达", true);

	private final String label;

	private final boolean noteRequired;

	DeliveryMethod(String label, boolean noteRequired) {
		this.label = label;
		this.noteRequired = noteRequired;
	}

	/** The Chinese name, as the 送达回证 and the case page state it. */
	public String label() {
		return label;
	}

	/**
	 * Whether the method needs its circumstances noted on the 送达回证: the refusal and the witnesses of 留置送达, the fax
	 * number or e-mail address the party confirmed for 电子送达, the entrusted body of 委托送达, where the notice of
	 * 公告送达 was published.
	 */
	public boolean noteRequired() {
		return noteRequired;
	}

	/** What the note must say for this method (the 400's message). */
	public String noteNeeded() {
		return switch (this) {
			case LEFT_AT_ADDRESS -> "留置送达应写明拒收事由和见证人（或拍照、录像记录送达过程的情况）";
			case ELECTRONIC -> "电子送达应写明当事人确认的传真号码或电子邮箱等";
			case ENTRUSTED -> "委托送达应写明受委托的机关";
			case PUBLIC_NOTICE -> "公告送达应写明无法以其他方式送达的原因和公告的载体";
			default -> "";
		};
	}
}
