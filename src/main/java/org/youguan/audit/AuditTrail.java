package org.youguan.audit;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.youguan.kernel.Text;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InstallationAdmin;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.platform.ChinaTime;
import org.youguan.kernel.Rows;

/**
 * The one API through which every module records its changes. {@link #record} joins the caller's transaction (it
 * refuses to run without one), so the event and the change commit or roll back together. Every event is written, and
 * every list of events ({@link #search}, {@link #history}, {@link #handledBy}) shows it, with the ID card and mobile
 * numbers in its summary and states masked ({@link AuditMasking}): a reason or note a person typed may quote one, in
 * any module; events written before are masked when shown.
 */
@Service
public class AuditTrail {

	private static final String COLUMNS = """
			id, occurred_at, actor, actor_user_id, bureau_id, region_code, action, object_type, object_id, summary,
			before_state::text AS before_state, after_state::text AS after_state, client_address,
			(SELECT s.seq FROM audit_seal s WHERE s.event_id = audit_event.id) AS seal_seq,
			(SELECT encode(s.mac, 'hex') FROM audit_seal s WHERE s.event_id = audit_event.id) AS mac""";

	/** Sign-ins recorded in the trail before the sign-in log existed: sealed, not listed with the changes. */
	private static final String NOT_SIGN_IN = "action NOT LIKE 'signin.%'";

	/** Marks a transaction that recorded events, so the sealer is woken once when it commits. */
	private static final Object RECORDED = new Object();

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final AuditSealer sealer;

	private final AuditChain chain;

	private final InstallationAdmin installationAdmin;

	AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock, AuditSealer sealer, AuditChain chain,
			InstallationAdmin installationAdmin) {
		this.installationAdmin = installationAdmin;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.sealer = sealer;
		this.chain = chain;
	}

	/**
	 * Records a change by the current user (or "system" when nobody is signed in). The event is inserted in the caller's
	 * transaction without taking any lock, so a long transaction (an import) holds up nobody else's audited action;
	 * it is sealed into the keyed chain right after the transaction commits (by {@link AuditSealer}).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditEntry entry) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AuditActor actor) {
			write(entry, actor.auditName(), actor.auditUserId(), actor.auditBureauId(), actor.auditRegionCode());
		}
		else if (auth instanceof AnonymousAuthenticationToken) {
			write(entry, "公众（未登录）", null, null, "0");
		}
		else {
			write(entry, auth != null && auth.isAuthenticated() ? auth.getName() : AuditEvent.SYSTEM, null, null, "0");
		}
	}

	/**
	 * Records a change a member of the public made (a complaint filed or withdrawn on the public portal): the actor is
	 * the given description — masked personal data only, e.g. "申诉人张*（139****5678）" — never "anonymousUser". When a
	 * signed-in user makes the same change (staff entering a complaint received by phone), that user is the actor.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordForPublic(String publicActor, AuditEntry entry) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AuditActor) {
			record(entry);
		}
		else {
			write(entry, "公众：" + publicActor, null, null, "0");
		}
	}

	/** Records an event for an actor who is not (yet) signed in, e.g. a failed sign-in. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAs(String actorName, Long userId, Long bureauId, String actorRegion, AuditEntry entry) {
		write(entry, actorName, userId, bureauId, actorRegion == null ? "0" : actorRegion);
	}

	private void write(AuditEntry entry, String actor, Long userId, Long bureauId, String actorRegion) {
		jdbc.sql("""
				INSERT INTO audit_event (id, occurred_at, actor, actor_user_id, bureau_id, region_code, action,
				    object_type, object_id, summary, before_state, after_state, client_address)
				VALUES (0, :at, :actor, :userId, :bureauId, :region, :action, :type, :objectId, :summary,
				    CAST(:before AS jsonb), CAST(:after AS jsonb), :client)""")
			.param("at", OffsetDateTime.now(clock))
			.param("actor", truncate(actor, 100))
			.param("userId", userId)
			.param("bureauId", bureauId)
			.param("region", entry.regionCode() != null ? entry.regionCode() : actorRegion)
			.param("action", entry.action())
			.param("type", entry.objectType())
			.param("objectId", entry.objectId())
			.param("summary", truncate(AuditMasking.text(entry.summary()), 500))
			.param("before", AuditMasking.state(json, entry.before()))
			.param("after", AuditMasking.state(json, entry.after()))
			.param("client", clientAddress())
			.update();
		RequestHead.forget();
		wakeSealerAfterCommit();
	}

	private void wakeSealerAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| TransactionSynchronizationManager.hasResource(RECORDED)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(RECORDED, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(RECORDED);
				if (status == STATUS_COMMITTED) {
					sealer.wake();
				}
			}
		});
	}

	/**
	 * The orders the trail may be sorted by (request name → column): entry number, time, actor, action and object type;
	 * the entry number, newest first, breaks ties.
	 */
	static final Map<String, String> SORTS = Map.of("id", "id", "occurred_at", "occurred_at", "actor", "actor", "action",
			"action", "object_type", "object_type");

	/**
	 * The trail of changes within the caller's scope, newest first (or in a whitelisted order, {@link #SORTS}; an
	 * unknown key is 400 on {@code sort}): the search text matches the summary or the actor
	 * (contains) or the object id (equals) — an ID or mobile number in it also matches as the trail stores it, masked
	 * (so {@code 13912345678} finds {@code 139****5678}: every entry with a number of the same first and last digits); filters by action, object type and date range. Sign-ins are not changes:
	 * they are in the {@link SignInLog} (those recorded here before it existed stay sealed in the chain, unlisted).
	 */
	public PageResult<AuditEvent> search(DataScope scope, AuditQuery query, PageQuery page) {
		String text = query.text() == null ? "" : Text.searchText(query.text());
		Listing listing = Listing.from("FROM audit_event").where(readable(scope), scope.params()).where(NOT_SIGN_IN);
		if (!text.isEmpty()) {
			// entries are stored with their personal numbers masked (AuditMasking): a number searched for in clear
			// finds them as stored (same first and last digits), and entries older than the masking as typed
			// a summary keeps what was typed: its full-width digits and letters are compared as the search's ASCII ones
			String summary = Text.halfWidthAlphanumericsSql("summary");
			String masked = AuditMasking.text(text);
			Map<String, Object> values = new HashMap<>(Map.of("text", PageQuery.likePattern(text), "masked",
					// as every list's search (Listing): % and _ typed are themselves, not wildcards (attack f8 item 12)
					PageQuery.likePattern(masked), "exact", text));
			String numbers = "";
			if (masked.indexOf('*') >= 0) {
				// a number (or its mask) is the same number whatever separators the summary or the search has between its
				// blocks — 139-1234-5678 and 13912345678 find 139****5678 and 139-****-5678 — as the lists match masked
				// numbers (Listing.withoutJoiners, Listing.Masked#stored)
				numbers = " OR " + Listing.storedForm("summary") + " ILIKE :compactMasked ESCAPE '\\' OR "
						+ Listing.storedForm("summary") + " ILIKE :compactText ESCAPE '\\'";
				values.put("compactMasked", PageQuery.likePattern(compact(masked)));
				values.put("compactText", PageQuery.likePattern(compact(text)));
			}
			listing.where("(" + summary + " ILIKE :text OR " + summary + " ILIKE :masked" + numbers
					+ " OR actor ILIKE :text OR object_id = :exact)", values);
		}
		return listing.where(query.action() != null && !Text.isBlank(query.action()), "action = :action", "action",
					String.valueOf(query.action()))
			.where(query.objectType() != null && !Text.isBlank(query.objectType()), "object_type = :objectType", "objectType",
					String.valueOf(query.objectType()))
			.where(query.from() != null, "occurred_at >= :from", "from", query.from() == null ? "" : startOf(query.from()))
			.where(query.to() != null, "occurred_at < :to", "to", query.to() == null ? "" : startOf(query.to().plusDays(1)))
			.sorts(SORTS, "id", true, "id DESC")
			// the search text is the query's (AuditQuery#text, the page's q), read above
			.searchesItself()
			.page(jdbc, "SELECT " + COLUMNS, page, Rows.of(AuditEvent.class))
			.map(e -> AuditMasking.shown(json, e));
	}

	/** A search text as {@link Listing#storedForm} compares a number: NFKC, without the joiners between its blocks. */
	private static String compact(String text) {
		return Listing.withoutJoiners(Normalizer.normalize(text, Normalizer.Form.NFKC));
	}

	/** The history of one object, newest first, within the caller's scope. */
	public List<AuditEvent> history(DataScope scope, String objectType, Object objectId) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_event WHERE object_type = :type AND object_id = :id AND "
					+ readable(scope) + " ORDER BY id DESC LIMIT 200")
			.params(scope.params())
			.param("type", objectType)
			.param("id", String.valueOf(objectId))
			.query(Rows.of(AuditEvent.class))
			.list()
			.stream()
			.map(e -> AuditMasking.shown(json, e))
			.toList();
	}

	/** How many changes (sign-ins not counted) were recorded within the caller's scope since the start of the day. */
	public long countSince(DataScope scope, LocalDate day) {
		return jdbc
			.sql("SELECT count(*) FROM audit_event WHERE occurred_at >= :from AND " + NOT_SIGN_IN + " AND "
					+ readable(scope))
			.params(scope.params())
			.param("from", startOf(day))
			.query(Long.class)
			.single();
	}

	/**
	 * The id of the newest audit event (0 when there is none): it grows with every audited change anywhere, so a
	 * figure remembered together with it is current as long as it has not moved. One probe of the primary key.
	 *
	 * <p>
	 * {@code -1} while another transaction of this database that has written is still open (it holds a transaction id):
	 * an event takes its id when it is written, not when it commits, so such a transaction may commit an id below the
	 * newest one visible now and leave the maximum where it is — a view read now must not be remembered under it
	 * ({@link AuditedMemory} remembers nothing under {@code -1}). The open writers are looked for after the statement's
	 * snapshot is taken, so one that commits in between is seen either open or committed before every read that follows.
	 * Read-only traffic holds no transaction id and keeps the head. Within an HTTP request the head is read once, until
	 * the request records an event ({@link RequestHead}).
	 */
	public long latestEventId() {
		RequestHead.Head head = RequestHead.current();
		return head == null ? readHead() : head.get(this::readHead);
	}

	/**
	 * The head in one statement: its snapshot is taken when the statement starts, the backends are looked at while it
	 * runs, after that. An event whose id is at most the maximum seen was given its id before the snapshot, so its
	 * transaction either committed (every read after this sees it) or still holds its transaction id when the backends
	 * are looked at ({@code -1}). The backends are read through {@code pg_stat_get_activity} itself, without the joins of
	 * the {@code pg_stat_activity} view.
	 */
	private long readHead() {
		return jdbc.sql("""
				SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_stat_get_activity(NULL) a WHERE a.backend_xid IS NOT NULL
				    AND a.datid = (SELECT oid FROM pg_database WHERE datname = current_database())
				    AND a.pid <> pg_backend_pid())
				  THEN -1 ELSE (SELECT coalesce(max(id), 0) FROM audit_event) END""").query(Long.class).single();
	}

	/**
	 * What one user handled recently (已办): the events they are the actor of, newest first, without reads of personal
	 * data, sign-ins nor exports ({@code data.export}) — only changes they made.
	 */
	public List<AuditEvent> handledBy(long userId, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_event WHERE actor_user_id = :user AND action NOT LIKE 'signin.%' "
					+ "AND action NOT LIKE 'login.%' AND action NOT LIKE '%.read%' AND action <> 'data.export' "
					+ "ORDER BY id DESC LIMIT :limit")
			.param("user", userId)
			.param("limit", limit)
			.query(Rows.of(AuditEvent.class))
			.list()
			.stream()
			.map(e -> AuditMasking.shown(json, e))
			.toList();
	}

	/**
	 * Walks the whole keyed chain in seal order and reports the first broken link (see {@link ChainVerification}).
	 * Runs in the caller's transaction when there is one (so a test can tamper and verify before rolling back);
	 * call {@link #sealPending()} first to include what was committed a moment ago.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verifyChain() {
		return chain.verify();
	}

	/**
	 * Verifies the chain and compares it with a checkpoint file as downloaded from the audit page (kept elsewhere by an
	 * administrator): a file not signed by this installation, or a chain that no longer holds the seal and MAC it
	 * names, makes the result not intact.
	 *
	 * @throws org.youguan.kernel.InvalidValueException when the text is not a checkpoint file at all
	 */
	@Transactional(readOnly = true)
	public ChainVerification verifyChain(String checkpointFile) {
		ChainVerification.CheckpointCheck check = chain.compare(checkpointFile);
		return chain.verify().with(check);
	}

	/** Seals every committed event now (normally done within a second of the commit); returns how many. */
	public int sealPending() {
		return sealer.sealPending();
	}

	/**
	 * Writes a signed checkpoint of the chain's head now (system administrators; besides the daily one) and returns its
	 * id, or empty when nothing is sealed yet or another node is writing one.
	 */
	public Optional<Long> checkpointNow() {
		sealer.sealPending();
		return chain.checkpoint(false).map(AuditChain.Checkpoint::id);
	}

	/** The action codes recorded within the caller's scope (sign-ins not counted), for the trail's filter. */
	public List<String> actions(DataScope scope) {
		return jdbc.sql("SELECT DISTINCT action FROM audit_event WHERE " + NOT_SIGN_IN + " AND "
				+ readable(scope) + " ORDER BY action").params(scope.params()).query(String.class).list();
	}

	/**
	 * The one rule of which events a caller reads, as a predicate on {@code audit_event}: those in the caller's scope
	 * ({@link DataScope#regionPredicate}), and for the installation's 系统管理员 and 局领导 ({@link InstallationAdmin#oversees}:
	 * of the top-level bureau, whose administrators alone change what the installation shares and whose leaders read
	 * every audit entry of its region) also the installation-wide events
	 * ({@link AuditEntry#INSTALLATION}: the calendar, the brand and indicator catalogues, the national report forms, the
	 * region register, and changes no bureau made — a job's, the public's). Without it those were in the chain (and
	 * counted by its verification) but in nobody's trail: a provincial installation's administrator, scope 32, read
	 * none of them. The national scope reads every event anyway; a city's or county's administrator or leader, and the
	 * top-level bureau's 机构管理员, read none of them.
	 */
	private String readable(DataScope scope) {
		String own = scope.regionPredicate("region_code");
		if (scope.kind() == DataScope.Kind.ALL
				|| !installationAdmin.oversees(SecurityContextHolder.getContext().getAuthentication())) {
			return own;
		}
		return "(" + own + " OR region_code = '" + AuditEntry.INSTALLATION + "')";
	}

	private static OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
