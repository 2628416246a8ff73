package org.youguan.inspections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Rows;
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

	private final JdbcClient jdbc;

	InspectionItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
