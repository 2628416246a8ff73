package org.youguan.safety.internal.alerts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.safety.internal.Pseudonyms;

/**
 * The enterprises' courier rosters (快递员名册) for the rule "couriers shipping to themselves": each courier's ID number
 * is pseudonymised on arrival with the same key as the parcel records' sender numbers ({@link Pseudonyms}) and only the
 * pseudonym is kept — the clear number is never stored, logged or returned.
 */
@Service
public class Couriers {

	/**
	 * One roster line as the enterprise sends it.
	 * @param courierId the enterprise's identifier of the courier, as on its parcel records ({@code courierId}), 1–40
	 *        letters, digits, '-' or '_'
	 * @param idNumber the courier's ID number in clear (over TLS), 1–40 characters
	 */
	public record Entry(String courierId, String idNumber) {
	}

	private final JdbcClient jdbc;

	private final Pseudonyms pseudonyms;

	private final AuditTrail audit;

	private final Clock clock;

	Couriers(JdbcClient jdbc, Pseudonyms pseudonyms, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.pseudonyms = pseudonyms;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Adds or replaces couriers of an enterprise's roster, all or nothing.
	 * @param enterpriseId the enterprise (from the caller's token)
	 * @return how many couriers were saved
	 * @throws InvalidValueException listing every bad line ({@code line N courierId|idNumber}) — nothing is saved
	 */
	@Transactional
	public int register(long enterpriseId, List<Entry> entries) {
		List<FieldError> errors = new ArrayList<>();
		Map<String, String> byCourier = new LinkedHashMap<>();
		if (entries == null || entries.isEmpty()) {
			throw new InvalidValueException("couriers", "required", "请提交至少一名快递员（courierId、idNumber）");
		}
		for (int i = 0; i < entries.size(); i++) {
			Entry e = entries.get(i);
			String line = "第" + (i + 1) + "行";
			String courier = e == null || e.courierId() == null ? "" : e.courierId().strip();
			String id = e == null || e.idNumber() == null ? "" : e.idNumber().strip();
			if (!courier.matches("[A-Za-z0-9_-]{1,40}")) {
				errors.add(new FieldError("courierId", "format", line + "：快递员编号（courierId）须为1至40位字母、数字、'-'或'_'"));
			}
			if (id.isEmpty() || id.length() > 40) {
				errors.add(new FieldError("idNumber", "required", line + "：证件号码（idNumber）必填，不超过40个字符"));
			}
			if (errors.isEmpty()) {
				byCourier.put(courier, pseudonyms.of(id));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		byCourier.forEach((courier, pseudonym) -> jdbc.sql("""
				INSERT INTO safety_courier (enterprise_id, courier_id, id_pseudonym, updated_at)
				VALUES (:enterprise, :courier, :pseudonym, :now)
				ON CONFLICT (enterprise_id, courier_id) DO UPDATE SET id_pseudonym = EXCLUDED.id_pseudonym,
				    updated_at = EXCLUDED.updated_at""")
			.param("enterprise", enterpriseId)
			.param("courier", courier)
			.param("pseudonym", pseudonym)
			.param("now", now)
			.update());
		audit.record(AuditEntry.of("safety.couriers.register", "SafetyCourierRoster", enterpriseId,
				"报送快递员名册：" + byCourier.size() + "名（证件号码已假名化）"));
		return byCourier.size();
	}

	/** The pseudonym on the roster of an enterprise's courier, or null (tests and the rule's page). */
	public String pseudonymOf(long enterpriseId, String courierId) {
		return jdbc.sql("SELECT id_pseudonym FROM safety_courier WHERE enterprise_id = :e AND courier_id = :c")
			.param("e", enterpriseId)
			.param("c", courierId)
			.query(String.class)
			.optional()
			.orElse(null);
	}
}
