package org.youguan.safety.internal;

import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;

/**
 * An enterprise's upload batches and their rejected lines, for it to correct and send again (lists in the
 * {@link Listing} idiom; an enterprise sees only its own batches).
 */
@Service
class ParcelBatches {

	/** A batch as the list shows it. */
	record Batch(String batchId, String status, String format, long accepted, long rejected, Instant startedAt,
			Instant finishedAt) {
	}

	/** A rejected line: its number, the field and rule it broke, and its fields without the clear ID number. */
	record RejectedLine(String batchId, long line, String field, String rule, String message, String content) {
	}

	static final Map<String, String> BATCH_SORTS = Map.of("started_at", "b.started_at", "batch_id", "b.batch_id",
			"rejected", "b.rejected");

	static final Map<String, String> LINE_SORTS = Map.of("line", "l.line", "field", "l.field", "batch_id", "l.batch_id");

	private final JdbcClient jdbc;

	ParcelBatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of an enterprise's batches, newest first; {@code q} finds a batch by its exact id. */
	PageResult<Batch> batches(long enterpriseId, PageQuery page) {
		return Listing.from("FROM safety_parcel_batch b")
			.where("b.enterprise_id = :enterprise", Map.of("enterprise", enterpriseId))
			.where(!page.q().isEmpty(), "b.batch_id = :q", "q", page.q())
			.sorts(BATCH_SORTS, "started_at", true, "b.batch_id")
			.page(jdbc, "SELECT b.batch_id, b.status, b.format, b.accepted, b.rejected, b.started_at, b.finished_at",
					page, Rows.of(Batch.class));
	}

	/**
	 * A page of the enterprise's rejected lines, newest batch first and in line order within a batch; {@code batchId}
	 * narrows to one batch (an id the enterprise never used lists nothing), {@code field} to the field named. At most
	 * {@link ParcelIngest#MAX_KEPT_REJECTED} lines are kept per batch.
	 */
	PageResult<RejectedLine> rejectedLines(long enterpriseId, String batchId, String field, PageQuery page) {
		// the lines of each batch's latest attempt (an earlier attempt's lines are deleted when it is taken over; one
		// still being written by a stale uploader is not shown)
		return Listing.from("FROM safety_parcel_rejected_line l JOIN safety_parcel_batch b ON b.enterprise_id = "
				+ "l.enterprise_id AND b.batch_id = l.batch_id AND b.attempt = l.attempt")
			.where("l.enterprise_id = :enterprise", Map.of("enterprise", enterpriseId))
			.where(batchId != null && !batchId.isBlank(), "l.batch_id = :batch", "batch",
					batchId == null ? "" : batchId.strip())
			.where(field != null && !field.isBlank(), "l.field = :field", "field", field == null ? "" : field.strip())
			.sorts(LINE_SORTS, "line", "l.batch_id")
			.page(jdbc, "SELECT l.batch_id, l.line, l.field, l.rule, l.message, l.content", page,
					Rows.of(RejectedLine.class));
	}
}
