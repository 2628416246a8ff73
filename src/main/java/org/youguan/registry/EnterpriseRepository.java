package org.youguan.registry;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface EnterpriseRepository extends CrudRepository<Enterprise, Long> {

	Optional<Enterprise> findByCreditCode(String creditCode);

	boolean existsByCreditCode(String creditCode);
}
