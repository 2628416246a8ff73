package org.youguan.universal;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.kernel.DataScope;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityData;
import org.youguan.registry.FacilityKind;

import com.jayway.jsonpath.JsonPath;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The post-office approval tests' fixtures: a post office of their own, an application, a step through the API. */
final class ApprovalFixture {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	/** 吴中区局's head (局领导), who decides its approvals (批准, 不予批准). */
	static final String WUZHONG_HEAD = "Bearer demo-wz-leader-token";

	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	static final String POSTAL = "Bearer demo-yz-sz-token";

	static final String SHUNFENG = "Bearer demo-sf-wz-token";

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final Facilities facilities;

	ApprovalFixture(MockMvc mvc, JdbcClient jdbc, Facilities facilities) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.facilities = facilities;
	}

	/** A new post office of the demo city's postal company in a street of the county, so tests do not meet. */
	long newPostOffice(String county) {
		long owner = jdbc.sql("SELECT enterprise_id FROM facility WHERE kind = 'POST_OFFICE' AND demo ORDER BY id LIMIT 1")
			.query(Long.class).single();
		String street = jdbc.sql("SELECT code FROM region WHERE code LIKE :p AND length(code) = 9 ORDER BY code LIMIT 1")
			.param("p", county + "%").query(String.class).single();
		return facilities.register(DataScope.all(), new FacilityData(FacilityKind.POST_OFFICE,
				"测试邮政支局" + SERIAL.incrementAndGet() + "-" + System.nanoTime() % 100000, owner, street,
				"测试地址" + SERIAL.get() + "号", null, null, null, LocalDate.of(2001, 1, 1)), false);
	}

	/** An application through the API (201), its id. */
	long apply(String token, long office, String kind, String reason, String address) throws Exception {
		String body = "{\"facilityId\":" + office + ",\"kind\":\"" + kind + "\",\"reason\":\"" + reason + "\""
				+ (address == null ? "" : ",\"newAddress\":\"" + address + "\"") + "}";
		ResultActions r = mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
		return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	/** A step of the approval through the API ({@code site-check}, {@code approval}, {@code refusal}, {@code notice}…). */
	ResultActions step(String token, long id, String step, String json) throws Exception {
		return mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/" + step).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}
}
