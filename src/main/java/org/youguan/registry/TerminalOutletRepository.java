package org.youguan.registry;

import org.springframework.data.repository.CrudRepository;

interface TerminalOutletRepository extends CrudRepository<TerminalOutlet, Long> {

	boolean existsByNameAndAddress(String name, String address);
}
