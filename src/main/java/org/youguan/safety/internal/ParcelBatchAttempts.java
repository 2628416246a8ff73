package org.youguan.safety.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.Wording;
import org.youguan.safety.internal.alerts.ParcelFiles;

/**
 * The life of an upload batch ({@code safety_parcel_batch}) across attempts, so that a batch counts all or nothing
 * and no database connection is held while its body streams in:
 * <ol>
 * <li>{@link #claim}: a short transaction inserts the batch (attempt 1) or finds it: DONE gives its stored answer;
 * RUNNING under a live lease (another request is uploading it) is waited for without a connection; FAILED, or RUNNING
 * with an expired lease (its uploader died), is taken over as the next attempt — the earlier attempts' chunks, staged
 * counts, rejected lines and Parquet files are deleted first.</li>
 * <li>While the body streams in, {@link #renew} extends the lease; chunks are stored by the sink, whose counts wait in
 * the stage tables ({@link ParcelRollups#stageTo}).</li>
 * <li>{@link #finish} marks the attempt DONE with its answer and chunk count and, when every chunk is stored (always on
 * one node; with Kafka the last consumer may still be storing), adds the staged counts to the rollups in the same
 * transaction; otherwise the sink's {@link #countIfComplete} after the last chunk does. {@link #fail} gives an attempt
 * up and deletes what it stored: a refused upload leaves nothing in the rates.</li>
 * </ol>
 * A sweep ({@code youguan.safety.batch-sweep-cron}, ShedLock) gives up attempts whose lease expired long ago, so a dead
 * uploader's files do not wait for the batch to be sent again.
 */
@Component
class ParcelBatchAttempts {

	private static final Logger log = LoggerFactory.getLogger(ParcelBatchAttempts.class);

	/**
	 * How a claim ended: the stored answer of a DONE batch (with the SHA-256 of its body, null for a batch done before
	 * digests were kept), or the attempt the caller now owns; {@code ref} is the batch's compact reference
	 * ({@code safety_parcel_batch.ref}, kept across attempts) its waybill claims name; {@code format} the format (NDJSON,
	 * CSV) the DONE batch was read in, part of its identity with the digest.
	 */
	record Claim(String storedAnswer, int attempt, long ref, byte[] digest, String format) {

		boolean replay() {
			return storedAnswer != null;
		}
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ParcelFiles files;

	private final Duration lease;

	ParcelBatchAttempts(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, ParcelFiles files,
			@Value("${youguan.safety.batch-lease:PT1M}") Duration lease) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.files = files;
		this.lease = lease;
	}

	/** The lease an uploading request holds on its batch, renewed while lines arrive. */
	Duration lease() {
		return lease;
	}

	/**
	 * Claims a batch for an upload: its stored answer when DONE, else an attempt owned by the caller. Waits (polling,
	 * no connection held) while another request holds a live lease on it.
	 *
	 * @throws DomainException UNAVAILABLE when the other request still holds it after {@code maxWait}
	 */
	Claim claim(long enterpriseId, String batchId, String format, Duration maxWait) {
		long deadline = System.nanoTime() + maxWait.toNanos();
		while (true) {
			Claim claim = tx.execute(s -> tryClaim(enterpriseId, batchId, format));
			if (claim != null) {
				return claim;
			}
			if (System.nanoTime() > deadline) {
				throw new DomainException(ErrorCode.UNAVAILABLE, Wording.of("safety.refusal.batchInProgress", batchId),
						"该批次（" + batchId + "）正由另一请求上报中，请稍后重新上报同一批次以取得结果", List.of());
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new DomainException(ErrorCode.UNAVAILABLE, "上报被中断，请重新上报该批次");
			}
		}
	}

