package org.youguan.safety.internal;

import java.util.List;

/**
 * The answer to an upload (the API contract): how many lines were accepted and rejected, and why the rejected ones
 * were — every fault of a rejected line as its own error with the line's number —, the first {@value #MAX_ERRORS}
 * errors listed ({@code errorsTruncated} when there were more; every rejected line is kept, with all its reasons, and
 * listed by {@code GET /api/v1/safety/rejected-lines?batchId=…}).
 *
 * @param batchId the caller's batch id
 * @param accepted lines accepted (stored, or stored before under the same chunk keys)
 * @param rejected lines rejected
 * @param errors the first faults of the rejected lines, in line order: line (from 1), field, rule (the rule's code) and
 *        message (the Chinese reason); a line breaking several rules has one error for each
 *        — the shape of {@code GET /api/v1/safety/rejected-lines} and of every 400's {@code errors[{field, rule,
 *        message}]} (issue 17)
 * @param errorsTruncated whether more faults were found than listed
 */
public record ParcelBatchAnswer(String batchId, long accepted, long rejected, List<LineError> errors, boolean errorsTruncated) {

	/** The most errors (faults, several a line when a line breaks several rules) an answer lists. */
	static final int MAX_ERRORS = 1000;

	/**
	 * One rejected line, in the contract's {@code errors[{line, field, rule, message}]} (issue 17): {@code rule} is the
	 * rule's code as in {@code GET /api/v1/safety/rejected-lines}, the Chinese reason is {@code message}.
	 *
	 * @param line the line number from 1 (NDJSON: physical line; CSV: data row after the header)
	 * @param field the contract field name ({@code line} when the line is no record)
	 * @param rule the rule's code (stable, for programs: {@code required}, {@code duplicate}, {@code columns} …)
	 * @param message the Chinese reason, naming the field
	 * @param code the rule's code again, as answers before attack 32 named it ({@code rule} then held the reason);
	 *        kept so a client reading {@code code} goes on working — read {@code rule}
	 */
	public record LineError(long line, String field, String rule, String message, String code) {

		/**
		 * An answer stored before attack 32 (a DONE batch replays it) had the reason in {@code rule} and the code in
		 * {@code code}, no {@code message}: read into today's shape, so a replay answers as a first upload does.
		 */
		public LineError {
			if (message == null && code != null && rule != null && !rule.equals(code)) {
				message = rule;
				rule = code;
			}
			if (code == null) {
				code = rule;
			}
		}

		/** A rejected line: its number, field, rule code and Chinese reason. */
		public LineError(long line, String field, String rule, String message) {
			this(line, field, rule, message, rule);
		}
	}
}
