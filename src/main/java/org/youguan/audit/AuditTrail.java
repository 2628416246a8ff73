package org.youguan.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.platform.ChinaTime;

/**
 * The one API through which every module records its changes. {@link #record} joins the caller's transaction (it
 * refuses to run without one), so the event and the change commit or roll back together.
 */
@Service
public class AuditTrail {

	private static final String COLUMNS = """
			id, occurred_at, actor, actor_user_id, bureau_id, region_code, action, object_type, object_id, summary,
			before_state::text AS before_state, after_state::text AS after_state, client_address, prev_hash, hash""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Records a change by the current user (or "system" when nobody is signed in). */
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
			write(entry, auth != null && auth.isAuthenticated() ? auth.getName() : "system", null, null, "0");
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
				    object_type, object_id, summary, before_state, after_state, client_address, prev_hash, hash)
				VALUES (0, :at, :actor, :userId, :bureauId, :region, :action, :type, :objectId, :summary,
				    CAST(:before AS jsonb), CAST(:after AS jsonb), :client, '', '')""")
			.param("at", OffsetDateTime.now(clock))
			.param("actor", truncate(actor, 100))
			.param("userId", userId)
			.param("bureauId", bureauId)
			.param("region", entry.regionCode() != null ? entry.regionCode() : actorRegion)
			.param("action", entry.action())
			.param("type", entry.objectType())
			.param("objectId", entry.objectId())
			.param("summary", truncate(entry.summary(), 500))
			.param("before", toJson(entry.before()))
			.param("after", toJson(entry.after()))
			.param("client", clientAddress())
			.update();
	}

	public PageResult<AuditEvent> search(DataScope scope, AuditQuery query, PageQuery page) {
		Map<String, Object> params = new HashMap<>(scope.params());
		StringBuilder where = new StringBuilder(scope.regionPredicate("region_code"));
		if (query.text() != null && !query.text().isBlank()) {
			where.append(" AND (summary ILIKE :text OR actor ILIKE :text OR object_id = :exact)");
			params.put("text", "%" + query.text().strip() + "%");
			params.put("exact", query.text().strip());
		}
		if (query.action() != null && !query.action().isBlank()) {
			where.append(" AND action = :action");
			params.put("action", query.action());
		}
		if (query.objectType() != null && !query.objectType().isBlank()) {
			where.append(" AND object_type = :objectType");
			params.put("objectType", query.objectType());
		}
		if (query.from() != null) {
			where.append(" AND occurred_at >= :from");
			params.put("from", startOf(query.from()));
		}
		if (query.to() != null) {
			where.append(" AND occurred_at < :to");
			params.put("to", startOf(query.to().plusDays(1)));
		}
		long total = jdbc.sql("SELECT count(*) FROM audit_event WHERE " + where).params(params).query(Long.class).single();
		List<AuditEvent> rows = jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_event WHERE " + where + " ORDER BY id "
					+ (page.descending() || page.sort() == null ? "DESC" : "ASC") + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(AuditEvent.class)
			.list();
		return new PageResult<>(rows, page.page(), page.size(), total);
	}

	/** The history of one object, newest first, within the caller's scope. */
	public List<AuditEvent> history(DataScope scope, String objectType, Object objectId) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_event WHERE object_type = :type AND object_id = :id AND "
					+ scope.regionPredicate("region_code") + " ORDER BY id DESC LIMIT 200")
			.params(scope.params())
			.param("type", objectType)
			.param("id", String.valueOf(objectId))
			.query(AuditEvent.class)
			.list();
	}

	public long countSince(DataScope scope, LocalDate day) {
		return jdbc
			.sql("SELECT count(*) FROM audit_event WHERE occurred_at >= :from AND " + scope.regionPredicate("region_code"))
			.params(scope.params())
			.param("from", startOf(day))
			.query(Long.class)
			.single();
	}

	/**
	 * What one user handled recently (已办): the events they are the actor of, newest first, without reads of personal
	 * data and without sign-ins — only changes they made.
	 */
	public List<AuditEvent> handledBy(long userId, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_event WHERE actor_user_id = :user AND action NOT LIKE 'signin.%' "
					+ "AND action NOT LIKE 'login.%' AND action NOT LIKE '%.read%' ORDER BY id DESC LIMIT :limit")
			.param("user", userId)
			.param("limit", limit)
			.query(AuditEvent.class)
			.list();
	}

	/**
	 * Walks the whole chain in id order: each row's hash must match its content and its prev_hash the hash of the row
	 * before it. Reports the first broken link.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verifyChain() {
		long[] checked = { 0 };
		Long[] broken = { null };
		String[] problem = { null };
		jdbc.sql("""
				SELECT id, hash = audit_event_digest(e) AS content_ok,
				       prev_hash = coalesce(lag(hash) OVER (ORDER BY id), repeat('0', 64)) AS link_ok
				FROM audit_event e ORDER BY id""").query(rs -> {
			if (broken[0] != null) {
				return;
			}
			checked[0]++;
			if (!rs.getBoolean("content_ok")) {
				broken[0] = rs.getLong("id");
				problem[0] = "内容与哈希值不一致（记录被篡改）";
			}
			else if (!rs.getBoolean("link_ok")) {
				broken[0] = rs.getLong("id");
				problem[0] = "与前一条记录的哈希链接断开（记录被删除或插入）";
			}
		});
		return new ChainVerification(checked[0], broken[0], problem[0]);
	}

	public List<String> actions(DataScope scope) {
		return jdbc.sql("SELECT DISTINCT action FROM audit_event WHERE " + scope.regionPredicate("region_code")
				+ " ORDER BY action").params(scope.params()).query(String.class).list();
	}

	private static OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
	}

	private String toJson(Object state) {
		return state == null ? null : json.writeValueAsString(state);
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
