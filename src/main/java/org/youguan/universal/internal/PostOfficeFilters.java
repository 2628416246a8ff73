package org.youguan.universal.internal;

import java.util.List;

import org.youguan.documents.Column;
import org.youguan.universal.PostOfficeView;

/** The export columns of the post offices' opening days (the list page and its .xlsx show the same). */
final class PostOfficeFilters {

	static final List<Column<PostOfficeView>> COLUMNS = List.of(Column.of("设施编号", PostOfficeView::facilityId, 10),
			Column.of("营业场所", PostOfficeView::facilityName, 30), Column.of("行政区划代码", PostOfficeView::regionCode, 14),
			Column.of("所在地类型", p -> p.areaType().label(), 16), Column.of("每周营业天数", PostOfficeView::daysPerWeek, 10),
			Column.of("标准（天/周）", PostOfficeView::standardDays, 10),
			Column.of("低于标准", p -> p.belowStandard() ? "是" : "否", 10),
			Column.of("营业时间", PostOfficeView::openingHours, 30),
			Column.of("邮政企业统一社会信用代码", PostOfficeView::enterpriseCreditCode, 22));

	private PostOfficeFilters() {
	}
}
