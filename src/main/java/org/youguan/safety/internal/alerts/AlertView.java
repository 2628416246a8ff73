package org.youguan.safety.internal.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.youguan.safety.AlertDetails;
import org.youguan.safety.internal.Pseudonyms;
import org.youguan.kernel.Masking;

/**
 * An anomaly alert as pages and the API show it. The subject of a pseudonym rule is a keyed pseudonym (never a clear
 * ID number); {@link #subjectShown()} shortens it. Its detail is in Chinese ({@code detail}) and, for the pages, as a UI
 * bundle key with its values ({@code detailKey}, {@code detailArgs}; null for an old detail whose shape was not
 * recognised), which {@link #detailWords()} words in the reader's language.
 */
public record AlertView(long id, AlertRule rule, String subject, LocalDate day, String regionCode, String regionName,
		Long enterpriseId, String enterpriseName, BigDecimal measure, BigDecimal threshold, String detail,
		String detailKey, List<String> detailArgs, String status, String reason, String decidedBy, Instant decidedAt,
		Instant createdAt) {

	/**
	 * The detail as the pages, the inbox and the .xlsx word it in the reader's language
	 * ({@code ${@labels.of(a.detailWords())}}, {@code Spreadsheets} cells): the bundle's {@code detailKey} with
	 * {@code detailArgs} ({@link AlertDetails#words}: lists joined by the reader's separator), the Chinese
	 * {@code detail} as it is where the alert has no key.
	 */
	public Object detailWords() {
		return detailKey == null ? detail : AlertDetails.words(detailKey, detailArgs);
	}

	/**
	 * The same alert with every ID and mobile number in the bureau's reason for its decision masked
	 * ({@link Masking#personalNumbersIn}), as lists show it.
	 */
	public AlertView masked() {
		return new AlertView(id, rule, subject, day, regionCode, regionName, enterpriseId, enterpriseName, measure,
				threshold, detail, detailKey, detailArgs, status, Masking.personalNumbersIn(reason), decidedBy, decidedAt, createdAt);
	}

	/**
	 * The subject as shown: pseudonyms shortened (first 8 … last 4), a courier named with his enterprise's name — the
	 * stored subject {@code <enterprise id>:<courier id>} is shown {@code <enterprise name> 快递员<courier id>}, the
	 * internal id ("6:C-WZ-007") meaning nothing to a reader —, other subjects as they are; each without the county a
	 * record rule's alert is raised for ({@code @320506}: each involved county has its own alert).
	 */
	public String subjectShown() {
		return switch (rule) {
			case PSEUDONYM_ENTERPRISES, PSEUDONYM_VOLUME -> Pseudonyms.shorten(withoutCounty(subject.indexOf('@')));
			case COURIER_SELF -> courierShown(withoutCounty(subject.lastIndexOf('@')));
			case OUTLET_REAL_NAME, EXEMPT_SHARE -> withoutCounty(subject.lastIndexOf('@'));
			default -> subject;
		};
	}

	private String withoutCounty(int at) {
		return at < 0 ? subject : subject.substring(0, at);
	}

	/** {@code <enterprise id>:<courier id>} as {@code <enterprise name> 快递员<courier id>}; as stored without a name. */
	private String courierShown(String courier) {
		int colon = courier.indexOf(':');
		if (colon < 0 || enterpriseName == null || enterpriseName.isBlank()) {
			return courier;
		}
		return enterpriseName + " 快递员" + courier.substring(colon + 1);
	}

	/** The status in Chinese. */
	public String statusLabel() {
		return statusLabel(status);
	}

	/** A status code ({@link #STATUSES}) in Chinese: 待处理 for OPEN. */
	static String statusLabel(String status) {
		return switch (status) {
			case "OPEN" -> "待处理";
			case "DISMISSED" -> "已排除";
			case "REFERRED" -> "已转立案线索";
			case "TARGETED" -> "已列为检查对象";
			default -> status;
		};
	}

	/** The statuses of an alert, in their order: OPEN, DISMISSED, REFERRED, TARGETED. */
	static final List<String> STATUSES = List.of("OPEN", "DISMISSED", "REFERRED", "TARGETED");

	/** Whether staff may still act on it. */
	public boolean open() {
		return "OPEN".equals(status);
	}
}
