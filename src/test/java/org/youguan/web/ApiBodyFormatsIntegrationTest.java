package org.youguan.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;

import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API reads and writes JSON only: a YAML (or XML, CBOR, Smile) body is 415 naming Content-Type — a YAML body once
 * bypassed the JSON reader's character checks and stored a BEL and a right-to-left override — and an answer cannot be
 * asked for in YAML.
 */
@IntegrationTest
class ApiBodyFormatsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aYamlOrXmlBodyIsRefusedNamingContentTypeAndNothingIsStored() throws Exception {
		for (String type : new String[] { "application/yaml", "application/xml", "application/cbor" }) {
			mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
				.contentType(type).content("filerName: 王女士\ndescription: \"测试\\u0007\\u202E反转\"\n"))
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(jsonPath("$.errors[0].field").value("Content-Type"))
				// the types it takes are JSON's only
				.andExpect(jsonPath("$.detail").value(endsWith("应为application/json、application/*+json")));
		}
	}

	@Test
	void anAnswerIsNeverWrittenAsYaml() throws Exception {
		mvc.perform(get("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
			.accept("application/yaml"))
			.andExpect(status().isNotAcceptable());
	}
}
