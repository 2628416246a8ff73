package org.youguan.safety;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack: a roster listing one courier twice (k48a and K48A, one courier whatever the case) answered accepted 1 keeping
 * one of the two ID numbers silently; a JSON array followed by more objects or text answered accepted 1 ignoring them.
 * Both are a 400 naming what (the two lines; where the rest begins), nothing saved.
 */
@IntegrationTest
class CourierRosterBodyIntegrationTest {

	static final String SHUNFENG = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions send(String body) throws Exception {
		return mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG).contentType("application/json")
			.content(body));
	}

	long saved(String courier) {
		return jdbc.sql("SELECT count(*) FROM safety_courier WHERE upper(courier_id) = :c").param("c", courier)
			.query(Long.class).single();
	}

	@Test
	void aCourierListedTwiceWhateverTheCaseIsRefusedNamingBothLines() throws Exception {
		String id = "K" + RandomDigits.of(6);
		send("""
				[{"courierId":"%s","idNumber":"320506198503171239"},{"courierId":"%s","idNumber":"320506199001014561"}]"""
			.formatted(id.toLowerCase(), id))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("courierId"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.allOf(Matchers.containsString("第2行"),
					Matchers.containsString("第1行"), Matchers.containsString(id))));
		assertThat(saved(id)).isZero();
	}

	@Test
	void contentAfterTheArrayIsRefusedSayingWhereNotIgnored() throws Exception {
		String id = "T" + RandomDigits.of(6);
		String other = "U" + RandomDigits.of(6);
		String array = "[{\"courierId\":\"" + id + "\",\"idNumber\":\"320506198503171239\"}]";
		for (String rest : new String[] { " {\"courierId\":\"" + other + "\",\"idNumber\":\"320506199001014561\"} garbage",
				"\ngarbage", " [1]" }) {
			send(array + rest).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("body"))
				.andExpect(jsonPath("$.errors[0].rule").value("trailing"))
				.andExpect(jsonPath("$.errors[0].message").value(Matchers.allOf(Matchers.containsString("数组结束后还有内容"),
						Matchers.containsString("第"), Matchers.containsString("列"))));
		}
		assertThat(saved(id) + saved(other)).isZero();
		// the array alone is the roster
		send(array + "  \n").andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
		assertThat(saved(id)).isOne();
	}
	/**
	 * Attack round 50: objects one after another under {@code application/json} were taken as NDJSON, two objects on
	 * one NDJSON line were told by the wrong line, and a GBK body without a declared charset was told a JSON quoting
	 * error — each is now refused for what it is, and nothing is saved.
	 */
	@Test
	void aSecondObjectUnderJsonTwoOnOneNdjsonLineAndAGbkBodyAreRefusedForWhatTheyAre() throws Exception {
		String id = "W" + RandomDigits.of(6);
		String other = "X" + RandomDigits.of(6);
		String one = "{\"courierId\":\"" + id + "\",\"idNumber\":\"320506198503171239\"}";
		String two = "{\"courierId\":\"" + other + "\",\"idNumber\":\"320506199001014561\"}";
		send(one + two).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].rule").value("trailing"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("对象结束后还有内容")));
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG).contentType("application/x-ndjson")
			.content(one + " " + two + "\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("ndjson"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("第1行")));
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG).contentType("application/json")
			.content(("[{\"courierId\":\"" + id + "\",\"idType\":\"居民身份证\",\"idNumber\":\"320506198503171239\"}]")
				.getBytes(java.nio.charset.Charset.forName("GBK"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].rule").value("encoding"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("不是UTF-8")));
		assertThat(saved(id) + saved(other)).isZero();
		// one per line is NDJSON, and a single object under application/json is the roster
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG).contentType("application/x-ndjson")
			.content(one + "\n" + two + "\n"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(2));
		send(one).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
	}

	/** A JSON body of any endpoint sent in GBK without saying so is told its encoding, not a JSON syntax error. */
	@Test
	void aGbkBodyOfAnyEndpointIsToldItsEncoding() throws Exception {
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json")
			.content("{\"filerName\":\"张三\"}".getBytes(java.nio.charset.Charset.forName("GBK"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].rule").value("encoding"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("不是UTF-8")));
	}
}
