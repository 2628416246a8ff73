package org.youguan.rules;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.rules.LegalText.EXPRESS_MARKET_MEASURES;
import static org.youguan.rules.LegalText.EXPRESS_REGULATION;

/**
 * Every version of a text the catalogue holds carries the day it took effect, and no day is answered with a version
 * not yet in force: the 快递暂行条例 is "2019" from 2018-05-01 and "2025" from 2025-06-01, nothing before 2018-05-01;
 * the 快递市场管理办法(2023) from 2024-03-01. An article a later version added is no law before it: a violation type
 * whose every article is missing on a day cites nothing that day, never the later text's article.
 */
class LawInForceOnTheActsDayTest {

	@Test
	void aTextHasNoVersionBeforeItTookEffect() {
		assertThat(EXPRESS_REGULATION.versionOn(LocalDate.of(2018, 4, 30))).isNull();
		assertThat(EXPRESS_REGULATION.versionOn(LocalDate.of(2018, 5, 1))).isEqualTo("2019");
		assertThat(EXPRESS_REGULATION.versionOn(LocalDate.of(2025, 5, 31))).isEqualTo("2019");
		assertThat(EXPRESS_REGULATION.versionOn(LocalDate.of(2025, 6, 1))).isEqualTo("2025");
		assertThat(EXPRESS_MARKET_MEASURES.versionOn(LocalDate.of(2024, 2, 29))).isNull();
		assertThat(EXPRESS_MARKET_MEASURES.inForceFrom()).isEqualTo(LocalDate.of(2024, 3, 1));
		for (LegalText t : LegalText.values()) {
			assertThat(t.versions()).as(t.name()).hasSize(t.isText() ? t == EXPRESS_REGULATION ? 2 : 1 : 0);
			if (t.isText()) {
				assertThat(t.versions().get(t.versions().size() - 1).label()).as(t.name()).isEqualTo(t.version());
			}
		}
	}

	@Test
	void anArticleIsLawOnlyFromTheDayItsVersionTookEffect() {
		assertThat(Citation.of(EXPRESS_REGULATION, 56).inForceOn(LocalDate.of(2025, 5, 31))).isEmpty();
		assertThat(Citation.of(EXPRESS_REGULATION, 56).inForceOn(LocalDate.of(2025, 6, 1))).contains(Citation.of(EXPRESS_REGULATION, 56));
		assertThat(Citation.of(EXPRESS_REGULATION, 50).inForceOn(LocalDate.of(2018, 3, 30))).isEmpty();
		assertThat(Citation.of(EXPRESS_REGULATION, 56).inForceFrom()).isEqualTo(LocalDate.of(2025, 6, 1));
		assertThat(Citation.of(EXPRESS_REGULATION, 50).inForceFrom()).isEqualTo(LocalDate.of(2018, 5, 1));

		assertThat(ViolationType.PACKAGING.inForceOn(LocalDate.of(2025, 4, 10))).isFalse();
		assertThat(ViolationType.PACKAGING.inForceOn(LocalDate.of(2019, 4, 30))).isFalse();
		assertThat(ViolationType.PACKAGING.formalBasisOn(LocalDate.of(2025, 4, 10))).isEmpty();
		assertThat(ViolationType.PACKAGING.inForceOn(LocalDate.of(2025, 6, 1))).isTrue();
		assertThat(ViolationType.OUTLET_UNFILED.inForceOn(LocalDate.of(2018, 3, 30))).isFalse();
		assertThat(ViolationType.OUTLET_UNFILED.formalBasisOn(LocalDate.of(2018, 5, 1))).isEqualTo("《快递暂行条例》第四十条");
		assertThat(ViolationType.UNLICENSED_CONTRACTOR.inForceOn(LocalDate.of(2023, 3, 30))).isFalse();
		assertThat(ViolationType.UNLICENSED_CONTRACTOR.formalBasisOn(LocalDate.of(2023, 3, 30))).isEmpty();
		assertThat(ViolationType.UNLICENSED_CONTRACTOR.inForceOn(LocalDate.of(2024, 3, 1))).isTrue();
		assertThat(ViolationType.PACKAGING.notInForce(LocalDate.of(2025, 4, 10), "立案日期"))
			.contains("《快递暂行条例》第五十六条", "自2025年6月1日起施行", "2025年4月10日（立案日期）尚未施行");
		// 邮政法 art.75 and 反恐怖主义法 art.85 punished screening failures before the 条例: the type was an offence then
		assertThat(ViolationType.SECURITY_CHECKS.basisOn(LocalDate.of(2017, 6, 1)))
			.isEqualTo("邮政法(2015) 第75条；反恐怖主义法(2018) 第85条");
	}
}
