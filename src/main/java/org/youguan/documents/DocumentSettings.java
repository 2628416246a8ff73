package org.youguan.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what uploaded files may expand to ({@code youguan.documents.*}), applied before a file is parsed.
 *
 * @param maxExpandedBytes the most bytes an uploaded .xlsx or .docx may inflate to (default 200 MiB; a 50,000-row
 * sheet is about 50 MiB)
 * @param maxEntries the most entries in an uploaded .xlsx or .docx (default 1000; real ones have a few dozen)
 * @param maxImageSide the widest or tallest image accepted, in pixels (default 10000)
 * @param maxImagePixels the most pixels an image may have (default 50,000,000, about a 50-megapixel photo)
 * @param maxImportRows the most data rows (rows with content under the header) one .xlsx import may carry (default
 * 10,000); the reader stops at the first row beyond it
 * @param maxTemplateBytes the largest replacement of a document template an administrator may upload (default 10 MiB;
 * a template with a bureau's seal image is a few hundred KB)
 */
@ConfigurationProperties("youguan.documents")
record DocumentSettings(Long maxExpandedBytes, Integer maxEntries, Integer maxImageSide, Long maxImagePixels,
		Integer maxImportRows, Long maxTemplateBytes) {

	static final long DEFAULT_MAX_TEMPLATE_BYTES = 10L * 1024 * 1024;

	DocumentSettings {
		maxExpandedBytes = maxExpandedBytes == null ? OfficeFiles.DEFAULT_MAX_EXPANDED_BYTES : maxExpandedBytes;
		maxEntries = maxEntries == null ? OfficeFiles.DEFAULT_MAX_ENTRIES : maxEntries;
		maxImageSide = maxImageSide == null ? OfficeFiles.DEFAULT_MAX_IMAGE_SIDE : maxImageSide;
		maxImagePixels = maxImagePixels == null ? OfficeFiles.DEFAULT_MAX_IMAGE_PIXELS : maxImagePixels;
		maxImportRows = maxImportRows == null ? SheetRows.DEFAULT_MAX_ROWS : maxImportRows;
		maxTemplateBytes = maxTemplateBytes == null ? DEFAULT_MAX_TEMPLATE_BYTES : maxTemplateBytes;
		if (maxImportRows < 1) {
			throw new IllegalArgumentException("youguan.documents.max-import-rows 应为正整数：" + maxImportRows);
		}
	}
}
