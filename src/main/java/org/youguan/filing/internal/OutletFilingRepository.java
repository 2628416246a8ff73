package org.youguan.filing.internal;

import org.springframework.data.repository.CrudRepository;

public interface OutletFilingRepository extends CrudRepository<OutletFiling, Long> {
}
