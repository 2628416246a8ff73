package org.youguan.kernel;

import java.io.Serializable;

/**
 * One failed check: the field, the rule that failed (a message key under {@code rule.}) and the message in Chinese.
 */
public record FieldError(String field, String rule, String message) implements Serializable {
}
