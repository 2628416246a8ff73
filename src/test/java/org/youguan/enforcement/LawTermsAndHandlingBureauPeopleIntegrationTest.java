package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Attack on the enforcement module: a decision's words are the law's and its people the deciding organ's. A case ended
 * without a penalty reads 不予行政处罚 (行政处罚法(2021) art.33) as its 处罚种类, in the export and its documents, not the
 * label 不予处罚; the 集体讨论 is the handling bureau's heads' (art.57 para.2), not a superior's; and a reissued decision
 * names the 行政复议机关 it named when it was decided, not the bureau above as it is called today.
 */
@IntegrationTest
class LawTermsAndHandlingBureauPeopleIntegrationTest extends ClockedSteps {

	@Autowired
	CaseDocuments documents;

	/** The current document of {@code kind}, read back from its .docx (POI). */
	String text(long id, CaseDocumentKind kind) throws Exception {
		return HandlingBureauAndPartyIntegrationTest.text(mvc, documents, id, kind);
	}

	@Autowired
	CaseDecisions caseDecisions;

	/** The 行政复议机关 the case's decision fixed (V304), null before. */
	String reviewBody(long id) {
		return jdbc.sql("SELECT review_body FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Autowired
	CaseExecution caseExecution;

	String number(long id) {
		return jdbc.sql("SELECT number FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void aNoPenaltyReadsAsTheLawNamesItInTheExportAndTheDocuments() throws Exception {
		today("2026-06-10");
		long id = party.concluded(party.other(), "OUTLET_UNFILED", "3000", LocalDate.of(2026, 6, 1));
		caseDecisions.notPenalize(PartyCases.ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正");
		today("2026-06-12");
		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct("2026-06-11"));

		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		List<List<String>> rows = ExportedRows.of(mvc, staff, "/enforcement/cases/export.xlsx", "open", "false", "q",
				number(id));
		int kind = rows.get(0).indexOf("处罚种类");
		assertThat(kind).as("the export's 处罚种类 column").isNotNegative();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).get(kind)).isEqualTo("不予行政处罚");

		// the documents of the decision and of the closure state the law's name, never the short label
		for (CaseDocumentKind document : List.of(CaseDocumentKind.NO_PENALTY_DECISION, CaseDocumentKind.CLOSING_REPORT)) {
			assertThat(text(id, document)).as(document.name()).contains("不予行政处罚").doesNotContain("不予处罚");
		}
	}

	/**
	 * 行政处罚法(2021) art.57 para.2: the 集体讨论 is the deciding organ's 负责人's — 孙局长, head of the 苏州市局 above the
	 * Wuzhong bureau, is refused among the heads of a Wuzhong case's discussion, naming the rule; nothing is decided.
	 */
	@Test
	void aSuperiorsHeadTakesNoPartInTheHandlingBureausDiscussion() {
		today("2026-06-10");
		long id = party.concluded(party.other(), "WAYBILL_DATA", "20000", LocalDate.of(2026, 6, 1));
		DomainException e = catchThrowableOfType(InvalidValueException.class, () -> caseDecisions.notPenalize(PartyCases.ALL,
				id, "MINOR_CORRECTED", "情节轻微并及时改正", new CaseDecisions.Discussion("2026-06-10",
						List.of("蒋局长", "孙局长", "李副局长"), "同意不予处罚")));
		assertThat(e).as("the discussion is refused").isNotNull();
		assertThat(e.fieldErrors()).filteredOn(f -> f.rule().equals("other-bureau-head")).singleElement()
			.satisfies(f -> assertThat(f.field()).isEqualTo("discussionParticipants[1]"))
			.extracting(FieldError::message).asString()
			.contains("孙局长不是本机关的负责人", "苏州市吴中区邮政管理局", "57").doesNotContain("苏州市邮政管理局");
		// written in traditional characters, the same head (attack M5: the name key, not the directory's text search)
		DomainException traditional = catchThrowableOfType(InvalidValueException.class, () -> caseDecisions.notPenalize(
				PartyCases.ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正", new CaseDecisions.Discussion("2026-06-10",
						List.of("蒋局长", "李副局长", "孫局長"), "同意不予处罚")));
		assertThat(traditional).as("孫局長 is refused").isNotNull();
		assertThat(traditional.fieldErrors()).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("discussionParticipants[2]", "other-bureau-head"));
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().status()).isEqualTo(CaseStatus.INVESTIGATED);

		// the handling bureau's own heads (and names no account bears) discuss it
		caseDecisions.notPenalize(PartyCases.ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正",
				new CaseDecisions.Discussion("2026-06-10", List.of("蒋局长", "王副局长", "李副局长"), "同意不予处罚"));
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().status()).isEqualTo(CaseStatus.NOT_PENALIZED);
		assertThat(reviewBody(id)).as("the 不予行政处罚决定书's 行政复议机关, kept").isEqualTo("苏州市邮政管理局");
	}

	/**
	 * A decision names the 行政复议机关 of its day (the bureau above the deciding one, 行政复议法(2023) art.27): reissued
	 * after that bureau was renamed, it still names the body the party was told; a decision made before the body was
	 * kept names today's.
	 */
	@Test
	void aReissuedDecisionNamesTheReviewBodyItWasDecidedWith() throws Exception {
		today("2026-06-10");
		long id = party.decided(party.other(), "DELIVERY_WITHOUT_CONSENT", "FINE", "3000", LocalDate.of(2026, 6, 10));
		assertThat(reviewBody(id)).isEqualTo("苏州市邮政管理局");
		assertThat(text(id, CaseDocumentKind.DECISION)).contains("向苏州市邮政管理局申请行政复议");
		String renamed = "更名测试市邮政管理局";
		jdbc.sql("UPDATE bureau SET name = :n WHERE region_code = '3205'").param("n", renamed).update();
		try {
			long decision = documents.current(id, CaseDocumentKind.DECISION).orElseThrow().id();
			party.cases().reissueDocument(PartyCases.ALL, id, decision, "更正笔误");
			assertThat(text(id, CaseDocumentKind.DECISION)).contains("向苏州市邮政管理局申请行政复议").doesNotContain(renamed);

			// a decision made before V304 kept no body: its reissue names today's
			jdbc.sql("UPDATE penalty_case SET review_body = NULL WHERE id = :id").param("id", id).update();
			decision = documents.current(id, CaseDocumentKind.DECISION).orElseThrow().id();
			party.cases().reissueDocument(PartyCases.ALL, id, decision, "再次更正");
			assertThat(text(id, CaseDocumentKind.DECISION)).contains("向" + renamed + "申请行政复议");
		}
		finally {
			jdbc.sql("UPDATE bureau SET name = '苏州市邮政管理局' WHERE region_code = '3205'").update();
		}
	}
}
