package org.youguan.safety.internal;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A branch of an enterprise in a county, so its parcel records may be sent from there (rule {@code region-scope}: a
 * record's {@code senderRegion} is a county where the enterprise has its seat, a branch or a filed outlet): tests that
 * upload parcels of two provinces for sf.wz (吴中) give it a branch in 北京朝阳 110105.
 */
public final class SenderCountyFixture {

	private SenderCountyFixture() {
	}

	/**
	 * Gives the enterprise a branch in the county when it has none there yet (one row, written once: the registry's
	 * filing would judge the licence's area, which is not what these tests are about), and makes the node's ingest
	 * forget its cached reference data so the next batch knows it.
	 * @param context the node (each node of a cluster test keeps its own cache)
	 */
	public static void branchIn(ApplicationContext context, long enterpriseId, String county) {
		context.getBean(JdbcClient.class).sql("""
				INSERT INTO branch (enterprise_id, name, region_code, address, head_name, business_licence_date, filed_on,
				    filed_late, created_at)
				SELECT :e, '寄递记录测试分部' || :county, :county, '测试路1号', '赵六', DATE '2024-01-02', DATE '2024-01-10', false, now()
				WHERE NOT EXISTS (SELECT 1 FROM branch WHERE enterprise_id = :e AND region_code = :county)""")
			.param("e", enterpriseId)
			.param("county", county)
			.update();
		context.getBean(ParcelReferences.class).forget();
	}
}
