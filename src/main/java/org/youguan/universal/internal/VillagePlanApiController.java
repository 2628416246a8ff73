package org.youguan.universal.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.WholeIn;
import org.youguan.kernel.YearIn;
import org.youguan.org.CurrentUser;
import org.youguan.universal.VillageCheckPlan;
import org.youguan.universal.VillageCheckPlanData;
import org.youguan.universal.VillageCheckPlans;

/**
 * The 通邮 check plans API, with the roles and region scope of the plans page: list the plans of the caller's region,
 * read one with its villages and whether each has been checked under it, and make one (random draw or criteria,
 * checked as the page's form is).
 */
@RestController
@RequestMapping("/api/v1/universal/plans")
@Tag(name = "普遍服务")
class VillagePlanApiController {

	private final VillageCheckPlans plans;

	VillagePlanApiController(VillageCheckPlans plans) {
		this.plans = plans;
	}

	/** The answer to a plan made. */
	record Created(long id) {
	}

	/** A plan as the API takes it: {@link VillageCheckPlanData} with the criteria flags optional (absent is false). */
	record PlanRequest(String name, String regionCode, String method, Boolean belowStandard,
			@WholeIn(min = 1, max = VillageCheckPlans.MAX_UNCHECKED_MONTHS) Integer uncheckedMonths, Boolean notDirect,
			@WholeIn(min = 1, max = VillageCheckPlans.MAX_SAMPLE) Integer sampleCount, String seed) {

		VillageCheckPlanData data() {
			return new VillageCheckPlanData(name, regionCode, method, Boolean.TRUE.equals(belowStandard), uncheckedMonths,
					Boolean.TRUE.equals(notDirect), sampleCount, seed);
		}
	}

	/**
	 * A plan as the API shows it.
	 * @param checked how many planned villages have been checked under the plan
	 * @param snapshot where the population snapshot is, to repeat the draw
	 * @param secret the secret drawn after the seed was given: the villages are ranked by SHA-256(seed ‖ secret ‖ code);
	 * null until every drawn village has been checked under the plan ({@link VillageCheckPlan#drawSecret}), for criteria
	 * and for plans drawn before secrets existed (SHA-256(seed ‖ code))
	 * @param secretCommitment SHA-256(secret)
	 * @param otherDraws a random plan's other random draws this year over an overlapping region
	 * ({@link VillageCheckPlan#otherDraws})
	 */
	record Plan(long id, String name, String regionCode, String regionName, String method, String criteria,
			Integer sampleCount, String seed, String secret, String secretCommitment, String snapshotHash, int population,
			LocalDate plannedOn, String createdBy, long checked, String snapshot, List<Village> villages,
			List<VillageCheckPlan.OtherDraw> otherDraws) {

		static Plan of(VillageCheckPlan p) {
			return new Plan(p.id(), p.name(), p.regionCode(), p.regionName(), p.method(), p.criteria(), p.sampleCount(),
					p.seed(), p.drawSecret(), p.secretCommitment(), p.snapshotHash(), p.population(), p.plannedOn(),
					p.createdBy(), p.checked(),
					"/universal/plans/" + p.id() + "/snapshot.txt", p.villages().stream().map(Village::of).toList(),
					p.otherDraws());
		}
	}

	/**
	 * A planned village.
	 * @param checked whether it has been checked under the plan (a check on or after the plan's day)
	 * @param checkId the first such check, or null
	 */
	record Village(int rank, String code, String name, String streetName, boolean checked, Long checkId,
			LocalDate checkedOn, Boolean standardDelivery) {

		static Village of(VillageCheckPlan.Planned v) {
			return new Village(v.rank(), v.code(), v.name(), v.streetName(), v.checked(), v.checkId(), v.checkedOn(),
					v.standardDelivery());
		}
	}

	@GetMapping
	@PreAuthorize(UniversalAccess.READERS)
	@Operation(summary = "通邮检查计划列表", description = "辖区内的计划，最新的在前（sort：planned_on、name、region、method、villages、"
			+ "checked）；q搜索计划名称或区域名称；method（RANDOM、CRITERIA）和year（制定年度）筛选。"
			+ "每项含计划建制村数（villages）和已检查数（checked：计划日及以后有检查的建制村）。")
	PageResult<VillageCheckPlans.Summary> list(DataScope scope, ListRequest list,
			@RequestParam(required = false) String selection, @RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year) {
		return plans.list(scope, new VillageCheckPlans.Filter(selection, year), list.toPage());
	}

	@GetMapping("/{id:\\d+}")
	@PreAuthorize(UniversalAccess.READERS)
	@Operation(summary = "通邮检查计划", description = "计划及其建制村（按抽取顺序），每个建制村是否已检查（checked）及首次检查；"
			+ "随机抽取的种子、抽取密钥的SHA-256（secretCommitment）、总体快照的SHA-256和快照地址（snapshot）；抽取密钥（secret）"
			+ "在抽中的建制村全部检查后公开（此前为null），可据此复核抽取；"
			+ "otherDraws：本年度同一区域（含上下级区域）的其他随机抽取计划。不在数据权限内时404。")
	Plan get(DataScope scope, @PathVariable long id) {
		return Plan.of(plans.get(scope, id));
	}

	@PostMapping
	@PreAuthorize(UniversalAccess.WRITERS)
	@Operation(summary = "制定通邮检查计划", description = "name（计划名称）、regionCode（数据权限内的地区代码）、method（RANDOM随机抽取、"
			+ "CRITERIA按条件选取）、belowStandard（低于频次标准）、uncheckedMonths（若干月未检查，1–120）、notDirect（未直接通邮）、"
			+ "sampleCount（抽取数量，随机抽取必填；按条件选取时为上限）、seed（随机种子，空则由系统生成并记录）。"
			+ "随机抽取时系统在收到种子后生成抽取密钥（secret），按SHA-256(种子‖密钥‖建制村代码)排序，密钥的SHA-256随计划公开，密钥在抽中的建制村全部检查后公开。"
			+ "与页面同样校验，错误为400并指明字段；没有符合条件的建制村为422；同一区域已有同名计划（忽略全角半角、空格、标点和大小写）为409"
			+ "（field为name）。")
	ResponseEntity<Created> create(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestBody(required = false) PlanRequest request) {
		if (request == null) {
			throw new InvalidValueException("name", "required", "请提交检查计划");
		}
		long id = plans.create(scope, me.bureauId(), request.data(), false);
		return ResponseEntity.created(URI.create("/api/v1/universal/plans/" + id)).body(new Created(id));
	}
}
