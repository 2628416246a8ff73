package org.youguan.filing;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outlet-filing tests' shared set-up: the demo enterprise user sf.wz (顺丰, in 吴中), the clock on a working Monday,
 * an outlet filed and approved until the registry holds it, and a branch of sf.wz's enterprise or of another's. A
 * component of the test context, so a test takes it as it takes the services; it needs only the application's beans.
 * A test class run on {@link #MONDAY_28_SEPTEMBER} says so with {@code @ExtendWith(FilingFixture.Monday28September.class)}.
 */
@Component
final class FilingFixture {

	static final DataScope WUZHONG = DataScope.region("320506");

	/** Monday 28 September 2026, 10:00 in China: a working day with the National Day holiday ahead. */
	static final LocalDateTime MONDAY_28_SEPTEMBER = LocalDateTime.of(2026, 9, 28, 10, 0);

	private final OutletFilings filings;

	private final Outlets outlets;

	private final UserDirectory directory;

	private final JdbcClient jdbc;

	FilingFixture(OutletFilings filings, Outlets outlets, UserDirectory directory, JdbcClient jdbc) {
		this.filings = filings;
		this.outlets = outlets;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	/** The demo enterprise user sf.wz, signed in as a test's steps act. */
	CurrentUser shunfeng() {
		return directory.principal("sf.wz").orElseThrow();
	}

	/** A new filing of sf.wz with complete attachments that 吴中 returned for its missing items (待补正): its id. */
	long waitingForSupplement(OutletData outlet) {
		long id = filings.submitNew(shunfeng(), outlet, OutletFilingIntegrationTest.completeAttachments());
		filings.notifyMissingItems(WUZHONG, id, "请核实网点信息");
		return id;
	}

	/** A new outlet of sf.wz opened on the day ({@link OutletFilingIntegrationTest#outlet}), filed and approved: its registry id. */
	long filedOutlet(LocalDate openedOn) {
		return filedOutlet(shunfeng(), OutletFilingIntegrationTest.outlet(openedOn));
	}

	/**
	 * A new outlet filed by {@code by} with complete attachments and approved in 吴中, once the registry has heard the
	 * decision (an asynchronous listener): its registry id.
	 */
	long filedOutlet(CurrentUser by, OutletData outlet) {
		long id = filings.submitNew(by, outlet, OutletFilingIntegrationTest.completeAttachments());
		filings.approve(WUZHONG, id, null);
		return awaitFiled(id).id();
	}

	/** The outlet of an approved new filing, once the registry holds it as filed (备案). */
	OutletView awaitFiled(long filingId) {
		long outletId = filings.get(WUZHONG, filingId).outletId();
		await().ignoreExceptions()
			.untilAsserted(() -> assertThat(outlets.get(WUZHONG, outletId).status()).isEqualTo(OutletStatus.FILED));
		return outlets.get(WUZHONG, outletId);
	}

	/** A branch (分支机构) of sf.wz's enterprise: its first, or one recorded for the tests when it has none. */
	long ownBranch() {
		String creditCode = shunfeng().enterpriseCreditCode();
		return jdbc.sql("SELECT b.id FROM branch b JOIN enterprise e ON e.id = b.enterprise_id WHERE e.credit_code = :c"
				+ " ORDER BY b.id LIMIT 1").param("c", creditCode).query(Long.class).optional()
			.orElseGet(() -> jdbc.sql("""
					INSERT INTO branch (enterprise_id, name, region_code, address, head_name, business_licence_date, filed_on,
					    filed_late, created_at)
					SELECT id, '顺丰吴中测试分公司', '320506001', '吴中区分公司路1号', '赵六', DATE '2026-01-05', DATE '2026-01-12',
					    false, now() FROM enterprise WHERE credit_code = :c RETURNING id""")
				.param("c", creditCode).query(Long.class).single());
	}

	/** A branch of an enterprise other than sf.wz's. */
	long othersBranch() {
		String creditCode = shunfeng().enterpriseCreditCode();
		return jdbc.sql("SELECT b.id FROM branch b JOIN enterprise e ON e.id = b.enterprise_id WHERE e.credit_code <> :c"
				+ " ORDER BY b.id LIMIT 1").param("c", creditCode).query(Long.class).single();
	}

	/**
	 * Runs each test of the class it extends on {@link #MONDAY_28_SEPTEMBER} (the integration tests' {@link MutableClock})
	 * and puts the clock back to the real time after it.
	 */
	static final class Monday28September implements BeforeEachCallback, AfterEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			clock(context).set(MONDAY_28_SEPTEMBER);
		}

		@Override
		public void afterEach(ExtensionContext context) {
			clock(context).reset();
		}

		private static MutableClock clock(ExtensionContext context) {
			return SpringExtension.getApplicationContext(context).getBean(MutableClock.class);
		}
	}
}
