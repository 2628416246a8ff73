package org.youguan.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.CollectedErrors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Indicators;
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
		Period period;
		try {
			period = Period.parse(form.periodType(), periodText, "period", LocalDate.now(clock));
		}
		catch (InvalidValueException badPeriod) {
			// every field at once (attack 3: a bad period hid every value's error): the period's refusal with what the
			// values, notes and comment as sent break on their own
			CollectedErrors errors = new CollectedErrors();
			errors.addRefusal(badPeriod);
			errors.addAll(reports.entryErrors(form.id(), values, notes, comment));
			throw asSent(errors.refusal(), forms.indicators(form.id()), values, notes);
		}
		boolean created = !reports.exists(enterpriseId, form.id(), period);
		long id = reports.open(scope, enterpriseId, form.id(), period);
		ReportView current = reports.get(scope, id);
		if (!current.status().editable()) {
			String correction = current.status() == ReportStatus.APPROVED ? "，如需更正请先申请更正" : "";
			throw DomainException.illegalTransition(Wording.of("statistics.refusal.periodReport", period.code(), current.status(), correction),
					period.label() + "报表" + current.status().label() + correction);
		}
		// the values given over the draft's: an indicator the call leaves out keeps the draft's value
		try {
			if (submit) {
				reports.fillAndSubmit(scope, id, values, notes, comment);
			}
			else {
				reports.fillDraft(scope, id, values, notes, comment);
			}
		}
		catch (InvalidValueException refused) {
			throw asSent(refused, forms.indicators(form.id()), values, notes);
		}
		return new Received(id, created);
	}

	/**
	 * The refusal with each indicator's field named as the caller's body spelled it: the service names a value by the
	 * catalogue's code ({@code values.express.volume.local}), the body may have sent it as {@code EXPRESS.VOLUME.LOCAL}
	 * or in full width (read as the same code, {@link Indicators#codeKey}) — the error names {@code values.EXPRESS.VOLUME.LOCAL},
	 * the JSON path sent (as a JSON type error of it does), the message the indicator's Chinese name. A code sent in
	 * two spellings, one of them the catalogue's, keeps the catalogue's; errors of a value not sent (请填写…) name the
	 * catalogue's code, the path to send it under.
	 */
	static InvalidValueException asSent(InvalidValueException refused, List<Indicator> indicators,
			Map<String, String> values, Map<String, String> notes) {
		Map<String, String> names = new HashMap<>();
		sentNames(indicators, values.keySet(), ReportChecks::field, names);
		sentNames(indicators, notes.keySet(), ReportChecks::noteField, names);
		InvalidValueException named = refused;
		for (Map.Entry<String, String> n : names.entrySet()) {
			named = named.renamed(n.getKey(), n.getValue());
		}
		return named;
	}

	/** Into {@code names}: the field of each indicator sent under another spelling → the field as sent. */
	private static void sentNames(List<Indicator> indicators, Set<String> sent, Function<String, String> field,
			Map<String, String> names) {
		Map<String, String> codes = new HashMap<>();
		indicators.forEach(i -> codes.putIfAbsent(Indicators.codeKey(i.code()), i.code()));
		Set<String> exact = new HashSet<>();
		for (String typed : new TreeSet<>(sent)) {
			String code = typed == null ? null : codes.get(Indicators.codeKey(typed));
			if (code == null || code.equals(typed)) {
				exact.add(code);
			}
			else if (!exact.contains(code)) {
				names.put(field.apply(code), field.apply(typed));
			}
		}
		exact.forEach(code -> names.remove(field.apply(code)));
	}
}
