package org.youguan.org;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface DepartmentRepository extends CrudRepository<Department, Long> {

	/** Whether the bureau has a department whose name is {@code name} under {@code kernel.Text.folded} (SQL {@code folded}, V245). */
	@Query("SELECT EXISTS (SELECT 1 FROM department WHERE bureau_id = :bureauId AND folded(name) = folded(:name))")
	boolean existsByBureauIdAndName(Long bureauId, String name);
}
