package org.youguan.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditTrail;
import org.youguan.audit.AuditedMemory;
import org.youguan.region.Region;
import org.youguan.region.RegionLevel;
import org.youguan.region.Regions;

/**
 * What a word of an outlet search names — a brand ("中通") or a place ("吴中") — remembered until the next audited
 * change, so that a search costs its count and page instead of two more statements per word (issue 12).
 *
 * <p>
 * Brands are created and changed by {@link Brands}, regions imported by {@code RegionImporter}; both write an audit
 * event in their transaction, so the first search after either reads afresh on every node ({@link AuditedMemory}).
 * {@code youguan.registry.search-words-cache} (ISO-8601, default 60 s; {@code PT0S} turns it off) bounds how long an
 * answer is kept in any case; at most 5,000 answers are kept, so words typed at random cannot fill the heap.
 */
@Component
class SearchWords {

	private final AuditedMemory memory;

	private final Brands brands;

	private final Regions regions;

	SearchWords(AuditTrail audit, Clock clock, Brands brands, Regions regions,
			@Value("${youguan.registry.search-words-cache:PT60S}") Duration timeToLive) {
		this.memory = new AuditedMemory(audit::latestEventId, clock, timeToLive, 5_000);
		this.brands = brands;
		this.regions = regions;
	}

	/** One search's lookups, all under the audit head read at its first lookup (none read when no word is looked up). */
	View now() {
		return new View();
	}

	/** The lookups of one search. */
	final class View {

		private long head = -1;

		private View() {
		}

		private long head() {
			if (head < 0) {
				head = memory.head();
			}
			return head;
		}

		/** The brand whose short or full name is {@code word} ({@link Brands#findByShortName}). */
		Optional<Brands.BrandView> brand(String word) {
			return memory.get(head(), List.of("brand", word), () -> brands.findByShortName(word));
		}

		/**
		 * The most general city, county or street inside {@code within} whose name starts with {@code word}
		 * ({@link Regions#findByNamePrefix}).
		 */
		Optional<Region> place(String within, String word) {
			return memory.get(head(), List.of("place", within, word),
					() -> regions.findByNamePrefix(within, word, RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.STREET)
						.stream()
						.findFirst());
		}
	}
}
