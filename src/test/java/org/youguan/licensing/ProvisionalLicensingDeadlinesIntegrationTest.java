package org.youguan.licensing;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Attachment;
import org.youguan.documents.TemplateFiles;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A licence application's deadlines in a year whose holiday notice is not loaded (2027: never loaded by a test) are
 * marked 暂定: {@code deadlines.…Provisional} of the application and {@code decisionDueOnProvisional} of the list in
 * the API; the 受理通知书 states the day plainly and adds {@link WorkingCalendar#PROVISIONAL_NOTE}, never the （暂定）
 * mark. Those within a loaded year are not.
 */
@IntegrationTest
class ProvisionalLicensingDeadlinesIntegrationTest extends LicensingFixture {

	@Autowired
	LicenceApplications applications;

	@Autowired
	WorkingCalendar calendar;

	/** An application the city bureau enters with every material on {@code day} and accepts the same day. */
	long acceptedOn(LocalDate day, String name) throws Exception {
		clock.set(day.atTime(10, 0));
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications",
				LicensingIntegrationTest.application(LicensingIntegrationTest.newCreditCode(), name, "同城", "500000", ""))
			.andExpect(status().isCreated()));
		for (Material m : Material.values()) {
			uploaded(id, m);
		}
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		return id;
	}

	String receipt(long id) throws Exception {
		Attachment receipt = applications.get(DataScope.all(), id).attachments().stream()
			.filter(a -> a.fileName().startsWith("受理通知书")).findFirst().orElseThrow();
		return TemplateFiles.text(mvc.perform(get(receipt.href()).header("Authorization", CITY)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray());
	}

	@Test
	void aDecisionLimitInAYearNotLoadedIsProvisionalInTheApiAndTheReceipt() throws Exception {
		long id = acceptedOn(LocalDate.of(2026, 12, 4), "苏州暂定期限快递有限公司");
		LocalDate due = applications.get(DataScope.all(), id).application().decisionDueOn();
		assertThat(due.getYear()).isEqualTo(2027);
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(jsonPath("$.deadlines.decisionDue").value(due.toString()))
			.andExpect(jsonPath("$.deadlines.decisionDueProvisional").value(true));
		mvc.perform(get("/api/v1/licensing/applications?q=苏州暂定期限快递有限公司").header("Authorization", CITY))
			.andExpect(jsonPath("$.items[0].decisionDueOn").value(due.toString()))
			.andExpect(jsonPath("$.items[0].decisionDueOnProvisional").value(true));
		// the notice never prints the platform's （暂定） mark: it states the day and words the provisional count
		assertThat(receipt(id)).contains("（至" + ChineseText.day(due) + "；依法需要补正、听证、专家评审的时间不计算在内；"
				+ WorkingCalendar.PROVISIONAL_NOTE + "）").doesNotContain("（暂定）");
		// the export marks it as the list does
		List<List<String>> exported = ExportedRows.of(mvc, SignIn.session(mvc, "sz.admin"), "/licensing/applications/export.xlsx",
				"q", "苏州暂定期限快递有限公司");
		assertThat(exported.stream().skip(1).flatMap(List::stream)).contains(due + "（暂定）");
		// addr4 kind 5: the premises' address and place by name, the approving bureau by its full name, not its level
		assertThat(exported.get(0)).contains("经营场所地址", "经营场所所在地", "审批机关");
		int place = exported.get(0).indexOf("经营场所所在地");
		int bureau = exported.get(0).indexOf("审批机关");
		assertThat(exported).hasSize(2);
		assertThat(exported.get(1)).contains("吴中区示例路8号");
		assertThat(exported.get(1).get(place)).isEqualTo("江苏省苏州市吴中区");
		assertThat(exported.get(1).get(bureau)).startsWith("江苏省").endsWith("邮政管理局");
	}

	@Test
	void aDecisionLimitWithinALoadedYearIsNotProvisional() throws Exception {
		long id = acceptedOn(LocalDate.of(2026, 9, 1), "苏州年内期限快递有限公司");
		LocalDate due = applications.get(DataScope.all(), id).application().decisionDueOn();
		assertThat(calendar.isLoaded(due.getYear())).isTrue();
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(jsonPath("$.deadlines.decisionDueProvisional").value(false));
		mvc.perform(get("/api/v1/licensing/applications?q=苏州年内期限快递有限公司").header("Authorization", CITY))
			.andExpect(jsonPath("$.items[0].decisionDueOnProvisional").value(false));
		assertThat(receipt(id)).contains(ChineseText.day(due)).doesNotContain("暂定")
			.contains("依照《中华人民共和国邮政法》第五十三条，自受理之日起四十五日内作出决定（至" + ChineseText.day(due) + "；"
					+ "依法需要补正、听证、专家评审的时间不计算在内）");
	}
}
