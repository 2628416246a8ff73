package org.youguan.rules;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue knows how many articles each text has (快递暂行条例(2025): 59), so an article typed anywhere can be
 * checked against the version cited; only an existing article of a legal text is law a document may cite as breached,
 * each (text, article) once — never a local practice or an unconfirmed note.
 */
class LegalTextArticlesTest {

	@Test
	void everyArticleTheCatalogueCitesExistsInItsText() {
		List<Citation> all = new ArrayList<>();
		for (StatutoryRule r : StatutoryRule.values()) {
			all.addAll(r.citations());
		}
		for (ViolationType v : ViolationType.values()) {
			all.addAll(v.citations());
			all.addAll(v.duties());
		}
		assertThat(all).allSatisfy(c -> assertThat(c.text().hasArticle(c.article())).as(c.toString()).isTrue());
	}

	@Test
	void theRevisedExpressRegulationHasFiftyNineArticles() {
		assertThat(LegalText.EXPRESS_REGULATION.articles()).isEqualTo(59);
		assertThat(LegalText.EXPRESS_REGULATION.hasArticle(59)).isTrue();
		assertThat(LegalText.EXPRESS_REGULATION.hasArticle(300)).isFalse();
		assertThat(LegalText.EXPRESS_REGULATION.articleRange()).contains("共59条");
		assertThat(LegalText.POSTAL_LAW.hasArticle(87)).isTrue();
		assertThat(LegalText.POSTAL_LAW.hasArticle(88)).isFalse();
	}

	@Test
	void aTextWhoseCountIsNotRecordedIsCitedOnlyAsFarAsTheCatalogueVouches() {
		assertThat(LegalText.EXPRESS_MARKET_MEASURES.articles()).isNull();
		assertThat(LegalText.EXPRESS_MARKET_MEASURES.lastArticle()).isEqualTo(56);
		assertThat(LegalText.EXPRESS_MARKET_MEASURES.hasArticle(57)).isFalse();
		assertThat(LegalText.REAL_NAME_MEASURES.lastArticle()).isZero();
		assertThat(LegalText.LOCAL_PRACTICE.hasArticle(1)).isFalse();
	}

	@Test
	void onlyExistingArticlesOfLegalTextsAreLawAndEachIsCitedOnce() {
		List<Citation> village = new ArrayList<>(List.of(Citation.of(LegalText.POSTAL_LAW, 19)));
		village.addAll(StatutoryRule.UNIVERSAL_DELIVERY_VILLAGE.citations());
		assertThat(Citation.law(village)).containsExactly(Citation.of(LegalText.POSTAL_LAW, 19));
		assertThat(Citation.of(LegalText.LOCAL_PRACTICE).isLaw()).isFalse();
		assertThat(Citation.of(LegalText.REAL_NAME_MEASURES).isLaw()).isFalse();
		assertThat(Citation.of(LegalText.EXPRESS_REGULATION, 300).isLaw()).isFalse();
		assertThat(Citation.of(LegalText.EXPRESS_REGULATION, 23).isLaw()).isTrue();
	}
}
