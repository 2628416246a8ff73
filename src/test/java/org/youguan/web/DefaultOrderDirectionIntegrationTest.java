package org.youguan.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The queue pages with a default order of their own (申诉, 备案 queue, 统计报表, the enterprise's 我的报表 and 申诉) and
 * their exports refuse a sort direction other than asc/desc even when no column is chosen: the default order used to
 * replace the direction unchecked, so {@code dir=sideways} was answered 200 there alone (attack 40 item 4).
 */
@IntegrationTest
class DefaultOrderDirectionIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aDirectionOtherThanAscOrDescIsA400OnTheQueuePagesAndTheirExports() throws Exception {
		record Path(String user, String path) {
		}
		for (Path p : List.of(new Path("wz.staff", "/complaints"), new Path("wz.staff", "/complaints/export.xlsx"),
				new Path("wz.staff", "/filing/queue"), new Path("wz.staff", "/filing/export.xlsx"),
				new Path("sz.market", "/statistics/reports"), new Path("sf.wz", "/enterprise/statistics"),
				new Path("sf.wz", "/enterprise/complaints"))) {
			var session = SignIn.session(mvc, p.user());
			assertThat(mvc.perform(get(p.path()).param("dir", "sideways").session(session))
				.andReturn().getResponse().getStatus()).as(p.path()).isEqualTo(400);
			assertThat(mvc.perform(get(p.path()).param("dir", "desc").session(session))
				.andReturn().getResponse().getStatus()).as(p.path() + " dir=desc").isEqualTo(200);
		}
	}

	@Test
	void theEnterpriseHomesReturnedReportsCardLeadsToTheReturnedReports() throws Exception {
		String home = mvc.perform(get("/").session(SignIn.session(mvc, "sf.wz"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(home).contains("/enterprise/statistics?status=RETURNED");
	}

}
