package org.youguan.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list with the total count, for pagers and API responses.
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean capped) {

	public PageResult(List<T> items, int page, int size, long total) {
		this(items, page, size, total, false);
	}

	/** A result whose total was counted only up to {@code cap}: at least that many rows match. */
	public static <T> PageResult<T> counted(List<T> items, int page, int size, long count, long cap) {
		return new PageResult<>(items, page, size, Math.min(count, cap), count > cap);
	}

	/** The number of pages (0 for no rows), at most {@link Integer#MAX_VALUE}. */
	public int totalPages() {
		return size <= 0 || total <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, total / size + (total % size == 0 ? 0 : 1));
	}

	/** The last page's number (from 0; 0 when there are no rows). */
	public int lastPage() {
		return Math.max(totalPages() - 1, 0);
	}

	/** Whether a page before this one has rows: this page is past the first. */
	public boolean hasPrevious() {
		return page > 0 && totalPages() > 0;
	}

	/** Whether a page after this one has rows (counted in long: no overflow at {@link Integer#MAX_VALUE}). */
	public boolean hasNext() {
		return (long) page + 1 < totalPages();
	}

	/**
	 * The page a 上一页 link asks for: one before this, clamped to [0, {@link #lastPage()}] — a page past the end
	 * leads back to the last page, never to a negative one.
	 */
	public int previousPage() {
		return (int) Math.max(0, Math.min((long) page - 1, lastPage()));
	}

	/**
	 * The page a 下一页 link asks for: one after this, clamped to [0, {@link #lastPage()}] — never past the last page,
	 * never an overflowed negative number (page {@link Integer#MAX_VALUE} asked for).
	 */
	public int nextPage() {
		return (int) Math.max(0, Math.min((long) page + 1, lastPage()));
	}

	/** This page's number as the pager shows it (from 1), in long: no overflow at {@link Integer#MAX_VALUE}. */
	public long number() {
		return (long) page + 1;
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), page, size, total, capped);
	}
}
