package org.youguan.safety.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipException;

import org.youguan.kernel.Text;
import tools.jackson.databind.json.JsonMapper;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.stereotype.Service;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.CappedStream;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FileKind;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Wording;
import org.youguan.registry.EnterpriseView;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.ParcelUploads;
import org.youguan.registry.Enterprises;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * Takes in one upload of parcel records (the ingest path of {@code POST /api/v1/safety/parcel-records}): reads the
 * body as a stream (gzip recognised by its magic bytes), checks every line ({@link ParcelValidator}), keeps every
 * rejected line without its clear ID number, cuts the accepted records per province into chunks of at most
 * {@code youguan.safety.chunk-records} with deterministic keys, claims their waybills ({@link WaybillClaims}: a waybill
 * the enterprise already reported in another batch within the record window is refused as a duplicate) and hands them
 * to the {@link ParcelTransport}. Every way records come in — the API, {@link ParcelUploads} (the demo, imports) — goes
 * through here, so one validator and one duplicate rule hold for all; the Kafka consumers receive checked chunks.
 * <p>
 * All or nothing, and idempotent per enterprise and batch id ({@link ParcelBatchAttempts}): the records of a batch are
 * counted only once the whole batch is stored and answered; a second request with the same batch id waits for the
 * first and gets its answer, counting nothing again; an upload that fails (a broken body, a connection cut, a node
 * lost) leaves nothing counted, and the batch sent again — corrected or not — is taken in as a new attempt. No
 * database connection is held while the body streams in (each write is a short statement), and the uploads running
 * at once are limited per enterprise and per node ({@link UploadSlots}), so slow uploads cannot starve the platform.
 * At most {@value #MAX_KEPT_REJECTED} rejected lines are kept per batch (all are counted; each fault of a line is its
 * own error of the answer, the first {@value ParcelBatchAnswer#MAX_ERRORS} errors answered).
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

	/** The rejected lines kept per batch for the enterprise to correct; beyond them lines are counted, not kept. */
	public static final int MAX_KEPT_REJECTED = 10_000;

	private final JdbcTemplate jdbc;

	private final ParcelBatchAttempts attempts;

	private final UploadSlots slots;

	private final StatutoryRules rules;

	private final Duration batchWait;

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

	private final WaybillClaims claims;

	private final long maxBytes;

	private final long maxLines;

	/**
	 * The most later lines of an upload's waybills that wait for their first line's claim, and of waybills refused as
	 * held by an earlier batch remembered (a few MB of heap at most).
	 */
	static final int MAX_DEFERRED_DUPLICATES = 100_000;

	private final int chunksPerFile;

	ParcelIngest(JdbcTemplate jdbc, ParcelBatchAttempts attempts, UploadSlots slots, StatutoryRules rules,
			ParcelReferences references, Pseudonyms pseudonyms, ParcelTransport transport, JsonMapper json, Clock clock,
			@Value("${youguan.safety.record-window:P30D}") Duration window,
			@Value("${youguan.safety.clock-skew:PT5M}") Duration skew,
			@Value("${youguan.safety.chunk-records:5000}") int chunkRecords,
			@Value("${youguan.safety.batch-wait:PT2M}") Duration batchWait, Enterprises enterprises, AuditTrail audit,
			TransactionTemplate tx, WaybillClaims claims,
			@Value("${youguan.safety.max-batch-bytes:1GB}") DataSize maxBytes,
			@Value("${youguan.safety.max-batch-lines:2000000}") long maxLines,
			@Value("${youguan.safety.chunks-per-file:10}") int chunksPerFile) {
		if (maxBytes.toBytes() < 1 || maxLines < 1) {
			throw new IllegalStateException("youguan.safety.max-batch-bytes和max-batch-lines应大于0：" + maxBytes + "，" + maxLines);
		}
		this.maxBytes = maxBytes.toBytes();
		this.maxLines = maxLines;
		this.enterprises = enterprises;
		this.claims = claims;
		this.audit = audit;
		this.tx = tx;
		this.jdbc = jdbc;
		this.attempts = attempts;
		this.slots = slots;
		this.rules = rules;
		this.batchWait = batchWait;
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
		if (chunksPerFile < 1 || chunksPerFile > 20) {
			throw new IllegalStateException("youguan.safety.chunks-per-file 应在1至20之间：" + chunksPerFile);
		}
		this.chunksPerFile = chunksPerFile;
	}

	/**
	 * A batch id as accepted: 1–64 letters, digits, '.', '_' or '-', holding no ID or mobile number
	 * ({@link Masking#holdsPersonalNumber}).
	 *
	 * @throws InvalidValueException on field {@code batchId} (required, format, personal-number)
	 */
	static String batchId(String text) {
		if (text == null || Text.isBlank(text)) {
			throw new InvalidValueException("batchId", "required", "批次号（batchId，查询参数或X-Batch-Id请求头）不能为空");
		}
		String t = Text.strip(text);
		boolean ok = t.length() <= 64;
		for (int i = 0; ok && i < t.length(); i++) {
			char c = t.charAt(i);
			ok = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.' || c == '_' || c == '-';
		}
		if (!ok) {
			throw new InvalidValueException("batchId", "format", "批次号（batchId）应为1–64位字母、数字、“.”、“_”或“-”");
		}
		if (Masking.holdsPersonalNumber(t)) {
			// a batch id is listed, audited and answered as it is: no personal number in it
			throw new InvalidValueException("batchId", "personal-number", "批次号（batchId）不得含身份证号码或手机号码");
		}
		return t;
	}

	@Override
	public Set<String> screeningMachines(String enterpriseCreditCode) {
		return references.facts(registered(enterpriseCreditCode)).machineSerials();
	}

	@Override
	public Set<String> screeningContractOutlets(String enterpriseCreditCode) {
		return references.facts(registered(enterpriseCreditCode)).contracts().keySet();
	}

	private EnterpriseView registered(String creditCode) {
		return enterprises.findByCreditCode(creditCode)
			.orElseThrow(() -> new InvalidValueException("enterprise", "unknown", "企业未在名录中登记：" + creditCode));
	}

	@Override
	public Result upload(String enterpriseCreditCode, String batchId, InputStream ndjson) {
		EnterpriseView enterprise = registered(enterpriseCreditCode);
		Outcome outcome = ingest(enterprise, batchId, Format.NDJSON, ndjson);
		return new Result(outcome.answer().accepted(), outcome.answer().rejected(), outcome.replayed());
	}

	/**
	 * Takes in one upload: claims the batch ({@link ParcelBatchAttempts#claim}: a DONE batch gives its stored answer),
	 * reads and checks every line, stores the accepted records chunk by chunk and keeps the rejected lines (at most
	 * {@value #MAX_KEPT_REJECTED}), then marks the batch DONE — and only then are its records counted in the rates. An
	 * upload that fails midway is given up whole ({@link ParcelBatchAttempts#fail}): nothing of it is counted or kept.
	 * No database connection is held while the body streams in.
	 *
	 * @param enterprise the uploading enterprise (from the caller's token)
	 * @param batchId the caller's batch id ({@link #batchId} checked)
	 * @param format NDJSON or CSV
	 * @param body the body as sent; gzip is recognised by its magic bytes whatever the headers say
	 * @return the answer, or the stored answer when the batch was taken in before
	 * @throws InvalidValueException for a CSV without header, with a duplicated column, broken quoting or an overlong
	 * cell, or a body that breaks off or is not gzip although it starts like gzip or has bytes after its gzip members
	 * (rule {@code gzip-trailing}; nothing of the batch is counted); before the batch is claimed, leaving no trace, for
	 * a body in UTF-16 or UTF-32 (rule {@code encoding}, {@link FileKind#wideEncoding}) or of another kind than text (rule
	 * {@code wrong-kind}: a PDF, an Office file, a stream compressed otherwise than by gzip, binary data), a JSON array
	 * or an NDJSON record spread over lines ({@link #requireLines}: rules {@code json-array}, {@code multiline-record}),
	 * or with no record at all (field {@code body}, rule {@code empty}: empty, only blank lines, a CSV header only — the
	 * batch is not marked done, so its id stays free for the real body);
	 * 413 (field {@code body}, rule {@code batch-bytes} or {@code batch-lines}) for a batch beyond
	 * {@code youguan.safety.max-batch-bytes} once gzip is undone or beyond {@code youguan.safety.max-batch-lines}:
	 * refused whole, nothing of it counted, the batch id free to be sent again with a smaller body
	 * @throws DomainException 429 when the enterprise already has {@code youguan.safety.uploads-per-enterprise}
	 * uploads running, 503 when the node has {@code youguan.safety.uploads-per-node} or another request holds the same
	 * batch too long
	 */
	public Outcome ingest(EnterpriseView enterprise, String batchId, Format format, InputStream body) {
		String id = batchId(batchId);
		try (UploadSlots.Slot slot = slots.take(enterprise.id())) {
			// what the body is (gzip, another kind of file, UTF-16 text) is told from its head before the batch is
			// claimed: a body refused there leaves no trace and its batch id free
			InputStream text;
			try {
				text = requireLines(decoded(body), format);
			}
			catch (IOException ex) {
				throw unreadable(ex, "该批次未记录，请重新上报");
			}
			ParcelBatchAttempts.Claim claim = attempts.claim(enterprise.id(), id, format.name(), batchWait);
			if (claim.replay()) {
				sameFormat(id, claim.format(), format);
				sameBody(id, claim.digest(), text);
				return new Outcome(json.readValue(claim.storedAnswer(), ParcelBatchAnswer.class), true);
			}
			Outcome outcome = run(enterprise, id, claim, format, text);
			// one audit entry per batch taken in (not per parcel): who reported how much, when
			tx.executeWithoutResult(s -> audit.record(AuditEntry.of("safety.parcels.upload", "SafetyParcelBatch",
					enterprise.id(), "上报寄递实名收寄记录（批次" + id + "）：接收" + outcome.answer().accepted() + "条，拒收"
							+ outcome.answer().rejected() + "条")
				.inRegion(enterprise.regionCode())));
			return outcome;
		}
	}

	/**
	 * Refuses a replay sent in another format than the first upload (409, field {@code body}, rule
	 * {@code batch-differs}): the same bytes read as CSV and as NDJSON are different records, so the content type is part
	 * of the batch's identity with its body — answering the first answer would hide that the records sent now were never
	 * read.
	 */
	private static void sameFormat(String batchId, String stored, Format format) {
		if (stored != null && !stored.equals(format.name())) {
			String message = "批次号" + batchId + "首次以" + stored + "格式上报，本次为" + format.name()
					+ "：同一批次号只能重复上报同一内容和格式（重复上报得到首次的结果），新的记录请使用新的批次号上报";
			throw batchDiffers(message);
		}
	}

	/**
	 * Refuses a replay whose body is not the first one's (409, field {@code body}, rule {@code batch-differs}): its
	 * records would be lost under the first answer. Reads the replayed body to its end (gzip undone, capped like an
	 * upload) to hash it; a batch done before digests were kept replays as before.
	 */
	private void sameBody(String batchId, byte[] stored, InputStream body) {
		if (stored == null) {
			return;
		}
		MessageDigest sha = sha256();
		try (InputStream in = new DigestInputStream(capped(body, maxBytes), sha)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw unreadable(ex, "请重新上报");
		}
		if (!MessageDigest.isEqual(stored, sha.digest())) {
			String message = "批次号" + batchId + "已用于另一内容的请求体：同一批次号只能重复上报同一内容（重复上报得到首次的结果），"
					+ "新的记录请使用新的批次号上报";
			throw batchDiffers(message);
		}
	}

	/** A replay that is not the first upload: 409, field {@code body}, rule {@code batch-differs}. */
	private static DomainException batchDiffers(String message) {
		return new DomainException(ErrorCode.DUPLICATE, message, List.of(new FieldError("body", "batch-differs", message)));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Outcome run(EnterpriseView enterprise, String batchId, ParcelBatchAttempts.Claim claim, Format format,
			InputStream body) {
		int attempt = claim.attempt();
		long started = System.nanoTime();
		Instant now = clock.instant();
		ParcelReferences.EnterpriseFacts facts = references.facts(enterprise);
		ParcelValidator validator = new ParcelValidator(enterprise.id(), references.counties(),
				facts.outlets(), facts.machineSerials(), facts.contracts(),
				new ParcelValidator.SenderScope(facts.senderCounties(), facts.outletCounties()), pseudonyms, now, window, skew,
				rules.intValue(StatutoryRule.SAFETY_LETTER_MAX_WEIGHT, enterprise.regionCode()));
		Run run = new Run(enterprise.id(), batchId, attempt, claim.ref(), validator, now);
		try {
			MessageDigest sha = sha256();
			InputStream in = new DigestInputStream(capped(body, maxBytes), sha);
			// the CSV parser closes what it reads: the body stays open for the digest's last bytes
			InputStream kept = CloseShieldInputStream.wrap(in);
			if (format == Format.CSV) {
				ParcelLines.csv(kept, run);
			}
			else {
				ParcelLines.ndjson(kept, run);
			}
			// the digest covers the whole body, whatever a parser left unread after its last row
			in.transferTo(OutputStream.nullOutputStream());
			run.finish();
			if (run.accepted + run.rejected == 0) {
				// answered as DONE, the batch id would replay "0 of 0" to the real body sent later, which would be lost
				throw emptyBody();
			}
			ParcelBatchAnswer answer = new ParcelBatchAnswer(batchId, run.accepted, run.rejected, run.errors,
					run.errorsTruncated);
			attempts.finish(enterprise.id(), batchId, attempt, run.accepted, run.rejected, json.writeValueAsString(answer),
					(int) run.chunks, sha.digest());
			log.info("Parcel batch {} of enterprise {} (attempt {}): {} accepted, {} rejected, {} chunks in {} ms ({} ms storing, {} ms claiming waybills)",
					batchId, enterprise.id(), attempt, run.accepted, run.rejected, run.chunks,
					(System.nanoTime() - started) / 1_000_000, run.sendNanos / 1_000_000, run.claimNanos / 1_000_000);
			return new Outcome(answer, false);
		}
		catch (RuntimeException | IOException ex) {
			run.close();
			attempts.fail(enterprise.id(), batchId, attempt);
			if (ex instanceof IOException) {
				throw unreadable((IOException) ex, "该批次未记录，请重新上报");
			}
			throw (RuntimeException) ex;
		}
		finally {
			run.close();
		}
	}

	/**
	 * Keeps rejected lines, one row per line of a batch attempt. A line is rejected once (for every rule it breaks, the
	 * first one's field and rule and all reasons in the message, or as a duplicate waybill after it was accepted), so a second rejection of the same line is a fault of this class:
	 * it fails the upload (nothing of the batch counted) instead of being dropped, which would leave the enterprise a
	 * reason short for a line counted as rejected.
	 *
	 * @param rows enterprise id, batch id, attempt, line, field, rule, message, content
	 * @throws IllegalStateException when a line of the attempt was kept as rejected before (or twice among rows)
	 */
	static void writeRejected(JdbcTemplate jdbc, List<Object[]> rows) {
		try {
			jdbc.batchUpdate("""
					INSERT INTO safety_parcel_rejected_line (enterprise_id, batch_id, attempt, line, field, rule, message,
					    content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		}
		catch (DataIntegrityViolationException ex) {
			throw new IllegalStateException("寄递记录批次（" + rows.get(0)[1] + "，第" + rows.get(0)[2]
					+ "次上报）中有一行被拒收两次：拒收行未保存，该批次作废", ex);
		}
	}

	/**
	 * The refusal of a body that broke off while read, saying in Chinese why: it ended early (a gzip body cut short, or
	 * the upload broke off: {@code EOFException}), its gzip data is damaged ({@code ZipException}) or the connection
	 * failed — never the exception's class name.
	 */
	private static InvalidValueException unreadable(IOException ex, String then) {
		String why = ex instanceof EOFException ? "压缩文件不完整或上传中断：请求体在结尾前中断"
				: ex instanceof ZipException ? "gzip压缩数据已损坏" : "连接中断";
		return new InvalidValueException("body", "read", "请求体读取失败（" + why + "），" + then);
	}

	/**
	 * The body, un-gzipped when it starts with the gzip magic bytes (1f 8b; every member, {@link GzipBody}); refused
	 * by what it is when it (or what the gzip holds) starts as another kind of file than text ({@link FileKind#ofHead}:
	 * a PDF, an Office file, an image, an archive, a stream compressed otherwise than by gzip; or binary data,
	 * {@link FileKind#isBinary}), field {@code body}, rule {@code wrong-kind}, or as a text in UTF-16 or UTF-32 (rule
	 * {@code encoding}) — its lines would otherwise all be rejected as broken records, or its header line taken for a
	 * CSV header. Only the first KB is looked at: the hot path reads on unchanged.
	 */
	static BufferedInputStream decoded(InputStream body) throws IOException {
		BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
		in.mark(2);
		int b1 = in.read();
		int b2 = in.read();
		in.reset();
		if (b1 == 0x1f && b2 == 0x8b) {
			BufferedInputStream unpacked;
			try {
				unpacked = new BufferedInputStream(new GzipBody(in), 64 * 1024);
			}
			catch (IOException ex) {
				throw new InvalidValueException("body", "gzip", "请求体以gzip标识开头，但不是有效的gzip数据");
			}
			return requireText(unpacked, "gzip压缩的");
		}
		return requireText(in, "");
	}

	/** The bytes a body's kind is told from. */
	private static final int HEAD_BYTES = 1024;

	private static BufferedInputStream requireText(BufferedInputStream in, String packed) throws IOException {
		in.mark(HEAD_BYTES);
		byte[] head = in.readNBytes(HEAD_BYTES);
		in.reset();
		String what = FileKind.ofHead(head);
		// a file told by its signature first: an Office 97-2003 file's header is full of NUL bytes too
		String wide = what == null ? FileKind.wideEncoding(head) : null;
		if (wide != null) {
			// read as UTF-8, every other byte a NUL: the lines split in the wrong places and one more than sent
			throw new InvalidValueException("body", "encoding", "请求体是" + packed + wide + "编码的文本，不是UTF-8：该批次未记录，"
					+ "请另存为UTF-8编码（如Excel的“CSV UTF-8（逗号分隔）”）后重新上报");
		}
		if (what == null && FileKind.isBinary(head)) {
			// compressed without a signature (raw deflate) or other binary data: no line of it is a record
			what = FileKind.BINARY;
		}
		if (what != null) {
			throw FileKind.wrongKind("body", packed + what, "寄递记录的CSV或NDJSON文本", "请按接口说明上报逐行的寄递记录（可用gzip压缩）");
		}
		return in;
	}

	/** How far into the text its first record is looked for ({@link #requireLines}): the reading buffer's size. */
	private static final int LINE_HEAD = 64 * 1024;

	/**
	 * Refuses, before the batch is claimed, a text whose shape no line of it can be a record of, told from its first
	 * record (its first non-blank characters after a byte order mark; only the head is looked at): a JSON array
	 * ({@code [{…},{…}]}, an opening bracket first) — rule {@code json-array}, NDJSON or CSV: it was read as one broken
	 * line — and, for NDJSON, a record spread over lines (a pretty-printed object: the first line is an opening brace
	 * alone, or ends inside an object after an opening brace or bracket, a comma or a colon) — rule
	 * {@code multiline-record}: each of its lines was rejected as a broken record. Both field {@code body}; the batch id
	 * stays free for the body rewritten one record a line. A first line broken otherwise stays that line's own rejection.
	 * @param in the text, gzip undone ({@link #decoded})
	 * @param format how the text is read
	 * @return {@code in}, unread
	 * @throws InvalidValueException field {@code body}, rule {@code json-array} or {@code multiline-record}
	 */
	static InputStream requireLines(BufferedInputStream in, Format format) throws IOException {
		in.mark(LINE_HEAD);
		byte[] head = in.readNBytes(LINE_HEAD);
		in.reset();
		int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
		while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
			i++;
		}
		if (i < head.length && head[i] == '[') {
			throw new InvalidValueException("body", "json-array", "请求体是JSON数组（以“[”开头），不是逐行的寄递记录：该批次未记录，"
					+ "请改为NDJSON（每行一个JSON对象，不加方括号和行间逗号）或CSV后重新上报");
		}
		if (format == Format.NDJSON && i < head.length && head[i] == '{' && spreadOverLines(head, i)) {
			throw new InvalidValueException("body", "multiline-record", "请求体的第一条记录跨越多行（如缩进排版的JSON）：NDJSON的每条记录"
					+ "须写在一行内，该批次未记录，请每行写一个完整的JSON对象后重新上报");
		}
		return in;
	}

	/**
	 * Whether the record opening at {@code head[from]} goes on past its line: at the line's end it is still open and
	 * the line ends with an opening brace or bracket, a comma or a colon outside a string (trailing blanks aside). Bytes
	 * are read as ASCII: a UTF-8 sequence holds no ASCII byte. False when the line does not end within the head.
	 */
	private static boolean spreadOverLines(byte[] head, int from) {
		int depth = 0;
		boolean string = false;
		boolean escaped = false;
		byte last = 0;
		for (int i = from; i < head.length; i++) {
			byte b = head[i];
			if (b == '\n' || b == '\r') {
				return !string && depth > 0 && (last == '{' || last == '[' || last == ',' || last == ':');
			}
			if (string) {
				if (escaped) {
					escaped = false;
				}
				else if (b == '\\') {
					escaped = true;
				}
				else if (b == '"') {
					string = false;
				}
			}
			else if (b == '"') {
				string = true;
			}
			else if (b == '{' || b == '[') {
				depth++;
			}
			else if (b == '}' || b == ']') {
				depth--;
			}
			if (b != ' ' && b != '\t') {
				last = b;
			}
		}
		return false;
	}

	/**
	 * The body as the parsers read it, refused once it gives more than {@code youguan.safety.max-batch-bytes}: a small
	 * gzip body can hold gigabytes (a gzip bomb), and the cap counts what the parsers get.
	 * @param in the body, gzip undone
	 * @param max the most bytes it may give
	 * @return the body, whose read past {@code max} bytes throws {@link InvalidValueException} (413, field {@code body},
	 *         rule {@code batch-bytes}, naming the limit and its setting)
	 */
	static InputStream capped(InputStream in, long max) throws IOException {
		return CappedStream.capped(in, max, () -> {
			throw InvalidValueException.tooLarge("body", "batch-bytes", "批次过大：解压后超过" + size(max)
					+ "（youguan.safety.max-batch-bytes），该批次未记录，请拆分为较小的批次后重新上报");
		});
	}

	private static String size(long bytes) {
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + "MB" : bytes + "字节";
	}

	/** A province's accepted records not yet sent, with their line numbers. */
	private static final class Pending {

		final List<ParcelRecord> records;

		final long[] lines;

		Pending(int capacity) {
			records = new ArrayList<>(capacity);
			lines = new long[capacity];
		}

		void add(ParcelRecord r, long line) {
			lines[records.size()] = line;
			records.add(r);
		}
	}

	/**
	 * A chunk's claim: the chunk as read, its lines refused as duplicates, the claim's time, and the storing of the group
	 * it went into (null: nothing left to store).
	 */
	private record Claimed(Pending pending, List<WaybillClaims.Duplicate> duplicates, long claimNanos, Future<Long> stored) {
	}

	/** One upload in progress: counts, the rejected lines written as they come, the chunks being filled. */
	private final class Run implements ParcelLines.Sink {

		final long enterpriseId;

		final String batchId;

		final int attempt;

		final long batchRef;

		final ParcelValidator validator;

		final Instant now;

		/** Rejected lines read and not yet written (written 500 at a time, each in a short statement). */
		final List<Object[]> pendingRejected = new ArrayList<>();

		long keptRejected;

		long lastRenewal = System.nanoTime();

		long accepted;

		long rejected;

		long chunks;

		long sendNanos;

		long claimNanos;

		/**
		 * The chunks handed on and not yet stored, at most (they bound the heap): a group being stored, the next group
		 * being filled and claimed, one more chunk waiting for its claim. With fewer, the reading thread could wait for
		 * a group that no chunk handed on would complete.
		 */
		final int inFlightMax = 2 * chunksPerFile + 1;

		/**
		 * The claimed chunks of the group being filled (the claiming thread's alone): handed to the storing thread
		 * together once {@code youguan.safety.chunks-per-file} chunks were claimed, or at the end of the upload.
		 */
		List<ParcelChunk> group = new ArrayList<>();

		/** Chunks claimed into the current group, stored or not (a chunk refused whole still closes its group). */
		int grouped;

		/** Done when the current group is stored (or given up: cancelled). */
		CompletableFuture<Long> groupStored = new CompletableFuture<>();

		/** Claims the chunks' waybills, one chunk after another in the order handed on (the second stage). */
		final ExecutorService claiming = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "parcel-claim");
			t.setDaemon(true);
			return t;
		});

		/** Stores the claimed chunks, one after another (the third stage). */
		final ExecutorService storing = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "parcel-store");
			t.setDaemon(true);
			return t;
		});

		/** The chunks handed on, oldest first: each claim's outcome, which names its storing. */
		final Deque<Future<Claimed>> inFlight = new ArrayDeque<>();

		/** The chunks of each province numbered so far, for their keys (the claiming thread's alone). */
		final Map<String, Integer> sequence = new HashMap<>();

		final List<ParcelBatchAnswer.LineError> errors = new ArrayList<>();

		/** Whether a fault was left out of {@link #errors} (beyond {@link ParcelBatchAnswer#MAX_ERRORS}). */
		boolean errorsTruncated;

		/** Records of each province not yet sent, in line order. */
		final Map<String, Pending> open = new LinkedHashMap<>();

		/** The waybills accepted so far in this upload: the first line of a waybill wins, in any province. */
		final WaybillKeySet waybills = new WaybillKeySet();

		Run(long enterpriseId, String batchId, int attempt, long batchRef, ParcelValidator validator, Instant now) {
			this.enterpriseId = enterpriseId;
			this.batchId = batchId;
			this.attempt = attempt;
			this.batchRef = batchRef;
			this.validator = validator;
			this.now = now;
		}

		/**
		 * Extends the batch's lease a third of the way through it; stops the upload when the attempt was taken over
		 * (this request was too slow: its lease ran out and another upload of the batch took it).
		 */
		private void keepLease() {
			long now = System.nanoTime();
			if (now - lastRenewal > attempts.lease().toNanos() / 3) {
				lastRenewal = now;
				if (!attempts.renew(enterpriseId, batchId, attempt)) {
					throw new DomainException(ErrorCode.UNAVAILABLE, Wording.of("safety.refusal.batchTooSlow", batchId),
							"该批次（" + batchId + "）上报过慢，已由另一请求重新上报，本次上报作废", List.of());
				}
			}
		}

		/** A later line of a waybill already read in this upload, answered once the first line's claim is known. */
		private record LaterLine(long line, long key, String waybill, String content) {
		}

		/** The later lines waiting for their first line's claim (at most {@link #MAX_DEFERRED_DUPLICATES}). */
		private final List<LaterLine> laterLines = new ArrayList<>();

		/** Waybills of this upload refused as held by an earlier batch: key → that batch's id ("" when not kept). */
		private final Map<Long, String> heldElsewhere = new HashMap<>();

		/**
		 * A later line of a waybill read before in this upload: refused as a duplicate — of the earlier batch's record
		 * when the first line was itself refused as held by an earlier batch (nothing of this batch was kept then), else
		 * of the first line. The first line's claim may still be on its way, so the answer waits until the upload's
		 * claims are all collected ({@link #finish}); beyond {@link #MAX_DEFERRED_DUPLICATES} waiting lines (a body of
		 * one waybill repeated millions of times) a line is answered at once from what is known by then.
		 */
		private void laterLine(long line, long key, String waybill, String content) {
			String earlier = heldElsewhere.get(key);
			if (earlier != null || laterLines.size() >= MAX_DEFERRED_DUPLICATES) {
				reject(line, new WaybillClaims.Duplicate(-1, earlier).rejection(waybill), content);
				return;
			}
			laterLines.add(new LaterLine(line, key, waybill, content));
		}

		/** Refuses the batch once a line is beyond {@code youguan.safety.max-batch-lines}. */
		private void withinCap(long line) {
			if (line > maxLines) {
				throw InvalidValueException.tooLarge("body", "batch-lines", "批次过大：超过" + maxLines
						+ "行，该批次未记录，请拆分为较小的批次后重新上报");
			}
		}

		@Override
		public void record(long line, String[] fields) {
			withinCap(line);
			keepLease();
			ParcelRecord r = validator.validate(fields);
			if (r == null) {
				// every fault of the line, checked again in full now that it failed (a valid line is checked once); a
				// garbage batch is millions of rejections: a line beyond those kept is counted, not serialised
				ParcelRejection first = validator.rejection();
				List<ParcelRejection> all = validator.faults(fields);
				reject(line, all.isEmpty() ? List.of(first) : all, keptRejected < MAX_KEPT_REJECTED ? content(fields) : null);
				return;
			}
			// chunks are claimed per province, so a later line may be claimed before an earlier one: the batch's
			// own duplicates are decided here, in line order
			long key = WaybillKey.of(r.waybillNumber());
			if (!waybills.add(key)) {
				laterLine(line, key, r.waybillNumber(), keptRejected < MAX_KEPT_REJECTED ? content(fields) : null);
				return;
			}
			accepted++;
			String province = r.province();
			Pending pending = open.get(province);
			if (pending == null) {
				pending = new Pending(chunkRecords);
				open.put(province, pending);
			}
			pending.add(r, line);
			if (pending.records.size() >= chunkRecords) {
				send(province, pending);
				open.put(province, new Pending(chunkRecords));
			}
		}

		@Override
		public void blank(long line) {
			withinCap(line);
		}

		@Override
		public void broken(long line, ParcelRejection why, String content) {
			withinCap(line);
			keepLease();
			reject(line, why, content);
		}

		/**
		 * A record with an unknown, repeated or non-scalar key: rejected with those faults and every fault of its fields
		 * as read (a field named by a fault of its key is not checked again).
		 */
		@Override
		public void faulty(long line, String[] fields, List<ParcelRejection> faults, String content) {
			withinCap(line);
			keepLease();
			List<ParcelRejection> all = new ArrayList<>(faults);
			for (ParcelRejection f : validator.faults(fields)) {
				if (all.stream().noneMatch(k -> k.field().equals(f.field()))) {
					all.add(f);
				}
			}
			reject(line, all, content);
		}

		/**
		 * Hands a province's full chunk on: its waybills are claimed ({@link WaybillClaims}) on the run's claiming
		 * thread and the records claimed stored ({@link ParcelTransport#sendAll}) on its storing thread in groups of
		 * {@code youguan.safety.chunks-per-file} chunks (fewer, larger files), so reading and checking the next lines
		 * (this thread), claiming one chunk (mostly PostgreSQL's work) and storing the group before overlap — read →
		 * claim → store. The lines refused as duplicates are rejected on this thread when the chunk's claim is
		 * collected. At most {@link #inFlightMax} chunks are on their way, which bounds the heap; a chunk left with no
		 * record is not stored. Chunks are claimed one after another in the order handed on, as on one thread.
		 */
		private void send(String province, Pending pending) {
			while (inFlight.size() >= inFlightMax) {
				collectOldest();
			}
			inFlight.add(claiming.submit(() -> claimAndStore(province, pending)));
		}

		/**
		 * The claiming thread's work: hands the group filled so far to the storing thread (nothing to store: done at
		 * once) and starts the next.
		 */
		private void storeGroup() {
			List<ParcelChunk> chunks = group;
			CompletableFuture<Long> stored = groupStored;
			group = new ArrayList<>();
			grouped = 0;
			groupStored = new CompletableFuture<>();
			if (chunks.isEmpty()) {
				stored.complete(0L);
				return;
			}
			storing.execute(() -> {
				long started = System.nanoTime();
				try {
					transport.sendAll(chunks);
					stored.complete(System.nanoTime() - started);
				}
				catch (Throwable ex) {
					stored.completeExceptionally(ex);
				}
			});
		}

		/** The claiming thread's work for one chunk: claim, then add the records claimed to the group to store. */
		private Claimed claimAndStore(String province, Pending pending) {
			long t0 = System.nanoTime();
			List<ParcelRecord> records = pending.records;
			List<WaybillClaims.Duplicate> duplicates = claims.claim(enterpriseId, batchRef, attempt, records, now);
			long claimed = System.nanoTime() - t0;
			if (!duplicates.isEmpty()) {
				boolean[] drop = new boolean[records.size()];
				for (WaybillClaims.Duplicate d : duplicates) {
					drop[d.index()] = true;
				}
				List<ParcelRecord> kept = new ArrayList<>(records.size() - duplicates.size());
				for (int i = 0; i < records.size(); i++) {
					if (!drop[i]) {
						kept.add(records.get(i));
					}
				}
				records = kept;
			}
			Future<Long> stored = null;
			if (!records.isEmpty()) {
				int seq = sequence.merge(province, 1, Integer::sum);
				group.add(new ParcelChunk(ParcelChunk.key(enterpriseId, batchId, attempt, province, seq), enterpriseId,
						province, records));
				stored = groupStored;
			}
			if (++grouped >= chunksPerFile) {
				storeGroup();
			}
			return new Claimed(pending, duplicates, claimed, stored);
		}

		/**
		 * Waits for the oldest chunk's claim and storing; rejects its lines refused as duplicates (this thread keeps
		 * the counts and the rejected lines).
		 */
		private void collectOldest() {
			Claimed c = await(inFlight.poll());
			claimNanos += c.claimNanos();
			for (WaybillClaims.Duplicate d : c.duplicates()) {
				ParcelRecord r = c.pending().records.get(d.index());
				if (d.earlierBatch() != null && heldElsewhere.size() < MAX_DEFERRED_DUPLICATES) {
					heldElsewhere.put(WaybillKey.of(r.waybillNumber()), d.earlierBatch());
				}
				accepted--;
				reject(c.pending().lines[d.index()], d.rejection(r.waybillNumber()), content(fields(r)));
			}
			if (c.stored() != null) {
				long nanos = await(c.stored());
				if (c.stored() != lastGroupCollected) {
					// a group's storing counted once, with its first chunk collected
					lastGroupCollected = c.stored();
					sendNanos += nanos;
				}
				chunks++;
			}
		}

		/** The storing of the group whose time was added last ({@link #collectOldest}). */
		Future<Long> lastGroupCollected;

		private static <T> T await(Future<T> f) {
			try {
				return f.get();
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

		/**
		 * Hands the last group on and waits for every chunk handed on; the batch is answered only when all are durable.
		 */
		void drain() {
			// after every chunk's claim: the claiming thread runs its work in the order submitted
			claiming.execute(this::storeGroup);
			while (!inFlight.isEmpty()) {
				collectOldest();
			}
		}

		/**
		 * Lets the chunks handed on finish (each is claimed and stored whole or not at all) and ends the claiming and
		 * storing threads; again after that, nothing.
		 */
		void close() {
			if (!claiming.isShutdown()) {
				// after every chunk's claim: a group not handed on is given up (not stored), so nothing waits for it
				claiming.execute(() -> {
					group = new ArrayList<>();
					groupStored.cancel(false);
				});
			}
			for (Future<Claimed> f : inFlight) {
				try {
					Future<Long> stored = f.get().stored();
					if (stored != null) {
						stored.get();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (ExecutionException | CancellationException ex) {
					// the upload fails anyway; the chunk is stored again when the batch is sent again
				}
			}
			inFlight.clear();
			claiming.shutdown();
			storing.shutdown();
		}

		void finish() {
			for (Map.Entry<String, Pending> e : open.entrySet()) {
				if (!e.getValue().records.isEmpty()) {
					send(e.getKey(), e.getValue());
				}
			}
			open.clear();
			drain();
			for (LaterLine later : laterLines) {
				reject(later.line(), new WaybillClaims.Duplicate(-1, heldElsewhere.get(later.key())).rejection(later.waybill()),
						later.content());
			}
			laterLines.clear();
			flushRejected();
			// duplicates are found when their chunk is claimed, after later lines' rejections
			errors.sort(Comparator.comparingLong(ParcelBatchAnswer.LineError::line));
		}

		private void reject(long line, ParcelRejection why, String content) {
			reject(line, List.of(why), content);
		}

		/**
		 * Rejects a line for its faults: counted once, each fault listed as its own error of the answer (the same line
		 * number; at most {@link ParcelBatchAnswer#MAX_ERRORS} errors in all, then {@code errorsTruncated}), and kept
		 * as one row — the first fault's field and rule, every fault's reason in its message, joined by "；".
		 */
		private void reject(long line, List<ParcelRejection> faults, String content) {
			rejected++;
			for (ParcelRejection why : faults) {
				if (errors.size() < ParcelBatchAnswer.MAX_ERRORS) {
					errors.add(new ParcelBatchAnswer.LineError(line, why.field(), why.code(), why.message()));
				}
				else {
					errorsTruncated = true;
				}
			}
			if (keptRejected >= MAX_KEPT_REJECTED) {
				return;
			}
			keptRejected++;
			ParcelRejection why = faults.get(0);
			String message = why.message();
			for (int i = 1; i < faults.size(); i++) {
				message += "；" + faults.get(i).message();
			}
			pendingRejected.add(new Object[] { enterpriseId, batchId, attempt, line, why.field(), why.code(), message,
					content });
			if (pendingRejected.size() == 500) {
				flushRejected();
			}
		}

		private void flushRejected() {
			if (!pendingRejected.isEmpty()) {
				writeRejected(jdbc, pendingRejected);
				pendingRejected.clear();
			}
		}

		/** A refused record's fields as a line would give them (its pseudonym left out, as a clear number would be). */
		private static String[] fields(ParcelRecord r) {
			String[] v = new String[ParcelField.COUNT];
			v[ParcelField.WAYBILL_NUMBER.ordinal()] = r.waybillNumber();
			v[ParcelField.ACCEPTED_AT.ordinal()] = r.acceptedAt().toString();
			v[ParcelField.SENDER_ID_TYPE.ordinal()] = r.senderIdType() == null ? null : r.senderIdType().label();
			v[ParcelField.SENDER_REGION.ordinal()] = r.senderRegion();
			v[ParcelField.RECIPIENT_REGION.ordinal()] = r.recipientRegion();
			v[ParcelField.ITEM_CATEGORY.ordinal()] = r.itemCategory();
			v[ParcelField.WEIGHT_GRAMS.ordinal()] = String.valueOf(r.weightGrams());
			v[ParcelField.REAL_NAME_METHOD.ordinal()] = r.realNameMethod().label();
			v[ParcelField.INSPECTED.ordinal()] = String.valueOf(r.inspected());
			v[ParcelField.SCREENED.ordinal()] = String.valueOf(r.screened());
			v[ParcelField.SCREENING_MACHINE_SERIAL.ordinal()] = r.screeningMachineSerial();
			v[ParcelField.OUTLET_FILING_NUMBER.ordinal()] = r.outletFilingNumber();
			v[ParcelField.COURIER_ID.ordinal()] = r.courierId();
			return v;
		}

		/**
		 * The line's fields as JSON, without senderIdNumber (the clear ID number is never kept), any ID or mobile
		 * number sent in another field masked (a shifted CSV column, an ID number typed as a pseudonym or courier id)
		 * and control characters shown as '?'.
		 */
		private String content(String[] fields) {
			Map<String, String> kept = new LinkedHashMap<>();
			for (ParcelField f : ParcelField.ALL) {
				String v = fields[f.ordinal()];
				if (v != null && f != ParcelField.SENDER_ID_NUMBER) {
					kept.put(f.json(), ParcelLines.printable(Masking.personalNumbersIn(v, 200)));
				}
			}
			if (fields[ParcelField.SENDER_ID_NUMBER.ordinal()] != null) {
				kept.put(ParcelField.SENDER_ID_NUMBER.json(), "（已删除）");
			}
			return json.writeValueAsString(kept);
		}
	}

	/** The refusal of a body that holds no record (empty, blank lines only, a CSV header alone): 400, rule {@code empty}. */
	static InvalidValueException emptyBody() {
		return new InvalidValueException("body", "empty", "请求体中没有寄递记录（为空、只有空行或只有CSV表头），该批次未记录，请上报含记录的请求体");
	}
}
