package org.youguan.complaints.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface ComplaintRepository extends CrudRepository<Complaint, Long> {

	Optional<Complaint> findByNumber(String number);

	@Query("SELECT * FROM complaint WHERE status IN ('TRANSFERRED', 'RETURNED') "
			+ "AND NOT reply_late AND step_due < :today")
	List<Complaint> findAwaitingReply(LocalDate today);
}
