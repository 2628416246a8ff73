package org.youguan.registry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.youguan.BureauAccounts;
import org.youguan.IntegrationTest;
import org.youguan.ProvinceStaff;
import org.youguan.SignIn;
import org.youguan.documents.ImportResult;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.BureauLevel;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.Users;
import org.youguan.registry.internal.licences.LicenceImport;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A licence is issued, corrected, cancelled (注销) and revoked (吊销) only by its issuing authority — the provincial bureau
 * for 同城 and 省内, 国家邮政局 for 跨省 and 国际 (邮政法(2015) art.53; 行政许可法(2019) art.70; 行政处罚法(2021) art.9) — on the
 * registry's pages and import as in licensing; what it records meets the law: the issuer the scope's authority, at
 * most the statutory term, one licence in force per enterprise.
 */
@IntegrationTest
class LicenceIssuingAuthorityIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	static final Registrar JIANGSU = RegistryIntegrationTest.JIANGSU;

	@Autowired
	MockMvc mvc;

	@Autowired
	Licences licences;

	@Autowired
	Enterprises enterprises;

	@Autowired
	LicenceImport licenceImport;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Clock clock;

	@Autowired
	StatutoryRules rules;

	String unlicensed() {
		return RegistryIntegrationTest.unlicensed(enterprises);
	}

	static String number() {
		return "苏邮A" + org.youguan.RandomDigits.of(7);
	}

	/** A 省内 licence in force of a new 吴中 enterprise, issued by 江苏省邮政管理局 last year. */
	long provinceLicence() {
		long holder = enterprises.idInScope(SUZHOU, unlicensed(), "creditCode");
		return licences.record(SUZHOU, JIANGSU, new LicenceData(holder, number(), LicenceScope.PROVINCE, "江苏省邮政管理局", null,
				LocalDate.now(clock).minusYears(1), null), false);
	}

	MockHttpSession province() throws Exception {
		return ProvinceStaff.session(mvc, users, bureaus);
	}

	MockHttpServletResponse post(MockHttpSession session, String path, String... params) throws Exception {
		var request = MockMvcRequestBuilders.post(path).session(session).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		var answer = mvc.perform(request).andReturn();
		if (answer.getResponse().getStatus() == 302 && answer.getFlashMap() != null
				&& Integer.valueOf(403).equals(answer.getFlashMap().get(org.youguan.kernel.PageSteps.REFUSED_STATUS))) {
			// a step refused to the caller goes back to the licence's page, the refusal in its box, in 403: that page
			return mvc.perform(MockMvcRequestBuilders.get(answer.getResponse().getRedirectedUrl()).session(session)
				.flashAttrs(answer.getFlashMap())).andReturn().getResponse();
		}
		return answer.getResponse();
	}

	static String text(MockHttpServletResponse answer) throws Exception {
		return answer.getContentAsString(StandardCharsets.UTF_8);
	}

	static Document page(MockHttpServletResponse answer) throws Exception {
		return Jsoup.parse(text(answer));
	}

	LicenceStatus status(long id) {
		return licences.get(SUZHOU, id).status();
	}

	@Test
	void aCountyClerkCannotRevokeOrCancelTheProvincesLicenceByTypingAReason() throws Exception {
		long id = provinceLicence();
		MockHttpSession county = SignIn.session(mvc, "wz.staff");
		MockHttpServletResponse revoke = post(county, "/registry/licences/" + id + "/revoke", "reason", "违法经营",
				"decisionNumber", "吴邮罚〔2026〕1号");
		assertThat(revoke.getStatus()).isEqualTo(403);
		assertThat(text(revoke)).contains("省内快递业务经营许可证由省邮政管理局依行政处罚决定吊销").contains("行政处罚法(2021) 第9条");
		MockHttpServletResponse cancel = post(county, "/registry/licences/" + id + "/cancel", "ground", "STOPPED", "reason", "申请注销");
		assertThat(cancel.getStatus()).isEqualTo(403);
		assertThat(text(cancel)).contains("省内快递业务经营许可证由省邮政管理局注销").contains("行政许可法(2019) 第70条");
		assertThat(status(id)).isEqualTo(LicenceStatus.VALID);
		// nor through the service, as any other caller of it
		assertThatThrownBy(() -> licences.revoke(SUZHOU, Registrar.bureau(BureauLevel.COUNTY, "320506"), id, "吴邮罚〔2026〕1号",
				"违法经营")).isInstanceOf(AccessRefusedException.class);
	}

	@Test
	void aCityClerkCannotCancelTheProvincesLicence() throws Exception {
		long id = provinceLicence();
		MockHttpServletResponse cancel = post(SignIn.session(mvc, "sz.market"), "/registry/licences/" + id + "/cancel",
				"ground", "STOPPED", "reason", "申请注销");
		assertThat(cancel.getStatus()).isEqualTo(403);
		assertThat(text(cancel)).contains("省内快递业务经营许可证由省邮政管理局注销");
		assertThat(status(id)).isEqualTo(LicenceStatus.VALID);
	}

	@Test
	void theProvinceCancelsItsLicenceAndRevokesOneOnlyNamingThePenaltyDecision() throws Exception {
		MockHttpSession province = province();
		long cancelled = provinceLicence();
		assertThat(post(province, "/registry/licences/" + cancelled + "/cancel", "ground", "STOPPED", "reason", "企业申请注销").getStatus()).isEqualTo(302);
		assertThat(status(cancelled)).isEqualTo(LicenceStatus.CANCELLED);

		long revoked = provinceLicence();
		// a reason alone is no penalty decision: refused, the licence stays in force
		assertThat(post(province, "/registry/licences/" + revoked + "/revoke", "reason", "违法经营").getStatus()).isEqualTo(302);
		assertThat(status(revoked)).isEqualTo(LicenceStatus.VALID);
		assertThatThrownBy(() -> licences.revoke(SUZHOU, JIANGSU, revoked, " ", "违法经营")).isInstanceOf(
				InvalidValueException.class).hasMessageContaining("行政处罚决定书文号");
		assertThat(post(province, "/registry/licences/" + revoked + "/revoke", "reason", "违法经营", "decisionNumber",
				"苏邮罚〔2026〕7号").getStatus()).isEqualTo(302);
		assertThat(licences.get(SUZHOU, revoked).status()).isEqualTo(LicenceStatus.REVOKED);
		assertThat(licences.get(SUZHOU, revoked).stateReason()).isEqualTo("依据行政处罚决定书苏邮罚〔2026〕7号吊销：违法经营");
	}

	@Test
	void theProvinceNeitherEndsNorCorrectsALicenceOfTheNationalBureau() throws Exception {
		long holder = enterprises.idInScope(SUZHOU, unlicensed(), "creditCode");
		long id = licences.record(SUZHOU, Registrar.platform(), new LicenceData(holder, number(), LicenceScope.INTERNATIONAL,
				"国家邮政局", null, LocalDate.now(clock).minusYears(1), null), false);
		MockHttpSession province = province();
		MockHttpServletResponse cancel = post(province, "/registry/licences/" + id + "/cancel", "ground", "STOPPED", "reason", "申请注销");
		assertThat(cancel.getStatus()).isEqualTo(403);
		assertThat(text(cancel)).contains("国际快递业务经营许可证由国家邮政局注销");
		assertThat(post(province, "/registry/licences/" + id + "/revoke", "reason", "违法经营", "decisionNumber", "苏邮罚〔2026〕8号")
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/registry/licences/" + id + "/edit").session(province)).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(status(id)).isEqualTo(LicenceStatus.VALID);
	}

	/**
	 * Attack: a cancellation's 说明 and a revocation's 吊销原因 took line breaks though the licence shows its reason on one
	 * line: refused on {@code reason} (rule {@code line-break}), the licence kept in force; brackets and punctuation pass.
	 */
	@Test
	void aCancellationsNoteAndARevocationsReasonAreOneLine() {
		long id = provinceLicence();
		assertThatThrownBy(() -> licences.cancel(SUZHOU, JIANGSU, id, "OTHER", "企业申请注销\n另附说明"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).containsExactly("reason/line-break"));
		assertThatThrownBy(() -> licences.revoke(SUZHOU, JIANGSU, id, "苏邮罚〔2026〕7号", "违法经营\r\n情节严重"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).containsExactly("reason/line-break"));
		assertThat(status(id)).isEqualTo(LicenceStatus.VALID);
		licences.cancel(SUZHOU, JIANGSU, id, "OTHER", "企业申请注销（经营困难），已交回证件。");
		assertThat(licences.get(SUZHOU, id).stateReason()).endsWith("企业申请注销（经营困难），已交回证件。");
	}

	/** A 跨省 licence in force of a new 吴中 enterprise, issued by 国家邮政局 last year. */
	long nationalLicence() {
		long holder = enterprises.idInScope(SUZHOU, unlicensed(), "creditCode");
		return licences.record(SUZHOU, Registrar.platform(), new LicenceData(holder, number(), LicenceScope.INTER_PROVINCE,
				"国家邮政局", null, LocalDate.now(clock).minusYears(1), null), false);
	}

	/** Posts the correction form of licence {@code id} with its number and dates, the scope and issuer given. */
	MockHttpServletResponse correct(MockHttpSession session, long id, LicenceScope scope, String issuer) throws Exception {
		LicenceView l = licences.get(SUZHOU, id);
		return post(session, "/registry/licences/" + id + "/edit", "number", l.number(), "licenceScope", scope.name(),
				"issuingBureauName", issuer, "issuedOn", l.issuedOn().toString(), "expiresOn", l.expiresOn().toString());
	}

	@Test
	void aProvincesSystemAdministratorCannotMoveTheNationalBureausLicenceToItsOwnLevelToEndIt() throws Exception {
		// attack: correct 国家邮政局's licence to 省内 (the province's own level), cancel or revoke it, correct it back
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		for (String action : List.of("cancel", "revoke")) {
			long id = nationalLicence();
			assertThat(post(admin, "/registry/licences/" + id + "/" + action, "ground", "STOPPED", "reason", "申请注销",
					"decisionNumber", "苏邮罚〔2026〕9号").getStatus()).isEqualTo(403);
			MockHttpServletResponse moved = correct(admin, id, LicenceScope.PROVINCE, "江苏省邮政管理局");
			assertThat(moved.getStatus()).as(action).isEqualTo(400);
			assertThat(page(moved).select("#errors li[data-field=scope][data-rule=issuing-level]").text())
				.contains("跨省快递业务经营许可证由国家邮政局颁发").contains("发证层级不能以更正登记信息改变");
			assertThat(licences.get(SUZHOU, id).scope()).isEqualTo(LicenceScope.INTER_PROVINCE);
			assertThat(licences.get(SUZHOU, id).issuingBureauName()).isEqualTo("国家邮政局");
			assertThat(post(admin, "/registry/licences/" + id + "/" + action, "ground", "STOPPED", "reason", "申请注销",
					"decisionNumber", "苏邮罚〔2026〕9号").getStatus()).isEqualTo(403);
			assertThat(status(id)).as(action).isEqualTo(LicenceStatus.VALID);
			// within its level the record is still put right (the national licence book entered wrongly)
			assertThat(correct(admin, id, LicenceScope.INTERNATIONAL, "国家邮政局").getStatus()).isEqualTo(302);
			assertThat(licences.get(SUZHOU, id).scope()).isEqualTo(LicenceScope.INTERNATIONAL);
		}
		// nor hands a provincial licence to 国家邮政局
		long provincial = provinceLicence();
		assertThat(correct(admin, provincial, LicenceScope.INTER_PROVINCE, "国家邮政局").getStatus()).isEqualTo(400);
		assertThat(licences.get(SUZHOU, provincial).scope()).isEqualTo(LicenceScope.PROVINCE);
		// nor does the service let any registrar of one level do it
		long national = nationalLicence();
		LicenceView l = licences.get(SUZHOU, national);
		for (Registrar by : List.of(Registrar.platform(), new Registrar(BureauLevel.PROVINCE, "32", true), JIANGSU)) {
			assertThatThrownBy(() -> licences.correct(SUZHOU, by, national, new LicenceData(l.enterpriseId(), l.number(),
					LicenceScope.CITY, "江苏省邮政管理局", null, l.issuedOn(), l.expiresOn()))).as(by.toString())
				.isInstanceOfAny(InvalidValueException.class, AccessRefusedException.class);
		}
		assertThat(licences.get(SUZHOU, national).scope()).isEqualTo(LicenceScope.INTER_PROVINCE);
	}

	/**
	 * Attack: any 系统管理员 recorded and corrected licences of any scope — a county's registered 省内 and 跨省 licences
	 * and put their numbers and dates right in 江苏省局's and 国家邮政局's name. Nobody manages above their own rights: a
	 * city's or a county's 系统管理员 is a registrar of its bureau's level, which records no licence (403 on the form, the
	 * post, the correction and the import); the installation's administrator (the top-level bureau's) still does.
	 */
	@Test
	void aCountysOrACitysSystemAdministratorRecordsAndCorrectsNoLicence() throws Exception {
		long provincial = provinceLicence();
		long national = nationalLicence();
		LicenceView provincialBefore = licences.get(SUZHOU, provincial);
		LicenceView nationalBefore = licences.get(SUZHOU, national);
		for (String region : List.of("320506", "3205")) {
			MockHttpSession admin = BureauAccounts.session(mvc, users, bureaus, region, Role.SYSTEM_ADMIN);
			assertThat(mvc.perform(get("/registry/licences/new").session(admin)).andReturn().getResponse().getStatus())
				.as(region).isEqualTo(403);
			String holder = unlicensed();
			MockHttpServletResponse recorded = post(admin, "/registry/licences/new", "creditCode", holder, "number", number(),
					"licenceScope", "PROVINCE", "issuingBureauName", "江苏省邮政管理局", "issuedOn",
					LocalDate.now(clock).minusMonths(1).toString());
			assertThat(recorded.getStatus()).as(region).isEqualTo(403);
			assertThat(text(recorded)).contains("不能登记或更正许可证");
			assertThat(licences.list(DataScope.all(), new Licences.Filter(null, null,
					enterprises.idInScope(SUZHOU, holder, "creditCode")), new org.youguan.kernel.PageQuery("", 0, 5, null, false))
				.total()).isZero();
			for (long id : List.of(provincial, national)) {
				LicenceView l = licences.get(SUZHOU, id);
				assertThat(mvc.perform(get("/registry/licences/" + id + "/edit").session(admin)).andReturn().getResponse()
					.getStatus()).as(region + " " + l.scope()).isEqualTo(403);
				MockHttpServletResponse corrected = post(admin, "/registry/licences/" + id + "/edit", "number", number(),
						"licenceScope", l.scope().name(), "issuingBureauName", l.issuingBureauName(), "issuedOn",
						l.issuedOn().toString(), "expiresOn", l.expiresOn().toString());
				assertThat(corrected.getStatus()).as(region + " " + l.scope()).isEqualTo(403);
				assertThat(text(corrected)).contains("只能由发证机关更正");
			}
			assertThat(mvc.perform(get("/registry/licences/import").session(admin)).andReturn().getResponse().getStatus())
				.as(region).isEqualTo(403);
		}
		assertThat(licences.get(SUZHOU, provincial)).isEqualTo(provincialBefore);
		assertThat(licences.get(SUZHOU, national)).isEqualTo(nationalBefore);
		// the installation's administrator (江苏省局's, the top-level bureau here) still puts a record right
		assertThat(correct(SignIn.session(mvc, "sys.admin"), national, LicenceScope.INTERNATIONAL, "国家邮政局").getStatus())
			.isEqualTo(302);
		// and the rule itself: a registrar of a county or city records nothing, 系统管理员 or not; only an installation's
		// administrator records beyond its bureau's level, within its region
		for (BureauLevel level : List.of(BureauLevel.COUNTY, BureauLevel.CITY)) {
			Registrar county = new Registrar(level, level == BureauLevel.COUNTY ? "320506" : "3205", false);
			assertThat(county.recordsAny()).isFalse();
			assertThat(county.records(LicenceScope.PROVINCE, "320506")).isFalse();
		}
		assertThat(new Registrar(BureauLevel.PROVINCE, "32", false).records(LicenceScope.INTER_PROVINCE, "320506")).isFalse();
		assertThat(new Registrar(BureauLevel.PROVINCE, "32", true).records(LicenceScope.INTER_PROVINCE, "320506")).isTrue();
		assertThat(new Registrar(BureauLevel.PROVINCE, "32", true).records(LicenceScope.INTER_PROVINCE, "310101")).isFalse();
	}

	@Test
	void aCancelledOrRevokedLicenceKeepsTheRecordItEndedWith() throws Exception {
		MockHttpSession province = province();
		long cancelled = provinceLicence();
		licences.cancel(SUZHOU, JIANGSU, cancelled, "STOPPED", "企业申请");
		long revoked = provinceLicence();
		licences.revoke(SUZHOU, JIANGSU, revoked, "苏邮罚〔2026〕11号", "违法经营");
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		for (long id : List.of(cancelled, revoked)) {
			LicenceView before = licences.get(SUZHOU, id);
			String word = id == cancelled ? "已注销" : "已吊销";
			for (MockHttpSession session : List.of(province, admin)) {
				MockHttpServletResponse corrected = correct(session, id, LicenceScope.CITY, "江苏省邮政管理局");
				assertThat(corrected.getStatus()).isEqualTo(409);
				assertThat(text(corrected)).contains("许可证" + word + "，不能再更正登记信息");
				assertThat(mvc.perform(get("/registry/licences/" + id + "/edit").session(session)).andReturn().getResponse()
					.getStatus()).isEqualTo(409);
				assertThat(page(mvc.perform(get("/registry/licences/" + id).session(session)).andReturn().getResponse())
					.select("#licence-edit")).isEmpty();
			}
			assertThatThrownBy(() -> licences.correct(SUZHOU, Registrar.platform(), id, new LicenceData(before.enterpriseId(),
					before.number(), before.scope(), before.issuingBureauName(), null, before.issuedOn(), before.expiresOn())))
				.hasMessageContaining(word);
			assertThat(licences.get(SUZHOU, id)).isEqualTo(before);
		}
	}

	@Test
	void theRegistrysCancellationNamesAGroundOfArticle70ThatFitsTheLicence() throws Exception {
		MockHttpSession province = province();
		// two months old: not "超过6个月未经营", and in force: not "有效期届满"
		long holder = enterprises.idInScope(SUZHOU, unlicensed(), "creditCode");
		long young = licences.record(SUZHOU, JIANGSU, new LicenceData(holder, number(), LicenceScope.PROVINCE, "江苏省邮政管理局",
				null, LocalDate.now(clock).minusMonths(2), null), false);
		// a free-text reason alone is no ground (as licensing's cancellation)
		assertThat(post(province, "/registry/licences/" + young + "/cancel", "reason", "取得许可后超过6个月未经营").getStatus())
			.isEqualTo(302);
		assertThat(status(young)).isEqualTo(LicenceStatus.VALID);
		for (String ground : List.of("NO_OPERATION", "EXPIRED", "OTHER", "WHATEVER")) {
			assertThat(post(province, "/registry/licences/" + young + "/cancel", "ground", ground).getStatus()).isEqualTo(302);
			assertThat(status(young)).as(ground).isEqualTo(LicenceStatus.VALID);
		}
		assertThatThrownBy(() -> licences.cancel(SUZHOU, JIANGSU, young, "NO_OPERATION", null))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("至今未超过6个月");
		assertThatThrownBy(() -> licences.cancel(SUZHOU, JIANGSU, young, "EXPIRED", "有效期届满"))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("尚未届满");
		assertThatThrownBy(() -> licences.cancel(SUZHOU, JIANGSU, young, "OTHER", " "))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("注销说明");
		// a ground that fits, recorded as licensing records it
		assertThat(post(province, "/registry/licences/" + young + "/cancel", "ground", "STOPPED", "reason", "企业书面申请")
			.getStatus()).isEqualTo(302);
		assertThat(status(young)).isEqualTo(LicenceStatus.CANCELLED);
		assertThat(licences.get(SUZHOU, young).stateReason()).isEqualTo("主动停止经营快递业务：企业书面申请");
		// an expired licence is cancelled as such
		long old = licences.record(SUZHOU, JIANGSU, new LicenceData(enterprises.idInScope(SUZHOU, unlicensed(), "creditCode"),
				number(), LicenceScope.PROVINCE, "江苏省邮政管理局", null, LocalDate.now(clock).minusYears(6), null), false);
		assertThat(post(province, "/registry/licences/" + old + "/cancel", "ground", "EXPIRED").getStatus()).isEqualTo(302);
		assertThat(licences.get(SUZHOU, old).stateReason()).isEqualTo("有效期届满未延续");
	}

	/**
	 * 超过…未经营 names the period of the rule catalogue (StatutoryRule.LICENCE_NO_OPERATION, national law): revised, the
	 * page's ground, its hint and the reason recorded say the new period.
	 */
	@Test
	void theNoOperationGroundStatesThePeriodOfTheRuleCatalogue() throws Exception {
		long id = provinceLicence();
		long bureau = bureaus.findByRegion("32").orElseThrow().id();
		rules.override(StatutoryRule.LICENCE_NO_OPERATION, bureau, StatutoryRule.NATIONAL_REGION, new BigDecimal("7"), "测试：假设的新法律");
		try {
			String page = text(mvc.perform(get("/registry/licences/" + id).session(province())).andReturn().getResponse());
			assertThat(page).contains("取得许可后无正当理由超过7个月未经营").contains("须取得许可已满7个月")
				.doesNotContain("超过6个月未经营");
			licences.cancel(SUZHOU, JIANGSU, id, "NO_OPERATION", null);
			assertThat(licences.get(SUZHOU, id).stateReason()).isEqualTo("取得许可后无正当理由超过7个月未经营");
		}
		finally {
			rules.clearOverride(StatutoryRule.LICENCE_NO_OPERATION, StatutoryRule.NATIONAL_REGION);
		}
	}

	@Test
	void countyAndCityClerksNeitherRegisterNorCorrectNorImportLicencesAndSeeNoSuchButtons() throws Exception {
		long id = provinceLicence();
		LicenceView before = licences.get(SUZHOU, id);
		for (String user : List.of("wz.staff", "sz.market")) {
			MockHttpSession clerk = SignIn.session(mvc, user);
			assertThat(mvc.perform(get("/registry/licences/new").session(clerk)).andReturn().getResponse().getStatus())
				.as(user).isEqualTo(403);
			MockHttpServletResponse created = post(clerk, "/registry/licences/new", "creditCode", unlicensed(), "number", number(),
					"licenceScope", "INTERNATIONAL", "issuingBureauName", "江苏省邮政管理局", "issuedOn", "2025-01-01", "expiresOn",
					"2039-01-01");
			assertThat(created.getStatus()).as(user).isEqualTo(403);
			assertThat(text(created)).contains("邮政法(2015) 第53条第1款");
			assertThat(mvc.perform(get("/registry/licences/" + id + "/edit").session(clerk)).andReturn().getResponse()
				.getStatus()).as(user).isEqualTo(403);
			MockHttpServletResponse corrected = post(clerk, "/registry/licences/" + id + "/edit", "number", number(),
					"licenceScope", "INTERNATIONAL", "issuingBureauName", "江苏省邮政管理局", "issuedOn", "2025-01-01", "expiresOn",
					"2039-01-01");
			assertThat(corrected.getStatus()).as(user).isEqualTo(403);
			assertThat(text(corrected)).contains("只能由发证机关更正");
			assertThat(mvc.perform(get("/registry/licences/import").session(clerk)).andReturn().getResponse().getStatus())
				.as(user).isEqualTo(403);
			assertThat(mvc.perform(multipart("/registry/licences/import").file(new MockMultipartFile("file", "l.xlsx", null,
					Workbooks.of(LicenceImport.HEADERS, List.of(List.of(number(), unlicensed(), "省内", "江苏省邮政管理局", "2025-01-01",
							""))))).session(clerk).with(csrf())).andReturn().getResponse().getStatus()).as(user).isEqualTo(403);

			Document shown = page(mvc.perform(get("/registry/licences/" + id).session(clerk)).andReturn().getResponse());
			assertThat(shown.select("#licence-edit")).as(user).isEmpty();
			assertThat(shown.select("form[action$=/cancel]")).as(user).isEmpty();
			Document list = page(mvc.perform(get("/registry/licences").session(clerk)).andReturn().getResponse());
			assertThat(list.select("a[href=/registry/licences/new], a[href=/registry/licences/import]")).as(user).isEmpty();
		}
		assertThat(licences.get(SUZHOU, id)).isEqualTo(before);
		assertThatThrownBy(() -> licenceImport.importFile(SUZHOU, Registrar.bureau(BureauLevel.COUNTY, "320506"),
				Workbooks.of(LicenceImport.HEADERS, List.of(List.of(number(), unlicensed(), "省内", "江苏省邮政管理局", "2025-01-01", "")))))
			.isInstanceOf(AccessRefusedException.class);

		// the issuing authority sees the steps it may take
		Document shown = page(mvc.perform(get("/registry/licences/" + id).session(province())).andReturn().getResponse());
		assertThat(shown.select("#licence-edit")).hasSize(1);
		assertThat(shown.select("form[action$=/cancel]")).hasSize(1);
	}

	@Test
	void theIssuerIsTheScopesAuthority() throws Exception {
		MockHttpSession province = province();
		// 国际: 国家邮政局's — the province may not register it at all
		MockHttpServletResponse international = post(province, "/registry/licences/new", "creditCode", unlicensed(), "number",
				number(), "licenceScope", "INTERNATIONAL", "issuingBureauName", "江苏省邮政管理局", "issuedOn", "2025-01-01");
		assertThat(international.getStatus()).isEqualTo(400);
		assertThat(page(international).select("#errors li[data-field=scope][data-rule=issuing-level]").text())
			.contains("国际快递业务经营许可证由国家邮政局颁发");
		// a system administrator may register it, under its issuer's name only
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		MockHttpServletResponse misnamed = post(admin, "/registry/licences/new", "creditCode", unlicensed(), "number", number(),
				"licenceScope", "INTERNATIONAL", "issuingBureauName", "江苏省邮政管理局", "issuedOn", "2025-01-01");
		assertThat(misnamed.getStatus()).isEqualTo(400);
		assertThat(page(misnamed).select("#errors li[data-field=issuingBureauName][data-rule=issuer]").text())
			.contains("发证机关应为“国家邮政局”");
		// 同城: the provincial bureau's, not the city's
		MockHttpServletResponse city = post(province, "/registry/licences/new", "creditCode", unlicensed(), "number", number(),
				"licenceScope", "CITY", "issuingBureauName", "苏州市邮政管理局", "issuedOn", "2025-01-01");
		assertThat(city.getStatus()).isEqualTo(400);
		assertThat(page(city).select("#errors li[data-field=issuingBureauName][data-rule=issuer]").text())
			.contains("发证机关应为“江苏省邮政管理局”");
		String code = unlicensed();
		String number = number();
		assertThat(post(province, "/registry/licences/new", "creditCode", code, "number", number, "licenceScope", "CITY",
				"issuingBureauName", "江苏省邮政管理局", "issuedOn", "2025-01-01").getStatus()).isEqualTo(302);
		LicenceView recorded = licences.findByNumber(SUZHOU, number).orElseThrow();
		assertThat(recorded.issuingRegionCode()).as("the province's, not the recorder's").isEqualTo("32");

		// a correction to a scope of the other level is refused alike
		MockHttpServletResponse corrected = post(province, "/registry/licences/" + recorded.id() + "/edit", "number", number,
				"licenceScope", "INTER_PROVINCE", "issuingBureauName", "国家邮政局", "issuedOn", "2025-01-01");
		assertThat(corrected.getStatus()).isEqualTo(400);
		assertThat(page(corrected).select("#errors li[data-field=scope][data-rule=issuing-level]")).hasSize(1);
		assertThat(licences.get(SUZHOU, recorded.id()).scope()).isEqualTo(LicenceScope.CITY);
	}

	@Test
	void aTermBeyondTheStatutoryFiveYearsIsRefused() throws Exception {
		MockHttpSession province = province();
		MockHttpServletResponse fourteen = post(province, "/registry/licences/new", "creditCode", unlicensed(), "number", number(),
				"licenceScope", "PROVINCE", "issuingBureauName", "江苏省邮政管理局", "issuedOn", "2025-01-01", "expiresOn", "2039-01-01");
		assertThat(fourteen.getStatus()).isEqualTo(400);
		assertThat(page(fourteen).select("#errors li[data-field=expiresOn][data-rule=statutory-term]").text())
			.contains("有效期至不能晚于2029年12月31日").contains("快递业务经营许可证有效期，快递业务经营许可管理办法(2019)")
			.doesNotContain("licence.validity");
		// five years to the day before the anniversary is the statutory term
		String number = number();
		assertThat(post(province, "/registry/licences/new", "creditCode", unlicensed(), "number", number, "licenceScope",
				"PROVINCE", "issuingBureauName", "江苏省邮政管理局", "issuedOn", "2025-01-01", "expiresOn", "2029-12-31").getStatus())
			.isEqualTo(302);
		long id = licences.findByNumber(SUZHOU, number).orElseThrow().id();
		// nor is a licence corrected to run longer
		MockHttpServletResponse longer = post(province, "/registry/licences/" + id + "/edit", "number", number, "licenceScope",
				"PROVINCE", "issuingBureauName", "江苏省邮政管理局", "issuedOn", "2025-01-01", "expiresOn", "2039-01-01");
		assertThat(longer.getStatus()).isEqualTo(400);
		assertThat(licences.get(SUZHOU, id).expiresOn()).isEqualTo(LocalDate.of(2029, 12, 31));
	}

	@Test
	void anEnterpriseHoldsOneLicenceInForce() throws Exception {
		MockHttpSession province = province();
		String code = unlicensed();
		String first = number();
		assertThat(post(province, "/registry/licences/new", "creditCode", code, "number", first, "licenceScope", "PROVINCE",
				"issuingBureauName", "江苏省邮政管理局", "issuedOn", LocalDate.now(clock).minusMonths(1).toString()).getStatus()).isEqualTo(302);
		MockHttpServletResponse second = post(province, "/registry/licences/new", "creditCode", code, "number", number(),
				"licenceScope", "CITY", "issuingBureauName", "江苏省邮政管理局", "issuedOn", LocalDate.now(clock).minusDays(3).toString());
		assertThat(second.getStatus()).isEqualTo(409);
		assertThat(page(second).select("#errors li[data-field=creditCode][data-rule=licence-held]").text())
			.contains("已持有有效的快递业务经营许可证" + first).contains("一个企业只持有一份许可证");
		// a past licence, long expired, is the enterprise's history and may be recorded beside it
		assertThat(post(province, "/registry/licences/new", "creditCode", code, "number", number(), "licenceScope", "CITY",
				"issuingBureauName", "江苏省邮政管理局", "issuedOn", "2015-01-01", "expiresOn", "2019-12-31").getStatus()).isEqualTo(302);
	}

	@Test
	void aChangeOfScopeToTheOtherLevelMakesItsAuthorityTheIssuer() {
		long id = provinceLicence();
		LicenceView before = licences.get(SUZHOU, id);
		licences.applyChange(new LicenceChanged(0, before.number(), "国邮许〔2026〕3号", LocalDate.now(clock), null, null, null,
				LicenceScope.INTER_PROVINCE, null, null, null, null));
		LicenceView after = licences.get(SUZHOU, id);
		assertThat(after.scope()).isEqualTo(LicenceScope.INTER_PROVINCE);
		assertThat(after.issuingBureauName()).isEqualTo("国家邮政局");
		assertThat(after.issuingRegionCode()).isEqualTo("0");
		// so the province no longer ends it
		assertThat(licences.mayEnd(JIANGSU, after)).isFalse();
		// a change within the level keeps the issuer
		long other = provinceLicence();
		licences.applyChange(new LicenceChanged(0, licences.get(SUZHOU, other).number(), "苏邮许〔2026〕4号", LocalDate.now(clock),
				null, null, null, LicenceScope.CITY, null, null, null, null));
		assertThat(licences.get(SUZHOU, other).issuingBureauName()).isEqualTo("江苏省邮政管理局");
		assertThat(licences.get(SUZHOU, other).issuingRegionCode()).isEqualTo("32");
	}

	@Test
	void theLicenceImportMeetsTheSameRules() {
		String held = unlicensed();
		licences.record(SUZHOU, JIANGSU, new LicenceData(enterprises.idInScope(SUZHOU, held, "creditCode"), number(),
				LicenceScope.PROVINCE, "江苏省邮政管理局", null, LocalDate.now(clock).minusYears(1), null), false);
		String twice = unlicensed();
		String numbered = number();
		ImportResult result = licenceImport.importFile(SUZHOU, JIANGSU, Workbooks.of(LicenceImport.HEADERS, List.of(
				List.of(number(), unlicensed(), "国际", "江苏省邮政管理局", "2025-01-01", ""),
				List.of(number(), unlicensed(), "同城", "苏州市邮政管理局", "2025-01-01", ""),
				List.of(number(), unlicensed(), "省内", "江苏省邮政管理局", "2025-01-01", "2039-01-01"),
				List.of(numbered, twice, "省内", "江苏省邮政管理局", "2025-01-01", ""),
				List.of(number(), twice, "同城", "江苏省邮政管理局", "2025-02-01", ""),
				List.of(number(), held, "省内", "江苏省邮政管理局", "2025-01-01", ""))));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).extracting(e -> e.number()).containsExactly(2, 3, 4, 6, 7);
		assertThat(result.errors().get(0).errors()).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("业务范围", "issuing-level"));
		assertThat(result.errors().get(1).errors()).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("发证机关", "issuer"));
		assertThat(result.errors().get(2).errors()).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("有效期至", "statutory-term"));
		assertThat(result.errors().get(3).errors()).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("统一社会信用代码", "licence-held"));
		assertThat(result.errors().get(4).errors()).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("统一社会信用代码", "licence-held"));
		assertThat(licences.findByNumber(SUZHOU, numbered)).isEmpty();
	}
}
