package org.youguan.inspections;

import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;

/**
 * The 双随机 draw, public and simple so that anyone can repeat it (快递暂行条例(2025) art.47; 快递市场管理办法(2023)
 * art.42):
 * <ol>
 * <li>The population is frozen as a snapshot: one line per candidate, {@code key|creditClass|regionCode}, sorted, joined
 * by line feeds; its fingerprint is the SHA-256 of that text (UTF-8, hex).</li>
 * <li>When the population is frozen the server draws a secret ({@link #newSecret}: SecureRandom, 256 bits) and
 * publishes only its commitment, SHA-256(secret) ({@link #commitment}).</li>
 * <li>The seed is fixed (and recorded with the operator and witnesses) before the draw; whoever types it cannot know
 * the secret, so no seed can be chosen for the targets it draws (commit–reveal). The draw seed is seed ‖ secret
 * ({@link #drawSeed}); a plan frozen before secrets existed has none and draws by its seed alone.</li>
 * <li>Each candidate is ranked by SHA-256(draw seed ‖ key) (hex, ascending; the key breaks ties); the first n are drawn —
 * n = count, or ⌈ratio × population⌉, or per credit class ⌈ratio(class) × candidates of that class⌉.</li>
 * <li>For each drawn target, in rank order, the roster's inspectors that have no conflict with it are ranked by
 * SHA-256(draw seed ‖ key ‖ certificate number); the first inspector of the target's own bureau (the roster region that
 * is the longest prefix of the target's region) is taken, then the best-ranked others until the team is full.</li>
 * <li>After the draw the secret is revealed: anyone checks SHA-256(secret) against the commitment published at freezing
 * and repeats the draw.</li>
 * </ol>
 * Pure but for {@link #newSecret}: no clock, no database; the same inputs give the same result. The cost is one hash
 * per candidate and one per drawn target and roster inspector (never a search per target through the ranking).
 */
public final class RandomDraw {

	/** A candidate of the population: its stable key (e.g. {@code ENTERPRISE:913205…}), credit class and region. */
	public record Candidate(String key, String creditClass, String regionCode) {

		/** The candidate's line in the snapshot. */
		public String line() {
			return key + "|" + creditClass + "|" + regionCode;
		}

		/** A candidate from its snapshot line. */
		public static Candidate parse(String line) {
			String[] parts = line.split("\\|", -1);
			if (parts.length != 3 || parts[0].isBlank()) {
				throw new InvalidValueException("snapshot", "format", "名单快照的行格式应为“对象标识|信用等级|区划代码”："
						+ Text.excerpt(line, 60));
			}
			return new Candidate(parts[0], parts[1], parts[2]);
		}
	}

	/** An inspector of the roster as the draw sees it: the certificate number and the region of the bureau. */
	public record Examiner(String certificateNumber, String regionCode) {
	}

	/**
	 * How many to draw: a count, or a ratio of the population, or ratios by credit class (a class not named is not
	 * drawn); exactly one of them.
	 */
	public record Sampling(Integer count, BigDecimal ratio, Map<String, BigDecimal> ratioByClass) {

		/** Checks that exactly one way is chosen, within bounds. */
		public Sampling {
			int ways = (count != null ? 1 : 0) + (ratio != null ? 1 : 0)
					+ (ratioByClass != null && !ratioByClass.isEmpty() ? 1 : 0);
			if (ways != 1) {
				throw new InvalidValueException("count", "one-of", "抽取方式应为抽取数量、抽取比例或按信用等级的比例之一");
			}
			if (count != null && count < 1) {
				throw new InvalidValueException("count", "range", "抽取数量应至少为1");
			}
			if (ratio != null && !fraction(ratio)) {
				throw new InvalidValueException("ratio", "range", "抽取比例应大于0且不超过1");
			}
			// checked before ⌈ratio × n⌉ rounds it: 1e-40000000 would take seconds to round
			Decimals.require("ratio", "抽取比例", ratio, 1, RATIO_DIGITS);
			if (ratioByClass != null) {
				ratioByClass.values().forEach(r -> {
					if (r == null || !fraction(r) && r.signum() != 0) {
						throw new InvalidValueException("ratioByClass", "range", "按信用等级的抽取比例应在0至1之间");
					}
					Decimals.require("ratioByClass", "按信用等级的抽取比例", r, 1, RATIO_DIGITS);
				});
				if (ratioByClass.keySet().stream().anyMatch(k -> k == null || Text.isBlank(k))) {
					throw new InvalidValueException("ratioByClass", "required", "按信用等级的抽取比例中信用等级不能为空");
				}
				ratioByClass = Map.copyOf(ratioByClass);
			}
		}

