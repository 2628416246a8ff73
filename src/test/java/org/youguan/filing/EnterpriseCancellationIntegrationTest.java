package org.youguan.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.CreditCodes;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseCancelled;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An enterprise cancelled (注销) on the register takes its outlets with it: the filing module hears the registry's
 * {@link EnterpriseCancelled} after the cancellation commits, closes each filed outlet as an approved closure filing
 * with the cancellation as its reason (audited; the registry closes the outlet), refuses its undecided filings with the
 * same reason, and accepts no new filing from it.
 */
@IntegrationTest
class EnterpriseCancellationIntegrationTest {

	static final DataScope ALL = DataScope.all();

	@Autowired
	OutletFilings filings;

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Brands brands;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	static OutletData outlet(long enterpriseId, String name) {
		String first17 = "32050619850315" + String.format("%03d", (int) (Math.random() * 1000));
		return new OutletData(name, enterpriseId, null, "FRANCHISE", "吴中区注销路" + UUID.randomUUID().toString().substring(0, 6)
				+ "号", "320506001", null, null, "周九", first17 + IdCardNumber.checkCharacter(first17), "13712345678",
				new BigDecimal("40"), true, true, true, true, LocalDate.of(2026, 1, 5));
	}

	@Test
	void cancellingAnEnterpriseClosesItsFiledOutletsAndRefusesItsPendingFilingsNamingTheCancellation() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String code = CreditCodes.unique();
		String legalName = "注销测试快递有限公司" + suffix;
		long enterprise = enterprises.register(ALL, new EnterpriseData(legalName, code, EnterpriseType.EXPRESS,
				brands.findByShortName("顺丰").orElseThrow().id(), "张三", "测试路1号", "320506", "李四", "13912345678"), false);
		long filed = outlets.registerOnRecord(ALL, outlet(enterprise, "注销测试驿站甲" + suffix), "吴备" + suffix + "01");
		long other = outlets.registerOnRecord(ALL, outlet(enterprise, "注销测试驿站乙" + suffix), "吴备" + suffix + "02");
		String account = "zx." + suffix;
		users.provision(new UserData(account, "注销测试", UserKind.ENTERPRISE, null, null, code, null, EnumSet.of(Role.ENTERPRISE)),
				"Cancel#2026a", false, false);
		CurrentUser user = directory.principal(account).orElseThrow();
		long pendingNew = filings.submitNew(user, outlet(0, "注销测试驿站丙" + suffix), OutletFilingIntegrationTest.completeAttachments());
		long pendingClosure = filings.submitClosure(user, other, "拟停止经营");

		enterprises.cancel(ALL, enterprise, "企业已办理市场主体注销登记");

		await().untilAsserted(() -> {
			assertThat(outlets.get(ALL, filed).status()).isEqualTo(OutletStatus.CLOSED);
			assertThat(outlets.get(ALL, other).status()).isEqualTo(OutletStatus.CLOSED);
			// attack round 4: the cancelled enterprise's accounts kept signing in, issuing tokens and reporting
			assertThat(directory.principal(account).orElseThrow().isEnabled()).as("its account is disabled").isFalse();
		});
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'user.disable' AND object_type = 'User'"
				+ " AND object_id = :id").param("id", String.valueOf(user.id())).query(String.class).list())
			.singleElement().asString().contains(account, "注销");
		String reason = "企业" + legalName + "（" + code + "）已于";
		// the undecided filings are refused with the cancellation as their reason
		for (long pending : List.of(pendingNew, pendingClosure)) {
			assertThat(filings.get(ALL, pending).status()).isEqualTo(FilingStatus.REJECTED);
			assertThat(jdbc.sql("SELECT decision_note FROM outlet_filing WHERE id = :id").param("id", pending)
				.query(String.class).single()).startsWith(reason).contains("注销，备案不再办理");
		}
		// each filed outlet is closed by an approved closure filing naming the cancellation, audited once
		List<Map<String, Object>> closures = jdbc.sql("""
				SELECT id, outlet_id, decision_note FROM outlet_filing WHERE enterprise_credit_code = :code
				AND kind = 'CLOSURE' AND status = 'APPROVED' ORDER BY outlet_id""")
			.param("code", code)
			.query()
			.listOfRows();
		assertThat(closures).extracting(r -> ((Number) r.get("outlet_id")).longValue()).containsExactlyInAnyOrder(filed, other);
		assertThat(closures).allSatisfy(r -> assertThat((String) r.get("decision_note")).startsWith(reason)
			.contains("注销，网点随之撤销"));
		for (Map<String, Object> c : closures) {
			assertThat(jdbc.sql("""
					SELECT summary FROM audit_event WHERE action = 'filing.close-cancelled' AND object_type = 'OutletFiling'
					AND object_id = :id""").param("id", String.valueOf(c.get("id"))).query(String.class).list())
				.singleElement().asString().contains(legalName, "注销");
		}
		// heard again (a redelivery), nothing more changes
		assertThat(filings.closeForCancelledEnterprise(new EnterpriseCancelled(enterprise, code, legalName,
				LocalDate.now(ChinaTime.ZONE)))).isEqualTo(new OutletFilings.Cancelled(0, 0));
		// and the cancelled enterprise files nothing more
		assertThatThrownBy(() -> filings.submitNew(user, outlet(0, "注销测试驿站丁" + suffix),
				OutletFilingIntegrationTest.completeAttachments())).hasMessageContaining("已注销");
		// attack round 10: an administrator switched the account back on, or opened a new one, and it reported again
		CurrentUser admin = directory.principal("sys.admin").orElseThrow();
		assertThatThrownBy(() -> users.enable(admin, user.id()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> assertThat(e.rule()).isEqualTo("cancelled")));
		assertThat(directory.principal(account).orElseThrow().isEnabled()).isFalse();
		assertThatThrownBy(() -> users.create(admin, new UserData("zx2." + suffix, "注销测试二", UserKind.ENTERPRISE, null, null,
				code, null, EnumSet.of(Role.ENTERPRISE))))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.rule()).isEqualTo("cancelled")));
		assertThat(directory.principal("zx2." + suffix)).isEmpty();
	}

	@Test
	void anEnterpriseMovedToAnotherCountyTakesItsAccountsWithIt() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String code = CreditCodes.unique();
		long enterprise = enterprises.register(ALL, new EnterpriseData("迁址测试快递有限公司" + suffix, code, EnterpriseType.EXPRESS,
				null, "张三", "测试路1号", "320506", "李四", "13912345678"), false);
		String account = "qz." + suffix;
		long id = users.provision(new UserData(account, "迁址测试", UserKind.ENTERPRISE, null, null, code, null,
				EnumSet.of(Role.ENTERPRISE)), "Move#2026a", false, false);

		enterprises.update(ALL, enterprise, new EnterpriseData("迁址测试快递有限公司" + suffix, code, EnterpriseType.EXPRESS,
				null, "张三", "昆山市前进路1号", "320583", "李四", null));

		// attack round 10: the account stayed in 吴中, managed by 吴中's administrators and hidden from 昆山's
		await().untilAsserted(() -> assertThat(jdbc.sql("SELECT region_code FROM user_account WHERE id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("320583"));
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'user.update' AND object_type = 'User'"
				+ " AND object_id = :id").param("id", String.valueOf(id)).query(String.class).list())
			.singleElement().asString().contains(account, "320583");
	}
}
