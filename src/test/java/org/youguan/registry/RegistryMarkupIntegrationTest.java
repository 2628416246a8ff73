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
}
