package org.youguan.licensing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.org.BureauData;
import org.youguan.org.BureauLevel;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.region.Regions;
import org.youguan.registry.CityMatters;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The paper licensing matters of a city (分支机构备案, 年度报告) and who takes them:
 * <ul>
 * <li>A5: by the unstaffed-bureau rule ({@link CityMatters}, {@code Bureaus.staffed}) — a city bureau on the platform
 * without a 处室工作人员 takes nothing, the province does (the rule read only the bureau's existence);</li>
 * <li>D4: a county's staff entering an annual report are told of licences in their scope only — a holder's licence of
 * another region answered 404 where none answered 400, telling the licence exists;</li>
 * <li>D2: the registry's old {@code /registry/branches/new} refuses a county's staff 403 naming the bureau that takes
 * the city's filings, as the form does (it redirected to a form that then refused);</li>
 * <li>D3: a form refused for the caller's role names the role and the roles that may use it, on the page (in the
 * reader's language) and in the API's problem — it said only «您没有访问此页面的权限».</li>
 * </ul>
 */
@IntegrationTest
class CityMattersIntegrationTest extends LicensingFixture {

	@Autowired
	CityMatters cities;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Regions regions;

	@Autowired
	org.youguan.org.UserDirectory accounts;

	/** A new holder, registered in {@code region}, of a licence in force over the whole of last year. */
	String holder(String name, String region) {
		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate issued = LocalDate.now(clock).minusYears(2).withMonth(6).withDayOfMonth(1);
		granted(new LicenceGranted(-4, "快递许可-32-1994-" + code.substring(13), enterprise(name, code, region),
				LicenceScope.PROVINCE, "江苏省邮政管理局", "32", issued, issued.plusYears(5).minusDays(1), false));
		return code;
	}

	EnterpriseData enterprise(String name, String code, String region) {
		return new EnterpriseData(name, code, EnterpriseType.EXPRESS, null, "周城事", regions.name(region) + "城事路1号", region,
				null, null);
	}

	MockHttpServletResponse report(String token, String code) throws Exception {
		int last = LocalDate.now(clock).getYear() - 1;
		return call(token, "/api/v1/licensing/annual-reports", """
				{"year":"%d","creditCode":"%s","businessVolume":"10","revenue":"100","outlets":"1","staff":"2"}"""
			.formatted(last, code)).andReturn().getResponse();
	}

	@Test
	void aCountysStaffLearnNothingOfALicenceOutsideTheirScope() throws Exception {
		clock.set(LocalDateTime.of(LocalDate.now(clock).getYear(), 3, 10, 10, 0));
		// registered in 吴中, its licence's place since moved to 虎丘 (the licence's region, not the register's)
		String moved = holder("苏州城事迁址快递有限公司" + code4(), "320506");
		jdbc.sql("UPDATE express_licence SET region_code = '320505' WHERE enterprise_id = (SELECT id FROM enterprise"
				+ " WHERE credit_code = :code)").param("code", moved).update();
		String unlicensed = LicensingIntegrationTest.newCreditCode();
		enterprises.register(DataScope.all(), enterprise("苏州城事无证快递有限公司" + code4(), unlicensed, "320506"), false);

		MockHttpServletResponse elsewhere = report(COUNTY, moved);
		MockHttpServletResponse none = report(COUNTY, unlicensed);
		assertThat(elsewhere.getStatus()).as("a licence of another region is not told (it was a 404)").isEqualTo(400);
		assertThat(none.getStatus()).isEqualTo(400);
		assertThat(elsewhere.getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"creditCode\"",
				"\"rule\":\"licence\"").doesNotContain("数据权限");

		// an enterprise registered in another county is not there, licensed or not: one answer, before any licence
		String xiangcheng = holder("苏州城事相城快递有限公司" + code4(), "320507");
		String xiangchengBare = LicensingIntegrationTest.newCreditCode();
		enterprises.register(DataScope.all(), enterprise("苏州城事相城无证快递有限公司" + code4(), xiangchengBare, "320507"), false);
		assertThat(report(COUNTY, xiangcheng).getStatus()).isEqualTo(404);
		assertThat(report(COUNTY, xiangchengBare).getStatus()).isEqualTo(404);
	}

	static String code4() {
		String chars = "甲乙丙丁戊己庚辛壬癸";
		java.util.Random random = new java.util.Random();
		return "" + chars.charAt(random.nextInt(10)) + chars.charAt(random.nextInt(10)) + chars.charAt(random.nextInt(10));
	}

	@Test
	void aCityBureauWithoutStaffTakesNoneOfItsCitysMattersTheProvinceDoes() {
		AtomicReference<String> taker = new AtomicReference<>();
		CurrentUser province = accounts.principal("js.market").orElseThrow();
		tx.executeWithoutResult(status -> {
			// 无锡's bureau set up on the platform without accounts, rolled back with the test
			long provinceBureau = jdbc.sql("SELECT id FROM bureau WHERE region_code = '32'").query(Long.class).single();
			bureaus.create(DataScope.all(), new BureauData("无锡市邮政管理局", null, BureauLevel.CITY, "3202", provinceBureau,
					"江苏省无锡市梁溪区城事路1号", null));
			taker.set(cities.takerName("320211"));
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(province, null, province.getAuthorities()));
			try {
				// the province's staff take 无锡's annual report; Suzhou's, whose bureau has its staff, stays the city's
				cities.requireTaker("320211", "年度报告");
				assertThatThrownBy(() -> cities.requireTaker("320506", "年度报告"))
					.isInstanceOf(AccessRefusedException.class).hasMessageContaining("由苏州市邮政管理局办理");
			}
			finally {
				SecurityContextHolder.clearContext();
			}
			status.setRollbackOnly();
		});
		assertThat(taker.get()).as("the bureau named as 受理机关: the province, not the empty city bureau")
			.isEqualTo("江苏省邮政管理局");
		assertThat(cities.takesOwnCity(DataScope.region("3205"))).isTrue();
		assertThat(cities.takesOwnCity(DataScope.region("320506"))).as("a county takes none").isFalse();
	}

	@Test
	void theRegistrysOldBranchAddressRefusesACountysStaffNamingTheBureauThatTakesTheFiling() throws Exception {
		MockHttpServletResponse county = mvc.perform(get("/registry/branches/new").session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse();
		assertThat(county.getStatus()).as("403 here, not a redirect to a form that refuses").isEqualTo(403);
		assertThat(county.getContentAsString(StandardCharsets.UTF_8) + county.getErrorMessage())
			.contains("本分支机构备案由苏州市邮政管理局办理");
		assertThat(mvc.perform(get("/registry/branches/new").session(SignIn.session(mvc, "sz.market"))).andReturn()
			.getResponse().getRedirectedUrl()).isEqualTo("/licensing/branch-filings/new");
	}

	@Test
	void aFormRefusedForTheCallersRoleNamesTheRoleAndThoseThatMayUseIt() throws Exception {
		MockHttpSession leader = SignIn.session(mvc, "sz.leader");
		for (String form : new String[] { "/licensing/branch-filings/new", "/registry/branches/new" }) {
			MockHttpServletResponse page = mvc.perform(get(form).session(leader)).andReturn().getResponse();
			assertThat(page.getStatus()).as(form).isEqualTo(403);
			// the error page's detail (MockMvc renders no error dispatch)
			assertThat(page.getErrorMessage()).as(form)
				.contains("您的角色（局领导）不能打开此页面：此页面供处室工作人员、企业用户使用")
				.doesNotContain("您没有访问此页面的权限");
		}
		String english = mvc.perform(get("/licensing/branch-filings/new?lang=en").session(leader)).andReturn()
			.getResponse().getErrorMessage();
		assertThat(english).contains("Your role (").contains("cannot open this page").doesNotContain("您的角色");

		MockHttpServletResponse api = call("Bearer demo-wz-leader-token", "/api/v1/licensing/annual-reports", "{}")
			.andReturn().getResponse();
		assertThat(api.getStatus()).isEqualTo(403);
		assertThat(api.getContentAsString(StandardCharsets.UTF_8))
			.contains("您的角色（局领导）不能办理此步骤：此步骤须由处室工作人员、企业用户办理").contains("\"field\":\"request\"");
	}
}
