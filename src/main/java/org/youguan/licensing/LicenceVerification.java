package org.youguan.licensing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.stereotype.Service;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.PublicTally;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;
import org.youguan.rules.Provision;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The public verification of an e-licence by its number and the verification code printed on the certificate (and
 * held by its QR code). The status is the registry's (revoked, cancelled, expired reported as such); no personal data
 * is shown — the holder's name, the scope and the validity only.
 */
@Service
public class LicenceVerification {

	/**
	 * What the verify page and API answer (stable contract of {@code GET /api/v1/public/licences/verify}).
	 * @param valid whether the number and code belong together and the licence is in force today
	 * @param enterprise the holder's name (null when the number and code do not match)
	 * @param scope the business scope (同城, 省内, 跨省, 国际)
	 * @param status VALID, EXPIRED, REVOKED, CANCELLED, REPLACED for the code of a certificate a later one replaced
	 * (已换发, the old certificate void: {@link #REPLACED}), or UNKNOWN when the number and code do not match
	 * @param statusLabel the status in Chinese
	 * @param statusWording the status as a bundle key with its values (not in the API's JSON): the page words
	 *        {@code statusLabel} by it in the reader's language, its values (a day) written as in English
	 * @param scopeKind the business scope as a choice (not in the JSON), which the page words in the reader's language
	 */
	public record Result(boolean valid, String enterprise, String scope, LocalDate validFrom, LocalDate validUntil,
			String status, String statusLabel, String number, @JsonIgnore Wording statusWording,
			@JsonIgnore LicenceScope scopeKind) {

		static Result unknown(String number) {
			return new Result(false, null, null, null, null, "UNKNOWN", "未查到与该编号和验证码相符的许可证", number,
					Wording.of("licensing.verify.unknown"), null);
		}

		/** A licence's status as a choice: its label and the bundle's {@code enum.LicenceStatus.*} key. */
		static Result of(boolean valid, String enterprise, LicenceScope scope, LocalDate validFrom, LocalDate validUntil,
				LicenceStatus status, String number) {
			return new Result(valid, enterprise, scope.label(), validFrom, validUntil, status.name(), status.label(), number,
					Wording.of("enum.LicenceStatus." + status.name()), scope);
		}
	}

	/**
	 * The status of a certificate replaced by a later one of the same licence (换发 on an approved change, renewal or
	 * branch, each certificate with a code of its own): the old certificate is void, its code no longer verifies.
	 */
	public static final String REPLACED = "REPLACED";

	private final LicenceApplications applications;

	private final Licences licences;

	private final Clock clock;

	/** A failed verification counted by the licence number as typed and normalised, whatever address asked. */
	static final String FAILED_NUMBER = "licence-number";

	/** A failed verification counted by the client address. */
	static final String FAILED_FROM = "licence-address";

	private final PublicTally tally;

	private final StatutoryRules rules;

	LicenceVerification(LicenceApplications applications, Licences licences, Clock clock, PublicTally tally,
			StatutoryRules rules) {
		this.applications = applications;
		this.licences = licences;
		this.clock = clock;
		this.tally = tally;
		this.rules = rules;
	}

	/**
	 * {@link #verify(String, String)} asked by the public from client address {@code address}, under the hourly limits of
	 * failed verifications the complaint status look-up keeps (rule catalogue, national values): the address's
	 * ({@code licence.verify-failures-per-address}, default 100 — trying number after number) and the number's own
	 * ({@code licence.verify-failures}, default 10, whatever address asks). Past the address's limit every verification
	 * from it is refused before anything is looked up; a wrong code past the number's limit is refused instead of
	 * answered — the right code is still answered, so others' guesses never hide a licence from its holder's customers.
	 * An unknown number counts as a wrong code does, so 429 never tells which numbers exist.
	 * A blank number or code is no guess: refused (400) before anything is looked up or counted — the one check of the
	 * verify page and API alike.
	 * @param address the client address ({@code request.getRemoteAddr()}); null: not limited (internal callers)
	 * @throws DomainException 400 ({@link ErrorCode#INVALID_VALUE}, rule {@code required}: field {@code number}
	 * "许可证编号不能为空", {@code code} "验证码不能为空"); 429 ({@link ErrorCode#TOO_MANY_REQUESTS}, field {@code code},
	 * rule {@code lookup-limit}, {@link PublicTally#lookupLimit})
	 */
	public Result verify(String number, String code, String address) {
		new Validation().required("number", "许可证编号", number).required("code", "验证码", code).throwIfInvalid();
		if (address == null) {
			return verify(number, code);
		}
		int perAddress = rules.intValue(StatutoryRule.LICENCE_VERIFY_FAILURES_PER_ADDRESS, StatutoryRule.NATIONAL_REGION);
		PublicTally.Limit fromAddress = new PublicTally.Limit(FAILED_FROM, address, perAddress);
		if (tally.recent(FAILED_FROM, address) >= perAddress) {
			throw tooMany("您所在网络的许可证核验失败次数过多（每小时最多" + perAddress + "次）",
					Wording.of("licensing.refusal.verifyLimitAddress", perAddress), tally.retryAfter(fromAddress));
		}
		Result result = verify(number, code);
		if ("UNKNOWN".equals(result.status())) {
			int perNumber = rules.intValue(StatutoryRule.LICENCE_VERIFY_FAILURES, StatutoryRule.NATIONAL_REGION);
			// counted against the number and the address together, or (either at its limit) not at all
			PublicTally.Limit forNumber = new PublicTally.Limit(FAILED_NUMBER, result.number(), perNumber);
			if (tally.reserve(forNumber, fromAddress).isEmpty()) {
				throw tooMany("该许可证编号或您所在网络的核验失败次数过多（同一编号每小时最多" + perNumber + "次）",
						Wording.of("licensing.refusal.verifyLimitNumber", perNumber), tally.retryAfter(forNumber, fromAddress));
			}
		}
		return result;
	}

