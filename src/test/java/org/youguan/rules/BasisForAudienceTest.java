package org.youguan.rules;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule's basis as an enterprise or the public reads it cites legal texts only: the catalogue's marks of practice
 * (地方实践（未确认）, 产品规则（非法律规定，可配置）) are the bureau's working notes (attack 32: the portal showed them in
 * refusals), and a rule resting on no text is the bureau's own (按本局规定).
 */
class BasisForAudienceTest {

	@Test
	void theBureauReadsTheCatalogueAsItIs() {
		for (StatutoryRule rule : StatutoryRule.values()) {
			assertThat(rule.basisFor(Audience.BUREAU)).as(rule.code()).isEqualTo(rule.basis());
		}
	}

	@Test
	void readersOutsideTheBureauReadLegalTextsOnly() {
		assertThat(StatutoryRule.LICENCE_RENEWAL_EARLIEST.basis()).contains("地方实践（未确认）");
		assertThat(StatutoryRule.LICENCE_RENEWAL_EARLIEST.basisFor(Audience.OUTSIDE)).isEqualTo("快递业务经营许可管理办法(2019)");
		assertThat(StatutoryRule.UNIVERSAL_SUSPENSION_MAX_LENGTH.basisFor(Audience.OUTSIDE))
			.isEqualTo("邮政法(2015) 第15条；邮政法(2015) 第9条");
		assertThat(StatutoryRule.SAFETY_LEDGER_LOOKBACK.basisFor(Audience.OUTSIDE)).isEqualTo("按本局规定");
		assertThat(StatutoryRule.PENALTY_HEARING_LATEST.basisFor(Audience.OUTSIDE)).isEqualTo("按本局规定");
		assertThat(StatutoryRule.INSPECTION_MIN_INSPECTORS.basisFor(Audience.OUTSIDE))
			.isEqualTo(StatutoryRule.INSPECTION_MIN_INSPECTORS.basis());
		for (StatutoryRule rule : StatutoryRule.values()) {
			String outside = rule.basisFor(Audience.OUTSIDE);
			assertThat(outside).as(rule.code()).isNotBlank();
			Arrays.stream(LegalText.values()).filter(t -> !t.isText())
				.forEach(practice -> assertThat(outside).as(rule.code()).doesNotContain(practice.title()));
			assertThat(outside).as(rule.code()).doesNotContain("未确认").doesNotContain("可配置");
		}
	}

	@Test
	void aRuleIsCitedByItsTitleNeverItsCode() {
		assertThat(StatutoryRule.LICENCE_RENEWAL_EARLIEST.citedFor(Audience.OUTSIDE))
			.isEqualTo("许可延续申请最早提前期（到期前），快递业务经营许可管理办法(2019)");
		for (StatutoryRule rule : StatutoryRule.values()) {
			assertThat(rule.citedFor(Audience.OUTSIDE)).as(rule.code()).doesNotContain(rule.code());
		}
	}
}
