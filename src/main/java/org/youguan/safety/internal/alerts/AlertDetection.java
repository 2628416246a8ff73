package org.youguan.safety.internal.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.StoredWords;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.AlertDetails;
import org.youguan.safety.SafetyAlertRaised;
import org.youguan.safety.internal.Pseudonyms;

/**
 * Runs the five anomaly rules ({@link AlertRule}) over one China-time day and raises an alert per finding — once: an
 * alert is unique per rule, subject and day, so the detection can run again for a day (the job after a late upload, or
 * staff choosing a day) without duplicates. Rules (a)(b)(c) read the day's Parquet records with DuckDB; (d)(e) read the
 * PostgreSQL rollups. Every new alert is published ({@link SafetyAlertRaised}) for the notifications; a run that
 * raised alerts is audited.
 */
@Service
public class AlertDetection {

	private static final Logger log = LoggerFactory.getLogger(AlertDetection.class);

	/**
	 * What one rule found about one subject: its detail as a UI bundle key with its values (texts), so each reader's
	 * page words it in their language, and in Chinese ({@code detail}, the key's Chinese with the values) for the search,
	 * the API, the export and the notification.
	 */
	record Finding(AlertRule rule, String subject, String region, Long enterpriseId, BigDecimal measure,
			BigDecimal threshold, String detailKey, List<String> detailArgs, String detail) {
	}

	/** The most characters one value of a detail keeps (a long list of waybills or names), "…" when cut. */
	static final int DETAIL_VALUE = 500;

	/**
	 * A finding whose detail is the bundle's {@code safety.alert.detail.<kind>} with {@code values} (each as text, at most
	 * {@link #DETAIL_VALUE} characters; a {@link List} value as its items, stored as {@link AlertDetails#storedList}
	 * keeps them so an item holding 、 stays one), its Chinese the key's Chinese with a list's items joined by 、.
	 */
	private Finding finding(AlertRule rule, String subject, String region, Long enterpriseId, BigDecimal measure,
			BigDecimal threshold, String kind, Object... values) {
		// stored as stored words keep a value (StoredWords: a day as its ISO text), cut to DETAIL_VALUE characters
		List<String> args = new ArrayList<>(values.length);
		List<Object> chinese = new ArrayList<>(values.length);
		for (Object value : values) {
			if (value instanceof List<?> list) {
				List<String> items = AlertDetails.fitting(list.stream().map(String::valueOf).toList(), DETAIL_VALUE);
				args.add(AlertDetails.storedList(items, DETAIL_VALUE));
				chinese.add(String.join(AlertDetails.LIST_SEPARATOR, items));
				continue;
			}
			String text = String.valueOf(StoredWords.text(value));
			text = text.length() > DETAIL_VALUE ? Text.start(text, DETAIL_VALUE) + "…" : text;
			args.add(text);
			// the Chinese detail from the stored value read back as every reader's is (a day as the day itself), so the
			// message source writes the day as a Chinese sentence does (2026年3月5日), by the one rule of every message
			chinese.add(StoredWords.argument(text));
		}
		String key = "safety.alert.detail." + kind;
		return new Finding(rule, subject, region, enterpriseId, measure, threshold, key, args,
				messages.getMessage(key, chinese.toArray(), Locale.SIMPLIFIED_CHINESE));
	}

	private final JdbcClient jdbc;

	private final ParcelFiles files;

	private final AlertSettings settings;

	private final WorkingCalendar calendar;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	private final StatutoryRules rules;

	private final MessageSource messages;

