package org.youguan.kernel;

import org.springdoc.core.annotations.ParameterObject;

/**
 * The request parameters every list page, API list and export takes — {@code q}, {@code page} (from 0), {@code size},
 * {@code sort} and {@code dir} ({@code asc}/{@code desc}; {@code q} at most {@link PageQuery#MAX_QUERY_LENGTH}
 * characters, {@code page} and {@code size} digits without sign or blanks: {@code web.ListRequestArgumentResolver}) —
 * bound once as a record (a controller parameter without
 * annotation), so a list and its export cannot drift apart. The API document shows its five fields as query
 * parameters ({@link ParameterObject}), never as one required parameter named after the argument.
 */
@ParameterObject
public record ListRequest(String q, Integer page, Integer size, String sort, String dir) {

	/** The page the user asked for (size at most {@link PageQuery#MAX_SIZE}). */
	public PageQuery toPage() {
		return PageQuery.of(q, page, size, sort, dir);
	}

	/**
	 * This request in a list's own default order where the user chose none: {@code sort} when no column was chosen,
	 * and then the direction the user asked for if any, else {@code dir}. A chosen direction is never dropped — it is
	 * checked ({@code asc}/{@code desc}, else 400) like any, with or without a chosen column.
	 *
	 * @param sort the list's default column (a sort name of its {@link Listing})
	 * @param dir the default column's direction, {@code asc} or {@code desc}
	 */
	public ListRequest orDefaultOrder(String sort, String dir) {
		if (this.sort != null) {
			return this;
		}
		return new ListRequest(q, page, size, sort, this.dir != null ? this.dir : dir);
	}

	/** The same search and order for an export: every row up to {@link PageQuery#EXPORT_LIMIT}. */
	public PageQuery toExport() {
		return PageQuery.of(q, 0, null, sort, dir).unpaged();
	}
}
