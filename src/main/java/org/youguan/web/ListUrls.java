package org.youguan.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds links of a list page that keep its current filters: another page, another sort, the export.
 */
public final class ListUrls {

	public String page(int page) {
		return current().replaceQueryParam("page", page).build().encode().toUriString();
	}

	public String sort(String column, String currentSort, boolean currentDesc) {
		boolean desc = column.equals(currentSort) && !currentDesc;
		return current().replaceQueryParam("sort", column)
			.replaceQueryParam("dir", desc ? "desc" : "asc")
			.replaceQueryParam("page")
			.build()
			.encode()
			.toUriString();
	}

	/**
	 * The same queue in another {@link org.youguan.kernel.WorkState} (待办 / 已办结 / 全部): keeps the search and the
	 * filters every state shares, drops those that belong to one state (status, awaiting reply, overdue), the page and the
	 * sort (each state has its own default order).
	 */
	public String state(String state) {
		return current().replaceQueryParam("state", state)
			.replaceQueryParam("status")
			.replaceQueryParam("awaitingReply")
			.replaceQueryParam("overdue")
			.replaceQueryParam("page")
			.replaceQueryParam("sort")
			.replaceQueryParam("dir")
			.build()
			.encode()
			.toUriString();
	}

	/** The same list without one filter (the ✕ of a filter chip). */
	public String without(String name) {
		return current().replaceQueryParam(name).replaceQueryParam("page").build().encode().toUriString();
	}

	/** The same list as .xlsx: the export path with the current filters and sort. */
	public String export(String path) {
		var query = current().replaceQueryParam("page").build().getQuery();
		return path + (query == null ? "" : "?" + query);
	}

	private static ServletUriComponentsBuilder current() {
		return ServletUriComponentsBuilder.fromCurrentRequest();
	}
}
