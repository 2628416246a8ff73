package org.youguan.workplans.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice imported as a work plan is long free text: the zero-width characters and bidirectional marks a pasted or
 * uploaded notice carries are removed from its tasks as {@code Text.freeText} removes them from every request body,
 * and the same notice with them is the same notice for the duplicate check.
 */
@IntegrationTest
class NoticeFreeTextIntegrationTest {

	@Autowired
	WorkPlanImport imports;

	@Autowired
	UserDirectory directory;

	@Test
	void aNoticesTasksAreReadWithoutZeroWidthCharactersOrBidirectionalMarks() throws Exception {
		String clean = NoticeParserTest.sample();
		String typed = clean.replace("全年集中学习不少于12次", "全年集中\u200B学习\u200E不少于\u206012次")
			.replace("新建企业党支部3个", "新建\uFEFF企业\u200C党支部3个");
		assertThat(typed).isNotEqualTo(clean);
		PlanPreview preview = imports.preview(directory.principal("sz.market").orElseThrow(), typed);
		assertThat(preview.sections().get(0).tasks()).extracting(PlanPreview.Task::text)
			.contains("落实党组理论学习中心组学习制度，全年集中学习不少于12次。", "推进非公快递企业党组织覆盖，新建企业党支部3个。")
			.noneMatch(t -> t.matches("(?s).*[\u200B-\u200F\u2060\uFEFF\u061C].*"));
		assertThat(WorkPlanImport.fingerprint(typed)).isEqualTo(WorkPlanImport.fingerprint(clean));
	}
}
