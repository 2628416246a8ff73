package org.youguan.inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
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
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Validation;
import org.youguan.rules.Citation;
import org.youguan.rules.LegalText;
import org.youguan.rules.StatutoryRule;

/**
 * The 抽查事项清单: the default items derived from the law (licence conditions, branch and outlet filing, 实名收寄,
 * 收寄验视, 过机安检, 禁寄物品处置, 运单与用户信息安全, 服务公示, 投诉处理, 快递包装, 普遍服务营业场所 — each citing its
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
					rule == null ? null : rule.title() + "（" + rule.basis() + "）", checklist, bureauId);
		}
	}

	/** The objects an item applies to. */
	public static final List<String> OBJECT_TYPES = List.of("ENTERPRISE", "BRANCH", "OUTLET", "POST_OFFICE");

	/** How an item is checked: 现场检查, 书面检查, 网络监测. */
	public static final List<String> METHODS = List.of("ON_SITE", "DOCUMENTS", "ONLINE");

	/**
	 * An item a bureau adds to the catalogue.
	 * @param code the stable code (upper-case letters, digits and underscores, 2–40, unique in the catalogue)
	 * @param name 事项名称
	 * @param legalText the cited text ({@link LegalText} name; only real legal texts)
	 * @param article the article cited, or null/0 for the text as a whole
	 * @param objectType one of {@link #OBJECT_TYPES}
	 * @param method one of {@link #METHODS}
	 * @param checklist the content checklist, one line each (at least one)
	 */
	public record ItemData(String code, String name, String legalText, Integer article, String objectType, String method,
			List<String> checklist) {
	}

	/**
	 * A published version of a bureau's 抽查事项清单: number, day, who published it, and the items as published.
	 */
	public record PublishedList(long id, long bureauId, String bureauName, String regionCode, int version,
			LocalDate publishedOn, String publishedBy, List<PublishedItem> items) {
	}

	/** An item as it was published (its basis as cited then). */
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

	/**
	 * Adds a bureau's own item to the catalogue (seen by the bureau, those above and below it); audited.
	 * @param bureauId the caller's bureau
	 * @return the item's code
	 * @throws InvalidValueException naming each broken field; DomainException (duplicate) for a code in use
	 */
	@Transactional
	public String add(DataScope scope, long bureauId, String actor, ItemData data) {
		Validation v = new Validation();
		String code = data.code() == null ? "" : data.code().strip().toUpperCase();
		v.required("code", "事项代码", data.code());
		v.require("code", code.isEmpty() || code.matches("[A-Z][A-Z0-9_]{1,39}"), "format",
				"事项代码应为2至40位大写字母、数字或下划线，以字母开头");
		v.required("name", "事项名称", data.name()).maxLength("name", "事项名称", data.name(), 100);
		LegalText text = null;
		try {
			text = data.legalText() == null || data.legalText().isBlank() ? null : LegalText.valueOf(data.legalText().strip());
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		v.require("legalText", text != null && text.isText(), "one-of", "法律依据应选择一部法律法规");
		v.require("article", data.article() == null || data.article() >= 0 && data.article() <= 500, "range",
				"条款应为0至500之间的整数（0表示整部法规）");
		v.require("objectType", data.objectType() != null && OBJECT_TYPES.contains(data.objectType()), "one-of", "检查对象应为快递企业、分支机构、末端网点或邮政营业场所");
		v.require("method", data.method() != null && METHODS.contains(data.method()), "one-of", "检查方式应为现场检查、书面检查或网络监测");
		List<String> lines = data.checklist() == null ? List.of()
				: data.checklist().stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
		v.require("checklist", !lines.isEmpty(), "required", "检查内容至少填写一条");
		v.require("checklist", lines.size() <= 30 && lines.stream().allMatch(l -> l.length() <= 200), "range",
				"检查内容至多30条，每条不超过200字");
		String region = jdbc.sql("SELECT region_code FROM bureau_name WHERE id = :id").param("id", bureauId)
			.query(String.class).optional().orElse(null);
		v.require("bureauId", region != null && scope.containsRegion(region), "scope", "只能为本单位增加抽查事项");
		v.throwIfInvalid();
		if (jdbc.sql("SELECT count(*) FROM inspection_item WHERE code = :code").param("code", code).query(Long.class).single() > 0) {
			throw DomainException.duplicate("code", "事项代码已在抽查事项清单中：" + code);
		}
		long id = jdbc.sql("""
				INSERT INTO inspection_item (bureau_id, region_code, code, name, object_type, method, legal_text, article,
				    checklist, sort_order, created_by, created_at)
				VALUES (:bureau, :region, :code, :name, :objectType, :method, :text, :article, :checklist,
				    (SELECT coalesce(max(sort_order), 0) + 10 FROM inspection_item), :actor, :now) RETURNING id""")
			.param("bureau", bureauId).param("region", region).param("code", code).param("name", data.name().strip())
			.param("objectType", data.objectType()).param("method", data.method()).param("text", text.name())
			.param("article", data.article() == null ? 0 : data.article()).param("checklist", lines.toArray(String[]::new))
			.param("actor", actor).param("now", OffsetDateTime.now(clock))
			.query(Long.class).single();
		audit.record(AuditEntry.of("inspection-item.add", "inspection-item", id, "增加抽查事项：" + code + " "
				+ data.name().strip()).inRegion(region));
		return code;
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
				.param("objectType", item.objectType()).param("method", item.method()).param("basis", item.basis())
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
			throw new InvalidValueException(field, "required", "检查事项（" + field + "）至少选择一项");
		}
		Set<String> known = new LinkedHashSet<>(list(scope).stream().map(InspectionItem::code).toList());
		Set<String> chosen = new LinkedHashSet<>();
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i) == null ? "" : codes.get(i).strip().toUpperCase();
			if (!known.contains(code)) {
				errors.add(new FieldError(field + "[" + i + "]", "exists", "检查事项（" + field + "[" + i
						+ "]）不在抽查事项清单中：" + (code.length() > 40 ? code.substring(0, 40) + "…" : code)));
			}
			chosen.add(code);
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
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
