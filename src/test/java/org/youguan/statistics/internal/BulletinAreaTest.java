package org.youguan.statistics.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack: every 6-digit region's bulletin said 全区 — 昆山市 (320583, a county-level city) must say 全市, a 县 全县. The
 * bulletin names its region's whole by what the region is (its name in the region list), not by the code's length.
 */
class BulletinAreaTest {

	@Test
	void aCountyLevelCityIsWholeCityACountyWholeCountyADistrictWholeDistrict() {
		assertThat(Bulletins.area("320583", "昆山市")).isEqualTo("全市");
		assertThat(Bulletins.area("320322", "沛县")).isEqualTo("全县");
		assertThat(Bulletins.area("320506", "吴中区")).isEqualTo("全区");
		assertThat(Bulletins.area("152921", "阿拉善左旗")).isEqualTo("全旗");
		assertThat(Bulletins.area("533324", "贡山独龙族怒族自治县")).isEqualTo("全县");
	}

	@Test
	void upperLevelsByWhatTheyAreToo() {
		assertThat(Bulletins.area("", null)).isEqualTo("全国");
		assertThat(Bulletins.area("32", "江苏省")).isEqualTo("全省");
		assertThat(Bulletins.area("11", "北京市")).isEqualTo("全市");
		assertThat(Bulletins.area("45", "广西壮族自治区")).isEqualTo("全区");
		assertThat(Bulletins.area("3205", "苏州市")).isEqualTo("全市");
		assertThat(Bulletins.area("1101", "市辖区")).isEqualTo("全市");
		assertThat(Bulletins.area("5334", "怒江傈僳族自治州")).isEqualTo("全州");
		assertThat(Bulletins.area("320599", null)).as("a code not in the list: by its level").isEqualTo("全区");
	}
}
