package org.youguan.safety.internal;

import org.youguan.kernel.Masking;

/**
 * Why one line was rejected: the field (contract name, or {@code line} for a line that is no record at all), the
 * rule's code and its Chinese reason naming the field.
 *
 * @param field the contract field name, e.g. {@code senderRegion}
 * @param code the rule, e.g. {@code region-unknown}
 * @param message the Chinese reason, e.g. “寄件地区（senderRegion）不是现行县级行政区划代码：999999”, with any ID or
 *        mobile number in it masked ({@link Masking#personalNumbersIn})
 */
record ParcelRejection(String field, String code, String message) {

	/** The reason echoes the value sent: a personal number sent in any field is masked in it (kept, answered, logged). */
	ParcelRejection {
		message = Masking.personalNumbersIn(message);
	}
}
