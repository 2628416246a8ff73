package org.youguan.safety.internal.rates;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.youguan.documents.Column;
import org.youguan.registry.Enterprises;
import java.time.Clock;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.safety.SafetyRates;
import org.youguan.safety.internal.SafetyAccess;

/**
 * The rate pages: the bureau's 实名率/验视率/过机率 by enterprise, county or outlet of its region and a period (sort by any
 * rate, search by name, .xlsx export) with the day/month trend chart; the enterprise portal's own rates by outlet.
 */
@Controller
class RatesController {

	private final SafetyRates rates;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	private final Enterprises enterprises;

	private final MessageSource messages;

	RatesController(SafetyRates rates, Spreadsheets spreadsheets, Clock clock, Enterprises enterprises,
			MessageSource messages) {
		this.enterprises = enterprises;
		this.messages = messages;
		this.rates = rates;
		this.spreadsheets = spreadsheets;
		this.clock = clock;
	}

	@GetMapping("/safety/rates")
	@PreAuthorize(SafetyAccess.READERS)
	String rates(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String by,
			@RequestParam(required = false) String step, Model model) {
		return page(me, scope, request, region, from, to, RateQueries.by(by), step, model, "/safety/rates");
	}

	@GetMapping("/enterprise/safety/rates")
	@PreAuthorize(SafetyAccess.ENTERPRISE)
	String own(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String step, Model model) {
		return page(me, scope, request, null, from, to, SafetyRates.By.OUTLET, step, model, "/enterprise/safety/rates");
	}

	@GetMapping("/safety/rates/export.xlsx")
	@PreAuthorize(SafetyAccess.READERS)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String by) {
		SafetyRates.Query q = RateQueries.query(me, scope, region, from, to, clock);
		SafetyRates.By grouping = RateQueries.by(by);
		var rows = rates.breakdown(scope, q, grouping, request.toExport()).items();
		List<Column<SafetyRates.Line>> columns = RateQueries.COLUMNS;
		if (grouping == SafetyRates.By.OUTLET) {
			// outlets of several enterprises (and each one's parcels without an outlet) are told apart by the enterprise;
			// its name as the lines by enterprise show it (a line in the region's figures names its enterprise, whichever
			// bureau registered it)
			Map<Long, String> names = new HashMap<>();
			enterprises.readable(DataScope.all(), rows.stream().map(SafetyRates.Line::enterpriseId).filter(Objects::nonNull)
				.collect(Collectors.toSet())).forEach((id, e) -> names.put(id, e.legalName()));
			columns = RateQueries.withEnterprise(names);
		}
		return Downloads.xlsx(ExportNames.of("实名率验视率过机率", scope), spreadsheets.write("三项制度", columns, rows));
	}

	private String page(CurrentUser me, DataScope scope, ListRequest request, String region, String from, String to,
			SafetyRates.By by, String step, Model model, String path) {
		SafetyRates.Query q = RateQueries.query(me, scope, region, from, to, clock);
		PageQuery query = request.toPage();
		model.addAttribute("q", q);
		model.addAttribute("by", by);
		model.addAttribute("step", RateQueries.step(step));
		model.addAttribute("path", path);
		model.addAttribute("total", rates.total(scope, q));
		model.addAttribute("result", rates.breakdown(scope, q, by, query));
		model.addAttribute("query", query);
		// the series named in the page's language (an option is data the page cannot word with #{…})
		Locale language = LocaleContextHolder.getLocale();
		model.addAttribute("trendChart", TrendChart.of(rates.trend(scope, q, RateQueries.step(step)),
				List.of("safety.rates.realName", "safety.rates.inspection", "safety.rates.screening").stream()
					.map(key -> messages.getMessage(key, null, language)).toList()));
		return "safety/rates";
	}
}
