package org.youguan.org;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class OrganisationIntegrationTest {

	@Autowired
	Bureaus bureaus;

	@Autowired
	Departments departments;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	AuditTrail audit;

	CurrentUser cityAdmin() {
		return directory.principal("sz.admin").orElseThrow();
	}

	long wuzhong() {
		return bureaus.findByRegion("320506").orElseThrow().id();
	}

	@Test
	void theDemoCityHasItsHierarchy() {
		BureauView city = bureaus.findByRegion("3205").orElseThrow();
		assertThat(city.name()).isEqualTo("苏州市邮政管理局");
		assertThat(city.parentName()).isEqualTo("江苏省邮政管理局");
		assertThat(departments.ofBureau(city.id())).extracting(DepartmentView::name)
			.containsExactly("办公室", "普遍服务处", "市场监管处", "市邮政业安全发展中心");
		assertThat(bureaus.list(DataScope.region("3205"), new PageQuery("", 0, 50, null, false)).total()).isEqualTo(11);
	}

	@Test
	void rejectsABureauWhoseLevelDoesNotMatchItsRegion() {
		assertThatThrownBy(() -> bureaus.create(DataScope.all(),
				new BureauData("错误的局", null, BureauLevel.CITY, "320506", null, null, null)))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::rule)
				.contains("level-match"));
	}

	@Test
	void rejectsARegionThatDoesNotExistOrIsMalformed() {
		assertThatThrownBy(() -> bureaus.create(DataScope.all(),
				new BureauData("不存在的局", null, BureauLevel.COUNTY, "329999", null, null, null)))
			.hasMessageContaining("不存在");
		assertThatThrownBy(() -> bureaus.create(DataScope.all(),
				new BureauData("格式错误的局", null, BureauLevel.COUNTY, "32A", null, null, null)))
			.hasMessageContaining("数字");
	}

	@Test
	void aBureauOutsideTheScopeCannotBeCreatedOrRead() {
		long nanjingParent = bureaus.findByRegion("32").orElseThrow().id();
		assertThatThrownBy(() -> bureaus.create(DataScope.region("3205"),
				new BureauData("南京市邮政管理局", null, BureauLevel.CITY, "3201", nanjingParent, null, null)))
			.hasMessageContaining("管辖范围");
		long province = bureaus.findByRegion("32").orElseThrow().id();
		assertThat(bureaus.find(DataScope.region("3205"), province)).isEmpty();
	}

	@Test
	void createsAUserWithATemporaryPasswordThatMustBeChanged() {
		String name = "new." + UUID.randomUUID().toString().substring(0, 6);
		CreatedUser created = users.create(cityAdmin(), new UserData(name, "新同事", UserKind.STAFF, wuzhong(), null, null,
				"13912345678", EnumSet.of(Role.STAFF)));
		assertThat(created.temporaryPassword()).hasSize(12);
		PasswordPolicy.check("p", name, created.temporaryPassword());
		UserView view = users.get(DataScope.region("3205"), created.id());
		assertThat(view.mustChangePassword()).isTrue();
		assertThat(view.phoneMasked()).isEqualTo("139****5678");
		assertThat(audit.history(DataScope.region("320506"), "User", created.id())).extracting(e -> e.action())
			.containsExactly("user.create");
		assertThat(audit.history(DataScope.region("320506"), "User", created.id()).get(0).afterState())
			.doesNotContain("13912345678").doesNotContain("password");
	}

	@Test
	void aBureauAdministratorCannotGrantSystemAdministration() {
		assertThatThrownBy(() -> users.create(cityAdmin(), new UserData("x.sys", "越权", UserKind.STAFF, wuzhong(), null,
				null, null, EnumSet.of(Role.SYSTEM_ADMIN))))
			.isInstanceOf(AccessRefusedException.class)
			.hasMessageContaining("系统管理员");
	}

	@Test
	void reportsEveryBadFieldOfAUserAtOnce() {
		assertThatThrownBy(() -> users.create(cityAdmin(),
				new UserData("A", "", UserKind.ENTERPRISE, null, null, "123", "123", Set.of(Role.ENTERPRISE))))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field)
				.contains("username", "displayName", "phone", "enterpriseCreditCode"));
	}

	@Test
	void rejectsADuplicateUserNameAndDepartment() {
		assertThatThrownBy(() -> users.create(cityAdmin(), new UserData("sz.market", "重复", UserKind.STAFF, wuzhong(),
				null, null, null, EnumSet.of(Role.STAFF)))).isInstanceOf(DomainException.class)
			.hasMessageContaining("已存在");
		assertThatThrownBy(() -> departments.create(DataScope.region("3205"), wuzhong(), "综合科", null, 0))
			.hasMessageContaining("已有处室");
	}

	@Test
	void disablingAndUnlockingAreGuardedTransitions() {
		String name = "g." + UUID.randomUUID().toString().substring(0, 6);
		long id = users.create(cityAdmin(), new UserData(name, "状态", UserKind.STAFF, wuzhong(), null, null, null,
				EnumSet.of(Role.STAFF))).id();
		assertThatThrownBy(() -> users.unlock(cityAdmin(), id)).hasMessageContaining("未被锁定");
		users.disable(cityAdmin(), id);
		assertThatThrownBy(() -> users.disable(cityAdmin(), id)).hasMessageContaining("已停用");
		assertThat(directory.principal(name).orElseThrow().isEnabled()).isFalse();
		users.enable(cityAdmin(), id);
		assertThat(directory.principal(name).orElseThrow().isEnabled()).isTrue();
		assertThatThrownBy(() -> users.disable(cityAdmin(), cityAdmin().id())).hasMessageContaining("自己");
	}

	@Test
	void aDepartmentIsDeactivatedAndReactivatedThroughGuardedAuditedTransitions() {
		DataScope city = DataScope.region("3205");
		long id = departments.create(city, wuzhong(), "临时专班" + UUID.randomUUID().toString().substring(0, 4), null, 9);
		departments.deactivate(city, id);
		assertThat(departments.get(city, id).active()).isFalse();
		assertThat(departments.ofBureau(wuzhong())).extracting(DepartmentView::id).doesNotContain(id);
		assertThatThrownBy(() -> departments.deactivate(city, id)).hasMessageContaining("已停用");
		departments.activate(city, id);
		assertThat(departments.get(city, id).active()).isTrue();
		assertThat(audit.history(city, "Department", id)).extracting(e -> e.action())
			.containsExactly("department.activate", "department.deactivate", "department.create");
		assertThatThrownBy(() -> departments.deactivate(DataScope.region("320583"), id)).hasMessageContaining("不存在");
	}

	/**
	 * A department that enabled accounts still belong to is not deactivated (their edit form could no longer keep it):
	 * 409 naming {@code id}, rule {@code has-users}, with how many accounts to move first. Moved or disabled, it is.
	 */
	@Test
	void aDepartmentWithEnabledUsersIsNotDeactivatedUntilTheyAreMoved() {
		DataScope city = DataScope.region("3205");
		long id = departments.create(city, wuzhong(), "人员专班" + UUID.randomUUID().toString().substring(0, 4), null, 9);
		String a = "dep." + UUID.randomUUID().toString().substring(0, 6);
		String b = "dep." + UUID.randomUUID().toString().substring(0, 6);
		long first = users.create(cityAdmin(), new UserData(a, "甲", UserKind.STAFF, wuzhong(), id, null, null,
				EnumSet.of(Role.STAFF))).id();
		long second = users.create(cityAdmin(), new UserData(b, "乙", UserKind.STAFF, wuzhong(), id, null, null,
				EnumSet.of(Role.STAFF))).id();
		assertThatThrownBy(() -> departments.deactivate(city, id)).isInstanceOf(DomainException.class)
			.hasMessageContaining("2个启用的用户")
			.satisfies(ex -> {
				assertThat(((DomainException) ex).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
				assertThat(((DomainException) ex).fieldErrors()).extracting(e -> e.field() + "/" + e.rule())
					.containsExactly("id/has-users");
			});
		assertThat(departments.get(city, id).active()).isTrue();
		users.disable(cityAdmin(), first);
		users.update(cityAdmin(), second, new UserData(b, "乙", UserKind.STAFF, wuzhong(), null, null, null,
				EnumSet.of(Role.STAFF)));
		departments.deactivate(city, id);
		assertThat(departments.get(city, id).active()).isFalse();
	}

	@Test
	void aDepartmentNameDifferingOnlyInWidthSpacesOrLatinCaseIsTheSameDepartment() {
		DataScope city = DataScope.region("3205");
		String s = UUID.randomUUID().toString().substring(0, 4);
		long id = departments.create(city, wuzhong(), "GJ专班" + s, null, 9);
		for (String twin : List.of("ＧＪ专班" + s, "gj 专班" + s, "G J\u3000专班" + s.toUpperCase())) {
			assertThatThrownBy(() -> departments.create(city, wuzhong(), twin, null, 9))
				.isInstanceOfSatisfying(DomainException.class, ex -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE);
					assertThat(ex.code().status()).isEqualTo(409);
					assertThat(ex.fieldErrors()).extracting(FieldError::field).containsExactly("name");
					assertThat(ex.getMessage()).contains("已有处室");
				});
		}
		long other = departments.create(city, wuzhong(), "乙专班" + s, null, 9);
		assertThatThrownBy(() -> departments.update(city, other, "ＧＪ 专班" + s, null, 9))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE));
		// its own name typed with a space is no twin of itself
		departments.update(city, id, "GJ 专班" + s, null, 9);
		assertThat(departments.get(city, id).name()).isEqualTo("GJ 专班" + s);
	}

	/**
	 * Finding (name uniqueness still on folded): a department's name is compared as every twin rule compares a text
	 * (Text.textKey) — GJ·专班, GJ专班。 and （GJ）专班 are GJ专班 — by the check (409, field name) and by the unique
	 * index of V346 when a row is written past the check; a bureau's name alike.
	 */
	@Test
	void aDepartmentOrBureauNameDifferingOnlyInPunctuationIsTheSameName(@Autowired JdbcClient jdbc) {
		DataScope city = DataScope.region("3205");
		String s = UUID.randomUUID().toString().substring(0, 4);
		long id = departments.create(city, wuzhong(), "GJ专班" + s, null, 9);
		for (String twin : List.of("GJ·专班" + s, "GJ专班" + s + "。", "（GJ）专班" + s, "GJ-专班" + s)) {
			assertThatThrownBy(() -> departments.create(city, wuzhong(), twin, null, 9)).as(twin)
				.isInstanceOfSatisfying(DomainException.class, ex -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE);
					assertThat(ex.fieldErrors()).extracting(FieldError::field).containsExactly("name");
				});
		}
		long other = departments.create(city, wuzhong(), "乙专班" + s, null, 9);
		assertThatThrownBy(() -> departments.update(city, other, "GJ、专班" + s, null, 9))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE));
		// its own name with a mark is no twin of itself
		departments.update(city, id, "GJ·专班" + s, null, 9);
		assertThat(departments.get(city, id).name()).isEqualTo("GJ·专班" + s);
		assertThatThrownBy(() -> jdbc.sql("INSERT INTO department (bureau_id, name, sort_order, created_at) VALUES (:b, :n, 9, now())")
			.param("b", wuzhong()).param("n", "GJ专班" + s + "！").update())
			.as("the index holds it past the check").isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
		assertThatThrownBy(() -> jdbc.sql("UPDATE bureau SET name = '苏州市·邮政管理局' WHERE region_code = '320506'").update())
			.isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
	}

	@Test
	void aDepartmentNameTypedWithWideOrDoubledSpacesIsStoredWithOneAndIsTheSameDepartment() {
		DataScope city = DataScope.region("3205");
		String s = UUID.randomUUID().toString().substring(0, 4);
		long id = departments.create(city, wuzhong(), "  临时\u3000\u3000专班" + s + "  ", null, 9);
		assertThat(departments.get(city, id).name()).isEqualTo("临时 专班" + s);
		assertThatThrownBy(() -> departments.create(city, wuzhong(), "临时  专班" + s, null, 9))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("已有处室“临时 专班" + s + "”");
		assertThatThrownBy(() -> departments.create(city, wuzhong(), "临时\u200B专班" + s, null, 9))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::rule)
				.contains("invisible-character"));
		String user = "n." + s;
		long userId = users.create(cityAdmin(), new UserData(user, "欧阳\u3000娜娜", UserKind.STAFF, wuzhong(), null, null,
				null, EnumSet.of(Role.STAFF))).id();
		assertThat(users.get(city, userId).displayName()).isEqualTo("欧阳 娜娜");
	}

	/**
	 * A department's duties are free text: zero-width characters and bidirectional marks inside are removed as from
	 * every free text (Text.freeText), on creation and on a change; its name stays held to the name rule.
	 */
	@Test
	void aDepartmentsDutiesAreStoredAsFreeText() {
		DataScope city = DataScope.region("3205");
		String s = UUID.randomUUID().toString().substring(0, 4);
		long id = departments.create(city, wuzhong(), "职责专班" + s, " 负责\u200B网点\u200E备案\uFEFF ", 9);
		assertThat(departments.get(city, id).duties()).isEqualTo("负责网点备案");
		departments.update(city, id, "职责专班" + s, "负责\u2060许可\u061C核查", 9);
		assertThat(departments.get(city, id).duties()).isEqualTo("负责许可核查");
	}
}
