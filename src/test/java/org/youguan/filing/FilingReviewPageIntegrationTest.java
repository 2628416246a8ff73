package org.youguan.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.IdCardNumber;
import org.youguan.org.CurrentUser;
import org.youguan.registry.OutletData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 1: the reviewer does not approve blind. The filing page shows everything the decision is about —
 * address, opening date, manager, ID and phone (masked), area, the five facilities, the cooperation type — and for a
 * change the proposed changes before → after; the enterprise sees the same on its own filing page.
 */
@IntegrationTest
@ExtendWith(FilingFixture.Monday28September.class)
class FilingReviewPageIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	static final String ID_17 = "32050619870612003";

	static final String ID = ID_17 + IdCardNumber.checkCharacter(ID_17);

	@Autowired
	MockMvc mvc;

	@Autowired
	OutletFilings filings;

	@Autowired
	FilingFixture fixture;

	CurrentUser shunfeng;

	@BeforeEach
	void signIn() {
		shunfeng = fixture.shunfeng();
	}

	static OutletData outlet(String name, String address, String manager, String phone, boolean surveillance) {
		return new OutletData(name, 0, null, "PARTNER", address, "320506001", new BigDecimal("120.61"),
				new BigDecimal("31.27"), manager, ID, phone, new BigDecimal("48.50"), true, true, surveillance, true,
				LocalDate.of(2026, 9, 21));
	}

	String page(String user, String path) throws Exception {
		return mvc.perform(get(path).session(SignIn.session(mvc, user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theReviewerAndTheEnterpriseSeeEverythingANewFilingIsAbout() throws Exception {
		String name = "顺丰驿站（审查" + UUID.randomUUID().toString().substring(0, 6) + "）";
		long id = filings.submitNew(shunfeng, outlet(name, "吴中区审查路8号", "欧阳明", "13955501234", false),
				OutletFilingIntegrationTest.completeAttachments());
		for (String[] side : new String[][] { { "wz.staff", "/filing/" + id }, { "sf.wz", "/enterprise/filings/" + id } }) {
			String html = page(side[0], side[1]);
			assertThat(html).as(side[1]).contains("申报的网点信息", name, "吴中区审查路8号", "长桥街道", "2026-09-21", "欧阳明",
					"320506********" + ID.substring(14), "139****1234", "48.5", "合作", "五项设施", "通信设施", "货架",
					"视频监控：无", "品牌标识", "五项设施不全", "120.61");
			assertThat(html).as("no clear personal numbers").doesNotContain(ID).doesNotContain("13955501234");
		}
	}

	@Test
	void aChangeFilingShowsTheProposedChangesBeforeToAfter() throws Exception {
		String name = "顺丰驿站（变更审查" + UUID.randomUUID().toString().substring(0, 6) + "）";
		long outletId = fixture.filedOutlet(shunfeng, outlet(name, "吴中区旧址路1号", "欧阳明", "13955501234", true));
		long change = filings.submitChange(shunfeng, outletId,
				outlet(name + "·新", "吴中区新址路2号", "上官红", "13955509876", true), LocalDate.of(2026, 9, 27), "迁址并更换负责人",
				List.of());
		for (String[] side : new String[][] { { "wz.staff", "/filing/" + change }, { "sf.wz", "/enterprise/filings/" + change } }) {
			String html = page(side[0], side[1]);
			assertThat(html).as(side[1]).contains("变更内容（变更前 → 变更后）", "吴中区旧址路1号", "吴中区新址路2号", "欧阳明",
					"上官红", "139****1234", "139****9876", name + "·新");
			assertThat(html.substring(html.indexOf("outlet-changes"))).as("unchanged fields are not listed as changes")
				.doesNotContain("开办日期");
		}
		// finding (the cooperation type stored in Chinese stayed Chinese in English): worded by its code, as 有/无 are
		long closed = filings.submitChange(shunfeng, fixture.filedOutlet(shunfeng, outlet(name + "·二", "吴中区旧址路3号",
				"欧阳明", "13955501234", true)), outlet(name + "·二", "吴中区旧址路3号", "欧阳明", "13955501234", false),
				LocalDate.of(2026, 9, 27), "监控拆除", List.of());
		String english = mvc.perform(get("/filing/" + closed).param("lang", "en").session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(english).contains(">Partner<").doesNotContain(">合作<").doesNotContain(">有<").doesNotContain(">无<");
		assertThat(english.substring(english.indexOf("outlet-changes"))).contains(">Yes<", ">No<");
		assertThat(page("wz.staff", "/filing/" + closed)).contains(">合作<", ">有<", ">无<");
	}

	/**
	 * Attack round 32 M1: a change filed late was explained with the new outlet's rule ("网点开办超过20日"), the period
	 * written into the text. A late change says it was filed more than the change period after the change, and a late
	 * new filing the opening period, both from the rule catalogue with their basis.
	 */
	@Test
	void aLateFilingSaysWhyInTheWordsOfItsKind() throws Exception {
		long outletId = fixture.filedOutlet(shunfeng, OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 8, 1)));
		// Monday 28 September: a change of 1 September is filed more than 10 days after it
		long change = filings.submitChange(shunfeng, outletId, OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 8, 1)),
				LocalDate.of(2026, 9, 1), "更名迁址", List.of());
		for (String[] side : new String[][] { { "wz.staff", "/filing/" + change }, { "sf.wz", "/enterprise/filings/" + change } }) {
			assertThat(page(side[0], side[1])).as(side[1]).contains("网点信息变更后超过10日才申请变更备案（")
				.doesNotContain("网点开办超过");
		}
		long late = filings.submitNew(shunfeng, OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 1)),
				OutletFilingIntegrationTest.completeAttachments());
		assertThat(page("wz.staff", "/filing/" + late)).contains("网点开办超过20日才申请备案（快递暂行条例(2025) 第19条")
			.contains("可作为执法线索（快递暂行条例(2025) 第50条）");
		// the party is told the facts and the article formally, never that its filing is an enforcement lead
		assertThat(page("sf.wz", "/enterprise/filings/" + late)).contains("网点开办超过20日才申请备案（《快递暂行条例》第十九条）")
			.doesNotContain("执法线索", "快递暂行条例(2025)", "第50条");
	}

	@Test
	void aClosureFilingShowsTheOutletAsRegistered() throws Exception {
		String name = "顺丰驿站（撤销审查" + UUID.randomUUID().toString().substring(0, 6) + "）";
		long outletId = fixture.filedOutlet(shunfeng, outlet(name, "吴中区撤销路3号", "欧阳明", "13955501234", true));
		long closure = filings.submitClosure(shunfeng, outletId, "停止经营");
		assertThat(page("wz.staff", "/filing/" + closure)).contains("网点现登记信息", "吴中区撤销路3号", "欧阳明", "139****1234");
	}
}
