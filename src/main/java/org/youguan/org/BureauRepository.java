package org.youguan.org;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface BureauRepository extends CrudRepository<Bureau, Long> {

	Optional<Bureau> findByRegionCode(String regionCode);

	boolean existsByName(String name);
}
