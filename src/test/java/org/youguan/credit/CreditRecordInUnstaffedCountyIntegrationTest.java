package org.youguan.credit;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A credit entry of a county whose bureau is on the platform with no 处室工作人员 (the demo's 虎丘区) is recorded by, names
 * and is corrected by its city's bureau ({@code Bureaus#handling}), as that county's leads and cases are: the entry
 * names 苏州市邮政管理局, the city's staff pass the step's access check (and are told what the entry owes), the
 * province's staff are refused naming the city. Before, the entry named 虎丘's bureau and only its nobody could act.
 */
@IntegrationTest
class CreditRecordInUnstaffedCountyIntegrationTest {

	static final String HUQIU = "320505";

	@Autowired
	CreditRecords records;

	@Autowired
	MockMvc mvc;

	ResultActions correct(String token, long entry) throws Exception {
		return mvc.perform(post("/api/v1/credit/entries/" + entry + "/correction").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content("{}"));
	}

	@Test
	void anEntryOfACountyWithoutStaffIsTheCitysToRecordAndCorrect() throws Exception {
		String digits = RandomDigits.of(7);
		String base = "91" + HUQIU + "MA" + digits;
		long entry = records.enter(CreditEntry.Source.PENALTY, "unstaffed-credit:" + digits, "苏苏邮管罚〔2026〕" + digits + "号",
				CreditEntry.Kind.PENALTY_DECISION, HUQIU, base + CreditCode.checkCharacter(base), "虎丘信用测试有限公司" + digits,
				"未按规定报送数据", LocalDate.of(2026, 3, 2)).orElseThrow();
		assertThat(records.get(DataScope.all(), entry).bureau()).as("recorded by the city").isEqualTo("苏州市邮政管理局");

		correct("Bearer demo-js-market-token", entry).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("苏州市邮政管理局")));
		correct("Bearer demo-sz-market-token", entry).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("no-correction"));
	}
}
