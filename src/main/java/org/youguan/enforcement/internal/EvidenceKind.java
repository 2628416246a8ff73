package org.youguan.enforcement.internal;

/**
 * The kinds of evidence of a penalty case (行政处罚法(2021) art.46: 书证、视听资料、电子数据、当事人的陈述、勘验笔录、现场笔录),
 * as the 调查取证 list records them.
 */
public enum EvidenceKind {

	/** 询问笔录: the platform issues the record (.docx) from the questions and answers entered. */
	INQUIRY_RECORD("询问笔录", false),
	/** 现场检查（勘验）笔录: the platform issues the record (.docx) from what was found. */
	SITE_RECORD("现场检查笔录", false),
	/** 书证: a scan (PDF or image) required. */
	DOCUMENTARY("书证", true),
	/** 照片: a JPEG or PNG image required. */
	PHOTO("照片", true),
	/** 音频: described with its storage medium; a transcript (PDF) may be attached. */
	AUDIO("音频", false),
	/** 视频: described with its storage medium; a still or transcript may be attached. */
	VIDEO("视频", false);

	private final String label;

	private final boolean fileRequired;

	EvidenceKind(String label, boolean fileRequired) {
		this.label = label;
		this.fileRequired = fileRequired;
	}

	/** The Chinese name. */
	public String label() {
		return label;
	}

	/** Whether an item of this kind must come with its file. */
	public boolean fileRequired() {
		return fileRequired;
	}

	/** The record a kind makes the platform issue, or null. */
	public CaseDocumentKind record() {
		return this == INQUIRY_RECORD ? CaseDocumentKind.INQUIRY_RECORD : this == SITE_RECORD ? CaseDocumentKind.SITE_RECORD : null;
	}
}
