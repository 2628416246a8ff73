package org.youguan.web;

import org.junit.jupiter.api.Test;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Static files come from {@code /webjars}, {@code /css} and {@code /js} only, so rendering a page's links does not
 * look each of them up as a class-path file (issue 12: that lookup was most of a page's cost).
 */
@IntegrationTest
class StaticResourcesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Test
	void theStylesheetScriptsAndVersionFreeWebJarUrlsAreServed() throws Exception {
		mvc.perform(get("/css/youguan.css")).andExpect(status().isOk());
		mvc.perform(get("/js/youguan.js")).andExpect(status().isOk());
		mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
		mvc.perform(get("/webjars/tabler__core/dist/css/tabler.min.css")).andExpect(status().isOk());
	}

	@Test
	void aLinkToAPageIsNotResolvedAsAStaticFileButAWebJarLinkGetsItsVersion() {
		assertThat(resourceUrls.getHandlerMap().keySet().stream().map(Object::toString))
			.as("no catch-all /** against which every link of a page would be looked up")
			.contains("/webjars/**", "/css/**", "/js/**")
			.doesNotContain("/**")
			.allMatch(pattern -> !pattern.startsWith("/**"));
		assertThat(resourceUrls.getForLookupPath("/complaints/42")).as("a page link is left to the page").isNull();
		assertThat(resourceUrls.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js"))
			.as("the WebJars locator puts the version in").matches("/webjars/htmx\\.org/[0-9][^/]*/dist/htmx\\.min\\.js");
		assertThat(resourceUrls.getForLookupPath("/css/youguan.css")).isEqualTo("/css/youguan.css");
	}

	@Autowired
	List<FilterRegistrationBean<?>> filters;

	/** One link encoder, the one that looks static paths up only (Spring Boot's, which matched every link, backs off). */
	@Test
	void onlyLinksUnderTheStaticPathsAreLookedUp() {
		assertThat(filters.stream()
			.map(FilterRegistrationBean::getFilter)
			.filter(f -> f instanceof ResourceUrlEncodingFilter)
			.toList()).singleElement().isInstanceOf(StaticLinkEncodingFilter.class);
		assertThat(StaticLinkEncodingFilter.isStatic("/webjars/htmx.org/dist/htmx.min.js")).isTrue();
		assertThat(StaticLinkEncodingFilter.isStatic("/css/youguan.css")).isTrue();
		assertThat(StaticLinkEncodingFilter.isStatic("/complaints/42")).isFalse();
		assertThat(StaticLinkEncodingFilter.isStatic("/cssx")).isFalse();
	}

	@Test
	void pagesLinkTheVersionedWebJars() throws Exception {
		mvc.perform(get("/public/lookup"))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern(
					"(?s).*src=\"/webjars/htmx\\.org/[0-9][^/\"]*/dist/htmx\\.min\\.js\".*")));
	}

	/** An address nothing answers is a 404 (page or problem), never a 500; the icon every page declares is served. */
	@Test
	void unknownAddressesAre404AndTheIconIsServed() throws Exception {
		mvc.perform(get("/img/icon.svg")).andExpect(status().isOk());
		mvc.perform(get("/favicon.ico")).andExpect(status().isNotFound());
		mvc.perform(get("/nope").session(SignIn.session(mvc, "sz.admin"))).andExpect(status().isNotFound());
		mvc.perform(get("/public/nope")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/public/nope")).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/api/v1/public/outlets?region=320506").header("Accept", "application/xml"))
			.andExpect(status().isNotAcceptable());
	}
}
