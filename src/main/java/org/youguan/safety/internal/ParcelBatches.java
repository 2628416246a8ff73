package org.youguan.safety.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.safety.ParcelRecord;

/**
 * An enterprise's upload batches and their rejected lines, for it to correct and send again, and the batches of the
 * enterprises registered in a bureau's region for its staff (lists in the {@link Listing} idiom; an enterprise sees
 * only its own batches, a bureau those of its region's enterprises). Rejected lines come out with any ID-like number
 * masked ({@link Masking#personalNumbersIn}).
 */
@Service
class ParcelBatches {

	/** A batch as the list shows it. */
	record Batch(String batchId, String status, String format, long accepted, long rejected, Instant startedAt,
			Instant finishedAt) {
	}

	/** A rejected line: its number, the field and rule it broke, and its fields without the clear ID number. */
	record RejectedLine(String batchId, long line, String field, String rule, String message, String content) {

		RejectedLine masked() {
			return new RejectedLine(batchId, line, field, rule, message, Masking.personalNumbersIn(content));
		}
	}

	/**
	 * A batch as the staff list shows it: the enterprise, when it was received, how many lines were accepted and
	 * rejected, and the rejected share of all lines in percent (two decimals, 0.00 only when none was rejected and
	 * 100.00 only when all were: see SHARE; null when the batch had no line).
	 */
	record RegionBatch(long enterpriseId, String enterpriseName, String creditCode, String batchId, String status,
			long accepted, long rejected, BigDecimal rejectedShare, Instant startedAt) {
	}

	/**
	 * The rejected share of a batch's lines, in percent, as every share is counted ({@link Percentages#shareSql}): one
	 * rejected line of 50,000 shows 0.01, never 0.00 (a batch with nothing rejected), and 49,999 of 50,000 shows 99.99,
	 * never 100.00 (a batch with nothing accepted) — what the accepted rate left (100 − the rate rounded down) read
	 * 100.00 there.
	 */
	private static final String SHARE = Percentages.shareSql("b.rejected", "b.accepted + b.rejected", 2);

	static final Map<String, String> BATCH_SORTS = Map.of("started_at", "b.started_at", "batch_id", "b.batch_id",
			"accepted", "b.accepted", "rejected", "b.rejected");

	static final Map<String, String> REGION_SORTS = Map.of("started_at", "b.started_at", "batch_id", "b.batch_id",
			"accepted", "b.accepted", "rejected", "b.rejected", "rejected_share", SHARE, "enterprise",
			"e.legal_name");

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
			.searchesItself()
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
		return lines(enterpriseId, batchId, field).page(jdbc, "SELECT l.batch_id, l.line, l.field, l.rule, l.message, l.content",
				page, Rows.of(RejectedLine.class)).map(RejectedLine::masked);
	}

	/** One of the enterprise's batches, if it has one of that id. */
	Optional<Batch> batch(long enterpriseId, String batchId) {
		return jdbc.sql("""
				SELECT b.batch_id, b.status, b.format, b.accepted, b.rejected, b.started_at, b.finished_at
				FROM safety_parcel_batch b WHERE b.enterprise_id = :enterprise AND b.batch_id = :batch""")
			.param("enterprise", enterpriseId)
			.param("batch", batchId == null ? "" : Text.strip(batchId))
			.query(Rows.of(Batch.class))
			.optional();
	}

	/**
	 * A page of the batches of the enterprises registered in the caller's region (the enterprise's region code),
	 * received from {@code from} to {@code to} (China-time days, both included, either may be null), newest first;
	 * {@code q} searches the enterprise's name or credit code and the batch id.
	 */
	PageResult<RegionBatch> regionBatches(DataScope scope, LocalDate from, LocalDate to, PageQuery page) {
		return Listing.from("FROM safety_parcel_batch b JOIN enterprise_name e ON e.id = b.enterprise_id")
			.scope(scope, "e.region_code")
			.where(from != null, "b.started_at >= :from", "from",
					from == null ? "" : from.atStartOfDay(ParcelRecord.CHINA).toOffsetDateTime())
			.where(to != null, "b.started_at < :to", "to",
					to == null ? "" : to.plusDays(1).atStartOfDay(ParcelRecord.CHINA).toOffsetDateTime())
			.search(page, "e.legal_name", "e.credit_code", "b.batch_id")
			.sorts(REGION_SORTS, "started_at", true, "b.enterprise_id, b.batch_id")
			.page(jdbc, "SELECT b.enterprise_id, e.legal_name AS enterprise_name, e.credit_code, b.batch_id, b.status, "
					+ "b.accepted, b.rejected, " + SHARE + " AS rejected_share, b.started_at", page,
					Rows.of(RegionBatch.class));
	}

	/** A batch of an enterprise in the caller's region; not found (404) otherwise. */
	RegionBatch regionBatch(DataScope scope, long enterpriseId, String batchId) {
		return jdbc.sql("SELECT b.enterprise_id, e.legal_name AS enterprise_name, e.credit_code, b.batch_id, b.status, "
				+ "b.accepted, b.rejected, " + SHARE + " AS rejected_share, b.started_at "
				+ "FROM safety_parcel_batch b JOIN enterprise_name e ON e.id = b.enterprise_id "
				+ "WHERE b.enterprise_id = :enterprise AND b.batch_id = :batch AND " + scope.regionPredicate("e.region_code"))
			.params(scope.params())
			.param("enterprise", enterpriseId)
			.param("batch", batchId == null ? "" : Text.strip(batchId))
			.query(Rows.of(RegionBatch.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("寄递记录批次", batchId));
	}

	private Listing lines(long enterpriseId, String batchId, String field) {
		// the lines of each batch's latest attempt (an earlier attempt's lines are deleted when it is taken over; one
		// still being written by a stale uploader is not shown)
		return Listing.from("FROM safety_parcel_rejected_line l JOIN safety_parcel_batch b ON b.enterprise_id = "
				+ "l.enterprise_id AND b.batch_id = l.batch_id AND b.attempt = l.attempt")
			.where("l.enterprise_id = :enterprise", Map.of("enterprise", enterpriseId))
			.where(batchId != null && !Text.isBlank(batchId), "l.batch_id = :batch", "batch",
					batchId == null ? "" : Text.strip(batchId))
			.where(field != null && !Text.isBlank(field), "l.field = :field", "field", field == null ? "" : Text.strip(field))
			.sorts(LINE_SORTS, "line", "l.batch_id");
	}
}
