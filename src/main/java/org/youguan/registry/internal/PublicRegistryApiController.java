package org.youguan.registry.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.registry.Licences;
import org.youguan.registry.Outlets;

/**
 * The public lookup, without sign-in: licences and filed outlets, public fields only (no personal data); outlet pages
 * are remembered until the next audited change ({@link PublicLookup}).
 */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "公众查询", description = "无需登录：许可证查询、已备案末端网点查询（仅公开字段）")
class PublicRegistryApiController {

	private final Licences licences;

	private final PublicLookup lookup;

	PublicRegistryApiController(Licences licences, PublicLookup lookup) {
		this.licences = licences;
		this.lookup = lookup;
	}

	@GetMapping("/licences")
	@Operation(summary = "许可证查询", description = "按企业名称（至少2个字）、统一社会信用代码或许可证编号查询，最多返回50条；"
			+ "query为空或不足2个字时答复400（field为query）。")
	List<Licences.PublicLicence> licences(@Parameter(description = "企业名称片段、统一社会信用代码或许可证编号") @RequestParam String query) {
		// an empty search is a missing field, not a search that found nothing (attack 3: ?query= answered 200 [])
		Validation v = new Validation().required("query", "查询内容", query);
		if (!Text.isBlank(query)) {
			v.require("query", Text.searchText(query).length() >= 2, "min-length", Wording.of("registry.refusal.queryTooShort"), "查询内容至少2个字");
		}
		v.throwIfInvalid();
		return licences.publicSearch(query, 50);
	}

	@GetMapping("/outlets")
	@Operation(summary = "已备案末端网点", description = "按行政区划（县、乡镇/街道）、品牌简称和关键词q（网点名称、地址、备案编号、运营企业名称或统一社会信用代码）查询已备案的网点，"
			+ "每页默认20条（size最多200），sort只能为region_code；brand须为已登记的品牌简称，否则400。")
	PageResult<Outlets.PublicOutlet> outlets(@RequestParam(required = false) String region,
			@RequestParam(required = false) String brand, @ParameterObject ListRequest list) {
		return lookup.now().outlets(region, brand, list);
	}
}
