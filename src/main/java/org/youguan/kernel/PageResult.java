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

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), page, size, total, capped);
	}
}
