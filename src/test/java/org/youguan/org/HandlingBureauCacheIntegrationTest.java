package org.youguan.org;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link Bureaus} derives from the registry of bureaus and accounts ({@link BureauRegistry}: the staffed bureaus,
 * every bureau's 机关代字) is kept between calls and dropped when a bureau or an account is saved: a county bureau
 * created without an account hands its work to the province; once an account with the 处室工作人员 role is created in
 * it, the county handles new work at once — its step checks, its queue rule and its 文号 — not a minute later.
 */
@IntegrationTest
class HandlingBureauCacheIntegrationTest {

	/** 泗洪县 (宿迁市): no bureau on the platform for it or its city. */
	static final String SIHONG = "321324";

	@Autowired
	Bureaus bureaus;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	boolean inQueue(DataScope scope) {
		return jdbc.sql("SELECT " + bureaus.handledHere(scope, "'" + SIHONG + "'")).query(Boolean.class).single();
	}

	@Test
	void aCountyGivenAnAccountHandlesNewWorkAtOnce() {
		DataScope province = DataScope.region("32");
		DataScope county = DataScope.region(SIHONG);
		// read first, so a derived registry is kept
		assertThat(bureaus.documentAgency(SIHONG).seriesRegion()).isEqualTo("32");
		assertThat(bureaus.handles(province, SIHONG)).isTrue();
		assertThat(inQueue(province)).isTrue();

		String tag = UUID.randomUUID().toString().substring(0, 4);
		long provinceId = bureaus.findByRegion("32").orElseThrow().id();
		long sihong = bureaus.create(DataScope.all(),
				new BureauData("泗洪县邮政管理局" + tag, null, BureauLevel.COUNTY, SIHONG, provinceId, null, null));
		assertThat(bureaus.documentAgency(SIHONG).seriesRegion()).as("a new bureau numbers in its own series")
			.isEqualTo(SIHONG);
		assertThat(bureaus.handling(SIHONG).map(BureauView::regionCode)).as("no account: the province handles it")
			.contains("32");
		assertThat(bureaus.handles(province, SIHONG)).isTrue();
		assertThat(bureaus.handles(county, SIHONG)).as("nobody there to take its steps").isFalse();
		assertThat(inQueue(province)).isTrue();
		assertThat(inQueue(county)).as("nor in the county's queue").isFalse();

		users.create(directory.principal("sys.admin").orElseThrow(), new UserData("sihong." + tag, "泗洪新同事", UserKind.STAFF,
				sihong, null, null, null, EnumSet.of(Role.STAFF)));
		assertThat(bureaus.handling(SIHONG).map(BureauView::id)).as("the county handles new work").contains(sihong);
		assertThat(bureaus.handles(county, SIHONG)).isTrue();
		assertThat(bureaus.handles(province, SIHONG)).isFalse();
		assertThat(inQueue(province)).as("out of the province's queue").isFalse();
		assertThat(inQueue(county)).isTrue();
	}
}
