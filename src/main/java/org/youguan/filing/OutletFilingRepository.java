package org.youguan.filing;

import org.springframework.data.repository.CrudRepository;

interface OutletFilingRepository extends CrudRepository<OutletFiling, Long> {
}
