package org.youguan.statistics;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.RandomDigits;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.Licences;
import org.youguan.registry.Registrar;

/**
 * Test reporters of statistics: an enterprise registered by a test began to operate today (its registration), so it may
 * report no earlier period ({@link ReportForms#requireOperating}); a test that reports past periods for it first gives
 * it the licence it has held since then.
 */
public final class Reporters {

	private Reporters() {
	}

	/**
	 * Makes a report 已报送 directly, as a submission leaves it, without its checks (a test whose values are beside the
	 * point): status and time, and the values, notes and 填报说明 as submitted — the copy the bureau reads — taken from
	 * the working copy.
	 */
	public static void markSubmitted(JdbcClient jdbc, long reportId) {
		jdbc.sql("UPDATE stat_report SET status = 'SUBMITTED', submitted_at = now(), submitted_comment = comment WHERE id = :id")
			.param("id", reportId).update();
		jdbc.sql("""
				INSERT INTO stat_report_submitted_value (report_id, indicator_code, value, note)
				SELECT report_id, indicator_code, value, note FROM stat_report_value WHERE report_id = :id""")
			.param("id", reportId).update();
	}

	/**
	 * Records a provincial express licence (unique number, statutory validity) for the enterprise, issued on
	 * {@code since}: the enterprise has operated since that day and may report every period ending on or after it.
	 * @return the enterprise id, for chaining
	 */
	public static long licensedSince(Licences licences, long enterprise, LocalDate since) {
		String number = "苏邮S" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
		licences.record(DataScope.all(), Registrar.platform(), new LicenceData(enterprise, number, LicenceScope.PROVINCE, "江苏省邮政管理局", "32",
				since, null), false);
		return enterprise;
	}

	/** A test reporter: its enterprise id and credit code, and its own scope. */
	public record Reporter(long id, String code, DataScope own) {
	}

	/**
	 * An express reporter (顺丰) of 吴中区 320506 — decided by 吴中区局, read by the city too — licensed since 2001, so it
	 * may report any period the platform keeps.
	 * @param name the start of its name, a random suffix after it
	 */
	public static Reporter wuzhongExpress(Enterprises enterprises, Brands brands, Licences licences, String name) {
		String base = "91320506MA" + RandomDigits.of(7);
		String code = base + CreditCode.checkCharacter(base);
		long id = licensedSince(licences, enterprises.register(DataScope.all(), new EnterpriseData(
				name + UUID.randomUUID().toString().substring(0, 4), code, EnterpriseType.EXPRESS,
				brands.findByShortName("顺丰").orElseThrow().id(), "张三", "测试路1号", "320506", "李四", "13912345678"), false),
				LocalDate.of(2001, 1, 1));
		return new Reporter(id, code, DataScope.enterprise(code));
	}
}
