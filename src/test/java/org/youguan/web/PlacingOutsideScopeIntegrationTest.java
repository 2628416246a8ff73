package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.inspections.InspectionItems;
import org.youguan.registry.BranchData;
import org.youguan.registry.Branches;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityData;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.OutletData;
import org.youguan.registry.Outlets;
import org.youguan.universal.VillageCheckPlanData;
import org.youguan.universal.VillageCheckPlans;

/**
 * Finding (access b): a step placing a record — an enterprise, an outlet, a facility, a 建制村 check plan — in a
 * region outside the caller's scope was answered 400 with a "scope" error on the region beside every other bad field
 * ({@code DataScope#requireWithin}), where every other step answers not found (404) before any field. The module API
 * now refuses the region as not there (404, naming it) whatever the other fields hold — for a call that does not come
 * through the web too, where no step access has read the region first; a bad field beside a region in the scope is
 * still 400 naming the field.
 */
@IntegrationTest
class PlacingOutsideScopeIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	static final String WUZHONG_TOKEN = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Outlets outlets;

	@Autowired
	Branches branches;

	@Autowired
	InspectionItems items;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Facilities facilities;

	@Autowired
	VillageCheckPlans villagePlans;

	/** The one 404 of a region outside the scope: not found, naming the region, no other field told. */
	static void notThere(Runnable step, String field, String region) {
		DomainException refused = catchThrowableOfType(DomainException.class, step::run);
		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND);
		assertThat(refused.getMessage()).contains("行政区划").contains(region).contains("不存在或不在您的数据权限范围内");
		assertThat(refused.fieldErrors()).extracting(FieldError::field).allMatch(field::equals);
	}

	/** A bad-field refusal (400) naming {@code field}, not a 404. */
	static void badField(Runnable step, String field) {
		DomainException refused = catchThrowableOfType(DomainException.class, step::run);
		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.code()).isNotEqualTo(ErrorCode.NOT_FOUND);
		assertThat(refused.fieldErrors()).extracting(FieldError::field).contains(field);
		assertThat(refused.fieldErrors()).extracting(FieldError::rule).doesNotContain("scope");
	}

	/** An enterprise of 吴中 that is not cancelled (one a 吴中 form may name). */
	long ownEnterprise() {
		return enterprises.choosable(WUZHONG).get(0).id();
	}

	@Test
	void anEnterpriseOfAnotherCountyIsNotThereWhateverItsOtherFieldsHold() {
		notThere(() -> enterprises.register(WUZHONG, new EnterpriseData("", "not-a-code", null, null, null, "",
				"320507", null, "x"), false), "regionCode", "320507");
		// its own county: every bad field told (400)
		badField(() -> enterprises.register(WUZHONG, new EnterpriseData("", "not-a-code", null, null, null, "",
				"320506", null, "x"), false), "creditCode");
	}

	@Test
	void anOutletOrFacilityOfAnotherCountyIsNotThereWhateverItsOtherFieldsHold() {
		long own = ownEnterprise();
		notThere(() -> outlets.register(WUZHONG, new OutletData("", own, null, "NOPE", "", "320507001", null, null, null,
				null, null, null, false, false, false, false, null), false), "regionCode", "320507001");
		badField(() -> outlets.register(WUZHONG, new OutletData("", own, null, "NOPE", "", "320506001", null, null, null,
				null, null, null, false, false, false, false, null), false), "cooperation");
		notThere(() -> facilities.register(WUZHONG, new FacilityData(null, "", own, "320507", "", null, null, null,
				LocalDate.of(1800, 1, 1)), false), "regionCode", "320507");
		badField(() -> facilities.register(WUZHONG, new FacilityData(null, "", own, "320506", "", null, null, null,
				LocalDate.of(1800, 1, 1)), false), "kind");
	}

	@Test
	void aBranchOfAnotherCountyIsNotThereWhateverItsOtherFieldsHold() {
		long own = ownEnterprise();
		notThere(() -> branches.file(WUZHONG, new BranchData(own, null, "", "320507", "", "", null, null), false),
				"regionCode", "320507");
		badField(() -> branches.file(WUZHONG, new BranchData(own, null, "", "320506", "", "", null, null), false), "name");
	}

	@Test
	void aVillageCheckPlanOfAnotherCountyIsNotThereWhateverItsOtherFieldsHold() {
		notThere(() -> villagePlans.create(WUZHONG, null, new VillageCheckPlanData("", "320507", "NOPE", false, 0, false,
				null, null), false), "regionCode", "320507");
		badField(() -> villagePlans.create(WUZHONG, null, new VillageCheckPlanData("", "320506", "NOPE", false, 0, false,
				null, null), false), "method");
	}

	@Test
	void aPlanRegionThatIsNoRegionCodeIsToldOnItsFieldOnlyAsAFormatError() throws Exception {
		// "320" is three digits, no region's code: told as the field's format, not as a region outside the scope
		mvc.perform(post("/api/v1/inspections/plans").header("Authorization", WUZHONG_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"本区计划","regionCode":"320","sampleCount":2}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("regionCode")))
			.andExpect(jsonPath("$.errors[*].rule", not(hasItem("scope"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'regionCode')].rule", contains("format")));
	}

	@Test
	void anOnTheSpotPersonsRegionThatIsNoCodeIsAFormatErrorOfItsField() throws Exception {
		// was rule "scope" (辖区内…) for a value that names no region at all
		mvc.perform(post("/api/v1/enforcement/cases/on-the-spot").header("Authorization", WUZHONG_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"partyKind":"PERSON","personName":"李某","regionCode":"32050","violation":"DATA_NOT_REPORTED"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'regionCode')].rule", contains("format")));
	}

	@Test
	void anInspectionItemForABureauOutsideTheScopeIsNotThereBeforeItsFields() {
		long xiangcheng = jdbc.sql("SELECT id FROM bureau_name WHERE region_code = '320507'").query(Long.class).single();
		DomainException refused = catchThrowableOfType(DomainException.class, () -> items.add(WUZHONG, xiangcheng, "测试",
				new InspectionItems.ItemData("", "", "", null, "NOPE", "", List.of())));
		assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND);
		assertThat(refused.fieldErrors()).extracting(FieldError::field).doesNotContain("code", "name");
	}

	@Test
	void anOwnerOrOperatorOfAnotherCountyIsNotThereWhateverTheFormsOtherFieldsHold() throws Exception {
		EnterpriseView xiangcheng = enterprises.choosable(DataScope.region("320507")).get(0);
		// a facility's owner chosen by id: was 400 at enterpriseId beside the other bad fields
		DomainException refused = catchThrowableOfType(DomainException.class, () -> facilities.register(WUZHONG,
				new FacilityData(null, "", xiangcheng.id(), "320506", "", null, null, null, LocalDate.of(1800, 1, 1)), false));
		assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND);
		assertThat(refused.fieldErrors()).extracting(FieldError::field).containsOnly("enterpriseId");
		// an outlet's operator typed by credit code on the page form, with a malformed date beside it: 404, not the form
		MockHttpSession wuzhong = SignIn.session(mvc, "wz.staff");
		mvc.perform(post("/registry/outlets/new").session(wuzhong).with(csrf()).param("creditCode", xiangcheng.creditCode())
			.param("name", "").param("regionCode", "320506001").param("openedOn", "2026-13-45"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/registry/outlets/new").session(wuzhong).with(csrf()).param("creditCode", ownCode())
			.param("name", "").param("regionCode", "320506001").param("openedOn", "2026-13-45"))
			.andExpect(status().isBadRequest());
	}

	String ownCode() {
		return enterprises.choosable(WUZHONG).get(0).creditCode();
	}
}
