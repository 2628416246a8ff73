package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.Validation;

/**
 * Attack (fix-a1 D): a date error of a step whose parameter is {@code on} named the field as plain 日期, whichever date
 * it was; one concept had two labels (缴纳日期 on the page, 缴款日期 in the domain and API; 快件数 beside 收寄量), a case
 * document's date was labelled as a licence's 发证日期; and full-width digits were read in a number (５０００) and refused
 * in a date. One label per concept from the label table, routed per step; one reading of full-width digits.
 */
class DateAndFieldLabelRulesTest {

	@Test
	void aStepsOnDateIsNamedByTheStepOnItsPageAndItsApi() {
		assertThat(FieldLabels.of("on", "/enforcement/cases/5/notice")).isEqualTo("告知日期");
		assertThat(FieldLabels.of("on", "/api/v1/enforcement/cases/5/notice")).isEqualTo("告知日期");
		assertThat(FieldLabels.of("on", "/enforcement/cases/5/delivery")).isEqualTo("送达日期");
		assertThat(FieldLabels.of("on", "/enforcement/cases/77/resumption")).isEqualTo("中止结束日期");
		assertThat(FieldLabels.of("on", "/enforcement/cases/77/statement")).isEqualTo("陈述申辩日期");
		assertThat(FieldLabels.of("on", "/enforcement/cases/77/hearing-request")).isEqualTo("申请听证日期");
		assertThat(FieldLabels.of("on", "/enforcement/cases/77/publication")).isEqualTo("公示日期");
		// another step's or route's on is still the plain field; a route holding no id does not match the pattern
		assertThat(FieldLabels.of("on", "/enforcement/cases//delivery")).isEqualTo("日期");
		assertThat(FieldLabels.of("on", "/inspections/orders/5")).isEqualTo("日期");
	}

	/**
	 * Finding (valid 2): a record's number borrowed the audit trail's label of the record it points to — a malformed
	 * {@code brandId} was told as 品牌, the label of {@code brand}, a short name. Each field is named by its own label.
	 */
	@Test
	void aRecordsNumberIsNamedByItsOwnLabelNotTheRecordsAuditLabel() {
		assertThat(FieldLabels.of("brand")).isEqualTo("品牌");
		assertThat(FieldLabels.of("brandId")).isEqualTo("品牌编号");
		assertThat(FieldLabels.of("enterpriseId", "/api/v1/inspections/records")).isEqualTo("企业编号");
		assertThat(FieldLabels.of("outletIds")).isEqualTo("末端网点编号");
		// a field label of its own (field.facilityId) is kept, as is an audit label of a field that is no number
		assertThat(FieldLabels.of("facilityId")).isEqualTo("设施编号");
		assertThat(FieldLabels.ownLabel("licenceNumber", "许可证编号")).isEqualTo("许可证编号");
		assertThat(FieldLabels.ownLabel("reportId", "报告ID")).isEqualTo("报告ID");
	}

	@Test
	void oneConceptHasOneLabel() {
		assertThat(FieldLabels.of("paidOn", "/enforcement/cases/5/payment")).isEqualTo("缴款日期");
		assertThat(FieldLabels.of("issuedOn", "/enforcement/cases/5/documents/originals")).isEqualTo("文书日期");
		assertThat(FieldLabels.of("issuedOn", "/licensing/licences")).isEqualTo("发证日期");
		assertThat(FieldLabels.of("parcels", "/api/v1/safety/periods/3/reports")).isEqualTo("收寄量");
		assertThat(FieldLabels.of("parcels", "/enterprise/safety/periods/3/reports")).isEqualTo("收寄量");
		assertThat(FieldLabels.of("screened", "/api/v1/safety/periods/3/reports")).isEqualTo("过机安检量");
	}

	@Test
	void aDateTypedInFullWidthFormsIsReadAsTheNumbersAre() {
		assertThat(Validation.parseDate("２０２６－１２－０１")).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(Validation.parseDate(" 2026-１２-01 ")).isEqualTo(LocalDate.of(2026, 12, 1));
		Validation v = new Validation();
		assertThat(v.date("decidedOn", "作出日期", "２０２６－０３－０５", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
			.isEqualTo(LocalDate.of(2026, 3, 5));
		assertThat(v.hasErrors()).isFalse();
		// digits of other scripts and a full-width space inside are no date
		assertThatThrownBy(() -> Validation.parseDate("٢٠٢٦-12-01")).isInstanceOf(DateTimeParseException.class);
		assertThatThrownBy(() -> Validation.parseDate("2026-12\u300001")).isInstanceOf(DateTimeParseException.class);
		assertThat(v.date("decidedOn", "作出日期", "2026年3月5日", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isNull();
		assertThat(v.hasErrors()).isTrue();
	}
}
