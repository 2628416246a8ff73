package org.youguan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.IdCardNumber;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.OutletData;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nonsense is refused, not stored or silently changed: a reason that does not belong to the complaint's category, a
 * name of only zero-width characters, text with bidirectional overrides, money in exponent notation or with more
 * than two decimals, and an outlet location with one coordinate only.
 */
@IntegrationTest
class NonsenseInputIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Outlets outlets;

	@Autowired
	JdbcClient jdbc;

	static String complaint(String filerName, String category, String reason, String amount) {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		return "{\"filerName\":\"" + filerName + "\",\"phone\":\"13800138000\",\"filerRole\":\"SENDER\",\"region\":\"320506\","
				+ "\"brand\":\"顺丰\",\"waybillNumber\":\"SF" + org.youguan.RandomDigits.of(10)
				+ "\",\"postedOn\":\"" + today.minusDays(20) + "\",\"priorComplaint\":{\"date\":\"" + today.minusDays(10)
				+ "\",\"channel\":\"电话\"},\"category\":\"" + category + "\",\"reason\":\"" + reason + "\",\"amountClaimed\":"
				+ amount + ",\"description\":\"测试\"}";
	}

	ResultActions file(String body) throws Exception {
		return mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json").content(body));
	}

	@Test
	void aReasonOfAnotherCategoryIsRefused() throws Exception {
		file(complaint("张三", "投递服务", "中转或运输延误", "100")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")))
			.andExpect(jsonPath("$.errors[*].rule", hasItem("category")));
		file(complaint("张三", "延误", "服务态度", "100")).andExpect(status().isCreated());
	}

	@Test
	void aNameOfOnlyZeroWidthCharactersOrWithBidiOverridesIsRefused() throws Exception {
		file(complaint("\\u200b\\u200b", "延误", "派送延误", "100")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("filerName")));
		file(complaint("张\\u202e三", "延误", "派送延误", "100")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("U+202E")));
		file(complaint("张\\u2066三", "延误", "派送延误", "100")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("U+2066")));
	}

	/**
	 * A complaint's free text keeps no character that shows nothing: zero-width characters, U+FEFF and bidirectional
	 * marks inside are removed as it is stored (a search for 包裹延误 finds it, staff read it in the order typed), a
	 * joiner inside an emoji stays; a bidirectional override is refused as in every text; a name with a zero-width
	 * space inside (the respondent outlet) is refused naming the field, rule invisible-character.
	 */
	@Test
	void invisibleCharactersAreRemovedFromAComplaintsTextAndRefusedInItsNames() throws Exception {
		String body = complaint("张三", "延误", "派送延误", "100").replace("\"description\":\"测试\"",
				"\"description\":\"包裹\\u200b延误\\u2060未\\ufeff送达\\u200f，\\ud83d\\udc68\\u200d\\ud83d\\udc69\"");
		String location = file(body).andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT description FROM complaint WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("包裹延误未送达，\ud83d\udc68\u200d\ud83d\udc69");
		file(complaint("张三", "延误", "派送延误", "100").replace("\"description\":\"测试\"",
				"\"description\":\"包裹\\u202e误延\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("description"))
			.andExpect(jsonPath("$.errors[0].rule").value("control-character"));
		file(complaint("张三", "延误", "派送延误", "100").replace("\"description\"",
				"\"enterprise\":\"顺丰速运\\u200b吴中网点\",\"description\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("enterprise"))
			.andExpect(jsonPath("$.errors[0].rule").value("invisible-character"));
	}

	@Test
	void moneyInExponentNotationOrWithMoreThanTwoDecimalsIsRefusedNotRounded() throws Exception {
		file(complaint("张三", "延误", "派送延误", "1e5")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("amountClaimed")))
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("科学计数法"))))
			// written out as it should be typed, never Java's 1E+5
			.andExpect(jsonPath("$.errors[*].message", hasItem(endsWith("应写作：100000"))));
		file(complaint("张三", "延误", "派送延误", "1.005")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("amountClaimed")))
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("两位小数"))));
		file(complaint("张三", "延误", "派送延误", "1.01")).andExpect(status().isCreated());
	}

	/**
	 * Attack round 17: digits of another script (Arabic-Indic ٣) are no number — not an amount claimed of 3, nor a
	 * page 3 of a list — while full-width ones typed with a Chinese input method still are.
	 */
	@Test
	void digitsOfAnotherScriptAreNoNumberInABodyOrAParameter() throws Exception {
		file(complaint("张三", "延误", "派送延误", "\"\\u0663\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amountClaimed"))
			// number as Decimals.parse names it; format once DecimalText names a JSON amount's refusal as every number field
			.andExpect(jsonPath("$.errors[0].rule", anyOf(is("number"), is("format"))));
		mvc.perform(get("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token").param("page", "\u0663"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		mvc.perform(get("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token").param("page", "１"))
			.andExpect(status().isOk());
	}

	/** Money is typed as statistics are: 1,000 is 1000; a comma out of its place is refused naming the field. */
	@Test
	void moneyGroupedByThousandsIsReadAndAMisplacedCommaIsRefusedNamingTheField() throws Exception {
		file(complaint("张三", "延误", "派送延误", "\"1,000.50\"")).andExpect(status().isCreated());
		file(complaint("张三", "延误", "派送延误", "\"1,00\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amountClaimed"))
			.andExpect(jsonPath("$.errors[0].rule").value("thousands-separator"))
			.andExpect(jsonPath("$.errors[0].message", containsString("索赔金额")));
		file(complaint("张三", "延误", "派送延误", "\"50\u00a0000\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", endsWith("：50 000")));
	}

	@Test
	void anOutletWithOneCoordinateOnlyIsRefused() {
		String id17 = "32050619870612003";
		OutletData halfPoint = new OutletData("顺丰驿站（半点" + UUID.randomUUID().toString().substring(0, 6) + "）", 0, null,
				"PARTNER", "吴中区半点路1号", "320506001", new BigDecimal("120.61"), null, "欧阳明",
				id17 + IdCardNumber.checkCharacter(id17), "13955501234", new BigDecimal("48.50"), true, true, true, true,
				LocalDate.of(2026, 9, 21));
		assertThatThrownBy(() -> outlets.check(DataScope.all(), halfPoint, null))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.formErrors())
				.extracting(FieldError::field, FieldError::rule).contains(tuple("latitude", "pair")));
	}
}
