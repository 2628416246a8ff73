package org.youguan.org;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface DepartmentRepository extends CrudRepository<Department, Long> {

	/**
	 * The name as stored of the bureau's department whose name is {@code name} under {@code kernel.Text.textKey} (SQL
	 * {@code text_key}, V336; the unique index of V346: spaces, punctuation and full width aside — 办公室 and 办公室。,
	 * 市场监管处 and 市场·监管处 are one name), if any — what a twin refusal quotes ("法规处ab", not the "法规处AB" typed).
	 */
	@Query("SELECT name FROM department WHERE bureau_id = :bureauId AND text_key(name) = text_key(:name) LIMIT 1")
	Optional<String> findTwinName(Long bureauId, String name);
}
