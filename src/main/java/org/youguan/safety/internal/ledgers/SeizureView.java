package org.youguan.safety.internal.ledgers;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A seizure of a joint operation as the ledger shows it (value in yuan, null when not assessed). */
public record SeizureView(long id, String regionCode, String regionName, LocalDate seizedOn, String agencies, String item,
		BigDecimal quantity, String unit, BigDecimal valueYuan, String note) {
}
