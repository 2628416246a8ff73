package org.youguan.registry.internal.brands;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

/** Stores and loads Brand aggregates (Spring Data JDBC); used only inside the registry. */
public interface BrandRepository extends CrudRepository<Brand, Long> {

	Optional<Brand> findByShortName(String shortName);

	boolean existsByName(String name);

	boolean existsByShortName(String shortName);
}
