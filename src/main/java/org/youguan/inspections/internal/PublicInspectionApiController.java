package org.youguan.inspections.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.youguan.kernel.Text;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.inspections.InspectionPlan;
import org.youguan.inspections.InspectionPlans;
import org.youguan.inspections.RandomDraw;
import org.youguan.kernel.InvalidValueException;

/**
 * 双随机一公开 for everyone, without signing in and without personal data: the published plans with their targets
 * (enterprises, which are public in the registry) and the teams by certificate number, everything the draw used, and
 * the verification that repeats a draw from a published snapshot and seed.
 */
@RestController
@RequestMapping("/api/v1/public/inspections")
@Tag(name = "双随机一公开", description = "已公示的抽查计划、抽中对象与可复核的抽取（无需登录，不含个人信息）")
class PublicInspectionApiController {

	/** A published plan as the public sees it (no names of inspectors, operator or witnesses). */
	record PublicPlan(long id, String name, String regionCode, LocalDate periodFrom, LocalDate periodTo, List<String> items,
			Integer sampleCount, BigDecimal sampleRatio, String ratioByClass, int teamSize, String snapshotHash,
			Integer population, String seed, OffsetDateTime seedRecordedAt, OffsetDateTime drawnAt,
			OffsetDateTime publishedAt, List<InspectionPlan.Target> targets) {

		static PublicPlan of(InspectionPlan p, List<InspectionPlan.Target> targets) {
			return new PublicPlan(p.id(), p.name(), p.regionCode(), p.periodFrom(), p.periodTo(), p.items(), p.sampleCount(),
					p.sampleRatio(), p.ratioByClass(), p.teamSize(), p.snapshotHash(), p.population(), p.seed(),
					p.seedRecordedAt(), p.drawnAt(), p.publishedAt(), targets);
		}
	}

	/** What the draw of a published plan used, line by line, to repeat it. */
	record DrawInput(long planId, String snapshotHash, List<String> snapshot, String seed, Integer count, BigDecimal ratio,
			String ratioByClass, int teamSize, List<String> roster, List<String> conflicts) {
	}

	/**
	 * A draw to verify: either {@code planId} alone (the published plan's own inputs) or the inputs themselves —
	 * snapshot lines {@code key|creditClass|region}, seed, one of count / ratio / ratioByClass, teamSize, roster lines
	 * {@code certificate|region} and conflict lines {@code key|certificate}.
	 */
	record VerifyRequest(Long planId, @JsonDeserialize(using = JsonLists.Strings.class) List<String> snapshot,
			String seed, Integer count, BigDecimal ratio, Map<String, BigDecimal> ratioByClass, Integer teamSize,
			@JsonDeserialize(using = JsonLists.Strings.class) List<String> roster,
			@JsonDeserialize(using = JsonLists.Strings.class) List<String> conflicts) {
	}

	/** The repeated draw, and for a plan whether it gives the published targets and teams. */
	record VerifyResult(String snapshotHash, int population, List<RandomDraw.Target> targets, Boolean matchesPlan) {
	}

	private final InspectionPlans plans;

	PublicInspectionApiController(InspectionPlans plans) {
		this.plans = plans;
	}

	@GetMapping("/plans")
	@Operation(summary = "已公示的双随机抽查计划", description = "region：区划代码前缀（如3205），缺省为全部。每个计划附抽中对象及检查组（执法证号）。")
	List<PublicPlan> plans(@RequestParam(required = false) String region) {
		String prefix = region == null ? "" : Text.strip(region);
		if (!prefix.matches("\\d{0,12}")) {
			throw new InvalidValueException("region", "format", "区划代码（region）应为数字");
		}
		return plans.published(prefix).stream().map(p -> PublicPlan.of(p, plans.targets(p.id()))).toList();
	}

	@GetMapping("/plans/{id}/draw")
	@Operation(summary = "抽取依据", description = "计划冻结的对象名单快照（排序后逐行，SHA-256）、可抽检查人员、回避关系、随机种子和抽取方式，可据此自行复核。")
	DrawInput draw(@PathVariable long id) {
		InspectionPlan p = plans.publishedPlan(id);
		return new DrawInput(p.id(), p.snapshotHash(), InspectionPlans.lines(p.snapshot()), p.seed(), p.sampleCount(),
				p.sampleRatio(), p.ratioByClass(), p.teamSize(), InspectionPlans.lines(p.roster()),
				InspectionPlans.lines(p.conflicts()));
	}

	@PostMapping("/draw/verify")
	@Operation(summary = "复核抽取", description = "算法：名单每行“对象标识|信用等级|区划代码”排序后以换行连接，取SHA-256；"
			+ "按SHA-256(种子‖对象标识)升序排列，取前n个（数量、比例向上取整或按信用等级比例）；每个对象的检查人员排除回避后按"
			+ "SHA-256(种子‖对象标识‖执法证号)升序，先取对象所属单位的一人，再依次补足每组人数。只给planId时用该计划公示的依据复核。")
	VerifyResult verify(@RequestBody VerifyRequest request) {
		if (request.planId() != null && request.snapshot() == null) {
			InspectionPlan p = plans.publishedPlan(request.planId());
			RandomDraw.Result result = InspectionPlans.draw(p);
			return new VerifyResult(result.snapshotHash(), result.population(), result.targets(),
					matches(result, plans.targets(p.id())) && result.snapshotHash().equals(p.snapshotHash()));
		}
		if (request.snapshot() == null || request.snapshot().isEmpty()) {
			throw new InvalidValueException("snapshot", "required", "对象名单快照（snapshot）不能为空");
		}
		if (request.teamSize() == null) {
			throw new InvalidValueException("teamSize", "required", "每组检查人员数（teamSize）不能为空");
		}
		RandomDraw.Result result = RandomDraw.draw(clean(request.snapshot()).stream().map(RandomDraw.Candidate::parse).toList(),
				request.seed(), new RandomDraw.Sampling(request.count(), request.ratio(), request.ratioByClass()),
				clean(request.roster()).stream().map(InspectionPlans::examiner).toList(),
				InspectionPlans.conflicts(clean(request.conflicts())), request.teamSize());
		Boolean matches = null;
		if (request.planId() != null) {
			matches = matches(result, plans.targets(plans.publishedPlan(request.planId()).id()));
		}
		return new VerifyResult(result.snapshotHash(), result.population(), result.targets(), matches);
	}

	/** The lines of a request, none for null, a null line as an empty one (refused by its parser). */
	private static List<String> clean(List<String> lines) {
		return lines == null ? List.of() : lines.stream().map(l -> l == null ? "" : l).toList();
	}

	private static boolean matches(RandomDraw.Result result, List<InspectionPlan.Target> published) {
		if (result.targets().size() != published.size()) {
			return false;
		}
		for (int i = 0; i < published.size(); i++) {
			RandomDraw.Target t = result.targets().get(i);
			InspectionPlan.Target p = published.get(i);
			if (!t.key().equals(p.targetKey()) || t.rank() != p.rank() || !t.inspectors().equals(p.certificates())) {
				return false;
			}
		}
		return true;
	}
}
