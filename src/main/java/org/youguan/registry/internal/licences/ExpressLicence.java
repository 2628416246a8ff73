package org.youguan.registry.internal.licences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Wording;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceStatus;
import org.youguan.rules.StatutoryRule;

/**
 * An express business licence (快递业务经营许可证) as a record. Expiry is a matter of dates; cancellation (注销) and
 * revocation (吊销) are events that only an active licence can undergo.
 */
@Table("express_licence")
public class ExpressLicence {

	/** The recorded state; validity and expiry are derived from the dates ({@link #status}). */
	public enum State {

		ACTIVE, CANCELLED, REVOKED

	}

	@Id
	private Long id;

	private String number;

	private Long enterpriseId;

	private LicenceScope scope;

	private String issuingBureauName;

	private String issuingRegionCode;

	private LocalDate issuedOn;

	private LocalDate expiresOn;

	private State state;

	private String stateReason;

	/** The day a renewal of this licence was accepted while undecided ({@code RenewalAccepted}), else null. */
	private LocalDate renewalAcceptedOn;

	private String regionCode;

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	ExpressLicence() {
	}

	/** A newly recorded licence (not yet saved), scoped to the holding enterprise's region. */
	public static ExpressLicence record(LicenceData data, String enterpriseRegion, boolean demo, Instant now) {
		ExpressLicence l = new ExpressLicence();
		l.enterpriseId = data.enterpriseId();
		l.regionCode = enterpriseRegion;
		l.apply(data);
		l.state = State.ACTIVE;
		l.demo = demo;
		l.createdAt = now;
		return l;
	}

	/**
	 * Corrects what was entered wrongly; the holder, region and state stay. An ended licence keeps the record it ended
	 * with (409): the decision that cancelled or revoked it named that licence.
	 */
	public void correct(LicenceData data) {
		requireActive("更正登记信息");
		apply(data);
	}

	private void apply(LicenceData data) {
		number = data.number();
		scope = data.scope();
		issuingBureauName = data.issuingBureauName();
		issuingRegionCode = data.issuingRegionCode();
		issuedOn = data.issuedOn();
		expiresOn = data.expiresOn();
	}

	/**
	 * The years of a licence's term the registry's status reads ({@link #status}, {@code Licences.STATUS_SQL}): the
	 * statutory validity ({@link StatutoryRule#LICENCE_VALIDITY}, 5 years, 快递业务经营许可管理办法(2019)), which the rule
	 * catalogue keeps at the law's figure in every region (a bureau can neither shorten nor lengthen it), so a list's SQL
	 * can state it.
	 */
	public static final int TERM_YEARS = StatutoryRule.LICENCE_VALIDITY.defaultValue().intValue();

	/**
	 * The status shown: cancelled or revoked as recorded, else valid until the expiry date and expired after it — unless
	 * a renewal accepted in the current term ({@code renewalAcceptedOn}, null if none: from {@link #termStarts} to the
	 * expiry date) is still undecided, which counts as granted (视为准予延续, 行政许可法(2019) art.50). An acceptance
	 * dated before the current term renewed an earlier one and counts for nothing here.
	 * @param issuedOn the day of issue (null: unknown, the term is read from the expiry alone)
	 * @param today China's date
	 */
	public static LicenceStatus status(State state, LocalDate issuedOn, LocalDate expiresOn, LocalDate renewalAcceptedOn,
			LocalDate today) {
		return switch (state) {
			case CANCELLED -> LicenceStatus.CANCELLED;
			case REVOKED -> LicenceStatus.REVOKED;
			case ACTIVE -> !expiresOn.isBefore(today) || renewalAcceptedOn != null && !renewalAcceptedOn.isAfter(expiresOn)
					&& !renewalAcceptedOn.isBefore(termStarts(issuedOn, expiresOn, TERM_YEARS))
					? LicenceStatus.VALID : LicenceStatus.EXPIRED;
		};
	}

