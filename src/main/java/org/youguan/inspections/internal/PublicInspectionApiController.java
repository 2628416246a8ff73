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
import org.youguan.kernel.Validation;
import org.youguan.kernel.WholeIn;

/**
 * 双随机一公开 for everyone, without signing in and without personal data: the published plans with their targets
 * (enterprises, which are public in the registry) and the teams by certificate number, everything the draw used, and
 * the verification that repeats a draw from a published snapshot and seed.
 */
@RestController
@RequestMapping("/api/v1/public/inspections")
@Tag(name = "双随机一公开", description = "已公示的抽查计划、抽中对象与可复核的抽取（无需登录，不含个人信息）")
class PublicInspectionApiController {

	/** The most snapshot lines a verification takes: above the largest population a plan freezes in practice. */
	static final int MAX_SNAPSHOT_LINES = 20_000;

	/** The most roster lines a verification takes: above a province's roster of law-enforcement certificates. */
	static final int MAX_ROSTER_LINES = 2_000;

	/** The most conflict lines a verification takes: ten per object of the largest snapshot. */
	static final int MAX_CONFLICT_LINES = 200_000;

	/** The longest line of a snapshot, roster or conflict list (characters): a key, a class and a region, or two keys. */
	static final int MAX_LINE = 200;

	/**
	 * A published plan as the public sees it (no names of inspectors, operator or witnesses).
	 * @param secretCommitment SHA-256 of the draw's secret, made when the population was frozen ({@code committedAt},
	 * before {@code seedRecordedAt}); null for a plan frozen before secrets existed
	 * @param secret the draw's secret, revealed once every target's result is published (null before,
	 * {@link InspectionPlans#drawRevealed}); a plan without a commitment has its seed withheld until then too
	 */
	record PublicPlan(long id, String name, String regionCode, LocalDate periodFrom, LocalDate periodTo, List<String> items,
			Integer sampleCount, BigDecimal sampleRatio, String ratioByClass, int teamSize, String snapshotHash,
			Integer population, String secretCommitment, OffsetDateTime committedAt, String seed,
			OffsetDateTime seedRecordedAt, String secret, OffsetDateTime drawnAt, OffsetDateTime publishedAt,
			List<InspectionPlan.Target> targets) {

		static PublicPlan of(InspectionPlan p, List<InspectionPlan.Target> targets) {
			return new PublicPlan(p.id(), p.name(), p.regionCode(), p.periodFrom(), p.periodTo(), p.items(), p.sampleCount(),
					p.sampleRatio(), p.ratioByClass(), p.teamSize(), p.snapshotHash(), p.population(), p.secretCommitment(),
					p.committedAt(), p.seed(), p.seedRecordedAt(), p.drawSecret(), p.drawnAt(), p.publishedAt(), targets);
		}
	}

	/**
	 * What the draw of a published plan used, line by line, to repeat it.
	 * @param secretCommitment published when the population was frozen; null for a plan frozen before secrets existed
	 * @param secret revealed once every target's result is published: SHA-256(secret) is the commitment; null before
	 * (a plan without a commitment has its seed and snapshot, roster and conflict lines withheld until then too)
	 */
	record DrawInput(long planId, String snapshotHash, List<String> snapshot, String secretCommitment, String seed,
			String secret, Integer count, BigDecimal ratio, String ratioByClass, int teamSize, List<String> roster,
			List<String> conflicts) {
	}

