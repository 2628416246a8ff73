package org.youguan.registry.internal.branches;

import org.springframework.data.repository.CrudRepository;

/** Stores and loads Branch aggregates (Spring Data JDBC); used only inside the registry. */
public interface BranchRepository extends CrudRepository<Branch, Long> {
}
