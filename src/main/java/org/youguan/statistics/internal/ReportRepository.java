package org.youguan.statistics.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface ReportRepository extends CrudRepository<Report, Long> {

	/** The newest revision of an enterprise's report for a form and period. */
	@Query("SELECT * FROM stat_report WHERE form_id = :formId AND enterprise_id = :enterpriseId AND period = :period "
			+ "ORDER BY revision DESC LIMIT 1")
	Optional<Report> findLatest(long formId, long enterpriseId, String period);

	@Query("SELECT * FROM stat_report WHERE form_id = :formId AND enterprise_id = :enterpriseId AND period = :period "
			+ "AND status = 'APPROVED' LIMIT 1")
	Optional<Report> findApproved(long formId, long enterpriseId, String period);
}
