package org.youguan.registry.internal.outlets;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** Stores and loads TerminalOutlet aggregates (Spring Data JDBC); used only inside the registry. */
public interface TerminalOutletRepository extends CrudRepository<TerminalOutlet, Long> {

	/**
	 * Whether an outlet has this name and address: the name under the one twin key {@code kernel.Text.textKey} (SQL
	 * {@code text_key}: spaces, punctuation and full width aside), the address under {@code kernel.Text.folded} (a dash
	 * in "3-201号" tells one door from another) — as the unique index {@code terminal_outlet_name_text_key} (V353) holds it.
	 */
	@Query("SELECT EXISTS (SELECT 1 FROM terminal_outlet WHERE text_key(name) = text_key(:name) AND folded(address) = folded(:address))")
	boolean existsByNameAndAddress(String name, String address);

	/** The name as stored of the outlet {@link #existsByNameAndAddress} finds — what a twin refusal quotes. */
	@Query("SELECT name FROM terminal_outlet WHERE text_key(name) = text_key(:name) AND folded(address) = folded(:address) LIMIT 1")
	java.util.Optional<String> findTwinName(String name, String address);
}
