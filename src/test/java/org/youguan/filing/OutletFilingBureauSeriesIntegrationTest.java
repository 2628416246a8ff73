package org.youguan.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.BureauData;
import org.youguan.org.BureauLevel;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An outlet is filed with the bureau below provincial level that handles its place (快递暂行条例(2025) art.19): where its
 * county has no bureau on the platform, the city's — whose series its 受理编号 and 备案编号 are drawn in, not the county's
 * —; where only the province covers the city, none, and the filing is refused ({@code served}) before anything is saved.
 */
@IntegrationTest
@ExtendWith(FilingFixture.Monday28September.class)
class OutletFilingBureauSeriesIntegrationTest {

	/** 南宁市: a city bureau on the platform, no county bureau below it. */
	static final String NANNING = "4501";

	/** 南宁市兴宁区民生街道, in a county without a bureau of its own. */
	static final String XINGNING_STREET = "450102001";

	/** 柳州市城中区城中街道: the city has no bureau on the platform, only the province covers it. */
	static final String LIUZHOU_STREET = "450202001";

	@Autowired
	MockMvc mvc;

	@Autowired
	OutletFilings filings;

	@Autowired
	Outlets outlets;

	@Autowired
	Bureaus bureaus;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FilingFixture fixture;

	@BeforeEach
	void guangxi() {
		street(XINGNING_STREET, "民生街道", "450102");
		street(LIUZHOU_STREET, "城中街道", "450202");
		Long national = bureaus.findByRegion("0").map(BureauView::id).orElse(null);
		long province = bureaus.findByRegion("45").map(BureauView::id).orElseGet(() -> bureaus.create(DataScope.all(),
				new BureauData("广西壮族自治区邮政管理局", null, BureauLevel.PROVINCE, "45", national, null, null)));
		if (bureaus.findByRegion(NANNING).isEmpty()) {
			bureaus.create(DataScope.all(), new BureauData("南宁市邮政管理局", null, BureauLevel.CITY, NANNING, province, null, null));
		}
	}

	private void street(String code, String name, String county) {
		jdbc.sql("INSERT INTO region (code, name, parent_code, level) VALUES (:code, :name, :county, 'STREET') ON CONFLICT DO NOTHING")
			.param("code", code).param("name", name).param("county", county).update();
	}

	static OutletData outlet(String region, String address) {
		String first17 = "45010219850315" + String.format("%03d", (int) (Math.random() * 1000));
		return new OutletData("顺丰驿站（广西" + UUID.randomUUID().toString().substring(0, 6) + "店）", 0, null, "FRANCHISE",
				address + UUID.randomUUID().toString().substring(0, 4) + "号", region, null, null, "钱七",
				first17 + IdCardNumber.checkCharacter(first17), "13712345678", new BigDecimal("40"), true, true, true, true,
				LocalDate.of(2026, 9, 20));
	}

	@Test
	void anOutletOfACountyWithoutABureauIsNumberedInTheSeriesOfTheCityBureauThatFilesIt() {
		assertThat(outlets.filingBureauRegion(XINGNING_STREET)).contains(NANNING);
		long id = filings.submitNew(fixture.shunfeng(), outlet(XINGNING_STREET, "兴宁区民生街道备案路"),
				OutletFilingIntegrationTest.completeAttachments());
		DataScope nanning = DataScope.region(NANNING);
		FilingView f = filings.get(nanning, id);
		assertThat(f.number()).as("受理编号").startsWith("备案申请-" + NANNING + "-2026-");

		String number = filings.approve(nanning, id, null);
		assertThat(number).as("备案编号").startsWith("网点备案-" + NANNING + "-2026-").doesNotContain("450102");
		long outletId = filings.get(nanning, id).outletId();
		await().ignoreExceptions()
			.untilAsserted(() -> assertThat(outlets.get(nanning, outletId).status()).isEqualTo(OutletStatus.FILED));
		assertThat(outlets.get(nanning, outletId).filingNumber()).isEqualTo(number);
		// a county that has its bureau keeps the county's own series
		assertThat(outlets.filingSeries("320506001")).isEqualTo("320506");
	}

	@Test
	void anOutletWhereOnlyTheProvinceIsOnThePlatformIsRefusedAndNothingIsSaved() {
		assertThat(bureaus.serves(LIUZHOU_STREET)).as("the province covers the city").isTrue();
		assertThat(outlets.filingBureauRegion(LIUZHOU_STREET)).isEmpty();
		long before = jdbc.sql("SELECT count(*) FROM outlet_filing").query(Long.class).single();
		InvalidValueException refused = catchThrowableOfType(InvalidValueException.class,
				() -> filings.submitNew(fixture.shunfeng(), outlet(LIUZHOU_STREET, "城中区城中街道备案路"),
						OutletFilingIntegrationTest.completeAttachments()));
		assertThat(refused).isNotNull();
		assertThat(refused.fieldErrors()).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("regionCode");
			assertThat(e.rule()).isEqualTo("served");
			assertThat(e.message()).contains("尚未使用本平台");
		});
		// the registry's refusal keeps its key through the filing's gathering of errors (a page words it in English)
		assertThat(refused.fieldErrors().get(0).rule()).isEqualTo("served");
		assertThat(refused.wording()).isNotNull();
		assertThat(refused.wording().key()).isEqualTo("registry.refusal.outletNotServed");
		assertThat(jdbc.sql("SELECT count(*) FROM outlet_filing").query(Long.class).single()).isEqualTo(before);
	}

	/**
	 * The filing form read in English tells the place no bureau below the province serves in English: the registry's
	 * keyed refusal, gathered with the form's other errors (the files not chosen), is not shown in Chinese.
	 */
	@Test
	void theEnglishFilingFormTellsAPlaceNoBureauBelowTheProvinceServesInEnglish() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM outlet_filing").query(Long.class).single();
		OutletData o = outlet(LIUZHOU_STREET, "城中区城中街道备案路");
		MockHttpSession session = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/filings/new").param("lang", "en").session(session));
		String html = mvc.perform(multipart("/enterprise/filings/new")
			.param("lang", "en")
			.param("name", o.name())
			.param("cooperation", o.cooperation())
			.param("address", o.address())
			.param("regionCode", o.regionCode())
			.param("managerName", o.managerName())
			.param("managerIdNumber", o.managerIdNumber())
			.param("managerPhone", o.managerPhone())
			.param("storageArea", "40")
			.param("openedOn", "2026-09-20")
			.param("hasCommunications", "true")
			.param("hasShelving", "true")
			.param("hasSurveillance", "true")
			.param("hasSignage", "true")
			.session(session)
			.with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("No city or county postal bureau of the outlet").doesNotContain("尚未使用本平台");
		assertThat(jdbc.sql("SELECT count(*) FROM outlet_filing").query(Long.class).single()).isEqualTo(before);
	}
}