	AlertDetection(JdbcClient jdbc, ParcelFiles files, AlertSettings settings, WorkingCalendar calendar,
			ApplicationEventPublisher events, AuditTrail audit, Clock clock, StatutoryRules rules, MessageSource messages) {
		this.rules = rules;
		this.messages = messages;
		this.jdbc = jdbc;
		this.files = files;
		this.settings = settings;
		this.calendar = calendar;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The latest day the detection examines: yesterday, China time. A day still running has part of its parcels, and an
	 * alert is never raised twice for its rule, subject and day, so a count frozen at midday would stand uncorrected.
	 */
	public LocalDate latestDay() {
		return LocalDate.now(clock.withZone(ParcelRecord.CHINA)).minusDays(1);
	}

	/**
	 * Runs every rule for a day and raises the alerts not raised before whose region lies in {@code within}.
	 * @param day the China-time day of the parcels, at the latest {@link #latestDay() yesterday}
	 * @param within the region whose alerts to raise ("" for the country: the daily job)
	 * @return the number of new alerts
	 * @throws InvalidValueException (day, rule {@code not-over}) when the day is today or later: its parcels are not all in
	 */
	@Transactional
	public int detect(LocalDate day, RegionPrefix within) {
		LocalDate latest = latestDay();
		if (day.isAfter(latest)) {
			throw new InvalidValueException("day", "not-over", Wording.of("safety.refusal.detectDay", latest, day), "检测日期最迟为昨天（" + ChineseText.day(latest) + "）：" + ChineseText.day(day)
					+ "的收寄记录尚未报齐，按部分记录生成的预警此后不会更正");
		}
		List<Finding> findings = new ArrayList<>();
		findings.addAll(records(day));
		findings.addAll(outlets(day));
		findings.addAll(machines(day));
		findings.addAll(exemptShares(day));
		int raised = 0;
		for (Finding f : findings) {
			if (!within.contains(f.region())) {
				continue;
			}
			Long id = jdbc.sql("""
					INSERT INTO safety_alert (rule, subject, day, region_code, enterprise_id, measure, threshold, detail,
					    detail_key, detail_args, status, created_at)
					VALUES (:rule, :subject, :day, :region, :enterprise, :measure, :threshold, :detail, :detailKey,
					    :detailArgs, 'OPEN', :now)
					ON CONFLICT (rule, subject, day) DO NOTHING RETURNING id""")
				.param("rule", f.rule().name())
				.param("subject", f.subject())
				.param("day", day)
				.param("region", f.region())
				.param("enterprise", f.enterpriseId())
				.param("measure", f.measure())
				.param("threshold", f.threshold())
				.param("detail", f.detail().length() > 1000 ? f.detail().substring(0, 1000) : f.detail())
				.param("detailKey", f.detailKey())
				.param("detailArgs", f.detailArgs().toArray(String[]::new))
				.param("now", OffsetDateTime.now(clock))
				.query(Long.class)
				.optional()
				.orElse(null);
			if (id != null) {
				raised++;
				events.publishEvent(new SafetyAlertRaised(id, EnumWords.key(f.rule()), f.region(), day, f.detail(),
						f.detailKey(), f.detailArgs()));
			}
		}
		if (raised == 0) {
			log.info("Safety alerts for {} in '{}': {} findings, none new", day, within.code(), findings.size());
			return 0;
		}
		audit.record(AuditEntry.of("safety.alerts.detect", "SafetyAlertRun", day,
				"运行安全监管预警检测（" + ChineseText.day(day) + "，" + (within.code().isEmpty() ? "全国" : within.code()) + "）：发现"
						+ findings.size() + "项，新增预警" + raised + "条")
			.inRegion(within.code().isEmpty() ? "0" : within.code()));
		log.info("Safety alerts for {} in '{}': {} findings, {} new", day, within.code(), findings.size(), raised);
		return raised;
	}

	/** Rules (a), (b), (c) over the day's Parquet records. */
	List<Finding> records(LocalDate day) {
		if (!files.hasDay(day)) {
			return List.of();
		}
		List<Finding> out = new ArrayList<>();
		String records = files.readDay(day);
		try (Connection duck = files.duckdb()) {
			try (PreparedStatement q = duck.prepareStatement("SELECT sender_id_pseudonym AS p, "
					+ "count(DISTINCT enterprise_id) AS enterprises, count(*) AS parcels, " + REGIONS + ", "
					+ "string_agg(DISTINCT enterprise_id::VARCHAR, ',' ORDER BY enterprise_id::VARCHAR) AS ids FROM "
					+ records + " WHERE sender_id_pseudonym IS NOT NULL GROUP BY 1 HAVING count(DISTINCT enterprise_id) >= ?")) {
				q.setInt(1, settings.enterprisesPerPseudonym());
				try (ResultSet rs = q.executeQuery()) {
					while (rs.next()) {
						String p = rs.getString("p");
						int n = rs.getInt("enterprises");
						long parcels = rs.getLong("parcels");
						List<String> ids = nameList(rs.getString("ids"));
						for (String county : counties(rs)) {
							out.add(finding(AlertRule.PSEUDONYM_ENTERPRISES, p + "@" + county, county, null,
									BigDecimal.valueOf(n), BigDecimal.valueOf(settings.enterprisesPerPseudonym()),
									"pseudonymEnterprises", Pseudonyms.shorten(p), day, n, parcels, ids));
						}
					}
				}
			}
			try (PreparedStatement q = duck.prepareStatement("SELECT sender_id_pseudonym AS p, enterprise_id, "
					+ "count(*) AS parcels, " + REGIONS + " FROM " + records
					+ " WHERE sender_id_pseudonym IS NOT NULL GROUP BY 1, 2 HAVING count(*) > ?")) {
				q.setInt(1, settings.parcelsPerPseudonym());
				try (ResultSet rs = q.executeQuery()) {
					while (rs.next()) {
						String p = rs.getString("p");
						long enterprise = rs.getLong("enterprise_id");
						long parcels = rs.getLong("parcels");
						String name = name(Long.toString(enterprise));
						for (String county : counties(rs)) {
							out.add(finding(AlertRule.PSEUDONYM_VOLUME, p + "@" + enterprise + "@" + county, county,
									enterprise, BigDecimal.valueOf(parcels), BigDecimal.valueOf(settings.parcelsPerPseudonym()),
									"pseudonymVolume", Pseudonyms.shorten(p), day, name, parcels));
						}
					}
				}
			}
			out.addAll(couriers(duck, records, day));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("无法读取 " + ChineseText.day(day) + " 的收寄记录（Parquet）：" + ex.getMessage(), ex);
		}
		return out;
	}

	/**
	 * The counties a finding over records involves: every sender county of its records, comma-separated in
	 * {@code regions}. Each gets the alert (its own subject, suffixed {@code @county}), so every county bureau whose
	 * parcels or enterprises are involved sees it — not only the one of the smallest code.
	 */
	private static final String REGIONS = "string_agg(DISTINCT sender_region, ',' ORDER BY sender_region) AS regions";

	private static List<String> counties(ResultSet rs) throws SQLException {
		String regions = rs.getString("regions");
		return regions == null || regions.isEmpty() ? List.of() : List.of(regions.split(","));
	}

	/** Rule (c): the roster (PostgreSQL) copied into DuckDB and joined with the day's records. */
	private List<Finding> couriers(Connection duck, String records, LocalDate day) throws SQLException {
		record Courier(long enterpriseId, String courierId, String idPseudonym) {
		}
		List<Courier> roster = jdbc.sql("SELECT enterprise_id, courier_id, id_pseudonym FROM safety_courier")
			.query((rs, n) -> new Courier(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		if (roster.isEmpty()) {
			return List.of();
		}
		try (Statement s = duck.createStatement()) {
			s.execute("CREATE TEMP TABLE roster (enterprise_id BIGINT, courier_id VARCHAR, id_pseudonym VARCHAR)");
		}
		try (PreparedStatement insert = duck.prepareStatement("INSERT INTO roster VALUES (?, ?, ?)")) {
			for (Courier c : roster) {
				insert.setLong(1, c.enterpriseId());
				insert.setString(2, c.courierId());
				insert.setString(3, c.idPseudonym());
				insert.addBatch();
			}
			insert.executeBatch();
		}
		List<Finding> out = new ArrayList<>();
		try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT r.enterprise_id, r.courier_id, "
				+ "count(*) AS parcels, string_agg(DISTINCT p.sender_region, ',' ORDER BY p.sender_region) AS regions, "
				+ "string_agg(p.waybill_number, chr(31) ORDER BY p.waybill_number) AS waybills FROM " + records
				+ " p JOIN roster r ON r.enterprise_id = p.enterprise_id AND upper(r.courier_id) = upper(p.courier_id) "
				+ "AND r.id_pseudonym = p.sender_id_pseudonym GROUP BY 1, 2")) {
			while (rs.next()) {
				long enterprise = rs.getLong("enterprise_id");
				String courier = rs.getString("courier_id");
				long parcels = rs.getLong("parcels");
				String name = name(Long.toString(enterprise));
				// one item per waybill, split at the unit separator no waybill number holds
				List<String> waybills = Arrays.asList(rs.getString("waybills").split("\u001F"));
				for (String county : counties(rs)) {
					out.add(finding(AlertRule.COURIER_SELF, enterprise + ":" + courier + "@" + county, county, enterprise,
							BigDecimal.valueOf(parcels), BigDecimal.ONE, "courierSelf", name, courier, day, parcels, waybills));
				}
			}
		}
		return out;
	}

	/**
	 * Rule (d) from the rollups: outlets below the real-name threshold with enough subject parcels, and — judged by the
	 * same threshold — each enterprise's parcels naming no outlet (its 未注明网点 group), per sender county: each county's
	 * alert (subject {@code <credit code>（未注明网点）@<county>}) carries that county's own figures, and the minimum of
	 * subject parcels applies to each county's group, so one county is never flagged for another's parcels.
	 */
	List<Finding> outlets(LocalDate day) {
		List<Finding> out = new ArrayList<>(belowRealNameRate("""
				SELECT g.enterprise_id, g.outlet, g.subject, g.real_name, coalesce(o.region_code, g.region) AS region,
				    o.name AS outlet_name
				FROM (SELECT h.enterprise_id, h.outlet_filing_number AS outlet, sum(h.parcels - h.exempt) AS subject,
				          sum(h.real_name) AS real_name, min(h.sender_region) AS region
				      FROM safety_parcel_day h
				      WHERE h.day = :day AND h.outlet_filing_number <> ''
				      GROUP BY h.enterprise_id, h.outlet_filing_number) g
				LEFT JOIN outlet_name o ON o.filing_number = g.outlet
				WHERE g.subject >= :min AND g.real_name * 100.0 < :threshold * g.subject
				ORDER BY g.outlet""", day)
			.query((rs, n) -> {
				long subject = rs.getLong("subject");
				long realName = rs.getLong("real_name");
				BigDecimal rate = rateBelow(realName, subject);
				String name = rs.getString("outlet_name");
				return finding(AlertRule.OUTLET_REAL_NAME, rs.getString("outlet"), rs.getString("region"),
						rs.getLong("enterprise_id"), rate, settings.outletRealNameRate(), "outletRealName",
						name == null ? "" : name + " ", rs.getString("outlet"), day, rate.toPlainString(), subject, realName);
			})
			.list());
		belowRealNameRate("""
				SELECT g.enterprise_id, g.county, g.subject, g.real_name, e.credit_code, e.legal_name
				FROM (SELECT h.enterprise_id, h.sender_region AS county, sum(h.parcels - h.exempt) AS subject,
				          sum(h.real_name) AS real_name
				      FROM safety_parcel_day h
				      WHERE h.day = :day AND h.outlet_filing_number = ''
				      GROUP BY h.enterprise_id, h.sender_region) g
				LEFT JOIN enterprise_name e ON e.id = g.enterprise_id
				WHERE g.subject >= :min AND g.real_name * 100.0 < :threshold * g.subject
				ORDER BY g.enterprise_id, g.county""", day)
			.query((RowCallbackHandler) rs -> {
				long subject = rs.getLong("subject");
				long realName = rs.getLong("real_name");
				BigDecimal rate = rateBelow(realName, subject);
				long enterprise = rs.getLong("enterprise_id");
				String code = rs.getString("credit_code") == null ? unnamed(enterprise) : Text.strip(rs.getString("credit_code"));
				String county = rs.getString("county");
				out.add(finding(AlertRule.OUTLET_REAL_NAME, code + NO_OUTLET + "@" + county, county, enterprise,
						rate, settings.outletRealNameRate(), "noOutletRealName",
						rs.getString("legal_name") == null ? code : rs.getString("legal_name"), day, rate.toPlainString(),
						subject, realName));
			});
		return out;
	}

	/** A rule (d) query for the day, bound to the threshold and the least subject parcels ({@code :min}, {@code :threshold}). */
	private JdbcClient.StatementSpec belowRealNameRate(String sql, LocalDate day) {
		return jdbc.sql(sql)
			.param("day", day)
			.param("min", settings.outletMinSubject())
			.param("threshold", settings.outletRealNameRate());
	}

	/** The subject's mark of an enterprise's parcels naming no outlet, judged by rule (d) as one group. */
	static final String NO_OUTLET = "（未注明网点）";

	/**
	 * A real-name rate below the threshold as its alert states it: in percent with 2 decimals, rounded down, so the
	 * figure shown is below the threshold as the exact rate compared is (1899/1999 = 94.997 % reads 94.99 %, never 95.00 %).
	 */
	static BigDecimal rateBelow(long realName, long subject) {
		return Percentages.rate(realName, subject, 2);
	}

	/** A share above its bound as its alert states it: 2 decimals rounded up, so it reads above the bound as compared. */
	static BigDecimal shareAbove(long part, long whole) {
		return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.UP);
	}

