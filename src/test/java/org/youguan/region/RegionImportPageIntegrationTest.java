package org.youguan.region;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator's import page: upload, follow the progress page until the job finishes, see the result.
 */
@IntegrationTest
class RegionImportPageIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Regions regions;

	MockHttpSession session(String username) throws Exception {
		return SignIn.session(mvc, username);
	}

	@Test
	void uploadsFollowsTheProgressAndShowsTheResult() throws Exception {
		MockHttpSession admin = session("sys.admin");
		String csv = "code,name,areaCode,provinceCode,cityCode\n130102901,\"页面导入街道\",130102,13,1301\n";
		String location = mvc
			.perform(multipart("/admin/regions/import")
				.file(new MockMultipartFile("file", "streets.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("province", "13")
				.session(admin)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/admin/regions/import/");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mvc
			.perform(get(location).param("fragment", "1").header("HX-Request", "true").session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("DONE").contains("已导入乡镇/街道1条"));
		assertThat(regions.find("130102901")).isPresent();
	}

	@Test
	void showsEveryBadRowOnTheProgressPage() throws Exception {
		MockHttpSession admin = session("sys.admin");
		String csv = "code,name,areaCode,provinceCode,cityCode\n1301029,\"太短\",130102,13,1301\n130102902,\"\",130102,13,1301\n";
		String location = mvc
			.perform(multipart("/admin/regions/import")
				.file(new MockMultipartFile("file", "streets.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.session(admin)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mvc
			.perform(get(location).session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("REJECTED").contains("代码应为9位数字").contains("名称不能为空"));
		assertThat(regions.find("130102902")).isEmpty();
	}

	@Test
	void onlySystemAdministratorsImport() throws Exception {
		mvc.perform(get("/admin/regions/import").session(session("sz.admin"))).andExpect(status().isForbidden());
	}
}
