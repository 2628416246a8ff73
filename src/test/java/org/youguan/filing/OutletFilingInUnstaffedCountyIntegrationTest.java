package org.youguan.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.filing.internal.FilingView;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.WorkState;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.registry.OutletData;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A county bureau on the platform without an account to decide a filing (the demo's 苏州市虎丘区邮政管理局) files no
 * outlets: its city's bureau does ({@code Bureaus#staffed}, {@code Outlets#filingBureauRegion}) — the filing is numbered
 * in the city's series, is in the city's 待审核 queue, its page offers the city's staff the steps they may post, the
 * province reads it told which bureau decides it, and the enterprise's page names that bureau. Before, such a filing
 * was offered to nobody, refused to the city and ran out its 5 working days unseen. Complaints follow the same rule.
 */
@IntegrationTest
@ExtendWith(FilingFixture.Monday28September.class)
class OutletFilingInUnstaffedCountyIntegrationTest {

	/** 虎丘区横塘街道: its county bureau is on the platform with no account. */
	static final String HUQIU_STREET = "320505001";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FilingFixture fixture;

	@Autowired
	MockMvc mvc;

	@Autowired
	Bureaus bureaus;

	@Autowired
	OutletFilings filings;

	@Autowired
	Outlets outlets;

	static OutletData outlet() {
		String first17 = "32050519850315" + String.format("%03d", (int) (Math.random() * 1000));
		return new OutletData("顺丰驿站（虎丘" + UUID.randomUUID().toString().substring(0, 6) + "店）", 0, null, "FRANCHISE",
				"虎丘区横塘街道测试路" + UUID.randomUUID().toString().substring(0, 4) + "号", HUQIU_STREET, null, null, "钱七",
				first17 + IdCardNumber.checkCharacter(first17), "13712345678", new BigDecimal("40"), true, true, true, true,
				LocalDate.of(2026, 9, 20));
	}

	@Test
	void aFilingInACountyWhoseBureauHasNoStaffIsTheCitysToDecide() throws Exception {
		BureauView huqiu = bureaus.nearest(HUQIU_STREET).orElseThrow();
		assertThat(huqiu.regionCode()).as("虎丘's bureau is on the platform").isEqualTo("320505");
		assertThat(jdbc.sql("SELECT count(*) FROM user_account WHERE bureau_id = :b AND enabled").param("b", huqiu.id())
			.query(Long.class).single()).as("precondition: 虎丘's bureau has no account").isZero();
		assertThat(outlets.filingBureauRegion(HUQIU_STREET)).contains("3205");
		assertThat(outlets.filingBureauRegion("320506001")).as("吴中, staffed, files its own").contains("320506");

		long id = filings.submitNew(fixture.shunfeng(), outlet(), OutletFilingIntegrationTest.completeAttachments());
		DataScope city = DataScope.region("3205");
		FilingView f = filings.get(city, id);
		assertThat(f.number()).as("受理编号 in the city's series").startsWith("备案申请-3205-2026-");
		assertThat(filings.list(city, new OutletFilings.Filter(FilingStatus.SUBMITTED, WorkState.OPEN, false, null),
				new PageQuery(f.number(), 0, 10, "due_on", false), true).items()).as("in the city's 待审核 queue")
			.extracting(FilingView::id).containsExactly(id);
		assertThat(filings.list(DataScope.region("32"), new OutletFilings.Filter(FilingStatus.SUBMITTED, WorkState.OPEN,
				false, null), new PageQuery(f.number(), 0, 10, "due_on", false), true).items()).as("not the province's").isEmpty();

		String enterprisePage = mvc.perform(get("/enterprise/filings/" + id).session(SignIn.session(mvc, "sf.wz")))
			.andReturn().getResponse().getContentAsString();
		assertThat(enterprisePage).as("the enterprise is told who decides it").contains("id=\"filing-bureau\"", "苏州市邮政管理局")
			.doesNotContain("苏州市虎丘区邮政管理局");

		MockHttpSession province = SignIn.session(mvc, "js.market");
		assertThat(mvc.perform(get("/filing/" + id).session(province)).andReturn().getResponse().getContentAsString())
			.as("the province reads it, told why it has no step")
			.contains("本备案由苏州市邮政管理局办理，上级机关可以查阅").doesNotContain("id=\"approve-form\"");
		assertThat(mvc.perform(get("/filing/" + id).param("lang", "en").session(province)).andReturn().getResponse()
			.getContentAsString()).contains("This filing is handled by 苏州市邮政管理局").doesNotContain("上级机关可以查阅");

		MockHttpSession cityStaff = SignIn.session(mvc, "sz.market");
		assertThat(mvc.perform(get("/filing/" + id).session(cityStaff)).andReturn().getResponse().getContentAsString())
			.as("the city's staff are offered its steps").contains("id=\"approve-form\"").doesNotContain("id=\"filing-handled-by\"");
		assertThat(mvc.perform(post("/filing/" + id + "/approve").session(cityStaff).with(csrf())).andReturn().getResponse()
			.getStatus()).isEqualTo(302);
		FilingView approved = filings.get(city, id);
		assertThat(approved.status()).isEqualTo(FilingStatus.APPROVED);
		assertThat(approved.filingNumber()).as("备案编号 in the city's series").startsWith("网点备案-3205-2026-");
		assertThat(jdbc.sql("SELECT decided_by FROM outlet_filing WHERE id = :id").param("id", id).query(String.class)
			.single()).as("the deciding bureau kept with the decision").isEqualTo("苏州市邮政管理局");
		// the receipt names the bureau kept at the decision, not the one handling the place when it is drawn
		jdbc.sql("UPDATE outlet_filing SET decided_by = '苏州市邮政管理局（决定时）' WHERE id = :id").param("id", id).update();
		assertThat(filings.decidingBureau(approved)).isEqualTo("苏州市邮政管理局（决定时）");
		assertThat(filings.handlingBureau(approved)).isEqualTo("苏州市邮政管理局");
	}

	/** A complaint of such a county is the city's 处室工作人员's to handle by the same rule, not the county's nor the province's. */
	@Test
	void aComplaintInACountyWhoseBureauHasNoStaffIsHandledByTheCity() {
		assertThat(bureaus.handles(DataScope.region("3205"), HUQIU_STREET, Bureaus.CASE_HANDLERS)).isTrue();
		assertThat(bureaus.handles(DataScope.region("32"), HUQIU_STREET, Bureaus.CASE_HANDLERS)).isFalse();
		assertThat(bureaus.handles(DataScope.region("3205"), "320506001", Bureaus.CASE_HANDLERS))
			.as("吴中 has its 处室工作人员").isFalse();
		String here = bureaus.handledHere(DataScope.region("3205"), "r.code", Bureaus.CASE_HANDLERS);
		assertThat(jdbc.sql("SELECT code FROM region r WHERE r.code IN ('320505001', '320506001') AND " + here)
			.query(String.class).list()).as("the city's queue holds 虎丘's, not 吴中's").containsExactly(HUQIU_STREET);
		assertThat(bureaus.staffed(HUQIU_STREET, Bureaus.CASE_HANDLERS).map(BureauView::name)).contains("苏州市邮政管理局");
	}
}
