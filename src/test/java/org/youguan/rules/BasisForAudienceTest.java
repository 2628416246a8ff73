package org.youguan.rules;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.Text;

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
		// the measures say only "30 days before expiry": the earliest day is the bureau's own setting, never the measures'
		// (an enterprise read "（许可延续申请最早提前期，到期前，快递业务经营许可管理办法(2019)）")
		assertThat(StatutoryRule.LICENCE_RENEWAL_EARLIEST.basisFor(Audience.OUTSIDE)).isEqualTo("按本局规定");
		assertThat(StatutoryRule.UNIVERSAL_SUSPENSION_MAX_LENGTH.basisFor(Audience.OUTSIDE)).isEqualTo("按本局规定");
		assertThat(StatutoryRule.LICENCE_VALIDITY.basisFor(Audience.OUTSIDE)).isEqualTo("快递业务经营许可管理办法(2019)");
		assertThat(StatutoryRule.LICENCE_RENEWAL_BEFORE_EXPIRY.basisFor(Audience.OUTSIDE)).isEqualTo("快递业务经营许可管理办法(2019)");
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
			// a figure the catalogue marks as practice is never attributed to a legal text beside it
			boolean practice = rule.citations().stream().anyMatch(c -> !c.text().isText());
			assertThat(outside.equals(Audience.OWN_RULE)).as(rule.code()).isEqualTo(practice);
		}
	}

	/**
	 * Titles of product rules say 产品规则，非法律规定 to the bureau; an enterprise or the public reads the title without
	 * it (citedFor OUTSIDE went into refusals with the mark).
	 */
	@Test
	void readersOutsideTheBureauReadTitlesWithoutTheCataloguesMarks() {
		assertThat(StatutoryRule.INSPECTION_RECTIFICATION_MAX.titleFor(Audience.OUTSIDE)).isEqualTo("责令改正整改期限上限（自下达）");
		assertThat(StatutoryRule.COMPLAINT_FILINGS_PER_PHONE.titleFor(Audience.OUTSIDE)).isEqualTo("同一电话号码每日网上申诉件数上限");
		assertThat(StatutoryRule.PENALTY_SUSPENSION_MAX.citedFor(Audience.OUTSIDE))
			.isEqualTo("责令停业整顿最长期限，按本局规定");
		// the bureau reads the mark once, in the basis: not in the title beside it again (attack finding 7)
		assertThat(StatutoryRule.COMPLAINT_FILINGS_PER_PHONE.citedFor(Audience.BUREAU))
			.isEqualTo("同一电话号码每日网上申诉件数上限，产品规则（非法律规定，可配置）");
		assertThat(StatutoryRule.INSPECTION_RECTIFICATION_MAX.citedFor(Audience.BUREAU))
			.isEqualTo("责令改正整改期限上限，产品规则（非法律规定，可配置）");
		for (StatutoryRule rule : StatutoryRule.values()) {
			String flat = rule.citedFor(Audience.BUREAU).replace("（", "，").replace("）", "");
			assertThat(flat.indexOf("产品规则，非法律规定")).as(rule.code())
				.isEqualTo(flat.lastIndexOf("产品规则，非法律规定"));
		}
		for (StatutoryRule rule : StatutoryRule.values()) {
			assertThat(rule.titleFor(Audience.BUREAU)).as(rule.code()).isEqualTo(rule.title());
			String cited = rule.citedFor(Audience.OUTSIDE);
			assertThat(rule.titleFor(Audience.OUTSIDE)).as(rule.code()).isNotBlank().doesNotContain("（）");
			assertThat(cited).as(rule.code()).doesNotContain("产品规则").doesNotContain("非法律规定").doesNotContain("未确认")
				.doesNotContain("地方实践").doesNotContain("可配置");
		}
	}

	/**
	 * A period a record kept in the form any reader reads, or in the bureau's form from before, reads for each reader in
	 * its form; any other text stays as it is.
	 */
	@Test
	void aStatedPeriodIsRestatedForItsReader() {
		StatutoryRule rule = StatutoryRule.SAFETY_HAZARD_GENERAL_RECTIFICATION;
		String outside = "一般隐患整改期限12个工作日（按本局规定）";
		// the bureau's form: the basis in one pair of brackets, never 地方实践（未确认） in a second (attack: a staff page
		// read "（地方实践（未确认））")
		String bureau = "一般隐患整改期限12个工作日（地方实践，未确认）";
		String nested = "一般隐患整改期限12个工作日（地方实践（未确认））";
		assertThat(rule.statedFor(new java.math.BigDecimal("12.00"), Audience.OUTSIDE)).isEqualTo(outside);
		assertThat(rule.statedFor(new java.math.BigDecimal("12"), Audience.BUREAU)).isEqualTo(bureau);
		assertThat(rule.restatedFor(bureau, Audience.OUTSIDE)).isEqualTo(outside);
		assertThat(rule.restatedFor(outside, Audience.BUREAU)).isEqualTo(bureau);
		assertThat(rule.restatedFor(nested, Audience.OUTSIDE)).as("kept before the brackets were flattened").isEqualTo(outside);
		assertThat(rule.restatedFor(nested, Audience.BUREAU)).as("kept before the brackets were flattened").isEqualTo(bureau);
		assertThat(rule.restatedFor(outside, Audience.OUTSIDE)).isEqualTo(outside);
		assertThat(rule.restatedFor("指定日期（晚于规则目录期限2026年1月5日，由张三指定）", Audience.BUREAU))
			.isEqualTo("指定日期（晚于规则目录期限2026年1月5日，由张三指定）");
		assertThat(rule.restatedFor("一般隐患整改期限x个工作日（地方实践（未确认））", Audience.BUREAU))
			.as("no value: not a text statedFor wrote, but its basis not in nested brackets")
			.isEqualTo("一般隐患整改期限x个工作日（地方实践，未确认）");
		assertThat(rule.restatedFor("一般隐患整改期限x个工作日（地方实践（未确认））", Audience.OUTSIDE))
			.as("never the mark outside").isEqualTo("一般隐患整改期限x个工作日（按本局规定）");
		assertThat(rule.restatedFor(null, Audience.OUTSIDE)).isNull();
	}

	@Test
	void aRuleIsCitedByItsTitleNeverItsCode() {
		assertThat(StatutoryRule.LICENCE_RENEWAL_EARLIEST.citedFor(Audience.OUTSIDE)).isEqualTo("许可延续申请最早提前期，按本局规定");
		assertThat(Text.bracketed(StatutoryRule.LICENCE_RENEWAL_EARLIEST.citedFor(Audience.BUREAU)))
			.isEqualTo("（许可延续申请最早提前期，快递业务经营许可管理办法(2019)；地方实践，未确认）");
		assertThat(StatutoryRule.COMPLAINT_ANSWER_LIMIT.citedFor(Audience.OUTSIDE)).isEqualTo("申诉处理答复期限，邮政法(2015) 第65条");
		for (StatutoryRule rule : StatutoryRule.values()) {
			assertThat(rule.citedFor(Audience.OUTSIDE)).as(rule.code()).doesNotContain(rule.code());
			// the title's own brackets never reach the citation, where they would read as part of the basis
			for (Audience audience : Audience.values()) {
				String title = rule.citedFor(audience).substring(0, rule.citedFor(audience).indexOf("，" + rule.basisFor(audience)));
				assertThat(title).as(rule.code() + " for " + audience).doesNotContain("（").doesNotContain("）");
			}
		}
	}

	/**
	 * No rule is shown with brackets inside brackets, whatever brackets its title and basis hold (双随机抽查结果公示时限
	 * rests on 地方实践（未确认）; 许可延续申请最早提前期（到期前） holds its own): cited in a message's brackets or stated
	 * with its value, for either reader.
	 */
	@Test
	void noRuleIsShownWithBracketsInsideBrackets() {
		for (StatutoryRule rule : StatutoryRule.values()) {
			for (Audience audience : Audience.values()) {
				// an opening bracket before the one open has closed: brackets inside brackets
				assertThat(Text.bracketed(rule.citedFor(audience))).as(rule.code() + " cited for " + audience)
					.doesNotContainPattern("（[^）]*（");
				assertThat(rule.statedFor(rule.defaultValue(), audience)).as(rule.code() + " stated for " + audience)
					.doesNotContainPattern("（[^）]*（");
			}
		}
		assertThat(Text.bracketed(StatutoryRule.INSPECTION_RESULT_PUBLICATION.citedFor(Audience.BUREAU)))
			.isEqualTo("（双随机抽查结果公示时限，地方实践，未确认）");
	}
}
