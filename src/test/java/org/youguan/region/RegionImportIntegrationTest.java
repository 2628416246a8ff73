package org.youguan.region;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FileKind;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class RegionImportIntegrationTest {

	@Autowired
	RegionImporter importer;

	@Autowired
	Regions regions;

	@Autowired
	AuditTrail audit;

	@Test
	void theDemoCityImportedSuzhousStreetsAndVillages() {
		assertThat(regions.children("320506")).isNotEmpty().allSatisfy(r -> assertThat(r.level()).isEqualTo(RegionLevel.STREET));
		assertThat(regions.fullName("320506")).isEqualTo("江苏省苏州市吴中区");
		// the placeholder city level of province- and region-administered counties is no place of its own
		assertThat(regions.fullName("419001")).isEqualTo("河南省济源市");
		assertThat(regions.fullName("659001")).isEqualTo("新疆维吾尔自治区石河子市");
		assertThat(regions.count(RegionLevel.COUNTY)).isGreaterThan(2800);
	}

	@Test
	void aFileWithOneBadRowImportsNothingAndReportsEveryBadRow() {
		String csv = """
				code,name,areaCode,provinceCode,cityCode
				110101901,"测试街道甲",110101,11,1101
				11010190,"代码太短",110101,11,1101
				110101902,"",110101,11,1101
				110102903,"上级不符",110101,11,1101
				110101904,"上级不存在",119999,11,1199
				""";
		RegionImport result = importer.importNow("streets.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		assertThat(result.phase()).isEqualTo(RegionImport.Phase.REJECTED);
		assertThat(result.errors()).extracting(RegionImport.RowError::line).containsExactly(3L, 4L, 5L, 6L);
		assertThat(result.errors()).extracting(e -> e.error().rule()).containsExactly("format", "required", "prefix", "exists");
		assertThat(regions.find("110101901")).as("the good row was not imported either").isEmpty();
	}

	/** A CSV field with no-break spaces or a byte order mark around it is the value it shows (Text.strip). */
	@Test
	void noBreakSpacesAroundACsvFieldAreStripped() {
		String csv = "code,name,areaCode,provinceCode,cityCode\n110101906\u00A0,\"\u202F测试街道戊\u00A0\",110101\u2007,11,1101\n";
		RegionImport result = importer.importNow("streets.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		assertThat(result.errors()).isEmpty();
		assertThat(result.phase()).isEqualTo(RegionImport.Phase.DONE);
		assertThat(regions.find("110101906")).get().satisfies(r -> assertThat(r.name()).isEqualTo("测试街道戊"));
	}

	@Test
	void aGoodGzipFileImportsOneProvinceInOneTransaction() throws IOException {
		String csv = """
				code,name,areaCode,provinceCode,cityCode
				110101905,"测试街道乙",110101,11,1101
				120101901,"天津测试街道",120101,12,1201
				""";
		RegionImport result = importer.importNow("streets.csv.gz", gzip(csv), "11");
		assertThat(result.phase()).isEqualTo(RegionImport.Phase.DONE);
		assertThat(result.imported()).isEqualTo(1);
		assertThat(regions.find("110101905")).get().satisfies(r -> assertThat(r.parentCode()).isEqualTo("110101"));
		assertThat(regions.find("120101901")).isEmpty();

		String villages = "code,name,streetCode,provinceCode,cityCode,areaCode\n110101905001,\"测试社区\",110101905,11,1101,110101\n";
		assertThat(importer.importNow("villages.csv", villages.getBytes(StandardCharsets.UTF_8), null).phase())
			.isEqualTo(RegionImport.Phase.DONE);
		assertThat(regions.require("code", "110101905001").level()).isEqualTo(RegionLevel.VILLAGE);
	}

	@Test
	void rejectsAnUnknownHeaderAndABinaryFile() {
		assertThat(importer.importNow("x.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8), null).message())
			.contains("文件格式不正确");
		assertThatThrownBy(() -> importer.importNow("x.csv", new byte[] { (byte) 0xff, (byte) 0xfe, 0x00, 0x41 }, null))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("UTF-8");
	}

	/**
	 * An unknown binary file (no PDF, Office file or image, no text either) is refused by what it is, as other uploads
	 * are, gzip-compressed too; a CSV in GBK is text, refused as not UTF-8.
	 */
	@Test
	void anUnknownBinaryIsRefusedByItsKindAndAGbkCsvAsNotUtf8() throws IOException {
		byte[] binary = { 0x13, 0x37, 0x00, 0x01, (byte) 0x9c, (byte) 0xe2, 0x05, 0x7f, 0x00, 0x00, 0x42, 0x10 };
		ByteArrayOutputStream packed = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
			gzip.write(binary);
		}
		for (byte[] file : List.of(binary, packed.toByteArray())) {
			assertThatThrownBy(() -> importer.importNow("x.csv", file, null)).isInstanceOf(InvalidValueException.class)
				.hasMessageContaining(FileKind.BINARY)
				.hasMessageContaining("不是CSV文本文件")
				.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors())
					.extracting(e -> e.field() + "/" + e.rule()).containsExactly("file/wrong-kind"));
		}
		byte[] gbk = "代码,名称,上级代码\n32,江苏省,\n".getBytes(Charset.forName("GBK"));
		assertThatThrownBy(() -> importer.importNow("x.csv", gbk, null)).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("不是UTF-8编码的CSV文本")
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).containsExactly("file/encoding"));
	}

	/**
	 * RFC 4180: a quoted name may hold a comma or a line break; the record is read whole (a line break in a name is
	 * refused on the name, not as a short row), later rows keep their own line numbers, and the error list names the
	 * fields in Chinese.
	 */
	@Test
	void quotedFieldsAreReadWholeAndErrorsNameTheFieldInChinese() {
		String csv = "code,name,areaCode\n110101906,\"测试街道\n甲\",110101\n110101907,\"上级,不存在\",119999\n"
				+ "\"110101908\"\n";
		RegionImport result = importer.importNow("streets.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		assertThat(result.phase()).isEqualTo(RegionImport.Phase.REJECTED);
		assertThat(result.errors()).extracting(RegionImport.RowError::line).containsExactly(2L, 4L, 5L);
		assertThat(result.errors()).extracting(e -> e.error().rule()).containsExactly("line-break", "exists", "columns");
		assertThat(result.errors()).extracting(RegionImport.RowError::fieldLabel)
			.containsExactly("名称（name）", "所属县级区划代码（areaCode）", "整行");
		assertThat(importer.importNow("x.csv", "a,b,c\n".getBytes(StandardCharsets.UTF_8), null).errors())
			.extracting(RegionImport.RowError::fieldLabel).containsExactly("表头");
		RegionImport comma = importer.importNow("streets.csv",
				"code,name,areaCode\n110101906,\"测试街道,\"\"丙\"\"\",110101\n".getBytes(StandardCharsets.UTF_8), null);
		assertThat(comma.phase()).isEqualTo(RegionImport.Phase.DONE);
		assertThat(regions.find("110101906")).get().satisfies(r -> assertThat(r.name()).isEqualTo("测试街道,\"丙\""));
	}

	/**
	 * Attack round: markup and emoji were imported as street names. A name is held to the name rules and written in
	 * words only (kernel Validation.wordsOnly), and every bad row is reported, nothing imported.
	 */
	@Test
	void namesWithMarkupEmojiOrControlCharactersAreRefusedEveryOne() {
		String csv = "code,name,areaCode\n110101911,\"<script>alert(1)</script>\",110101\n110101912,\"测试街道😀\",110101\n"
				+ "110101913,\"测试\u200B街道\",110101\n110101914,\"" + "街".repeat(101) + "\",110101\n"
				+ "110101915,\"测试街道（㙟）〇\uE170\",110101\n";
		RegionImport result = importer.importNow("streets.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		assertThat(result.phase()).isEqualTo(RegionImport.Phase.REJECTED);
		assertThat(result.errors()).extracting(RegionImport.RowError::line).containsExactly(2L, 3L, 4L, 5L);
		assertThat(result.errors()).extracting(e -> e.error().field()).containsOnly("name");
		assertThat(result.errors()).extracting(e -> e.error().rule())
			.containsExactly("characters", "characters", "invisible-character", "max-length");
		assertThat(result.errors().get(1).error().message()).contains("😀");
		assertThat(regions.find("110101911")).isEmpty();
		assertThat(regions.find("110101915")).as("nothing imported, the good row neither").isEmpty();
	}

	/**
	 * Attack round: an import renamed existing streets silently (only "导入乡镇/街道1条" audited). A code already in the
	 * register under another name is listed in the import's answer and audited one by one with the name before and
	 * after; a code imported again under its own name is no rename.
	 */
	@Test
	void aRenameOfAnExistingCodeIsListedAndAuditedWithBeforeAndAfter() {
		String code = "1101029" + RandomDigits.of(2);
		String csv = "code,name,areaCode\n" + code + ",\"测试街道壬\",110102\n";
		importer.importNow("streets.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		RegionImport again = importer.importNow("streets.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		assertThat(again.renamed()).as("the same name again is no rename").isEmpty();
		RegionImport renamed = importer.importNow("streets.csv",
				csv.replace("测试街道壬", "测试街道癸").getBytes(StandardCharsets.UTF_8), null);
		assertThat(renamed.phase()).isEqualTo(RegionImport.Phase.DONE);
		assertThat(renamed.renamed()).containsExactly(new RegionImport.Rename(code, "测试街道壬", "测试街道癸"));
		assertThat(renamed.message()).contains("1条更改了已有区划的名称");
		assertThat(audit.history(DataScope.all(), "Region", code)).as("newest first").first().satisfies(e -> {
			assertThat(e.action()).isEqualTo("region.rename");
			assertThat(e.summary()).contains("测试街道壬", "测试街道癸");
			assertThat(e.beforeState()).contains("测试街道壬");
			assertThat(e.afterState()).contains("测试街道癸");
		});
	}

	/** A gzip file cut short is refused as incomplete, in Chinese (not an EOFException's name). */
	@Test
	void aTruncatedGzipFileIsRefusedAsIncomplete() throws IOException {
		byte[] whole = gzip("code,name,areaCode\n110101905,\"测试街道乙\",110101\n".repeat(50));
		byte[] cut = Arrays.copyOf(whole, whole.length / 2);
		assertThatThrownBy(() -> importer.importNow("streets.csv.gz", cut, null))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("压缩文件不完整")
			.hasMessageNotContaining("Exception");
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}
}
