package org.youguan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.Brands;
import org.youguan.registry.Enterprises;
import org.youguan.universal.VillageProfileData;
import org.youguan.universal.Villages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding 3 (duties): a credit code typed in a field of another name than the registry's {@code creditCode} — the
 * village profile's {@code enterpriseCreditCode}, a form or sheet naming an enterprise by {@link Enterprises#idInScope}
 * — was looked up as it stood, so a malformed code was told "未在市场主体中登记为邮政企业" or "辖区内没有该…企业" — as if
 * it were a real code no enterprise had — instead of the rule it breaks. Now it is told on its own field by that rule
 * ({@link CreditCode#checked}).
 */
@IntegrationTest
class CreditCodeFieldsIntegrationTest {

	@Autowired
	Villages villages;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Brands brands;

	private static String village() {
		return "320505001001";
	}

	@Test
	void aVillageProfileWithAMalformedCreditCodeIsToldTheCodesRuleOnItsOwnField() {
		for (String[] typed : new String[][] { { "91320500ABC", "length", "应为18位" },
				{ wrongCheck(), "check-character", "校验位错误" } }) {
			assertThatThrownBy(() -> villages.check(DataScope.region("3205"),
					new VillageProfileData(village(), "直接通邮", 5, null, null, null, null, typed[0])))
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
					.filteredOn(e -> e.field().equals("enterpriseCreditCode"))
					.singleElement()
					.satisfies(e -> {
						assertThat(e.rule()).isEqualTo(typed[1]);
						assertThat(e.message()).contains(typed[2]).doesNotContain("未在市场主体中登记");
					}));
		}
	}

	@Test
	void anEnterpriseNamedByAMalformedCodeIsToldTheCodesRuleOnTheFieldNamed() {
		assertThatThrownBy(() -> enterprises.idInScope(DataScope.region("3205"), wrongCheck(), "enterpriseId"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("enterpriseId", "check-character")))
			.hasMessageNotContaining("辖区内没有");
		// a well-formed code nobody has is still told as such
		assertThatThrownBy(() -> enterprises.idInScope(DataScope.region("3205"), CreditCodes.unique(), "enterpriseId"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::rule).containsExactly("exists"));
	}

	@Test
	void aBrandsHeadquartersNamedByAMalformedCodeIsToldTheCodesRule() {
		String name = "校验品牌" + RandomDigits.of(6);
		assertThatThrownBy(() -> brands.create(new Brands.BrandData(name, name, "9132050"), false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("hqCreditCode", "length")))
			.hasMessageNotContaining("没有该统一社会信用代码的企业");
	}

	/** A code of the right shape whose check character is wrong. */
	private static String wrongCheck() {
		String good = CreditCodes.unique();
		char wrong = good.charAt(17) == '0' ? '1' : '0';
		return good.substring(0, 17) + wrong;
	}
}
