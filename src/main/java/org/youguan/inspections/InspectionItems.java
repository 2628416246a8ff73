package org.youguan.inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WholeIn;
import org.youguan.kernel.Wording;
import org.youguan.rules.Citation;
import org.youguan.rules.LegalText;
import org.youguan.rules.StatutoryRule;

/**
 * The 抽查事项清单: the default items derived from the law (licence conditions, branch and outlet filing, 实名收寄,
 * 收寄验视, 过机安检, 禁寄物品处置, 运单与用户信息安全, 服务公示, 投诉处理, 快递包装, 普遍服务营业场所, 建制村通邮 (邮政法
 * art.19, the item of every 通邮 check) — each citing its
 * article in the current numbering, 快递暂行条例 as revised 2025) and the items a bureau added, as seen from a region.
 */
@Service
public class InspectionItems {

	/** A row as stored: the citation as text name and article, the rule as its code. */
	record Row(String code, String name, String objectType, String method, String legalText, int article,
			String ruleCode, List<String> checklist, Long bureauId) {

		InspectionItem item() {
			Citation citation = article == 0 ? Citation.of(LegalText.valueOf(legalText))
					: Citation.of(LegalText.valueOf(legalText), article);
			StatutoryRule rule = ruleCode == null ? null : StatutoryRule.byCode(ruleCode).orElse(null);
			return new InspectionItem(code, name, objectType, method, citation.toString(), ruleCode,
					rule == null ? null : rule.title() + Text.bracketed(rule.basis()), checklist, bureauId, citation);
		}
	}

	/** What an item's article 0 means, as a refusal of a bad article states it after the range. */
	public static final String WHOLE_TEXT = "0表示整部法规";

	/** The greatest article in words, as the mistyped article is told it: the chosen text's own count. */
	public static final String ARTICLE_STATED = "所选法律法规的最后一条，0表示整部法规";

	/** The objects an item applies to. */
	public static final List<String> OBJECT_TYPES = List.of("ENTERPRISE", "BRANCH", "OUTLET", "POST_OFFICE");

	/** How an item is checked: 现场检查, 书面检查, 网络监测. */
	public static final List<String> METHODS = List.of("ON_SITE", "DOCUMENTS", "ONLINE");

	/**
	 * An item a bureau adds to the catalogue.
	 * @param code the stable code (upper-case letters, digits and underscores, 2–40, unique in the catalogue)
	 * @param name 事项名称
	 * @param legalText the cited text ({@link LegalText} name; only real legal texts)
	 * @param article the article cited, or null/0 for the text as a whole; it must exist in that version of the text
	 * ({@link LegalText#hasArticle}, refused as {@code article-range}). An item citing a text as a whole is no ground
	 * for a 责令改正通知书 ({@link InspectionOrders})
	 * @param objectType one of {@link #OBJECT_TYPES}
	 * @param method one of {@link #METHODS}
	 * @param checklist the content checklist, one line each (at least one)
	 */
	public record ItemData(String code, String name, String legalText,
			@WholeIn(min = 0, maxStated = ARTICLE_STATED) Integer article, String objectType, String method,
			List<String> checklist) {
	}

	/**
	 * A published version of a bureau's 抽查事项清单: number, day, who published it, and the items as published.
	 */
	public record PublishedList(long id, long bureauId, String bureauName, String regionCode, int version,
			LocalDate publishedOn, String publishedBy, List<PublishedItem> items) {
	}

