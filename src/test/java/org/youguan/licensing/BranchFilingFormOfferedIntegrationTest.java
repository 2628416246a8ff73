package org.youguan.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;

/**
 * Finding (a way shown to a step that is then refused): the registry's branches page offered a county's staff — and an
 * administrator without the 处室工作人员 role — the paper branch-filing form, which refuses them (403): a filing is
 * taken by the bureau handling the branch's city. Who takes one is read from the registry of bureaus
 * ({@link Bureaus#handlesOwnCity}), not from the length of a region code, and both pages offer the form only to them.
 */
@IntegrationTest
class BranchFilingFormOfferedIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Bureaus bureaus;

	@Autowired
	BranchFilings filings;

	private static final String BUTTON = "id=\"new-branch-filing\"";

	@Test
	void onlyThoseTheFormTakesAFilingFromAreOfferedIt() throws Exception {
		// the registry of bureaus: the city's and the province's bureaus handle their own city, a county's does not
		assertThat(bureaus.handlesOwnCity(DataScope.region("3205"))).isTrue();
		assertThat(bureaus.handlesOwnCity(DataScope.region("32"))).isTrue();
		assertThat(bureaus.handlesOwnCity(DataScope.all())).isTrue();
		assertThat(bureaus.handlesOwnCity(DataScope.region("320506"))).isFalse();
		assertThat(filings.receives(DataScope.region("320506"))).isFalse();

		// a county's staff: no button on either page, and the form refuses them
		MockHttpSession county = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/registry/branches").session(county)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(BUTTON))));
		mvc.perform(get("/licensing/branch-filings").session(county)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(BUTTON))));
		mvc.perform(get("/licensing/branch-filings/new").session(county)).andExpect(status().isForbidden());

		// an administrator without the case-work role writes the register but files no branch: no button either
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		mvc.perform(get("/registry/branches").session(admin)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(BUTTON))));
		mvc.perform(get("/licensing/branch-filings/new").session(admin)).andExpect(status().isForbidden());

		// the city's staff: the button on both pages, and the form opens
		MockHttpSession city = SignIn.session(mvc, "sz.market");
		mvc.perform(get("/registry/branches").session(city)).andExpect(content().string(containsString(BUTTON)));
		mvc.perform(get("/licensing/branch-filings").session(city)).andExpect(content().string(containsString(BUTTON)));
		mvc.perform(get("/licensing/branch-filings/new").session(city)).andExpect(status().isOk());
	}
}
