package org.youguan.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The list parameters ({@code q}, {@code page}, {@code size}, {@code sort}, {@code dir}) read by
 * {@link ListRequestArgumentResolver} as the data binder read them, and the message bundles with arguments as before
 * {@link MessageSourceConfiguration} (issue 12: both were rewritten for speed, not for behaviour).
 */
@IntegrationTest
class ListRequestBindingIntegrationTest {

	static final String TOKEN = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@Test
	void pageAndSizeAreReadAsNumbersAndEmptyOnesAreTheDefaults() throws Exception {
		mvc.perform(get("/api/v1/complaints?size=1&page=0").header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.size").value(1));
		mvc.perform(get("/api/v1/complaints").param("size", "\uFF12").param("page", "").header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.page").value(0));
		mvc.perform(get("/api/v1/complaints?size=&page=&q=&sort=&dir=").header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(0));
	}

	@Test
	void aPageThatIsNotANumberIs400NamingTheParameter() throws Exception {
		mvc.perform(get("/api/v1/complaints?page=abc").header("Authorization", TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"))
			.andExpect(jsonPath("$.detail", containsString("abc")));
		mvc.perform(get("/api/v1/complaints?size=99999999999").header("Authorization", TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
	}

	/**
	 * Attack 69 L15: "page=%2B1" and "size=%205" were read as 1 and 5, and "size= 2 " as 2. A query number is digits —
	 * full-width ones read as ASCII, as a form field reads them — with no sign nor space around it: 400 {@code format},
	 * on the API and on a page, as the same text in any list.
	 */
	@Test
	void aPlusSignOrASpaceAroundAPageNumberIs400() throws Exception {
		for (String[] sent : new String[][] { { "page", "+1" }, { "size", " 5" }, { "size", "5 " }, { "size", " 2 " },
				{ "page", "\uFF0B1" }, { "page", "\u30001" } }) {
			mvc.perform(get("/api/v1/enforcement/cases").param(sent[0], sent[1]).header("Authorization", TOKEN))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(sent[0]))
				.andExpect(jsonPath("$.errors[0].rule").value("format"));
		}
		mvc.perform(get("/public/penalties").param("page", "+1")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("页码的值")));
		mvc.perform(get("/api/v1/enforcement/cases").param("page", "\uFF10").param("size", "\uFF13")
			.header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(3));
	}

	/**
	 * Attack 69 L13: 5,000 characters of {@code q} were searched for. One limit, {@link PageQuery#MAX_QUERY_LENGTH}
	 * characters, for every list — API, page and export — 400 naming {@code q}, rule {@code max-length}.
	 */
	@Test
	void aSearchTextLongerThanTheLimitIs400NamingQ() throws Exception {
		String longest = "测".repeat(PageQuery.MAX_QUERY_LENGTH);
		mvc.perform(get("/api/v1/enforcement/cases").param("q", longest).header("Authorization", TOKEN))
			.andExpect(status().isOk());
		for (String path : new String[] { "/api/v1/enforcement/cases", "/api/v1/complaints", "/api/v1/public/penalties" }) {
			mvc.perform(get(path).param("q", longest + "x").header("Authorization", TOKEN))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("q"))
				.andExpect(jsonPath("$.errors[0].rule").value("max-length"))
				.andExpect(jsonPath("$.errors[0].message", containsString("不能超过100个字符")));
		}
		mvc.perform(get("/public/penalties").param("q", "x".repeat(5000))).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能超过100个字符")));
	}

	/**
	 * A page before the first or a page size no list has is refused naming the parameter and rule {@code range} — it
	 * was read as page 0, 20 or 200 rows: the caller got something else than it asked for — on the API and on a page.
	 */
	@Test
	void aNegativePageOrAnAbsurdSizeIs400NamingTheParameterAndTheRule() throws Exception {
		mvc.perform(get("/api/v1/complaints?page=-1").header("Authorization", TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.detail", containsString("页码")));
		mvc.perform(get("/api/v1/complaints?page=-2147483648&size=0").header("Authorization", TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"))
			.andExpect(jsonPath("$.errors[1].field").value("size"))
			.andExpect(jsonPath("$.errors[1].rule").value("range"));
		for (String size : new String[] { "-5", "0", "201", "2147483647" }) {
			mvc.perform(get("/api/v1/complaints").param("size", size).header("Authorization", TOKEN))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("size"))
				.andExpect(jsonPath("$.errors[0].rule").value("range"))
				.andExpect(jsonPath("$.errors[0].message", containsString("1至200")));
		}
		mvc.perform(get("/api/v1/complaints?size=200&page=2147483647").header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(0));
		// the public API and the pages alike: one resolver reads every list's parameters
		mvc.perform(get("/api/v1/public/penalties?page=-1")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		mvc.perform(get("/public/penalties").param("page", "-1")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("页码应为0或更大的整数")));
	}

	@Test
	void theSortAndSearchReachTheList() throws Exception {
		mvc.perform(get("/api/v1/complaints?size=5&sort=received_on&dir=desc&q=zzz-no-such-complaint")
			.header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void messagesWithArgumentsAreFormattedAndTheDefaultLocaleIsNotTheSystemOne() {
		String zh = messages.getMessage("common.total", new Object[] { 42 }, Locale.SIMPLIFIED_CHINESE);
		String en = messages.getMessage("common.total", new Object[] { 42 }, Locale.ENGLISH);
		assertThat(zh).contains("42").isNotEqualTo(en);
		assertThat(en).contains("42");
		assertThat(messages.getMessage("common.total", new Object[] { 7 }, Locale.GERMAN))
			.as("an unknown locale falls back to the default bundle, not to the system locale's").isEqualTo(
					messages.getMessage("common.total", new Object[] { 7 }, Locale.ROOT));
	}
}
