package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.Races;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.Brands.BrandData;
import org.youguan.registry.internal.brands.BrandImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every registry name that must be unique is unique under the one twin key ({@code Text.textKey}, SQL {@code text_key}:
 * spaces, punctuation, brackets and full width aside) — a facility's (kind, name, address), a branch's (enterprise,
 * name), a brand's name and short name, an outlet's (name, address) — when two requests race (each on its own thread and
 * transaction: one is saved, the other refused on name, by the check or by the index of V353), when a twin is written
 * past every check (the index refuses it), and on an import whose rows are twins of each other (reported, nothing saved).
 */
@IntegrationTest
class RegistryNameTwinRacesIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	Facilities facilities;

	@Autowired
	Branches branches;

	@Autowired
	Brands brands;

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	BrandImport brandImport;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	long freshEnterprise() {
		String code = RegistryIntegrationTest.creditCode();
		return enterprises.register(SUZHOU, new EnterpriseData("孪生竞速快递有限公司" + suffix(), code, EnterpriseType.EXPRESS, null,
				"张三", "测试路1号", "320506", "李四", "13912345678"), false);
	}

	/**
	 * The two answers of a race of twins: one saved (its id), the other refused on {@code field} — by the check (400
	 * rule unique, or a 409 duplicate) or, past it, by the unique index (a DuplicateKeyException, 409 in ErrorHandling).
	 */
	static void oneSavedOneRefused(List<Object> answers, String field) {
		assertThat(answers).filteredOn(a -> a instanceof Long).hasSize(1);
		assertThat(answers).filteredOn(a -> !(a instanceof Long)).singleElement().satisfies(refused -> {
			if (refused instanceof InvalidValueException invalid) {
				assertThat(invalid.fieldErrors()).extracting(FieldError::field, FieldError::rule).contains(
						org.assertj.core.groups.Tuple.tuple(field, "unique"));
			}
			else if (refused instanceof DomainException duplicate) {
				assertThat(duplicate.code()).isEqualTo(ErrorCode.DUPLICATE);
				assertThat(duplicate.fieldErrors()).extracting(FieldError::field).containsExactly(field);
			}
			else {
				assertThat(refused).isInstanceOf(DuplicateKeyException.class);
			}
		});
	}

	long count(String sql, Object... params) {
		var spec = jdbc.sql(sql);
		for (int i = 0; i < params.length; i++) {
			spec = spec.param(i + 1, params[i]);
		}
		return spec.query(Long.class).single();
	}

	FacilityData locker(long owner, String name, String address) {
		return new FacilityData(FacilityKind.PARCEL_LOCKER, name, owner, "320506001", address, 60, null, null,
				LocalDate.of(2025, 6, 1));
	}

	@Test
	void twinFacilitiesRegisteredAtOnceAreOneAndTheIndexRefusesATwinWrittenPastTheCheck() throws Exception {
		String s = suffix();
		long owner = freshEnterprise();
		String address = "越溪路3-201号" + s;
		List<Callable<?>> calls = List.of(() -> facilities.register(SUZHOU, locker(owner, "竞速柜" + s, address), false),
				() -> facilities.register(SUZHOU, locker(owner, "竞速·柜" + s + "。", address), false));
		oneSavedOneRefused(Races.atOnce(calls), "name");
		assertThat(count("SELECT count(*) FROM facility WHERE text_key(name) = text_key(?)", "竞速柜" + s)).isOne();
		// another door of the street (its dash tells it apart) is another facility; written past the check, a twin
		// name at the first one's address meets the index (V353)
		long other = facilities.register(SUZHOU, locker(owner, "竞速柜" + s, "越溪路32-01号" + s), false);
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> jdbc.sql(
				"UPDATE facility SET name = '（竞速）柜' || ?, address = ? WHERE id = ?").param(1, s).param(2, address)
			.param(3, other).update())).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void twinBranchesFiledAtOnceAreOneAndTheIndexRefusesATwinWrittenPastTheCheck() throws Exception {
		String s = suffix();
		long parent = freshEnterprise();
		java.util.function.Function<String, BranchData> branch = name -> new BranchData(parent, null, name, "320506001",
				"示例路1号", "赵六", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12));
		List<Callable<?>> calls = List.of(() -> branches.file(SUZHOU, branch.apply("竞速分公司" + s), false),
				() -> branches.file(SUZHOU, branch.apply("竞速 分公司" + s + "！"), false));
		oneSavedOneRefused(Races.atOnce(calls), "name");
		assertThat(count("SELECT count(*) FROM branch WHERE enterprise_id = ? AND text_key(name) = text_key(?)", parent,
				"竞速分公司" + s)).isOne();
		long other = branches.file(SUZHOU, branch.apply("另一分公司" + s), false);
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> jdbc.sql(
				"UPDATE branch SET name = '【竞速】分公司' || ? WHERE id = ?").param(1, s).param(2, other).update()))
			.isInstanceOf(DuplicateKeyException.class);
		// another enterprise's branch of that name is its own
		long stranger = freshEnterprise();
		branches.file(SUZHOU, new BranchData(stranger, null, "竞速分公司" + s, "320506001", "示例路1号", "赵六",
				LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12)), false);
	}

	@Test
	void twinBrandsCreatedAtOnceAreOneAndTheIndexesRefuseATwinNameOrShortNameWrittenPastTheCheck() throws Exception {
		String s = suffix();
		List<Callable<?>> calls = List.of(() -> brands.create(new BrandData("竞速速运" + s, "竞" + s, null), false),
				() -> brands.create(new BrandData("竞速·速运" + s, "竞" + s + "。", null), false));
		List<Object> answers = Races.atOnce(calls);
		assertThat(answers).filteredOn(a -> a instanceof Long).hasSize(1);
		assertThat(count("SELECT count(*) FROM brand WHERE text_key(name) = text_key(?)", "竞速速运" + s)).isOne();
		// the check refuses a name differing by punctuation only (before: compared folded, so 竞速·速运 was another brand)
		assertThatThrownBy(() -> brands.create(new BrandData("“竞速”速运" + s, "另" + s, null), false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("name", "unique")));
		long other = brands.create(new BrandData("另一速运" + s, "另" + s, null), false);
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> jdbc.sql(
				"UPDATE brand SET name = '竞速速运' || ? || '!' WHERE id = ?").param(1, s).param(2, other).update()))
			.isInstanceOf(DuplicateKeyException.class);
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> jdbc.sql(
				"UPDATE brand SET short_name = '（竞）' || ? WHERE id = ?").param(1, s).param(2, other).update()))
			.isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void twinRowsOfOneBrandImportAreBothNamedAndNothingIsSaved() {
		String s = suffix();
		var result = brandImport.importFile(DataScope.all(), Workbooks.of(BrandImport.HEADERS, List.of(
				List.of("导入速运" + s, "导" + s, ""), List.of("导入·速运" + s + "。", "另导" + s, ""),
				List.of("第三速运" + s, "（导）" + s, ""))));
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(3, 4);
		assertThat(result.errors().get(0).errors()).extracting(FieldError::message).anySatisfy(m -> assertThat(m).contains("第2行"));
		assertThat(result.errors().get(1).errors()).extracting(FieldError::message).anySatisfy(m -> assertThat(m).contains("第2行"));
		assertThat(count("SELECT count(*) FROM brand WHERE name LIKE ?", "%" + s + "%")).isZero();
	}

	OutletData outlet(long operator, String name, String address) {
		return new OutletData(name, operator, null, "FRANCHISE", address, "320506001", null, null, "王五",
				RegistryIntegrationTest.idNumber(), "13812345678", BigDecimal.TEN, true, true, true, true,
				LocalDate.of(2026, 3, 1));
	}

	@Test
	void twinOutletsRegisteredAtOnceAreOneAndTheIndexRefusesATwinWrittenPastTheCheck() throws Exception {
		String s = suffix();
		long operator = freshEnterprise();
		String address = "越溪路8-1号" + s;
		List<Callable<?>> calls = List.of(() -> outlets.register(SUZHOU, outlet(operator, "竞速驿站" + s, address), false),
				() -> outlets.register(SUZHOU, outlet(operator, "竞速驿站（" + s + "）", address), false));
		oneSavedOneRefused(Races.atOnce(calls), "name");
		assertThat(count("SELECT count(*) FROM terminal_outlet WHERE text_key(name) = text_key(?)", "竞速驿站" + s)).isOne();
		// the check refuses a name differing by punctuation only (before: compared folded)
		assertThatThrownBy(() -> outlets.register(SUZHOU, outlet(operator, "竞速驿站·" + s, address), false))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE));
		// 8-1号 and 81号 are two doors
		long other = outlets.register(SUZHOU, outlet(operator, "竞速驿站" + s, "越溪路81号" + s), false);
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> jdbc.sql(
				"UPDATE terminal_outlet SET address = ? WHERE id = ?").param(1, address).param(2, other).update()))
			.isInstanceOf(DuplicateKeyException.class);
	}
}
