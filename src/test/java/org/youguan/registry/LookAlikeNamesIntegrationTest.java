package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.Brands.BrandData;
import org.youguan.registry.internal.branches.BranchImport;
import org.youguan.registry.internal.facilities.FacilityImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry's duplicate-name rules compare names and addresses under {@code Text.folded}: a look-alike — full-width
 * letters or digits, spaces inside, another Latin case — is the name it looks like, for an outlet (409, field name), a
 * brand and its short name (field errors rule unique) and the branch and facility imports (the row refused, unique).
 */
@IntegrationTest
class LookAlikeNamesIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	Outlets outlets;

	@Autowired
	Brands brands;

	@Autowired
	Enterprises enterprises;

	@Autowired
	BranchImport branchImport;

	@Autowired
	FacilityImport facilityImport;

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	String freshEnterprise() {
		String code = RegistryIntegrationTest.creditCode();
		enterprises.register(SUZHOU, new EnterpriseData("形似测试快递有限公司" + suffix(), code, EnterpriseType.EXPRESS, null,
				"张三", "测试路1号", "320506", "李四", "13912345678"), false);
		return code;
	}

	OutletData outlet(long operator, String name, String address) {
		return new OutletData(name, operator, null, "FRANCHISE", address, "320506001", null, null, "王五",
				RegistryIntegrationTest.idNumber(), "13812345678", BigDecimal.TEN, true, true, true, true,
				LocalDate.of(2026, 3, 1));
	}

	@Test
	void anOutletWhoseNameOrAddressDiffersOnlyInWidthOrSpacesIsRefusedAsTheSameOutlet() {
		String s = suffix();
		long operator = enterprises.findByCreditCode(freshEnterprise()).orElseThrow().id();
		long id = outlets.register(SUZHOU, outlet(operator, "GJ速运" + s, "越溪路26号" + s), false);
		for (OutletData twin : List.of(outlet(operator, "ＧＪ速运" + s, "越溪路26号" + s),
				outlet(operator, "gj 速运" + s, "越溪路２６号" + s), outlet(operator, "GJ\u3000速运" + s, "越溪路 26 号" + s))) {
			assertThatThrownBy(() -> outlets.register(SUZHOU, twin, false))
				.isInstanceOfSatisfying(DomainException.class, ex -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE);
					assertThat(ex.code().status()).isEqualTo(409);
					assertThat(ex.fieldErrors()).extracting(FieldError::field).containsExactly("name");
					assertThat(ex.getMessage()).contains("同一地址已有同名网点");
				});
		}
		// its own name typed with a space is no twin of itself; another address is another outlet
		outlets.correct(SUZHOU, id, outlet(operator, "GJ 速运" + s, "越溪路26号" + s));
		outlets.register(SUZHOU, outlet(operator, "GJ速运" + s, "越溪路28号" + s), false);
	}

	@Test
	void aBrandOrShortNameDifferingOnlyInWidthOrSpacesIsTaken() {
		String s = suffix();
		brands.create(new BrandData("攻击速运" + s, "攻" + s, null), false);
		assertThatThrownBy(() -> brands.create(new BrandData("攻击 速运" + s.toUpperCase(), "另" + s, null), false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(Tuple.tuple("name", "unique")));
		String wide = "攻" + s.chars().mapToObj(c -> String.valueOf((char) (c >= '!' && c <= '~' ? c + 0xFEE0 : c)))
			.reduce("", String::concat);
		assertThatThrownBy(() -> brands.create(new BrandData("另一品牌" + s, wide, null), false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field).containsExactly("shortName"));
	}

	/**
	 * Finding (branch and facility names unique under folded only), with the look-alikes before it: a name differing
	 * from a stored or an earlier row's only in width or spaces (ＧＪ 分公司), or in punctuation or brackets (GJ·分公司,
	 * （GJ）柜), is that name — the imports refuse it (rule unique), as Branches.exists and Facilities.exists answer
	 * (Text.textKey); a facility's address still tells 1-2号 from 12号.
	 */
	@Test
	void theBranchAndFacilityImportsRefuseALookAlikeOfAStoredOrAnEarlierRow() {
		record Twins(List<String> branches, List<List<String>> facilities) {
		}
		List<java.util.function.Function<String, Twins>> cases = List.of(
				s -> new Twins(List.of("ＧＪ 分公司" + s, "乙分公司" + s, "乙\u3000分公司" + s), List.of(List.of("ＧＪ柜" + s, "越溪路２６号" + s),
						List.of("乙柜" + s, "越溪路30号" + s), List.of("乙 柜" + s, "越溪路 30号" + s))),
				s -> new Twins(List.of("GJ·分公司" + s, "乙分公司" + s, "（乙）分公司" + s), List.of(List.of("（GJ）柜" + s, "越溪路26号" + s),
						List.of("乙柜" + s, "越溪路1-2号" + s), List.of("乙·柜" + s, "越溪路1-2号" + s),
						// no twin of row 3: the address keeps its hyphen
						List.of("乙柜" + s, "越溪路12号" + s))));
		for (var twinsOf : cases) {
			String s = suffix();
			Twins twins = twinsOf.apply(s);
			refusedTwins(freshEnterprise(), List.of("GJ分公司" + s), twins.branches(), List.of(List.of("GJ柜" + s, "越溪路26号" + s)),
					twins.facilities());
		}
	}

	/**
	 * Imports the branches {@code stored} and the facilities {@code storedFacilities} (name, address) of the holder,
	 * then the {@code twins} of each: the rows 2 and 4 of each second file are refused as twins (rule unique).
	 */
	void refusedTwins(String holder, List<String> stored, List<String> twins, List<List<String>> storedFacilities,
			List<List<String>> facilityTwins) {
		assertThat(branchImport.importFile(SUZHOU, Workbooks.of(BranchImport.HEADERS, stored.stream()
			.map(name -> branchRow(name, holder)).toList())).imported()).isEqualTo(stored.size());
		var branches = branchImport.importFile(SUZHOU, Workbooks.of(BranchImport.HEADERS, twins.stream()
			.map(name -> branchRow(name, holder)).toList()));
		assertThat(branches.errors()).extracting(RowErrors::number).containsExactly(2, 4);
		assertThat(branches.errors()).allSatisfy(r -> assertThat(r.errors()).extracting(FieldError::rule).contains("unique"));
		assertThat(facilityImport.importFile(SUZHOU, Workbooks.of(FacilityImport.HEADERS, storedFacilities.stream()
			.map(f -> facilityRow(f, holder)).toList())).imported()).isEqualTo(storedFacilities.size());
		var facilities = facilityImport.importFile(SUZHOU, Workbooks.of(FacilityImport.HEADERS, facilityTwins.stream()
			.map(f -> facilityRow(f, holder)).toList()));
		assertThat(facilities.errors()).extracting(RowErrors::number).containsExactly(2, 4);
		assertThat(facilities.errors()).allSatisfy(r -> assertThat(r.errors()).extracting(FieldError::rule).contains("unique"));
	}

	/** A branch import's row: the name, the holder, at 示例路9号 for a 乙 branch, 示例路8号 for any other. */
	static List<String> branchRow(String name, String holder) {
		return List.of(name, holder, "", "320506001", name.contains("乙") ? "示例路9号" : "示例路8号", "赵六", "2026-01-05",
				"2026-01-12");
	}

	/** A facility import's row: a parcel locker of the holder, its name and address. */
	static List<String> facilityRow(List<String> nameAndAddress, String holder) {
		return List.of("智能快件箱", nameAndAddress.get(0), holder, "320506001", nameAndAddress.get(1), "60", "", "",
				"2025-06-01");
	}
}
