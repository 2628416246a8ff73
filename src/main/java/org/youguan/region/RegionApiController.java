package org.youguan.region;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.DomainException;

/**
 * Region look-ups for forms and integrations.
 */
@RestController
@Tag(name = "行政区划", description = "GB/T 2260 行政区划")
class RegionApiController {

	private final Regions regions;

	RegionApiController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/api/v1/regions")
	@Operation(summary = "下级行政区划", description = "parent 为上级代码，0 表示全国（返回各省）。")
	List<Region> children(@RequestParam(defaultValue = "0") String parent) {
		regions.require("parent", parent);
		return regions.children(parent);
	}

	@GetMapping("/api/v1/regions/{code}")
	@Operation(summary = "行政区划详情")
	Region get(@PathVariable String code) {
		return regions.find(regions.require("code", code).value())
			.orElseThrow(() -> DomainException.notFound("行政区划", code));
	}
}
