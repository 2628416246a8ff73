package org.youguan.safety.internal.ledgers;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;
import org.youguan.registry.FacilityView;

/**
 * The 过机安检 API: screening machines in scope (registry facilities), the contractor ledger, and outlet coverage.
 */
@RestController
@RequestMapping("/api/v1/safety")
@Tag(name = "安全监管")
class ScreeningApiController {

	private final ScreeningCoverage coverage;

	private final Contractors contractors;

	ScreeningApiController(ScreeningCoverage coverage, Contractors contractors) {
		this.coverage = coverage;
		this.contractors = contractors;
	}

	/** A contract with the outlets it covers. */
	record ContractorDetail(ContractorView contractor, List<Contractors.CoveredOutlet> outlets) {
	}

	@GetMapping("/machines")
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "安检机", description = "数据权限内登记为安检机的邮政设施（企业：本企业的）；q搜索名称、地址或序列号。")
	PageResult<FacilityView> machines(DataScope scope, ListRequest list) {
		return coverage.machines(scope, list.toPage());
	}

	@GetMapping("/contractors")
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "委托第三方安检企业", description = "数据权限内的委托安检合同（企业：本企业的）；active=true只列今天有效的。")
	PageResult<ContractorView> contractors(DataScope scope, ListRequest list, @RequestParam(required = false) Boolean active) {
		return contractors.list(scope, Boolean.TRUE.equals(active), list.toPage());
	}

	@GetMapping("/contractors/{id}")
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "委托安检合同", description = "合同及其覆盖的网点；不在数据权限内时404。")
	ContractorDetail contractor(DataScope scope, @PathVariable long id) {
		return new ContractorDetail(contractors.get(scope, id), contractors.outlets(id));
	}

	@PostMapping("/contractors")
	@PreAuthorize(LedgerAccess.WRITERS)
	@Operation(summary = "登记委托安检", description = "name、creditCode（安检企业统一社会信用代码）、enterpriseCreditCode（委托企业，辖区内）、"
			+ "contractFrom、contractTo、outletIds（委托企业的网点编号，至少一个）。")
	ResponseEntity<Created> create(DataScope scope, @RequestBody ContractorData data) {
		if (data == null) {
			throw new InvalidValueException("name", "required", "请提交委托安检信息");
		}
		long id = contractors.create(scope, data, false);
		return ResponseEntity.created(URI.create("/api/v1/safety/contractors/" + id)).body(new Created(id));
	}

	@GetMapping("/coverage")
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "过机安检覆盖", description = "enterprise（企业编号）给出时列该企业每个网点的覆盖（machine安检机、contractor委托安检企业，"
			+ "均为null即未覆盖）；否则列数据权限内每个企业的网点数、安检机覆盖数、仅委托安检覆盖数、未覆盖数。")
	Object coverage(DataScope scope, @RequestParam(required = false) Long enterprise) {
		return enterprise == null ? coverage.enterprises(scope) : coverage.outlets(scope, enterprise);
	}
}
