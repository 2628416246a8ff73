package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import org.youguan.enforcement.Penalty;
import org.youguan.kernel.Choice;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.rules.Provision;

/**
 * Reading a step's typed values, each error naming its field (rule {@code required}, {@code one-of} …): enum values,
 * penalty kinds, fines and confiscated amounts in yuan, reasons; and the checks of a penalty's parts against the
 * violation's article that a decision on the platform and an imported past one share.
 */

public final class CaseInput {

	/** An amount in yuan as the cases keep it (numeric(14, 2)): integer digits. */
	public static final int YUAN_INTEGER = 12;

	/** An amount in yuan: fraction digits (分). */
	public static final int YUAN_FRACTION = 2;

	/** A fine's label ("罚款金额"), in messages as a person reads them — also for the JSON reader ({@code NumberText.Digits}). */
	public static final String FINE = "罚款金额";

	/** A confiscated amount's label. */
	public static final String CONFISCATED = "没收违法所得金额";

	private CaseInput() {
	}

	/**
	 * A step's reason: required, at most 500 characters, in words (field {@code reason}; rule {@code words}: "。" or "1"
	 * gives no reason, and a 撤案理由 is printed on the 结案报告).
	 */
	public static void requireReason(String reason, String label) {
		new Validation().required("reason", label, reason).maxLength("reason", label, reason, 500)
			.words("reason", label, reason).throwIfInvalid();
	}

	/** The fewest 汉字 or letters a statement of facts holds once its lead-in is stripped ({@link #facts}). */
	public static final int FACT_LETTERS = 3;

	/**
	 * A statement of facts that a legal document prints after a lead-in of its own ("经查，${report}"): the 调查终结报告
	 * (quoted by the 事先告知书, 决定书, 不予行政处罚决定书 and the 调查终结报告 itself), a lead's 线索内容 (the 立案审批表's
	 * 案情) and an on-the-spot penalty's 违法事实. What is left once the lead-in it was typed with is dropped
	 * ({@link CaseDocuments#facts}, the one place that strips it — any run of "查明", "经调查核实，", "现查明，",
	 * "据调查，", "经现场检查，", "经调查取证，" …) holds at least {@link #FACT_LETTERS} 汉字 or letters (rule
	 * {@code no-facts}): a report of nothing but the lead-in would print an empty statement of facts, which
	 * 行政处罚法(2021) art.40 and 59 forbid, and fewer than three letters ("ab", "取证") cannot state an act — the
	 * shortest statement of a violation names one ("未报送", "无证经营"). Blank passes (pair with
	 * {@link Validation#required}); a field already refused is not told again.
	 * @return {@code v}
	 */
	public static Validation facts(Validation v, String field, String label, String text) {
		if (Text.isBlank(text) || v.hasError(field)) {
			return v;
		}
		long letters = CaseDocuments.facts(text).codePoints().filter(Character::isLetter).count();
		return v.require(field, letters >= FACT_LETTERS, "no-facts", label + "没有写明事实：去掉开头语（如“查明”“经调查核实，”）后"
				+ (letters == 0 ? "没有内容，文书的违法事实部分将是空白" : "不足" + FACT_LETTERS + "个字，不能说明违法事实")
				+ "；请写明查明的违法事实（" + Provision.cite(Provision.PENALTY_FACTS,
						Provision.PENALTY_DECISION_CONTENT) + "）");
	}

	/** A penalty kind (required); NONE is refused (不予处罚 is its own step). */
	public static Penalty penalty(Validation v, String field, String label, String text) {
		Penalty p = parse(v, field, label, text, Penalty.class, true);
		if (p == Penalty.NONE) {
			v.require(field, false, "one-of", label + "不能为NONE：不予处罚请使用“不予处罚”");
			return null;
		}
		return p;
	}

