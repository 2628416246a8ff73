package org.youguan.region;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.kernel.PageFragment;
import org.youguan.kernel.Text;

/**
 * The region picker's htmx answers (public: the public complaint form uses it; regions are public data, and the
 * public rate limit applies): the chain redrawn after a choice, and the name search.
 */
@Controller
class RegionPickerController {

	private final RegionPicker picker;

	RegionPickerController(RegionPicker picker) {
		this.picker = picker;
	}

	/**
	 * The picker's chain for the code posted under the field's own name (the select that changed), or for
	 * {@code parent} when that select was set back to blank or a search answer was taken.
	 */
	@GetMapping("/public/regions/picker")
	@PageFragment("/")
	String picker(@RequestParam String field, @RequestParam(required = false) String id,
			@RequestParam(required = false) String root, @RequestParam(required = false) String min,
			@RequestParam(required = false) String max, @RequestParam(required = false) String parent,
			@RequestParam(defaultValue = "false") boolean inline, HttpServletRequest request, Model model) {
		String chosen = request.getParameter(Text.strip(field));
		model.addAttribute("p",
				picker.of(id, field, chosen == null || Text.isBlank(chosen) ? parent : chosen, root, min, max, inline));
		return "region/picker :: chain";
	}

	/** Regions below the picker's root whose name starts with {@code q}, with their full paths, to pick from. */
	@GetMapping("/public/regions/search")
	@PageFragment("/")
	String search(@RequestParam String field, @RequestParam(required = false) String id,
			@RequestParam(required = false) String root, @RequestParam(required = false) String min,
			@RequestParam(required = false) String max, @RequestParam(defaultValue = "false") boolean inline,
			@RequestParam(required = false) String q, Model model) {
		RegionPicker.Picker spec = picker.spec(id, field, root, min, max, inline);
		model.addAttribute("p", spec);
		model.addAttribute("q", q == null ? "" : Text.strip(q));
		model.addAttribute("matches", picker.search(spec, q));
		return "region/picker :: results";
	}
}
