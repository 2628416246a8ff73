package org.youguan.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding (list APIs accept-but-ignore parameters): the public outlet API took {@code q} and answered every outlet. A
 * list honours what it is asked — the public outlets are searched by {@code q} — or answers 400 naming the parameter:
 * a query parameter no API read takes ({@link ApiQueryParameters}), a search on a list that reads none and an order
 * that is none of the list's ({@code kernel.Listing}).
 */
@IntegrationTest
class ListParametersIntegrationTest {

	static final String SF_TOKEN = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void thePublicOutletsAreSearchedByQ() throws Exception {
		String all = mvc.perform(get("/api/v1/public/outlets").param("region", "320506").param("size", "200"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		int total = JsonPath.<Integer>read(all, "$.total");
		assertThat(total).as("the demo county has filed outlets").isGreaterThan(1);
		String name = JsonPath.read(all, "$.items[0].name");
		String found = mvc.perform(get("/api/v1/public/outlets").param("region", "320506").param("q", name).param("size", "200"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> items = JsonPath.read(found, "$.items");
		assertThat(items).extracting(i -> i.get("name")).contains(name);
		assertThat(items).allSatisfy(i -> assertThat(String.join("|", String.valueOf(i.get("name")), String.valueOf(i.get("address")),
				String.valueOf(i.get("filingNumber")), String.valueOf(i.get("operator")))).contains(name));
		assertThat(JsonPath.<Integer>read(found, "$.total")).isLessThan(total);
		mvc.perform(get("/api/v1/public/outlets").param("region", "320506").param("q", "无此网点ZZ"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
	}

	/**
	 * Finding (unbounded public search): the region picker's {@code q} and the public licence look-up's {@code query}
	 * (page and API) took any length; now every search is held to the one bound of 100 characters, 400 naming it.
	 */
	@Test
	void everySearchParameterIsHeldToOneHundredCharacters() throws Exception {
		String long101 = "苏".repeat(101);
		mvc.perform(get("/public/regions/search").header("HX-Request", "true").param("field", "region").param("q", long101))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("关键词不能超过100个字符（已输入101个）")));
		mvc.perform(get("/public/regions/search").header("HX-Request", "true").param("field", "region").param("q", "苏".repeat(100)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/public/licences").param("query", long101))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("query"))
			.andExpect(jsonPath("$.errors[0].rule").value("max-length"));
		String page = mvc.perform(get("/public/lookup").param("query", long101))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		// the look-up page again, the message beside its search
		assertThat(org.jsoup.Jsoup.parse(page).select("#errors li[data-field=query]").text()).contains("不能超过100个字符");
	}

	@Test
	void aParameterNoApiReadTakesIsRefusedNamingIt() throws Exception {
		mvc.perform(get("/api/v1/public/outlets").param("regoin", "320506"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regoin"))
			.andExpect(jsonPath("$.errors[0].rule").value("unknown-parameter"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("region")));
		mvc.perform(get("/api/v1/public/outlets").param("region", "320506").param("lang", "en"))
			.andExpect(status().isOk());
	}

	@Test
	void anOrderTheListDoesNotHaveIsRefused() throws Exception {
		mvc.perform(get("/api/v1/public/outlets").param("sort", "bogus"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"))
			.andExpect(jsonPath("$.errors[0].rule").value("one-of"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("region_code")));
		mvc.perform(get("/api/v1/public/outlets").param("sort", "region_code").param("dir", "desc"))
			.andExpect(status().isOk());
	}

	@Test
	void aSearchOnAListThatReadsNoneIsRefused() throws Exception {
		mvc.perform(get("/api/v1/safety/rejected-lines").param("q", "abc").header("Authorization", SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"))
			.andExpect(jsonPath("$.errors[0].rule").value("unsupported"));
		mvc.perform(get("/api/v1/safety/rejected-lines").param("q", "").header("Authorization", SF_TOKEN))
			.andExpect(status().isOk());
	}

	/** Writes what each API read takes, for checking the callers (target/api-parameters.txt). */
	@Test
	void everyApiReadsParametersAreKnown() throws Exception {
		Map<String, String> lines = new TreeMap<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getMethodsCondition().getMethods().isEmpty() || info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				info.getPatternValues().stream().filter(p -> p.startsWith("/api/v1/"))
					.forEach(p -> lines.put(p, String.join(",", ApiQueryParameters.takenBy(HandlerQueryParameters.read(method)))));
			}
		});
		assertThat(lines).containsEntry("/api/v1/public/outlets", "region,brand,q,page,size,sort,dir");
		java.nio.file.Files.write(java.nio.file.Path.of("target/api-parameters.txt"),
				lines.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
	}
}
