package org.youguan.registry.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.DataScope;
import org.springdoc.core.annotations.ParameterObject;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.FacilityView;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;

/**
 * The registry for integrations, within the caller's scope (staff: their region; an enterprise: its own records).
 * Personal numbers are masked as on the pages. It reads, and writes one thing: the bureau's closure of an outlet.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "市场主体", description = "企业、许可证、末端网点、邮政设施（按调用者数据权限）")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF','ENTERPRISE')")
class RegistryApiController {

	private final Enterprises enterprises;

	private final Licences licences;

	private final Outlets outlets;

	private final Facilities facilities;

	RegistryApiController(Enterprises enterprises, Licences licences, Outlets outlets, Facilities facilities) {
		this.enterprises = enterprises;
		this.licences = licences;
		this.outlets = outlets;
		this.facilities = facilities;
	}

	@GetMapping("/enterprises")
	@Operation(summary = "企业列表", description = "q：名称片段或统一社会信用代码。")
	PageResult<EnterpriseView> enterprises(DataScope scope, @ParameterObject ListRequest list,
			@RequestParam(required = false) EnterpriseType type,
			@RequestParam(required = false) EnterpriseStatus status) {
		return enterprises.list(scope, new Enterprises.Filter(type, null, status), list.toPage());
	}

	@GetMapping("/enterprises/{id}")
	@Operation(summary = "企业详情")
	EnterpriseView enterprise(DataScope scope, @PathVariable long id) {
		return enterprises.get(scope, id);
	}

	@GetMapping("/licences")
	@Operation(summary = "快递业务经营许可证", description = "status：VALID、EXPIRED、CANCELLED、REVOKED。")
	PageResult<LicenceView> licences(DataScope scope, @ParameterObject ListRequest list,
			@RequestParam(required = false) LicenceStatus status) {
		return licences.list(scope, new Licences.Filter(status, null, null), list.toPage());
	}

	@GetMapping("/licences/{id}")
	@Operation(summary = "许可证详情", description = "不在调用者数据权限范围内的许可证返回404。")
	LicenceView licence(DataScope scope, @PathVariable long id) {
		return licences.get(scope, id);
	}

	@GetMapping("/outlets")
	@Operation(summary = "末端网点", description = "q 中的品牌简称和地名作为筛选条件（如“中通 吴中”）；计数超过1000时 capped 为 true。")
	PageResult<OutletView> outlets(DataScope scope, @ParameterObject ListRequest list,
			@RequestParam(required = false) OutletStatus status, @RequestParam(required = false) String region) {
		return outlets.browse(scope, new Outlets.Filter(null, status, region, null), list.toPage());
	}

	@GetMapping("/outlets/{id}")
	@Operation(summary = "末端网点详情")
	OutletView outlet(DataScope scope, @PathVariable long id) {
		return outlets.get(scope, id);
	}

	/** Why the bureau closes an outlet: one of {@link Outlets#CLOSURE_REASONS} or written, one line of at most 200. */
	record OutletClosure(@Schema(description = "关闭原因（必填，一行，至多200字）", example = "经现场检查，网点已停止经营") String reason) {
	}

	/**
	 * The bureau closes an outlet from today (关闭, e.g. found closed on inspection), as its page does
	 * ({@code POST /registry/outlets/{id}/close}): the same role (staff, bureau or system administrators — 403 for a
	 * leader or an enterprise), the same data scope (the caller's region: another county's outlet is 404; a city's staff
	 * reach their counties' outlets, as they decide those outlets' 撤销备案 in the filing queue), the same reason rules
	 * (one line, {@link Outlets#closureReason}) and the same audit entry ({@code outlet.close} with the reason).
	 * @return the outlet as closed, with {@code closedOn} and {@code closedReason}
	 */
	@PostMapping("/outlets/{id}/close")
	@PreAuthorize(RegistryAccess.WRITERS)
	@Operation(summary = "关闭末端网点", description = "邮政管理部门登记网点自今日起关闭（如检查发现已停止经营），与网点页面的“关闭”相同："
			+ "reason为关闭原因（必填，一行，至多200字，"
			+ "如“网点停止经营”“经营场所拆迁或租约到期”，或自行填写），原因缺失、过长或含换行返回400且不关闭；已关闭的返回409；"
			+ "不在调用者数据权限（本辖区，含下辖县区，与备案办理相同）内的网点返回404；局领导和企业用户返回403。成功返回关闭后的网点（closedOn、closedReason），并记入审计。")
	OutletView close(DataScope scope, @PathVariable long id, @RequestBody(required = false) OutletClosure body) {
		outlets.close(scope, id, body == null ? null : body.reason());
		return outlets.get(scope, id);
	}

	@GetMapping("/facilities")
	@Operation(summary = "邮政设施", description = "kind：POST_OFFICE、PARCEL_LOCKER、SMART_MAILBOX、SCREENING_MACHINE、CARE_STATION。")
	PageResult<FacilityView> facilities(DataScope scope, @ParameterObject ListRequest list, @RequestParam FacilityKind kind) {
		return facilities.list(scope, new Facilities.Filter(kind, null), list.toPage());
	}

	@GetMapping("/facilities/{id}")
	@Operation(summary = "邮政设施详情", description = "不在调用者数据权限范围内的设施返回404。")
	FacilityView facility(DataScope scope, @PathVariable long id) {
		return facilities.get(scope, id);
	}
}
