package org.youguan.registry.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditTrail;
import org.youguan.audit.AuditedMemory;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.region.Region;
import org.youguan.region.RegionLevel;
import org.youguan.region.Regions;
import org.youguan.registry.Brands;
import org.youguan.registry.Outlets;

/**
 * What the public lookup (page and API) reads, remembered until the next audited change: the brands and counties its
 * pickers offer and each asked page of filed outlets (region, brand, page number). A view then costs one probe of the
 * audit head instead of five statements (brands, counties, the region's name, the count and the page).
 *
 * <p>
 * Filing decisions (an outlet added, changed or closed by {@code OutletFilingDecision}), corrections, closures,
 * imports, renamed enterprises and brands all write an audit event in their transaction, so the first view after any of
 * them reads afresh — on every node ({@link AuditedMemory}). {@code youguan.public.lookup-cache} (ISO-8601, default
 * 60 s; {@code PT0S} turns it off) bounds how long a value is kept in any case. At most 2,000 pages are remembered
 * (about 20 rows each), so anonymous requests for ever other pages cannot fill the heap.
 */
@Component
class PublicLookup {

	private final AuditedMemory memory;

	private final Outlets outlets;

	private final Brands brands;

	private final Regions regions;

	private final String homeRegion;

	PublicLookup(AuditTrail audit, Clock clock, Outlets outlets, Brands brands, Regions regions,
			@Value("${youguan.public.lookup-cache:PT60S}") Duration timeToLive,
			@Value("${youguan.public.region:3205}") String homeRegion) {
		this.memory = new AuditedMemory(audit::latestEventId, clock, timeToLive, 2_000);
		this.outlets = outlets;
		this.brands = brands;
		this.regions = regions;
		this.homeRegion = homeRegion;
	}

	/** The pickers of the lookup page: every brand, the counties of the installation's region and its name. */
	record Pickers(List<Brands.BrandView> brands, List<Region> counties, String homeRegionName) {
	}

	/** One view's reads, all under the audit head read once for it. */
	View now() {
		return new View(memory.head());
	}

	final class View {

		private final long head;

		private View(long head) {
			this.head = head;
		}

		/** The pickers as of this view. */
		Pickers pickers() {
			return memory.get(head, List.of("pickers"),
					() -> new Pickers(brands.all(), regions.findByNamePrefix(homeRegion, "", RegionLevel.COUNTY),
							regions.name(homeRegion)));
		}

		/**
		 * The page {@code page} (20 rows) of filed outlets as {@link Outlets#publicList} gives it.
		 * @throws org.youguan.kernel.InvalidValueException an unreadable region code (nothing is remembered)
		 */
		PageResult<Outlets.PublicOutlet> outlets(String region, String brand, Integer page) {
			PageQuery query = PageQuery.of(null, page, 20, null, null);
			String r = region == null ? "" : region;
			String b = brand == null ? "" : brand;
			return memory.get(head, List.of("outlets", r, b, query.page()), () -> outlets.publicList(r, b, query));
		}
	}
}
