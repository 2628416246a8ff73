package org.youguan.universal.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.youguan.documents.Column;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.universal.SupervisionKind;
import org.youguan.universal.SupervisionRecord;
import org.youguan.universal.SupervisionRecords;

/** The supervision lists' kind (from the address), filters and export columns, as pages, the API and exports read them. */
final class SupervisionFilters {

	/** The kinds' names in addresses, as a path-variable pattern: any other name is no page (404). */
	static final String KINDS = "confidential|party-papers|hall-windows|outlet-visits|supervisors";

	private SupervisionFilters() {
	}

	/**
	 * The kind an address names ({@code confidential}, {@code party-papers}, {@code hall-windows},
	 * {@code outlet-visits}, {@code supervisors}).
	 * @throws DomainException not found (404) for any other
	 */
	static SupervisionKind kind(String slug) {
		SupervisionKind kind = SupervisionKind.parse(slug);
		if (kind == null) {
			throw DomainException.notFound("监督记录类别", slug);
		}
		return kind;
	}

	/**
	 * The filter of a supervision list: the region and the days ({@link FiguresPeriod#filter}).
	 * @param today today (China time), deciding the last day a filter may name
	 * @throws InvalidValueException naming from or to when not a date from 2000 to the end of next year, or to before from
	 */
	static SupervisionRecords.Filter of(String region, String from, String to, LocalDate today) {
		FiguresPeriod.Filter period = FiguresPeriod.filter(from, to, today);
		return new SupervisionRecords.Filter(region, period.from(), period.to());
	}

	/**
	 * The export's columns of a kind: the kind's own fields only (a 社会监督员's name masked, as in the list); {@code place}
	 * names the record's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区), never a county's name alone.
	 */
	static List<Column<SupervisionRecord>> columns(SupervisionKind kind, Function<String, String> place) {
		List<Column<SupervisionRecord>> columns = new ArrayList<>();
		columns.add(Column.of("所属地区", r -> place.apply(r.regionCode()), 24));
		columns.add(Column.of("所属地区代码", SupervisionRecord::regionCode, 12));
		columns.add(Column.of(kind.dayLabel(), SupervisionRecord::day, 12));
		if (kind.term()) {
			columns.add(Column.of(kind.untilLabel(), SupervisionRecord::until, 12));
		}
		columns.add(Column.of(kind.subjectLabel(), SupervisionRecord::subject, 26));
		if (kind.placeLabel() != null) {
			columns.add(Column.of(kind.placeLabel(), SupervisionRecord::place, 30));
		}
		if (kind.detailLabel() != null) {
			columns.add(Column.of(kind.detailLabel(), SupervisionRecord::detail, 30));
		}
		if (kind.inspectors()) {
			columns.add(Column.of("检查人员", SupervisionRecord::inspectors, 20));
			columns.add(Column.of("检查人次", SupervisionRecord::inspectorCount, 10));
		}
		if (kind.flagLabel() != null) {
			columns.add(Column.of(kind.flagLabel(), r -> r.flag(), 10));
		}
		if (kind.term()) {
			columns.add(Column.of("收到反映（件）", SupervisionRecord::reports, 12));
		}
		columns.add(Column.of(kind.findingsLabel(), SupervisionRecord::findings, 40));
		columns.add(Column.of("历史导入", r -> r.imported(), 10));
		return columns;
	}
}