	/**
	 * An item as it was published (its basis as cited then, as the public reads it: 《快递暂行条例》第二十三条,
	 * {@link Citation#formal()}).
	 */
	public record PublishedItem(String code, String name, String objectType, String method, String basis,
			List<String> checklist) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	InspectionItems(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** An item's code as it is kept and addressed: 2 to 40 upper-case ASCII letters, digits or underscores, a letter first. */
	public static final String CODE_FORM = "[A-Z][A-Z0-9_]{1,39}";

	/**
	 * Adds a bureau's own item to the catalogue (seen by the bureau, those above and below it); audited.
	 * @param bureauId the caller's bureau
	 * @return the item's code
	 * @throws InvalidValueException naming each broken field; DomainException (duplicate) for a code in use; not found
	 *         (404, before any field) for a bureau outside the caller's scope
	 */
	@Transactional
	public String add(DataScope scope, long bureauId, String actor, ItemData data) {
		// access before fields: the bureau the item is added for is one in the caller's scope, else not there (404)
		String region = jdbc.sql("SELECT region_code FROM bureau_name WHERE id = :id").param("id", bureauId)
			.query(String.class).optional().orElse(null);
		if (region == null || !scope.containsRegion(region)) {
			throw DomainException.notFound("所属单位", bureauId);
		}
		Validation v = new Validation();
		String code = data.code() == null ? "" : Text.strip(data.code()).toUpperCase();
		v.required("code", "事项代码", data.code());
		v.require("code", code.isEmpty() || code.matches(CODE_FORM), "format",
				"事项代码应为2至40位大写字母、数字或下划线，以字母开头");
		Checked c = check(v, data);
		v.throwIfInvalid();
		LegalText text = c.text();
		List<String> lines = c.lines();
		// compared by its key (UniqueIdentifiers), so YZ_SAFETY_01 cannot be added beside YZSAFETY01
		if (UniqueIdentifiers.taken(jdbc, "inspection_item", "code", code, "", Map.of())) {
			throw DomainException.duplicate("code", Wording.of("inspections.refusal.itemCodeTaken", code),
					"事项代码已在抽查事项清单中：" + code);
		}
		refuseTwinName(bureauId, null, data.name());
		long id = jdbc.sql("""
				INSERT INTO inspection_item (bureau_id, region_code, code, name, object_type, method, legal_text, article,
				    checklist, sort_order, created_by, created_at)
				VALUES (:bureau, :region, :code, :name, :objectType, :method, :text, :article, :checklist,
				    (SELECT coalesce(max(sort_order), 0) + 10 FROM inspection_item), :actor, :now) RETURNING id""")
			.param("bureau", bureauId).param("region", region).param("code", code).param("name", Text.name(data.name()))
			.param("objectType", data.objectType()).param("method", data.method()).param("text", text.name())
			.param("article", data.article() == null ? 0 : data.article()).param("checklist", lines.toArray(String[]::new))
			.param("actor", actor).param("now", OffsetDateTime.now(clock))
			.query(Long.class).single();
		audit.record(AuditEntry.of("inspection-item.add", "inspection-item", id, "增加抽查事项：" + code + " "
				+ Text.name(data.name())).inRegion(region));
		return code;
	}

	/**
	 * Refuses a second item of the same name in the bureau's catalogue: a name that is, under the one twin key
	 * {@link Text#textKey} (full-width letters and digits, spaces, invisible characters, punctuation and brackets
	 * aside, A–Z as a–z), the name of another item of the bureau (active or deactivated) or of a statutory default
	 * item — a double-submitted form, or "实名收寄" added again as "实名　收寄" or "实名收寄。", would put two items of one
	 * name into the 抽查事项清单 a bureau publishes. Two requests at once are ordered by a transaction lock on the
	 * bureau; the unique index {@code inspection_item_name_text_key} (V354) holds the rule within one owner.
	 * @param self the code of the item being changed (its own name does not count), null for a new one
	 * @throws DomainException duplicate (409, field {@code name})
	 */
	private void refuseTwinName(Long bureauId, String self, String name) {
		TransactionLocks.hold(jdbc, "inspection_item_name:" + bureauId);
		String twin = jdbc.sql("""
				SELECT code FROM inspection_item WHERE (bureau_id = :bureau OR bureau_id IS NULL)
				    AND text_key(name) = text_key(:name) AND code <> :self ORDER BY code LIMIT 1""")
			.param("bureau", bureauId).param("name", Text.name(name)).param("self", self == null ? "" : self)
			.query(String.class).optional().orElse(null);
		if (twin != null) {
			throw DomainException.duplicate("name", Wording.of("inspections.refusal.itemNameTaken", Text.name(name), twin),
					"抽查事项清单中已有名称为“" + Text.name(name) + "”的事项（" + twin
					+ "）：同一单位的抽查事项名称不能重复（全角半角、空格、标点不同也视为同名）");
		}
	}

	/** The fields every item carries, checked: the legal text and the checklist lines (blank lines dropped). */
	private record Checked(LegalText text, List<String> lines) {
	}

	/** The most lines an item's checklist holds. */
	static final int CHECKLIST_MAX = 30;

	/** The most characters one checklist line holds. */
	static final int CHECKLIST_LINE_MAX = 200;

	/** Checks name, legal basis, object, method and checklist of an item (each error on its field, in Chinese). */
	private static Checked check(Validation v, ItemData data) {
		v.name("name", "事项名称", data.name(), 100);
		LegalText text = null;
		try {
			text = data.legalText() == null || Text.isBlank(data.legalText()) ? null : LegalText.valueOf(Text.strip(data.legalText()));
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		v.require("legalText", text != null && text.isText(), "one-of", "法律依据应选择一部法律法规");
		// the article must exist in that version of the text (快递暂行条例(2025) has 59): LegalText knows the count
		v.require("article", data.article() == null || (text == null || !text.isText() ? data.article() >= 0
				: text.hasArticle(data.article())), "article-range",
				text == null || !text.isText() ? "条款" + Decimals.wholeIn(0, Integer.MAX_VALUE, WHOLE_TEXT)
						: "条款不存在：" + text.articleRange());
		// the item names the duty a check can find breached: not a text that binds the administration, not a penalty
		v.require("legalText", text == null || !text.isText() || text.laysDuties(), "duty-text", text == null ? ""
				: text.citeAs() + "规定行政机关的程序，不规定企业的义务：检查事项的依据应为规定企业义务的法律法规（如邮政法、快递暂行条例）");
		v.require("article", text == null || data.article() == null || !text.isPenaltyArticle(data.article()),
				"penalty-article", text == null || data.article() == null ? "" : text.citeAs() + "第" + data.article()
						+ "条是罚则（法律责任），不是被违反的义务条款：请引用规定该义务的条款");
		v.require("objectType", data.objectType() != null && OBJECT_TYPES.contains(data.objectType()), "one-of",
				"检查对象应为快递企业（ENTERPRISE）、分支机构（BRANCH）、末端网点（OUTLET）或邮政营业场所（POST_OFFICE）");
		v.require("method", data.method() != null && METHODS.contains(data.method()), "one-of",
				"检查方式应为现场检查（ON_SITE）、书面检查（DOCUMENTS）或网络监测（ONLINE）");
		// one check per line, each a one-line free text (Validation#line: no hidden character, no line break inside an
		// API's line, at most 200 characters; markup told as a text's, never as a name's — a check is no name), refused
		// naming its line as typed (blank lines counted, as the textarea shows them) and stored as Text.line
		List<String> given = data.checklist() == null ? List.of() : data.checklist();
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			String l = given.get(i);
			if (l != null && !Text.isBlank(l)) {
				v.line("checklist", "检查内容第" + (i + 1) + "行", l, CHECKLIST_LINE_MAX);
				lines.add(Text.line(l));
			}
		}
		v.require("checklist", !lines.isEmpty(), "required", "检查内容至少填写一条");
		v.require("checklist", lines.size() <= CHECKLIST_MAX, "range", "检查内容至多" + CHECKLIST_MAX + "条");
		return new Checked(text, lines);
	}

	/**
	 * An item a bureau added, as its edit form shows it (a deactivated one too).
	 * @param article the article cited, 0 for the text as a whole
	 * @param active false once the bureau deactivated it (not offered for new records and plans, kept in the records
	 * and the published versions that name it)
	 */
	public record OwnItem(String code, String name, String legalText, int article, String objectType, String method,
			List<String> checklist, long bureauId, boolean active) {
	}

	/**
	 * An item the caller's bureau added, for its edit form.
	 * @throws DomainException not-found for an unknown code and for another bureau's item the caller's catalogue does
	 * not show (a sibling county's: neither above nor below the caller's bureau, as {@link #list} reads them — told as
	 * an unknown code is, never that it exists); AccessRefusedException (403) for a default item derived from the law
	 * (the law decides it, not a bureau) or the item of a bureau above or below, which the caller reads and does not change
	 */
	public OwnItem editable(Long bureauId, String code) {
		record Stored(String code, String name, String legalText, int article, String objectType, String method,
				List<String> checklist, Long bureauId, boolean active, String regionCode) {
		}
		Stored s = jdbc.sql("""
				SELECT code, name, legal_text, article, object_type, method, checklist, bureau_id, active, region_code
				FROM inspection_item WHERE code = :code""")
			.param("code", code == null ? "" : Text.strip(code).toUpperCase())
			.query(Rows.of(Stored.class)).optional()
			.orElseThrow(() -> DomainException.notFound("抽查事项", code));
		if (s.bureauId() == null) {
			throw new AccessRefusedException("code", Wording.of("inspections.refusal.statutoryItem", s.code()),
					"法定默认抽查事项（" + s.code() + "）依法律法规确定，各单位不能修改或停用");
		}
		if (!s.bureauId().equals(bureauId)) {
			String own = bureauId == null ? null : jdbc.sql("SELECT region_code FROM bureau_name WHERE id = :id")
				.param("id", bureauId).query(String.class).optional().orElse(null);
			String item = s.regionCode() == null ? "" : s.regionCode();
			// the catalogue shows a bureau the items of the bureaus above it and below it (list): any other is not there
			if (own == null || !(own.startsWith(item) || item.startsWith(own))) {
				throw DomainException.notFound("抽查事项", code);
			}
			throw new AccessRefusedException("code", Wording.of("inspections.refusal.itemOwner", s.code()),
					"只有增加抽查事项（" + s.code() + "）的单位才能修改或停用它");
		}
		return new OwnItem(s.code(), s.name(), s.legalText(), s.article(), s.objectType(), s.method(), s.checklist(),
				s.bureauId(), s.active());
	}

	/** The items the bureau added, active and deactivated, in catalogue order (what it may edit). */
	public List<OwnItem> own(Long bureauId) {
		if (bureauId == null) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT code, name, legal_text, article, object_type, method, checklist, bureau_id, active
				FROM inspection_item WHERE bureau_id = :bureau ORDER BY sort_order, code""")
			.param("bureau", bureauId)
			.query(Rows.of(OwnItem.class)).list();
	}

	/**
	 * Changes an item the caller's bureau added: name, legal basis, object, method, checklist (the code stays: records
	 * and plans name it). Records keep the checklist lines as they were recorded; published versions of the list keep
	 * the item as published — the change reaches the public list with the next publication. Audited
	 * ({@code inspection-item.update}, with what changed).
	 * @throws InvalidValueException naming each broken field; see {@link #editable} for 404/403
	 */
	@Transactional
	public OwnItem update(Long bureauId, String code, ItemData data) {
		OwnItem before = editable(bureauId, code);
		Validation v = new Validation();
		Checked c = check(v, data);
		v.throwIfInvalid();
		int article = data.article() == null ? 0 : data.article();
		List<String> changes = new ArrayList<>();
		change(changes, "名称", before.name(), Text.name(data.name()));
		change(changes, "法律依据", before.legalText() + " " + before.article(), c.text().name() + " " + article);
		change(changes, "检查对象", before.objectType(), data.objectType());
		change(changes, "检查方式", before.method(), data.method());
		change(changes, "检查内容", String.join("；", before.checklist()), String.join("；", c.lines()));
		if (changes.isEmpty()) {
			return before;
		}
		refuseTwinName(bureauId, before.code(), data.name());
		long id = jdbc.sql("""
				UPDATE inspection_item SET name = :name, legal_text = :text, article = :article, object_type = :objectType,
				    method = :method, checklist = :checklist WHERE code = :code RETURNING id""")
			.param("name", Text.name(data.name())).param("text", c.text().name()).param("article", article)
			.param("objectType", data.objectType()).param("method", data.method())
			.param("checklist", c.lines().toArray(String[]::new)).param("code", before.code())
			.query(Long.class).single();
		audit.record(AuditEntry.of("inspection-item.update", "inspection-item", id, "修改抽查事项" + before.code() + "："
				+ String.join("；", changes)).inRegion(regionOf(before.bureauId())));
		return editable(bureauId, before.code());
	}

	/**
	 * Deactivates (or reactivates) an item the caller's bureau added: a deactivated item is no longer offered for new
	 * records and plans nor in the next published list; records and published versions keep it. Audited
	 * ({@code inspection-item.deactivate} / {@code inspection-item.activate}).
	 * @throws DomainException (409) when it is already so; see {@link #editable} for 404/403
	 */
	@Transactional
	public OwnItem setActive(Long bureauId, String code, boolean active) {
		OwnItem item = editable(bureauId, code);
		if (item.active() == active) {
			throw DomainException.illegalTransition(active ? "该抽查事项已在使用中" : "该抽查事项已停用");
		}
		long id = jdbc.sql("UPDATE inspection_item SET active = :active WHERE code = :code RETURNING id")
			.param("active", active).param("code", item.code()).query(Long.class).single();
		audit.record(AuditEntry.of(active ? "inspection-item.activate" : "inspection-item.deactivate", "inspection-item", id,
				(active ? "恢复使用抽查事项：" : "停用抽查事项：") + item.code() + " " + item.name())
			.inRegion(regionOf(item.bureauId())));
		return editable(bureauId, item.code());
	}

	private static void change(List<String> changes, String what, String before, String after) {
		if (!before.equals(after)) {
			changes.add(what + "：" + before + " → " + after);
		}
	}

	private String regionOf(long bureauId) {
		return jdbc.sql("SELECT region_code FROM bureau_name WHERE id = :id").param("id", bureauId)
			.query(String.class).optional().orElse("0");
	}

	/**
	 * Publishes the 抽查事项清单 the bureau works with (the catalogue as {@link #list} shows it to the bureau's region)
	 * as its next numbered version, dated today; the items are kept as published. A recorded act (audited).
	 * @return the published version
	 */
	@Transactional
	public PublishedList publish(long bureauId, String actor) {
		String region = jdbc.sql("SELECT region_code FROM bureau_name WHERE id = :id").param("id", bureauId)
			.query(String.class).optional().orElseThrow(() -> DomainException.notFound("单位", bureauId));
		// one publication of a bureau at a time: the version numbers stay consecutive
		jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('inspection_item_list'), CAST(:bureau AS integer))) l")
			.param("bureau", bureauId).query(Integer.class).list();
		List<InspectionItem> items = list(DataScope.region(region));
		int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM inspection_item_list WHERE bureau_id = :bureau")
			.param("bureau", bureauId).query(Integer.class).single();
		long id = jdbc.sql("""
				INSERT INTO inspection_item_list (bureau_id, region_code, version, published_on, published_by, published_at)
				VALUES (:bureau, :region, :version, :today, :actor, :now) RETURNING id""")
			.param("bureau", bureauId).param("region", region).param("version", version)
			.param("today", LocalDate.now(clock)).param("actor", actor).param("now", OffsetDateTime.now(clock))
			.query(Long.class).single();
		for (int i = 0; i < items.size(); i++) {
			InspectionItem item = items.get(i);
			jdbc.sql("""
					INSERT INTO inspection_item_list_entry (list_id, position, code, name, object_type, method, basis, checklist)
					VALUES (:list, :position, :code, :name, :objectType, :method, :basis, :checklist)""")
				.param("list", id).param("position", i + 1).param("code", item.code()).param("name", item.name())
				.param("objectType", item.objectType()).param("method", item.method()).param("basis", item.citation().formal())
				.param("checklist", item.checklist().toArray(String[]::new)).update();
		}
		audit.record(AuditEntry.of("inspection-item.publish", "inspection-item-list", id, "公布抽查事项清单第" + version
				+ "版（" + items.size() + "项）").inRegion(region));
		return publications(region, true).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
	}

	/**
	 * The published versions, newest first: of the bureaus inside {@code prefix} and, when {@code above} is set, of
	 * those above it (the public page of a county shows its city's and province's lists too).
	 */
	public List<PublishedList> publications(String prefix, boolean above) {
		record ListRow(long id, long bureauId, String bureauName, String regionCode, int version, LocalDate publishedOn,
				String publishedBy) {
		}
		List<ListRow> rows = jdbc.sql("""
				SELECT l.id, l.bureau_id, b.name AS bureau_name, l.region_code, l.version, l.published_on, l.published_by
				FROM inspection_item_list l JOIN bureau_name b ON b.id = l.bureau_id
				WHERE\s""" + RegionPrefix.of(prefix).predicate("l.region_code") + """
				   OR (:above AND :prefix LIKE l.region_code || '%')
				ORDER BY l.published_at DESC, l.id DESC LIMIT 50""")
			.param("prefix", prefix == null ? "" : prefix).param("above", above)
			.query(Rows.of(ListRow.class)).list();
		List<PublishedList> lists = new ArrayList<>();
		for (ListRow r : rows) {
			List<PublishedItem> entries = jdbc.sql("""
					SELECT code, name, object_type, method, basis, checklist FROM inspection_item_list_entry
					WHERE list_id = :id ORDER BY position""")
				.param("id", r.id()).query(Rows.of(PublishedItem.class)).list();
			lists.add(new PublishedList(r.id(), r.bureauId(), r.bureauName(), r.regionCode(), r.version(), r.publishedOn(),
					r.publishedBy(), entries));
		}
		return lists;
	}

	/**
	 * The latest published version of each bureau inside {@code prefix} or above it — what the public page shows.
	 */
	public List<PublishedList> latestPublished(String prefix) {
		Set<Long> seen = new HashSet<>();
		return publications(prefix, true).stream().filter(l -> seen.add(l.bureauId())).toList();
	}

	/**
	 * The active items a caller in {@code scope} works with: the default list and the items added by its own bureau,
	 * the bureaus above it and (for a city or province) the bureaus below it; in catalogue order.
	 */
	public List<InspectionItem> list(DataScope scope) {
		return jdbc.sql("""
				SELECT code, name, object_type, method, legal_text, article, rule_code, checklist, bureau_id
				FROM inspection_item i
				WHERE i.active AND (i.bureau_id IS NULL OR :region LIKE i.region_code || '%' OR\s"""
				+ scope.regionPredicate("i.region_code") + ") ORDER BY i.sort_order, i.code")
			.params(scope.params())
			.param("region", scope.regionPrefix() == null ? "" : scope.regionPrefix())
			.query(Rows.of(Row.class))
			.list()
			.stream()
			.map(Row::item)
			.toList();
	}

	/**
	 * Titles of added items ("CODE 名称") among {@code ids} that the caller's catalogue shows, for the audit trail.
	 */
	public Map<Long, String> itemTitles(DataScope scope, Collection<Long> ids) {
		record Title(long id, String code, String name) {
		}
		Map<Long, String> titles = new LinkedHashMap<>();
		jdbc.sql("SELECT id, code, name FROM inspection_item i WHERE i.id IN (:ids) AND (i.bureau_id IS NULL OR "
				+ ":region LIKE i.region_code || '%' OR " + scope.regionPredicate("i.region_code") + ")")
			.params(scope.params())
			.param("region", scope.regionPrefix() == null ? "" : scope.regionPrefix())
			.param("ids", ids)
			.query(Rows.of(Title.class))
			.list()
			.forEach(t -> titles.put(t.id(), t.code() + " " + t.name()));
		return titles;
	}

	/**
	 * Titles of published lists ("苏州市邮政管理局抽查事项清单第1版") among {@code ids} of bureaus in the caller's scope or
	 * above it, for the audit trail.
	 */
	public Map<Long, String> listTitles(DataScope scope, Collection<Long> ids) {
		record Title(long id, String bureauName, int version) {
		}
		Map<Long, String> titles = new LinkedHashMap<>();
		jdbc.sql("SELECT l.id, b.name AS bureau_name, l.version FROM inspection_item_list l JOIN bureau_name b ON b.id = l.bureau_id "
				+ "WHERE l.id IN (:ids) AND (:region LIKE l.region_code || '%' OR " + scope.regionPredicate("l.region_code") + ")")
			.params(scope.params())
			.param("region", scope.regionPrefix() == null ? "" : scope.regionPrefix())
			.param("ids", ids)
			.query(Rows.of(Title.class))
			.list()
			.forEach(t -> titles.put(t.id(), t.bureauName() + "抽查事项清单第" + t.version() + "版"));
		return titles;
	}

	/**
	 * The given item codes, checked against the catalogue the caller sees: duplicates dropped, order kept.
	 * @param field the request field that lists them (errors name {@code field[i]})
	 * @throws InvalidValueException when none is given or one is unknown
	 */
	public List<String> require(DataScope scope, List<String> codes, String field) {
		if (codes == null || codes.isEmpty()) {
			throw new InvalidValueException(field, "required", Wording.of("inspections.refusal.itemsRequired"), "检查事项至少选择一项");
		}
		Set<String> known = new LinkedHashSet<>(list(scope).stream().map(InspectionItem::code).toList());
		Set<String> chosen = new LinkedHashSet<>();
		List<FieldError> errors = new ArrayList<>();
		Map<FieldError, Wording> keyed = new HashMap<>();
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i) == null ? "" : Text.strip(codes.get(i)).toUpperCase();
			if (!known.contains(code)) {
				FieldError error = new FieldError(field + "[" + i + "]", "exists", "第" + (i + 1) + "项检查事项"
						+ "不在抽查事项清单中：" + Text.excerpt(code, 40));
				errors.add(error);
				keyed.put(error, Wording.of("inspections.invalid.itemUnknown", i + 1, Text.excerpt(code, 40)));
			}
			chosen.add(code);
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors, keyed);
		}
		return List.copyOf(chosen);
	}

	/** Item names by code, for pages and documents. */
	public Map<String, String> names(DataScope scope) {
		Map<String, String> names = new LinkedHashMap<>();
		list(scope).forEach(i -> names.put(i.code(), i.name()));
		return names;
	}
}
