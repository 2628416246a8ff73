package org.youguan.registry.internal.outlets;

import org.springframework.data.repository.CrudRepository;

/** Stores and loads TerminalOutlet aggregates (Spring Data JDBC); used only inside the registry. */
public interface TerminalOutletRepository extends CrudRepository<TerminalOutlet, Long> {

	boolean existsByNameAndAddress(String name, String address);
}