	/** A fine in yuan as typed: required for FINE, none beside a warning; null when 0 or absent. */
	public static BigDecimal fine(Validation v, String field, Penalty penalty, String text) {
		BigDecimal fine = v.decimal(field, FINE, text, YUAN_INTEGER, YUAN_FRACTION);
		v.money(field, FINE, fine);
		DecisionRules.amount(v, field, FINE, fine, penalty == Penalty.FINE, "处罚种类为罚款时，罚款金额须大于0");
		if (penalty == Penalty.WARNING && fine != null && fine.signum() != 0) {
			// the heavier kinds carry the fine their article 并处 (DecisionRules.combinedFine); a warning none
			v.require(field, false, "absent", "处罚种类为" + penalty.label() + "时不填写罚款金额");
			return null;
		}
		return fine != null && fine.signum() == 0 ? null : fine;
	}

	/**
	 * 没收违法所得 states the value confiscated (元), apart from any fine: the notice and the decision name it, the
	 * hearing right and the legal review follow from it (行政处罚法(2021) art.58, 63), and the decision may not exceed
	 * what was notified (art.45). Required (rule {@code required} on {@code field}) for CONFISCATION where the violation's
	 * article provides it — where it does not, the kind is the one refusal ({@link DecisionRules#providedKind}), not an
	 * amount asked for a penalty that cannot be imposed; null when 0 or absent.
	 * @param provided the kinds the violation's article provides ({@code ViolationType.penalties()})
	 */
	public static BigDecimal confiscated(Validation v, String field, Penalty penalty, String text, Set<String> provided) {
		BigDecimal amount = v.decimal(field, CONFISCATED, text, YUAN_INTEGER, YUAN_FRACTION);
		v.money(field, CONFISCATED, amount);
		DecisionRules.amount(v, field, CONFISCATED, amount, penalty == Penalty.CONFISCATION && DecisionRules.provides(provided, penalty),
				"处罚种类为没收违法所得时，须填写没收的违法所得金额（元）：告知书和决定书须载明，并据以确定听证权利和法制审核");
		return amount != null && amount.signum() == 0 ? null : amount;
	}

	/**
	 * The parts of a penalty against what the violation's article provides, the one check of a decision on the platform
	 * and of an imported past one: the fine the article 并处 beside a heavier kind it provides (rule
	 * {@code combined-required} on {@code fineField}), a confiscation only where provided and named as the kind
	 * ({@code not-provided}, {@code heaviest}). A kind the article does not provide is refused on the kind alone
	 * ({@link DecisionRules#providedKind}, {@link DecisionRules#providedOrLighter}): no part is asked for beside it.
	 */
	public static void checkParts(Validation v, String penaltyField, String fineField, String confiscatedField,
			Set<String> provided, Penalty penalty, BigDecimal fine, BigDecimal confiscated) {
		DecisionRules.combinedFine(v, fineField, provided, penalty, fine);
		DecisionRules.confiscation(v, penaltyField, confiscatedField, provided, penalty, confiscated);
	}

	/** An enum value by its name (case-insensitive), or the error {@code required} / {@code one-of} on {@code field}. */
	public static <E extends Enum<E>> E parse(Validation v, String field, String label, String text, Class<E> type,
			boolean required) {
		if (Text.isBlank(text)) {
			v.require(field, !required, "required", label + "不能为空");
			return null;
		}
		try {
			return Enum.valueOf(type, Text.strip(text).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			v.require(field, false, "one-of", Choice.oneOf(label, type), label + "应为" + Choice.listed(type) + "之一");
			return null;
		}
	}

	/**
	 * An amount of yuan in figures as the messages and records show it before 元: the product's one money format
	 * ({@link ChineseText#yuanFigures}: 8000, 12345.50 — never 12345.5 or 8E+3), as the documents and pages write it.
	 */
	public static String plain(BigDecimal amount) {
		return ChineseText.yuanFigures(amount);
	}

	/** An amount, null when 0 or absent. */
	public static BigDecimal nonZero(BigDecimal amount) {
		return amount == null || amount.signum() == 0 ? null : amount;
	}
}
