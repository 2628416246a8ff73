package org.youguan.enforcement.internal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A published decision (双公示) cites the law the decision applies, by the one rule (从旧兼从轻, {@link CaseLaw}): an
 * outlet left unfiled before the 2025 revision of the 快递暂行条例 (2025-06-01) and decided after it is published with the
 * 2019 text's 第四十条, not the decision day's 第五十条 — the bases marked by V297 are written again so at start.
 */
@IntegrationTest
class PublicationBasisOfTheAppliedLawIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	PublicationBasisOfTheAppliedLaw publicationBases;

	@Test
	void aPublicationOfAnActBeforeTheRevisionDecidedAfterItCitesTheActsText() throws Exception {
		String code = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 1, "legal_name", "asc")).items().get(0).creditCode();
		String number = "苏吴邮管罚〔2025〕T" + RandomDigits.of(8) + "号";
		// filed 2025-05-02 (the import's stand-in for the act's day), decided 2025-07-01
		mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"enterpriseCreditCode":"%s","violation":"OUTLET_UNFILED","source":"INSPECTION","filedOn":"2025-05-02",
					 "decidedOn":"2025-07-01","decisionNumber":"%s","penalty":"FINE","fine":5000}""".formatted(code, number)))
			.andExpect(status().isCreated());
		long id = jdbc.sql("SELECT id FROM penalty_case WHERE decision_number = :n").param("n", number).query(Long.class).single();
		// published before the one rule with the decision day's text, as V259 left it; V297 marks every publication. The
		// whole snapshot a publication keeps is written (DecisionPublication's SNAPSHOT): the public list of the shared
		// test database reads every published row
		jdbc.sql("""
				UPDATE penalty_case SET published_on = :on, publication_violation_code = violation_code,
				    publication_decided_on = decided_on, publication_decision_number = decision_number,
				    publication_enterprise_name = enterprise_name, publication_credit_code = enterprise_credit_code,
				    publication_penalty = penalty, publication_fine = fine, publication_confiscated = confiscated,
				    publication_basis = '《快递暂行条例》第五十条', publication_basis_due = TRUE WHERE id = :id""")
			.param("on", LocalDate.of(2025, 7, 5)).param("id", id).update();

		assertThat(publicationBases.rewrite()).isPositive();

		assertThat(jdbc.sql("SELECT publication_basis FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single())
			.contains("第四十条").doesNotContain("第五十条");
		assertThat(jdbc.sql("SELECT publication_basis_due FROM penalty_case WHERE id = :id").param("id", id)
			.query(Boolean.class).single()).as("done once").isFalse();
		assertThat(publicationBases.rewrite()).isZero();
	}
}
