package org.youguan.documents;

/**
 * A list was written as an .xlsx sheet for a download ({@link Spreadsheets#write}): the exports of the lists hold
 * personal data (users' names and phones, complainants, inspectors, case parties …), and taking it out of the system in
 * bulk is a security-relevant event (GB/T 22239-2019 8.1.4.3 安全审计; 个人信息保护法 第51条). The audit module records it
 * (the documents module sits below the audit module, which exports through {@link Spreadsheets}) — what was exported
 * and how many rows, never a value of them.
 *
 * @param sheetName the sheet's name, which says what the list is ("用户", "行政处罚案件")
 * @param rows how many rows the sheet holds, the header not counted
 * @param columns how many columns it has
 */
public record SheetExported(String sheetName, int rows, int columns) {
}
