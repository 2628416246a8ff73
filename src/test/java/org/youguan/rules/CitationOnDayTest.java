package org.youguan.rules;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.rules.LegalText.EXPRESS_REGULATION;
import static org.youguan.rules.LegalText.POSTAL_LAW;

/**
 * The catalogue's lookup "citation of violation type X on day D": a dated act cites the version of the text in force on
 * its day — the 快递暂行条例 as revised in 2025 from 2025-06-01 (国务院令第804号), the 2019 text before, numbered per
 * DOMAIN.md's table — and a new act (no day) the catalogue's version.
 */
class CitationOnDayTest {

	static final LocalDate BEFORE = LocalDate.of(2024, 4, 15);

	static final LocalDate FROM = LocalDate.of(2025, 6, 1);

	@Test
	void aPenaltyArticleIsNumberedAsTheTextInForceOnTheDayNumberedIt() {
		assertThat(ViolationType.OUTLET_UNFILED.formalBasisOn(BEFORE)).isEqualTo("《快递暂行条例》第四十条");
		assertThat(ViolationType.OUTLET_UNFILED.basisOn(BEFORE)).isEqualTo("快递暂行条例(2019) 第40条");
		assertThat(ViolationType.OUTLET_UNFILED.formalBasisOn(FROM.minusDays(1))).isEqualTo("《快递暂行条例》第四十条");
		assertThat(ViolationType.OUTLET_UNFILED.formalBasisOn(FROM)).isEqualTo("《快递暂行条例》第五十条");
		assertThat(ViolationType.OUTLET_UNFILED.formalBasisOn(LocalDate.of(2026, 1, 5))).isEqualTo("《快递暂行条例》第五十条");
		assertThat(ViolationType.OUTLET_UNFILED.formalBasisOn(null)).isEqualTo(ViolationType.OUTLET_UNFILED.formalBasis())
			.isEqualTo("《快递暂行条例》第五十条");
		// the table: brand 51 → 41, tampering 52 → 42, security 53 → 43, waybills 54 → 44; other texts as they are
		assertThat(ViolationType.BRAND_UNMANAGED.basisOn(BEFORE)).isEqualTo("快递暂行条例(2019) 第41条");
		assertThat(ViolationType.PARCEL_TAMPERING.basisOn(BEFORE)).isEqualTo("快递暂行条例(2019) 第42条");
		assertThat(ViolationType.SECURITY_CHECKS.basisOn(BEFORE))
			.isEqualTo("快递暂行条例(2019) 第43条；邮政法(2015) 第75条；反恐怖主义法(2018) 第85条");
		assertThat(ViolationType.WAYBILL_DATA.formalBasisOn(BEFORE)).isEqualTo("《快递暂行条例》第四十四条");
		assertThat(ViolationType.UNLICENSED.basisOn(BEFORE)).isEqualTo("邮政法(2015) 第72条");
	}

	@Test
	void dutiesMoveAsTheTableSays() {
		assertThat(Citation.of(EXPRESS_REGULATION, 19).on(BEFORE)).hasToString("快递暂行条例(2019) 第18条");
		assertThat(Citation.of(EXPRESS_REGULATION, 23).on(BEFORE).formal()).isEqualTo("《快递暂行条例》第二十二条");
		assertThat(Citation.of(EXPRESS_REGULATION, 30).on(BEFORE).article()).isEqualTo(29);
		assertThat(Citation.of(EXPRESS_REGULATION, 47).on(BEFORE).article()).isEqualTo(37);
		assertThat(Citation.of(EXPRESS_REGULATION, 57).on(BEFORE).article()).isEqualTo(46);
		assertThat(Citation.of(EXPRESS_REGULATION, 59).on(BEFORE).article()).isEqualTo(48);
		// an article the 2019 text did not have (the packaging chapter, art.56) stays as it is
		assertThat(Citation.of(EXPRESS_REGULATION, 56).on(BEFORE)).isEqualTo(Citation.of(EXPRESS_REGULATION, 56));
		assertThat(Citation.of(EXPRESS_REGULATION, 19).on(FROM)).isEqualTo(Citation.of(EXPRESS_REGULATION, 19));
		assertThat(Citation.of(POSTAL_LAW, 15).on(BEFORE)).isEqualTo(Citation.of(POSTAL_LAW, 15));
		// a citation already of the earlier version is not moved again
		Citation old = Citation.of(EXPRESS_REGULATION, 50).on(BEFORE);
		assertThat(old.on(BEFORE)).isEqualTo(old);
		assertThat(old.on(FROM)).isEqualTo(old);
	}
}
