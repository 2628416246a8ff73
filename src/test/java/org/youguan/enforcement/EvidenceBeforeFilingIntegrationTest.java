package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * Evidence gathered before 立案 — the 现场检查笔录 of the inspection, the photos taken when the violation was found —
 * is evidence of the case (行政处罚法(2021) art.46, 54–55): its day may lie back to the day the lead was received (the
 * day the violation was discovered), not before it and not in the future, each refusal saying which bound.
 */
@IntegrationTest
class EvidenceBeforeFilingIntegrationTest {

	@Autowired
	Leads leads;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	CaseEvidence evidence;

	@Autowired
	PartyCases party;

	@Autowired
	Clock clock;

	CaseEvidence.EvidenceData siteRecord(LocalDate on) {
		return new CaseEvidence.EvidenceData("SITE_RECORD", "现场检查发现未按规定报送数据" + UUID.randomUUID(), "检查时现场查看业务系统",
				"吴中区某营业场所", "张某", on.toString(), List.of("32050601", "32050602"));
	}

	FieldError refused(long id, LocalDate on) {
		InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> evidence.add(ALL, id, siteRecord(on), null));
		assertThat(e).as("collected on " + on).isNotNull();
		assertThat(e.fieldErrors()).hasSize(1);
		return e.fieldErrors().get(0);
	}

	@Test
	void evidenceFromBeforeFilingBackToTheLeadsDayIsTakenNotEarlierNorLater() {
		LocalDate today = LocalDate.now(clock);
		LocalDate found = today.minusDays(12);
		long lead = leads.report(ALL, new Leads.ReportData("REPORT", "执法检查中发现", party.other().creditCode(), null,
				"检查发现未报送数据" + UUID.randomUUID(), found.toString()), false);
		leads.propose(ALL, lead, "DATA_NOT_REPORTED", found.minusDays(1).toString(), null, false, null);
		long id = leads.approve(ALL, lead, PartyCases.HEAD, today.minusDays(2), false);
		caseInvestigation.startInvestigation(ALL, id, PartyCases.TEAM);

		CaseEvidence.EvidenceItem item = evidence.add(ALL, id, siteRecord(found), null);
		assertThat(item.collectedOn()).isEqualTo(found);
		assertThat(evidence.add(ALL, id, siteRecord(today.minusDays(5)), null).collectedOn()).isBefore(today.minusDays(2));

		FieldError early = refused(id, found.minusDays(1));
		assertThat(early.field()).isEqualTo("collectedOn");
		assertThat(early.rule()).isEqualTo("range");
		assertThat(early.message()).contains("不能早于" + ChineseText.day(found), "收到线索之日");
		FieldError late = refused(id, today.plusDays(1));
		assertThat(late.rule()).isEqualTo("range");
		assertThat(late.message()).contains("不能晚于今天");
	}
}
