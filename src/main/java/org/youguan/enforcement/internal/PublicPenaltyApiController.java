package org.youguan.enforcement.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.enforcement.DecisionPublication;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.RegionPrefix;

/**
 * 双公示 of penalty decisions for everyone, without signing in: the decisions published and not withdrawn, without
 * personal data (行政处罚法(2021) art.48).
 */
@RestController
@Tag(name = "行政处罚决定公示", description = "已公示的行政处罚决定（无需登录，不含个人信息）")
class PublicPenaltyApiController {

	private final DecisionPublication decisionPublication;


	PublicPenaltyApiController(DecisionPublication decisionPublication) {
		this.decisionPublication = decisionPublication;
	}

	@GetMapping("/api/v1/public/penalties")
	@Operation(summary = "已公示的行政处罚决定", description = "region：行政区划代码（2、4、6、9或12位且存在，如3205，含其下级；空为全国；否则400）；最新公示的在前，分页"
			+ "（page、size，默认每页50条）。字段：decisionNumber、enterprise、creditCode、violation、basis、penalty（并处的各种类，如没收违法所得并处罚款）、"
			+ "fine（罚款，元）、decidedOn、publishedOn、confiscated（没收违法所得，元）、bureau（处罚机关：作出决定的邮政管理局）。")
	List<DecisionPublication.PublishedDecision> penalties(@RequestParam(required = false) String region, ListRequest list) {
		String prefix = RegionPrefix.of(region).code();
		ListRequest page = new ListRequest(list.q(), list.page(), list.size() == null ? 50 : list.size(), list.sort(),
				list.dir());
		return decisionPublication.published(prefix, page.toPage()).items();
	}
}
