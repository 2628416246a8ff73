package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;

/** A safety training as the ledger shows it. */
public record TrainingView(long id, String regionCode, String regionName, LocalDate heldOn, String topic, int trainees,
		String audience, String organiser) {
}
