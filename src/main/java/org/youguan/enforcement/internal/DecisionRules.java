package org.youguan.enforcement.internal;

import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.youguan.enforcement.Mitigation;
import org.youguan.enforcement.Penalty;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.rules.FineRange;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.ViolationType;

/**
 * The rules a proposed or decided penalty must meet, each a small named check citing its article; the service
 * composes them.
 */
public final class DecisionRules {

	private DecisionRules() {
	}

	/**
	 * A step the party's rights as they stand exclude (409), naming the field it was asked through and the rule.
	 * @param field the request's field
	 * @param rule the rule's name ({@code statement-waived}, {@code statement-given})
	 * @param message the Chinese message
	 */
	public static DomainException partyRight(String field, String rule, String message) {
		return DomainException.illegalTransition(field, rule, message);
	}

	/**
	 * A rule of law the request breaks (422), naming the field it was asked through and the rule — every refusal of the
	 * enforcement module names both.
	 * @param field the request's field
	 * @param rule the rule's name
	 * @param message the Chinese message
	 */
	public static DomainException ruleBroken(String field, String rule, String message) {
		return new DomainException(ErrorCode.RULE_VIOLATION, message, List.of(new FieldError(field, rule, message)));
	}

	/**
	 * An amount of a penalty (a fine, a value confiscated): above zero whenever given — 0 or a negative amount is rule
	 * {@code positive} on {@code field} — and, when the kind decided is this part ({@code requiredByKind}), given (rule
	 * {@code required}, {@code requiredMessage}). An amount refused already by another rule is not told again.
	 */
	public static void amount(Validation v, String field, String label, BigDecimal amount, boolean requiredByKind,
			String requiredMessage) {
		if (amount == null) {
			// an amount typed and refused (¥2,000.00, 1,00) is no missing one: one error per field
			v.require(field, !requiredByKind || v.hasError(field), "required", requiredMessage);
		}
		else if (!v.hasError(field) && (amount.signum() < 0 || requiredByKind && amount.signum() == 0)) {
			// an amount refused already (money: more than two decimals) is told once, by the first rule it broke
			v.require(field, false, "positive", label + "应大于0，填写的是" + ChineseText.yuan(amount));
		}
	}

	/**
	 * No 陈述申辩 after the party's written waiver of it (行政处罚法(2021) art.44–45: the right is the party's; the waiver
	 * it gave in writing ends the window): 409 on {@code statement}, rule {@code statement-waived}.
	 * @param waivedOn the day the party waived its statement, null when it did not
	 */
	public static void statementNotWaived(LocalDate waivedOn) {
		if (waivedOn != null) {
			throw DomainException.illegalTransition("statement", "statement-waived",
					Wording.of("enforcement.refusal.statementWaived", waivedOn), "当事人已于" + ChineseText.day(waivedOn)
					+ "书面明确放弃陈述申辩，不能再提交陈述申辩（" + Provision.cite(Provision.PENALTY_NOTICE, Provision.PENALTY_STATEMENT) + "）");
		}
	}

