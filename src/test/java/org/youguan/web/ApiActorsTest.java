package org.youguan.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack 3: {@code GET /api/v1/safety/hazards/4} answered {@code "closedBy":"system"} while the page showed 系统. The
 * server's JSON answers show a who-did-it stamp as the pages do; other text and the application's own mapper (what
 * event publications are written with) keep it as stored.
 */
class ApiActorsTest {

	record Hazard(String closedBy, String createdBy, String actor, String name, String standBy) {
	}

	@Test
	@SuppressWarnings("unchecked")
	void stampsReadAsThePagesShowThemOnAnswersOnly() throws Exception {
		JsonMapper mapper = JsonMapper.builder().build();
		HttpMessageConverter<Object> converter = (HttpMessageConverter<Object>) JsonText
			.strictBodies(new JacksonJsonHttpMessageConverter(mapper));
		MockHttpOutputMessage out = new MockHttpOutputMessage();
		converter.write(new Hazard("system", "zhang.san", "system", "system", null), MediaType.APPLICATION_JSON, out);
		String answer = out.getBodyAsString(StandardCharsets.UTF_8);
		assertThat(answer).contains("\"closedBy\":\"系统\"", "\"createdBy\":\"zhang.san\"", "\"actor\":\"系统\"",
				"\"name\":\"system\"", "\"standBy\":null");
		assertThat(mapper.writeValueAsString(new Hazard("system", null, null, null, null)))
			.as("stored as it is").contains("\"closedBy\":\"system\"");
	}
}
