package org.youguan.registry;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface ExpressLicenceRepository extends CrudRepository<ExpressLicence, Long> {

	Optional<ExpressLicence> findByNumber(String number);
}
