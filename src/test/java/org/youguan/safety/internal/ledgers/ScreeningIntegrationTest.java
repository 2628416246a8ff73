package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.FacilityView;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.safety.SafetyLedgers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 过机安检 on the demo city: the screening machines are the registry's 安检机 in the caller's scope; a contractor's
 * contract is checked (credit code, the entrusting enterprise's own outlets, the bureau's only) and covers its outlets
 * while in force; an outlet is covered by a machine of its brand in its county; the figures count the contractor.
 */
@IntegrationTest
class ScreeningIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	ScreeningCoverage coverage;

	@Autowired
	Contractors contractors;

	@Autowired
	SafetyLedgers ledgers;

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	MutableClock clock;

	static String code(String first17) {
		return first17 + CreditCode.checkCharacter(first17);
	}

	@Test
	void theMachinesAreTheRegistrysScreeningMachinesInScope() throws Exception {
		List<FacilityView> wuzhong = coverage.machines(DataScope.region("320506"), new PageQuery("", 0, 200, null, false))
			.items();
		assertThat(wuzhong).isNotEmpty().allSatisfy(f -> assertThat(f.regionCode()).startsWith("320506"));
		assertThat(coverage.machines(DataScope.region("3205"), new PageQuery("", 0, 200, null, false)).total())
			.isGreaterThan(wuzhong.size());
		mvc.perform(get("/api/v1/safety/machines").header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.total").value(wuzhong.size()));
		mvc.perform(get("/safety/machines").header("Authorization", CITY)).andExpect(status().isOk());
		mvc.perform(get("/safety/machines/export.xlsx").header("Authorization", CITY)).andExpect(status().isOk());
	}

	@Test
	void aContractIsCheckedAndCoversItsOutletsWhileInForce() throws Exception {
		List<OutletView> xiangcheng = outlets.list(DataScope.region("320507"), Outlets.Filter.NONE,
				new PageQuery("", 0, 200, null, false)).items();
		// an outlet its brand's machine covers (the demo's contracts cover every other one)
		Set<Long> byMachineOnly = coverage.outlets(DataScope.region("320507"), null).stream()
			.filter(c -> c.contractor() == null)
			.map(ScreeningCoverage.OutletCoverage::outletId)
			.collect(Collectors.toSet());
		OutletView outlet = xiangcheng.stream().filter(o -> byMachineOnly.contains(o.id())).findFirst().orElseThrow();
		EnterpriseView owner = enterprises.readable(DataScope.all(), List.of(outlet.enterpriseId())).get(outlet.enterpriseId());
		OutletView foreign = xiangcheng.stream().filter(o -> o.enterpriseId() != outlet.enterpriseId()).findFirst().orElseThrow();
		mvc.perform(post("/api/v1/safety/contractors").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"creditCode\":\"123\",\"enterpriseCreditCode\":\"" + owner.creditCode()
					+ "\",\"contractFrom\":\"2026-02-01\",\"contractTo\":\"2026-01-01\",\"outletIds\":[" + foreign.id() + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("creditCode")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("contractTo")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("outletIds")));
		assertThatThrownBy(() -> contractors.create(DataScope.enterprise(owner.creditCode()), new ContractorData("x",
				code("91320507MA1PQRT01"), null, "2026-01-01", "2026-12-31", List.of(outlet.id())), false))
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> contractors.create(DataScope.region("320506"), new ContractorData("越界安检",
				code("91320507MA1PQRT01"), owner.creditCode(), "2026-01-01", "2026-12-31", List.of(outlet.id())), false))
			// an enterprise outside the county's scope: not found before any field (DataScope.refuseWithin)
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
		LocalDate today = LocalDate.now(clock);
		// attack round 10: the enterprise recorded as its own third party, and a contract to 2099, counted as screened
		assertThatThrownBy(() -> contractors.create(DataScope.region("3205"), new ContractorData("自己安检", owner.creditCode(),
				owner.creditCode(), today.toString(), today.plusYears(1).toString(), List.of(outlet.id())), false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("creditCode/self")));
		assertThatThrownBy(() -> contractors.create(DataScope.region("3205"), new ContractorData("长约安检公司",
				code("91320507MA1PQRT04"), owner.creditCode(), today.toString(), "2099-12-31", List.of(outlet.id())), false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("contractTo/range")));
		long ended = contractors.create(DataScope.region("3205"), new ContractorData("过期安检公司", code("91320507MA1PQRT02"),
				owner.creditCode(), today.minusYears(1).toString(), today.minusDays(1).toString(), List.of(outlet.id())), false);
		assertThat(coverageOf(outlet).contractor()).isNull();
		long id = contractors.create(DataScope.region("3205"), new ContractorData("相城安检公司", code("91320507MA1PQRT01"),
				owner.creditCode(), today.minusDays(1).toString(), today.plusYears(1).toString(), List.of(outlet.id())), false);
		assertThat(coverageOf(outlet).contractor()).isEqualTo("相城安检公司");
		assertThat(coverageOf(outlet).covered()).isTrue();
		assertThat(contractors.get(DataScope.region("320507"), id).outlets()).isEqualTo(1);
		assertThat(contractors.get(DataScope.region("3205"), ended).active()).isFalse();
		mvc.perform(get("/api/v1/safety/contractors/" + id).header("Authorization", WUZHONG)).andExpect(status().isNotFound());
		mvc.perform(get("/safety/contractors/" + id).header("Authorization", CITY)).andExpect(status().isOk());
		mvc.perform(get("/safety/contractors?active=true").header("Authorization", CITY)).andExpect(status().isOk());
		mvc.perform(get("/safety/contractors/export.xlsx").header("Authorization", CITY)).andExpect(status().isOk());
		assertThat(ledgers.figures("320507", today, today).screeningContractors()).isPositive();
	}

	@Test
	void aNullAmongTheOutletIdsIsA400NamingTheFieldAndSavesNothing() throws Exception {
		OutletView outlet = outlets.list(DataScope.region("320507"), Outlets.Filter.NONE,
				new PageQuery("", 0, 200, null, false)).items().get(0);
		EnterpriseView owner = enterprises.readable(DataScope.all(), List.of(outlet.enterpriseId())).get(outlet.enterpriseId());
		long before = contractors.list(DataScope.all(), false, new PageQuery("", 0, 1, null, false)).total();
		for (String ids : new String[] { "[null]", "[" + outlet.id() + ",null]" }) {
			mvc.perform(post("/api/v1/safety/contractors").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"空值安检公司\",\"creditCode\":\"" + code("91320507MA1PQRT03") + "\",\"enterpriseCreditCode\":\""
						+ owner.creditCode() + "\",\"contractFrom\":\"2026-01-01\",\"contractTo\":\"2026-12-31\",\"outletIds\":"
						+ ids + "}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(hasItem("outletIds")))
				.andExpect(jsonPath("$.errors[*].message").value(hasItem("网点编号不能为空（outletIds中有空值）")));
		}
		assertThat(contractors.list(DataScope.all(), false, new PageQuery("", 0, 1, null, false)).total()).isEqualTo(before);
	}

	@Test
	void anOutletIsCoveredByAMachineOfItsBrandInItsCounty() throws Exception {
		FacilityView machine = coverage.machines(DataScope.region("320506"), new PageQuery("顺丰", 0, 1, null, false))
			.items()
			.get(0);
		Long brand = enterprises.readable(DataScope.all(), List.of(machine.enterpriseId())).get(machine.enterpriseId())
			.brandId();
		List<ScreeningCoverage.OutletCoverage> wuzhong = coverage.outlets(DataScope.region("320506"), null);
		Map<Long, OutletView> views = outlets.readable(DataScope.all(), wuzhong.stream().map(c -> c.outletId()).toList());
		assertThat(wuzhong).filteredOn(c -> brand.equals(views.get(c.outletId()).brandId()))
			.isNotEmpty()
			.allSatisfy(c -> assertThat(c.machine()).isNotNull());
		assertThat(coverage.enterprises(DataScope.region("3205"))).isNotEmpty();
		mvc.perform(get("/safety/coverage").header("Authorization", CITY)).andExpect(status().isOk());
		mvc.perform(get("/safety/coverage?enterprise=" + wuzhong.get(0).enterpriseId()).header("Authorization", CITY))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/safety/coverage").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isOk());
	}

	ScreeningCoverage.OutletCoverage coverageOf(OutletView outlet) {
		return coverage.outlets(DataScope.region("3205"), outlet.enterpriseId()).stream()
			.filter(c -> c.outletId() == outlet.id())
			.findFirst()
			.orElseThrow();
	}
}
