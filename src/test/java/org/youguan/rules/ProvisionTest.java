package org.youguan.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The articles cited beside the rules ({@link Provision}) name the text's version in the staff's form, cite as documents
 * do in the formal form, join articles of one text under one title, and write out the tokens a message or an API
 * description names them by.
 */
class ProvisionTest {

	@Test
	void everyProvisionIsAnArticleOfItsTextInTheCataloguesVersion() {
		for (Provision p : Provision.values()) {
			assertThat(p.citation().isLaw()).as(p.name()).isTrue();
			assertThat(p.citation().version()).as(p.name()).isEqualTo(p.citation().text().version());
			assertThat(p.toString()).as(p.name()).startsWith(p.citation().text().citeAs() + " 第");
		}
	}

	@Test
	void theStaffsFormNamesTheVersionAndTheParagraphOrItem() {
		assertThat(Provision.PENALTY_LEGAL_REVIEW).hasToString("行政处罚法(2021) 第58条");
		assertThat(Provision.PENALTY_ELECTRONIC_DELIVERY).hasToString("行政处罚法(2021) 第61条第2款");
		assertThat(Provision.LICENSING_CANCELLATION_REVOKED).hasToString("行政许可法(2019) 第70条第4项");
		assertThat(Provision.EXPRESS_REAL_NAME).as("the 2025 numbering (2019: art.22)").hasToString("快递暂行条例(2025) 第23条");
	}

	@Test
	void documentsCiteFormally() {
		assertThat(Provision.PENALTY_ELECTRONIC_DELIVERY.formal()).isEqualTo("《中华人民共和国行政处罚法》第六十一条第二款");
		assertThat(Provision.LICENSING_CANCELLATION_REVOKED.formal()).isEqualTo("《中华人民共和国行政许可法》第七十条第（四）项");
		assertThat(Provision.PENALTY_MITIGATION_HARM_ELIMINATED.formal()).isEqualTo("《中华人民共和国行政处罚法》第三十二条第（一）项");
	}

	@Test
	void articlesOfOneTextFollowOneTitle() {
		assertThat(Provision.cite(Provision.PENALTY_HEARING_RIGHT, Provision.PENALTY_HEARING_PROCEDURE))
			.isEqualTo("行政处罚法(2021) 第63条、第64条");
		assertThat(Provision.cite(Provision.POSTAL_INSPECTORS, Provision.PENALTY_TWO_OFFICERS))
			.isEqualTo("邮政法(2015) 第63条、行政处罚法(2021) 第42条");
		assertThat(Provision.formal(Provision.PENALTY_DELIVERY, Provision.SERVICE_BY_NOTICE))
			.isEqualTo("《中华人民共和国行政处罚法》第六十一条、《中华人民共和国民事诉讼法》第九十五条");
	}

	@Test
	void tokensAreWrittenOutAndAnUnknownOneIsRefused() {
		assertThat(Provision.resolve("须经法制审核（[[PENALTY_LEGAL_REVIEW]]）；听证（[[PENALTY_HEARING_PROCEDURE,PENALTY_WORKING_DAYS]]）"))
			.isEqualTo("须经法制审核（行政处罚法(2021) 第58条）；听证（行政处罚法(2021) 第64条、第85条）");
		assertThat(Provision.resolve("依据[[formal:PENALTY_PUBLICATION]]公开")).isEqualTo("依据《中华人民共和国行政处罚法》第四十八条公开");
		assertThat(Provision.resolve("共{0}条")).isEqualTo("共{0}条");
		assertThat(Provision.resolve(null)).isNull();
		assertThatThrownBy(() -> Provision.resolve("（[[NO_SUCH_ARTICLE]]）")).isInstanceOf(IllegalArgumentException.class);
	}

	/** An English page cites an article one way: "Article N of the <text> (<version>)", whatever the token's form. */
	@Test
	void englishCitesArticleOfTheTextWithItsVersion() {
		assertThat(Provision.PENALTY_LEGAL_REVIEW.english()).isEqualTo("Article 58 of the Administrative Penalty Law (2021)");
		assertThat(Provision.PENALTY_ELECTRONIC_DELIVERY.english())
			.isEqualTo("Article 61 para. 2 of the Administrative Penalty Law (2021)");
		assertThat(Provision.LICENSING_CANCELLATION_REVOKED.english())
			.isEqualTo("Article 70 item (4) of the Administrative Licensing Law (2019)");
		assertThat(Provision.english(Provision.PENALTY_HEARING_RIGHT, Provision.PENALTY_HEARING_PROCEDURE))
			.isEqualTo("Articles 63 and 64 of the Administrative Penalty Law (2021)");
		assertThat(Provision.english(Provision.POSTAL_INSPECTORS, Provision.PENALTY_TWO_OFFICERS))
			.isEqualTo("Article 63 of the Postal Law (2015) and Article 42 of the Administrative Penalty Law (2021)");
		assertThat(Provision.resolve("Ground ([[PENALTY_MITIGATION]]); published under [[formal:PENALTY_PUBLICATION]]",
				java.util.Locale.ENGLISH))
			.isEqualTo("Ground (Article 32 of the Administrative Penalty Law (2021)); published under Article 48 of the "
					+ "Administrative Penalty Law (2021)");
		assertThat(Provision.resolve("（[[PENALTY_MITIGATION]]）", java.util.Locale.ROOT)).isEqualTo("（行政处罚法(2021) 第32条）");
		for (Provision p : Provision.values()) {
			assertThat(p.english()).as(p.name()).startsWith("Article " + p.citation().article())
				.doesNotContainPattern("\\p{IsHan}");
		}
	}
}
