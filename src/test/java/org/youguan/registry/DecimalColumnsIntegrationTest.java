package org.youguan.registry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.TestImages;
import org.youguan.documents.ImportResult;
import org.youguan.documents.PdfFiles;
import org.youguan.documents.SheetRows;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.Bureaus;
import org.youguan.registry.internal.outlets.OutletImport;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A decimal that its numeric(p, s) column cannot hold — more integer digits than p − s, or more decimals than s — is
 * refused naming the field and the rule, and nothing is saved: never the database's "numeric field overflow" (a 500)
 * nor a silent rounding to the column's scale. Each path fixed for it is sent an over-long and an over-scale value.
 */
@IntegrationTest
class DecimalColumnsIntegrationTest {

	static final String SF_TOKEN = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutletImport outletImport;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	/** A path, the field it names, the value sent and the rule it must name. */
	record Sent(String path, String field, String value, String rule) {

		@Override
		public String toString() {
			return path + " " + field + "=" + value + " → " + rule;
		}
	}

	static Stream<Sent> sent() {
		return Stream.of(
				// terminal_outlet.longitude numeric(9, 6), latitude numeric(8, 6): an enterprise's filing by API; too many
				// integer digits are outside China's span (rule range, 73–136 and 3–54), too many decimals rule digits
				new Sent("filing-api", "longitude", "1200.5", "range"),
				new Sent("filing-api", "longitude", "120.1234567", "digits"),
				new Sent("filing-api", "latitude", "310.5", "range"),
				new Sent("filing-api", "latitude", "31.12345678", "digits"),
				// the same columns from an .xlsx import row
				new Sent("outlet-import", "longitude", "1200.5", "range"),
				new Sent("outlet-import", "longitude", "120.1234567", "digits"),
				new Sent("outlet-import", "latitude", "310.5", "range"),
				new Sent("outlet-import", "latitude", "31.12345678", "digits"),
				// statutory_rule_override.value feeds penalty_case.surcharge_percent numeric(5, 2) on every decision
				new Sent("rule-override", "value", "1000", "max"),
				new Sent("rule-override", "value", "3.125", "digits"));
	}

	static String validId() {
		String first17 = "32050619850315" + String.format("%03d", (int) (Math.random() * 1000));
		return first17 + IdCardNumber.checkCharacter(first17);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sent")
	void aDecimalItsColumnCannotHoldIsRefusedNamingFieldAndRuleAndNothingIsSaved(Sent s) throws Exception {
		switch (s.path()) {
			case "filing-api" -> filingApi(s);
			case "outlet-import" -> outletImport(s);
			case "rule-override" -> ruleOverride(s);
			default -> throw new IllegalArgumentException(s.path());
		}
	}

	long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	void filingApi(Sent s) throws Exception {
		String lon = s.field().equals("longitude") ? s.value() : "120.61";
		String lat = s.field().equals("latitude") ? s.value() : "31.26";
		String json = """
				{"name": "位数网点%s", "cooperation": "FRANCHISE", "address": "吴中区长桥街道位数路%s号", "regionCode": "320506001",
				 "longitude": %s, "latitude": %s,
				 "managerName": "钱七", "managerIdNumber": "%s", "managerPhone": "13712345678", "storageArea": 40,
				 "hasCommunications": true, "hasShelving": true, "hasSurveillance": true, "hasSignage": true,
				 "openedOn": "2026-01-15"}""".formatted(UUID.randomUUID().toString().substring(0, 6),
				UUID.randomUUID().toString().substring(0, 4), lon, lat, validId());
		var request = multipart("/api/v1/enterprise/filings");
		request.file(new MockMultipartFile("outlet", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)));
		request.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf",
				PdfFiles.blankPage()));
		request.file(new MockMultipartFile("managerId", "身份证.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
		request.file(new MockMultipartFile("photos", "门头.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
		long before = count("outlet_filing");
		mvc.perform(request.header("Authorization", SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == '" + s.field() + "')].rule").value(hasItem(s.rule())));
		assertThat(count("outlet_filing")).isEqualTo(before);
	}

	void outletImport(Sent s) {
		String first17 = "32050619850101" + String.format("%03d", (int) (Math.random() * 1000));
		String lon = s.field().equals("longitude") ? s.value() : "120.61";
		String lat = s.field().equals("latitude") ? s.value() : "31.26";
		List<Object> row = new ArrayList<>(List.of("位数导入" + UUID.randomUUID().toString().substring(0, 6),
				RegistryIntegrationTest.DemoCodes.SF_WUZHONG, "加盟", "导入路" + UUID.randomUUID().toString().substring(0, 6) + "号",
				320506001, Double.parseDouble(lon), Double.parseDouble(lat), "王五",
				first17 + IdCardNumber.checkCharacter(first17), 13812345678L, 30, "是", true, "是", "是",
				LocalDate.of(2026, 1, 15)));
		long before = count("terminal_outlet");
		ImportResult result = outletImport.importFile(DataScope.region("3205"),
				new TypedWorkbook(OutletImport.HEADERS).row(row).bytes());
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).flatExtracting(SheetRows.RowErrors::errors)
			.anySatisfy(e -> assertThat(e.field() + "/" + e.rule()).isIn(s.field() + "/" + s.rule(),
					(s.field().equals("longitude") ? "经度" : "纬度") + "/" + s.rule()));
		assertThat(count("terminal_outlet")).isEqualTo(before);
	}

	void ruleOverride(Sent s) {
		long bureau = bureaus.findByRegion("3205").orElseThrow().id();
		long before = count("statutory_rule_override");
		assertThatThrownBy(() -> rules.override(StatutoryRule.PENALTY_LATE_SURCHARGE, bureau, "0", new BigDecimal(s.value()),
				"测试：超出列的取值"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).contains(Tuple.tuple(s.field(), s.rule())));
		assertThat(count("statutory_rule_override")).isEqualTo(before);
	}
}
