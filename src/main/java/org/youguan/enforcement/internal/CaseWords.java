package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.CaseStatus;
import org.youguan.enforcement.Penalty;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.EnumWords;
import org.youguan.rules.FineRange;

/**
 * A case's status and penalty as a page shows them in the reader's language (attack B4: the English mode showed
 * 公告送达中（视为送达日…） and "Proposed penalty：罚款人民币5000元"). Chinese is what the domain writes, word for word
 * ({@link CaseStatus#shown}, {@link Penalty#describe}); another language takes the UI bundle's words:
 * {@code ${@caseWords.status(c.status(), c.deliveredOn(), c.deemedServicePending())}}.
 */
@Component("caseWords")
final class CaseWords {

	private final MessageSource messages;

	CaseWords(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The status as shown today.
	 * @param deliveredOn the day the decision is (deemed) served, or null
	 * @param deemedServicePending whether {@code deliveredOn} is a public notice's deemed day still ahead
	 */
	public String status(CaseStatus status, LocalDate deliveredOn, boolean deemedServicePending) {
		return status(status, deliveredOn, deemedServicePending, null);
	}

	/**
	 * The status as the party reads it today: as {@link #status(CaseStatus, LocalDate, boolean)}, except a delivered
	 * decision it reads that was revoked or confirmed invalid on {@code annulledOn} ({@link CaseStatus#annulledLabel})
	 * — so said from that day, a public notice still running included (a case closed since reads 已结案).
	 * @param annulledOn the day the decision was annulled, or null
	 */
	public String status(CaseStatus status, LocalDate deliveredOn, boolean deemedServicePending, LocalDate annulledOn) {
		Locale locale = LocaleContextHolder.getLocale();
		if (annulledOn != null && status == CaseStatus.DELIVERED) {
			return chinese(locale) ? CaseStatus.annulledLabel(annulledOn) : messages.getMessage("enforcement.status.annulled",
					new Object[] { DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(annulledOn) }, locale);
		}
		LocalDate ahead = deemedServicePending ? deliveredOn : null;
		if (chinese(locale) || status == null) {
			return status == null ? null : status.shown(ahead);
		}
		if (status == CaseStatus.DELIVERED && ahead != null) {
			return messages.getMessage("enforcement.status.publicNoticePending",
					new Object[] { DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(ahead) }, locale);
		}
		return EnumWords.of(messages, status, locale);
	}

	/**
	 * A penalty with its amounts: in Chinese {@code chinese} (the domain's {@link Penalty#describe}), in another
	 * language "Fine of ¥5000", "Licence revoked, confiscation of illegal gains of ¥9999 and a fine of ¥50000".
	 * @param fine the fine, null or 0 for none
	 * @param confiscated the illegal gains confiscated, null or 0 for none
	 * @param suspensionDays the days of a 责令停业整顿, or null
	 * @param chinese the penalty as the domain describes it
	 */
	public String penalty(Penalty penalty, BigDecimal fine, BigDecimal confiscated, Integer suspensionDays,
			String chinese) {
		Locale locale = LocaleContextHolder.getLocale();
		if (chinese(locale) || penalty == null) {
			return chinese;
		}
		StringBuilder text = new StringBuilder();
		if (penalty == Penalty.FINE && some(fine)) {
			text.append(word("enforcement.penaltyWords.fine", locale, ChineseText.yuanFigures(fine)));
		}
		else if (penalty == Penalty.CONFISCATION && some(confiscated)) {
			text.append(word("enforcement.penaltyWords.confiscation", locale, ChineseText.yuanFigures(confiscated)));
		}
		else {
			text.append(EnumWords.of(messages, penalty, locale));
			if (penalty == Penalty.SUSPENSION && suspensionDays != null) {
				text.append(word("enforcement.penaltyWords.days", locale, suspensionDays));
			}
			if (some(confiscated)) {
				text.append(word("enforcement.penaltyWords.andConfiscation", locale, ChineseText.yuanFigures(confiscated)));
			}
		}
		if (penalty != Penalty.FINE && some(fine)) {
			text.append(word("enforcement.penaltyWords.andFine", locale, ChineseText.yuanFigures(fine)));
		}
		return text.toString();
	}

	/**
	 * A penalty's kinds without amounts, as the 处罚种类 of a published decision: in Chinese the domain's
	 * {@link Penalty#labelWith} (罚款; 吊销经营许可证、没收违法所得并处罚款), in another language "Fine", "Licence revoked,
	 * confiscation of illegal gains and a fine".
	 * @param fine the fine, null or 0 for none
	 * @param confiscated the illegal gains confiscated, null or 0 for none
	 * @return the kinds, or null for no penalty
	 */
	public String kind(Penalty penalty, BigDecimal fine, BigDecimal confiscated) {
		Locale locale = LocaleContextHolder.getLocale();
		if (penalty == null || chinese(locale)) {
			return penalty == null ? null : penalty.labelWith(fine, confiscated);
		}
		StringBuilder text = new StringBuilder(EnumWords.of(messages, penalty, locale));
		if (penalty != Penalty.CONFISCATION && some(confiscated)) {
			text.append(messages.getMessage("enforcement.penaltyWords.andConfiscationKind", null, locale));
		}
		if (penalty != Penalty.FINE && some(fine)) {
			text.append(messages.getMessage("enforcement.penaltyWords.andFineKind", null, locale));
		}
		return text.toString();
	}

	/**
	 * A fine range as a page names it: in Chinese as the catalogue shows it ({@link FineRange#toString}: 50000–100000元,
	 * 不超过10000元; {@code named}: 情节严重：10000–30000元), in another language with the currency sign — "¥50000–100000",
	 * "up to ¥10000", "serious: ¥10000–30000".
	 * @param named whether a serious range says so ({@link FineRange#named})
	 * @return the range, or "" for none
	 */
	public String range(FineRange range, boolean named) {
		if (range == null) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		if (chinese(locale)) {
			return named ? range.named() : range.toString();
		}
		String amounts = range.min().signum() == 0
				? word("enforcement.rangeWords.upTo", locale, ChineseText.yuanFigures(range.max()))
				: word("enforcement.rangeWords.between", locale, ChineseText.yuanFigures(range.min()) + "–" + ChineseText.yuanFigures(range.max()));
		return named && range.serious() ? word("enforcement.rangeWords.serious", locale, amounts) : amounts;
	}

	private String word(String key, Locale locale, Object value) {
		return messages.getMessage(key, new Object[] { value }, locale);
	}

	private static boolean some(BigDecimal amount) {
		return amount != null && amount.signum() > 0;
	}

	private static boolean chinese(Locale locale) {
		return locale == null || "zh".equals(locale.getLanguage());
	}
}
