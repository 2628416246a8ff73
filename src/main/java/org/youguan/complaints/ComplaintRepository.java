package org.youguan.complaints;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface ComplaintRepository extends CrudRepository<Complaint, Long> {

	Optional<Complaint> findByNumber(String number);

	Optional<Complaint> findByIdempotencyKey(String idempotencyKey);
}
