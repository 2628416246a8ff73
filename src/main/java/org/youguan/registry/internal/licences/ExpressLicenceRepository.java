package org.youguan.registry.internal.licences;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

/** Stores and loads ExpressLicence aggregates (Spring Data JDBC); used only inside the registry. */
public interface ExpressLicenceRepository extends CrudRepository<ExpressLicence, Long> {

	Optional<ExpressLicence> findByNumber(String number);
}