	/** One try, in a transaction: null while another request holds a live lease. */
	private Claim tryClaim(long enterpriseId, String batchId, String format) {
		Instant now = clock.instant();
		List<Long> inserted = jdbc.queryForList("""
				INSERT INTO safety_parcel_batch (enterprise_id, batch_id, status, format, started_at, attempt, lease_until)
				VALUES (?, ?, 'RUNNING', ?, ?, 1, ?) ON CONFLICT DO NOTHING RETURNING ref""", Long.class, enterpriseId,
				batchId, format, Timestamp.from(now), Timestamp.from(now.plus(lease)));
		if (!inserted.isEmpty()) {
			return new Claim(null, 1, inserted.get(0), null, null);
		}
		Map<String, Object> row = jdbc.queryForMap("""
				SELECT status, answer, attempt, lease_until, ref, body_sha256, format FROM safety_parcel_batch
				WHERE enterprise_id = ? AND batch_id = ? FOR UPDATE""", enterpriseId, batchId);
		String status = (String) row.get("status");
		long ref = ((Number) row.get("ref")).longValue();
		if ("DONE".equals(status)) {
			return new Claim((String) row.get("answer"), 0, ref, (byte[]) row.get("body_sha256"),
					(String) row.get("format"));
		}
		Timestamp leaseUntil = (Timestamp) row.get("lease_until");
		if ("RUNNING".equals(status) && leaseUntil != null && leaseUntil.toInstant().isAfter(now)) {
			return null;
		}
		int attempt = ((Number) row.get("attempt")).intValue() + 1;
		List<String> stale = discard(enterpriseId, batchId);
		jdbc.update("""
				UPDATE safety_parcel_batch SET status = 'RUNNING', format = ?, attempt = ?, lease_until = ?, started_at = ?,
				    accepted = 0, rejected = 0, answer = NULL, finished_at = NULL, chunks = NULL
				WHERE enterprise_id = ? AND batch_id = ?""", format, attempt, Timestamp.from(now.plus(lease)),
				Timestamp.from(now), enterpriseId, batchId);
		log.info("Parcel batch {} of enterprise {}: attempt {} takes over ({} after {}); {} files of earlier attempts deleted",
				batchId, enterpriseId, attempt, status, leaseUntil, stale.size());
		deleteAfterCommit(stale);
		return new Claim(null, attempt, ref, null, null);
	}

	/**
	 * Extends the attempt's lease.
	 *
	 * @return false when the attempt is no longer the batch's (taken over: the upload must stop)
	 */
	boolean renew(long enterpriseId, String batchId, int attempt) {
		return jdbc.update("""
				UPDATE safety_parcel_batch SET lease_until = ? WHERE enterprise_id = ? AND batch_id = ? AND attempt = ?
				AND status = 'RUNNING'""", Timestamp.from(clock.instant().plus(lease)), enterpriseId, batchId, attempt) == 1;
	}

	/**
	 * Marks the attempt DONE with its answer and its body's SHA-256 and counts the batch when all its chunks are stored
	 * — one transaction.
	 *
	 * @throws DomainException UNAVAILABLE when the attempt was taken over meanwhile (its lease expired)
	 */
	void finish(long enterpriseId, String batchId, int attempt, long accepted, long rejected, String answer, int chunks,
			byte[] digest) {
		tx.executeWithoutResult(s -> {
			if (!owned(enterpriseId, batchId, attempt, "RUNNING")) {
				throw new DomainException(ErrorCode.UNAVAILABLE, Wording.of("safety.refusal.batchRetaken", batchId),
						"该批次（" + batchId + "）上报超时后已由另一请求重新上报，本次结果作废", List.of());
			}
			jdbc.update("""
					UPDATE safety_parcel_batch SET status = 'DONE', accepted = ?, rejected = ?, answer = ?, finished_at = ?,
					    chunks = ?, lease_until = NULL, body_sha256 = ? WHERE enterprise_id = ? AND batch_id = ?""", accepted,
					rejected, answer, Timestamp.from(clock.instant()), chunks, digest, enterpriseId, batchId);
			countWhenComplete(enterpriseId, batchId, attempt, chunks);
		});
	}

	/**
	 * Counts a DONE batch whose last chunk has just been stored (the Kafka consumers store chunks after the upload
	 * answered); does nothing while chunks are missing, or when the batch is counted already.
	 */
	void countIfComplete(long enterpriseId, String batchId, int attempt) {
		tx.executeWithoutResult(s -> {
			List<Map<String, Object>> rows = jdbc.queryForList("""
					SELECT chunks FROM safety_parcel_batch WHERE enterprise_id = ? AND batch_id = ? AND attempt = ?
					AND status = 'DONE' AND counted_at IS NULL FOR UPDATE""", enterpriseId, batchId, attempt);
			if (!rows.isEmpty()) {
				countWhenComplete(enterpriseId, batchId, attempt, ((Number) rows.get(0).get("chunks")).intValue());
			}
		});
	}

	private void countWhenComplete(long enterpriseId, String batchId, int attempt, int chunks) {
		Integer stored = jdbc.queryForObject("""
				SELECT count(*) FROM safety_parcel_chunk WHERE enterprise_id = ? AND batch_id = ? AND attempt = ?""",
				Integer.class, enterpriseId, batchId, attempt);
		if (stored != null && stored == chunks) {
			ParcelRollups.countStaged(jdbc, enterpriseId, batchId, attempt);
			jdbc.update("UPDATE safety_parcel_batch SET counted_at = ? WHERE enterprise_id = ? AND batch_id = ?",
					Timestamp.from(clock.instant()), enterpriseId, batchId);
		}
	}

