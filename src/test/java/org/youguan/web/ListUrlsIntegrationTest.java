package org.youguan.web;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A list's links (page, sort, tab, export) keep a search typed in Chinese or with a {@code +} as it was typed: encoded
 * once, so the next click searches the same words; and a {@code ?lang=} naming no language keeps the page's language.
 */
@IntegrationTest
class ListUrlsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aChineseSearchIsEncodedOnceInTheSortAndTabLinksAndTheNextClickSearchesTheSameWords() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		String page = mvc.perform(get(URI.create("/complaints?q=%E9%A1%BA%E4%B8%B0&state=ALL")).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("%25E9"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("q=%E9%A1%BA%E4%B8%B0&amp;state=ALL&amp;sort=").contains("q=%E9%A1%BA%E4%B8%B0&amp;state=OPEN")
			.contains("value=\"顺丰\"");
		assertThat(rows(page)).as("the search finds rows").isGreaterThan(2);
		// the sort link, followed, is the same search
		String sorted = mvc.perform(get(URI.create("/complaints?q=%E9%A1%BA%E4%B8%B0&state=ALL&sort=number&dir=asc")).session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(rows(sorted)).isEqualTo(rows(page));
	}

	@Test
	void aPlusAndASpaceInTheQueryStayThemselves() {
		assertThat(ListUrls.Query.of("/complaints", "q=C%2B%2B+%E9%A1%BA&page=2").set("sort", "number").remove("page").link())
			.isEqualTo("/complaints?q=C%2B%2B+%E9%A1%BA&sort=number");
		assertThat(ListUrls.Query.of("/x", "q=%zz&a").link()).as("a malformed escape is kept as it came")
			.isEqualTo("/x?q=%25zz&a=");
	}

	@Test
	void aLanguageThatIsNoneKeepsThePageInChinese() throws Exception {
		mvc.perform(get("/public/lookup").param("lang", "<script>")).andExpect(status().isOk())
			.andExpect(content().string(containsString("已备案末端网点查询")));
	}

	private static long rows(String html) {
		return html.split("<tr", -1).length - 1;
	}
}
