/**
 * Office documents: .docx templates filled with fields and tables, .xlsx written from any list, and the one .xlsx
 * reader every import uses (cells as their values: {@link org.youguan.documents.SheetCell}) (Apache POI); and the one
 * attachment store of every module ({@link org.youguan.documents.Attachments}: files checked by content, kept
 * encrypted, served from {@code /attachments/{id}} to whom the owning module's
 * {@link org.youguan.documents.AttachmentAccess} admits); and the catalogue of every .docx template the modules fill
 * ({@link org.youguan.documents.DocumentTemplates}: each module declares its own, the system administrator replaces
 * them on {@code /admin/document-templates}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package org.youguan.documents;
