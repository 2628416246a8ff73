package org.youguan.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Progress and results of long-running work (imports), kept in PostgreSQL (table {@code background_job}) so that the
 * progress page and the result download answer on any node of a cluster.
 *
 * <p>The work runs on the node that started it. That node writes each change here in a transaction of its own
 * (visible to every node at once, even while the work's own transaction is still open) and renews the job's heartbeat
 * every {@code youguan.jobs.heartbeat-interval} (10 s). When the node stops mid-job the work's transaction is rolled
 * back by the database, and the job is marked {@link State#FAILED} once its heartbeat is older than
 * {@code youguan.jobs.heartbeat-timeout} (2 minutes), by whichever node runs the guarded sweep; the same sweep deletes
 * finished jobs (and their result files) after {@code youguan.jobs.retention} (7 days). All times are the database's.
 * Work registered here should be all or nothing (one transaction), so that a job marked failed left nothing behind.
 *
 * <p>A result file (the annotated sheet of a rejected import repeats the uploaded rows: outlet managers' ID numbers and
 * phones among them) is stored only encrypted, AES-256-GCM under the data key and bound to its job's id
 * ({@link Secrets#encryptBytes}, column {@code result_cipher}, V247), as attachments are (个人信息保护法 art.51). The
 * job's {@code message} and {@code detail} are for counts, steps and file names, never for the rows' values.
 */
@Service
public class BackgroundJobs {

	private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

	/** Where a job stands; every state but {@link #RUNNING} is final. */
	public enum State {

		RUNNING, DONE, REJECTED, FAILED;

		public boolean finished() {
			return this != RUNNING;
		}

	}

	/**
	 * One job as every node sees it.
	 *
	 * @param step the module's current step while running (e.g. {@code VALIDATING}), else the last one
	 * @param detail the module's own outcome as JSON (file name, counts, bad rows), or {@code null}
	 * @param resultName the file name of a result not yet handed out, or {@code null}
	 */
	public record Job(UUID id, String kind, String owner, String node, State state, String step, long done,
			long total, String message, String detail, String resultName, Instant startedAt, Instant heartbeatAt,
			Instant finishedAt) {
	}

	/** A result file handed out once. */
	public record Result(String name, byte[] content) {
	}

	private static final String COLUMNS = """
			id, kind, owner, node, state, step, done, total, message, detail::text AS detail,
			CASE WHEN result_cipher IS NULL THEN NULL ELSE result_name END AS result_name, started_at, heartbeat_at, finished_at""";

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	private final ClusterNode node;

	private final Duration timeout;

	private final Duration retention;

	private final Set<UUID> runningHere = ConcurrentHashMap.newKeySet();

	private final Secrets secrets;

	BackgroundJobs(JdbcClient jdbc, PlatformTransactionManager transactions, ClusterNode node, Secrets secrets,
			@Value("${youguan.jobs.heartbeat-timeout:PT2M}") Duration timeout,
			@Value("${youguan.jobs.retention:P7D}") Duration retention) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.node = node;
		this.secrets = secrets;
		this.timeout = timeout;
		this.retention = retention;
	}

	/**
	 * Registers work this node is about to run; its heartbeat is kept until {@link #finish} is called.
	 *
	 * @param kind what it is, {@code module.work} (e.g. {@code region.import})
	 * @param owner the user name of who started it ({@code system} for start-up work)
	 * @param step the module's first step
	 * @param total the amount of work expected, 0 when not known
	 * @param detail the module's JSON about the job (e.g. the file name), or {@code null}
	 * @return the job's id, the key of its progress page
	 */
	public UUID start(String kind, String owner, String step, long total, String detail) {
		UUID id = UUID.randomUUID();
		own.executeWithoutResult(s -> jdbc.sql("""
				INSERT INTO background_job (id, kind, owner, node, state, step, total, detail)
				VALUES (:id, :kind, :owner, :node, 'RUNNING', :step, :total, CAST(:detail AS jsonb))""")
			.param("id", id)
			.param("kind", kind)
			.param("owner", owner)
			.param("node", node.name())
			.param("step", step)
			.param("total", total)
			.param("detail", detail)
			.update());
		runningHere.add(id);
		return id;
	}

	/** Records how far a running job is (and renews its heartbeat). */
	public void progress(UUID id, String step, long done, long total) {
		own.executeWithoutResult(s -> jdbc.sql("""
				UPDATE background_job SET step = :step, done = :done, total = :total, heartbeat_at = now()
				WHERE id = :id AND state = 'RUNNING'""")
			.param("id", id)
			.param("step", step)
			.param("done", done)
			.param("total", total)
			.update());
	}

	/**
	 * Records the end of a job: {@code done} of its total, the message the page shows and the module's outcome.
	 *
	 * @throws IllegalArgumentException when {@code state} is {@link State#RUNNING}
	 */
	public void finish(UUID id, State state, long done, String message, String detail) {
		if (!state.finished()) {
			throw new IllegalArgumentException("A job finishes as DONE, REJECTED or FAILED");
		}
		try {
			own.executeWithoutResult(s -> jdbc.sql("""
					UPDATE background_job SET state = :state, done = :done, message = :message,
					    detail = coalesce(CAST(:detail AS jsonb), detail), heartbeat_at = now(), finished_at = now()
					WHERE id = :id AND state = 'RUNNING'""")
				.param("id", id)
				.param("state", state.name())
				.param("done", done)
				.param("message", message)
				.param("detail", detail)
				.update());
		}
		finally {
			runningHere.remove(id);
		}
	}

	/**
	 * Records work that finished at once and left a file for its owner to fetch later, e.g. the annotated sheet of a
	 * rejected import: the page links to it by the returned id, and {@link #takeResult} hands it out once. The file is
	 * stored encrypted under the data key, bound to the returned id.
	 */
	public UUID record(String kind, String owner, State state, String message, String resultName, byte[] result) {
		UUID id = UUID.randomUUID();
		own.executeWithoutResult(s -> jdbc.sql("""
				INSERT INTO background_job (id, kind, owner, node, state, message, result_name, result_cipher, finished_at)
				VALUES (:id, :kind, :owner, :node, :state, :message, :name, :result, now())""")
			.param("id", id)
			.param("kind", kind)
			.param("owner", owner)
			.param("node", node.name())
			.param("state", state.name())
			.param("message", message)
			.param("name", resultName)
			.param("result", result == null ? null : secrets.encryptBytes(result, resultContext(id)))
			.update());
		return id;
	}

	/** The job with this id, from any node; empty when unknown (or deleted after the retention period). */
	public Optional<Job> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM background_job WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Job(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("owner"),
					rs.getString("node"), State.valueOf(rs.getString("state")), rs.getString("step"),
					rs.getLong("done"), rs.getLong("total"), rs.getString("message"), rs.getString("detail"),
					rs.getString("result_name"), instant(rs.getObject("started_at", OffsetDateTime.class)),
					instant(rs.getObject("heartbeat_at", OffsetDateTime.class)),
					instant(rs.getObject("finished_at", OffsetDateTime.class))))
			.optional();
	}

	/**
	 * Hands out a job's result file once: only to its owner and only for a job of the expected kind; the file is
	 * deleted as it is read, so a second request (or another user's) finds nothing. The content comes out decrypted.
	 */
	public Optional<Result> takeResult(UUID id, String kind, String owner) {
		return own.execute(s -> jdbc.sql("""
				WITH taken AS (
				    SELECT id, result_name, result_cipher FROM background_job
				    WHERE id = :id AND kind = :kind AND owner = :owner AND result_cipher IS NOT NULL FOR UPDATE)
				UPDATE background_job j SET result_cipher = NULL FROM taken WHERE j.id = taken.id
				RETURNING taken.result_name, taken.result_cipher""")
			.param("id", id)
			.param("kind", kind)
			.param("owner", owner)
			.query((rs, n) -> new Result(rs.getString(1), secrets.decryptBytes(rs.getBytes(2), resultContext(id))))
			.optional());
	}

	/** Renews the heartbeat of the jobs running on this node, so that no other node takes them for lost. */
	@Scheduled(fixedDelayString = "${youguan.jobs.heartbeat-interval:PT10S}")
	@EveryNode("only the node running a job can tell that it is still alive")
	public void heartbeat() {
		if (runningHere.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE background_job SET heartbeat_at = now() WHERE state = 'RUNNING' AND id IN (:ids)")
			.param("ids", Set.copyOf(runningHere))
			.update();
	}

	/**
	 * Marks failed the running jobs whose node stopped beating (their work was rolled back with the node's
	 * connection), and deletes finished jobs past the retention period. Runs on one node at a time.
	 */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	@SchedulerLock(name = "platform.jobs.sweep", lockAtLeastFor = "PT30S")
	public void sweep() {
		int failed = jdbc.sql("""
				UPDATE background_job SET state = 'FAILED', finished_at = now(),
				    message = '执行该任务的节点（' || node || '）已停止响应，任务未完成，未保存任何结果，请重新开始'
				WHERE state = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :timeout)""")
			.param("timeout", timeout.toSeconds())
			.update();
		if (failed > 0) {
			log.warn("{} background jobs marked failed: their node stopped sending heartbeats", failed);
		}
		jdbc.sql("DELETE FROM background_job WHERE finished_at < now() - make_interval(secs => :retention)")
			.param("retention", retention.toSeconds())
			.update();
	}

	/** What a job's result ciphertext is bound to: its column and its job's id (a ciphertext moved does not open). */
	static String resultContext(UUID id) {
		return "background_job.result:" + id;
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
