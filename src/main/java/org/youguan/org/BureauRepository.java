package org.youguan.org;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface BureauRepository extends CrudRepository<Bureau, Long> {

	Optional<Bureau> findByRegionCode(String regionCode);

	/** Whether a bureau's name is {@code name} under {@code kernel.Text.folded} (SQL {@code folded}, V245). */
	@Query("SELECT EXISTS (SELECT 1 FROM bureau WHERE folded(name) = folded(:name))")
	boolean existsByName(String name);
}
