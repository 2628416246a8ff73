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
 * ({@code page=2147483647}) or before the start ({@code page=-3}) shows links to real pages, never a negative one.
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
			.session(staff)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(before).contains("class=\"pagination").contains("page=1").doesNotContain("page=-");
	}
}
