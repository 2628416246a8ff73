package org.youguan.safety.internal.ledgers;

import java.util.List;
import java.util.function.Function;

import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Column;
import org.youguan.documents.SheetWord;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ListFilter;
import org.youguan.kernel.Text;

/** The hazard list's request filters (shared by the page, its export and the API) and the export's columns. */
final class HazardFilters {

	/**
	 * The export's columns; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<HazardView>> columns(Function<String, String> place) {
		return List.of(Column.of("企业", HazardView::enterpriseName, 30),
			Column.of("统一社会信用代码", HazardView::enterpriseCreditCode, 20), Column.of("网点/设施", HazardView::place, 24),
			Column.of("所在地", row -> place.apply(row.regionCode())), Column.of("发现日期", HazardView::foundOn),
			Column.of("发现人", HazardView::foundBy), Column.of("来源", h -> h.source()),
			Column.of("隐患等级", h -> h.level()), Column.of("隐患描述", HazardView::description, 40),
			Column.of("整改期限", h -> WorkingCalendar.exported(h.deadline(), h.deadlineProvisional()), 14), Column.of("期限依据", HazardView::deadlineBasis, 30),
			Column.of("整改情况", HazardView::rectification, 30),
			Column.of("状态", h -> h.open() ? (h.overdue() ? SheetWord.of("逾期未整改") : SheetWord.of("整改中")) : SheetWord.of("已销号")),
			Column.of("销号日期", HazardView::closedOn), Column.of("销号人", h -> Actors.shown(h.closedBy())));
	}

	private HazardFilters() {
	}

	static Hazards.Filter of(String level, String status, String region) {
		return new Hazards.Filter(
				ListFilter.known(Hazards.parse(HazardLevel.class, level, HazardLevel::label), level, "level", "隐患等级",
						HazardLevel.class),
				ListFilter.known(Hazards.Status.parse(status), status, "status", "隐患状态", Hazards.Status.class),
				region == null || Text.isBlank(region) ? null : Text.strip(region));
	}
}
