package org.youguan.documents;

/**
 * What an attachment belongs to: the owning module (whose {@link AttachmentAccess} decides who may read it), the kind
 * of record in that module and the record's id, e.g. {@code ("filing", "outlet_filing", 42)}.
 *
 * @param module the owning module's name ({@link AttachmentAccess#module()}), lower case
 * @param type the kind of record within the module, e.g. {@code complaint}
 * @param id the record's id
 */
public record AttachmentOwner(String module, String type, long id) {
}
