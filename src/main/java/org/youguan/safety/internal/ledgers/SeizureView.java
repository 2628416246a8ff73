package org.youguan.safety.internal.ledgers;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.youguan.kernel.Masking;

/** A seizure of a joint operation as the ledger shows it (value in yuan, null when not assessed). */
public record SeizureView(long id, String regionCode, String regionName, LocalDate seizedOn, String agencies, String item,
		BigDecimal quantity, String unit, BigDecimal valueYuan, String note) {

	/**
	 * The same record with every ID and mobile number in its free text — agencies, item, note — masked
	 * ({@link Masking#personalNumbersIn}), as lists show it.
	 */
	public SeizureView masked() {
		return new SeizureView(id, regionCode, regionName, seizedOn, Masking.personalNumbersIn(agencies),
				Masking.personalNumbersIn(item), quantity, unit, valueYuan, Masking.personalNumbersIn(note));
	}
}
