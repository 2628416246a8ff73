/**
 * Office documents: .docx templates filled with fields and tables, .xlsx written from any list, and the one .xlsx
 * reader every import uses (cells as their values: {@link org.youguan.documents.SheetCell}) (Apache POI).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package org.youguan.documents;
