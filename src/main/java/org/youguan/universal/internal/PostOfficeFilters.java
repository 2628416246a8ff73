package org.youguan.universal.internal;

import java.util.List;
import java.util.function.Function;

import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Column;
import org.youguan.kernel.Actors;
import org.youguan.universal.PostOfficeApproval;
import org.youguan.universal.PostOfficeView;
import org.youguan.universal.SuspensionView;

/** The export columns of the post offices' opening days (the list page and its .xlsx show the same). */
final class PostOfficeFilters {

	static List<Column<PostOfficeView>> columns(Function<String, String> place) {
		return List.of(Column.of("设施编号", PostOfficeView::facilityId, 10),
			Column.of("营业场所", PostOfficeView::facilityName, 30), Column.of("行政区划代码", PostOfficeView::regionCode, 14),
			Column.of("所在地", p -> place.apply(p.regionCode()), 24),
			Column.of("所在地类型", p -> p.areaType(), 16), Column.of("每周营业天数", PostOfficeView::daysPerWeek, 10),
			Column.of("标准（天/周）", PostOfficeView::standardDays, 10),
			Column.of("低于标准", p -> p.belowStandard(), 10),
			Column.of("营业时间", PostOfficeView::openingHours, 30),
			Column.of("邮政企业统一社会信用代码", PostOfficeView::enterpriseCreditCode, 22));
	}

	/**
	 * The enterprise portal's export of its own post offices: the columns its page shows (no region or credit code,
	 * which it does not show), the standard and whether below it spelled out.
	 */
	static final List<Column<PostOfficeView>> ENTERPRISE_COLUMNS = List.of(
			Column.of("营业场所", PostOfficeView::facilityName, 30), Column.of("所在地类型", p -> p.areaType(), 16),
			Column.of("每周营业天数", PostOfficeView::daysPerWeek, 10),
			Column.of("标准（天/周）", PostOfficeView::standardDays, 10),
			Column.of("低于标准", p -> p.belowStandard(), 10),
			Column.of("营业时间", PostOfficeView::openingHours, 30));

	/**
	 * The bureau's approvals queue as exported: the page's columns (营业场所, 事项, 状态, 收到日期, 期限 — the decision's
	 * while open, the public notice's after —, 剩余工作日) with the reason, a relocation's new address and 文号 it shows
	 * beneath, and whether overdue.
	 */
	static final List<Column<PostOfficeApproval>> APPROVAL_COLUMNS = List.of(
			Column.of("营业场所", PostOfficeApproval::facilityName, 30), Column.of("理由", PostOfficeApproval::reason, 40),
			Column.of("事项", a -> a.kind(), 10), Column.of("搬迁后的地址", PostOfficeApproval::newAddress, 40),
			Column.of("状态", a -> a.status(), 14),
			Column.of("决定文号", PostOfficeApproval::decisionNumber, 20),
			Column.of("收到日期", PostOfficeApproval::receivedOn, 12),
			Column.of("期限", a -> a.status().open() ? WorkingCalendar.exported(a.decisionDueOn(), a.decisionDueOnProvisional())
					: WorkingCalendar.exported(a.noticeDueOn(), a.noticeDueOnProvisional()), 14),
			Column.of("剩余工作日", PostOfficeApproval::remainingDays, 10),
			Column.of("逾期", a -> a.overdue(), 8));

	/** The reported 临时停业 as the bureau's list shows them (the reason masked as on the page). */
	static final List<Column<SuspensionView>> SUSPENSION_COLUMNS = List.of(
			Column.of("营业场所", SuspensionView::facilityName, 30), Column.of("开始", SuspensionView::startsOn, 12),
			Column.of("结束", SuspensionView::endsOn, 12), Column.of("原因", SuspensionView::reason, 40),
			Column.of("报告人", s -> Actors.shown(s.reportedBy()), 16));

	private PostOfficeFilters() {
	}
}
