package org.youguan.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shared pager (fragments :: pager) links only pages in [0, last]: a page asked for far past the end
 * ({@code page=2147483647}) shows links to real pages, never a negative one; a page before the start
 * ({@code page=-3}) is refused (400, the error page saying what a page number is).
 */
@IntegrationTest
class PagerLinksIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aPageAskedForPastIntegerRangeOrBeforeTheFirstLinksOnlyPagesThatExist() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		String far = mvc.perform(get("/complaints").param("state", "ALL").param("size", "1").param("page", "2147483647")
			.session(staff)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(far).contains("class=\"pagination").doesNotContain("page=-").doesNotContain("-2147483648")
			.doesNotContain("page=2147483646");
		String before = mvc.perform(get("/complaints").param("state", "ALL").param("size", "1").param("page", "-3")
			.session(staff)).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(before).as("a page before the first is refused, no longer shown as page 0")
			.contains("页码应为0或更大的整数").doesNotContain("page=-");
	}

	/**
	 * A one-page list asked for a page past its end shows the pager too, its 上一页 leading back to the first page
	 * (attack round 7: /notifications?page=99999999 showed "暂无数据 共7条" and no way back).
	 */
	@Test
	void aPagePastTheEndOfAOnePageListLeadsBack() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		String far = mvc.perform(get("/notifications").param("size", "200").param("page", "99999999").session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(far).contains("class=\"pagination").contains("page=0");
		String first = mvc.perform(get("/notifications").param("size", "200").session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(first).as("a one-page list on its page has no pager").doesNotContain("class=\"pagination");
	}
}
