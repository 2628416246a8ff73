package org.youguan.org;

import org.springframework.data.repository.CrudRepository;

interface DepartmentRepository extends CrudRepository<Department, Long> {

	boolean existsByBureauIdAndName(Long bureauId, String name);
}
