package org.youguan.registry.internal.facilities;

import org.springframework.data.repository.CrudRepository;

/** Stores and loads Facility aggregates (Spring Data JDBC); used only inside the registry. */
public interface FacilityRepository extends CrudRepository<Facility, Long> {
}
