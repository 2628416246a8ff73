package org.youguan.filing;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 9 (filing part): a failed filing form keeps everything entered and reports every problem at once —
 * a number that does not parse no longer hides the other errors, and a field is reported once.
 */
@IntegrationTest
class FilingFormErrorsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	OutletFilings filings;

	@Test
	void aNumberThatDoesNotParseIsReportedWithEveryOtherErrorAndTheFormKeepsWhatWasEntered() throws Exception {
		long before = filings.list(DataScope.all(), OutletFilings.Filter.NONE, new PageQuery("", 0, 1, null, false)).total();
		String html = mvc.perform(multipart("/enterprise/filings/new")
			.param("name", "")
			.param("cooperation", "PARTNER")
			.param("address", "吴中区保留路9号")
			.param("regionCode", "320506001")
			.param("managerName", "保留测试")
			.param("managerIdNumber", "12345")
			.param("managerPhone", "13812345678")
			.param("storageArea", "四十")
			.param("longitude", "东经120")
			.param("openedOn", "2026-02-01")
			.param("hasCommunications", "true")
			.session(SignIn.session(mvc, "sf.wz"))
			.with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).as("the parse errors").contains("存储场地面积应为数字", "经度应为数字");
		assertThat(html).as("and every other error at once").contains("网点名称不能为空", "请上传营业执照", "请上传场地照片");
		assertThat(html).as("the manager's ID number").containsPattern("身份证[^<]*(位|格式|校验)");
		assertThat(html).as("a field is reported once: not also as 存储场地面积应大于0").doesNotContain("存储场地面积应大于0");
		assertThat(html).as("what was entered is kept").contains("value=\"吴中区保留路9号\"", "value=\"保留测试\"",
				"value=\"四十\"", "value=\"东经120\"", "value=\"13812345678\"");
		assertThat(filings.list(DataScope.all(), OutletFilings.Filter.NONE, new PageQuery("", 0, 1, null, false)).total())
			.as("nothing saved").isEqualTo(before);
	}
}
