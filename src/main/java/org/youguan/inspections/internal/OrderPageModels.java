package org.youguan.inspections.internal;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.inspections.InspectionOrders;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;

/**
 * What the staff's and the enterprise's 责令改正 pages show, filled once for both: a page of the orders in the caller's
 * scope, and an order with its notice (.docx) and the enterprise's evidence. The scope decides what each side sees (an
 * enterprise only its own orders; another's is not found).
 */
final class OrderPageModels {

	private OrderPageModels() {
	}

	/**
	 * The list page's model: {@code result}, {@code orders}, {@code query}, {@code state} (the state filter chosen:
	 * {@link InspectionOrders.State} name, or null for all), {@code handling} (only the caller's bureau's own orders,
	 * the inbox's links: {@link InspectionOrders#list(DataScope, InspectionOrders.State, boolean, PageQuery)}).
	 */
	static void list(InspectionOrders orders, DataScope scope, ListRequest request, String state, boolean handling,
			Model model) {
		PageQuery query = request.toPage();
		InspectionOrders.State chosen = InspectionApiController.state(state);
		PageResult<InspectionOrders.Order> result = orders.list(scope, chosen, handling, query);
		model.addAttribute("handling", handling);
		model.addAttribute("state", chosen == null ? null : chosen.name());
		model.addAttribute("states", InspectionOrders.State.values());
		model.addAttribute("result", result);
		model.addAttribute("orders", result.items());
		model.addAttribute("query", query);
	}

	/**
	 * The export's columns, what the list shows (文号, the enterprise and the object inspected, the dates, the status
	 * and whether the order became a case lead), the status by its label in the messages bundle.
	 */
	static List<Column<InspectionOrders.Order>> columns(MessageSource messages) {
		return List.of(Column.of("文号", InspectionOrders.Order::number, 24),
				Column.of("被检查企业", InspectionOrders.Order::enterpriseName, 30),
				Column.of("检查对象", InspectionOrders.Order::objectName, 24),
				Column.of("下达日期", InspectionOrders.Order::issuedOn), Column.of("整改期限", o -> WorkingCalendar.exported(o.dueOn(), o.dueOnProvisional()), 14),
				Column.label("状态", messages, "inspection.order.status.", InspectionOrders.Order::status),
				Column.of("转案件线索日期", InspectionOrders.Order::leadRaisedOn));
	}

	/**
	 * The list as .xlsx for staff and the enterprise alike: the same state, search and order as the page, every row of
	 * the scope up to the export limit ({@code handling}: the caller's bureau's own orders only), in {@link #columns}.
	 * @throws org.youguan.kernel.InvalidValueException naming {@code state} for an unknown state
	 */
	static ResponseEntity<byte[]> export(InspectionOrders orders, Spreadsheets spreadsheets, MessageSource messages,
			DataScope scope, ListRequest request, String state, boolean handling) {
		var rows = orders.list(scope, InspectionApiController.state(state), handling, request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("责令改正", scope), spreadsheets.write("责令改正", columns(messages), rows));
	}

	/**
	 * An order's page model: {@code order}, {@code document} (null before one is kept), {@code evidence}, {@code handles}
	 * (the caller's bureau takes its steps: {@link InspectionOrders#stepsOpenToCaller}).
	 * @throws org.youguan.kernel.DomainException not found outside the scope
	 */
	static void order(InspectionOrders orders, DataScope scope, long id, Model model) {
		InspectionOrders.Order order = orders.get(scope, id);
		model.addAttribute("order", order);
		model.addAttribute("handles", orders.stepsOpenToCaller(order));
		model.addAttribute("document", orders.document(scope, id).orElse(null));
		model.addAttribute("evidence", orders.evidence(scope, id));
	}
}
