package org.youguan.complaints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An Idempotency-Key names one caller's request: the same caller retrying the same request (also several times at
 * once) gets the first answer, its query code included; the same key with another body is a 422 naming the header; another caller's equal key
 * is another complaint, never the first caller's number.
 */
@IntegrationTest
class IdempotencyKeyIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static String body(String region, String description) {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		return "{\"filerName\":\"测试\",\"phone\":\"13800138000\",\"filerRole\":\"SENDER\",\"region\":\"" + region
				+ "\",\"brand\":\"顺丰\",\"waybillNumber\":\"SF" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L)
				+ "\",\"postedOn\":\"" + today.minusDays(20) + "\",\"priorComplaint\":{\"date\":\"" + today.minusDays(10)
				+ "\",\"channel\":\"电话\"},\"category\":\"延误\",\"reason\":\"中转或运输延误\",\"description\":\"" + description + "\"}";
	}

	MockHttpServletResponse file(String token, String key, String body) throws Exception {
		return mvc.perform(post("/api/v1/complaints").param("channel", "PHONE").header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", key).contentType("application/json").content(body)).andReturn().getResponse();
	}

	@Test
	void aKeyReusedWithAnotherBodyIsA422NamingTheHeaderAndFilesNothing() throws Exception {
		String key = "key-" + UUID.randomUUID();
		String first = body("320506", "第一份申诉");
		MockHttpServletResponse a = file("demo-wz-staff-token", key, first);
		assertThat(a.getStatus()).isEqualTo(201);
		String number = JsonPath.read(a.getContentAsString(), "$.number");
		MockHttpServletResponse retry = file("demo-wz-staff-token", key, first);
		assertThat(retry.getStatus()).isEqualTo(201);
		assertThat((String) JsonPath.read(retry.getContentAsString(), "$.number")).isEqualTo(number);
		mvc.perform(post("/api/v1/complaints").param("channel", "PHONE").header("Authorization", "Bearer demo-wz-staff-token")
			.header("Idempotency-Key", key).contentType("application/json").content(body("320506", "另一份不同的申诉")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Idempotency-Key")));
		assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE idempotency_key = :k").param("k", key).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRetryAnswersTheFirstAnswerWholeQueryCodeIncluded() throws Exception {
		String key = "key-" + UUID.randomUUID();
		String body = body("320506", "首次答复丢失后重试的申诉");
		List<MockHttpServletResponse> answers = List.of(file("demo-wz-staff-token", key, body),
				file("demo-wz-staff-token", key, body));
		assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsExactly(201, 201);
		assertThat(answers).extracting(r -> r.getHeader("Location")).containsOnly(answers.get(0).getHeader("Location"));
		String first = answers.get(0).getContentAsString();
		assertThat(answers.get(1).getContentAsString()).as("the retry's body is the first answer's").isEqualTo(first);
		String queryCode = JsonPath.read(first, "$.queryCode");
		assertThat(queryCode).isNotBlank();
		mvc.perform(get("/api/v1/public/complaints/" + JsonPath.read(first, "$.number")).param("queryCode", queryCode))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("""
				SELECT count(*) FROM complaint_idempotency WHERE idempotency_key = :k AND query_code IS NOT NULL
				AND position(convert_to(:code, 'UTF8') in query_code) = 0""")
			.param("k", key).param("code", queryCode).query(Long.class).single()).as("kept, encrypted").isEqualTo(1);
	}

	@Test
	void anotherCallersEqualKeyFilesItsOwnComplaintAndNeverSeesTheFirstNumber() throws Exception {
		String key = "key-" + UUID.randomUUID();
		MockHttpServletResponse wz = file("demo-wz-staff-token", key, body("320506", "吴中的申诉"));
		MockHttpServletResponse xc = file("demo-xc-staff-token", key, body("320507", "相城的申诉"));
		assertThat(wz.getStatus()).isEqualTo(201);
		assertThat(xc.getStatus()).isEqualTo(201);
		String wzNumber = JsonPath.read(wz.getContentAsString(), "$.number");
		String xcNumber = JsonPath.read(xc.getContentAsString(), "$.number");
		assertThat(xcNumber).isNotEqualTo(wzNumber).contains("320507");
		assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE idempotency_key = :k").param("k", key).query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void concurrentRetriesAllAnswerTheFirstNumberAndFileOnce() throws Exception {
		String key = "key-" + UUID.randomUUID();
		String body = body("320506", "同时重试的申诉");
		ExecutorService pool = Executors.newFixedThreadPool(5);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return file("demo-wz-staff-token", key, body);
				}));
			}
			start.countDown();
			List<String> numbers = new ArrayList<>();
			for (var f : answers) {
				MockHttpServletResponse r = f.get();
				assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
				numbers.add(JsonPath.read(r.getContentAsString(), "$.number"));
			}
			assertThat(numbers).hasSize(5).containsOnly(numbers.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE idempotency_key = :k").param("k", key).query(Long.class)
			.single()).isEqualTo(1);
	}
}
