package org.youguan.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An enterprise's registered name, address and people are printed on licences, decisions and the public lookup: markup
 * in them is refused as the register checks an enterprise, whichever path registers it (form, API, .xlsx import), naming
 * the field (rule {@code markup}).
 */
@IntegrationTest
class RegistryMarkupIntegrationTest {

	@Autowired
	Enterprises enterprises;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "legalName|苏州四八<b>快递</b>有限公司", "address|测试路1号<img src=x onerror=alert(1)>",
			"legalRepresentative|<b>张三</b>", "contactName|李四<i>" })
	void anEnterpriseWithMarkupInAFieldIsRefusedNamingIt(String field, String marked) {
		String name = "标记测试快递有限公司" + RandomDigits.of(6);
		EnterpriseData data = new EnterpriseData(field.equals("legalName") ? marked : name, RegistryIntegrationTest.creditCode(),
				EnterpriseType.EXPRESS, null, field.equals("legalRepresentative") ? marked : "张三",
				field.equals("address") ? marked : "测试路1号", "320507", field.equals("contactName") ? marked : "李四", "13912345678");
		assertThatThrownBy(() -> enterprises.check(DataScope.region("3205"), data)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.contains(tuple(field, "markup")));
	}

	/**
	 * Attack (portal-text F2, F3): an enterprise's 地址 took "x" and "1" (it is printed on the 当场处罚决定书), and its 企业名称
	 * took an emoji; both are refused as an outlet's and a branch's are, and full-width digits of an address are stored
	 * in ASCII.
	 */
	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = ';', quoteCharacter = '"', value = { "address;x;address", "address;1;address",
			"address;-1+cmd|' /C calc'!A0;formula", "legalName;苏州😀快递有限公司;characters", "address;中山东路88号😀;characters" })
	void anEnterpriseWithoutARealAddressOrWithAnEmojiIsRefused(String field, String bad, String rule) {
		EnterpriseData data = new EnterpriseData(field.equals("legalName") ? bad : "地址测试快递有限公司" + RandomDigits.of(6),
				RegistryIntegrationTest.creditCode(), EnterpriseType.EXPRESS, null, "张三",
				field.equals("address") ? bad : "测试路1号", "320507", "李四", "13912345678");
		assertThatThrownBy(() -> enterprises.check(DataScope.region("3205"), data)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple(field, rule)));
	}

	@org.junit.jupiter.api.Test
	void anAddressTypedInFullWidthDigitsIsStoredInAscii() {
		EnterpriseData data = new EnterpriseData("全角测试快递有限公司" + RandomDigits.of(6), RegistryIntegrationTest.creditCode(),
				EnterpriseType.EXPRESS, null, "张三", "中山东路８８号", "320507", "李四", "13912345678");
		assertThat(enterprises.check(DataScope.region("3205"), data).address()).isEqualTo("中山东路88号");
	}
}
