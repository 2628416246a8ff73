package org.youguan.inspections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.youguan.inspections.RandomDraw.Candidate;
import org.youguan.inspections.RandomDraw.Examiner;
import org.youguan.inspections.RandomDraw.Sampling;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The 双随机 draw is reproducible by anyone from the published snapshot and seed, fingerprints its population, honours
 * ratios per credit class (快递市场管理办法(2023) art.42), keeps inspectors away from targets they conflict with, puts one
 * inspector of the target's own bureau in its team, and refuses a team of fewer than two.
 */
class RandomDrawTest {

	static List<Candidate> population(int n, String creditClass) {
		List<Candidate> list = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			list.add(new Candidate("ENTERPRISE:" + creditClass + i, creditClass, i % 2 == 0 ? "320506" : "320507"));
		}
		return list;
	}

	static final List<Examiner> ROSTER = List.of(new Examiner("C1", "3205"), new Examiner("C2", "3205"),
			new Examiner("C3", "3205"), new Examiner("W1", "320506"), new Examiner("X1", "320507"));

	static Sampling count(int n) {
		return new Sampling(n, null, null);
	}

	@Test
	void theSameSnapshotAndSeedGiveTheSameTargetsAndInspectors() {
		List<Candidate> population = population(40, "未评定");
		var first = RandomDraw.draw(population, "2026-Q1-种子-7741", count(6), ROSTER, Map.of(), 2);
		List<Candidate> shuffled = new ArrayList<>(population);
		Collections.reverse(shuffled);
		var again = RandomDraw.draw(shuffled, "2026-Q1-种子-7741", count(6), ROSTER, Map.of(), 2);
		assertThat(again).isEqualTo(first);
		assertThat(first.targets()).hasSize(6);
		assertThat(first.targets()).allSatisfy(t -> assertThat(t.inspectors()).hasSize(2).doesNotHaveDuplicates());
		var otherSeed = RandomDraw.draw(population, "another seed", count(6), ROSTER, Map.of(), 2);
		assertThat(otherSeed.targets()).isNotEqualTo(first.targets());
		assertThat(otherSeed.snapshotHash()).isEqualTo(first.snapshotHash());
	}

	@Test
	void rankingWithoutTeamsDrawsTheSameTargetsAsTheFullDraw() {
		List<Candidate> population = population(40, "未评定");
		var full = RandomDraw.draw(population, "2026-Q1-种子-7741", count(6), ROSTER, Map.of(), 2);
		var ranked = RandomDraw.rank(population, "2026-Q1-种子-7741", count(6));
		assertThat(ranked.targets()).extracting(RandomDraw.Target::key)
			.containsExactlyElementsOf(full.targets().stream().map(RandomDraw.Target::key).toList());
		assertThat(ranked.targets()).extracting(RandomDraw.Target::rank)
			.containsExactlyElementsOf(full.targets().stream().map(RandomDraw.Target::rank).toList());
		assertThat(ranked.targets()).allSatisfy(t -> assertThat(t.inspectors()).isEmpty());
		assertThat(ranked.snapshotHash()).isEqualTo(full.snapshotHash());
		assertThatThrownBy(() -> RandomDraw.rank(population, " ", count(1))).isInstanceOf(DomainException.class);
	}

	@Test
	void aChangedSnapshotHasAnotherHash() {
		List<Candidate> population = population(10, "未评定");
		String hash = RandomDraw.draw(population, "s", count(1), ROSTER, Map.of(), 2).snapshotHash();
		List<Candidate> changed = new ArrayList<>(population);
		changed.set(3, new Candidate(changed.get(3).key(), "失信", changed.get(3).regionCode()));
		assertThat(RandomDraw.draw(changed, "s", count(1), ROSTER, Map.of(), 2).snapshotHash()).isNotEqualTo(hash);
		assertThat(hash).isEqualTo(RandomDraw.sha256(RandomDraw.snapshot(population))).hasSize(64);
		assertThat(RandomDraw.snapshot(population)).startsWith("ENTERPRISE:未评定0|未评定|320506\nENTERPRISE:未评定1|");
	}

	@Test
	void eachCreditClassIsDrawnAtItsOwnRatio() {
		List<Candidate> population = new ArrayList<>(population(20, "守信"));
		population.addAll(population(10, "失信"));
		population.addAll(population(7, "未评定"));
		var result = RandomDraw.draw(population, "seed", new Sampling(null, null,
				Map.of("守信", new BigDecimal("0.1"), "失信", new BigDecimal("0.5"), "未评定", new BigDecimal("0.3"))), ROSTER,
				Map.of(), 2);
		Map<String, Long> byClass = new TreeMap<>();
		result.targets().forEach(t -> byClass.merge(t.key().replaceAll("ENTERPRISE:(\\D+)\\d+", "$1"), 1L, Long::sum));
		// 守信 ⌈0.1 × 20⌉ = 2, 失信 ⌈0.5 × 10⌉ = 5, 未评定 ⌈0.3 × 7⌉ = 3
		assertThat(byClass).containsExactlyInAnyOrderEntriesOf(Map.of("守信", 2L, "失信", 5L, "未评定", 3L));
		assertThat(RandomDraw.draw(population, "seed", new Sampling(null, new BigDecimal("0.05"), null), ROSTER, Map.of(), 2)
			.targets()).hasSize(2);
	}

	@Test
	void conflictingInspectorsAreNeverDrawnAndTheOwnBureauIsInEveryTeam() {
		List<Candidate> population = population(12, "未评定");
		var free = RandomDraw.draw(population, "seed", count(12), ROSTER, Map.of(), 2);
		Map<String, Set<String>> conflicts = Map.of(free.targets().get(0).key(), Set.copyOf(free.targets().get(0).inspectors()));
		var result = RandomDraw.draw(population, "seed", count(12), ROSTER, conflicts, 2);
		assertThat(result.targets().get(0).inspectors()).doesNotContainAnyElementsOf(free.targets().get(0).inspectors());
		assertThat(free.targets()).allSatisfy(t -> assertThat(t.inspectors().get(0))
			.isEqualTo(t.regionCode().equals("320506") ? "W1" : "X1"));
		assertThat(result.targets().subList(1, 12)).isEqualTo(free.targets().subList(1, 12));
	}

	@Test
	void tooFewInspectorsIsAClearErrorNotAOnePersonTeam() {
		List<Candidate> population = population(3, "未评定");
		Map<String, Set<String>> conflicts = Map.of(population.get(0).key(), Set.of("C1", "C2", "C3", "W1"));
		assertThatThrownBy(() -> RandomDraw.draw(population, "seed", count(3), ROSTER, conflicts, 2))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("只有1人，不足每组2人");
		assertThatThrownBy(() -> RandomDraw.draw(population, "seed", count(1), List.of(new Examiner("C1", "3205")), Map.of(), 2))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("不足每组2人");
		assertThatThrownBy(() -> RandomDraw.draw(population, "seed", count(1), ROSTER, Map.of(), 1))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("不得少于2人");
		assertThatThrownBy(() -> RandomDraw.draw(population, " ", count(1), ROSTER, Map.of(), 2))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void theSecretDecidesTheDrawWithTheSeedAndTheSameBothGiveTheSameDraw() {
		List<Candidate> population = population(60, "未评定");
		String secret = RandomDraw.newSecret();
		var first = RandomDraw.draw(population, "WZ-2026-Q3", secret, count(5), ROSTER, Map.of(), 2);
		assertThat(RandomDraw.draw(population, "WZ-2026-Q3", secret, count(5), ROSTER, Map.of(), 2)).isEqualTo(first);
		// the seed typed after the freeze meets a secret it cannot know: another secret, another draw
		var other = RandomDraw.draw(population, "WZ-2026-Q3", RandomDraw.newSecret(), count(5), ROSTER, Map.of(), 2);
		assertThat(other.targets()).extracting(RandomDraw.Target::key)
			.isNotEqualTo(first.targets().stream().map(RandomDraw.Target::key).toList());
		// ranked by SHA-256(seed ‖ secret ‖ key), as the public is told
		assertThat(first.targets()).extracting(RandomDraw.Target::key).containsExactlyElementsOf(population.stream()
			.map(Candidate::key)
			.sorted(Comparator.comparing((String k) -> RandomDraw.sha256("WZ-2026-Q3" + secret + k)))
			.limit(5)
			.toList());
		assertThat(RandomDraw.rank(population, "WZ-2026-Q3", secret, count(5)).targets()).extracting(RandomDraw.Target::key)
			.containsExactlyElementsOf(first.targets().stream().map(RandomDraw.Target::key).toList());
		// a plan frozen before secrets existed draws by its seed alone, as it always did
		assertThat(RandomDraw.draw(population, "WZ-2026-Q3", null, count(5), ROSTER, Map.of(), 2))
			.isEqualTo(RandomDraw.draw(population, "WZ-2026-Q3", count(5), ROSTER, Map.of(), 2));
	}

	@Test
	void aSecretIs256RandomBitsAndItsCommitmentItsSha256() {
		String secret = RandomDraw.newSecret();
		assertThat(secret).matches("[0-9a-f]{64}").isNotEqualTo(RandomDraw.newSecret());
		assertThat(RandomDraw.commitment(secret)).isEqualTo(RandomDraw.sha256(secret)).hasSize(64);
	}

	/**
	 * The public verification's caps: 20,000 candidates, 2,000 inspectors and 500 targets are drawn (one hash per
	 * target and inspector; the ranking is no longer searched once per target — 2,000 lines took 13 s); a 501st target
	 * is refused naming the sampling and the rule.
	 */
	@Test
	void aDrawAtTheCapsCompletesAndOneTargetMoreIsRefused() {
		List<Candidate> population = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			population.add(new Candidate("OUTLET:" + i, "未评定", "3205" + (i % 10)));
		}
		List<Examiner> roster = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			roster.add(new Examiner("C" + i, "3205" + (i % 10)));
		}
		var result = RandomDraw.draw(population, "cap", RandomDraw.newSecret(), count(RandomDraw.MAX_TARGETS), roster,
				Map.of(), 2);
		assertThat(result.population()).isEqualTo(20_000);
		assertThat(result.targets()).hasSize(500).extracting(RandomDraw.Target::rank)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 500).boxed().toList());
		assertThat(result.targets()).allSatisfy(t -> assertThat(t.inspectors()).hasSize(2).doesNotHaveDuplicates());
		assertThatThrownBy(() -> RandomDraw.draw(population, "cap", null, count(501), roster, Map.of(), 2))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple("count", "max-targets")));
		assertThatThrownBy(() -> RandomDraw.draw(population, "cap", null, new Sampling(null, new BigDecimal("0.03"), null),
				roster, Map.of(), 2))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field).containsExactly("ratio"));
	}

	@Test
	void tooFewInspectorsNamesTheRosterAndTheRule() {
		List<Candidate> population = population(3, "未评定");
		assertThatThrownBy(() -> RandomDraw.draw(population, "seed", count(1), List.of(new Examiner("C1", "3205")), Map.of(), 2))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple("roster", "too-few-inspectors")));
	}

	/** A certificate listed twice in a roster is one inspector: two lines of it never make a team of two (attack 43). */
	@Test
	void aCertificateListedTwiceIsOneInspector() {
		List<Candidate> population = population(20, "未评定");
		assertThatThrownBy(() -> RandomDraw.draw(population, "s", count(2),
				List.of(new Examiner("1", "320506"), new Examiner("1", "320506")), Map.of(), 2))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple("roster", "too-few-inspectors")));
		assertThat(RandomDraw.draw(population, "s", count(2), List.of(new Examiner("1", "320506"),
				new Examiner("1", "320506"), new Examiner("2", "320506")), Map.of(), 2).targets())
			.allSatisfy(t -> assertThat(t.inspectors()).containsExactlyInAnyOrder("1", "2"));
	}
}
