package org.youguan.registry;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.CreditCodes;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.safety.SafetyRates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credit code is looked up as it was typed — full-width (a Chinese input method's ９１３２…), in lower case, with
 * spaces or a zero-width space copied along — through the one normaliser ({@code CreditCode.written}), on every
 * look-up a form, an API parameter or JSON field, a sheet or an enterprise's token reaches: the registry's, the one
 * that names an enterprise in the caller's region, and the safety figures' (a courier roster's enterprise).
 */
@IntegrationTest
class CreditCodeLookupIntegrationTest {

	@Autowired
	Enterprises enterprises;

	@Autowired
	SafetyRates rates;

	@Test
	void aCodeTypedFullWidthInLowerCaseOrWithInvisibleCharactersFindsTheEnterpriseEverywhere() {
		EnterpriseView e = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 1, "legal_name", "asc")).items().get(0);
		String code = e.creditCode();
		Long rated = rates.enterpriseId(code);
		assertThat(rated).isEqualTo(e.id());
		for (String typed : List.of(CreditCodes.fullWidth(code), "\u3000" + CreditCodes.fullWidth(code).toLowerCase() + " ", code + "\u200B",
				code.toLowerCase())) {
			assertThat(enterprises.findByCreditCode(typed)).as(typed).map(EnterpriseView::id).contains(e.id());
			assertThat(enterprises.idInScope(DataScope.region("320506"), typed, "creditCode")).as(typed).isEqualTo(e.id());
			assertThat(rates.enterpriseId(typed)).as(typed).isEqualTo(rated);
		}
		assertThat(enterprises.findByCreditCode(" ")).isEmpty();
		assertThat(enterprises.findByCreditCode(null)).isEmpty();
	}
}
