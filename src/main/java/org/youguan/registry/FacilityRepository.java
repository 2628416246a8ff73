package org.youguan.registry;

import org.springframework.data.repository.CrudRepository;

interface FacilityRepository extends CrudRepository<Facility, Long> {

	boolean existsBySerialNumber(String serialNumber);
}
