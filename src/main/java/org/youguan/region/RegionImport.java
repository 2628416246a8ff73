package org.youguan.region;

import java.time.Instant;
import java.util.List;

import org.youguan.kernel.FieldError;

/**
 * The state of one street/village import, as its progress page shows it.
 *
 * @param phase VALIDATING → IMPORTING → DONE, or REJECTED (bad rows, nothing imported) or FAILED
 * @param processed rows handled so far in the current phase, out of {@code total}
 * @param errors every bad row (line number and field), when REJECTED
 */
public record RegionImport(String id, String fileName, String provinceFilter, Phase phase, long processed,
		long total, long imported, List<RowError> errors, String message, Instant startedAt, Instant finishedAt) {

	public enum Phase {

		VALIDATING, IMPORTING, DONE, REJECTED, FAILED;

		public boolean finished() {
			return this == DONE || this == REJECTED || this == FAILED;
		}

	}

	public record RowError(long line, String code, FieldError error) {
	}

	public int percent() {
		return total == 0 ? 0 : (int) Math.min(100, processed * 100 / total);
	}
}
