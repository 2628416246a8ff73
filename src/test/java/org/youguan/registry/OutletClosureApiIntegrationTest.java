package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bureau's closure of an outlet (关闭, e.g. found closed on inspection) had a page but no API; the API closes as the
 * page does — same role, same data scope, same reason rules, same audit — and both outlet exports (the register's and
 * the enterprise's) carry the 关闭日期 and 关闭原因 the pages show.
 */
@IntegrationTest
class OutletClosureApiIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	static final String WZ_STAFF = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	UserDirectory directory;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	/** A filed outlet of sf.wz's enterprise in 吴中, registered on the bureau's record: its id. */
	long outletOfShunfeng(String name) {
		String creditCode = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		long enterprise = enterprises.findByCreditCode(creditCode).orElseThrow().id();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		return outlets.registerOnRecord(WUZHONG, new OutletData(name, enterprise, null, "FRANCHISE",
				"吴中区长桥街道关闭路" + tag + "号", "320506001", null, null, "钱七", RegistryIntegrationTest.idNumber(),
				"13712345678", new BigDecimal("30"), true, true, true, true, LocalDate.of(2025, 3, 1)), "旧备案-" + tag);
	}

	static String body(String reason) {
		return reason == null ? "{}" : "{\"reason\": \"" + reason + "\"}";
	}

	@Test
	void countyStaffCloseAnOutletThroughTheApiAsOnThePageAuditedAndRefusedToOthers() throws Exception {
		String s = UUID.randomUUID().toString().substring(0, 6);
		long id = outletOfShunfeng("关闭接口网点" + s);
		String path = "/api/v1/outlets/" + id + "/close";
		String reason = "经现场检查，网点已停止经营" + s;

		// the page's role: a leader reads but does not write, an enterprise does not close the register's outlets
		for (String token : List.of("Bearer demo-wz-leader-token", "Bearer demo-sf-wz-token")) {
			mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body(reason)))
				.andExpect(status().isForbidden());
		}
		// the page's data scope: another county's staff do not see it
		mvc.perform(post(path).header("Authorization", "Bearer demo-xc-staff-token").contentType(MediaType.APPLICATION_JSON)
			.content(body(reason))).andExpect(status().isNotFound());
		// the page's reason rules: required, at most 200 characters — nothing closed
		mvc.perform(post(path).header("Authorization", WZ_STAFF).contentType(MediaType.APPLICATION_JSON).content(body(null)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
		mvc.perform(post(path).header("Authorization", WZ_STAFF)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post(path).header("Authorization", WZ_STAFF).contentType(MediaType.APPLICATION_JSON)
			.content(body("停".repeat(201))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("max-length"));
		assertThat(outlets.get(WUZHONG, id).status()).as("nothing closed").isEqualTo(OutletStatus.FILED);

		mvc.perform(post(path).header("Authorization", WZ_STAFF).contentType(MediaType.APPLICATION_JSON).content(body(reason)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.closedReason").value(reason))
			.andExpect(jsonPath("$.closedOn").isNotEmpty());
		assertThat(outlets.get(WUZHONG, id).closedReason()).isEqualTo(reason);
		AuditEvent entry = audit.history(WUZHONG, "TerminalOutlet", id).stream()
			.filter(e -> e.action().equals("outlet.close")).findFirst().orElseThrow();
		assertThat(entry.summary()).contains(reason);
		assertThat(entry.afterState()).contains(reason);
		mvc.perform(post(path).header("Authorization", WZ_STAFF).contentType(MediaType.APPLICATION_JSON).content(body(reason)))
			.andExpect(status().isConflict());
	}

	/**
	 * Attack: the closure's reason took line breaks though the outlet's record, the exports and the audit show it on one
	 * line: refused 400 {@code reason}/{@code line-break}, nothing closed; brackets （） and the usual punctuation pass.
	 */
	@Test
	void theReasonIsOneLineWithBracketsAndPunctuationTaken() throws Exception {
		long id = outletOfShunfeng("关闭一行网点" + UUID.randomUUID().toString().substring(0, 6));
		String path = "/api/v1/outlets/" + id + "/close";
		for (String broken : List.of("网点停止经营\\n另有说明", "网点停止经营\\r\\n另有说明", "网点停止经营\\u2028另有说明")) {
			mvc.perform(post(path).header("Authorization", WZ_STAFF).contentType(MediaType.APPLICATION_JSON)
				.content(body(broken)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reason"))
				.andExpect(jsonPath("$.errors[0].rule").value("line-break"));
		}
		assertThat(outlets.get(WUZHONG, id).status()).as("nothing closed").isEqualTo(OutletStatus.FILED);
		String reason = "经现场检查（2026年9月），网点已停止经营：门店关闭、招牌拆除。";
		mvc.perform(post(path).header("Authorization", WZ_STAFF).contentType(MediaType.APPLICATION_JSON).content(body(reason)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.closedReason").value(reason));
	}

	/**
	 * Who closes: any writer whose region holds the outlet — its county's staff and, as the filing queue lets them decide
	 * the county's 撤销备案 (same roles, same region scope), the city's staff — but no other county's staff (404).
	 */
	@Test
	void theCitysStaffCloseTheirCountysOutletAsTheyDecideItsClosureFiling() throws Exception {
		long id = outletOfShunfeng("市局关闭网点" + UUID.randomUUID().toString().substring(0, 6));
		String path = "/api/v1/outlets/" + id + "/close";
		mvc.perform(post(path).header("Authorization", "Bearer demo-xc-staff-token").contentType(MediaType.APPLICATION_JSON)
			.content(body("网点停止经营"))).andExpect(status().isNotFound());
		mvc.perform(post(path).header("Authorization", "Bearer demo-sz-market-token")
			.contentType(MediaType.APPLICATION_JSON).content(body("网点停止经营")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"));
	}

	@Test
	void bothOutletExportsCarryTheClosingDayAndReasonAsThePagesShowThem() throws Exception {
		String s = UUID.randomUUID().toString().substring(0, 6);
		String name = "关闭导出网点" + s;
		long closed = outletOfShunfeng(name);
		outlets.close(WUZHONG, closed, "经营场所拆迁或租约到期" + s);
		// one closed before V279 kept the reason: 未记录, as the outlet page says
		String before = "关闭前网点" + s;
		long old = outletOfShunfeng(before);
		outlets.close(WUZHONG, old, "测试");
		jdbc.sql("UPDATE terminal_outlet SET closed_reason = NULL WHERE id = :id").param("id", old).update();
		LocalDate closedOn = outlets.get(WUZHONG, closed).closedOn();

		List<List<String>> staff = ExportedRows.of(mvc, SignIn.session(mvc, "wz.staff"), "/registry/outlets/export.xlsx",
				"q", s);
		assertThat(staff.get(0)).endsWith("状态", "关闭日期", "关闭原因");
		assertThat(row(staff, name)).endsWith("已关闭", closedOn.toString(), "经营场所拆迁或租约到期" + s);
		assertThat(row(staff, before)).last().isEqualTo("未记录");

		List<List<String>> own = ExportedRows.of(mvc, SignIn.session(mvc, "sf.wz"), "/enterprise/outlets/export.xlsx",
				"q", s);
		assertThat(own.get(0)).endsWith("状态", "关闭日期", "关闭原因");
		assertThat(row(own, name)).endsWith("已关闭", closedOn.toString(), "经营场所拆迁或租约到期" + s);
		assertThat(row(own, before)).last().isEqualTo("未记录");
	}

	private static List<String> row(List<List<String>> rows, String name) {
		return rows.stream().filter(r -> r.get(0).equals(name)).findFirst().orElseThrow();
	}
}