	/**
	 * The first day of the current term of a licence valid until {@code expiresOn}: the day after the expiry, the
	 * validity earlier (the day after the previous term ended, for a renewed licence), or the day of issue when that is
	 * later (a licence recorded with a shorter term, or with its renewed issue day). The inverse of
	 * {@code Licences.lastValidDay}.
	 * @param issuedOn the day of issue (null: unknown)
	 * @param expiresOn the last valid day
	 * @param validityYears the term in years ({@link StatutoryRule#LICENCE_VALIDITY})
	 * @return the first day an acceptance of this term's renewal can be dated
	 */
	public static LocalDate termStarts(LocalDate issuedOn, LocalDate expiresOn, int validityYears) {
		LocalDate afterPrevious = expiresOn.plusDays(1).minusYears(validityYears);
		return issuedOn != null && issuedOn.isAfter(afterPrevious) ? issuedOn : afterPrevious;
	}

	/**
	 * Forgets the renewal acceptance recorded ({@code renewalAcceptedOn}) when it is dated before {@code termStarts},
	 * the first day of the licence's current term: it renewed an earlier term, and kept on it would hold the licence
	 * 有效 past its expiry for ever (视为准予延续 belongs to the term the renewal was accepted in).
	 */
	public void forgetRenewalAcceptedBefore(LocalDate termStarts) {
		if (renewalAcceptedOn != null && renewalAcceptedOn.isBefore(termStarts)) {
			renewalAcceptedOn = null;
		}
	}

	/** 注销: expired, the legal person ended, no operation for six months, or business stopped. */
	public void cancel(String reason) {
		requireActive("注销");
		state = State.CANCELLED;
		stateReason = reason;
	}

	/** 吊销: an administrative penalty. */
	public void revoke(String reason) {
		requireActive("吊销");
		state = State.REVOKED;
		stateReason = reason;
	}

	/**
	 * 吊销 lifted: the penalty decision that revoked the licence was annulled or changed to another penalty (行政复议,
	 * 行政诉讼, the bureau's own correction). The licence returns to the state it had before — active, so valid until its
	 * expiry date and expired after it ({@link #status}).
	 * @throws DomainException illegal transition (409) for a licence that is not revoked
	 */
	public void restore() {
		if (state != State.REVOKED) {
			throw DomainException.illegalTransition(Wording.of("refusal.registry.licenceNotRevoked"), "许可证未被吊销，无需恢复");
		}
		state = State.ACTIVE;
		stateReason = null;
	}

	/** The status shown on {@code today} ({@link #status(State, LocalDate, LocalDate, LocalDate, LocalDate)}). */
	public LicenceStatus status(LocalDate today) {
		return status(state, issuedOn, expiresOn, renewalAcceptedOn, today);
	}

	/** The day a renewal of this licence was accepted while undecided, or null ({@link #forgetRenewalAcceptedBefore}). */
	public LocalDate renewalAcceptedOn() {
		return renewalAcceptedOn;
	}

	/**
	 * Refuses (409) to {@code what} ("注销", "更正登记信息") a licence cancelled or revoked.
	 * @throws DomainException illegal transition: "许可证已注销，不能再更正登记信息"
	 */
	public void requireActive(String what) {
		if (state != State.ACTIVE) {
			String ended = state == State.CANCELLED ? "注销" : "吊销";
			throw DomainException.illegalTransition(Wording.of("registry.refusal.licenceEndedStep", ended, what),
					"许可证已" + ended + "，不能再" + what);
		}
	}

	/** The database id (null until first saved). */
	public Long id() {
		return id;
	}

	/** The licence number. */
	public String number() {
		return number;
	}

	/** The business scope, which decides the issuing authority (邮政法(2015) art.53). */
	public LicenceScope scope() {
		return scope;
	}

	/** The day of issue. */
	public LocalDate issuedOn() {
		return issuedOn;
	}

	/** The last valid day. */
	public LocalDate expiresOn() {
		return expiresOn;
	}

	/** Whether neither cancelled nor revoked. */
	public boolean active() {
		return state == State.ACTIVE;
	}

	/** The administrative region code the entry is scoped by. */
	public String regionCode() {
		return regionCode;
	}

	/** The id of the enterprise it belongs to. */
	public long enterpriseId() {
		return enterpriseId;
	}

	/** The fields the audit trail records as the before and after states of a change. */
	public Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("number", number);
		m.put("enterpriseId", enterpriseId);
		m.put("scope", scope);
		m.put("issuingBureauName", issuingBureauName);
		m.put("issuedOn", issuedOn.toString());
		m.put("expiresOn", expiresOn.toString());
		m.put("state", state);
		m.put("stateReason", stateReason);
		return m;
	}
}
