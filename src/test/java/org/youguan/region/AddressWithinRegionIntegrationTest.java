package org.youguan.region;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.kernel.Validation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding (licensing attack): an address naming another province or city passed beside a chosen county. The address's
 * head is read against the region table ({@link Regions#namedOutside}): a province, city or county it names must
 * contain or lie in the region chosen; one it does not name, or one it names by a name shared with a region that fits,
 * passes.
 */
@IntegrationTest
class AddressWithinRegionIntegrationTest {

	@Autowired
	Regions regions;

	@Test
	void anAddressNamingAnotherProvinceCityOrCountyIsOutsideTheChosenCounty() {
		assertThat(regions.namedOutside("浙江省杭州市西湖区文三路1号", "320506")).map(Region::code).contains("33");
		assertThat(regions.namedOutside("杭州市西湖区文三路1号", "320506")).map(Region::code).contains("3301");
		assertThat(regions.namedOutside("苏州市相城区元和街道1号", "320506")).map(Region::code).contains("320507");
		assertThat(regions.namedOutside("中国 江苏省 苏州市 昆山市 玉山镇1号", "320506")).map(Region::code).contains("320583");
	}

	@Test
	void anAddressWithinTheChosenRegionOrNamingNoneIsNot() {
		assertThat(regions.namedOutside("江苏省苏州市吴中区越溪路26号", "320506")).isEmpty();
		assertThat(regions.namedOutside("苏州市吴中区越溪路26号", "320506")).isEmpty();
		assertThat(regions.namedOutside("吴中区越溪路26号", "320506")).isEmpty();
		assertThat(regions.namedOutside("越溪路26号", "320506")).isEmpty();
		// full-width and spaces aside, and a street-level choice inside the county the address names
		assertThat(regions.namedOutside("江苏省　苏州市吴中区越溪路２６号", "320506001")).isEmpty();
		// a city chosen: any of its counties is within it
		assertThat(regions.namedOutside("苏州市相城区元和街道1号", "3205")).isEmpty();
	}

	@Test
	void theRefusalNamesTheFieldThePlaceAndTheRegionChosen() {
		Validation v = regions.addressWithin(new Validation(), "address", "地址", "浙江省杭州市西湖区文三路1号", "320506", "网点所在地");
		assertThat(v.errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("address");
			assertThat(e.rule()).isEqualTo("address-region");
			assertThat(e.message()).isEqualTo("地址写的是“浙江省”，不在所选的网点所在地（江苏省苏州市吴中区）内，请核对地址或网点所在地");
		});
		assertThat(regions.addressWithin(new Validation(), "address", "地址", "吴中区越溪路26号", "320506", "网点所在地")
			.hasErrors()).isFalse();
	}
}
