package org.youguan.safety.internal.ledgers;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.region.Regions;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;
import org.youguan.registry.FacilityView;

/**
 * The bureau's 过机安检 pages: the screening machines in its region (registry facilities of kind 安检机, with their
 * enterprise), the ledger of third-party screening contractors (list, .xlsx export, form, a contract's page with the
 * outlets it covers) and the coverage of outlets by a machine or a contractor (过机安检全覆盖), per enterprise and per
 * outlet. A refused contract form comes back with its errors, the values typed and a 4xx status ({@link FormSteps}).
 */
@Controller
@PreAuthorize(LedgerAccess.READERS)
class ScreeningController {

	static final String CONTRACTORS = "/safety/contractors";

	/**
	 * The screening machines' export columns; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<FacilityView>> machineColumns(Function<String, String> place) {
		return List.of(Column.of("名称", FacilityView::name, 30),
			Column.of("设备序列号", FacilityView::serialNumber, 20), Column.of("所属企业", FacilityView::enterpriseName, 30),
			Column.of("所在地", row -> place.apply(row.regionCode())), Column.of("地址", FacilityView::address, 30),
			Column.of("状态", f -> f.status()), Column.of("启用日期", FacilityView::commissionedOn));
	}

	/**
	 * The contractors' export columns; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<ContractorView>> contractorColumns(Function<String, String> place) {
		return List.of(Column.of("安检企业", ContractorView::name, 30),
			Column.of("安检企业统一社会信用代码", ContractorView::creditCode, 20),
			Column.of("委托企业", ContractorView::enterpriseName, 30), Column.of("所在地", row -> place.apply(row.regionCode())),
			Column.of("合同开始", ContractorView::contractFrom), Column.of("合同结束", ContractorView::contractTo),
			Column.of("覆盖网点数", ContractorView::outlets), Column.of("有效", c -> c.active()));
	}

	private final ScreeningCoverage coverage;

	private final Contractors contractors;

	private final Spreadsheets spreadsheets;

	private final AuditTrail audit;

	private final Placement placement;

	private final Regions regions;

	ScreeningController(ScreeningCoverage coverage, Contractors contractors, Spreadsheets spreadsheets, AuditTrail audit,
			Placement placement, Regions regions) {
		this.regions = regions;
		this.placement = placement;
		this.coverage = coverage;
		this.contractors = contractors;
		this.spreadsheets = spreadsheets;
		this.audit = audit;
	}

	@GetMapping("/safety/machines")
	String machines(@AuthenticationPrincipal CurrentUser me, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", coverage.machines(me.scope(), query));
		model.addAttribute("query", query);
		return "safety/machines";
	}

	@GetMapping("/safety/machines/export.xlsx")
	ResponseEntity<byte[]> exportMachines(@AuthenticationPrincipal CurrentUser me, ListRequest request) {
		return Downloads.xlsx(ExportNames.of("安检机", me.scope()), spreadsheets.write("安检机", machineColumns(regions.fullNames()),
				coverage.machines(me.scope(), request.toExport()).items()));
	}

	@GetMapping(CONTRACTORS)
	String contractors(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) Boolean active, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", contractors.list(me.scope(), Boolean.TRUE.equals(active), query));
		model.addAttribute("query", query);
		return "safety/contractors";
	}

	@GetMapping(CONTRACTORS + "/export.xlsx")
	ResponseEntity<byte[]> exportContractors(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) Boolean active) {
		return Downloads.xlsx(ExportNames.of("委托第三方安检企业", me.scope()), spreadsheets.write("委托安检", contractorColumns(regions.fullNames()),
				contractors.list(me.scope(), Boolean.TRUE.equals(active), request.toExport()).items()));
	}

	@GetMapping(CONTRACTORS + "/new")
	@PreAuthorize(LedgerAccess.WRITERS)
	String form(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String enterpriseCreditCode,
			Model model) {
		// the outlets covered are chosen among the named enterprise's outlets in the region (reloaded as it is typed)
		placement.offer(model, me.scope(), enterpriseCreditCode, Placement.Kept.NONE);
		return "safety/contractor-form";
	}

	@PostMapping(CONTRACTORS)
	@PreAuthorize(LedgerAccess.WRITERS)
	String create(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String name,
			@RequestParam(required = false) String creditCode, @RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String contractFrom, @RequestParam(required = false) String contractTo,
			@RequestParam(required = false) String outletIds, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, () -> {
			long id = contractors.create(me.scope(), new ContractorData(name, creditCode, enterpriseCreditCode,
					contractFrom, contractTo, ids(outletIds)), false);
			return new PageSteps.Done("委托安检已登记", CONTRACTORS + "/" + id);
		}, () -> form(me, enterpriseCreditCode, model));
	}

	@GetMapping(CONTRACTORS + "/{id:\\d+}")
	String contractor(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("contractor", contractors.get(me.scope(), id));
		model.addAttribute("outlets", contractors.outlets(id));
		model.addAttribute("history", audit.history(me.scope(), Contractors.AUDIT_TYPE, id));
		return "safety/contractor";
	}

	@GetMapping("/safety/coverage")
	String coverage(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long enterprise,
			Model model) {
		if (enterprise == null) {
			model.addAttribute("enterprises", coverage.enterprises(me.scope()));
		}
		else {
			model.addAttribute("outlets", coverage.outlets(me.scope(), enterprise));
		}
		return "safety/coverage";
	}

	/**
	 * Outlet ids as typed: whole numbers in ASCII or full-width digits ({@link Decimals#whole}) separated by commas, 、
	 * or spaces; digits of other scripts ({@code ٣}, which {@link Long#parseLong} reads as 3) are none.
	 * @throws InvalidValueException on {@code outletIds}, rule {@code format}
	 */
	static List<Long> ids(String text) {
		if (text == null || Text.isBlank(text)) {
			return List.of();
		}
		List<Long> ids = Arrays.stream(Text.strip(text).split("[,，、;；\\s]+")).map(Decimals::whole).toList();
		if (ids.stream().anyMatch(id -> id == null)) {
			throw new InvalidValueException("outletIds", "format", "网点编号应为数字，以逗号分隔");
		}
		return ids;
	}
}
