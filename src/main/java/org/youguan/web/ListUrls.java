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

	/** The same list as .xlsx: the export path with the current filters and sort. */
	public String export(String path) {
		var query = current().replaceQueryParam("page").build().getQuery();
		return path + (query == null ? "" : "?" + query);
	}

	private static ServletUriComponentsBuilder current() {
		return ServletUriComponentsBuilder.fromCurrentRequest();
	}
}
