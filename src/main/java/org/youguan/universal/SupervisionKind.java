package org.youguan.universal;


import org.youguan.kernel.Text;
/**
 * The simple 普遍服务监督 records a bureau keeps, all in one table and one idiom (list, form, import, export): each kind
 * says what its columns mean and which of them it uses, so one check, one page and one sheet serve them all.
 * 邮政法(2015) arts.8 (党报 and 机要通信 as part of the universal service) and 15 — not art.68, which punishes closing
 * a universal-service post office without approval (DOMAIN.md, "Universal service").
 *
 * @param slug the kind's name in addresses ({@code /universal/supervision/confidential})
 * @param title the list's title
 * @param dayLabel what the record's date is
 * @param subjectLabel what the record's main name is (the unit, the newspaper, the hall, the 网点, the person)
 * @param placeLabel the address's label, or null when the kind has none
 * @param detailLabel the second text's label, or null when the kind has none
 * @param flagLabel the yes/no question, or null when the kind has none
 * @param findingsLabel the free text's label
 * @param inspectors whether the record names its inspectors (their count is its 人次)
 * @param term whether the record has an end date (a 社会监督员's appointment term)
 * @param findingsWhenFlagged whether the free text is required when the flag is yes (an incident, a 督办)
 * @param county whether the record must lie in a county (县级) rather than a city
 */
public enum SupervisionKind {

	/** 机要通信检查: the unit checked, the inspectors (人次), the findings and whether an incident happened. */
	CONFIDENTIAL("confidential", "机要通信检查", "检查日期", "被检查单位", null, null, "发生事故", "检查发现的问题", true, false, true, false),

	/** 党报当日见报检查 in a county town: the newspaper and whether it was delivered the same day. */
	PARTY_PAPER("party-papers", "党报当日见报检查", "检查日期", "报纸名称", null, null, "当日见报", "情况说明", false, false, false, true),

	/** 政务服务大厅邮政窗口: the hall, its address, the services offered and the day it was checked. */
	HALL_WINDOW("hall-windows", "政务服务大厅邮政窗口", "检查日期", "政务服务大厅", "地址", "办理业务", null, "检查情况", false, false, false,
			false),

	/** 农村网点现场督办: the 网点 visited, the findings and whether the matter was put under 督办. */
	OUTLET_VISIT("outlet-visits", "农村网点现场督导", "督导日期", "网点名称", null, null, "督办", "检查发现的问题", false, false, true, false),

	/** 社会监督员 of a county bureau: the name, the appointment term and the reports received (a log). */
	SUPERVISOR("supervisors", "社会监督员", "聘任起始日期", "姓名", null, null, null, "备注", false, true, false, true);

	private final String slug;

	private final String title;

	private final String dayLabel;

	private final String subjectLabel;

	private final String placeLabel;

	private final String detailLabel;

	private final String flagLabel;

	private final String findingsLabel;

	private final boolean inspectors;

	private final boolean term;

	private final boolean findingsWhenFlagged;

	private final boolean county;

	SupervisionKind(String slug, String title, String dayLabel, String subjectLabel, String placeLabel,
			String detailLabel, String flagLabel, String findingsLabel, boolean inspectors, boolean term,
			boolean findingsWhenFlagged, boolean county) {
		this.slug = slug;
		this.title = title;
		this.dayLabel = dayLabel;
		this.subjectLabel = subjectLabel;
		this.placeLabel = placeLabel;
		this.detailLabel = detailLabel;
		this.flagLabel = flagLabel;
		this.findingsLabel = findingsLabel;
		this.inspectors = inspectors;
		this.term = term;
		this.findingsWhenFlagged = findingsWhenFlagged;
		this.county = county;
	}

	/** The kind named by its slug or its code, or null. */
	public static SupervisionKind parse(String text) {
		if (text == null) {
			return null;
		}
		for (SupervisionKind k : values()) {
			if (k.slug.equals(Text.strip(text)) || k.name().equalsIgnoreCase(Text.strip(text))) {
				return k;
			}
		}
		return null;
	}

	public String slug() {
		return slug;
	}

	public String title() {
		return title;
	}

	public String dayLabel() {
		return dayLabel;
	}

	public String subjectLabel() {
		return subjectLabel;
	}

	public String placeLabel() {
		return placeLabel;
	}

	public String detailLabel() {
		return detailLabel;
	}

	public String flagLabel() {
		return flagLabel;
	}

	public String findingsLabel() {
		return findingsLabel;
	}

	public boolean inspectors() {
		return inspectors;
	}

	public boolean term() {
		return term;
	}

	public boolean findingsWhenFlagged() {
		return findingsWhenFlagged;
	}

	public boolean county() {
		return county;
	}

	/** Whether the subject is a person's name, masked in lists, exports and the API ({@code Masking#name}). */
	public boolean personal() {
		return this == SUPERVISOR;
	}

	/** The term's end label (社会监督员 only). */
	public String untilLabel() {
		return term ? "聘任截止日期" : null;
	}
}
