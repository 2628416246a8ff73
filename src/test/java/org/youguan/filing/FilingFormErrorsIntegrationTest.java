package org.youguan.filing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
			.with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(html).as("the parse errors").contains("存储场地面积应为数字", "经度应为数字");
		assertThat(html).as("and every other error at once").contains("网点名称不能为空", "请上传营业执照", "请上传场地照片");
		assertThat(html).as("the manager's ID number").containsPattern("身份证[^<]*(位|格式|校验)");
		assertThat(html).as("a field is reported once: not also as 存储场地面积应大于0").doesNotContain("存储场地面积应大于0");
		assertThat(html).as("what was entered is kept").contains("value=\"吴中区保留路9号\"", "value=\"保留测试\"",
				"value=\"四十\"", "value=\"东经120\"", "value=\"13812345678\"");
		assertThat(filings.list(DataScope.all(), OutletFilings.Filter.NONE, new PageQuery("", 0, 1, null, false)).total())
			.as("nothing saved").isEqualTo(before);
	}

	/**
	 * Attack (portal-text F5): a tampered check box ({@code hasSignage=maybe}) answered a bare 400 naming it alone; it is
	 * told on the form, in words, with every other error of the form.
	 */
	@Test
	void aTamperedCheckBoxIsToldWithEveryOtherErrorOnTheForm() throws Exception {
		String html = mvc.perform(multipart("/enterprise/filings/new")
			.param("name", "")
			.param("cooperation", "PARTNER")
			.param("address", "吴中区保留路9号")
			.param("regionCode", "320506001")
			.param("storageArea", "四十")
			.param("hasSignage", "maybe")
			.session(SignIn.session(mvc, "sf.wz"))
			.with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("品牌标识应为是或否", "存储场地面积应为数字", "网点名称不能为空");
	}

	/**
	 * The form's parse errors, a file refused by content and the rest of the form's rules come back together; the
	 * refused file is named for what is wrong with it (not reported again as missing), and the accepted file is held
	 * for the draft (listed as uploaded) rather than lost with the refused form.
	 */
	@Test
	void aRefusedFileIsReportedWithTheParseErrorsOnceAndTheAcceptedFileIsKept() throws Exception {
		long before = filings.list(DataScope.all(), OutletFilings.Filter.NONE, new PageQuery("", 0, 1, null, false)).total();
		String html = mvc.perform(multipart("/enterprise/filings/new")
			.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf",
					"not a pdf at all".getBytes(StandardCharsets.US_ASCII)))
			.file(new MockMultipartFile("photos", "门头保留.png", "image/png", TestImages.png(40, 30)))
			.param("name", "文件与数字网点")
			.param("cooperation", "PARTNER")
			.param("address", "吴中区文件路3号")
			.param("regionCode", "320506001")
			.param("managerName", "文件测试")
			.param("managerIdNumber", "12345")
			.param("managerPhone", "13812345678")
			.param("storageArea", "四十")
			.param("openedOn", "2026-02-01")
			.session(SignIn.session(mvc, "sf.wz"))
			.with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(html).as("the parse error").contains("存储场地面积应为数字");
		assertThat(html).as("the refused file, by what is wrong with it").contains("不是JPEG、PNG图片或PDF文件");
		assertThat(html).as("the refused file is not reported again as missing").doesNotContain("请上传营业执照");
		assertThat(html).as("the other rules at once").contains("请上传负责人身份证件");
		assertThat(html).as("the accepted photo is held for the next submit").contains("id=\"held-attachments\"")
			.contains("门头保留.png");
		assertThat(filings.list(DataScope.all(), OutletFilings.Filter.NONE, new PageQuery("", 0, 1, null, false)).total())
			.as("nothing saved").isEqualTo(before);
	}

	/**
	 * The portal's 撤销 asks for the reason — chosen from the usual ones or written — instead of sending a fixed, hidden
	 * 网点停止经营; a blank one is refused on {@code reason} and nothing is filed.
	 */
	@Test
	void theClosureFormAsksForTheReasonAndRefusesABlankOne() throws Exception {
		var session = SignIn.session(mvc, "sf.wz");
		String page = mvc.perform(get("/enterprise/outlets").session(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).doesNotContain("type=\"hidden\" name=\"reason\"").contains("list=\"closure-reasons\"")
			.contains("<option value=\"经营场所拆迁或租约到期\">");
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("/enterprise/outlets/(\\d+)/closure").matcher(page);
		assertThat(m.find()).as("a filed outlet offers 撤销").isTrue();
		long before = filings.list(DataScope.all(), OutletFilings.Filter.NONE, new PageQuery("", 0, 1, null, false)).total();
		var refused = mvc.perform(post("/enterprise/outlets/" + m.group(1) + "/closure").session(session).with(csrf())
			.param("reason", "  ")).andReturn();
		assertThat((java.util.List<?>) refused.getFlashMap().get("errors")).singleElement()
			.satisfies(e -> assertThat(((org.youguan.kernel.FieldError) e).field()).isEqualTo("reason"));
		assertThat(filings.list(DataScope.all(), OutletFilings.Filter.NONE, new PageQuery("", 0, 1, null, false)).total())
			.as("nothing filed").isEqualTo(before);
	}
}
