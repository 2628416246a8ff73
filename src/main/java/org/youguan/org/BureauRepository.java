package org.youguan.org;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface BureauRepository extends CrudRepository<Bureau, Long> {

	Optional<Bureau> findByRegionCode(String regionCode);

	/**
	 * The name as stored of the bureau whose name is {@code name} under {@code kernel.Text.textKey} (SQL
	 * {@code text_key}, V336; the unique index of V346: spaces, punctuation and full width aside), if any — what a twin
	 * refusal quotes, not the name typed.
	 */
	@Query("SELECT name FROM bureau WHERE text_key(name) = text_key(:name) LIMIT 1")
	Optional<String> findTwinName(String name);
}
