package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ClientAddress;
import org.youguan.IntegrationTest;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The public forms name each field by one label (the form's, which the service's refusals use): a value of the wrong
 * shape — refused before the service reads it, worded by the global handler from {@code field.<name>} — is told with
 * the same label as the service's own refusal of that field (申诉内容, never 描述 beside it; 每组检查人员数, never
 * 检查组人数).
 */
@IntegrationTest
class PublicFieldLabelsIntegrationTest {

	@Autowired
	MockMvc mvc;

	static String complaint() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		return """
				{"filerName":"张三","phone":"13912340000","filerRole":"SENDER","region":"320506","brand":"顺丰",
				 "enterprise":"吴中网点","waybillNumber":"SF1234567890","postedOn":"%s",
				 "priorComplaint":{"date":"%s","channel":"电话","companyAnswer":"无"},
				 "category":"延误","reason":"中转或运输延误","amountClaimed":100,"description":"快件延误"}"""
			.formatted(today.minusDays(20), today.minusDays(10));
	}

	/** Each field of the public complaint filing → the label ComplaintIntake's refusals give it. */
	static final Map<String, String> COMPLAINT = new LinkedHashMap<>();
	static {
		COMPLAINT.put("filerName", "申诉人姓名");
		COMPLAINT.put("phone", "联系电话");
		COMPLAINT.put("region", "所在地");
		COMPLAINT.put("brand", "被申诉企业品牌");
		COMPLAINT.put("enterprise", "被申诉企业或网点");
		COMPLAINT.put("waybillNumber", "运单号");
		COMPLAINT.put("postedOn", "交寄日期");
		COMPLAINT.put("priorComplaint.date", "向企业投诉的日期");
		COMPLAINT.put("priorComplaint.channel", "向企业投诉的渠道");
		COMPLAINT.put("priorComplaint.companyAnswer", "企业的答复");
		COMPLAINT.put("category", "申诉类别");
		COMPLAINT.put("reason", "申诉原因");
		COMPLAINT.put("description", "申诉内容");
	}

	@Test
	void aPublicComplaintsFieldOfTheWrongShapeIsToldByTheLabelItsRulesUse() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, String> f : COMPLAINT.entrySet()) {
			String key = f.getKey().contains(".") ? f.getKey().substring(f.getKey().indexOf('.') + 1) : f.getKey();
			// an object where text or a date is expected: refused as the body is read
			String body = complaint().replaceFirst("\"" + key + "\":\"[^\"]*\"", "\"" + key + "\":{\"x\":1}");
			assertThat(body).as(f.getKey()).contains("\"" + key + "\":{\"x\":1}");
			String message = firstMessage(mvc.perform(post("/api/v1/public/complaints")
				.with(ClientAddress.from(ClientAddress.newAddress())).contentType(MediaType.APPLICATION_JSON).content(body))
				.andReturn().getResponse(), f.getKey());
			if (message == null || !message.startsWith(f.getValue())) {
				wrong.add(f.getKey() + " → " + message);
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** Each field of the public verification of a draw → the label PublicInspectionApiController's refusals give it. */
	@Test
	void theVerificationsFieldsOfTheWrongShapeAreToldByTheLabelsItsRulesUse() throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("snapshot", "对象名单快照");
		fields.put("roster", "检查人员名单");
		fields.put("conflicts", "回避关系");
		fields.put("seed", "随机种子");
		fields.put("secret", "抽取密钥");
		fields.put("secretCommitment", "密钥承诺值");
		fields.put("count", "抽取数量");
		fields.put("ratioByClass", "按信用等级的抽取比例");
		fields.put("teamSize", "每组检查人员数");
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, String> f : fields.entrySet()) {
			// an object where text, lines or a number is expected; text where the ratios by class are expected
			String body = "{\"" + f.getKey() + "\":" + (f.getKey().equals("ratioByClass") ? "\"abc\"" : "{\"x\":1}") + "}";
			String message = firstMessage(mvc.perform(post("/api/v1/public/inspections/draw/verify")
				.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse(), null);
			if (message == null || !message.startsWith(f.getValue())) {
				wrong.add(f.getKey() + " → " + message);
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** The public withdrawal without its number names it as the status page does: 申诉编号, never 编号. */
	@Test
	void theWithdrawalNamesTheComplaintsNumberAsItsPageDoes() throws Exception {
		String page = mvc.perform(post("/public/complaints/withdraw").with(csrf()).param("queryCode", "ABCD1234"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("缺少申诉编号");
	}

	/** The message of the answer's first error (about {@code field} when given), or null when it is no 400. */
	static String firstMessage(MockHttpServletResponse r, String field) throws Exception {
		if (r.getStatus() != 400) {
			return r.getStatus() + " " + r.getContentAsString(StandardCharsets.UTF_8);
		}
		String json = r.getContentAsString(StandardCharsets.UTF_8);
		List<String> messages = field == null ? JsonPath.read(json, "$.errors[*].message")
				: JsonPath.read(json, "$.errors[?(@.field == '" + field + "')].message");
		return messages.isEmpty() ? json : messages.get(0);
	}
}
