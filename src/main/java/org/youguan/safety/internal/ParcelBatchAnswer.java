package org.youguan.safety.internal;

import java.util.List;

/**
 * The answer to an upload (the API contract): how many lines were accepted and rejected, and why the rejected ones
 * were, the first {@value #MAX_ERRORS} of them listed ({@code errorsTruncated} when there were more; every one is kept
 * and listed by {@code GET /api/v1/safety/rejected-lines?batchId=…}).
 *
 * @param batchId the caller's batch id
 * @param accepted lines accepted (stored, or stored before under the same chunk keys)
 * @param rejected lines rejected
 * @param errors the first rejected lines: line (from 1), field, rule (Chinese reason naming the field) and code
 * @param errorsTruncated whether more lines were rejected than listed
 */
public record ParcelBatchAnswer(String batchId, long accepted, long rejected, List<LineError> errors, boolean errorsTruncated) {

	/** The most errors an answer lists. */
	static final int MAX_ERRORS = 1000;

	/**
	 * One rejected line.
	 *
	 * @param line the line number from 1 (NDJSON: physical line; CSV: data row after the header)
	 * @param field the contract field name ({@code line} when the line is no record)
	 * @param rule the Chinese reason, naming the field
	 * @param code the rule's code (stable, for programs)
	 */
	public record LineError(long line, String field, String rule, String code) {
	}
}
