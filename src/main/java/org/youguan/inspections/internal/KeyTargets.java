package org.youguan.inspections.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.safety.SafetyAlertTargeted;
import org.youguan.kernel.Masking;
import org.youguan.platform.ChinaTime;

/**
 * The key inspection targets (重点检查对象): enterprises other modules ask to be inspected through their events — a
 * safety anomaly alert listed as 列为检查对象 ({@link SafetyAlertTargeted}) — for a special inspection outside the 双随机
 * draw (快递暂行条例(2025) art.47; 快递市场管理办法(2023) art.42: routine checks drawn at random, targeted ones where a
 * risk is found). One target per origin, taken in after the origin's step commits (from the event publication
 * registry: a failure is retried, a redelivery adds nothing), audited. A target counts as inspected once an inspection
 * of its enterprise is recorded on or after the day it was listed. The draw's population is not changed.
 */
@Service
class KeyTargets {

	private static final ZoneId CHINA = ChinaTime.ZONE;

	/** A key target as the list shows it, with the first inspection of its enterprise since it was listed. */
	record KeyTarget(long id, String regionCode, String regionName, String enterpriseCreditCode, String enterpriseName,
			String source, String sourceDetail, String sourceLink, String summary, String reason, LocalDate listedOn,
			String listedBy, Long recordId, LocalDate inspectedOn) {

		/**
		 * The same target with every ID and mobile number in its free text — source detail, summary, reason — masked
		 * ({@link Masking#personalNumbersIn}), as lists show it.
		 */
		KeyTarget masked() {
			return new KeyTarget(id, regionCode, regionName, enterpriseCreditCode, enterpriseName, source,
					Masking.personalNumbersIn(sourceDetail), sourceLink, Masking.personalNumbersIn(summary),
					Masking.personalNumbersIn(reason), listedOn, listedBy, recordId, inspectedOn);
		}

		/** OPEN (待检查) or INSPECTED (已检查). */
		String state() {
			return recordId == null ? "OPEN" : "INSPECTED";
		}
	}

	private static final String SELECT = """
			SELECT k.id, k.region_code, r.name AS region_name, k.enterprise_credit_code, k.enterprise_name, k.source,
			    k.source_detail, k.source_link, k.summary, k.reason, k.listed_on, k.listed_by, i.id AS record_id,
			    i.inspected_on""";

	private static final String INSPECTION = """
			LEFT JOIN region_name r ON r.code = k.region_code COLLATE "default"
			LEFT JOIN LATERAL (SELECT x.id, x.inspected_on FROM inspection_record x
			    WHERE x.enterprise_credit_code = k.enterprise_credit_code AND x.inspected_on >= k.listed_on
			    ORDER BY x.inspected_on, x.id LIMIT 1) i ON true""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	KeyTargets(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(SafetyAlertTargeted e) {
		add("SAFETY_ALERT", "safety-alert:" + e.alertId(), "安全监管预警" + e.alertId() + "（" + e.rule() + "，" + ChineseText.day(e.day()) + "）",
				e.link(), e.regionCode(), e.enterpriseCreditCode(), e.enterpriseName(), e.summary(), e.reason(),
				LocalDate.ofInstant(e.targetedAt(), CHINA), e.targetedBy());
	}

	/**
	 * Lists an enterprise as a key target, once per origin.
	 * @return the new target's id, or empty when the origin was already taken in
	 */
	@Transactional
	Optional<Long> add(String source, String sourceRef, String sourceDetail, String sourceLink, String regionCode,
			String creditCode, String enterpriseName, String summary, String reason, LocalDate listedOn, String listedBy) {
		Optional<Long> id = jdbc.sql("""
				INSERT INTO inspection_key_target (region_code, enterprise_credit_code, enterprise_name, source, source_ref,
				    source_detail, source_link, summary, reason, listed_on, listed_by, created_at)
				VALUES (:region, :code, :name, :source, :ref, :detail, :link, :summary, :reason, :listedOn, :listedBy, :now)
				ON CONFLICT (source_ref) DO NOTHING RETURNING id""")
			.param("region", regionCode)
			.param("code", creditCode)
			.param("name", cut(enterpriseName, 200))
			.param("source", source)
			.param("ref", sourceRef)
			.param("detail", cut(sourceDetail, 200))
			.param("link", sourceLink)
			.param("summary", cut(summary, 2000))
			.param("reason", cut(reason, 500))
			.param("listedOn", listedOn)
			.param("listedBy", cut(listedBy, 100))
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class)
			.optional();
		id.ifPresent(target -> audit.record(AuditEntry.of("inspection.key-target.add", "InspectionKeyTarget", target,
				"列入重点检查对象（" + sourceDetail + "）：" + (enterpriseName == null ? creditCode : enterpriseName))
			.inRegion(regionCode)));
		return id;
	}

	/**
	 * A page of the key targets in the caller's region, newest first (sorts {@code listed_on}, {@code enterprise});
	 * searchable by enterprise name or credit code.
	 */
	PageResult<KeyTarget> list(DataScope scope, PageQuery page) {
		return Listing.from("FROM inspection_key_target k")
			.scope(scope, "k.region_code")
			.search(page, "k.enterprise_name", "k.enterprise_credit_code")
			.sorts(Map.of("listed_on", "k.listed_on", "enterprise", "k.enterprise_name"), "listed_on", true, "k.id")
			.joinedToPage(INSPECTION)
			.page(jdbc, SELECT, page, Rows.of(KeyTarget.class))
			.map(KeyTarget::masked);
	}

	/** A key target in the caller's region; not found (404) otherwise. */
	KeyTarget get(DataScope scope, long id) {
		return jdbc.sql(SELECT + " FROM inspection_key_target k " + INSPECTION + " WHERE k.id = :id AND "
				+ scope.regionPredicate("k.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(KeyTarget.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("重点检查对象", id));
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
