package org.youguan.registry;

import org.springframework.data.repository.CrudRepository;

interface BranchRepository extends CrudRepository<Branch, Long> {
}
