package org.youguan.registry;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.youguan.kernel.Rows;

/**
 * The registry's copy of the enterprises' 年度报告, kept from {@link AnnualReportFiled} (after the filing commits; a
 * report of an enterprise the registry does not know is left out) and shown on the enterprise's page.
 */
@Service
public class AnnualReportCopies {

	private final JdbcClient jdbc;

	private final Enterprises enterprises;

	AnnualReportCopies(JdbcClient jdbc, Enterprises enterprises) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
	}

	@ApplicationModuleListener
	void on(AnnualReportFiled filed) {
		enterprises.findByCreditCode(filed.creditCode()).ifPresent(e -> jdbc.sql("""
				INSERT INTO enterprise_annual_report (enterprise_id, year, filed_on, late, business_volume, revenue, outlets, staff)
				VALUES (:id, :year, :on, :late, :volume, :revenue, :outlets, :staff)
				ON CONFLICT (enterprise_id, year) DO UPDATE SET filed_on = EXCLUDED.filed_on, late = EXCLUDED.late,
				    business_volume = EXCLUDED.business_volume, revenue = EXCLUDED.revenue, outlets = EXCLUDED.outlets,
				    staff = EXCLUDED.staff""")
			.param("id", e.id())
			.param("year", filed.year())
			.param("on", filed.filedOn())
			.param("late", filed.late())
			.param("volume", filed.businessVolume())
			.param("revenue", filed.revenue())
			.param("outlets", filed.outlets())
			.param("staff", filed.staff())
			.update());
	}

	/** The annual reports of enterprise {@code enterpriseId}, latest year first (the caller has read the enterprise). */
	public List<EnterpriseAnnualReport> of(long enterpriseId) {
		return jdbc.sql("""
				SELECT year, filed_on, late, business_volume, revenue, outlets, staff FROM enterprise_annual_report
				WHERE enterprise_id = :id ORDER BY year DESC""")
			.param("id", enterpriseId)
			.query(Rows.of(EnterpriseAnnualReport.class))
			.list();
	}
}
