package org.youguan.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.context.MessageSource;
import org.youguan.MessageBundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English bundle has exactly the keys of the Chinese default bundle, and a message citing an article by token reads
 * it in its bundle's language.
 */
class MessagesTest {

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		Properties zh = MessageBundles.load(MessageBundles.CHINESE);
		Properties en = MessageBundles.load(MessageBundles.ENGLISH);
		assertThat(zh).isNotEmpty();
		assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
	}

	/**
	 * Finding (English hints that leave out the citation): every article the Chinese message cites by token
	 * ({@code [[PENALTY_HEARING_PROCEDURE]]}) the English one cites too — the hearing notice's, the withdrawal's and
	 * waivers' hints said the rule in English without its article.
	 */
	@Test
	void theEnglishCitesEveryArticleTheChineseCites() throws IOException {
		Properties zh = MessageBundles.load(MessageBundles.CHINESE);
		Properties en = MessageBundles.load(MessageBundles.ENGLISH);
		List<String> uncited = new ArrayList<>();
		for (String key : zh.stringPropertyNames()) {
			if (!tokens(zh.getProperty(key)).equals(tokens(en.getProperty(key, "")))) {
				uncited.add(key);
			}
		}
		assertThat(tokens(zh.getProperty("enforcement.case.hearingNoticeHint"))).isNotEmpty();
		assertThat(uncited).as("English messages citing fewer or other articles than the Chinese").isEmpty();
	}

	/** The article tokens of a message, sorted. */
	private static List<String> tokens(String message) {
		Matcher token = Pattern.compile("\\[\\[[^\\]]+\\]\\]").matcher(message);
		List<String> found = new ArrayList<>();
		while (token.find()) {
			found.add(token.group());
		}
		Collections.sort(found);
		return found;
	}

	/**
	 * One token, two languages: the Chinese bundle writes the catalogue's short form, the English one "Article N of the
	 * … (version)" — no English message types its own "art.N".
	 */
	@Test
	void aTokenCitesTheArticleInTheBundlesLanguage() {
		MessageSource source = new MessageSourceConfiguration().messageSource("messages", false);
		assertThat(source.getMessage("enforcement.case.mitigationGround", null, Locale.ENGLISH))
			.isEqualTo("Ground (Article 32 of the Administrative Penalty Law (2021))");
		assertThat(source.getMessage("enforcement.case.mitigationGround", null, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("行政处罚法(2021) 第32条情形");
		assertThat(source.getMessage("inspection.plan.teamSize.hint", null, Locale.ENGLISH))
			.isEqualTo("At least 2 (Article 63 of the Postal Law (2015), Article 42 of the Administrative Penalty Law (2021))");
		assertThat(source.getMessage("enforcement.onSpot.help", null, Locale.ENGLISH))
			.startsWith("Simple procedure (Articles 51 and 52 of the Administrative Penalty Law (2021)):");
		assertThat(source.getMessage("enforcement.outcome.withdrawalDue", new Object[] { "2026-03-05" }, Locale.ENGLISH))
			.endsWith("withdraw its publication by 2026-03-05 (Article 48 of the Administrative Penalty Law (2021))");
	}

}
