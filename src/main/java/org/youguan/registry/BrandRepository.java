package org.youguan.registry;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface BrandRepository extends CrudRepository<Brand, Long> {

	Optional<Brand> findByShortName(String shortName);

	boolean existsByName(String name);

	boolean existsByShortName(String shortName);
}
