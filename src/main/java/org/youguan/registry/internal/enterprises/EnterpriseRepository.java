package org.youguan.registry.internal.enterprises;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

/** Stores and loads Enterprise aggregates (Spring Data JDBC); used only inside the registry. */
public interface EnterpriseRepository extends CrudRepository<Enterprise, Long> {

	Optional<Enterprise> findByCreditCode(String creditCode);

	boolean existsByCreditCode(String creditCode);
}
