package org.youguan.web;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A JSON body's field the endpoint does not declare is refused, never dropped (attack round: a seizure posted with
 * {@code value} for {@code valueYuan} was saved without its value, a security period posted with {@code regionCode}
 * for {@code region} was set up for the caller's own region): 400 naming the field as sent, rule {@code unknown}, with
 * the fields the object takes, and nothing saved.
 */
@IntegrationTest
class UnknownJsonFieldsIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSeizureWithAMisspeltValueIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
		String item = "未知字段" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/safety/seizures").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"320506\",\"seizedOn\":\"" + LocalDate.now(clock) + "\",\"agencies\":\"公安\","
					+ "\"item\":\"" + item + "\",\"quantity\":1,\"unit\":\"条\",\"value\":19000}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("value"))
			.andExpect(jsonPath("$.errors[0].rule").value("unknown"))
			.andExpect(jsonPath("$.errors[0].message").value(allOf(containsString("不认识的字段“value”"),
					containsString("valueYuan"))));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_seizure WHERE item = :item").param("item", item)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aSecurityPeriodWithAnUnknownRegionFieldIsRefusedNotSetUpForTheCallersRegion() throws Exception {
		String name = "未知字段安保期" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/safety/periods").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"regionNumber\":\"320506\",\"startsOn\":\"" + LocalDate.now(clock)
					+ "\",\"endsOn\":\"" + LocalDate.now(clock).plusDays(1) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("unknown"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("region")));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_security_period WHERE name = :name").param("name", name)
			.query(Long.class).single()).isZero();
	}

	@Test
	void anUnknownFieldInsideANestedObjectIsNamedByItsPath() throws Exception {
		mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
			.content("{\"filerName\":\"张三\",\"phone\":\"13912345678\",\"filerRole\":\"RECIPIENT\",\"region\":\"320506\","
					+ "\"brand\":\"顺丰\",\"waybillNumber\":\"SF" + System.nanoTime() + "\",\"postedOn\":\""
					+ LocalDate.now(clock).minusDays(20) + "\",\"priorComplaint\":{\"date\":\""
					+ LocalDate.now(clock).minusDays(10) + "\",\"channel\":\"电话\",\"answer\":\"不予处理\"},"
					+ "\"category\":\"延误\",\"reason\":\"中转或运输延误\",\"description\":\"快件延误\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("priorComplaint.answer"))
			.andExpect(jsonPath("$.errors[0].rule").value("unknown"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("companyAnswer")));
	}
}
