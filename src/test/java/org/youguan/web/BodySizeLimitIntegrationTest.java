package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every request body but an upload, a POSTed form and the streamed parcel ingest is held to one limit
 * ({@code youguan.web.max-json-body}): a JSON body of 300 MB to the courier roster took a node down (attack). A body
 * declared one byte over is refused 413 before it is read, on any JSON endpoint; the caller is judged first. (A body
 * without a length is counted as read: {@link BodySizeLimitRealServerIntegrationTest}.)
 */
@IntegrationTest
class BodySizeLimitIntegrationTest {

	static final String SHUNFENG = "Bearer demo-sf-wz-token";

	static final String CITY = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Value("${youguan.web.max-json-body:5MB}")
	DataSize limit;

	/**
	 * A JSON object of exactly {@code size} bytes: spaces (which every JSON reader reads through), then one roster line
	 * with a courier id no roster takes.
	 */
	static byte[] json(long size) {
		byte[] line = "{\"courierId\":\"bad id!\"}".getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[(int) size];
		Arrays.fill(body, (byte) ' ');
		System.arraycopy(line, 0, body, body.length - line.length, line.length);
		return body;
	}

	@Test
	void aJsonBodyOneByteOverTheLimitIsA413NamingTheLimitOnTwoEndpoints() throws Exception {
		byte[] over = json(limit.toBytes() + 1);
		for (String[] endpoint : new String[][] { { "/api/v1/safety/couriers", SHUNFENG }, { "/api/v1/safety/hazards", CITY } }) {
			mvc.perform(post(endpoint[0]).header("Authorization", endpoint[1]).contentType(MediaType.APPLICATION_JSON)
				.content(over))
				.andExpect(status().isPayloadTooLarge())
				.andExpect(jsonPath("$.errors[0].field").value("body"))
				.andExpect(jsonPath("$.errors[0].rule").value("size"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("不超过" + limit.toMegabytes() + "MB")));
		}
	}

	@Test
	void aBodyAtTheLimitIsReadAndJudgedByItsContent() throws Exception {
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG).contentType(MediaType.APPLICATION_JSON)
			.content(json(limit.toBytes())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("courierId"));
	}

	@Test
	void anAnonymousCallerIsToldToSignInWhateverItsBodys() throws Exception {
		mvc.perform(post("/api/v1/safety/couriers").contentType(MediaType.APPLICATION_JSON).content(json(limit.toBytes() + 1)))
			.andExpect(status().isUnauthorized());
	}

	/** The parcel ingest streams its batch under its own limits (batch bytes and lines): a batch over the limit is taken. */
	@Test
	void theParcelIngestIsNotHeldToTheJsonLimit() throws Exception {
		String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		Instant at = clock.instant().minus(Duration.ofMinutes(20));
		StringBuilder body = new StringBuilder();
		for (int i = 0; body.length() <= limit.toBytes(); i++) {
			body.append("{\"waybillNumber\":\"BL").append(run).append('-').append(i).append("\",\"acceptedAt\":\"").append(at)
				.append("\",\"senderRegion\":\"320506\",\"recipientRegion\":\"110105\",\"itemCategory\":\"信件\","
						+ "\"weightGrams\":20,\"realNameMethod\":\"协议客户\",\"inspected\":true,\"screened\":false}\n");
		}
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "bl-" + run).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body.toString()))
			.andExpect(status().isOk());
	}

	@Test
	void aRosterOfMoreCouriersThanOneRequestTakesIsA400NamingTheCount() throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i <= 10_000; i++) {
			body.append("{\"courierId\":\"C").append(i).append("\",\"idNumber\":\"320506198001010013\"}\n");
		}
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG).contentType("application/x-ndjson")
			.content(body.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("couriers"))
			.andExpect(jsonPath("$.errors[0].rule").value("count"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("10000")));
	}
}
