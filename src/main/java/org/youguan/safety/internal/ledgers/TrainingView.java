package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;

import org.youguan.kernel.Masking;

/** A safety training as the ledger shows it. */
public record TrainingView(long id, String regionCode, String regionName, LocalDate heldOn, String topic, int trainees,
		String audience, String organiser) {

	/**
	 * The same training with every ID and mobile number in its free text — topic, audience, organiser — masked
	 * ({@link Masking#personalNumbersIn}), as lists, the API list and the export show it.
	 */
	public TrainingView masked() {
		return new TrainingView(id, regionCode, regionName, heldOn, Masking.personalNumbersIn(topic), trainees,
				Masking.personalNumbersIn(audience), Masking.personalNumbersIn(organiser));
	}
}
