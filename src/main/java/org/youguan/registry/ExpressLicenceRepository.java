package org.youguan.registry;

import org.springframework.data.repository.CrudRepository;

interface ExpressLicenceRepository extends CrudRepository<ExpressLicence, Long> {

	java.util.Optional<ExpressLicence> findByNumber(String number);
}