		/** The field naming how this sampling is given: {@code count}, {@code ratio} or {@code ratioByClass}. */
		public String field() {
			return count != null ? "count" : ratio != null ? "ratio" : "ratioByClass";
		}

		/** The fraction digits a ratio may have: the plan's column holds 4 (0.0001 = 0.01 %). */
		public static final int RATIO_DIGITS = 4;

		private static boolean fraction(BigDecimal r) {
			return r.signum() > 0 && r.compareTo(BigDecimal.ONE) <= 0;
		}
	}

	/** One drawn target and its team (certificate numbers, own bureau's first). */
	public record Target(String key, String regionCode, int rank, List<String> inspectors) {
	}

	/** What the draw gave: the snapshot's fingerprint and the targets in rank order. */
	public record Result(String snapshotHash, int population, List<Target> targets) {
	}

	private RandomDraw() {
	}

	/** The snapshot text: the candidates' lines sorted and joined by line feeds (duplicates refused). */
	public static String snapshot(List<Candidate> population) {
		List<String> lines = population.stream().map(Candidate::line).sorted().toList();
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).equals(lines.get(i - 1))) {
				throw new InvalidValueException("snapshot", "duplicate", "名单快照中有重复对象：" + Text.excerpt(lines.get(i), 60));
			}
		}
		return String.join("\n", lines);
	}

	/** The SHA-256 of the text (UTF-8), lower-case hex. */
	public static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** The most targets one draw with teams takes: each costs one hash per roster inspector. */
	public static final int MAX_TARGETS = 500;

	/** The largest team a plan may ask for (its form's bound). */
	public static final int MAX_TEAM = 10;

	private static final SecureRandom SECRETS = new SecureRandom();

	/** A fresh secret for a draw: 256 random bits (SecureRandom) as 64 lower-case hex digits. */
	public static String newSecret() {
		byte[] bytes = new byte[32];
		SECRETS.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** The commitment published for a secret before the seed is typed: SHA-256(secret) (UTF-8, hex). */
	public static String commitment(String secret) {
		return sha256(secret);
	}

	/**
	 * What the ranking hashes before each key: the recorded seed followed by the secret, or the seed alone for a plan
	 * frozen before secrets existed ({@code secret} null).
	 */
	public static String drawSeed(String seed, String secret) {
		return secret == null ? seed : seed + secret;
	}

	/**
	 * How many candidates the sampling takes from the population (count capped at the population, ⌈ratio × N⌉, or the
	 * sum per credit class).
	 */
	public static int drawnCount(List<Candidate> population, Sampling sampling) {
		if (sampling.ratioByClass() == null) {
			return sampling.count() != null ? Math.min(sampling.count(), population.size()) : take(sampling.ratio(), population.size());
		}
		Map<String, Integer> byClass = new TreeMap<>();
		population.forEach(c -> byClass.merge(c.creditClass(), 1, Integer::sum));
		int n = 0;
		for (Map.Entry<String, Integer> e : byClass.entrySet()) {
			n += take(sampling.ratioByClass().getOrDefault(e.getKey(), BigDecimal.ZERO), e.getValue());
		}
		return n;
	}

	/** As {@link #draw(List, String, String, Sampling, List, Map, int)} for a plan without a secret (seed alone). */
	public static Result draw(List<Candidate> population, String seed, Sampling sampling, List<Examiner> roster,
			Map<String, Set<String>> conflicts, int teamSize) {
		return draw(population, seed, null, sampling, roster, conflicts, teamSize);
	}

	/**
	 * Draws the targets and their teams.
	 * @param population the frozen population
	 * @param seed the seed recorded before the draw
	 * @param secret the secret committed to when the population was frozen, or null for a plan frozen before secrets
	 * @param sampling how many to draw
	 * @param roster the inspectors that may be drawn (valid certificates only)
	 * @param conflicts per candidate key, the certificate numbers that must not inspect it (declared relations, the
	 * previous inspection's inspectors, the avoidance list)
	 * @param teamSize inspectors per team (at least 2: 邮政法(2015) art.63; 行政处罚法(2021) art.42)
	 * @throws InvalidValueException (400) when the seed is blank ({@code seed}), the team smaller than two
	 * ({@code teamSize}) or the snapshot holds a candidate twice ({@code snapshot}, rule {@code duplicate})
	 * @throws DomainException when more than {@link #MAX_TARGETS} targets
	 * are to be drawn (field {@code count}, rule {@code max-targets}), or a target has fewer inspectors free of
	 * conflict than the team needs (field {@code roster}, rule {@code too-few-inspectors}) — never a one-person team
	 */
	public static Result draw(List<Candidate> population, String seed, String secret, Sampling sampling,
			List<Examiner> roster, Map<String, Set<String>> conflicts, int teamSize) {
		if (seed == null || Text.isBlank(seed)) {
			throw new InvalidValueException("seed", "required", "随机种子不能为空，须在抽取前确定并记录");
		}
		if (teamSize < 2) {
			throw new InvalidValueException("teamSize", "range", "每组检查人员不得少于2人（" + Provision.POSTAL_INSPECTORS + "、" + Provision.PENALTY_TWO_OFFICERS + "）");
		}
		if (teamSize > MAX_TEAM) {
			throw DomainException.rule("teamSize", "range", Wording.of("inspections.refusal.teamTooLarge", MAX_TEAM),
					"每组检查人员不得超过" + MAX_TEAM + "人");
		}
		int drawn = drawnCount(population, sampling);
		if (drawn > MAX_TARGETS) {
			throw DomainException.rule(sampling.field(), "max-targets", Wording.of("inspections.refusal.tooManyTargets", MAX_TARGETS, drawn),
					"一次抽取的检查对象不得超过" + MAX_TARGETS
					+ "个（按此抽取方式为" + drawn + "个）：请按区域分为几个计划");
		}
		String drawSeed = drawSeed(seed, secret);
		String snapshot = snapshot(population);
		List<Candidate> ranked = ranked(population, drawSeed);
		Map<Candidate, Integer> rankOf = new IdentityHashMap<>();
		for (int i = 0; i < ranked.size(); i++) {
			rankOf.put(ranked.get(i), i + 1);
		}
		Map<String, String> ownRegion = new HashMap<>();
		MessageDigest digest = digest();
		List<Target> targets = new ArrayList<>();
		for (Candidate c : pick(ranked, sampling)) {
			String own = ownRegion.computeIfAbsent(c.regionCode(), r -> roster.stream()
				.map(Examiner::regionCode)
				.filter(r::startsWith)
				.max(Comparator.comparingInt(String::length))
				.orElse(null));
			targets.add(new Target(c.key(), c.regionCode(), rankOf.get(c),
					team(c, drawSeed, roster, conflicts.getOrDefault(c.key(), Set.of()), teamSize, own, digest)));
		}
		return new Result(sha256(snapshot), population.size(), targets);
	}

	/**
	 * Steps 1–3 of the draw without the teams, for other modules' random picks (e.g. the villages of a 通邮 check
	 * plan, whose team is named when the check is recorded): the snapshot's fingerprint and the drawn candidates in
	 * rank order, each with an empty team.
	 * @throws InvalidValueException (400) when the seed is blank ({@code seed}) or the population holds a candidate
	 * twice ({@code snapshot}, rule {@code duplicate})
	 */
	public static Result rank(List<Candidate> population, String seed, Sampling sampling) {
		return rank(population, seed, null, sampling);
	}

	/**
	 * As {@link #rank(List, String, Sampling)} with the secret committed to before the seed was typed (null: the seed
	 * alone, for a plan made before secrets existed).
	 */
	public static Result rank(List<Candidate> population, String seed, String secret, Sampling sampling) {
		if (seed == null || Text.isBlank(seed)) {
			throw new InvalidValueException("seed", "required", "随机种子不能为空，须在抽取前确定并记录");
		}
		String snapshot = snapshot(population);
		List<Candidate> ranked = ranked(population, drawSeed(seed, secret));
		List<Candidate> picked = pick(ranked, sampling);
		List<Target> targets = new ArrayList<>();
		// pick keeps the ranking's order, so each pick's rank is found walking forward, never searched from the start
		int at = 0;
		for (Candidate c : picked) {
			while (ranked.get(at) != c) {
				at++;
			}
			targets.add(new Target(c.key(), c.regionCode(), at + 1, List.of()));
		}
		return new Result(sha256(snapshot), population.size(), targets);
	}

	/** The candidates by SHA-256(draw seed ‖ key), each hashed once (unsigned byte order is the hex order). */
	private static List<Candidate> ranked(List<Candidate> population, String drawSeed) {
		record Ranked(byte[] hash, Candidate candidate) {
		}
		MessageDigest digest = digest();
		return population.stream()
			.map(c -> new Ranked(hash(digest, drawSeed + c.key()), c))
			.sorted(Comparator.comparing(Ranked::hash, Arrays::compareUnsigned)
				.thenComparing(r -> r.candidate().key()))
			.map(Ranked::candidate)
			.toList();
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static byte[] hash(MessageDigest digest, String text) {
		return digest.digest(text.getBytes(StandardCharsets.UTF_8));
	}

	private static List<Candidate> pick(List<Candidate> ranked, Sampling sampling) {
		List<Candidate> drawn = new ArrayList<>();
		if (sampling.ratioByClass() != null) {
			Map<String, List<Candidate>> byClass = new TreeMap<>();
			ranked.forEach(c -> byClass.computeIfAbsent(c.creditClass(), k -> new ArrayList<>()).add(c));
			Map<String, Integer> quota = new LinkedHashMap<>();
			byClass.forEach((k, list) -> quota.put(k, take(sampling.ratioByClass().getOrDefault(k, BigDecimal.ZERO), list.size())));
			Map<String, Integer> taken = new LinkedHashMap<>();
			for (Candidate c : ranked) {
				int t = taken.merge(c.creditClass(), 1, Integer::sum);
				if (t <= quota.get(c.creditClass())) {
					drawn.add(c);
				}
			}
		}
		else {
			int n = sampling.count() != null ? Math.min(sampling.count(), ranked.size()) : take(sampling.ratio(), ranked.size());
			drawn.addAll(ranked.subList(0, n));
		}
		return drawn;
	}

	private static int take(BigDecimal ratio, int size) {
		return ratio.multiply(BigDecimal.valueOf(size)).setScale(0, RoundingMode.CEILING).intValue();
	}

	private static List<String> team(Candidate target, String drawSeed, List<Examiner> roster, Set<String> excluded,
			int teamSize, String own, MessageDigest digest) {
		record Ranked(byte[] hash, Examiner examiner) {
		}
		List<Examiner> free = roster.stream()
			.filter(e -> !excluded.contains(e.certificateNumber()))
			.map(e -> new Ranked(hash(digest, drawSeed + target.key() + e.certificateNumber()), e))
			.sorted(Comparator.comparing(Ranked::hash, Arrays::compareUnsigned)
				.thenComparing(r -> r.examiner().certificateNumber()))
			.map(Ranked::examiner)
			.toList();
		// a certificate listed twice in a roster is one inspector: the team is counted in distinct certificates
		long inspectors = free.stream().map(Examiner::certificateNumber).distinct().count();
		if (inspectors < teamSize) {
			throw DomainException.rule("roster", "too-few-inspectors", Wording.of("inspections.refusal.tooFewInspectors", target.key(), inspectors, teamSize),
					"检查对象" + target.key() + "可抽取的检查人员（排除回避后）只有"
					+ inspectors + "人，不足每组" + teamSize + "人：请补充检查人员名录库或调整回避名单");
		}
		List<String> team = new ArrayList<>();
		// a certificate listed twice in a roster serves once
		Set<String> taken = new HashSet<>();
		free.stream().filter(e -> e.regionCode().equals(own)).findFirst().ifPresent(e -> {
			team.add(e.certificateNumber());
			taken.add(e.certificateNumber());
		});
		for (Examiner e : free) {
			if (team.size() == teamSize) {
				break;
			}
			if (taken.add(e.certificateNumber())) {
				team.add(e.certificateNumber());
			}
		}
		return List.copyOf(team);
	}
}
