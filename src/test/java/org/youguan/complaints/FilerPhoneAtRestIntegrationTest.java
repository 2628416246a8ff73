package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.complaints.internal.FilerPhone;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.WorkState;
import org.youguan.platform.Secrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filers' phones are encrypted at rest, and a phone still finds its complaint: the staff search, the public status
 * page and the duplicate check compare keyed hashes; lists show the stored masked form; the complaint's own page
 * decrypts it; no audit entry holds it.
 */
@IntegrationTest
class FilerPhoneAtRestIntegrationTest {

	static final String PHONE = "13877665544";

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	ComplaintTracking tracking;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Secrets secrets;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void now() {
		clock.reset();
	}

	@Test
	void theDatabaseHoldsNoClearPhoneAndAPhoneSearchStillFindsTheComplaint() {
		var filed = intake.file(form("SF-AT-REST-1"), Channel.WEB, null, false);

		Map<String, Object> row = jdbc.sql("SELECT row_to_json(c)::text AS text, filer_phone_masked FROM complaint c WHERE id = :id")
			.param("id", filed.id())
			.query()
			.singleRow();
		assertThat((String) row.get("text")).doesNotContain(PHONE);
		assertThat(row.get("filer_phone_masked")).isEqualTo("138****5544");
		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'complaint' "
				+ "AND column_name = 'filer_phone'").query(Long.class).single()).isZero();
		byte[] cipher = jdbc.sql("SELECT filer_phone_cipher FROM complaint WHERE id = :id").param("id", filed.id())
			.query(byte[].class).single();
		assertThat(secrets.decrypt(cipher, FilerPhone.CONTEXT)).isEqualTo(PHONE);

		// staff who see the phone in full — the handling bureau's — search by it (as typed, or with spaces), masked in
		// the list, full on the page
		var staff = new ComplaintQueries.Filter(null, null, null, WorkState.ALL, false, true);
		var found = queries.list(DataScope.region("320506"), staff, new PageQuery(PHONE, 0, 50, null, true));
		assertThat(found.items()).extracting(ComplaintView::id).contains(filed.id());
		assertThat(found.items()).allSatisfy(v -> assertThat(v.filerPhone()).doesNotContain(PHONE));
		assertThat(found.items()).filteredOn(v -> v.id() == filed.id()).singleElement()
			.satisfies(v -> assertThat(v.filerPhoneMasked()).isEqualTo("138****5544"));
		assertThat(queries.get(DataScope.region("320506"), filed.id()).filerPhone()).isEqualTo(PHONE);

		// the public status page by number and phone
		assertThat(tracking.publicStatus(filed.number(), PHONE).number()).isEqualTo(filed.number());

		// duplicate detection compares the keyed hash (a second complaint on the matter, in words of its own: the same
		// account sent again moments later is refused as sent twice)
		var again = intake.file(ComplaintIntegrationTest.again(form("SF-AT-REST-1")), Channel.WEB, null, false);
		assertThat(again.duplicateOf()).isEqualTo(filed.number());

		// the audit trail holds no clear phone
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE concat_ws(' ', summary, before_state::text, after_state::text) LIKE :p""")
			.param("p", "%" + PHONE + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theDemoComplaintsAreEncryptedToo() {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT id, filer_phone_cipher, filer_phone_masked, row_to_json(c)::text AS text FROM complaint c
				WHERE demo ORDER BY id LIMIT 100""").query().listOfRows();
		assertThat(rows).isNotEmpty();
		for (var r : rows) {
			String phone = secrets.decrypt((byte[]) r.get("filer_phone_cipher"), FilerPhone.CONTEXT);
			assertThat(phone).matches("1\\d{10}");
			assertThat((String) r.get("text")).doesNotContain(phone);
			assertThat(r.get("filer_phone_masked")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		}
	}

	private ComplaintForm form(String waybill) {
		LocalDate today = LocalDate.now(clock);
		return new ComplaintForm("李四", PHONE, FilerRole.SENDER, "320506", "顺丰", null, waybill, today.minusDays(20),
				today.minusDays(10), "电话", null, "延误", "中转或运输延误", new BigDecimal("50"), "快件延误未送达");
	}
}
