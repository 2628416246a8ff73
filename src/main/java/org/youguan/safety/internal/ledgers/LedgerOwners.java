package org.youguan.safety.internal.ledgers;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * For the ledgers' pages: whether the signed-in caller owns a row ({@link Corrections#requireOwn}), so that a row's page
 * offers its step forms (修改, 整改情况, 销号, 后续处置, 结案, 撤销) only to its owner — a bureau above reads the row
 * and is offered none (the steps refuse it anyway). Called from the templates as {@code @ledgerOwners.owns('hazards', id)}.
 */
@Component("ledgerOwners")
public class LedgerOwners {

	/** The ledgers a page asks about, by the name in their addresses, and their tables. */
	private static final Map<String, String> TABLES = Map.of("hazards", "safety_hazard", "incidents", "safety_incident",
			"periods", SecurityPeriods.TABLE, "trainings", "safety_training", "seizures", "safety_seizure", "contractors",
			"safety_contractor");

	private final Corrections corrections;

	LedgerOwners(Corrections corrections) {
		this.corrections = corrections;
	}

	/**
	 * Whether the signed-in caller takes the steps of row {@code id} of {@code ledger}: an enterprise its own rows'
	 * (their scope decides), staff their bureau's ({@link Corrections#requireOwn}).
	 * @param ledger {@code hazards}, {@code incidents}, {@code periods}, {@code trainings}, {@code seizures} or
	 *     {@code contractors}
	 * @throws IllegalArgumentException for another ledger name (a template's mistake)
	 */
	public boolean owns(String ledger, long id) {
		return corrections.owns(table(ledger), id);
	}

	/**
	 * Refuses the signed-in caller the correction form of row {@code id} of {@code ledger} unless it owns the row: the
	 * form is not shown to a reader whose 修改 would be refused ({@link Corrections#requireOwn}).
	 * @throws org.youguan.kernel.AccessRefusedException (403) naming the owning bureau
	 * @throws IllegalArgumentException for another ledger name
	 */
	void requireOwns(String ledger, long id) {
		corrections.requireOwn(table(ledger), "记录", id);
	}

	private static String table(String ledger) {
		String table = TABLES.get(ledger);
		if (table == null) {
			throw new IllegalArgumentException("no ledger " + ledger);
		}
		return table;
	}

	/**
	 * The bureau owning row {@code id} of {@code ledger} (登记单位: the one that recorded it, else the one handling its
	 * region) — what its page tells a reader who does not own it, so a row it cannot act on names who does; null for a
	 * row not there.
	 * @param ledger as {@link #owns}
	 */
	public String ownerName(String ledger, long id) {
		return corrections.ownerName(table(ledger), id).orElse(null);
	}
}
