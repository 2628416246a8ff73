package org.youguan.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.documents.ImportResult;
import org.youguan.documents.PdfFiles;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.DataScope;
import org.youguan.registry.internal.outlets.OutletImport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An outlet's numbers — longitude, latitude, storage area — are read by one reader on every path that takes them (the
 * enterprise's filing API, as a JSON number and as text; the staff register form; the .xlsx import, as a number cell
 * and as a text cell) and refused in the same words naming the field and its column's limit: a value beyond the
 * column's precision is a 400 or a row error, never a 500 and never rounded (the staff form and the import had not been
 * held to the filing API's rules: the import took 45.555 ㎡ to the service's "最多两位小数" and 120.1234567 by
 * another reader; the form told a longitude 15 integer digits). Full-width digits and − (U+2212) read as on the forms.
 */
@IntegrationTest
class OutletNumbersOnEveryPathIntegrationTest {

	static final String SF_TOKEN = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	OutletImport outletImport;

	@Autowired
	JdbcClient jdbc;

	/** A number sent for a field, and the one refusal every path tells (null: taken). */
	record Sent(String field, String column, String value, String rule, String message) {

		@Override
		public String toString() {
			return field + "=" + value + " → " + rule;
		}
	}

	static Stream<Sent> refused() {
		return Stream.of(
				new Sent("storageArea", "存储场地面积", "45.555", "digits", "存储场地面积超出允许的位数（最多6位整数、2位小数）：45.555"),
				new Sent("storageArea", "存储场地面积", "1000000", "digits", "存储场地面积超出允许的位数（最多6位整数、2位小数）：1000000"),
				new Sent("longitude", "经度", "120.1234567", "digits", "经度超出允许的位数（最多3位整数、6位小数）：120.1234567"),
				new Sent("latitude", "纬度", "31.12345678", "digits", "纬度超出允许的位数（最多2位整数、6位小数）：31.12345678"),
				new Sent("longitude", "经度", "1200.5", "range", "经度应在73至136之间：1200.5"));
	}

	long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void aNumberBeyondItsColumnIsRefusedInTheSameWordsOnEveryPath(Sent s) throws Exception {
		long filings = count("outlet_filing");
		long outlets = count("terminal_outlet");
		assertThat(api(s.field(), s.value())).as("filing API, a JSON number").containsExactly(s.rule() + " " + s.message());
		assertThat(api(s.field(), "\"" + s.value() + "\"")).as("filing API, text").containsExactly(s.rule() + " " + s.message());
		assertThat(staffForm(s.field(), s.value())).as("staff register form").contains(s.message());
		assertThat(imported(s.column(), Double.parseDouble(s.value()))).as("import, a number cell")
			.containsExactly(s.rule() + " " + s.message());
		assertThat(imported(s.column(), s.value())).as("import, a text cell").containsExactly(s.rule() + " " + s.message());
		assertThat(count("outlet_filing")).as("nothing filed").isEqualTo(filings);
		assertThat(count("terminal_outlet")).as("nothing registered").isEqualTo(outlets);
	}

	@Test
	void fullWidthDigitsAreReadAndAMinusSignIsANegativeAreaOnEveryPath() throws Exception {
		String fullWidth = "４５．５";
		assertThat(api("storageArea", "\"" + fullWidth + "\"")).as("filing API").isEmpty();
		assertThat(imported("存储场地面积", fullWidth)).as("import").isEmpty();
		assertThat(staffForm("storageArea", fullWidth)).doesNotContain("存储场地面积应为数字", "存储场地面积超出");
		String minus = "\u22125";
		assertThat(api("storageArea", "\"" + minus + "\"")).containsExactly("positive 存储场地面积应大于0");
		assertThat(imported("存储场地面积", minus)).containsExactly("positive 存储场地面积应大于0");
		assertThat(staffForm("storageArea", minus)).contains("存储场地面积应大于0");
	}

	/**
	 * The filing API's refusals of {@code field} ("rule message"), the outlet sent with {@code json} for it and a blank
	 * name, so nothing is filed.
	 */
	List<String> api(String field, String json) throws Exception {
		String body = """
				{"name": "", "cooperation": "FRANCHISE", "address": "吴中区长桥街道读数路%s号", "regionCode": "320506001",
				 "longitude": 120.61, "latitude": 31.26, "managerName": "钱七", "managerIdNumber": "%s",
				 "managerPhone": "13712345678", "storageArea": 40, "hasCommunications": true, "hasShelving": true,
				 "hasSurveillance": true, "hasSignage": true, "openedOn": "2026-01-15"}"""
			.formatted(UUID.randomUUID().toString().substring(0, 4), RegistryIntegrationTest.idNumber())
			.replace("\"" + field + "\": " + (field.equals("storageArea") ? "40" : field.equals("longitude") ? "120.61" : "31.26"),
					"\"" + field + "\": " + json);
		var request = multipart("/api/v1/enterprise/filings");
		request.file(new MockMultipartFile("outlet", "", MediaType.APPLICATION_JSON_VALUE, body.getBytes(StandardCharsets.UTF_8)));
		request.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf", PdfFiles.blankPage()));
		request.file(new MockMultipartFile("managerId", "身份证.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
		request.file(new MockMultipartFile("photos", "门头.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
		var response = mvc.perform(request.header("Authorization", SF_TOKEN)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		String answer = response.getContentAsString(StandardCharsets.UTF_8);
		List<String> rules = JsonPath.read(answer, "$.errors[?(@.field == '" + field + "')].rule");
		List<String> messages = JsonPath.read(answer, "$.errors[?(@.field == '" + field + "')].message");
		List<String> told = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			told.add(rules.get(i) + " " + messages.get(i));
		}
		return told;
	}

	/** The staff register form's page refusing the outlet with {@code value} typed for {@code field}: its 400 page. */
	String staffForm(String field, String value) throws Exception {
		var form = RegistryMaintenanceIntegrationTest.outletForm("", RegistryIntegrationTest.idNumber(), "13812345678");
		form.set("longitude", "120.61");
		form.set("latitude", "31.26");
		form.set(field, value);
		var response = mvc.perform(post("/registry/outlets/new").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("creditCode", RegistryIntegrationTest.DemoCodes.SF_WUZHONG).params(form)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The import's refusals of the column ("rule message"), one row with {@code cell} in it and a blank 网点名称. */
	List<String> imported(String column, Object cell) {
		String first17 = "32050619850101" + String.format("%03d", (int) (Math.random() * 1000));
		List<Object> row = new ArrayList<>(List.of("", RegistryIntegrationTest.DemoCodes.SF_WUZHONG, "加盟",
				"导入读数路" + UUID.randomUUID().toString().substring(0, 6) + "号", "320506001", 120.61, 31.26, "王五",
				first17 + org.youguan.kernel.IdCardNumber.checkCharacter(first17), "13812345678", 30, "是", "是", "是", "是",
				"2026-01-15"));
		row.set(OutletImport.HEADERS.indexOf(column), cell);
		ImportResult result = outletImport.importFile(DataScope.region("3205"),
				new TypedWorkbook(OutletImport.HEADERS).row(row).bytes());
		assertThat(result.imported()).isZero();
		return result.errors().stream().flatMap(r -> r.errors().stream())
			.filter(e -> e.field().equals(column))
			.map(e -> e.rule() + " " + e.message())
			.toList();
	}
}
