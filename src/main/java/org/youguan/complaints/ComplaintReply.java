package org.youguan.complaints;

import java.math.BigDecimal;

/**
 * The enterprise's reply to a transferred complaint: findings, responsibility, solution, compensation or apology,
 * whether the filer agrees, and the handler to contact.
 */
public record ComplaintReply(String findings, Responsibility responsibility, String solution, BigDecimal compensation,
		boolean apology, boolean userAgrees, String handler, String handlerPhone) {
}
