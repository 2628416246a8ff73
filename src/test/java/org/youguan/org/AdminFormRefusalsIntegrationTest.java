package org.youguan.org;


import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bureau, department and user forms refused (kernel.FormSteps): the refusal's 4xx with the form again, the error
 * naming the field and rule, and what was typed kept; a value that cannot be bound told with the step's own checks.
 */
@IntegrationTest
class AdminFormRefusalsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Departments departments;

	@Autowired
	UserDirectory userDirectory;

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

	/** The refused form's field errors, field and rule, in the order told. */
	private List<String> errors(MockHttpServletResponse answer) throws Exception {
		return Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8)).select("#errors li").stream()
			.map(li -> li.attr("data-field") + "/" + li.attr("data-rule") + " " + li.text())
			.toList();
	}

	/**
	 * A department form with an order that is no number and no name is told both at once (the order bound into the
	 * form record, kernel.FormBinding, its range stated; the step's own check of the name continuing it), nothing saved;
	 * an order beyond the range is a 400 of its own rule.
	 */
	@Test
	void aDepartmentFormNamesItsUnreadableOrderAndItsMissingNameInOneAnswer() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		MockHttpServletResponse answer = mvc.perform(post("/admin/departments/new").session(admin).with(csrf())
			.param("bureauId", String.valueOf(bureau)).param("name", " ").param("sortOrder", "第一")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		assertThat(errors(answer)).hasSize(2).first().isEqualTo("sortOrder/format 排序应为整数（0至9999）");
		assertThat(errors(answer).get(1)).startsWith("name/").endsWith(" 处室名称不能为空");
		String name = "排序处" + unique();
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("bureauId", String.valueOf(bureau))
			.param("name", name).param("sortOrder", "10000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("排序应为整数（0至9999）")))
			.andExpect(content().string(containsString("value=\"" + name + "\"")));
		assertThat(departments.list(DataScope.all(), bureau, new PageQuery(name, 0, 10, null, false)).items()).isEmpty();
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("bureauId", String.valueOf(bureau))
			.param("name", name).param("sortOrder", "7"))
			.andExpect(redirectedUrl("/admin/departments?bureau=" + bureau));
		long id = departments.list(DataScope.all(), bureau, new PageQuery(name, 0, 10, null, false)).items().get(0).id();
		answer = mvc.perform(post("/admin/departments/" + id + "/edit").session(admin).with(csrf()).param("name", "")
			.param("sortOrder", "1.5")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		assertThat(errors(answer)).hasSize(2).first().isEqualTo("sortOrder/format 排序应为整数（0至9999）");
		assertThat(errors(answer).get(1)).startsWith("name/").endsWith(" 处室名称不能为空");
		assertThat(departments.get(DataScope.all(), id).sortOrder()).isEqualTo(7);
	}

	/** Access before fields: a bureau outside the administrator's region is refused (403) whatever else is wrong. */
	@Test
	void aDepartmentOfABureauOutsideTheRegionIsRefusedBeforeItsFields() throws Exception {
		long province = bureaus.findByRegion("32").orElseThrow().id();
		mvc.perform(post("/admin/departments/new").session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("bureauId", String.valueOf(province)).param("name", "").param("sortOrder", "x"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("不在您的管辖范围内")));
	}

	/**
	 * A user form with a kind that is none of the kinds, a department that is no number and no name is told all three
	 * at once (the form record bound, kernel.FormBinding, the step's own checks continuing it), nothing saved.
	 */
	@Test
	void aUserFormNamesItsUnreadableKindAndDepartmentAndItsMissingNameInOneAnswer() throws Exception {
		String username = "bind" + unique();
		MockHttpServletResponse answer = mvc.perform(post("/admin/users/new").session(SignIn.session(mvc, "sz.admin"))
			.with(csrf()).param("username", username).param("displayName", "").param("kind", "ROBOT")
			.param("bureauId", String.valueOf(bureaus.findByRegion("320506").orElseThrow().id()))
			.param("departmentId", "综合科").param("roles", "STAFF")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		assertThat(errors(answer)).anySatisfy(e -> assertThat(e).startsWith("kind/format 用户类型的值无效（可选值："))
			.anySatisfy(e -> assertThat(e).isEqualTo("departmentId/format 所属处室应为正整数（至多19位）"))
			.anySatisfy(e -> assertThat(e).startsWith("displayName/required 姓名"));
		assertThat(userDirectory.principal(username)).isEmpty();
	}
}
