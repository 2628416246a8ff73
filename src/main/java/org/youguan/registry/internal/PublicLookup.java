package org.youguan.registry.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.youguan.audit.AuditTrail;
import org.youguan.audit.AuditedMemory;
import org.youguan.kernel.ListRequest;
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
 * audit head instead of six statements (brands, counties, the region's name, whether the asked region exists, the count
 * and the page).
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

	private final ITemplateEngine templates;

	PublicLookup(AuditTrail audit, Clock clock, Outlets outlets, Brands brands, Regions regions,
			@Value("${youguan.public.lookup-cache:PT60S}") Duration timeToLive,
			@Value("${youguan.public.region:3205}") String homeRegion, ITemplateEngine templates) {
		this.templates = templates;
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
		 * Requires {@code code} to be a valid, existing region code as {@link Regions#require} does; that it exists is
		 * remembered like the pages (regions change only by an audited import), so a view of a county's outlets reads
		 * nothing but the audit head (issue 12). An invalid or unknown code is refused every time and never
		 * remembered.
		 * @throws org.youguan.kernel.InvalidValueException naming {@code field}: the format rule or "does not exist"
		 */
		void requireRegion(String field, String code) {
			memory.get(head, List.of("region", field, code), () -> {
				regions.require(field, code);
				return Boolean.TRUE;
			});
		}

		/**
		 * The outlets of {@code page} as the lookup page lists them (fragment {@code items} of the template
		 * {@code registry/public-outlets}), remembered with the page they show (issue 12: the rows were the lookup
		 * page's remaining template iterations, rendered anew on every view of a remembered page). The markup holds
		 * nothing but the page's texts, escaped when rendered, and the messages of the request's locale (no link of the
		 * request): it is rendered in {@code locale} and remembered under it, so a visitor reading in English is never
		 * handed the markup remembered for a Chinese one (or the other way round).
		 * @param page a page as {@link #outlets} gives it
		 * @param locale the request's locale (Spring's {@code LocaleResolver}), whose messages the markup is written in
		 */
		String outletItemsHtml(PageResult<Outlets.PublicOutlet> page, Locale locale) {
			Locale shown = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
			return memory.get(head, List.of("outlets html", shown.toLanguageTag(), page), () -> templates.process(
					"registry/public-outlets", Set.of("items"), new Context(shown, Map.of("outlets", page))));
		}

		/**
		 * The page of filed outlets {@code list} asks for — its search {@code q} (the outlet's name, address, 备案编号, its
		 * operator's name or credit code; it was accepted and ignored), {@code page}, {@code size} (default 20, at most
		 * {@link PageQuery#MAX_SIZE}) and order ({@code sort=region_code}, {@code dir}) — as {@link Outlets#publicList}
		 * gives it (attack: {@code size=100} was accepted and 20 rows returned).
		 * @throws org.youguan.kernel.InvalidValueException an unreadable region code or an unknown brand (nothing is
		 * remembered)
		 */
		PageResult<Outlets.PublicOutlet> outlets(String region, String brand, ListRequest list) {
			PageQuery query = list.toPage();
			String r = region == null ? "" : region;
			String b = brand == null ? "" : brand;
			return memory.get(head, List.of("outlets", r, b, query.q(), query.page(), query.size(),
					String.valueOf(query.sort()), query.descending()), () -> outlets.publicList(r, b, query));
		}
	}
}
