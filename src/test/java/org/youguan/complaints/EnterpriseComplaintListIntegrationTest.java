package org.youguan.complaints;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enterprise portal's complaints list in the full list idiom: a search over the columns the enterprise sees only
 * (a complainant's phone, name or an ID number in the text finds nothing in the page, the API list or the export),
 * whitelisted sorts from the headers, and another enterprise's complaints never in its page, API list or export.
 */
@IntegrationTest
class EnterpriseComplaintListIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ComplaintQueries queries;

	@Test
	void anEnterpriseSearchesOnlyWhatItSeesAndNeverAnotherEnterprisesComplaints() throws Exception {
		String digits = UUID.randomUUID().toString().replaceAll("[^0-9]", "") + "00000000";
		String phone = "139" + digits.substring(0, 8);
		String idNumber = "320506199001" + digits.substring(0, 4) + "12";
		String waybill = "SF" + digits.substring(0, 9);
		var form = ComplaintPagesIntegrationTest.form(waybill, "快件破损，身份证号" + idNumber);
		form.set("phone", phone);
		form.set("filerName", "欧阳" + digits.substring(0, 2));
		String page = mvc.perform(post("/public/complaints/new").with(csrf()).params(form))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String number = page.replaceAll("(?s).*id=\"complaint-number\">([^<]+)<.*", "$1");
		long id = queries.list(DataScope.region("320506"), ComplaintQueries.Filter.NONE, new PageQuery(number, 0, 5, null, false))
			.items().get(0).id();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(post("/complaints/" + id + "/transfer").session(staff).with(csrf()))
			.andExpect(redirectedUrlPattern("/complaints/*"));
		// the bureau's search does find it by the phone: the refusal below is the enterprise's, not a miss
		mvc.perform(get("/complaints").session(staff).param("q", phone).param("state", "ALL"))
			.andExpect(content().string(containsString(number)));

		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/complaints").session(sf).param("q", number).param("state", "ALL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("name=\"q\"")));
		mvc.perform(get("/enterprise/complaints").session(sf).param("q", waybill).param("state", "ALL"))
			.andExpect(content().string(containsString(number)));
		for (String hidden : List.of(phone, form.getFirst("filerName"), idNumber)) {
			mvc.perform(get("/enterprise/complaints").session(sf).param("q", hidden).param("state", "ALL"))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(number))));
			assertThat(ExportedRows.of(mvc, sf, "/enterprise/complaints/export.xlsx", "q", hidden, "state", "ALL"))
				.as("the export finds nothing by %s", hidden).hasSize(1);
			mvc.perform(get("/api/v1/complaints").param("q", hidden).header("Authorization", "Bearer demo-sf-wz-token"))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(number))));
		}
		List<List<String>> found = ExportedRows.of(mvc, sf, "/enterprise/complaints/export.xlsx", "q", number, "state", "ALL");
		assertThat(ExportedRows.column(found, 0)).containsExactly(number);
		assertThat(found.toString()).doesNotContain(phone).doesNotContain(idNumber);

		// another enterprise: not in its page, API list or export
		MockHttpSession other = SignIn.session(mvc, "yz.sz");
		mvc.perform(get("/enterprise/complaints").session(other).param("q", number).param("state", "ALL"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/enterprise/complaints/" + id + "\""))));
		assertThat(ExportedRows.column(ExportedRows.of(mvc, other, "/enterprise/complaints/export.xlsx", "state", "ALL"), 0))
			.doesNotContain(number);
	}

	@Test
	void theHeadersSortByTheWhitelistAndAnUnknownKeyKeepsTheDefaultOrder() throws Exception {
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/complaints").session(sf).param("state", "ALL"))
			.andExpect(content().string(containsString("sort=number")))
			.andExpect(content().string(containsString("sort=received_on")));
		List<String> ascending = ExportedRows.column(ExportedRows.of(mvc, sf, "/enterprise/complaints/export.xlsx", "state",
				"ALL", "sort", "received_on", "dir", "asc"), 1);
		assertThat(ascending).isSorted().hasSizeGreaterThan(2);
		assertThat(ascending.get(0)).isLessThan(ascending.get(ascending.size() - 1));
		List<String> descending = ExportedRows.column(ExportedRows.of(mvc, sf, "/enterprise/complaints/export.xlsx", "state",
				"ALL", "sort", "received_on", "dir", "desc"), 1);
		assertThat(descending.get(0)).isEqualTo(ascending.get(ascending.size() - 1));
		// an order the list does not offer (a hidden column) is refused naming it (kernel.Listing): never an order by it
		mvc.perform(get("/enterprise/complaints").session(sf).param("state", "ALL").param("sort", "filer_phone_index"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/enterprise/complaints/export.xlsx").session(sf).param("state", "ALL").param("sort", "filer_phone_index"))
			.andExpect(status().isBadRequest());
	}
}
