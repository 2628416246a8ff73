package org.youguan.registry.internal.outlets;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** Stores and loads TerminalOutlet aggregates (Spring Data JDBC); used only inside the registry. */
public interface TerminalOutletRepository extends CrudRepository<TerminalOutlet, Long> {

	/** Whether an outlet has this name and address, each compared under {@code kernel.Text.folded} (SQL {@code folded}, V245). */
	@Query("SELECT EXISTS (SELECT 1 FROM terminal_outlet WHERE folded(name) = folded(:name) AND folded(address) = folded(:address))")
	boolean existsByNameAndAddress(String name, String address);

	/** The name as stored of the outlet {@link #existsByNameAndAddress} finds — what a twin refusal quotes. */
	@Query("SELECT name FROM terminal_outlet WHERE folded(name) = folded(:name) AND folded(address) = folded(:address) LIMIT 1")
	java.util.Optional<String> findTwinName(String name, String address);
}
