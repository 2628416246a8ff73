package org.youguan.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents issued to a party and public pages cite law as Chinese legal documents do — 《快递暂行条例》第十九条,
 * 《中华人民共和国邮政法》第七十二条 — not in the staff's short form with the version (快递暂行条例(2025) 第19条).
 */
class FormalCitationTest {

	@Test
	void aLawOfTheNpcBearsTheCountrysNameARegulationOrRuleItsOwnTitle() {
		assertThat(LegalText.POSTAL_LAW.formalTitle()).isEqualTo("《中华人民共和国邮政法》");
		assertThat(LegalText.ADMINISTRATIVE_PENALTY_LAW.formalTitle()).isEqualTo("《中华人民共和国行政处罚法》");
		assertThat(LegalText.COUNTER_TERRORISM_LAW.formalTitle()).isEqualTo("《中华人民共和国反恐怖主义法》");
		assertThat(LegalText.ADMINISTRATIVE_LICENSING_LAW.formalTitle()).isEqualTo("《中华人民共和国行政许可法》");
		assertThat(LegalText.EXPRESS_REGULATION.formalTitle()).isEqualTo("《快递暂行条例》");
		assertThat(LegalText.EXPRESS_MARKET_MEASURES.formalTitle()).isEqualTo("《快递市场管理办法》");
		assertThat(LegalText.LOCAL_PRACTICE.formalTitle()).as("a practice is no text").isEqualTo("地方实践（未确认）");
	}

	@Test
	void anArticleIsCitedInChineseNumeralsWithoutTheVersion() {
		assertThat(Citation.of(LegalText.EXPRESS_REGULATION, 19).formal()).isEqualTo("《快递暂行条例》第十九条");
		assertThat(Citation.of(LegalText.POSTAL_LAW, 72).formal()).isEqualTo("《中华人民共和国邮政法》第七十二条");
		assertThat(Citation.of(LegalText.EXPRESS_MARKET_MEASURES, 54).formal()).isEqualTo("《快递市场管理办法》第五十四条");
		assertThat(Citation.of(LegalText.POSTAL_LAW, 9).formal()).isEqualTo("《中华人民共和国邮政法》第九条");
		assertThat(Citation.of(LegalText.ADMINISTRATIVE_LITIGATION_LAW, 103).formal())
			.isEqualTo("《中华人民共和国行政诉讼法》第一百零三条");
		assertThat(Citation.numeral(100)).isEqualTo("一百");
		assertThat(Citation.numeral(110)).isEqualTo("一百一十");
		assertThat(Citation.numeral(115)).isEqualTo("一百一十五");
		assertThat(Citation.numeral(120)).isEqualTo("一百二十");
		assertThat(Citation.of(LegalText.REAL_NAME_MEASURES).formal()).isEqualTo("《邮件快件实名收寄管理办法》");
		assertThat(Citation.of(LegalText.EXPRESS_REGULATION, 19).toString()).as("staff keep the short form")
			.isEqualTo("快递暂行条例(2025) 第19条");
	}

	@Test
	void aViolationsBasisIsCitedFormally() {
		assertThat(ViolationType.DELIVERY_WITHOUT_CONSENT.formalBasis()).isEqualTo("《快递市场管理办法》第五十四条");
		assertThat(ViolationType.SECURITY_CHECKS.formalBasis()).isEqualTo(
				"《快递暂行条例》第五十三条、《中华人民共和国邮政法》第七十五条、《中华人民共和国反恐怖主义法》第八十五条");
		for (ViolationType v : ViolationType.values()) {
			assertThat(v.formalBasis()).as(v.code()).startsWith("《").doesNotContainPattern("\\(\\d{4}\\)|第\\d+条");
			assertThat(Citation.formalIn(v.basis())).as(v.code() + ": a stored basis is written exactly so")
				.isEqualTo(v.formalBasis().replace("、", "；"));
		}
	}

	@Test
	void storedTextsAreWrittenFormallyExactlyAndOnlyWhereTheyCiteAKnownText() {
		assertThat(Citation.formalIn("邮政法(2015) 第19条（建制村通邮）、快递暂行条例(2025) 第23条（实名收寄）"))
			.isEqualTo("《中华人民共和国邮政法》第十九条（建制村通邮）、《快递暂行条例》第二十三条（实名收寄）");
		assertThat(Citation.formalIn("快递业务经营许可管理办法(2019)")).isEqualTo("《快递业务经营许可管理办法》");
		assertThat(Citation.formalIn("邮政法(2015) 第19条；地方实践（未确认）"))
			.isEqualTo("《中华人民共和国邮政法》第十九条；地方实践（未确认）");
		String formal = "《快递暂行条例》第十九条（末端网点备案）";
		assertThat(Citation.formalIn(formal)).as("written twice, the same").isEqualTo(formal);
		assertThat(Citation.formalIn("某某条例(2020) 第3条")).as("an unknown text stays").isEqualTo("某某条例(2020) 第3条");
		assertThat(Citation.formalIn(null)).isNull();
	}
}
