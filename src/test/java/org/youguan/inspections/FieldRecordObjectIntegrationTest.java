package org.youguan.inspections;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.kernel.DataScope;
import org.youguan.registry.Outlets;
import org.youguan.registry.RegisteredPlace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The field record form names the outlet inspected (its 检查对象 offers the chosen enterprise's branches and outlets in
 * the caller's region), and the results of the checklist lines recorded on site count in the figures by item
 * (符合 / 不符合 / 不涉及).
 */
@IntegrationTest
class FieldRecordObjectIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Outlets outlets;

	@Autowired
	InspectionFieldRecords fieldRecords;

	@Autowired
	MutableClock clock;

	long lines(String json, String result) {
		List<Number> values = JsonPath.read(json, "$[?(@.code == 'REAL_NAME')]." + result);
		return values.isEmpty() ? 0 : values.get(0).longValue();
	}

	String byItem(MockHttpSession session) throws Exception {
		String today = LocalDate.now(clock).toString();
		return mvc.perform(get("/api/v1/inspections/figures/items").param("region", "320506").param("from", today)
				.param("to", today).session(session))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	void theFormNamesTheOutletAndItsLineResultsCountInTheFigures() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		List<RegisteredPlace> wuzhong = outlets.places("320506", null);
		RegisteredPlace outlet = wuzhong.get(wuzhong.size() - 1);
		mvc.perform(get("/inspections/records/objects").header("HX-Request", "true").param("enterpriseCreditCode", outlet.enterpriseCreditCode())
				.session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"OUTLET:" + outlet.id() + "\"")))
			.andExpect(content().string(containsString("value=\"ENTERPRISE\"")));
		String before = byItem(staff);

		MockMultipartHttpServletRequestBuilder form = multipart("/inspections/records");
		form.session(staff).with(csrf());
		form.param("draft", "").param("kind", "SPECIAL").param("enterpriseCreditCode", outlet.enterpriseCreditCode())
			.param("object", "OUTLET:" + outlet.id()).param("inspectedOn", LocalDate.now(clock).toString())
			.param("inspectedAt", "10:15").param("place", outlet.name()).param("items", "REAL_NAME")
			.param("line.REAL_NAME.0", "COMPLIANT").param("line.REAL_NAME.1", "NONCOMPLIANT")
			.param("line.REAL_NAME.2", "NOT_APPLICABLE").param("findings", "实名信息上传不完整").param("representative", "李店长")
			.param("outcome", "INTERVIEW")
			.param("signature", "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(120, 40)))
			.param("inspector", "32050601", "32050602", "");
		String url = mvc.perform(form).andExpect(redirectedUrlPattern("/inspections/records/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		InspectionFieldRecords.Detail detail = fieldRecords.get(DataScope.all(), id);
		assertThat(detail.objectType()).isEqualTo("OUTLET");
		assertThat(detail.objectName()).isEqualTo(outlet.name());
		mvc.perform(get(url).session(staff)).andExpect(content().string(containsString(outlet.name())));

		String after = byItem(staff);
		assertThat(lines(after, "compliant")).isEqualTo(lines(before, "compliant") + 1);
		assertThat(lines(after, "noncompliant")).isEqualTo(lines(before, "noncompliant") + 1);
		assertThat(lines(after, "notApplicable")).isEqualTo(lines(before, "notApplicable") + 1);
		mvc.perform(get("/inspections/figures").param("region", "320506").session(staff))
			.andExpect(content().string(containsString("data-line=\"NONCOMPLIANT\"")));
	}

	@Test
	void aMalformedObjectIsRefusedNamingTheField() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		RegisteredPlace outlet = outlets.places("320506", null).get(0);
		MockMultipartHttpServletRequestBuilder form = multipart("/inspections/records");
		form.session(staff).with(csrf());
		form.param("draft", "").param("kind", "SPECIAL").param("enterpriseCreditCode", outlet.enterpriseCreditCode())
			.param("object", "SHOP:abc").param("inspectedOn", LocalDate.now(clock).toString()).param("inspectedAt", "10:15")
			.param("items", "REAL_NAME").param("line.REAL_NAME.0", "COMPLIANT").param("line.REAL_NAME.1", "COMPLIANT")
			.param("line.REAL_NAME.2", "COMPLIANT").param("representative", "李店长").param("outcome", "NONE")
			.param("signature", "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(120, 40)))
			.param("inspector", "32050601", "32050602", "");
		mvc.perform(form).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("检查对象应为企业本身、分支机构或末端网点")));

		RegisteredPlace another = outlets.places("320506", null).stream()
			.filter(o -> !o.enterpriseCreditCode().equals(outlet.enterpriseCreditCode()))
			.findFirst().orElseThrow();
		MockMultipartHttpServletRequestBuilder wrong = multipart("/inspections/records");
		wrong.session(staff).with(csrf());
		wrong.param("draft", "").param("kind", "SPECIAL").param("enterpriseCreditCode", outlet.enterpriseCreditCode())
			.param("object", "OUTLET:" + another.id()).param("inspectedOn", LocalDate.now(clock).toString())
			.param("inspectedAt", "10:15").param("items", "REAL_NAME").param("line.REAL_NAME.0", "COMPLIANT")
			.param("line.REAL_NAME.1", "COMPLIANT").param("line.REAL_NAME.2", "COMPLIANT").param("representative", "李店长")
			.param("outcome", "NONE")
			.param("signature", "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(120, 40)))
			.param("inspector", "32050601", "32050602", "");
		mvc.perform(wrong).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"object\"")))
			.andExpect(content().string(containsString("不属于被检查企业")));
	}
}
