package org.youguan;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Every import page answers alike ({@link org.youguan.documents.ImportPages}): its own template uploaded as it is (the
 * example row is refused as the example) comes back as the form with every bad row, the link to the annotated sheet
 * and status 422 — never a 200 that looks saved — and a file that is not a workbook is the form with a 400.
 */
@IntegrationTest
class ImportPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{1}")
	@CsvSource({
			"sz.market, /registry/enterprises/import",
			"sz.market, /registry/outlets/import",
			"sz.market, /registry/licences/import",
			"sz.market, /registry/branches/import",
			"sz.market, /registry/facilities/import",
			"sz.admin, /statistics/history/import",
			"sz.market, /inspections/import",
			"sz.market, /licensing/import",
			"sz.market, /enforcement/import",
			"sz.universal, /universal/villages/import",
			"sz.universal, /universal/checks/import",
			"sz.universal, /universal/post-office-approvals/import",
			"sz.universal, /universal/supervision/confidential/import",
			"yz.sz, /enterprise/villages/import" })
	void aRefusedSheetIsTheFormAgainWithEveryBadRowAnd422(String user, String page) throws Exception {
		MockHttpSession session = SignIn.session(mvc, user);
		byte[] template = mvc.perform(get(page + "/template.xlsx").session(session)).andReturn().getResponse()
			.getContentAsByteArray();
		MockHttpServletResponse refused = mvc
			.perform(multipart(page).file(new MockMultipartFile("file", "导入.xlsx", null, template)).session(session)
				.with(csrf()))
			.andReturn().getResponse();
		String body = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused.getStatus()).as(page + " answers a refused sheet").isEqualTo(422);
		assertThat(body).as(page).contains("未导入任何数据");
		Matcher sheet = Pattern.compile("/import/errors/[0-9a-f-]{36}\\.xlsx").matcher(body);
		assertThat(sheet.find()).as(page + " links the annotated sheet").isTrue();

		MockHttpServletResponse notAWorkbook = mvc
			.perform(multipart(page).file(new MockMultipartFile("file", "导入.xlsx", null, "名称,代码\n".getBytes()))
				.session(session).with(csrf()))
			.andReturn().getResponse();
		assertThat(notAWorkbook.getStatus()).as(page + " answers a file that is not a workbook").isEqualTo(400);
		assertThat(notAWorkbook.getContentAsString(StandardCharsets.UTF_8)).as(page).contains("<form");
	}
}
