package org.youguan.universal;

import java.time.LocalDate;

/**
 * A document a post-office closure/relocation approval issued, as its page and the API list it: the decision
 * (准予 / 不予批准…决定书, at 批准 or 不予批准) or the public notice (公告, when the notice is recorded). The .docx is kept
 * as an attachment of the approval and served by {@code GET /attachments/{id}} only to whoever may see the approval
 * (staff of its region, the applying postal enterprise).
 * @param kind {@code DECISION} or {@code NOTICE}
 * @param title the document's title, e.g. 准予撤销邮政普遍服务营业场所决定书
 * @param number the decision's 文号 (null for the notice, which cites it)
 * @param issuedOn the day the document bears: the decision's day, the notice's day
 * @param href the address that serves the .docx
 */
public record ApprovalDocument(String kind, String title, String number, LocalDate issuedOn, String href) {
}
