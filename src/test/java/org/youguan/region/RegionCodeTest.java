package org.youguan.region;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodeTest {

	@Test
	void knowsItsLevelAndParent() {
		RegionCode village = RegionCode.of("320506001001");
		assertThat(village.level()).isEqualTo(RegionLevel.VILLAGE);
		assertThat(village.parent()).isEqualTo(RegionCode.of("320506001"));
		assertThat(RegionCode.of("320506").parent()).isEqualTo(RegionCode.of("3205"));
		assertThat(RegionCode.of("32").parent()).isEqualTo(RegionCode.COUNTRY);
		assertThat(RegionCode.COUNTRY.parent()).isNull();
	}

	@Test
	void containmentIsAPrefixTest() {
		assertThat(RegionCode.of("3205").contains(RegionCode.of("320506001"))).isTrue();
		assertThat(RegionCode.of("320506").contains(RegionCode.of("320507"))).isFalse();
		assertThat(RegionCode.COUNTRY.contains(RegionCode.of("11"))).isTrue();
	}

	@Test
	void rejectsMalformedCodesNamingTheRule() {
		assertThatThrownBy(() -> RegionCode.of("32050")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("2位（省）")
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors().get(0).rule()).isEqualTo("length"));
		assertThatThrownBy(() -> RegionCode.of("32O5")).hasMessageContaining("数字");
		assertThatThrownBy(() -> RegionCode.of("5")).hasMessageContaining("2位");
	}
}