	/**
	 * A statement (陈述申辩) whose whole text only gives the right up or accepts the penalty ("放弃陈述申辩", "本人自愿放弃
	 * 陈述、申辩的权利", "无", "对处罚没有异议", "接受处罚", "本公司对处罚无异议，放弃陈述申辩。") is no statement: a waiver is
	 * the party's own signed act (行政处罚法(2021) art.44–45), recorded as one with its scan or on the portal — typed by
	 * staff as a statement it would open the decision at once. The text is read clause by clause (split at ，。；！？ and
	 * line breaks; spaces and other punctuation ignored): it is a waiver when every clause waives, states no objection
	 * or accepts the penalty, save polite additions (谢谢, 特此说明, 此致敬礼) — a text with any other clause ("对事实无异议，
	 * 但罚款过高", "对处罚有异议") is a statement.
	 * @return whether the text is only such a phrase
	 */
	public static boolean onlyWaives(String statement) {
		if (statement == null) {
			return false;
		}
		boolean waives = false;
		for (String clause : CLAUSES.split(statement)) {
			String bare = clause.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s\\p{Zs}]", "");
			if (bare.isEmpty() || POLITE.matcher(bare).matches()) {
				continue;
			}
			if (!WAIVER.matcher(bare).matches() && !ACCEPTANCE.matcher(bare).matches()) {
				return false;
			}
			waives = true;
		}
		return waives;
	}

	/** Where a text's clauses end: the comma, full stop, semicolon, exclamation and question marks, a line break. */
	private static final Pattern CLAUSES = Pattern.compile("[，,。；;！!？?\\n\\r]+");

	/** A clause that only adds politeness or a formula of a letter. */
	private static final Pattern POLITE = Pattern.compile("(特此(说明|声明|告知|函告|报告)|此致|敬礼|此致敬礼|谢谢|谢谢(您|你们|贵局)?|"
			+ "感谢(您|你们|贵局)?|您好|你好|好的|以上|特此)+");

	/**
	 * The party's own statement typed on the enterprise portal that only says it has no objection or gives the right up
	 * ("无异议", "放弃陈述申辩"; {@link #onlyWaives}) is no statement — told to the party in its own terms: it waives its
	 * statement itself with the portal's waiver (放弃陈述申辩, confirmed), or writes the facts and reasons it puts
	 * forward. The message staff get ("登记书面声明…") is not the party's to act on.
	 * @throws DomainException (422, field {@code statement}, rule {@code use-waiver}) for such a text
	 */
	public static void notOnlyAWaiverOnThePortal(String statement) {
		if (onlyWaives(statement)) {
			throw ruleBroken("statement", "use-waiver", "您填写的内容只表示无异议或放弃陈述申辩，不作为陈述申辩提交：如无异议、不陈述申辩，"
					+ "请勾选下方“我确认放弃陈述申辩”后点击“放弃陈述申辩”；如有意见，请写明您提出的事实、理由和证据（" + Provision.cite(Provision.PENALTY_NOTICE, Provision.PENALTY_STATEMENT) + "）");
		}
	}

	/** Who speaks in a waiver, and the words that only stress it (自愿, 明确, 在此). */
	private static final String SPEAKER = "(当事人|本人|我|我们|我方|我司|我公司|本公司|本单位|我单位|公司)?(在此|现|特)?"
			+ "(郑重|自愿|决定|同意|明确|完全|愿意|表示|均|都|也|已)*";

	/** What is accepted or not objected to: the penalty, its decision, its facts, the notice (对拟作出的行政处罚决定). */
	private static final String PENALTY = "(对)?(本次|该|此|此次|上述|贵局|贵局的|你局|你局的|拟|拟作出的|拟给予的|所作出的|作出的)?"
			+ "(行政)?(处罚|处理|处罚决定|处理决定|处罚结果|处理结果|决定|告知|告知书|处罚告知|事实|违法事实|认定)?"
			+ "(的)?(违法事实|事实|内容|结果|决定|理由|依据)?";

	/** A clause giving up the statement or saying there is nothing to say ("放弃陈述申辩", "不陈述申辩", "无", "无意见"). */
	private static final Pattern WAIVER = Pattern.compile(SPEAKER
			+ "((放弃|不(进行|作|做|提出|予|再)?|无|没有|无需|无须|不需要|不必|没)(本次|任何)?(陈述(和|与|及)?申辩|陈述|申辩)?(的)?(权利|权|意见)?(无异议)?"
			+ "|" + PENALTY + "(没有|无|没|不持|不存在|不再有|不提出|不提)(任何)?(异议|意见))");

	/** A clause accepting the penalty ("接受处罚", "同意处罚", "认可处罚决定", "服从处理"). */
	private static final Pattern ACCEPTANCE = Pattern.compile(SPEAKER + "((接受|同意|认可|服从|认同)(对我(公司|方|司|单位)?的)?"
			+ "(本次|该|此|此次|上述|贵局|贵局的|你局|你局的|拟|拟作出的|拟给予的|作出的|所作出的)?(行政)?"
			+ "(处罚|处理|处罚决定|处理决定|处罚结果|处理结果|决定|告知|告知内容|认定)(的)?(事实|内容|结果|决定|理由|依据)?"
			+ "|认罚)");

	/**
	 * The fine against the violation's range: above the maximum never; below the minimum only as 减轻处罚 with one of
	 * art.32's grounds and a reason; 从轻 stays within the range; a mitigation always names its ground and reason
	 * (行政处罚法(2021) art.32). Errors on {@code fine}, {@code mitigation}, {@code mitigationGround},
	 * {@code mitigationReason}.
	 */
	public static void checkFine(Validation v, FineRange range, BigDecimal fine, Mitigation mitigation,
			Mitigation.Ground ground, String reason) {
		checkFine(v, "fine", range, fine, mitigation, ground, reason);
	}

	/**
	 * As {@link #checkFine(Validation, FineRange, BigDecimal, Mitigation, Mitigation.Ground, String)}, the fine's errors
	 * on {@code fineField}, the name the request gives the amount (the conclusion's {@code proposedFine}).
	 */
	public static void checkFine(Validation v, String fineField, FineRange range, BigDecimal fine, Mitigation mitigation,
			Mitigation.Ground ground, String reason) {
		if (fine == null || fine.signum() <= 0) {
			// a fine of 0 or less is refused by its amount's own rule (罚款金额应大于0): one message, no range beside it
			return;
		}
		v.require(fineField, fine.compareTo(range.max()) <= 0, "range", "罚款" + plain(fine) + "元超出该违法行为的法定幅度上限（"
				+ range.named() + "），不予通过");
		if (range.below(fine)) {
			v.require(fineField, mitigation == Mitigation.REDUCED, "range", "罚款" + plain(fine) + "元低于法定幅度下限（"
					+ range.named() + "）；低于下限只能依" + Provision.PENALTY_MITIGATION + "减轻处罚，并写明情形和理由");
		}
		else if (mitigation == Mitigation.REDUCED && !v.hasError("mitigation")) {
			v.require("mitigation", false, "reduced-below-min", "减轻处罚是在法定幅度下限以下处罚；罚款在幅度（" + range
					+ "）内的，请选择从轻处罚");
		}
		if (mitigation != null) {
			v.require("mitigationGround", ground != null, "required", mitigation.label() + "须选择" + Provision.PENALTY_MITIGATION + "规定的情形");
			v.require("mitigationReason", !Text.isBlank(reason), "required", mitigation.label() + "须说明理由");
		}
	}

	/**
	 * A 减轻处罚 is one (行政处罚法(2021) art.32: below the statutory minimum — a lighter kind than every one the article
	 * provides, or a fine above 0 and below the range's minimum, {@link FineRange#reduces}): a decision or proposal
	 * marked 减轻 of a kind the article provides without such a fine — no fine at all beside the kind, or one at or
	 * above the minimum — is not 减轻 (rule {@code not-reduced} on {@code mitigation}; a fine at or above the minimum
	 * is refused by {@link #checkFine} already, rule {@code reduced-below-min}). Holds with or without 集体讨论: the
	 * heads' discussion decides the case, it does not make a 减轻 of a penalty at the range.
	 * @param provided the kinds the violation's article provides ({@code ViolationType.penalties()})
	 */
	public static void reducedIsBelowTheMinimum(Validation v, FineRange range, Set<String> provided, Penalty penalty,
			BigDecimal fine, Mitigation mitigation) {
		if (mitigation != Mitigation.REDUCED || penalty == null || v.hasError("mitigation")) {
			return;
		}
		boolean lighterKind = !provided.contains(penalty.name())
				&& provided.stream().allMatch(k -> Penalty.valueOf(k).heavierThan(penalty));
		boolean fineAtOrAbove = fine != null && fine.signum() > 0 && !range.below(fine);
		v.require("mitigation", lighterKind || range.reduces(fine) || fineAtOrAbove, "not-reduced",
				"减轻处罚是在法定幅度下限以下处罚（" + Provision.PENALTY_MITIGATION + "）：须处以低于下限（" + range.named()
						+ "）且大于0的罚款，或轻于处罚依据所定各种类的处罚；" + penalty.label()
						+ (fine == null || fine.signum() == 0 ? "而无罚款" : "") + "不是减轻处罚，不予处罚的请作出不予处罚决定");
	}

	/**
	 * Whether the party may request a hearing (行政处罚法(2021) art.63): 较大数额罚款 or 没收较大数额违法所得 (either
	 * part at least {@code threshold}), 责令停业整顿, 吊销许可证件.
	 * @param fine the fine (罚款), null when none
	 * @param confiscated the value confiscated (没收违法所得), null when none
	 */
	public static boolean hearingRight(Penalty penalty, BigDecimal fine, BigDecimal confiscated, BigDecimal threshold) {
		if (penalty == null) {
			return false;
		}
		return penalty.givesHearingRight() || atLeast(fine, threshold) || atLeast(confiscated, threshold);
	}

	/**
	 * Whether 法制审核 is required before the decision (行政处罚法(2021) art.58, with the bureau's configurable
	 * threshold): a fine or a confiscation of at least {@code threshold}, 责令停业整顿 or 吊销许可证件 (重大权益), or a
	 * case that went through a hearing (art.58(二)).
	 */
	public static boolean reviewRequired(Penalty penalty, BigDecimal fine, BigDecimal confiscated, BigDecimal threshold,
			boolean heard) {
		if (heard) {
			return true;
		}
		if (penalty == null) {
			return false;
		}
		return penalty.givesHearingRight() || atLeast(fine, threshold) || atLeast(confiscated, threshold);
	}

	private static boolean atLeast(BigDecimal amount, BigDecimal threshold) {
		return amount != null && amount.compareTo(threshold) >= 0;
	}

	/**
	 * 并处: every article of the catalogue that provides 没收违法所得, 责令停业整顿 or 吊销许可证件 provides them together
	 * with its fine — 「没收违法所得，并处…罚款」 (邮政法(2015) arts.72, 76; 快递暂行条例(2025) arts.52, 54), 「情节严重的，
	 * 处…罚款，并可以责令停业整顿直至吊销」 (邮政法(2015) arts.73, 75; 快递暂行条例(2025) art.51) —, so a decision of such a
	 * kind under an article that fines ({@code provided} holds FINE) also states the fine: rule {@code combined-required}
	 * on {@code fineField}. Its amount is checked against the range as any fine (减轻 below it with art.32's ground).
	 */
	public static void combinedFine(Validation v, String fineField, Set<String> provided, Penalty penalty, BigDecimal fine) {
		// a heavier kind the article does not provide is refused on the kind (providedKind): asking for the fine the
		// article would 并处 with it told the opposite of that refusal (attack: 没收 under an article that only fines)
		if (penalty != null && penalty.heavierThan(Penalty.FINE) && provides(provided, penalty) && provided.contains(Penalty.FINE.name())) {
			v.require(fineField, fine != null && fine.signum() > 0 || v.hasError(fineField), "combined-required", "该违法行为的处罚依据规定" + penalty.label()
					+ "须并处罚款：请填写罚款金额，在法定幅度内（依" + Provision.PENALTY_MITIGATION + "减轻处罚的，写明情形和理由）");
		}
	}

	/**
	 * 没收违法所得 only where the violation's article provides it (rule {@code not-provided} on
	 * {@code confiscatedField}); beside a fine or a warning, the confiscation is the heavier part, so the decision's
	 * kind is 没收违法所得 (rule {@code heaviest} on {@code penaltyField}: the kind names the heaviest part, 行政处罚法
	 * (2021) art.9 order).
	 */
	public static void confiscation(Validation v, String penaltyField, String confiscatedField, Set<String> provided,
			Penalty penalty, BigDecimal confiscated) {
		if (confiscated == null || confiscated.signum() == 0) {
			return;
		}
		if (!provides(provided, Penalty.CONFISCATION)) {
			// one refusal: on the kind where the kind is 没收 (providedKind), else on the amount — never also "name 没收 as
			// the kind" (heaviest), which the article does not allow
			v.require(confiscatedField, penalty == Penalty.CONFISCATION, "not-provided", "该违法行为的处罚依据只规定了"
					+ kinds(provided) + "，不能没收违法所得");
			return;
		}
		if (penalty != null && !penalty.heavierThan(Penalty.FINE)) {
			v.require(penaltyField, false, "heaviest", "罚款并没收违法所得的，处罚种类应为没收违法所得（按较重的一种），罚款金额另行填写");
		}
	}

	/** Whether the violation's article provides {@code penalty} ({@code provided}: {@code ViolationType.penalties()}). */
	public static boolean provides(Set<String> provided, Penalty penalty) {
		return penalty != null && provided.contains(penalty.name());
	}

	/**
	 * The penalty must be one the violation's article provides ({@code provided}, the catalogue's
	 * {@code ViolationType.penalties()}): another kind only when lighter than all of them (a warning where the article
	 * fines) and as 减轻处罚 with one of art.32's grounds and a reason (行政处罚法(2021) art.32); never a kind the article
	 * does not provide that is heavier. Errors on {@code penaltyField} (rule {@code not-provided}), {@code mitigationGround},
	 * {@code mitigationReason}.
	 */
	public static void providedKind(Validation v, String penaltyField, Set<String> provided, Penalty penalty,
			Mitigation mitigation, Mitigation.Ground ground, String reason) {
		if (penalty == null || provided.contains(penalty.name())) {
			return;
		}
		boolean lighter = provided.stream().allMatch(k -> Penalty.valueOf(k).heavierThan(penalty));
		v.require(penaltyField, lighter && mitigation == Mitigation.REDUCED, "not-provided", "该违法行为的处罚依据只规定了" + kinds(provided)
				+ "，不能处以" + penalty.label() + (lighter ? "（依" + Provision.PENALTY_MITIGATION + "减轻处罚的除外，须写明情形和理由）" : ""));
		if (lighter && mitigation == Mitigation.REDUCED) {
			v.require("mitigationGround", ground != null, "required", mitigation.label() + "须选择" + Provision.PENALTY_MITIGATION + "规定的情形");
			v.require("mitigationReason", !Text.isBlank(reason), "required", mitigation.label() + "须说明理由");
		}
	}

	/**
	 * 责令停业整顿 and 吊销许可证 only in a serious case: every article of the catalogue that provides them provides them
	 * for 情节严重 (邮政法(2015) arts.72, 73, 75; 快递暂行条例(2025) arts.51–54) — rule {@code not-serious} on
	 * {@code penaltyField}; a case not found serious gets the article's other kinds.
	 * @param serious whether the case is found serious (情节严重), as the conclusion states it
	 */
	public static void seriousOnly(Validation v, String penaltyField, Penalty penalty, boolean serious) {
		if (penalty == Penalty.SUSPENSION || penalty == Penalty.REVOCATION) {
			v.require(penaltyField, serious, "not-serious", penalty.label() + "只适用于情节严重的违法行为：本案未认定情节严重"
					+ "（如属情节严重，应在调查终结报告中认定，并经负责人集体讨论决定，" + Provision.PENALTY_HEAD_DECIDES + "）");
		}
	}

	/**
	 * A case found serious (情节严重) — a live investigation's conclusion (调查终结, on which 集体讨论 then depends) or a
	 * past case imported — only under an article that sets something for serious cases ({@link ViolationType#admitsSerious}:
	 * a heavier fine range, a fine at all, or 停业整顿/吊销). Under any other article — 快递暂行条例(2025) art.56
	 * (PACKAGING) has one range — the finding chooses nothing and would show a 情节严重 the decision could not have
	 * stated: rule {@code no-serious-range} on {@code seriousField}, naming the article.
	 * @param serious whether the record says the case was found serious
	 */
	public static void seriousProvided(Validation v, String seriousField, ViolationType type, boolean serious) {
		if (serious && type != null && !type.admitsSerious()) {
			v.require(seriousField, false, "no-serious-range", "情节严重填了“是”，但“" + type.shortName() + "”的处罚条款（"
					+ type.basis() + "）没有规定情节严重的处罚幅度：请填“否”或不填");
		}
	}

	/**
	 * No fine in a case not found serious under an article that fines only serious cases
	 * ({@link ViolationType#finesOnlyWhenSerious()}: 快递市场管理办法(2023) art.55 — 警告或者通报批评；情节严重的，处三千元以下
	 * 罚款): rule {@code not-serious} on {@code fineField}.
	 * @param serious whether the case is found serious (情节严重)
	 */
	public static void finedOnlyWhenSerious(Validation v, String fineField, ViolationType type, BigDecimal fine,
			boolean serious) {
		if (type != null && type.finesOnlyWhenSerious() && fine != null && fine.signum() > 0 && !v.hasError(fineField)) {
			v.require(fineField, serious, "not-serious", "“" + type.shortName() + "”（" + type.basis() + "）只对情节严重的处以罚款，"
					+ "情节一般的予以警告：本案未认定情节严重，不填写罚款金额");
		}
	}

	/**
	 * A past decision (imported, its mitigation not recorded) of a kind the violation's article provides, or lighter than
	 * all of them (a 减轻处罚 the record does not detail); never a heavier kind the article does not provide (rule
	 * {@code not-provided} on {@code penaltyField}).
	 */
	public static void providedOrLighter(Validation v, String penaltyField, Set<String> provided, Penalty penalty) {
		if (penalty == null || provided.contains(penalty.name())) {
			return;
		}
		boolean lighter = provided.stream().allMatch(k -> Penalty.valueOf(k).heavierThan(penalty));
		v.require(penaltyField, lighter, "not-provided", "该违法行为的处罚依据只规定了" + kinds(provided) + "，不能处以" + penalty.label());
	}

	private static String kinds(Set<String> provided) {
		return provided.stream().map(Penalty::valueOf).sorted().map(Penalty::label).collect(Collectors.joining("、"));
	}

	/**
	 * No heavier penalty than the one notified (行政处罚法(2021) art.44–45: a heavier one needs a new notice — after the
	 * head returns the case to investigation, {@code NoticeAndHearing#returnToInvestigation} —, and the
	 * party's statement may never make it heavier), nor of a kind not notified (rule {@code not-notified}; a warning
	 * excepted; a part notified beside the heavier kind — 并处 — may be decided alone, which is lighter). Each part of a
	 * combined penalty counts: a fine above the one notified, or one not notified, and likewise a confiscation, is
	 * heavier. Errors on {@code penalty}, {@code fine} and {@code confiscated}.
	 */
	public static void notHeavier(Validation v, Penalty proposed, BigDecimal proposedFine, BigDecimal proposedConfiscated,
			Penalty decided, BigDecimal fine, BigDecimal confiscated) {
		if (proposed == null || decided == null) {
			return;
		}
		v.require("penalty", !decided.heavierThan(proposed), "heavier", "处罚种类（" + decided.label() + "）重于事先告知的（"
				+ proposed.label() + "）：不得因陈述申辩加重处罚（" + Provision.PENALTY_STATEMENT + "），加重须由局领导退回调查、重新调查终结后重新告知");
		// a kind never notified (a fine after a 停业整顿 notified without one) was never put to the party: only a notified
		// part — the kind, the fine or the confiscation notified beside it (并处) — or a mere warning may follow without
		// a new notice (art.44); dropping a notified part is lighter, which art.45 allows
		boolean notifiedPart = decided == proposed || decided == Penalty.WARNING
				|| decided == Penalty.FINE && proposedFine != null && proposedFine.signum() > 0
				|| decided == Penalty.CONFISCATION && proposedConfiscated != null && proposedConfiscated.signum() > 0;
		v.require("penalty", decided.heavierThan(proposed) || notifiedPart, "not-notified",
				"处罚种类（" + decided.label() + "）不是事先告知的（" + proposed.label() + "）：未告知的处罚须重新事先告知（" + Provision.PENALTY_NOTICE + "）");
		notAbove(v, "fine", "罚款", fine, proposedFine);
		notAbove(v, "confiscated", "没收违法所得", confiscated, proposedConfiscated);
	}

	/**
	 * How a decision departs from the penalty the 法制审核 agreed to (行政处罚法(2021) art.58: the review is of the
	 * decision proposed; art.57: what the heads decide otherwise they decide 集体讨论): the kind, the fine, the value
	 * confiscated, the days of 停业整顿 and the 从轻/减轻 each compared with the proposal (amounts by value: 20000 and
	 * 20000.00 are one), in words for the refusal ("罚款由20000元改为0.01元"); empty when the decision is the proposal.
	 * A 不予处罚 ({@code decided} null, art.33) after a penalty proposed and reviewed departs from it as a whole
	 * ("处罚种类由罚款改为不予行政处罚", the law's name of the decision, art.33): the heads decide it 集体讨论 as any
	 * other departure (art.57 para.2), the one rule for both decisions ({@code CaseDecisions#decide} and
	 * {@code #notPenalize}).
	 * @param proposedMitigation the 从轻/减轻 the conclusion proposed (null: none)
	 * @param decided the penalty decided; null for 不予处罚
	 */
	public static List<String> departures(Penalty proposed, BigDecimal proposedFine, BigDecimal proposedConfiscated,
			Integer proposedDays, Mitigation proposedMitigation, Penalty decided, BigDecimal fine, BigDecimal confiscated,
			Integer days, Mitigation mitigation) {
		List<String> changes = new ArrayList<>();
		if (decided == null) {
			return proposed == null ? changes : List.of("处罚种类由" + proposed.label() + "改为" + Penalty.NONE.label());
		}
		if (proposed != decided) {
			changes.add("处罚种类由" + label(proposed) + "改为" + label(decided));
		}
		if (!sameAmount(proposedFine, fine)) {
			changes.add("罚款由" + yuan(proposedFine) + "改为" + yuan(fine));
		}
		if (!sameAmount(proposedConfiscated, confiscated)) {
			changes.add("没收违法所得由" + yuan(proposedConfiscated) + "改为" + yuan(confiscated));
		}
		if (!Objects.equals(proposedDays, days)) {
			changes.add("停业整顿由" + (proposedDays == null ? "无" : proposedDays + "日") + "改为" + (days == null ? "无" : days + "日"));
		}
		if (proposedMitigation != mitigation) {
			changes.add("从轻/减轻由" + (proposedMitigation == null ? "无" : proposedMitigation.label()) + "改为"
					+ (mitigation == null ? "无" : mitigation.label()));
		}
		return changes;
	}

	private static boolean sameAmount(BigDecimal a, BigDecimal b) {
		return a == null || b == null ? a == b || (a == null ? b.signum() == 0 : a.signum() == 0) : a.compareTo(b) == 0;
	}

	private static String label(Penalty p) {
		return p == null ? "无" : p.label();
	}

	private static String yuan(BigDecimal amount) {
		return amount == null || amount.signum() == 0 ? "无" : plain(amount) + "元";
	}

	private static void notAbove(Validation v, String field, String label, BigDecimal decided, BigDecimal notified) {
		if (decided != null && decided.signum() > 0) {
			v.require(field, notified != null && decided.compareTo(notified) <= 0, "heavier", label + plain(decided) + "元"
					+ (notified == null ? "未经事先告知" : "高于事先告知的" + plain(notified) + "元")
					+ "：不得因陈述申辩加重处罚（" + Provision.PENALTY_STATEMENT + "），加重须由局领导退回调查、重新调查终结后重新告知");
		}
	}

	/**
	 * The length of a 责令停业整顿 in calendar days, counted from the day after the 行政处罚决定书 is delivered (a document
	 * printed before delivery can state it; calendar days from the decision could begin before the party knew of it).
	 * Required with SUSPENSION (rule {@code required}), absent with any other kind (rule {@code absent}); a whole number
	 * from 1 (rules {@code number}/{@code integer}/{@code positive}) to {@code max}, the catalogue's product rule
	 * {@code penalty.suspension-max} where the case is (rule {@code max}: the law sets no span); at a decision never longer
	 * than the period notified (行政处罚法(2021) art.45, rule {@code heavier}), nor given when the notice stated none
	 * (art.44, rule {@code not-notified}: a new notice after 退回调查).
	 * @param field {@code proposedSuspensionDays} at the conclusion, {@code suspensionDays} at the decision
	 * @param notified the days the 事先告知书 stated, for a decision; null at the conclusion (nothing to compare with)
	 * @param atDecision whether this is the decision (the notified period binds it)
	 * @return the days, or null where absent or invalid
	 */
	public static Integer suspensionDays(Validation v, String field, Penalty penalty, String text, BigDecimal max,
			Integer notified, boolean atDecision) {
		String label = "停业整顿期限（日数）";
		if (penalty != Penalty.SUSPENSION) {
			v.require(field, penalty == null || Text.isBlank(text), "absent", "只有责令停业整顿才填写停业整顿期限");
			return null;
		}
		v.required(field, label, text);
		Long days = Text.isBlank(text) ? null : v.whole(field, label, text, 4);
		if (days == null) {
			return null;
		}
		v.require(field, days > 0, "positive", label + "至少为1日");
		long ceiling = max.longValue();
		v.require(field, days <= 0 || days <= ceiling, "max", label + days + "日超过规则目录“"
				+ StatutoryRule.PENALTY_SUSPENSION_MAX.title() + "”的" + ceiling + "日");
		if (atDecision) {
			v.require(field, notified != null, "not-notified", "事先告知书未告知停业整顿的期限：期限须经事先告知（" + Provision.PENALTY_NOTICE + "），"
					+ "请由局领导退回调查、重新调查终结并告知拟停业整顿的日数");
			v.require(field, notified == null || days <= notified, "heavier", label + days + "日长于事先告知的" + notified
					+ "日：不得因陈述申辩加重处罚（" + Provision.PENALTY_STATEMENT + "），加重须由局领导退回调查、重新调查终结后重新告知");
		}
		return v.hasError(field) ? null : days.intValue();
	}

	/** An amount of yuan in figures before 元 ({@link CaseInput#plain}: the one money format). */
	static String plain(BigDecimal amount) {
		return CaseInput.plain(amount);
	}
}