	/** 429 on {@code code} saying {@code why} ({@code words} its key), Retry-After when the hour frees a verification. */
	private static DomainException tooMany(String why, Wording words, Duration retryAfter) {
		return PublicTally.lookupLimit("code", words, why + "，请一小时后再试；请核对许可证上印制的验证码", retryAfter);
	}

	/**
	 * Verifies licence {@code number} against {@code code} (compared in constant time, case-insensitively). The number
	 * is read as {@link Text#identifier} writes it (full-width digits, other dashes, an automatic number's missing
	 * padding), as the licence and its certificates are stored: the same number typed another way finds the same
	 * licence and its status in the registry.
	 * Only the licence's latest certificate verifies: the code of one it replaced answers {@link #REPLACED}, not valid.
	 * @return the licence as the public may see it, or {@link Result#unknown} when they do not match
	 */
	public Result verify(String number, String code) {
		String n = Objects.requireNonNullElse(Text.identifier(number), "");
		String c = code == null ? "" : Text.strip(code).toUpperCase(Locale.ROOT);
		// the certificate issued with the licence, or one re-issued on a change or renewal: each has its own code, and
		// only the latest is in force — the one it replaced is void (已换发)
		List<ApplicationView> certificates = n.isEmpty() ? List.of() : applications.certificates(n);
		Optional<ApplicationView> issued = certificates.stream()
			.filter(x -> MessageDigest.isEqual(x.verificationCode().getBytes(StandardCharsets.UTF_8),
					c.getBytes(StandardCharsets.UTF_8)))
			.findFirst();
		if (issued.isEmpty()) {
			return Result.unknown(n);
		}
		ApplicationView a = issued.get();
		if (a.id() != certificates.get(0).id()) {
			LocalDate reissued = certificates.get(0).decidedOn();
			return new Result(false, a.applicantName(), a.scope().label(), a.validFrom(), a.validUntil(), REPLACED,
					"已换发（原证书作废）：该证书已于" + ChineseText.day(reissued) + "换发新证书，请以新证书上的验证码核验", n,
					Wording.of("licensing.verify.replacedOn", reissued), a.scope());
		}
		Optional<LicenceView> recorded = licences.findByNumber(DataScope.all(), n);
		if (recorded.isPresent()) {
			LicenceView l = recorded.get();
			// expired with a renewal accepted before the expiry still undecided: renewed by law (行政许可法(2019) art.50)
			Optional<LocalDate> deemed = l.pastExpiry(LocalDate.now(clock)) ? applications.deemedRenewedUntil(n, l.expiresOn())
					: Optional.empty();
			if (deemed.isPresent()) {
				return new Result(true, l.enterpriseName(), l.scope().label(), l.issuedOn(), deemed.get(),
						LicenceStatus.VALID.name(), LicenceStatus.VALID.label() + "（延续申请已于有效期届满前受理，届满前未作决定，视为准予延续，"
								+ Provision.LICENSING_RENEWAL + "）", n, Wording.of("licensing.verify.deemedRenewed"), l.scope());
			}
			return Result.of(l.status() == LicenceStatus.VALID, l.enterpriseName(), l.scope(), l.issuedOn(), l.expiresOn(),
					l.status(), n);
		}
		// granted, and the registry has not recorded it yet (it does so on the decision's event): dates decide
		LicenceStatus status = a.validUntil().isBefore(LocalDate.now(clock)) ? LicenceStatus.EXPIRED : LicenceStatus.VALID;
		return Result.of(status == LicenceStatus.VALID, a.applicantName(), a.scope(), a.validFrom(), a.validUntil(), status, n);
	}
}
