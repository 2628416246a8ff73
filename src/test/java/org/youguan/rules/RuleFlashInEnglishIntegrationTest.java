package org.youguan.rules;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.Bureaus;
import org.youguan.web.RefusalTexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Finding (a rule's reset flashed "已恢复“分支机构备案时限（自领取营业执照）”" on an English page, and the catalogue listed
 * Chinese titles): the catalogue's rows and the reset's message name the rule by its English title in English, by its
 * catalogue title in Chinese.
 */
@IntegrationTest
class RuleFlashInEnglishIntegrationTest {

	private static final String CITY = "3205";

	private static final StatutoryRule RULE = StatutoryRule.BRANCH_FILING;

	@Autowired
	MockMvc mvc;

	@Autowired
	StatutoryRules rules;

	@Autowired
	RefusalTexts words;

	/** Where the city's own value is cleared again. */
	@Autowired
	JdbcClient jdbc;

	/** The city bureau whose own value is set and reset. */
	@Autowired
	Bureaus bureaus;

	@AfterEach
	void clear() {
		jdbc.sql("DELETE FROM statutory_rule_override WHERE region_code = :r AND rule_code = :c")
			.param("r", CITY).param("c", RULE.code()).update();
	}

	@Test
	void aResetNamesTheRuleInTheReadersLanguage() throws Exception {
		Document english = reset("en");
		assertThat(english.getElementById("flash").text()).isEqualTo("Reset: “Time to file a branch (from its business licence)”");
		assertThat(english.text()).contains("Time to file a branch (from its business licence)");
		Document chinese = reset("zh-CN");
		assertThat(chinese.getElementById("flash").text()).isEqualTo("已恢复“" + RULE.title() + "”");
		assertThat(chinese.text()).contains(RULE.title());
	}

	/**
	 * Finding (a refused value named the rule by its Chinese title in English): the value refusals of the catalogue
	 * carry their key with the rule, which reads by its English title.
	 */
	@Test
	void aRefusedValueNamesTheRuleInEnglish() {
		long city = bureaus.findByRegion(CITY).orElseThrow().id();
		InvalidValueException zero = catchThrowableOfType(InvalidValueException.class,
				() -> rules.override(RULE, city, CITY, BigDecimal.ZERO, "依据市局通知"));
		assertThat(zero.getMessage()).isEqualTo("“" + RULE.title() + "”是期限，不能为0");
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(words.of(zero.wording(), zero.getMessage()))
				.isEqualTo("“Time to file a branch (from its business licence)” is a deadline: it cannot be 0");
			LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
			assertThat(words.of(zero.wording(), zero.getMessage())).isEqualTo(zero.getMessage());
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	/** Sets the city's own value of the rule, resets it on the page in {@code lang} and reads the page it goes back to. */
	private Document reset(String lang) throws Exception {
		long city = bureaus.findByRegion(CITY).orElseThrow().id();
		rules.override(RULE, city, CITY, new BigDecimal("20"), "依据市局通知");
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		MvcResult posted = mvc.perform(post("/admin/rules/" + RULE.code() + "/reset").param("lang", lang).session(admin)
			.with(csrf())).andReturn();
		assertThat(posted.getResponse().getStatus()).isEqualTo(302);
		String back = posted.getResponse().getRedirectedUrl().replaceAll("#.*", "");
		String page = mvc.perform(get(back).param("lang", lang).session(admin).flashAttrs(posted.getFlashMap())).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(page);
	}
}