	/**
	 * Whether a chunk of this attempt may be stored now: the attempt is the batch's and not given up (RUNNING, or DONE
	 * and not yet counted). Takes the batch row's share lock, so an attempt cannot be given up (or counted) between
	 * this check and the commit of the caller's transaction.
	 */
	boolean lockOpen(long enterpriseId, String batchId, int attempt) {
		return !jdbc.queryForList("""
				SELECT 1 FROM safety_parcel_batch WHERE enterprise_id = ? AND batch_id = ? AND attempt = ?
				AND (status = 'RUNNING' OR status = 'DONE' AND counted_at IS NULL) FOR SHARE""", Integer.class, enterpriseId,
				batchId, attempt).isEmpty();
	}

	/**
	 * Gives an attempt up (the upload failed): FAILED, and its chunks, staged counts, rejected lines and files deleted,
	 * so nothing of it is counted or kept. Does nothing when the attempt is no longer the batch's.
	 */
	void fail(long enterpriseId, String batchId, int attempt) {
		tx.executeWithoutResult(s -> {
			if (owned(enterpriseId, batchId, attempt, "RUNNING")) {
				List<String> stale = discard(enterpriseId, batchId);
				jdbc.update("""
						UPDATE safety_parcel_batch SET status = 'FAILED', finished_at = ?, lease_until = NULL
						WHERE enterprise_id = ? AND batch_id = ?""", Timestamp.from(clock.instant()), enterpriseId, batchId);
				deleteAfterCommit(stale);
			}
		});
	}

	/** Gives up the attempts whose uploader stopped renewing their lease more than one lease ago (a node died). */
	@Scheduled(cron = "${youguan.safety.batch-sweep-cron:0 */10 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "safety.batch-sweep", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	public void sweep() {
		List<Map<String, Object>> expired = jdbc.queryForList("""
				SELECT enterprise_id, batch_id, attempt FROM safety_parcel_batch
				WHERE status = 'RUNNING' AND lease_until < ?""", Timestamp.from(clock.instant().minus(lease)));
		for (Map<String, Object> b : expired) {
			fail(((Number) b.get("enterprise_id")).longValue(), (String) b.get("batch_id"),
					((Number) b.get("attempt")).intValue());
		}
		if (!expired.isEmpty()) {
			log.info("Parcel batches given up after their uploader stopped: {}", expired.size());
		}
	}

	private boolean owned(long enterpriseId, String batchId, int attempt, String status) {
		return !jdbc.queryForList("""
				SELECT 1 FROM safety_parcel_batch WHERE enterprise_id = ? AND batch_id = ? AND attempt = ? AND status = ?
				FOR UPDATE""", Integer.class, enterpriseId, batchId, attempt, status).isEmpty();
	}

	/**
	 * Deletes every uncounted trace of the batch's attempts (the caller holds the batch row): chunk rows, staged
	 * counts, rejected lines; returns the chunks' files (relative to the records root) to delete after the commit.
	 */
	private List<String> discard(long enterpriseId, String batchId) {
		List<String> stale = new ArrayList<>();
		jdbc.query("DELETE FROM safety_parcel_chunk WHERE enterprise_id = ? AND batch_id = ? RETURNING files", rs -> {
			Array array = rs.getArray(1);
			if (array != null) {
				try {
					for (Object f : (Object[]) array.getArray()) {
						stale.add((String) f);
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}, enterpriseId, batchId);
		ParcelRollups.dropStaged(jdbc, enterpriseId, batchId);
		jdbc.update("DELETE FROM safety_parcel_rejected_line WHERE enterprise_id = ? AND batch_id = ?", enterpriseId,
				batchId);
		return stale;
	}

	/** Deletes the files once the transaction that forgot their chunks committed (a rollback keeps them). */
	private void deleteAfterCommit(List<String> relative) {
		if (relative.isEmpty()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					for (String f : relative) {
						Path file = files.root().resolve(f).normalize();
						if (file.startsWith(files.root())) {
							try {
								Files.deleteIfExists(file);
							}
							catch (IOException ex) {
								log.warn("Parcel file of a given-up batch not deleted: {} ({})", f, ex.getClass().getSimpleName());
							}
						}
					}
				}
			});
	}
}
