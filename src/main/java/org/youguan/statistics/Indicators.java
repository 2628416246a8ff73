package org.youguan.statistics;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.statistics.internal.Aggregation;
import org.youguan.statistics.internal.Formula;
import org.youguan.statistics.internal.ValueType;

/**
 * The indicator catalogue (read by everyone on the staff side, and by enterprises for their forms). Small and
 * read-mostly: loaded on each call, in position order.
 */
@Service
public class Indicators {

	/** What an administrator enters for a new indicator; a formula makes it derived. */
	public record NewIndicator(String code, String name, String unit, ValueType valueType, Aggregation aggregation,
			String denominatorCode, String formula, String description) {
		/** The long free text (description) as stored: {@link Text#freeText}. */
		public NewIndicator {
			description = Text.freeText(description);
		}
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Indicators(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A unit as stored: one line, the full-width ％ as the % it is; null when blank. */
	private static String unit(String typed) {
		String unit = Text.line(typed);
		return unit == null ? null : unit.replace('\uFF05', '%');
	}

	/**
	 * Adds an indicator to the catalogue (and optionally to a form): a new code, a weighted one names an existing
	 * denominator, a formula of at most {@link Formula#MAX_LENGTH} characters (rule {@code max-length}) and
	 * {@link Formula#MAX_DEPTH} nested brackets (rule {@code depth}, checked before parsing) parses, reads only
	 * existing indicators and divides by no literal zero (rule {@code division-by-zero}); a unit of % (or ％, stored as
	 * %) goes with the value type 百分比 and no other unit does (rule {@code value-type} on {@code unit}).
	 */
	@Transactional
	public void add(NewIndicator n, Long formId) {
		Validation v = new Validation();
		String code = n.code() == null ? "" : Text.strip(n.code());
		v.require("code", code.matches("[a-z][a-z0-9]*(\\.[a-z0-9]+){0,5}") && code.length() <= 60, "format",
				"指标代码应为小写字母、数字和点，如green.transfer.bags");
		v.require("code", find(code).isEmpty(), "unique", "指标代码已存在：" + code);
		v.name("name", "指标名称", n.name(), 100);
		// two indicators of one name (or a look-alike of it, spaces and punctuation aside: Text.textKey) could not be
		// told apart on a form or a chart
		v.require("name", n.name() == null || Text.isBlank(n.name()) || !jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM stat_indicator WHERE text_key(name) = text_key(:name))")
			.param("name", Text.name(n.name()))
			.query(Boolean.class)
			.single(), "unique", "指标名称已存在：" + Text.name(n.name()));
		v.required("unit", "单位", n.unit()).line("unit", "单位", n.unit(), 20);
		v.require("valueType", n.valueType() != null, "required", "请选择数值类型");
		String unit = unit(n.unit());
		if (unit != null && n.valueType() != null) {
			// a percent is read (99.5%, a percentage cell), checked (≤ 100, 2 decimals) and shown by its value type: a
			// unit saying otherwise would be told one thing and held to another
			boolean percentUnit = unit.equals("%");
			v.require("unit", percentUnit == (n.valueType() == ValueType.PERCENT), "value-type", percentUnit
					? "单位为%的指标，数值类型应为百分比" : "数值类型为" + n.valueType().label() + "的指标，单位不能是" + unit
							+ (n.valueType() == ValueType.PERCENT ? "，应为%" : ""));
		}
		v.require("aggregation", n.aggregation() != null, "required", "请选择汇总方式");
		String denominator = n.denominatorCode() == null || Text.isBlank(n.denominatorCode()) ? null : Text.strip(n.denominatorCode());
		if (n.aggregation() == Aggregation.WEIGHTED) {
			v.require("denominatorCode", denominator != null && find(denominator).isPresent(), "exists", "加权平均须指定已有的权重指标");
		}
		String formula = n.formula() == null || Text.isBlank(n.formula()) ? null : Text.strip(n.formula());
		// length and nesting before the recursive parser reads it: the column holds 300 characters, and 5,000 brackets
		// would overflow the parser's stack
		boolean tooLong = formula != null && formula.length() > Formula.MAX_LENGTH;
		boolean tooDeep = formula != null && Formula.depth(formula) > Formula.MAX_DEPTH;
		v.maxLength("formula", "公式", formula, Formula.MAX_LENGTH);
		v.require("formula", !tooDeep, "depth", "公式的括号嵌套不能超过" + Formula.MAX_DEPTH + "层");
		if (formula != null && !tooLong && !tooDeep) {
			try {
				Formula parsed = Formula.parse(formula);
				for (String c : parsed.codes()) {
					v.require("formula", !c.equals(code) && find(c).isPresent(), "exists", "公式引用的指标不存在：" + c);
				}
				// a literal divisor of 0 gives no figure ever (attack: the API read 0, the page —)
				v.require("formula", !parsed.dividesByZero(), "division-by-zero", "公式中的除数为0，无法计算：" + formula);
			}
			catch (IllegalArgumentException ex) {
				v.require("formula", false, "syntax", ex.getMessage());
			}
		}
		v.maxLength("description", "说明", n.description(), 500);
		v.throwIfInvalid();
		int position = jdbc.sql("SELECT coalesce(max(position), 0) + 10 FROM stat_indicator").query(Integer.class).single();
		jdbc.sql("""
				INSERT INTO stat_indicator (code, name, unit, value_type, aggregation, denominator_code, formula, description,
				    category, position)
				VALUES (:code, :name, :unit, :type, :aggregation, :denominator, :formula, :description, 'LOCAL', :position)""")
			.param("code", code)
			.param("name", Text.name(n.name()))
			.param("unit", unit(n.unit()))
			.param("type", n.valueType().name())
			.param("aggregation", n.aggregation().name())
			.param("denominator", n.aggregation() == Aggregation.WEIGHTED ? denominator : null)
			.param("formula", formula)
			.param("description", n.description() == null ? "" : Text.strip(n.description()))
			.param("position", position)
			.update();
		if (formId != null) {
			jdbc.sql("INSERT INTO stat_form_indicator (form_id, indicator_code, position) VALUES (:form, :code, :position)")
				.param("form", formId)
				.param("code", code)
				.param("position", position)
				.update();
		}
		audit.record(AuditEntry.of("statistics.indicator.add", "StatIndicator", code,
				"新增统计指标" + code + "“" + Text.name(n.name()) + "”" + (formula == null ? "" : "＝" + formula)).installationWide());
	}

	public List<Indicator> all() {
		return jdbc.sql("""
				SELECT code, name, unit, value_type, aggregation, denominator_code, formula, description, category, position
				FROM stat_indicator ORDER BY position""").query(Rows.of(Indicator.class)).list();
	}

	public Map<String, Indicator> byCode() {
		Map<String, Indicator> map = new LinkedHashMap<>();
		all().forEach(i -> map.put(i.code(), i));
		return map;
	}

	/**
	 * The catalogue by {@link #codeKey}: a code as a sheet gives it — EXPRESS.Volume, ｅｘｐｒｅｓｓ.ｖｏｌｕｍｅ, with spaces
	 * around — finds its indicator, whose own (canonical, lower-case) code is what is stored.
	 */
	public Map<String, Indicator> byCodeKey() {
		Map<String, Indicator> map = new LinkedHashMap<>();
		all().forEach(i -> map.putIfAbsent(codeKey(i.code()), i));
		return map;
	}

	/**
	 * An indicator code as compared: compatibility-normalised (NFKC: full-width letters, digits and dots are ASCII),
	 * without the spaces around it, in lower case — codes are lower-case letters, digits and dots ({@link #add}), so a
	 * code typed in capitals is the same code. Null stays null.
	 */
	public static String codeKey(String code) {
		return code == null ? null : Text.strip(Normalizer.normalize(code, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
	}

	public Optional<Indicator> find(String code) {
		return jdbc.sql("""
				SELECT code, name, unit, value_type, aggregation, denominator_code, formula, description, category, position
				FROM stat_indicator WHERE code = :code""").param("code", code).query(Rows.of(Indicator.class)).optional();
	}

	/** The indicator with this code, or an error naming {@code field}. */
	public Indicator require(String field, String code) {
		return find(code == null ? "" : Text.strip(code))
			.orElseThrow(() -> new InvalidValueException(field, "exists", Wording.of("statistics.invalid.noIndicator", code), "没有代码为“" + code + "”的统计指标"));
	}

	public Indicator get(String code) {
		return find(code).orElseThrow(() -> DomainException.notFound("统计指标", code));
	}
}
