package org.youguan.registry.internal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.region.RegionLevel;
import org.youguan.region.Regions;
import org.youguan.registry.Brands;
import org.youguan.registry.Licences;
import org.youguan.registry.Outlets;

/**
 * 公众查询: licence lookup and filed outlets of a brand in a county or street, for anyone, on any phone. The counties
 * offered are those of {@code youguan.public.region} (the installation's own city or province).
 */
@Controller
class PublicLookupController {

	private final Licences licences;

	private final Outlets outlets;

	private final Brands brands;

	private final Regions regions;

	private final String homeRegion;

	PublicLookupController(Licences licences, Outlets outlets, Brands brands, Regions regions,
			@org.springframework.beans.factory.annotation.Value("${youguan.public.region:3205}") String homeRegion) {
		this.homeRegion = homeRegion;
		this.licences = licences;
		this.outlets = outlets;
		this.brands = brands;
		this.regions = regions;
	}

	@GetMapping("/public/lookup")
	String lookup(@RequestParam(required = false) String query, @RequestParam(required = false) String region,
			@RequestParam(required = false) String brand, ListRequest list, Model model) {
		model.addAttribute("brands", brands.all());
		model.addAttribute("counties", regions.findByNamePrefix(homeRegion, "", RegionLevel.COUNTY));
		model.addAttribute("homeRegionName", regions.name(homeRegion));
		if (query != null && !query.isBlank()) {
			List<Licences.PublicLicence> found = licences.publicSearch(query, 50);
			model.addAttribute("licences", found);
		}
		if ((region != null && !region.isBlank()) || (brand != null && !brand.isBlank())) {
			try {
				model.addAttribute("outlets", outlets.publicList(region, brand, PageQuery.of(null, list.page(), 20, null, null)));
			}
			catch (InvalidValueException ex) {
				model.addAttribute("errors", ex.fieldErrors());
			}
		}
		return "registry/public-lookup";
	}
}
