package org.youguan;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

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
 * Finding (exports2 6): the annotated sheet of a refused import is handed out once; the second click (or the same link
 * with {@code ?lang=en}) answered "Not found, or outside your data scope: <uuid>", a record outside the user's data
 * scope. It says what happened — downloaded already or expired, upload the file again — as a 404 in either language.
 */
@IntegrationTest
class ImportErrorSheetOnceIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theSecondDownloadOfAnErrorSheetSaysItWasTakenAndToUploadAgain() throws Exception {
		MockHttpSession session = SignIn.session(mvc, "sz.market");
		String page = "/registry/branches/import";
		byte[] template = mvc.perform(get(page + "/template.xlsx").session(session)).andReturn().getResponse()
			.getContentAsByteArray();
		String body = mvc.perform(multipart(page).file(new MockMultipartFile("file", "导入.xlsx", null, template))
			.session(session).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Matcher link = Pattern.compile("/registry/branches/import/errors/[0-9a-f-]{36}\\.xlsx").matcher(body);
		assertThat(link.find()).as("the refused import links its annotated sheet").isTrue();
		String sheet = link.group();

		assertThat(mvc.perform(get(sheet).session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		MockHttpServletResponse again = mvc.perform(get(sheet).session(session)).andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(404);
		assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("导入错误表只能下载一次，已经下载过或已过期")
			.contains("重新上传").doesNotContain("不在您的数据权限范围内");
		MockHttpServletResponse english = mvc.perform(get(sheet).param("lang", "en").session(session)).andReturn()
			.getResponse();
		assertThat(english.getStatus()).isEqualTo(404);
		assertThat(english.getContentAsString(StandardCharsets.UTF_8))
			.contains("can be downloaded only once; it was already downloaded or has expired")
			.doesNotContain("outside your data scope");
	}
}
