package org.youguan.inspections.internal;

import org.springframework.ui.Model;
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
	 * {@link InspectionOrders.State} name, or null for all).
	 */
	static void list(InspectionOrders orders, DataScope scope, ListRequest request, String state, Model model) {
		PageQuery query = request.toPage();
		InspectionOrders.State chosen = InspectionApiController.state(state);
		PageResult<InspectionOrders.Order> result = orders.list(scope, chosen, query);
		model.addAttribute("state", chosen == null ? null : chosen.name());
		model.addAttribute("states", InspectionOrders.State.values());
		model.addAttribute("result", result);
		model.addAttribute("orders", result.items());
		model.addAttribute("query", query);
	}

	/**
	 * An order's page model: {@code order}, {@code document} (null before one is kept), {@code evidence}.
	 * @throws org.youguan.kernel.DomainException not found outside the scope
	 */
	static void order(InspectionOrders orders, DataScope scope, long id, Model model) {
		model.addAttribute("order", orders.get(scope, id));
		model.addAttribute("document", orders.document(scope, id).orElse(null));
		model.addAttribute("evidence", orders.evidence(scope, id));
	}
}
