package org.youguan.platform;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * V288: the citations a party or the public reads, stored in the staff's short form before — the bases of the 双公示
 * snapshots of penalty decisions and of the 责令改正通知书 — rewritten as the documents and public pages now cite law
 * ({@link StoredCitations}: 《快递暂行条例》第十九条, not 快递暂行条例(2025) 第19条). Exact: the stored texts were written
 * from the rule catalogue's citations, whose short form names a known text, its version and the article.
 */
@Component
class CitationFormalisation extends ModuleMigration<StoredCitations> {

	CitationFormalisation(List<StoredCitations> modules) {
		super("288", "cite law formally in stored published penalty, rectification order and published item list bases", modules,
				StoredCitations::writeFormally);
	}
}
