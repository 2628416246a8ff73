package org.youguan.safety.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload's answer names a rejected line as the contract does (issue 17): {@code rule} the code, {@code message}
 * the Chinese reason — as {@code GET /api/v1/safety/rejected-lines} does — also when a batch stored before replays.
 */
class ParcelBatchAnswerTest {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aLineErrorCarriesTheRuleCodeAndTheChineseMessage() {
		String text = json.writeValueAsString(new ParcelBatchAnswer.LineError(2, "senderRegion", "unknown", "寄件地区不对"));
		assertThat(text).contains("\"rule\":\"unknown\"", "\"message\":\"寄件地区不对\"");
	}

	@Test
	void anAnswerStoredInTheOldShapeReplaysInTheNewOne() {
		var old = json.readValue("{\"line\":2,\"field\":\"senderRegion\",\"rule\":\"寄件地区不对\",\"code\":\"unknown\"}",
				ParcelBatchAnswer.LineError.class);
		assertThat(old.rule()).isEqualTo("unknown");
		assertThat(old.message()).isEqualTo("寄件地区不对");
	}
}
