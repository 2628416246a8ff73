package org.youguan.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportForm;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.ReportStatus;
import org.youguan.statistics.Reports;

/**
 * The enterprise side of reporting, for the portal and the API alike: the signed-in enterprise, the forms it must
 * report, and receiving a report in one step (open the period, save, and submit when asked).
 */
@Service
public class EnterpriseReporting {

	private final Enterprises enterprises;

	private final ReportForms forms;

	private final Reports reports;

	private final Clock clock;

	public EnterpriseReporting(Enterprises enterprises, ReportForms forms, Reports reports, Clock clock) {
		this.enterprises = enterprises;
		this.forms = forms;
		this.reports = reports;
		this.clock = clock;
	}

	public EnterpriseView enterprise(CurrentUser me) {
		return enterprises.findByCreditCode(String.valueOf(me.enterpriseCreditCode()))
			.orElseThrow(() -> DomainException.notFound("企业", me.enterpriseCreditCode()));
	}

	/**
	 * What {@link #receive} did: the report's id, and whether the report was created by this call (rather than an
	 * existing draft updated).
	 */
	public record Received(long id, boolean created) {
	}

	/**
	 * Receives a report; with {@code submit} the whole step fails (nothing saved) when a rule fails. The values and notes
	 * given fill the report's draft over what it holds ({@link Reports#fillDraft}): an indicator left out keeps its value.
	 * The form is named by its code however its case is typed ({@link ReportForms#require}).
	 * @return the report and whether it was created now
	 * @throws InvalidValueException an unknown form code (on {@code form}, naming the codes there are), unknown or derived indicator codes, bad or (also on a draft) negative numbers, and
	 * on submission every failing rule, each naming the indicator code
	 */
	@Transactional
	public Received receive(CurrentUser me, String formCode, String periodText, Map<String, String> values,
			Map<String, String> notes, String comment, boolean submit) {
		if (formCode == null || Text.isBlank(formCode)) {
			// the values are read by the report's service (NumberText.Judged), which names each by its indicator; without
			// a form a value beyond the column's digits (1e400) is still named, by its code
			List<FieldError> errors = new ArrayList<>(List.of(new FieldError("form", "required", "请指定报表代码")));
			new TreeMap<>(values).forEach((code, text) -> {
				Validation value = new Validation();
				value.decimal(ReportChecks.field(code), "指标" + code, text, ReportChecks.VALUE_INTEGER_DIGITS,
						ReportChecks.VALUE_FRACTION_DIGITS);
				value.errors().stream().filter(e -> "digits".equals(e.rule())).forEach(errors::add);
			});
			throw new InvalidValueException(errors);
		}
		ReportForm form = forms.require("form", formCode);
		DataScope scope = me.scope();
		long enterpriseId = enterprise(me).id();
		// a form the enterprise does not report is told (422) before the period or values it sent are read
		reports.requireReporter(scope, enterpriseId, form.id());
		Period period = Period.parse(form.periodType(), periodText, "period", LocalDate.now(clock));
		boolean created = !reports.exists(enterpriseId, form.id(), period);
		long id = reports.open(scope, enterpriseId, form.id(), period);
		ReportView current = reports.get(scope, id);
		if (!current.status().editable()) {
			throw DomainException.illegalTransition(period.label() + "报表" + current.status().label()
					+ (current.status() == ReportStatus.APPROVED ? "，如需更正请先申请更正" : ""));
		}
		// the values given over the draft's: an indicator the call leaves out keeps the draft's value
		if (submit) {
			reports.fillAndSubmit(scope, id, values, notes, comment);
		}
		else {
			reports.fillDraft(scope, id, values, notes, comment);
		}
		return new Received(id, created);
	}
}
