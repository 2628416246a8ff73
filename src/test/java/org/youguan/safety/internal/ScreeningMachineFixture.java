package org.youguan.safety.internal;

import java.time.LocalDate;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.kernel.DataScope;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityData;
import org.youguan.registry.FacilityKind;

/**
 * A screening machine (安检机) of an enterprise in service, registered once through the registry's API: a screened
 * parcel record names one, so tests and benchmarks that upload screened parcels need it.
 */
public final class ScreeningMachineFixture {

	private ScreeningMachineFixture() {
	}

	/**
	 * The serial of the enterprise's test machine ({@code XR-TEST-<enterpriseId>}), registered in a street of the county
	 * when it is not there yet; the ingest's cached reference data is forgotten so the next batch knows it.
	 */
	public static String serial(ApplicationContext context, long enterpriseId, String county) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		String serial = "XR-TEST-" + enterpriseId;
		boolean there = jdbc.sql("SELECT count(*) FROM facility WHERE serial_number = :s AND status = 'IN_SERVICE'")
			.param("s", serial).query(Long.class).single() > 0;
		if (!there) {
			String street = jdbc.sql("SELECT code FROM region WHERE code LIKE :p AND length(code) = 9 ORDER BY code LIMIT 1")
				.param("p", county + "%").query(String.class).single();
			context.getBean(Facilities.class).register(DataScope.all(), new FacilityData(FacilityKind.SCREENING_MACHINE,
					"测试安检机" + enterpriseId, enterpriseId, street, "测试地址1号", null, serial, null, LocalDate.of(2020, 1, 1)),
					false);
			context.getBean(ParcelReferences.class).forget();
		}
		return serial;
	}
}
