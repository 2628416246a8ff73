package org.youguan.inspections;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refusals of the inspection forms speak of what the user sees: the second inspector of the team, not the field
 * {@code inspectors[1]}; a deadline of 1.5 working days is told the range an order takes (1 to the rule catalogue's
 * longest), not an int's.
 */
@IntegrationTest
class InspectionMessagesIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	InspectionRecords records;

	@Autowired
	TransactionTemplate tx;

	String sf() {
		return directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
	}

	@Test
	void anInspectorNotOnTheRosterIsNamedByThePlaceInTheTeam() throws Exception {
		String unknown = "NOPE" + org.youguan.RandomDigits.of(6);
		mvc.perform(multipart("/inspections/records").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("kind", "SPECIAL").param("enterpriseCreditCode", sf())
			.param("inspectedOn", LocalDate.now(clock).toString()).param("inspectedAt", "09:30")
			.param("items", "REAL_NAME").param("line.REAL_NAME.0", "COMPLIANT").param("line.REAL_NAME.1", "COMPLIANT")
			.param("line.REAL_NAME.2", "COMPLIANT").param("representative", "王店长").param("outcome", "NONE")
			.param("signature", "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(120, 40)))
			.param("inspector", "32050601", unknown))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第2名检查人员不在检查人员名录库中：执法证号" + unknown)))
			.andExpect(content().string(not(containsString("inspectors[1]）"))));
	}

	@Test
	void aDeadlineOfNoWholeWorkingDaysIsToldTheOrdersRange() throws Exception {
		long record = tx.execute(s -> records.record(DataScope.region("3205"), null, new InspectionRecordData(sf(),
				LocalDate.now(clock).toString(), "SPECIAL", List.of("REAL_NAME"),
				List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
						new InspectionRecordData.TeamMember("沈执法", "32050602")),
				"RECTIFICATION", "实名登记不全（" + UUID.randomUUID() + "）", null, "营业部"), false, false));
		mvc.perform(post("/inspections/records/" + record + "/order").header("Authorization", WUZHONG)
			.param("workingDays", "1.5"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("workingDays"))
			.andExpect(jsonPath("$.errors[0].message", allOf(containsString("1至180"), not(containsString("2147483647")))));
	}
}
