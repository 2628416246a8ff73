package org.youguan.safety.internal.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.youguan.kernel.Masking;
import org.youguan.kernel.Text;
import org.youguan.safety.internal.CourierIds;
import org.youguan.safety.internal.IdNumbers;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.SenderIdType;
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
	 *        letters, digits, '-' or '_' (kept upper-cased, as the records keep it)
	 * @param idType the courier's identity document, a personal {@link SenderIdType} by name or code; null or blank:
	 *        居民身份证
	 * @param idNumber the courier's ID number in clear (over TLS), read and checked as the parcel records'
	 *        {@code senderIdNumber} is, by the same code ({@link IdNumbers}): spaces, hyphens and full-width forms do not
	 *        matter; an 18-character number with a valid GB 11643-1999 check character and birth date for the
	 *        resident-ID types; for the others 1–40 letters or digits that are neither a resident ID number (alone or
	 *        with something added) nor a mobile number
	 */
	public record Entry(String courierId, String idType, String idNumber) {

		/** A line with a 居民身份证 number. */
		public Entry(String courierId, String idNumber) {
			this(courierId, null, idNumber);
		}
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
	 * @throws InvalidValueException listing every bad line ({@code 第N行} on courierId, idType or idNumber) — every line
	 *         is checked first and nothing is saved when one is bad; a courier listed twice (its ids compared
	 *         case-insensitively, k001 is K001) is rule {@code unique} on the later line naming the earlier
	 */
	@Transactional
	public int register(long enterpriseId, List<Entry> entries) {
		List<FieldError> errors = new ArrayList<>();
		Map<String, String> byCourier = new LinkedHashMap<>();
		Map<String, Integer> firstLine = new HashMap<>();
		if (entries == null || entries.isEmpty()) {
			throw new InvalidValueException("couriers", "required", "请提交至少一名快递员（courierId、idNumber）");
		}
		LocalDate today = LocalDate.now(clock.withZone(ParcelRecord.CHINA));
		for (int i = 0; i < entries.size(); i++) {
			Entry e = entries.get(i);
			String line = "第" + (i + 1) + "行";
			// one courier whatever the case it is typed in, as on the parcel records (k001 is K001)
			String courier = e == null || CourierIds.kept(e.courierId()) == null ? "" : CourierIds.kept(e.courierId());
			String typeText = e == null || e.idType() == null || Text.isBlank(e.idType()) ? null : Text.strip(e.idType());
			SenderIdType type = typeText == null ? SenderIdType.RESIDENT_ID : SenderIdType.parse(typeText);
			String raw = e == null || e.idNumber() == null ? "" : e.idNumber();
			int before = errors.size();
			if (!CourierIds.wellFormed(courier)) {
				errors.add(new FieldError("courierId", "format", line + "：" + CourierIds.RULE));
			}
			else if (Masking.holdsPersonalNumber(courier)) {
				// as on the parcel records, which refuse such a courierId: it would be kept and shown in the clear
				errors.add(new FieldError("courierId", "personal-number", line + "：快递员编号（courierId）不得使用身份证号码或手机号码（请用企业内部工号）"));
			}
			if (type == null || type == SenderIdType.CREDIT_CODE) {
				errors.add(new FieldError("idType", "unknown", line + "：证件类型（idType）应为快递员本人的身份证件类型（如居民身份证）"));
			}
			else if (Text.isBlank(raw)) {
				errors.add(new FieldError("idNumber", "required", line + "：证件号码（idNumber）不能为空"));
			}
			else {
				// read and checked as a parcel record's senderIdNumber, by the same code: one document, one pseudonym
				IdNumbers.Refusal refusal = IdNumbers.refusal(type, IdNumbers.normalise(raw), today);
				if (refusal != null) {
					errors.add(new FieldError("idNumber", refusal.rule(), line + "：证件号码（idNumber）" + refusal.reason()));
				}
			}
			Integer twin = courier.isEmpty() ? null : firstLine.putIfAbsent(courier, i + 1);
			if (twin != null) {
				// the later line silently replaced the earlier: which of the two numbers is the courier's is the sender's
				errors.add(new FieldError("courierId", "unique", line + "：快递员" + courier + "与第" + twin
						+ "行是同一快递员（编号不分大小写），同一快递员只能报送一次"));
			}
			if (errors.size() == before) {
				byCourier.put(courier, pseudonyms.of(raw));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		// a line saved before courier ids were upper-cased (k001) is the same courier: replaced, not kept beside
		byCourier.keySet().forEach(courier -> jdbc.sql("""
				DELETE FROM safety_courier WHERE enterprise_id = :enterprise AND upper(courier_id) = :courier
				    AND courier_id <> :courier""")
			.param("enterprise", enterpriseId)
			.param("courier", courier)
			.update());
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
			.param("c", CourierIds.kept(courierId))
			.query(String.class)
			.optional()
			.orElse(null);
	}
}
