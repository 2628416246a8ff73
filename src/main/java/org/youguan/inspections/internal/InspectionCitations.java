package org.youguan.inspections.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredCitations;
import org.youguan.rules.Citation;

/**
 * The inspections' citations a party or the public reads, written as they cite law since V288 ({@link StoredCitations},
 * {@link Citation#formalIn}): the basis of each 责令改正通知书 ({@code rectification_order.basis}, shown to the
 * enterprise with its order) — {@code 快递暂行条例(2025) 第19条（末端网点备案）} becomes
 * {@code 《快递暂行条例》第十九条（末端网点备案）}, the items named in brackets as stored — and the basis of each item of
 * a published 随机抽查事项清单 ({@code inspection_item_list_entry.basis}, the public page's list). An order's basis
 * whose formal form would exceed its column (1000 characters; 《中华人民共和国…》 is longer than the short title) stays
 * as stored. The .docx issued then is the document served and stays as it is.
 */
@Component
class InspectionCitations implements StoredCitations {

	@Override
	public void writeFormally(Connection connection) throws SQLException {
		DataMigration.rewriteCopies(connection, "rectification_order", "basis", StoredCitations.shortForm("basis"),
				stored -> fits(Citation.formalIn(stored), ORDER_BASIS), "id");
		DataMigration.rewriteCopies(connection, "inspection_item_list_entry", "basis", StoredCitations.shortForm("basis"),
				stored -> fits(Citation.formalIn(stored), ENTRY_BASIS), "list_id", "position");
	}

	/** The lengths of the columns: {@code rectification_order.basis} (V116), {@code inspection_item_list_entry.basis} (V114). */
	private static final int ORDER_BASIS = 1000;

	private static final int ENTRY_BASIS = 200;

	/** The text written, or null (kept as stored) when it would not fit its column. */
	private static String fits(String written, int length) {
		return written.length() <= length ? written : null;
	}
}
