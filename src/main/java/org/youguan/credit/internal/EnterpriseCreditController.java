package org.youguan.credit.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.credit.CreditEntry;
import org.youguan.credit.CreditObjection;
import org.youguan.credit.CreditObjections;
import org.youguan.credit.CreditRecords;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageQuery;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The enterprise's own credit record on its portal (快递业信用管理暂行办法(2017)): 信用记录 {@code /enterprise/credit}
 * lists its entries (origin and its number, state, the correction owed with its due day and the article it follows —
 * art.17 for a penalty changed or revoked, art.18 for an objection upheld), searched, filtered by state, sorted from the
 * headers and paged; an entry's page {@code /enterprise/credit/entries/{id}} shows it with the objections to it and the
 * form to file one (art.18, {@link CreditObjections#file} — the API's one service and its checks); its objections are
 * listed at {@code /enterprise/credit/objections}. The scope is the signed-in enterprise: another enterprise's entry is
 * not found (404). A refused objection comes back in the refusal's 4xx with the reason as typed ({@link FormSteps}).
 */
@Controller
@PreAuthorize("hasRole('ENTERPRISE')")
class EnterpriseCreditController {

	private final CreditRecords records;

	private final CreditObjections objections;

	private final StatutoryRules rules;

	EnterpriseCreditController(CreditRecords records, CreditObjections objections, StatutoryRules rules) {
		this.records = records;
		this.objections = objections;
		this.rules = rules;
	}

	/** Its entries: {@code q}, {@code status}, sorts {@code occurred_on} (default, newest first) and {@code due}. */
	@GetMapping("/enterprise/credit")
	String entries(DataScope scope, ListRequest request, @RequestParam(required = false) String status, Model model) {
		PageQuery query = request.toPage();
		CreditRecords.Filter filter = CreditAccess.entries(status, null, null);
		model.addAttribute("result", records.list(scope, filter, query));
		model.addAttribute("query", query);
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", CreditEntry.Status.values());
		periods(model);
		return "credit/enterprise-entries";
	}

	/** One entry of its own record with the objections to it and, while it takes one, the objection form. */
	@GetMapping("/enterprise/credit/entries/{id:\\d+}")
	String entry(DataScope scope, @PathVariable long id, Model model) {
		CreditEntry entry = records.get(scope, id);
		List<CreditObjection> filed = objections.ofEntry(scope, id);
		model.addAttribute("e", entry);
		model.addAttribute("objections", filed);
		model.addAttribute("canObject", entry.status() != CreditEntry.Status.REMOVED && objections.served(entry)
				&& filed.stream().noneMatch(o -> o.status() == CreditObjection.Status.FILED));
		periods(model);
		return "credit/enterprise-entry";
	}

	/** Files its objection to the entry ({@link CreditObjections#file}); refused, the entry's page with the reason typed. */
	@PostMapping("/enterprise/credit/entries/{id:\\d+}/objections")
	@PageForm("objection-form")
	String object(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, "/enterprise/credit/entries/" + id, "已提出信用异议",
				() -> objections.file(scope, id, new CreditObjections.Filing(reason)), () -> entry(scope, id, model));
	}

	/** Its objections: {@code q}, {@code status}, sorts {@code filed_on} (default, newest first) and {@code due}. */
	@GetMapping("/enterprise/credit/objections")
	String objections(DataScope scope, ListRequest request, @RequestParam(required = false) String status, Model model) {
		PageQuery query = request.toPage();
		CreditObjections.Filter filter = CreditAccess.objections(status, null);
		model.addAttribute("result", objections.list(scope, filter, query));
		model.addAttribute("query", query);
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", CreditObjection.Status.values());
		periods(model);
		return "credit/enterprise-objections";
	}

	/** The three periods of the 办法 with their articles, as the catalogue states them (the national values). */
	private void periods(Model model) {
		model.addAllAttributes(rules.statedAs("update", StatutoryRule.CREDIT_RECORD_UPDATE, null));
		model.addAllAttributes(rules.statedAs("review", StatutoryRule.CREDIT_OBJECTION_REVIEW, null));
		model.addAllAttributes(rules.statedAs("correction", StatutoryRule.CREDIT_OBJECTION_CORRECTION, null));
	}
}
