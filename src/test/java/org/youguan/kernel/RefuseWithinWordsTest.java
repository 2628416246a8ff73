package org.youguan.kernel;

import java.text.MessageFormat;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.youguan.MessageBundles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding B3: a record outside the caller's scope is refused as every not-found is worded (refusal.notFound: the
 * kind, then the key after a colon), so an English reader reads it in English; the key is the only Chinese-free value.
 */
class RefuseWithinWordsTest {

	@Test
	void anEnterpriseOfAnotherCountyIsToldAsNotFoundKeyed() {
		assertThatThrownBy(() -> DataScope.region("320506").refuseWithin("creditCode", "320507", "企业91320507MAD7J4L0YB"))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND);
				assertThat(ex.getMessage()).isEqualTo("企业不存在或不在您的数据权限范围内：91320507MAD7J4L0YB");
				assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("creditCode");
					assertThat(e.rule()).isEqualTo("scope");
				});
				assertThat(ex.wording().key()).isEqualTo("refusal.notFound");
				String english = new MessageFormat(MessageBundles.load(MessageBundles.ENGLISH).getProperty("refusal.notFound"),
						Locale.ENGLISH).format(ex.wording().arguments().toArray());
				assertThat(english).contains("91320507MAD7J4L0YB").doesNotContainPattern("\\p{IsHan}");
			});
		// inside the scope: no refusal
		DataScope.region("320506").refuseWithin("creditCode", "320506", "企业91320506MAD7J4L0YB");
	}

	@Test
	void aVillageAndARegionAreToldTheSameWay() {
		assertThatThrownBy(() -> DataScope.region("320506").refuseWithin("villageCode", "320507001001", "建制村320507001001"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.getMessage())
				.isEqualTo("建制村不存在或不在您的数据权限范围内：320507001001"));
	}
}
