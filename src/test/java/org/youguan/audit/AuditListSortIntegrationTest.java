package org.youguan.audit;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit trail's list sorts from its headers by the whitelist (entry, time, actor, action, object type) in the page,
 * the API list and the export alike; an unknown key is refused (400 naming {@code sort}); another region's entries
 * are in none of them.
 */
@IntegrationTest
class AuditListSortIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theTrailSortsByTheWhitelistInScope() throws Exception {
		String marker = "排序-" + UUID.randomUUID().toString().substring(0, 8);
		tx.executeWithoutResult(s -> {
			audit.record(AuditEntry.of("filing.approve", "OutletFiling", 1, marker + " 甲").inRegion("320506"));
			audit.record(AuditEntry.of("complaint.transfer", "Complaint", 2, marker + " 乙").inRegion("320506"));
			audit.record(AuditEntry.of("enterprise.update", "Enterprise", 3, marker + " 丙").inRegion("320583"));
		});
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/admin/audit").param("q", marker).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sort=action")))
			.andExpect(content().string(containsString("sort=occurred_at")));

		List<String> byAction = ExportedRows.column(
				ExportedRows.of(mvc, admin, "/admin/audit/export.xlsx", "q", marker, "sort", "action", "dir", "asc"), 5);
		assertThat(byAction).containsExactly("complaint.transfer", "enterprise.update", "filing.approve");
		List<String> newestFirst = ExportedRows.column(ExportedRows.of(mvc, admin, "/admin/audit/export.xlsx", "q", marker), 5);
		assertThat(newestFirst).containsExactly("enterprise.update", "complaint.transfer", "filing.approve");
		// an order the list does not have is refused naming it (kernel.Listing), never answered in another order
		mvc.perform(get("/admin/audit/export.xlsx").session(admin).param("q", marker).param("sort", "summary"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/audit-events").param("q", marker).param("sort", "action").param("dir", "desc")
			.header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(jsonPath("$.items[0].action").value("filing.approve"))
			.andExpect(jsonPath("$.total").value(3));

		MockHttpSession kunshan = SignIn.session(mvc, "ks.admin");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, kunshan, "/admin/audit/export.xlsx", "q", marker, "sort",
				"action"), 5)).as("another region's entries left out").containsExactly("enterprise.update");
		mvc.perform(get("/admin/audit").param("q", marker).param("sort", "actor").session(kunshan))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(marker + " 丙")))
			.andExpect(content().string(not(containsString(marker + " 甲"))));
	}

	/** Attack round 14: a search whose range ends before it begins found nothing and said nothing. */
	@Test
	void aRangeEndingBeforeItBeginsIsRefusedNamingTheField() throws Exception {
		mvc.perform(get("/api/v1/audit-events").param("from", "2026-11-30").param("to", "2026-11-01")
			.header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].rule").value("after-from"))
			.andExpect(jsonPath("$.errors[0].message", containsString("不能早于起始日期")));
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/admin/audit").param("from", "2026-11-30").param("to", "2026-11-01").session(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能早于起始日期")));
		mvc.perform(get("/admin/audit").param("from", "2026-11-01").param("to", "2026-11-01").session(admin))
			.andExpect(status().isOk());
		// attack round 16: the sign-in log took a reversed period and listed nothing; refused the same way
		mvc.perform(get("/admin/signins").param("from", "2026-11-30").param("to", "2026-11-01").session(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能早于起始日期")));
	}

	/**
	 * The audit trail's and the sign-in log's days are read by the one rule of a list's days (kernel
	 * {@code FiguresPeriod.filter}, as every list filter and figures period): a day before 2000 or after next year is a 400
	 * naming the parameter and the bound, rule {@code range} — it was bound as a date within a looser bound of its own
	 * and listed nothing.
	 */
	@Test
	void aDayOutsideTheListsYearsIsRefusedByTheOneRuleOfAListsDays() throws Exception {
		mvc.perform(get("/api/v1/audit-events").param("from", "1999-12-31")
			.header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.errors[0].message", containsString("起始日期不得早于2000年1月1日（应在2000年1月1日至")));
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/admin/signins").param("to", "2199-01-01").session(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("截止日期不得晚于")));
		mvc.perform(get("/admin/audit").param("from", "2026-02-30").session(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("起始日期应为日期")));
	}
}
