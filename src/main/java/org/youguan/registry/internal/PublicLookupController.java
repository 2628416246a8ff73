package org.youguan.registry.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.OptionsHtml;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.region.ChecksRegionItself;
import org.youguan.region.Region;
import org.youguan.registry.Brands;
import org.youguan.registry.Licences;
import org.youguan.registry.Outlets;

/**
 * 公众查询: licence lookup and filed outlets of a brand in a county or street, for anyone, on any phone. The counties
 * offered are those of {@code youguan.public.region} (the installation's own city or province). Pickers and outlet
 * pages are remembered until the next audited change ({@link PublicLookup}).
 */
@Controller
class PublicLookupController {

	private final Licences licences;

	private final PublicLookup lookup;

	PublicLookupController(Licences licences, PublicLookup lookup) {
		this.licences = licences;
		this.lookup = lookup;
	}

	/**
	 * The lookup page: licences matching {@code query}, and filed outlets of {@code brand} in {@code region} (a county or
	 * street code), 20 a page — searched when a region, a brand or a list parameter ({@code page}, {@code sort} …) is
	 * sent, so that an order the list does not take is refused (400 beside the search) rather than ignored. A region code that is malformed or names no region is shown on the form (the field's
	 * error, in status 400), not answered with an error page.
	 */
	@ChecksRegionItself
	@GetMapping("/public/lookup")
	String lookup(@RequestParam(required = false) String query, @RequestParam(required = false) String region,
			@RequestParam(required = false) String brand, ListRequest list, HttpServletRequest request, Model model,
			HttpServletResponse response, Locale locale) {
		PublicLookup.View view = lookup.now();
		PublicLookup.Pickers pickers = view.pickers();
		// the pickers' options written in Java (issue 12: the page's iterations besides the outlets)
		model.addAttribute("countyOptions", OptionsHtml.html(pickers.counties(), Region::code, Region::name,
				request.getParameterValues("region")));
		model.addAttribute("brandOptions", OptionsHtml.html(pickers.brands(), Brands.BrandView::shortName,
				Brands.BrandView::shortName, request.getParameterValues("brand")));
		model.addAttribute("homeRegionName", pickers.homeRegionName());
		if (query != null && !Text.isBlank(query)) {
			List<Licences.PublicLicence> found = licences.publicSearch(query, 50);
			model.addAttribute("licences", found);
		}
		// the outlets are searched when a region, a brand or any of the list's own parameters (a page, an order) is
		// asked for: a list parameter is read — refused when it is none the list takes — never ignored
		if ((region != null && !Text.isBlank(region)) || (brand != null && !Text.isBlank(brand)) || list.q() != null
				|| list.page() != null || list.size() != null || list.sort() != null || list.dir() != null) {
			try {
				if (region != null && !Text.isBlank(region)) {
					view.requireRegion("region", region);
				}
				PageResult<Outlets.PublicOutlet> outlets = view.outlets(region, brand, list);
				model.addAttribute("outlets", outlets);
				model.addAttribute("outletItemsHtml", view.outletItemsHtml(outlets, locale));
			}
			catch (InvalidValueException ex) {
				// a refused search answers its 400, with the page and the choices as made
				response.setStatus(ex.code().status());
				model.addAttribute("errors", ex.fieldErrors());
			}
		}
		return "registry/public-lookup";
	}
}
