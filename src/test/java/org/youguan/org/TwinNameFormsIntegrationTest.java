package org.youguan.org;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.youguan.AtOnce;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Forms creating a uniquely named record, submitted at once with one name (a double click, two people): one record is
 * stored and every other submission gets the form again with the twin refusal in its error box, the twin quoted as
 * stored — never the bare 409 page of the unique index. A bureau's name names its region.
 */
@IntegrationTest
class TwinNameFormsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Bureaus bureaus;

	@Autowired
	JdbcClient jdbc;

	@Test
	void departmentsOfOneNameSubmittedAtOnceStoreOneAndGiveTheOthersTheFormsTwinRefusal() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		String name = "竞速处" + RandomDigits.of(6);
		List<MockHttpServletResponse> answers = race(6, () -> post("/admin/departments/new").session(admin).with(csrf())
			.param("bureauId", String.valueOf(bureau)).param("name", name));

		assertThat(answers).filteredOn(a -> a.getStatus() == 302).hasSize(1);
		List<MockHttpServletResponse> refused = answers.stream().filter(a -> a.getStatus() != 302).toList();
		assertThat(refused).hasSize(5).allSatisfy(a -> {
			assertThat(a.getStatus()).isEqualTo(409);
			String page = a.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).contains("id=\"errors\"").contains("已有处室“" + name + "”").contains("value=\"" + name + "\"")
				.doesNotContain("出错了").doesNotContain("同时进行的另一次提交");
		});
		assertThat(jdbc.sql("SELECT count(*) FROM department WHERE bureau_id = :b AND name = :n").param("b", bureau)
			.param("n", name).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aTwinDepartmentIsRefusedQuotingTheNameAsStoredNotAsTyped() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		String digits = RandomDigits.of(6);
		assertThat(mvc.perform(post("/admin/departments/new").session(admin).with(csrf())
			.param("bureauId", String.valueOf(bureau)).param("name", "法规处ab" + digits)).andReturn().getResponse()
			.getStatus()).isEqualTo(302);
		String page = mvc.perform(post("/admin/departments/new").session(admin).with(csrf())
			.param("bureauId", String.valueOf(bureau)).param("name", "法规处AB" + digits)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("已有处室“法规处ab" + digits + "”").doesNotContain("已有处室“法规处AB");
	}

	@Test
	void aBureauNamedAfterAnotherRegionIsRefusedOnItsName() throws Exception {
		MockHttpServletResponse answer = mvc.perform(post("/admin/bureaus/new").session(SignIn.session(mvc, "sys.admin"))
			.with(csrf()).param("name", "无锡市邮政管理局ab").param("level", "CITY").param("regionCode", "3203")).andReturn()
			.getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("机构名称应含所在行政区划的名称“徐州市”")
			.contains("value=\"无锡市邮政管理局ab\"");
		assertThat(jdbc.sql("SELECT count(*) FROM bureau WHERE name = '无锡市邮政管理局ab'").query(Long.class).single()).isZero();
	}

	@Test
	void aBureausNameFitsItsRegionWholeOrWithoutTheKindOfRegion() {
		assertThat(Bureaus.namesRegion("无锡市邮政管理局", "无锡市")).isTrue();
		assertThat(Bureaus.namesRegion("无锡邮政管理局", "无锡市")).isTrue();
		assertThat(Bureaus.namesRegion("苏州市吴中区邮政管理局", "吴中区")).isTrue();
		assertThat(Bureaus.namesRegion("无锡市邮政管理局ab", "徐州市")).isFalse();
		assertThat(Bureaus.namesRegion("北京市邮政管理局", "市辖区")).isTrue();
		// a placeholder level (Regions.PLACEHOLDER_LEVELS) has no name of its own to be named
		assertThat(Bureaus.namesRegion("河南省济源邮政管理局", "省直辖县级行政区划")).isTrue();
		assertThat(Bureaus.namesRegion("石河子邮政管理局", "自治区直辖县级行政区划")).isTrue();
	}

	/** Performs {@code n} requests at the same moment ({@link AtOnce}); their responses. */
	private List<MockHttpServletResponse> race(int n, java.util.function.Supplier<RequestBuilder> request) throws Exception {
		return AtOnce.run(n, () -> mvc.perform(request.get()).andReturn().getResponse()).stream()
			.map(MockHttpServletResponse.class::cast).toList();
	}
}
