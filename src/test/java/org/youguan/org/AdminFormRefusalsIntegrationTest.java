package org.youguan.org;


import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bureau and department forms refused (kernel.FormSteps): the refusal's 4xx with the form again, the error naming
 * the field and rule, and what was typed kept.
 */
@IntegrationTest
class AdminFormRefusalsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Bureaus bureaus;

	private static String unique() {
		return org.youguan.RandomDigits.of(8);
	}

	@Test
	void aBureauWithoutANameIsRefusedIn400WithWhatWasTyped() throws Exception {
		String shortName = "拒" + unique();
		mvc.perform(post("/admin/bureaus/new").session(SignIn.session(mvc, "sys.admin")).with(csrf()).param("name", "")
			.param("shortName", shortName).param("level", "COUNTY").param("regionCode", "320506"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("机构名称不能为空")))
			.andExpect(content().string(containsString("value=\"" + shortName + "\"")));
	}

	@Test
	void aDepartmentWithoutItsBureauIs400AndASecondOfTheSameNameIs409() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		String name = "拒绝处" + unique();
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("name", name))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择所属机构")))
			.andExpect(content().string(containsString("value=\"" + name + "\"")));
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("bureauId", String.valueOf(bureau))
			.param("name", name))
			.andExpect(redirectedUrl("/admin/departments?bureau=" + bureau));
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("bureauId", String.valueOf(bureau))
			.param("name", name).param("duties", "重复的职责"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已有处室“" + name + "”")))
			.andExpect(content().string(containsString("重复的职责")));
	}

	@Test
	void aDepartmentNameWithAZeroWidthSpaceInsideIsRefusedShownBackAndOneOfBrailleBlanksIsEmpty() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		String name = "看不见" + unique();
		String hidden = name.substring(0, 2) + "\u200B" + name.substring(2);
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("bureauId", String.valueOf(bureau))
			.param("name", hidden))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("处室名称含有看不见的字符（U+200B")))
			.andExpect(content().string(containsString("value=\"" + hidden + "\"")));
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("bureauId", String.valueOf(bureau))
			.param("name", "\u2800\u3164"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("处室名称不能为空")));
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("bureauId", String.valueOf(bureau))
			.param("name", "\u3164" + name + "\u2800"))
			.andExpect(redirectedUrl("/admin/departments?bureau=" + bureau));
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("bureauId", String.valueOf(bureau))
			.param("name", name))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已有处室“" + name + "”")));
	}
}
