package org.youguan.filing;

import org.junit.jupiter.api.Test;
import org.youguan.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The filing API's outlet numbers are documented as the API reads them: numbers with their bounds (they were
 * {@code string}, the Java type the body is read into so that text digits are taken too), the text form named in their
 * description.
 */
@IntegrationTest
class FilingApiDocumentIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theOutletsLongitudeLatitudeAndStorageAreaAreDocumentedAsNumbersWithTheirBounds() throws Exception {
		JsonNode doc = JsonMapper.builder().build().readTree(mvc.perform(get("/api/v1/openapi")
			.header("Authorization", "Bearer demo-sz-admin-token")).andReturn().getResponse().getContentAsString());
		JsonNode outlet = doc.path("components").path("schemas").path("EnterpriseFilingApiController.Outlet").path("properties");
		assertNumber(outlet.path("longitude"), "73", "136");
		assertNumber(outlet.path("latitude"), "3", "54");
		assertNumber(outlet.path("storageArea"), "0.01", "999999.99");
		assertThat(outlet.path("storageArea").path("description").asString()).contains("最多6位整数、2位小数", "也可写成文字");
		assertThat(outlet.path("longitude").path("description").asString()).contains("73至136", "最多6位小数");
	}

	static void assertNumber(JsonNode property, String minimum, String maximum) {
		JsonNode type = property.path("type");
		assertThat(type.isArray() ? type.get(0).asString() : type.asString()).as(property.toString()).isEqualTo("number");
		assertThat(property.path("minimum").decimalValue()).as(property.toString()).isEqualByComparingTo(minimum);
		assertThat(property.path("maximum").decimalValue()).as(property.toString()).isEqualByComparingTo(maximum);
	}
}
