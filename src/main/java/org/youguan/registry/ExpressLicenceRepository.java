package org.youguan.registry;

import org.springframework.data.repository.CrudRepository;

interface ExpressLicenceRepository extends CrudRepository<ExpressLicence, Long> {

	boolean existsByNumber(String number);
}
