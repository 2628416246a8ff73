package org.youguan.complaints.internal;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

public interface ComplaintRepository extends CrudRepository<Complaint, Long> {

	Optional<Complaint> findByNumber(String number);

	Optional<Complaint> findByIdempotencyKey(String idempotencyKey);

	@org.springframework.data.jdbc.repository.query.Query("SELECT * FROM complaint WHERE status IN ('TRANSFERRED', 'RETURNED') "
			+ "AND NOT reply_late AND step_due < :today")
	java.util.List<Complaint> findAwaitingReply(java.time.LocalDate today);
}
