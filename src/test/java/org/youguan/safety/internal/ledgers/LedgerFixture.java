package org.youguan.safety.internal.ledgers;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The safety-ledger twin tests' shared set-up: a tag that keeps a test's rows apart, a hazard of the demo enterprise,
 * the check that a row sent again is refused as a twin, and an open outlet of the demo city. A component of the test
 * context, so a test takes it as it takes the services; it needs only the application's beans.
 */
@Component
final class LedgerFixture {

	static final DataScope CITY = DataScope.region("3205");

	private final Outlets outlets;

	private final Enterprises enterprises;

	LedgerFixture(Outlets outlets, Enterprises enterprises) {
		this.outlets = outlets;
		this.enterprises = enterprises;
	}

	/** Letters only (a–f), so a row's text stays a name and the tests sharing the database do not meet. */
	static String tag() {
		return UUID.randomUUID().toString().replaceAll("[^a-f]", "");
	}

	/** A hazard of the demo enterprise ({@link HazardLedgerIntegrationTest#shunfeng}) found in an inspection, general. */
	static HazardData hazard(String day, String foundBy, String description) {
		return new HazardData(HazardLedgerIntegrationTest.shunfeng(), null, null, day, foundBy, "INSPECTION", description,
				"GENERAL", null);
	}

	/** The step is refused as a twin of a row already in its ledger: 409 (DUPLICATE) naming the field, rule unique. */
	static void assertTwin(String field, Runnable second) {
		assertThatThrownBy(second::run).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE);
			assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo(field);
				assertThat(e.rule()).isEqualTo("unique");
			});
		});
	}

	/** An outlet of the demo city that is not closed. */
	OutletView anOutletOfTheCity() {
		return outlets.list(CITY, Outlets.Filter.NONE, new PageQuery("", 0, 50, null, false))
			.items()
			.stream()
			.filter(o -> o.status() != OutletStatus.CLOSED)
			.findFirst()
			.orElseThrow();
	}

	/** The 统一社会信用代码 of the enterprise running the outlet. */
	String creditCodeOf(OutletView outlet) {
		return enterprises.readable(DataScope.all(), List.of(outlet.enterpriseId())).get(outlet.enterpriseId()).creditCode();
	}
}
