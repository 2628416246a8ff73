package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack (addr3, finding 2): a label typed before an address ("注册地：浙江省…") was saved with it and printed on the
 * decision and the registry ("变更为“注册地：浙江省…”"). Every address field ({@link Validation#address}) refuses a
 * leading label (rule {@code address-label}), naming its words; an address that merely begins with such a character
 * (地安门) passes.
 */
class ValidationAddressLabelTest {

	static FieldError refusal(String address) {
		var errors = new Validation().address("address", "经营场所地址", address, 300).errors();
		return errors.isEmpty() ? null : errors.get(0);
	}

	@Test
	void aLeadingLabelIsRefusedNamingItsWords() {
		assertThat(refusal("注册地：浙江省杭州市西湖区文三路1号")).satisfies(e -> {
			assertThat(e.field()).isEqualTo("address");
			assertThat(e.rule()).isEqualTo("address-label");
			assertThat(e.message()).isEqualTo("经营场所地址只填写地址本身，不要以“注册地”等说明文字开头（该地址会原样印在文书和证照上）");
		});
		assertThat(refusal("地址:江苏省苏州市吴中区越溪路26号").rule()).isEqualTo("address-label");
		assertThat(refusal("住所：江苏省苏州市吴中区越溪路26号").rule()).isEqualTo("address-label");
		assertThat(refusal("（注册地址）江苏省苏州市吴中区越溪路26号").rule()).isEqualTo("address-label");
		assertThat(refusal("所在地：苏州市相城区元和街道1号").rule()).isEqualTo("address-label");
		assertThat(refusal("经营场所地址为江苏省苏州市吴中区越溪路26号").rule()).isEqualTo("address-label");
		assertThat(refusal(" 地址 ： 吴中区越溪路26号").rule()).isEqualTo("address-label");
	}

	@Test
	void anAddressBeginningWithSuchACharacterPasses() {
		assertThat(refusal("江苏省苏州市吴中区越溪路26号")).isNull();
		assertThat(refusal("地安门外大街1号")).isNull();
		assertThat(refusal("住友大厦吴中区越溪路26号")).isNull();
		assertThat(refusal("场所路8号吴中区")).isNull();
	}
}
