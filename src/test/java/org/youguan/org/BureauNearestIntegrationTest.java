package org.youguan.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bureau handling a region is the one whose region code is its longest prefix ({@link Bureaus#nearest}), the one
 * rule the case, licence, post-office and document code used to state each with a loop of its own; the bureaus above it
 * follow nearest first ({@link Bureaus#enclosing}).
 */
@IntegrationTest
class BureauNearestIntegrationTest {

	@Autowired
	Bureaus bureaus;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVillageIsHandledByItsCountysBureauWithTheCitysAndTheProvincesAbove() {
		String county = bureaus.findByRegion("320506").orElseThrow().name();
		assertThat(bureaus.nearest("320506001001")).map(BureauView::name).contains(county);
		assertThat(bureaus.nearest(" 320506 ")).map(BureauView::name).contains(county);
		assertThat(bureaus.nearest("3205")).map(BureauView::regionCode).contains("3205");
		assertThat(bureaus.enclosing("320506001")).extracting(BureauView::regionCode)
			.containsExactly("320506", "3205", "32");
	}

	@Test
	void noRegionIsHandledByNoBureauAndOnlyTheCountryByTheNationalOne() {
		assertThat(bureaus.nearest(null)).isEmpty();
		assertThat(bureaus.nearest(" ")).isEmpty();
		assertThat(bureaus.enclosing("")).isEmpty();
		assertThat(bureaus.nearest("0").map(BureauView::id)).isEqualTo(bureaus.findByRegion("0").map(BureauView::id));
		assertThat(bureaus.enclosing("320506")).extracting(BureauView::regionCode).doesNotContain("0");
	}

	/** The loops the callers held, every prefix of a province, city, county, street or village length, longest first. */
	@Test
	void everyRegionIsHandledByTheBureauTheFormerLoopsFound() {
		List<String> regions = new ArrayList<>(jdbc.sql("""
				SELECT code FROM region WHERE code LIKE '32%' AND length(code) <= 9 ORDER BY code LIMIT 400""")
			.query(String.class)
			.list());
		regions.addAll(List.of("320506001001", "3206", "320281", "11", "110101", "65"));
		for (String region : regions) {
			assertThat(bureaus.nearest(region).map(BureauView::id)).as(region).isEqualTo(byLoop(region).map(BureauView::id));
		}
	}

	private Optional<BureauView> byLoop(String region) {
		for (int length : new int[] { 12, 9, 6, 4, 2 }) {
			if (length <= region.length()) {
				Optional<BureauView> b = bureaus.findByRegion(region.substring(0, length));
				if (b.isPresent()) {
					return b;
				}
			}
		}
		return Optional.empty();
	}
}
