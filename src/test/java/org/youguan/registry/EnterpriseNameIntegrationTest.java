package org.youguan.registry;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.registry.internal.enterprises.EnterpriseImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One name, one enterprise (企业名称登记管理规定): an enterprise name another enterprise of the register holds that is not
 * cancelled (注销) is refused — compared under {@code Text.enterpriseNameKey}, so full-width letters and digits, spaces,
 * punctuation, brackets of another kind, traditional characters or 有限责任公司 for 有限公司 make no other name (股份有限公司
 * does) — on registration, on a correction that renames, on the .xlsx import (against the register and between the
 * file's rows) and on a licensing change (变更) of the name; a cancelled enterprise's name may be taken again.
 */
@IntegrationTest
class EnterpriseNameIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	Enterprises enterprises;

	@Autowired
	EnterpriseImport importer;

	@Autowired
	JdbcClient jdbc;

	static String suffix() {
		return org.youguan.RandomDigits.of(6);
	}

	static EnterpriseData data(String name, String code) {
		return new EnterpriseData(name, code, EnterpriseType.EXPRESS, null, "张三", "同名路1号", "320506", "李四", "13912345678");
	}

	long register(String name, String code) {
		return enterprises.register(SUZHOU, data(name, code), false);
	}

	static void refusedAsHeldBy(ThrowingCallable call, String holderCode) {
		assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE);
			assertThat(ex.code().status()).isEqualTo(409);
			assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple("legalName", "unique"));
			assertThat(ex.getMessage()).contains(holderCode).contains("企业名称登记管理规定");
		});
	}

	@Test
	void aNameAnotherEnterpriseHoldsIsRefusedAlsoWrittenInFullWidthOrWithSpaces() {
		String s = suffix();
		String holder = RegistryIntegrationTest.creditCode();
		register("苏州同名AB" + s + "快递有限公司", holder);
		String full = s.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat);
		for (String twin : List.of("苏州同名AB" + s + "快递有限公司", "苏州同名ＡＢ" + full + "快递有限公司", "苏州 同名 ab" + s + " 快递有限公司",
				"苏州\u3000同名AB" + s + "快递有限公司")) {
			String code = RegistryIntegrationTest.creditCode();
			refusedAsHeldBy(() -> register(twin, code), holder);
			assertThat(enterprises.findByCreditCode(code)).as(twin).isEmpty();
		}
		String other = RegistryIntegrationTest.creditCode();
		register("苏州同名AB" + s + "速递有限公司", other);
		assertThat(enterprises.findByCreditCode(other)).isPresent();
	}

	@Test
	void aCancelledEnterprisesNameMayBeTakenAgain() {
		String name = "苏州注销后同名" + suffix() + "快递有限公司";
		long cancelled = register(name, RegistryIntegrationTest.creditCode());
		enterprises.cancel(SUZHOU, cancelled, "企业已办理市场主体注销登记");
		String code = RegistryIntegrationTest.creditCode();
		register(name, code);
		assertThat(enterprises.findByCreditCode(code)).map(EnterpriseView::legalName).contains(name);
	}

	@Test
	void aCorrectionMayKeepItsNameButNotTakeAnothersAndAnApprovedChangeNeither() {
		String s = suffix();
		String holder = RegistryIntegrationTest.creditCode();
		register("苏州甲名" + s + "快递有限公司", holder);
		String code = RegistryIntegrationTest.creditCode();
		long id = register("苏州乙名" + s + "快递有限公司", code);

		refusedAsHeldBy(() -> enterprises.update(SUZHOU, id, data("苏州甲名" + s + " 快递有限公司", code)), holder);
		refusedAsHeldBy(() -> enterprises.update(SUZHOU, id, data("蘇州甲名" + s + "快遞有限責任公司", code)), holder);
		assertThat(enterprises.get(SUZHOU, id).legalName()).isEqualTo("苏州乙名" + s + "快递有限公司");

		enterprises.update(SUZHOU, id, new EnterpriseData("苏州乙名" + s + "快递有限公司", code, EnterpriseType.EXPRESS, null, "王五",
				"同名路2号", "320506", "李四", "13912345678"));
		assertThat(enterprises.get(SUZHOU, id).address()).isEqualTo("同名路2号");

		refusedAsHeldBy(() -> enterprises.changeByLicensing(id, "苏州甲名" + s + "快递有限公司", null, "许可变更决定"), holder);
		refusedAsHeldBy(() -> enterprises.changeByLicensing(id, "苏州甲名" + s + "快递有限公司。", null, "许可变更决定"), holder);
		assertThat(enterprises.get(SUZHOU, id).legalName()).isEqualTo("苏州乙名" + s + "快递有限公司");
		enterprises.changeByLicensing(id, "苏州丙名" + s + "快递有限公司", null, "许可变更决定");
		assertThat(enterprises.get(SUZHOU, id).legalName()).isEqualTo("苏州丙名" + s + "快递有限公司");
		// its own name in another form of the key is no other enterprise's
		enterprises.update(SUZHOU, id, data("苏州丙名" + s + "快递有限责任公司", code));
		assertThat(enterprises.get(SUZHOU, id).legalName()).isEqualTo("苏州丙名" + s + "快递有限责任公司");
	}

	@Test
	void anImportNamingAHeldNameOrOneNameTwiceReportsEveryBadRowAndSavesNothing() {
		String s = suffix();
		String holder = RegistryIntegrationTest.creditCode();
		register("苏州已登记" + s + "快递有限公司", holder);
		String first = RegistryIntegrationTest.creditCode();
		String twin = RegistryIntegrationTest.creditCode();
		String held = RegistryIntegrationTest.creditCode();
		String good = RegistryIntegrationTest.creditCode();
		var result = importer.importFile(SUZHOU, Workbooks.of(EnterpriseImport.HEADERS, List.of(
				EnterpriseImportIntegrationTest.enterprise("苏州文件内" + s + "快递有限公司", first, "快递企业", "", "320506"),
				EnterpriseImportIntegrationTest.enterprise("苏州文件内" + s + " 快递有限公司", twin, "快递企业", "", "320506"),
				EnterpriseImportIntegrationTest.enterprise("苏州已登记" + s + "快递有限公司", held, "快递企业", "", "320506"),
				EnterpriseImportIntegrationTest.enterprise("苏州另一家" + s + "快递有限公司", good, "快递企业", "", "320506"))));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(3, 4);
		assertThat(result.errors().get(0).errors()).extracting(FieldError::field, FieldError::rule)
			.containsExactly(tuple("企业名称", "unique"));
		assertThat(result.errors().get(0).errors().get(0).message()).contains("第2行");
		assertThat(result.errors().get(1).errors()).extracting(FieldError::field).containsExactly("企业名称");
		assertThat(result.errors().get(1).errors().get(0).message()).contains(holder);
		for (String code : List.of(first, twin, held, good)) {
			assertThat(enterprises.findByCreditCode(code)).as(code).isEmpty();
		}
	}

	/** Registers {@code held} and checks that each twin is then refused (409 naming the holder) and not registered. */
	void eachRefusedBeside(String held, List<String> twins) {
		String holder = RegistryIntegrationTest.creditCode();
		register(held, holder);
		for (String twin : twins) {
			String code = RegistryIntegrationTest.creditCode();
			refusedAsHeldBy(() -> register(twin, code), holder);
			assertThat(enterprises.findByCreditCode(code)).as(twin).isEmpty();
		}
	}

	@Test
	void lookAlikesByPunctuationCompanyFormOrTraditionalCharactersAreRefused() {
		String s = suffix();
		eachRefusedBeside("苏州仿名" + s + "快递有限公司", List.of("苏州仿名" + s + "快递有限公司。", "苏州仿名" + s + "快递有限公司-",
				"苏州仿名" + s + "快递有限公司.", "苏州仿名" + s + "快递有限公司*", "苏州仿名" + s + "快递有限公司（）",
				"苏州，仿名" + s + "·快递有限公司", "苏州仿名" + s + "快递有限责任公司", "蘇州仿名" + s + "快遞有限公司",
				"苏州仿名" + s + "快递有限公司"));
		// an emoji is no character of a name at all (Validation.name): refused as such, before any look-alike
		assertThatThrownBy(() -> register("苏州仿名" + s + "快递有限公司🚚", RegistryIntegrationTest.creditCode()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_VALUE));
	}

	@Test
	void bracketsOfAnotherKindMakeNoOtherName() {
		String s = suffix();
		eachRefusedBeside("仿括号" + s + "快递（苏州）有限公司", List.of("仿括号" + s + "快递【苏州】有限公司", "仿括号" + s + "快递[苏州]有限公司",
				"仿括号" + s + "快递〔苏州〕有限公司", "仿括号" + s + "快递［苏州］有限公司", "仿括号" + s + "快递(苏州)有限公司"));
	}

	@Test
	void traditionalCharactersMakeNoOtherName() {
		String s = suffix();
		eachRefusedBeside("苏州邮政顺丰圆通韵达国际货运服务发展区县门东" + s + "快递有限公司",
				List.of("蘇州郵政順豐圓通韻達國際貨運服務發展區縣門東" + s + "快遞有限公司"));
	}

	@Test
	void aJointStockCompanyIsAnotherNameThanALimitedOneButNotThanItsShortForm() {
		String s = suffix();
		eachRefusedBeside("苏州股份" + s + "快递股份有限公司", List.of("苏州股份" + s + "快递股份公司"));
		String limited = RegistryIntegrationTest.creditCode();
		register("苏州股份" + s + "快递有限公司", limited);
		assertThat(enterprises.findByCreditCode(limited)).isPresent();
	}

	@Test
	void aCancelledEnterprisesNameMayBeTakenAgainAlsoInALookAlikeForm() {
		String s = suffix();
		long cancelled = register("苏州注销仿名" + s + "快递有限公司", RegistryIntegrationTest.creditCode());
		enterprises.cancel(SUZHOU, cancelled, "企业已办理市场主体注销登记");
		String code = RegistryIntegrationTest.creditCode();
		register("蘇州注銷仿名" + s + "快遞有限責任公司。", code);
		assertThat(enterprises.findByCreditCode(code)).isPresent();
	}

	/** The database's own last word, should two requests race past the check: the unique index refuses the look-alike. */
	@Test
	void theUniqueIndexRefusesALookAlikeThatIsNotCancelled() {
		String s = suffix();
		register("苏州索引" + s + "快递有限公司", RegistryIntegrationTest.creditCode());
		long other = register("苏州索引" + s + "速递有限公司", RegistryIntegrationTest.creditCode());
		assertThatThrownBy(() -> jdbc.sql("UPDATE enterprise SET legal_name = :name WHERE id = :id")
				.param("name", "蘇州索引" + s + "快遞有限責任公司").param("id", other).update())
			.isInstanceOf(DuplicateKeyException.class)
			.hasMessageContaining("enterprise_name_key");
		enterprises.cancel(SUZHOU, other, "企业已办理市场主体注销登记");
		jdbc.sql("UPDATE enterprise SET legal_name = :name WHERE id = :id").param("name", "蘇州索引" + s + "快遞有限責任公司")
			.param("id", other).update();
	}

	@Test
	void anImportNamingALookAlikeOfAHeldNameOrOfAnEarlierRowIsRefused() {
		String s = suffix();
		String holder = RegistryIntegrationTest.creditCode();
		register("苏州导入仿名" + s + "快递有限公司", holder);
		List<String> codes = List.of(RegistryIntegrationTest.creditCode(), RegistryIntegrationTest.creditCode(),
				RegistryIntegrationTest.creditCode(), RegistryIntegrationTest.creditCode(), RegistryIntegrationTest.creditCode());
		var result = importer.importFile(SUZHOU, Workbooks.of(EnterpriseImport.HEADERS, List.of(
				EnterpriseImportIntegrationTest.enterprise("蘇州導入仿名" + s + "快遞有限責任公司", codes.get(0), "快递企业", "", "320506"),
				EnterpriseImportIntegrationTest.enterprise("苏州文件仿名" + s + "快递有限公司", codes.get(1), "快递企业", "", "320506"),
				EnterpriseImportIntegrationTest.enterprise("苏州文件仿名" + s + "快递有限公司。", codes.get(2), "快递企业", "", "320506"),
				EnterpriseImportIntegrationTest.enterprise("苏州文件仿名" + s + "快递【】有限责任公司", codes.get(3), "快递企业", "", "320506"),
				EnterpriseImportIntegrationTest.enterprise("苏州文件仿名" + s + "快递股份有限公司", codes.get(4), "快递企业", "", "320506"))));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 4, 5);
		assertThat(result.errors().get(0).errors()).extracting(FieldError::field).containsExactly("企业名称");
		assertThat(result.errors().get(0).errors().get(0).message()).contains(holder);
		assertThat(result.errors().get(1).errors()).extracting(FieldError::field, FieldError::rule)
			.containsExactly(tuple("企业名称", "unique"));
		assertThat(result.errors().get(1).errors().get(0).message()).contains("第3行");
		assertThat(result.errors().get(2).errors()).extracting(FieldError::field, FieldError::rule)
			.containsExactly(tuple("企业名称", "unique"));
		for (String code : codes) {
			assertThat(enterprises.findByCreditCode(code)).as(code).isEmpty();
		}
	}
}