	/**
	 * Rule (e) from the registry and {@code safety_machine_day}: on a working day, machines in service (commissioned by
	 * then) with no parcels screened on them — by records of any enterprise naming the serial —, once the day's records
	 * have arrived for the machine: its owner's, or any enterprise's parcels accepted in the machine's county (the county
	 * of its registered place, which may be a township's code; a machine placed at city level, in any of its counties). The
	 * owner's own uploads are not required: an enterprise that uploads nothing (or whose parcels other enterprises'
	 * records carry) does not take its machines out of the rule; before any record of the county arrives, a machine is
	 * not judged.
	 */
	List<Finding> machines(LocalDate day) {
		if (!calendar.isWorkingDay(day)) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT m.serial_number, m.name, m.enterprise_id, m.region_code
				FROM screening_machine m
				WHERE m.status = 'IN_SERVICE' AND (m.commissioned_on IS NULL OR m.commissioned_on <= :day)
				  AND (EXISTS (SELECT 1 FROM safety_parcel_day h WHERE h.enterprise_id = m.enterprise_id
				               AND h.day = :day)
				       OR EXISTS (SELECT 1 FROM safety_parcel_day h
				               WHERE h.sender_region LIKE substr(m.region_code, 1, 6) || '%' AND h.day = :day))
				  AND NOT EXISTS (SELECT 1 FROM safety_machine_day d WHERE d.day = :day
				                  AND d.machine_serial = m.serial_number AND d.parcels > 0)
				ORDER BY m.serial_number""")
			.param("day", day)
			.query((rs, n) -> finding(AlertRule.MACHINE_IDLE, rs.getString("serial_number"), rs.getString("region_code"),
					rs.getLong("enterprise_id"), BigDecimal.ZERO, BigDecimal.ZERO, "machineIdle", rs.getString("name"),
					rs.getString("serial_number"), day))
			.list();
	}

	/**
	 * Rule (f) from the rollups: per outlet, and per enterprise and sender county for its parcels naming no outlet (each
	 * county's group with its own figures and minimum, as rule (d)'s), the day's exempt share (协议客户 and 信件 parcels ÷ parcels, both exemptions the
	 * enterprise's own declaration) above the threshold of the finding's region in the rule catalogue
	 * ({@link StatutoryRule#SAFETY_EXEMPT_SHARE_MAX}, percent) with at least
	 * {@link StatutoryRule#SAFETY_EXEMPT_SHARE_MIN_PARCELS} parcels.
	 */
	List<Finding> exemptShares(LocalDate day) {
		record Group(long enterpriseId, String outlet, long parcels, long exempt, String regions, String name,
				String creditCode) {
		}
		List<Group> groups = jdbc.sql("""
				SELECT g.enterprise_id, g.outlet, g.parcels, g.exempt,
				    CASE WHEN g.outlet = '' THEN g.regions ELSE coalesce(o.region_code, g.first_region) END AS regions,
				    CASE WHEN g.outlet = '' THEN e.legal_name ELSE o.name END AS name, e.credit_code
				FROM (SELECT h.enterprise_id, h.outlet_filing_number AS outlet, sum(h.parcels) AS parcels,
				          sum(h.exempt) AS exempt, min(h.sender_region) AS first_region,
				          string_agg(DISTINCT h.sender_region, ',' ORDER BY h.sender_region) AS regions
				      FROM safety_parcel_day h WHERE h.day = :day
				      -- parcels naming no outlet: one group per sender county, its own figures and minimum
				      GROUP BY h.enterprise_id, h.outlet_filing_number,
				          CASE WHEN h.outlet_filing_number = '' THEN h.sender_region ELSE '' END) g
				LEFT JOIN outlet_name o ON o.filing_number = g.outlet AND g.outlet <> ''
				LEFT JOIN enterprise_name e ON e.id = g.enterprise_id
				WHERE g.exempt > 0 AND g.parcels >= 1
				ORDER BY g.enterprise_id, g.outlet""")
			.param("day", day)
			.query((rs, n) -> new Group(rs.getLong("enterprise_id"), rs.getString("outlet"), rs.getLong("parcels"),
					rs.getLong("exempt"), rs.getString("regions"), rs.getString("name"), rs.getString("credit_code")))
			.list();
		Map<String, BigDecimal[]> bounds = new java.util.HashMap<>();
		List<Finding> out = new ArrayList<>();
		for (Group g : groups) {
			BigDecimal share = shareAbove(g.exempt(), g.parcels());
			for (String county : g.regions().split(",")) {
				BigDecimal[] bound = bounds.computeIfAbsent(county, r -> new BigDecimal[] {
						rules.value(StatutoryRule.SAFETY_EXEMPT_SHARE_MAX, r),
						rules.value(StatutoryRule.SAFETY_EXEMPT_SHARE_MIN_PARCELS, r) });
				if (g.parcels() < bound[1].longValue()
						|| BigDecimal.valueOf(g.exempt() * 100).compareTo(bound[0].multiply(BigDecimal.valueOf(g.parcels()))) <= 0) {
					continue;
				}
				boolean noOutlet = g.outlet().isEmpty();
				String code = g.creditCode() == null ? unnamed(g.enterpriseId()) : Text.strip(g.creditCode());
				Object who = noOutlet ? g.name() == null ? code : g.name() : g.name() == null ? "" : g.name() + " ";
				out.add(noOutlet
						? finding(AlertRule.EXEMPT_SHARE, code + NO_OUTLET + "@" + county, county, g.enterpriseId(), share,
								bound[0], "noOutletExemptShare", who, day, share.toPlainString(), g.parcels(), g.exempt())
						: finding(AlertRule.EXEMPT_SHARE, g.outlet(), county, g.enterpriseId(), share, bound[0],
								"outletExemptShare", who, g.outlet(), day, share.toPlainString(), g.parcels(), g.exempt()));
				if (!noOutlet) {
					break;
				}
			}
		}
		return out;
	}

	/**
	 * A rule's threshold as its page shows it in a region: the settings' for rules (a)–(e), the rule catalogue's values
	 * of the region for rule (f).
	 * @param regionCode the viewer's region (null or empty: the national value)
	 */
	public String threshold(AlertRule rule, String regionCode) {
		if (rule != AlertRule.EXEMPT_SHARE) {
			return settings.describe(rule);
		}
		String region = regionCode == null || regionCode.isEmpty() ? StatutoryRule.NATIONAL_REGION : regionCode;
		return "日豁免件占比 > " + rules.stated(StatutoryRule.SAFETY_EXEMPT_SHARE_MAX, region) + "（收寄 ≥ "
				+ rules.value(StatutoryRule.SAFETY_EXEMPT_SHARE_MIN_PARCELS, region).toPlainString()
				+ " 件；规则目录“" + StatutoryRule.SAFETY_EXEMPT_SHARE_MAX.title() + "”，各局可设）";
	}

	/** An enterprise the registry does not name, in Chinese: the bundle's {@link AlertDetails#UNNAMED_ENTERPRISE_KEY}. */
	private String unnamed(long id) {
		return messages.getMessage(AlertDetails.UNNAMED_ENTERPRISE_KEY, new Object[] { String.valueOf(id) }, Locale.SIMPLIFIED_CHINESE);
	}

	/** The registry name of an enterprise id (企业 and the id where none is registered, {@link #unnamed}). */
	private String name(String id) {
		return String.join(AlertDetails.LIST_SEPARATOR, nameList(id));
	}

	/**
	 * The registry names of comma-separated enterprise ids, one item each (企业 and the id where none is registered,
	 * {@link #unnamed}): a name holding 、 stays one item.
	 */
	private List<String> nameList(String ids) {
		List<Long> list = Arrays.stream(ids.split(",")).map(Text::strip).map(Long::valueOf).toList();
		Map<Long, String> names = jdbc.sql("SELECT id, legal_name FROM enterprise_name WHERE id IN (:ids)")
			.param("ids", list)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return list.stream().map(id -> names.getOrDefault(id, unnamed(id))).toList();
	}
}
