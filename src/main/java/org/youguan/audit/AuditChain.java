package org.youguan.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.platform.ChinaTime;
import org.youguan.platform.PlatformSettings;
import org.youguan.platform.Secrets;

/**
 * Verification of the keyed audit chain and its signed daily checkpoints.
 *
 * <p>Verification walks the seals in order and reports the first broken link: a missing seal number (an event and its
 * seal deleted), a seal whose event is gone, a seal not made with this installation's key, or a MAC that does not
 * match (an event changed, a seal inserted, reordered or recomputed — recomputing needs the key, which is not in the
 * database). An event older than the grace period without a seal is reported too. The tail of the chain is anchored
 * by the checkpoints: an administrator keeps the file elsewhere, and a chain cut or rewritten before it no longer
 * holds the seal and MAC it names.
 */
@Component
class AuditChain {

	private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

	static final long CHECKPOINT_LOCK = 730106;

	static final String HEADER = "YouGuan audit checkpoint v1";

	private static final String SIGNATURE = "signature: ";

	private final JdbcTemplate stream;

	private final JdbcClient jdbc;

	private final Secrets secrets;

	private final AuditSealer sealer;

	private final Clock clock;

	private final Duration grace;

	private final Path checkpointDirectory;

	AuditChain(DataSource dataSource, JdbcClient jdbc, Secrets secrets, AuditSealer sealer, Clock clock,
			PlatformSettings settings, @Value("${youguan.audit.seal-grace:PT10M}") Duration grace) {
		this.stream = new JdbcTemplate(dataSource);
		this.stream.setFetchSize(1000);
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.sealer = sealer;
		this.clock = clock;
		this.grace = grace;
		this.checkpointDirectory = settings.dataDir().toAbsolutePath().normalize().resolve("audit-checkpoints");
	}

	private static final class Broken extends RuntimeException {

		final long seq;

		final Long eventId;

		Broken(long seq, Long eventId, String problem) {
			super(problem, null, false, false);
			this.seq = seq;
			this.eventId = eventId;
		}
	}

	/** Walks the whole chain in seal order (inside the caller's transaction, or a read-only one). */
	@Transactional(readOnly = true)
	ChainVerification verify() {
		long[] checked = { 0 };
		byte[][] previous = { SealInput.GENESIS };
		try {
			stream.query("SELECT s.seq, s.event_id AS sealed_event, s.sealed_at, s.mac, " + SealInput.EVENT_COLUMNS
					+ " FROM audit_seal s LEFT JOIN audit_event e ON e.id = s.event_id ORDER BY s.seq", rs -> {
						long seq = rs.getLong("seq");
						long expected = checked[0] + 1;
						long event = rs.getLong("sealed_event");
						if (seq != expected) {
							throw new Broken(expected, null, "第" + expected + "号封印缺失：该号的审计记录及其封印被删除（其后是第" + seq
									+ "号封印，记录#" + event + "）");
						}
						if (rs.getObject("id") == null) {
							throw new Broken(seq, event, "记录#" + event + "已被删除（第" + seq + "号封印指向它）");
						}
						byte[] mac = rs.getBytes("mac");
						if (!secrets.knowsAuditKeyOf(mac)) {
							throw new Broken(seq, event, "第" + seq + "号封印（记录#" + event
									+ "）不是用本系统的审计密钥生成的：封印被伪造，或审计密钥被更换");
						}
						byte[] input = SealInput.seal(seq, rs.getObject("sealed_at", OffsetDateTime.class).toInstant(),
								previous[0], SealInput.event(rs));
						if (!secrets.auditMacMatches(mac, input)) {
							throw new Broken(seq, event, "记录#" + event + "（第" + seq
									+ "号封印）与封印不符：记录内容被改动，或封印被插入、调换或重算");
						}
						previous[0] = mac;
						checked[0]++;
					});
		}
		catch (Broken broken) {
			return new ChainVerification(checked[0], broken.seq, broken.eventId, broken.getMessage(), 0, null);
		}
		Instant cutoff = clock.instant().minus(grace);
		Map<String, Object> unsealed = jdbc.sql("""
				SELECT min(e.id) FILTER (WHERE e.occurred_at < :cutoff) AS overdue,
				       count(*) FILTER (WHERE e.occurred_at >= :cutoff) AS pending
				FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)""")
			.param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.query()
			.singleRow();
		long pending = ((Number) unsealed.get("pending")).longValue();
		if (unsealed.get("overdue") != null) {
			long id = ((Number) unsealed.get("overdue")).longValue();
			return new ChainVerification(checked[0], checked[0] + 1, id, "记录#" + id + "超过" + grace.toMinutes()
					+ "分钟仍未封存：它的封印或待封存队列被删除，或封存服务没有运行", pending, null);
		}
		return new ChainVerification(checked[0], null, null, null, pending, null);
	}

