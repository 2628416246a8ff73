package org.youguan.complaints;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint's audit states ({@code Complaint.snapshot}) carry free text a person typed — the reason of a transfer
 * across brands or out of the county, the rejection condition — and the trail stores each state's texts with their
 * mobile, ID and landline numbers masked ({@code AuditTrail}, the one masking every module's snapshot goes through),
 * so the raw {@code audit_event} row holds no number in clear, before or after.
 */
@IntegrationTest
class ComplaintAuditMaskingIntegrationTest {

	static final DataScope WUZHONG = ComplaintIntegrationTest.WUZHONG;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	MutableClock clock;

	@Test
	void aTransferReasonWithPhoneNumbersIsStoredMaskedInTheAuditStates() {
		LocalDate today = LocalDate.now(clock);
		long id = intake.file(ComplaintIntegrationTest.form(today.minusDays(20), today.minusDays(10), null,
				ComplaintIntegrationTest.waybill()), Channel.WEB, null, false).id();
		String mobile = "139" + RandomDigits.of(8);
		String landline = "0512-6" + RandomDigits.of(7);
		String shunfengElsewhere = enterprises.list(DataScope.region("320507"), new Enterprises.Filter(null, null, null),
				new PageQuery("顺丰", 0, 1, null, false)).items().get(0).creditCode();
		procedure.acceptAndTransfer(WUZHONG, id, shunfengElsewhere,
				"用户在相城区网点交寄，联系人手机" + mobile + "，网点电话" + landline + "，由相城顺丰处理");
		List<String> stored = jdbc.sql("""
				SELECT coalesce(after_state::text, '') || '|' || summary FROM audit_event
				WHERE object_type = 'Complaint' AND object_id = :id AND action = 'complaint.transfer'""")
			.param("id", Long.toString(id))
			.query(String.class)
			.list();
		assertThat(stored).singleElement().asString()
			.contains("transferReason", "由相城顺丰处理", mobile.substring(0, 3), mobile.substring(7))
			.doesNotContain(mobile, landline, landline.replace("-", ""));
	}
}
