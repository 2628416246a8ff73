package org.youguan.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The filing owns a proposed outlet until the bureau decides; the registry adds, changes or closes the outlet when it
 * hears the decision (an asynchronous module listener after the filing's transaction commits), and never holds a
 * proposal: not in the staff list, not in the public lookup.
 */
@IntegrationTest
@ExtendWith(FilingFixture.Monday28September.class)
class OutletFilingDecisionIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	OutletFilings filings;

	@Autowired
	Outlets outlets;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	FilingFixture fixture;

	CurrentUser shunfeng;

	@BeforeEach
	void signIn() {
		shunfeng = fixture.shunfeng();
	}

	static OutletData outlet(String name, String street, String manager, String phone) {
		String first17 = "32050619850315" + String.format("%03d", (int) (Math.random() * 1000));
		// the address names the street's county (an address naming another county than the one chosen is refused)
		String county = street.startsWith("320507") ? "相城区" : "吴中区";
		return new OutletData(name, 0, null, "FRANCHISE", county + "测试路" + UUID.randomUUID().toString().substring(0, 4) + "号",
				street, null, null, manager, first17 + IdCardNumber.checkCharacter(first17), phone, new BigDecimal("40"), true,
				true, true, true, LocalDate.of(2026, 9, 20));
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6);
	}

	long submitNew(String name) {
		return filings.submitNew(shunfeng, outlet(name, "320506001", "钱七", "13712345678"),
				OutletFilingIntegrationTest.completeAttachments());
	}

	OutletView awaitFiled(long filingId) {
		return fixture.awaitFiled(filingId);
	}

	boolean inRegistry(String name) {
		return outlets.list(DataScope.all(), Outlets.Filter.NONE, new PageQuery(name, 0, 20, null, false)).total() > 0;
	}

	boolean inPublicLookup(String name) {
		return outlets.publicList("320506001", "顺丰", new PageQuery("", 0, 100_000, null, false))
			.items()
			.stream()
			.anyMatch(o -> o.name().equals(name));
	}

	@Test
	void aProposalNeverReachesTheRegistryOrThePublicLookupBeforeApproval() throws Exception {
		String name = unique("顺丰驿站（提议");
		long id = submitNew(name);
		assertThat(filings.get(WUZHONG, id).outletId()).isNull();
		assertThat(inRegistry(name)).isFalse();
		assertThat(inPublicLookup(name)).isFalse();
		String page = mvc.perform(get("/public/lookup").param("region", "320506001").param("brand", "顺丰"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain(name);
		filings.notifyMissingItems(WUZHONG, id, "缺少门头照片");
		assertThat(inRegistry(name)).as("nor while missing items are awaited").isFalse();
	}

	@Test
	void approvalAddsTheOutletWhenTheRegistryHearsTheDecision() {
		String name = unique("顺丰驿站（准予");
		long id = submitNew(name);
		clock.set(LocalDateTime.of(2026, 9, 29, 9, 0));
		String number = filings.approve(WUZHONG, id, null);
		OutletView filed = awaitFiled(id);
		assertThat(filed.name()).isEqualTo(name);
		assertThat(filed.filingNumber()).isEqualTo(number).startsWith("网点备案-320506-2026-");
		assertThat(filed.managerIdMasked()).matches("320506\\*{8}\\d{3}[\\dX]");
		assertThat(filed.managerPhoneMasked()).isEqualTo("137****5678");
		assertThat(filed.brandName()).isEqualTo("顺丰");
		assertThat(filed.enterpriseName()).isEqualTo(filings.get(WUZHONG, id).enterpriseName());
		assertThat(inPublicLookup(name)).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM terminal_outlet WHERE name = :n").param("n", name).query(Long.class).single())
			.as("added once").isEqualTo(1);
	}

	@Test
	void anApprovedChangeIsAppliedBeforeToAfterAndTheOperatorStays() {
		long first = submitNew(unique("顺丰驿站（变更前"));
		filings.approve(WUZHONG, first, null);
		OutletView before = awaitFiled(first);
		String renamed = unique("顺丰驿站（变更后");
		OutletData proposed = outlet(renamed, "320506003", "孙八", "13698765432");
		long change = filings.submitChange(shunfeng, before.id(), proposed, LocalDate.of(2026, 9, 27), "更名、迁址、更换负责人",
				List.of());
		assertThat(outlets.get(WUZHONG, before.id()).name()).as("nothing changes before the decision").isEqualTo(before.name());
		filings.approve(WUZHONG, change, null);
		await().untilAsserted(() -> assertThat(outlets.get(WUZHONG, before.id()).name()).isEqualTo(renamed));
		OutletView after = outlets.get(WUZHONG, before.id());
		assertThat(after.address()).isEqualTo(proposed.address());
		assertThat(after.regionCode()).isEqualTo("320506003");
		assertThat(after.managerName()).isEqualTo("孙八");
		assertThat(after.managerPhoneMasked()).isEqualTo("136****5432");
		assertThat(after.filingNumber()).isEqualTo(before.filingNumber());
		assertThat(after.enterpriseId()).isEqualTo(before.enterpriseId());
		assertThat(after.status()).isEqualTo(OutletStatus.FILED);
	}

	@Test
	void anOutletLackingOneOfTheFiveFacilitiesIsNotFiledNorChangedIntoOneThatLacksIt() {
		// attack round 10: filed without communications, with a receipt saying it complied
		OutletData lacking = outlet(unique("顺丰驿站（缺设施"), "320506001", "钱七", "13712345678");
		lacking = new OutletData(lacking.name(), 0, null, "FRANCHISE", lacking.address(), lacking.regionCode(), null, null,
				lacking.managerName(), lacking.managerIdNumber(), lacking.managerPhone(), lacking.storageArea(), false, true,
				false, true, lacking.openedOn());
		long id = filings.submitNew(shunfeng, lacking, OutletFilingIntegrationTest.completeAttachments());
		assertThatThrownBy(() -> filings.approve(WUZHONG, id, null))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo("facilities");
				assertThat(e.rule()).isEqualTo("incomplete");
				assertThat(e.message()).contains("通信设备", "视频监控").doesNotContain("货架");
			}));
		assertThat(filings.get(WUZHONG, id).status()).isEqualTo(FilingStatus.SUBMITTED);
		// a reason is long free text: a zero-width space inside it is removed as it is stored (Text.freeText)
		filings.reject(WUZHONG, id, "缺少通信\u200B设备和视频\u2060监控");
		assertThat(filings.get(WUZHONG, id).status()).isEqualTo(FilingStatus.REJECTED);
		assertThat(filings.get(WUZHONG, id).decisionNote()).isEqualTo("缺少通信设备和视频监控");

		long first = submitNew(unique("顺丰驿站（变更缺设施"));
		filings.approve(WUZHONG, first, null);
		OutletView filed = awaitFiled(first);
		OutletData dropped = outlet(filed.name(), "320506001", "钱七", "13712345678");
		long change = filings.submitChange(shunfeng, filed.id(), new OutletData(dropped.name(), 0, null, "FRANCHISE",
				dropped.address(), "320506001", null, null, dropped.managerName(), dropped.managerIdNumber(),
				dropped.managerPhone(), dropped.storageArea(), true, true, true, false, dropped.openedOn()),
				LocalDate.of(2026, 9, 27), "取下门头", List.of());
		assertThatThrownBy(() -> filings.approve(WUZHONG, change, null)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.fieldErrors()).singleElement().satisfies(e -> assertThat(e.message()).contains("品牌标识")));
	}

	@Test
	void aChangeCannotMoveAnOutletToAnotherCounty() {
		// attack round 10: 吴中 approved a change into 相城, and the outlet left 吴中's register under 吴中's number
		long first = submitNew(unique("顺丰驿站（迁县"));
		filings.approve(WUZHONG, first, null);
		OutletView filed = awaitFiled(first);
		OutletData moved = outlet(filed.name(), "320507001", "钱七", "13712345678");
		assertThatThrownBy(() -> filings.submitChange(shunfeng, filed.id(), moved, LocalDate.of(2026, 9, 27), "迁至相城区",
				List.of()))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> {
					assertThat(e.field()).isEqualTo("regionCode");
					assertThat(e.rule()).isEqualTo("other-county");
					assertThat(e.message()).contains("撤销备案", "新的备案");
				}));
		// within the county the change stands
		long change = filings.submitChange(shunfeng, filed.id(), outlet(filed.name(), "320506003", "钱七", "13712345678"),
				LocalDate.of(2026, 9, 27), "迁至本区另一街道", List.of());
		filings.approve(WUZHONG, change, null);
		await().untilAsserted(() -> assertThat(outlets.get(WUZHONG, filed.id()).regionCode()).isEqualTo("320506003"));
	}

	@Test
	void anApprovedClosureClosesTheOutlet() {
		long first = submitNew(unique("顺丰驿站（撤销"));
		filings.approve(WUZHONG, first, null);
		OutletView filed = awaitFiled(first);
		long closure = filings.submitClosure(shunfeng, filed.id(), "停止经营");
		assertThat(outlets.get(WUZHONG, filed.id()).status()).isEqualTo(OutletStatus.FILED);
		filings.approve(WUZHONG, closure, null);
		await().untilAsserted(() -> assertThat(outlets.get(WUZHONG, filed.id()).status()).isEqualTo(OutletStatus.CLOSED));
		assertThat(inPublicLookup(filed.name())).isFalse();
		// closed as of the approval's day: parcel records accepted there from that day on are refused
		assertThat(outlets.filedOutlets(shunfeng.enterpriseCreditCode()).get(filed.filingNumber()))
			.contains(LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE));
	}

	/**
	 * The outlet names the public lookup API answers for 320506001 and 顺丰, every page (each page is remembered until
	 * the next audited change, registry.internal.PublicLookup).
	 */
	String publicApiNames() throws Exception {
		StringBuilder names = new StringBuilder();
		for (int page = 0; page < 50; page++) {
			String body = mvc.perform(get("/api/v1/public/outlets").param("region", "320506001").param("brand", "顺丰")
				.param("page", String.valueOf(page))).andReturn().getResponse().getContentAsString();
			names.append(body);
			long total = Long.parseLong(body.replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
			if ((page + 1) * 20L >= total) {
				return names.toString();
			}
		}
		throw new AssertionError("more than 50 pages");
	}

	@Test
	void theRememberedPublicLookupShowsAnApprovedOutletAndDropsAClosedOneAtOnce() throws Exception {
		String name = unique("顺丰驿站（公示");
		assertThat(publicApiNames()).doesNotContain(name);
		assertThat(publicApiNames()).as("the same, now from memory").doesNotContain(name);
		long id = submitNew(name);
		assertThat(publicApiNames()).as("a proposal is no outlet").doesNotContain(name);
		filings.approve(WUZHONG, id, null);
		OutletView filed = awaitFiled(id);
		assertThat(publicApiNames()).as("the registry's audited addition is seen by the next view").contains(name);
		long closure = filings.submitClosure(shunfeng, filed.id(), "停止经营");
		filings.approve(WUZHONG, closure, null);
		await().untilAsserted(() -> assertThat(outlets.get(WUZHONG, filed.id()).status()).isEqualTo(OutletStatus.CLOSED));
		assertThat(publicApiNames()).as("closed").doesNotContain(name);
		String page = mvc.perform(get("/public/lookup").param("region", "320506001").param("brand", "顺丰"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain(name).contains("顺丰");
	}

	@Test
	void aRejectionLeavesTheRegistryUntouched() {
		String name = unique("顺丰驿站（不予");
		long id = submitNew(name);
		long outletsBefore = jdbc.sql("SELECT count(*) FROM terminal_outlet").query(Long.class).single();
		filings.reject(WUZHONG, id, "场地不具备视频监控");
		await().until(() -> jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE event_type LIKE '%Rejected' AND serialized_event LIKE :filing AND completion_date IS NOT NULL""")
			.param("filing", "%\"filingId\":" + id + ",%")
			.query(Long.class)
			.single() == 1);
		assertThat(jdbc.sql("SELECT count(*) FROM terminal_outlet").query(Long.class).single()).isEqualTo(outletsBefore);
		assertThat(inRegistry(name)).isFalse();
		assertThat(filings.get(WUZHONG, id).outletId()).isNull();
		assertThatThrownBy(() -> filings.approve(WUZHONG, id, null)).hasMessageContaining("不予备案");
	}

	@Test
	void theDecisionEventCarriesNoClearPersonalNumbers() {
		long id = submitNew(unique("顺丰驿站（密文"));
		filings.approve(WUZHONG, id, null);
		awaitFiled(id);
		String stored = jdbc.sql("SELECT serialized_event FROM event_publication WHERE event_type LIKE '%NewOutletApproved' "
				+ "AND serialized_event LIKE :filing").param("filing", "%\"filingId\":" + id + ",%").query(String.class).single();
		assertThat(stored).doesNotContain("13712345678").doesNotContain("3205061985");
	}
}