	/** A checkpoint file as parsed: what was signed, and the head it records. */
	record CheckpointFile(String day, long seq, String mac, boolean signatureValid) {
	}

	/**
	 * Compares a checkpoint file (as downloaded, possibly kept elsewhere) with the chain: the signature must be this
	 * installation's, and the chain must still hold the seal it names with the same MAC — otherwise history up to it
	 * was rewritten or cut.
	 */
	@Transactional(readOnly = true)
	ChainVerification.CheckpointCheck compare(String file) {
		CheckpointFile cp = parse(file);
		if (!cp.signatureValid()) {
			return new ChainVerification.CheckpointCheck(cp.seq(), cp.day(), false,
					"检查点文件的签名无效：文件被改动，或不是本系统签发的");
		}
		Optional<byte[]> mac = jdbc.sql("SELECT mac FROM audit_seal WHERE seq = :seq")
			.param("seq", cp.seq())
			.query((rs, i) -> rs.getBytes(1))
			.optional();
		if (mac.isEmpty()) {
			return new ChainVerification.CheckpointCheck(cp.seq(), cp.day(), false, "检查点记录的第" + cp.seq()
					+ "号封印已不存在：检查点之前（含）的审计记录被删除");
		}
		if (!HexFormat.of().formatHex(mac.get()).equals(cp.mac())) {
			return new ChainVerification.CheckpointCheck(cp.seq(), cp.day(), false, "第" + cp.seq()
					+ "号封印与检查点记录的不一致：检查点之前的审计历史被改写");
		}
		return new ChainVerification.CheckpointCheck(cp.seq(), cp.day(), true, "与" + cp.day() + "的检查点一致：截至第"
				+ cp.seq() + "号封印的历史未被改写");
	}