	/**
	 * A draw to verify: either {@code planId} alone (the published plan's own inputs) or the inputs themselves —
	 * snapshot lines {@code key|creditClass|region} (at most {@link #MAX_SNAPSHOT_LINES}), seed, secret (revealed after
	 * the draw; none for a plan frozen before secrets existed), one of count / ratio / ratioByClass (at most
	 * {@link RandomDraw#MAX_TARGETS} targets; the classes of ratioByClass those of {@link InspectionPlans#CREDIT_CLASSES}),
	 * teamSize (2–10), roster lines {@code certificate|region} (at most
	 * {@link #MAX_ROSTER_LINES}) and conflict lines {@code key|certificate} (at most {@link #MAX_CONFLICT_LINES}); with
	 * {@code planId} or {@code secretCommitment} the secret must hash to the commitment.
	 */
	record VerifyRequest(Long planId, @JsonDeserialize(using = JsonLists.Strings.class) List<String> snapshot,
			String seed, String secret, String secretCommitment,
			@WholeIn(min = 1, max = RandomDraw.MAX_TARGETS) Integer count, BigDecimal ratio,
			Map<String, BigDecimal> ratioByClass, @WholeIn(min = 2, max = RandomDraw.MAX_TEAM) Integer teamSize,
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
	@Operation(summary = "已公示的双随机抽查计划", description = "region：区划代码前缀（如3205），缺省为全部。每个计划附检查结果已公示的抽中对象及其检查组（执法证号）；"
			+ "尚未检查或结果未公示的对象在结果公示后公开。")
	List<PublicPlan> plans(@RequestParam(required = false) String region) {
		String prefix = region == null ? "" : Text.strip(region);
		if (!prefix.matches("\\d{0,12}")) {
			throw new InvalidValueException("region", "format", "区划代码应为数字");
		}
		return plans.published(prefix).stream().map(p -> PublicPlan.of(p, plans.publicTargets(p.id()))).toList();
	}

	@GetMapping("/plans/{id}/draw")
	@Operation(summary = "抽取依据", description = "计划冻结的对象名单快照（排序后逐行，SHA-256）、可抽检查人员、回避关系、随机种子和抽取方式，可据此自行复核。"
			+ "抽取密钥（secret）在全部抽中对象的检查结果公示后公开，此前为null，只公布其SHA-256承诺值（secretCommitment）；"
			+ "没有承诺值的早期计划在此之前也不公开随机种子和名单、人员、回避明细（只公布摘要）。")
	DrawInput draw(@PathVariable long id) {
		InspectionPlan p = plans.publishedPlan(id);
		return new DrawInput(p.id(), p.snapshotHash(), InspectionPlans.lines(p.snapshot()), p.secretCommitment(), p.seed(),
				p.drawSecret(), p.sampleCount(), p.sampleRatio(), p.ratioByClass(), p.teamSize(),
				InspectionPlans.lines(p.roster()), InspectionPlans.lines(p.conflicts()));
	}

	@PostMapping("/draw/verify")
	@Operation(summary = "复核抽取", description = "算法：名单每行“对象标识|信用等级|区划代码”排序后以换行连接，取SHA-256；"
			+ "冻结名单时公布抽取密钥的SHA-256承诺值（secretCommitment），抽取后公开密钥（secret）；"
			+ "按SHA-256(种子‖密钥‖对象标识)升序排列，取前n个（数量、比例向上取整或按信用等级比例）；每个对象的检查人员排除回避后按"
			+ "SHA-256(种子‖密钥‖对象标识‖执法证号)升序，先取对象所属单位的一人，再依次补足每组人数。没有承诺值的早期计划不用密钥。"
			+ "只给planId时用该计划公示的依据复核；给planId或secretCommitment时密钥的SHA-256须等于承诺值，否则409（field为secret）。"
			+ "给planId的复核在该计划全部检查结果公示、密钥公开后才能进行，此前409（field为planId，rule为not-revealed）。"
			+ "自带依据时：snapshot不超过20000行，roster不超过2000行，conflicts不超过200000行，每行不超过200个字符，"
			+ "seed、secret不超过200个字符，抽中对象不超过500个，teamSize为2至10，ratioByClass的信用等级为守信、失信、信用异常、未评定之一，"
			+ "超出为400并指明字段和规则。")
	VerifyResult verify(@RequestBody VerifyRequest request) {
		if (request.planId() != null) {
			// a plan's draw is repeated once all its results are published: before, its own inputs would give the
			// targets, and inputs guessed against it (a seed of a plan without a secret) would be told they match
			plans.publishedPlan(request.planId());
			plans.requireDrawRevealed(request.planId());
		}
		if (request.planId() != null && request.snapshot() == null) {
			InspectionPlan p = plans.publishedPlan(request.planId());
			RandomDraw.Result result = InspectionPlans.draw(p);
			return new VerifyResult(result.snapshotHash(), result.population(), result.targets(),
					matches(result, plans.targets(p.id())) && result.snapshotHash().equals(p.snapshotHash()));
		}
		if (request.snapshot() == null || request.snapshot().isEmpty()) {
			throw new InvalidValueException("snapshot", "required", "对象名单快照不能为空");
		}
		if (request.teamSize() == null) {
			throw new InvalidValueException("teamSize", "required", "每组检查人员数不能为空");
		}
		// anyone may call this: the work is bounded before any is done (one hash per candidate, one per target and
		// roster inspector)
		requireAtMost("snapshot", "对象名单快照", request.snapshot(), MAX_SNAPSHOT_LINES);
		requireAtMost("roster", "检查人员名单", request.roster(), MAX_ROSTER_LINES);
		requireAtMost("conflicts", "回避关系", request.conflicts(), MAX_CONFLICT_LINES);
		// and every text hashed is short: a seed of megabytes hashed once per candidate was a minute of CPU
		new Validation().maxLength("seed", "随机种子", request.seed(), InspectionPlans.MAX_SEED)
			.maxLength("secret", "抽取密钥", request.secret(), InspectionPlans.MAX_SEED)
			.maxLength("secretCommitment", "密钥承诺值", request.secretCommitment(), InspectionPlans.MAX_SEED)
			.throwIfInvalid();
		requireShort("snapshot", "对象名单快照", request.snapshot());
		requireShort("roster", "检查人员名单", request.roster());
		requireShort("conflicts", "回避关系", request.conflicts());
		// a class no candidate can have drew nothing from it: 0 targets answered as if the draw were right
		InspectionPlans.ratioClasses(new Validation(), request.ratioByClass()).throwIfInvalid();
		List<RandomDraw.Candidate> population = clean(request.snapshot()).stream().map(RandomDraw.Candidate::parse).toList();
		RandomDraw.Sampling sampling = new RandomDraw.Sampling(request.count(), request.ratio(), request.ratioByClass());
		if (request.teamSize() < 2 || request.teamSize() > RandomDraw.MAX_TEAM) {
			throw new InvalidValueException("teamSize", "range", "每组检查人员数应为2至" + RandomDraw.MAX_TEAM + "人");
		}
		int drawn = RandomDraw.drawnCount(population, sampling);
		if (drawn > RandomDraw.MAX_TARGETS) {
			throw new InvalidValueException(sampling.field(), "max-targets", "抽中对象不得超过" + RandomDraw.MAX_TARGETS
					+ "个（按此抽取方式为" + drawn + "个）");
		}
		InspectionPlan plan = request.planId() == null ? null : plans.publishedPlan(request.planId());
		String commitment = plan != null ? plan.secretCommitment() : Text.blankToNull(request.secretCommitment());
		if (plan != null || commitment != null) {
			InspectionPlans.requireCommitted(commitment, request.secret());
		}
		String secret = Text.blankToNull(request.secret());
		RandomDraw.Result result = RandomDraw.draw(population, request.seed(), secret == null ? null : Text.strip(secret),
				sampling, clean(request.roster()).stream().map(InspectionPlans::examiner).toList(),
				InspectionPlans.conflicts(clean(request.conflicts())), request.teamSize());
		Boolean matches = plan == null ? null : matches(result, plans.targets(plan.id()));
		return new VerifyResult(result.snapshotHash(), result.population(), result.targets(), matches);
	}

	/** @throws InvalidValueException (400, rule {@code max-lines}) when the list holds more than {@code max} lines */
	private static void requireAtMost(String field, String label, List<String> lines, int max) {
		if (lines != null && lines.size() > max) {
			throw new InvalidValueException(field, "max-lines", label + "最多" + max + "行，收到" + lines.size() + "行");
		}
	}

	/** @throws InvalidValueException (400, rule {@code max-length}) naming the first line longer than {@link #MAX_LINE} */
	private static void requireShort(String field, String label, List<String> lines) {
		for (int i = 0; lines != null && i < lines.size(); i++) {
			if (lines.get(i) != null && lines.get(i).length() > MAX_LINE) {
				throw new InvalidValueException(field, "max-length", label + "第" + (i + 1) + "行超过" + MAX_LINE
						+ "个字符");
			}
		}
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
