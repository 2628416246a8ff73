package org.youguan.enforcement.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.RegionPrefix;
import org.youguan.region.RegionLevel;
import org.youguan.region.Regions;

/**
 * 行政处罚决定公示 (双公示) on the public portal, for anyone without signing in and without a session: the decisions
 * published in the installation's region ({@code youguan.public.region}) or one of its counties, searched by the
 * party's name or credit code or the 文号, 20 a page, each with its page; a withdrawn publication stays listed by its
 * 文号 only, with its day and reason, the party and penalty withdrawn (行政处罚法(2021) art.48). No personal data
 * ({@link PenaltyDisclosure}).
 */
@Controller
class PublicPenaltyController {

	private final PenaltyDisclosure disclosure;

	private final Regions regions;

	private final String homeRegion;

	PublicPenaltyController(PenaltyDisclosure disclosure, Regions regions,
			@Value("${youguan.public.region:3205}") String homeRegion) {
		this.disclosure = disclosure;
		this.regions = regions;
		this.homeRegion = homeRegion;
	}

	/**
	 * The list: {@code region} a region code prefix (blank: the installation's region), {@code q} the search text,
	 * {@code page} from 0.
	 * @throws InvalidValueException (400) when the region is not a whole existing region (rules {@code digits}, {@code
	 *         length}, {@code exists})
	 */
	@GetMapping("/public/penalties")
	String list(@RequestParam(required = false) String region, ListRequest list, Model model) {
		String prefix = RegionPrefix.of(region).code();
		PageQuery page = PageQuery.of(list.q(), list.page(), 20, list.sort(), list.dir());
		model.addAttribute("result", disclosure.list(prefix.isEmpty() ? homeRegion : prefix, page));
		model.addAttribute("region", prefix);
		model.addAttribute("q", page.q());
		model.addAttribute("counties", regions.findByNamePrefix(homeRegion, "", RegionLevel.COUNTY));
		model.addAttribute("homeRegionName", regions.name(homeRegion));
		return "enforcement/public-penalties";
	}

	/**
	 * One published decision (withdrawn ones too, marked so).
	 * @throws DomainException (404) when no decision with this id was ever published
	 */
	@GetMapping("/public/penalties/{id:\\d+}")
	String decision(@PathVariable long id, Model model) {
		model.addAttribute("d", disclosure.find(id).orElseThrow(() -> DomainException.notPublished("公示的处罚决定", id)));
		return "enforcement/public-penalty";
	}
}
