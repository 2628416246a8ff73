package org.youguan.safety.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.EnterpriseView;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.ParcelUploads;
import org.youguan.registry.Enterprises;

/**
 * Takes in one upload of parcel records (the ingest path of {@code POST /api/v1/safety/parcel-records}): reads the
 * body as a stream (gzip recognised by its magic bytes), checks every line ({@link ParcelValidator}), keeps every
 * rejected line without its clear ID number, cuts the accepted records per province into chunks of at most
 * {@code youguan.safety.chunk-records} with deterministic keys and hands them to the {@link ParcelTransport}.
 * <p>
 * Idempotent per enterprise and batch id: the batch's row in {@code safety_parcel_batch} is inserted and locked in a
 * transaction held for the whole upload and committed with the answer; a second request with the same batch id waits
 * for the first and gets its answer, counting nothing again. When the node dies mid-upload the transaction rolls back
 * (no batch row, no rejected lines) while the chunks already stored stay; the batch sent again yields the same chunk
 * keys, and the sink skips those stored before.
 */
@Service
public class ParcelIngest implements ParcelUploads {

	private static final Logger log = LoggerFactory.getLogger(ParcelIngest.class);

	/** The formats of the body. */
	public enum Format {
		NDJSON, CSV
	}

	/** An answer and whether it was the stored answer of an earlier upload of the same batch. */
	public record Outcome(ParcelBatchAnswer answer, boolean replayed) {
	}

	private final DataSource dataSource;

	private final ParcelReferences references;

	private final Pseudonyms pseudonyms;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final ParcelTransport transport;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration window;

	private final Duration skew;

	private final int chunkRecords;

	private final Enterprises enterprises;

	ParcelIngest(DataSource dataSource, ParcelReferences references, Pseudonyms pseudonyms,
			ParcelTransport transport, JsonMapper json, Clock clock,
			@Value("${youguan.safety.record-window:P30D}") Duration window,
			@Value("${youguan.safety.clock-skew:PT5M}") Duration skew,
			@Value("${youguan.safety.chunk-records:5000}") int chunkRecords, Enterprises enterprises, AuditTrail audit,
			TransactionTemplate tx) {
		this.enterprises = enterprises;
		this.audit = audit;
		this.tx = tx;
		this.dataSource = dataSource;
		this.references = references;
		this.pseudonyms = pseudonyms;
		this.transport = transport;
		this.json = json;
		this.clock = clock;
		this.window = window;
		this.skew = skew;
		if (chunkRecords < 1 || chunkRecords > 5000) {
			throw new IllegalStateException("youguan.safety.chunk-records 应在1至5000之间：" + chunkRecords);
		}
		this.chunkRecords = chunkRecords;
	}

