package org.youguan.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 11: the OpenAPI document describes itself — title, version, a description, the module tags, and an
 * example request body for every write (not "OpenAPI definition v0").
 */
@IntegrationTest
class OpenApiDocumentIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theDocumentHasATitleAVersionADescriptionTagsAndAnExampleForEveryWrite() throws Exception {
		String json = mvc.perform(get("/api/v1/openapi").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode doc = JsonMapper.builder().build().readTree(json);
		assertThat(doc.at("/info/title").asString()).isEqualTo("YouGuan 邮管通 API");
		assertThat(doc.at("/info/version").asString()).isEqualTo("v1");
		assertThat(doc.at("/info/description").asString()).contains("Authorization: Bearer").contains("RFC 9457");
		List<String> tags = new ArrayList<>();
		doc.at("/tags").forEach(t -> tags.add(t.at("/name").asString()));
		assertThat(tags).contains("行业统计", "工作目标任务", "申诉", "市场主体");
		List<String> writes = new ArrayList<>();
		List<String> without = new ArrayList<>();
		doc.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
			if (List.of("post", "put", "patch", "delete").contains(op.getKey()) && op.getValue().has("requestBody")) {
				writes.add(op.getKey() + " " + path.getKey());
				op.getValue().at("/requestBody/content").properties().forEach(media -> {
					if (!media.getValue().has("example") && !media.getValue().has("examples")) {
						without.add(op.getKey() + " " + path.getKey() + " " + media.getKey());
					}
				});
			}
		}));
		assertThat(writes).contains("post /api/v1/statistics/reports", "post /api/v1/public/complaints");
		assertThat(without).as("writes without an example").isEmpty();
		assertThat(doc.at("/paths/~1api~1v1~1statistics~1reports/post/requestBody/content/application~1json/example/form")
			.asString()).isEqualTo("monthly");
	}

	@Test
	void argumentsTheServerSuppliesAreNotParametersAndListsShowTheirPagingParameters() throws Exception {
		String json = mvc.perform(get("/api/v1/openapi").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode doc = JsonMapper.builder().build().readTree(json);
		List<String> internal = new ArrayList<>();
		doc.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(op -> op.getValue()
			.at("/parameters").forEach(p -> {
				String name = p.at("/name").asString();
				if (List.of("scope", "list", "request", "me", "user", "session", "response").contains(name)) {
					internal.add(op.getKey() + " " + path.getKey() + " " + name);
				}
			})));
		assertThat(internal).as("resolver-provided arguments shown as parameters").isEmpty();
		List<String> paging = new ArrayList<>();
		doc.at("/paths/~1api~1v1~1complaints/get/parameters").forEach(p -> {
			if ("query".equals(p.at("/in").asString()) && !p.at("/required").asBoolean(false)) {
				paging.add(p.at("/name").asString());
			}
		});
		assertThat(paging).contains("q", "page", "size", "sort", "dir", "status");
	}
}
