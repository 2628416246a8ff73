package org.youguan.enforcement;

import java.util.List;

import org.youguan.enforcement.internal.CaseDocumentKind;

/**
 * The kinds of evidence of a penalty case (行政处罚法(2021) art.46: 书证、视听资料、电子数据、当事人的陈述、勘验笔录、现场笔录),
 * as the 调查取证 list records them.
 */
public enum EvidenceKind {

	/** 询问笔录: the platform issues the record (.docx) from the questions and answers entered; a signed scan may be attached. */
	INQUIRY_RECORD("询问笔录", false, "PDF文件或JPEG、PNG图片（签字后的扫描件）", "application/pdf", "image/"),
	/** 现场检查（勘验）笔录: the platform issues the record (.docx) from what was found; a signed scan may be attached. */
	SITE_RECORD("现场检查笔录", false, "PDF文件或JPEG、PNG图片（签字后的扫描件）", "application/pdf", "image/"),
	/** 书证: a scan (PDF or image) required. */
	DOCUMENTARY("书证", true, "PDF文件或JPEG、PNG图片", "application/pdf", "image/"),
	/** 照片: a JPEG or PNG image required. */
	PHOTO("照片", true, "JPEG或PNG图片", "image/"),
	/** 音频: described with its storage medium; the recording (MP3, M4A, WAV, AMR) or a transcript (PDF) may be attached. */
	AUDIO("音频", false, "MP3、M4A、WAV、AMR音频或其文字记录（PDF）", "audio/", "application/pdf"),
	/** 视频: described with its storage medium; the recording (MP4, MOV, 3GP), a still or a transcript may be attached. */
	VIDEO("视频", false, "MP4、MOV、3GP视频、截图（JPEG、PNG）或文字记录（PDF）", "video/", "image/", "application/pdf");

	private final String label;

	private final boolean fileRequired;

	private final String files;

	private final List<String> typePrefixes;

	EvidenceKind(String label, boolean fileRequired, String files, String... typePrefixes) {
		this.label = label;
		this.fileRequired = fileRequired;
		this.files = files;
		this.typePrefixes = List.of(typePrefixes);
	}

	/** The files an item of this kind takes, in Chinese, for the form and its error messages. */
	public String files() {
		return files;
	}

	/** Whether a file of the checked content type ({@code image/png}, {@code audio/mpeg} …) fits this kind. */
	public boolean accepts(String contentType) {
		return typePrefixes.stream().anyMatch(contentType::startsWith);
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