	/**
	 * A batch id as accepted: 1–64 letters, digits, '.', '_' or '-'.
	 *
	 * @throws InvalidValueException on field {@code batchId} (required, format)
	 */
	static String batchId(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidValueException("batchId", "required", "批次号（batchId，查询参数或X-Batch-Id请求头）不能为空");
		}
		String t = text.strip();
		boolean ok = t.length() <= 64;
		for (int i = 0; ok && i < t.length(); i++) {
			char c = t.charAt(i);
			ok = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.' || c == '_' || c == '-';
		}
		if (!ok) {
			throw new InvalidValueException("batchId", "format", "批次号（batchId）应为1–64位字母、数字、“.”、“_”或“-”");
		}
		return t;
	}

	@Override
	public Result upload(String enterpriseCreditCode, String batchId, InputStream ndjson) {
		EnterpriseView enterprise = enterprises.findByCreditCode(enterpriseCreditCode)
			.orElseThrow(() -> new InvalidValueException("enterprise", "unknown", "企业未在名录中登记：" + enterpriseCreditCode));
		Outcome outcome = ingest(enterprise, batchId, Format.NDJSON, ndjson);
		return new Result(outcome.answer().accepted(), outcome.answer().rejected(), outcome.replayed());
	}

	/**
	 * Takes in one upload.
	 *
	 * @param enterprise the uploading enterprise (from the caller's token)
	 * @param batchId the caller's batch id ({@link #batchId} checked)
	 * @param format NDJSON or CSV
	 * @param body the body as sent; gzip is recognised by its magic bytes whatever the headers say
	 * @return the answer, or the stored answer when the batch was taken in before
	 * @throws InvalidValueException for a CSV without header or broken quoting, or a body that is not gzip although
	 * it starts like gzip (nothing of the batch is recorded; chunks stored before the error are skipped when the
	 * batch is sent again)
	 */
	public Outcome ingest(EnterpriseView enterprise, String batchId, Format format, InputStream body) {
		String id = batchId(batchId);
		try (Connection con = dataSource.getConnection()) {
			con.setAutoCommit(false);
			try {
				Outcome outcome = ingest(con, enterprise, id, format, body);
				con.commit();
				if (!outcome.replayed()) {
					// one audit entry per batch taken in (not per parcel): who reported how much, when
					tx.executeWithoutResult(s -> audit.record(AuditEntry.of("safety.parcels.upload", "SafetyParcelBatch",
							enterprise.id(), "上报寄递实名收寄记录（批次" + id + "）：接收" + outcome.answer().accepted() + "条，拒收"
									+ outcome.answer().rejected() + "条")
						.inRegion(enterprise.regionCode())));
				}
				return outcome;
			}
			catch (RuntimeException | SQLException | IOException ex) {
				con.rollback();
				throw ex;
			}
			finally {
				con.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("寄递记录批次保存失败：" + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new InvalidValueException("body", "read", "请求体读取失败（连接中断或gzip数据损坏），该批次未记录，请重新上报："
					+ ex.getClass().getSimpleName());
		}
	}

	private Outcome ingest(Connection con, EnterpriseView enterprise, String batchId, Format format, InputStream body)
			throws SQLException, IOException {
		Instant now = clock.instant();
		try (PreparedStatement insert = con.prepareStatement("""
				INSERT INTO safety_parcel_batch (enterprise_id, batch_id, status, format, started_at)
				VALUES (?, ?, 'RUNNING', ?, ?) ON CONFLICT DO NOTHING""")) {
			insert.setLong(1, enterprise.id());
			insert.setString(2, batchId);
			insert.setString(3, format.name());
			insert.setTimestamp(4, Timestamp.from(now));
			insert.executeUpdate();
		}
		try (PreparedStatement lock = con.prepareStatement(
				"SELECT status, answer FROM safety_parcel_batch WHERE enterprise_id = ? AND batch_id = ? FOR UPDATE")) {
			lock.setLong(1, enterprise.id());
			lock.setString(2, batchId);
			try (ResultSet rs = lock.executeQuery()) {
				rs.next();
				if ("DONE".equals(rs.getString(1))) {
					return new Outcome(json.readValue(rs.getString(2), ParcelBatchAnswer.class), true);
				}
			}
		}
		long started = System.nanoTime();
		ParcelReferences.EnterpriseFacts facts = references.facts(enterprise);
		ParcelValidator validator = new ParcelValidator(enterprise.id(), references.counties(),
				facts.outletFilingNumbers(), facts.machineSerials(), pseudonyms, now, window, skew);
		Run run = new Run(con, enterprise.id(), batchId, validator);
		try (PreparedStatement rejected = con.prepareStatement("""
				INSERT INTO safety_parcel_rejected_line (enterprise_id, batch_id, line, field, rule, message, content)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
			run.rejectedLines = rejected;
			InputStream in = decoded(body);
			if (format == Format.CSV) {
				ParcelLines.csv(in, run);
			}
			else {
				ParcelLines.ndjson(in, run);
			}
			run.finish();
		}
		finally {
			run.close();
		}
		ParcelBatchAnswer answer = new ParcelBatchAnswer(batchId, run.accepted, run.rejected, run.errors,
				run.rejected > run.errors.size());
		try (PreparedStatement done = con.prepareStatement("""
				UPDATE safety_parcel_batch SET status = 'DONE', accepted = ?, rejected = ?, answer = ?, finished_at = ?
				WHERE enterprise_id = ? AND batch_id = ?""")) {
			done.setLong(1, run.accepted);
			done.setLong(2, run.rejected);
			done.setString(3, json.writeValueAsString(answer));
			done.setTimestamp(4, Timestamp.from(clock.instant()));
			done.setLong(5, enterprise.id());
			done.setString(6, batchId);
			done.executeUpdate();
		}
		log.info("Parcel batch {} of enterprise {}: {} accepted, {} rejected, {} chunks in {} ms ({} ms storing)", batchId,
				enterprise.id(), run.accepted, run.rejected, run.chunks, (System.nanoTime() - started) / 1_000_000,
				run.sendNanos / 1_000_000);
		return new Outcome(answer, false);
	}

	/** The body, un-gzipped when it starts with the gzip magic bytes (1f 8b). */
	static InputStream decoded(InputStream body) throws IOException {
		BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
		in.mark(2);
		int b1 = in.read();
		int b2 = in.read();
		in.reset();
		if (b1 == 0x1f && b2 == 0x8b) {
			try {
				return new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), 64 * 1024);
			}
			catch (IOException ex) {
				throw new InvalidValueException("body", "gzip", "请求体以gzip标识开头，但不是有效的gzip数据");
			}
		}
		return in;
	}

	/** One upload in progress: counts, the rejected lines written as they come, the chunks being filled. */
	private final class Run implements ParcelLines.Sink {

		final Connection con;

		final long enterpriseId;

		final String batchId;

		final ParcelValidator validator;

		PreparedStatement rejectedLines;

		int pendingRejected;

		long accepted;

		long rejected;

		long chunks;

		long sendNanos;

		static final int IN_FLIGHT = 2;

		final ExecutorService storing = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "parcel-store");
			t.setDaemon(true);
			return t;
		});

		final Deque<Future<Long>> inFlight = new ArrayDeque<>();

		final List<ParcelBatchAnswer.LineError> errors = new ArrayList<>();

		/** Records of each province not yet sent, in line order. */
		final Map<String, List<ParcelRecord>> open = new LinkedHashMap<>();

		final Map<String, Integer> sequence = new HashMap<>();

		Run(Connection con, long enterpriseId, String batchId, ParcelValidator validator) {
			this.con = con;
			this.enterpriseId = enterpriseId;
			this.batchId = batchId;
			this.validator = validator;
		}

		@Override
		public void record(long line, String[] fields) {
			ParcelRecord r = validator.validate(fields);
			if (r == null) {
				reject(line, validator.rejection(), content(fields));
				return;
			}
			accepted++;
			String province = r.province();
			List<ParcelRecord> records = open.get(province);
			if (records == null) {
				records = new ArrayList<>(chunkRecords);
				open.put(province, records);
			}
			records.add(r);
			if (records.size() >= chunkRecords) {
				send(province, records);
				open.put(province, new ArrayList<>(chunkRecords));
			}
		}

		@Override
		public void broken(long line, ParcelRejection why, String content) {
			reject(line, why, content);
		}

		/**
		 * Hands a chunk to the transport on the run's storing thread, so reading and checking the next lines (this
		 * thread) overlaps storing (the other core); at most {@value #IN_FLIGHT} chunks wait, which bounds the heap.
		 */
		private void send(String province, List<ParcelRecord> records) {
			int seq = sequence.merge(province, 1, Integer::sum);
			ParcelChunk chunk = new ParcelChunk(enterpriseId + ":" + batchId + ":" + province + ":" + seq, enterpriseId,
					province, records);
			while (inFlight.size() >= IN_FLIGHT) {
				awaitOldest();
			}
			inFlight.add(storing.submit(() -> {
				long t0 = System.nanoTime();
				transport.send(chunk);
				return System.nanoTime() - t0;
			}));
			chunks++;
		}

		private void awaitOldest() {
			Future<Long> oldest = inFlight.poll();
			try {
				sendNanos += oldest.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("寄递记录保存被中断", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(ex.getCause());
			}
		}

		/** Waits for every chunk handed over; the batch is answered only when all are durable. */
		void drain() {
			while (!inFlight.isEmpty()) {
				awaitOldest();
			}
		}

		/** Lets the chunks handed over finish (each is stored whole or not at all) and ends the storing thread. */
		void close() {
			for (Future<Long> f : inFlight) {
				try {
					f.get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (ExecutionException ex) {
					// the upload fails anyway; the chunk is stored again when the batch is sent again
				}
			}
			storing.shutdown();
		}

		void finish() throws SQLException {
			for (Map.Entry<String, List<ParcelRecord>> e : open.entrySet()) {
				if (!e.getValue().isEmpty()) {
					send(e.getKey(), e.getValue());
				}
			}
			open.clear();
			drain();
			if (pendingRejected > 0) {
				rejectedLines.executeBatch();
			}
		}

		private void reject(long line, ParcelRejection why, String content) {
			rejected++;
			if (errors.size() < ParcelBatchAnswer.MAX_ERRORS) {
				errors.add(new ParcelBatchAnswer.LineError(line, why.field(), why.message(), why.code()));
			}
			try {
				rejectedLines.setLong(1, enterpriseId);
				rejectedLines.setString(2, batchId);
				rejectedLines.setLong(3, line);
				rejectedLines.setString(4, why.field());
				rejectedLines.setString(5, why.code());
				rejectedLines.setString(6, why.message());
				rejectedLines.setString(7, content);
				rejectedLines.addBatch();
				if (++pendingRejected == 500) {
					rejectedLines.executeBatch();
					pendingRejected = 0;
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("被拒记录保存失败：" + ex.getMessage(), ex);
			}
		}

		/**
		 * The line's fields as JSON, without senderIdNumber and with any ID-like number in another field masked: the clear
		 * ID number is never kept.
		 */
		private String content(String[] fields) {
			Map<String, String> kept = new LinkedHashMap<>();
			for (ParcelField f : ParcelField.ALL) {
				String v = fields[f.ordinal()];
				if (v != null && f != ParcelField.SENDER_ID_NUMBER) {
					kept.put(f.json(), IdNumberMask.masked(v.length() > 200 ? v.substring(0, 200) : v));
				}
			}
			if (fields[ParcelField.SENDER_ID_NUMBER.ordinal()] != null) {
				kept.put(ParcelField.SENDER_ID_NUMBER.json(), "（已删除）");
			}
			return json.writeValueAsString(kept);
		}
	}
}
