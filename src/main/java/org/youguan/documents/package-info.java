/**
 * Office documents: .docx templates filled with fields and tables, and .xlsx written from any list (Apache POI).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package org.youguan.documents;