	CheckpointFile parse(String file) {
		String text = file == null ? "" : file.replace("\r\n", "\n");
		int at = text.lastIndexOf("\n" + SIGNATURE);
		if (!text.startsWith(HEADER + "\n") || at < 0) {
			throw new InvalidValueException("checkpoint", "format", "不是邮管通的审计检查点文件（应以“" + HEADER + "”开头，以签名行结尾）");
		}
		String body = text.substring(0, at + 1);
		Map<String, String> fields = new LinkedHashMap<>();
		for (String line : body.split("\n")) {
			int colon = line.indexOf(": ");
			if (colon > 0) {
				fields.put(line.substring(0, colon), line.substring(colon + 2).strip());
			}
		}
		long seq;
		try {
			seq = Long.parseLong(fields.getOrDefault("seq", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException("checkpoint", "format", "检查点文件缺少有效的封印编号（seq）");
		}
		byte[] signature;
		try {
			signature = Base64.getDecoder().decode(text.substring(at + 1 + SIGNATURE.length()).strip());
		}
		catch (IllegalArgumentException ex) {
			signature = new byte[0];
		}
		boolean valid = secrets.checkpointSignatureMatches(body.getBytes(StandardCharsets.UTF_8), signature);
		return new CheckpointFile(fields.get("day"), seq, fields.getOrDefault("mac", ""), valid);
	}

	/** A checkpoint as listed on the audit page. */
	record Checkpoint(long id, LocalDate day, long seq, Instant createdAt) {
	}

	List<Checkpoint> checkpoints(int limit) {
		return jdbc.sql("SELECT id, day, seq, created_at FROM audit_checkpoint ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, i) -> new Checkpoint(rs.getLong("id"), rs.getObject("day", LocalDate.class), rs.getLong("seq"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** The file of a checkpoint (what was written to the checkpoint directory). */
	String checkpointFile(long id) {
		return jdbc.sql("SELECT statement FROM audit_checkpoint WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("审计检查点", id));
	}

	static String fileName(LocalDate day, long seq) {
		return "audit-checkpoint-" + day + "-" + seq + ".txt";
	}

	/**
	 * Once a day (the first run of the day; hourly so a node down at midnight still makes it), on one node: seals what
	 * is pending and writes the signed checkpoint of the head.
	 */
	@Scheduled(cron = "${youguan.audit.checkpoint-cron:0 5 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "audit.checkpoint", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	public void daily() {
		try {
			sealer.sealPending();
			checkpoint(true);
		}
		catch (RuntimeException ex) {
			log.warn("The daily audit checkpoint failed; retried within the hour: {}", ex.getMessage());
		}
	}

	/**
	 * Writes a checkpoint of the chain's head: seal number, MAC, seal time, number of events, signed with the Ed25519
	 * key, to {@code <data dir>/audit-checkpoints/} and the checkpoint table. With {@code oncePerDay}, nothing when
	 * today's exists. Empty when there is no seal yet or another node is writing one.
	 */
	@Transactional
	Optional<Checkpoint> checkpoint(boolean oncePerDay) {
		if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", CHECKPOINT_LOCK)
			.query(Boolean.class).single())) {
			return Optional.empty();
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		LocalDate day = LocalDate.ofInstant(now, ChinaTime.ZONE);
		if (oncePerDay && jdbc.sql("SELECT count(*) FROM audit_checkpoint WHERE day = :day").param("day", day)
			.query(Long.class).single() > 0) {
			return Optional.empty();
		}
		record Head(long seq, byte[] mac, Instant sealedAt) {
		}
		Optional<Head> head = jdbc.sql("SELECT seq, mac, sealed_at FROM audit_seal ORDER BY seq DESC LIMIT 1")
			.query((rs, i) -> new Head(rs.getLong(1), rs.getBytes(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		long events = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
		String body = HEADER + "\n" + "day: " + day + "\n" + "seq: " + head.get().seq() + "\n" + "mac: "
				+ HexFormat.of().formatHex(head.get().mac()) + "\n" + "sealed-at: " + head.get().sealedAt() + "\n"
				+ "events: " + events + "\n" + "created-at: " + now + "\n" + "public-key: "
				+ Secrets.CHECKPOINT_PUBLIC_FILE + "\n";
		String file = body + SIGNATURE
				+ Base64.getEncoder().encodeToString(secrets.signCheckpoint(body.getBytes(StandardCharsets.UTF_8))) + "\n";
		long id = jdbc.sql("""
				INSERT INTO audit_checkpoint (day, seq, created_at, statement) VALUES (:day, :seq, :at, :statement)
				RETURNING id""")
			.param("day", day)
			.param("seq", head.get().seq())
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("statement", file)
			.query(Long.class)
			.single();
		try {
			Files.createDirectories(checkpointDirectory);
			Files.writeString(checkpointDirectory.resolve(fileName(day, head.get().seq())), file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法写入审计检查点文件（" + checkpointDirectory + "）", ex);
		}
		log.info("Audit checkpoint of seal {} written to {}", head.get().seq(), checkpointDirectory);
		return Optional.of(new Checkpoint(id, day, head.get().seq(), now));
	}
}
