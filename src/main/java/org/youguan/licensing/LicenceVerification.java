package org.youguan.licensing;

import org.youguan.rules.Provision;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Text;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;

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
	 * @param status VALID, EXPIRED, REVOKED, CANCELLED, or UNKNOWN when the number and code do not match
	 * @param statusLabel the status in Chinese
	 */
	public record Result(boolean valid, String enterprise, String scope, LocalDate validFrom, LocalDate validUntil,
			String status, String statusLabel, String number) {

		static Result unknown(String number) {
			return new Result(false, null, null, null, null, "UNKNOWN", "未查到与该编号和验证码相符的许可证", number);
		}
	}

	private final LicenceApplications applications;

	private final Licences licences;

	private final Clock clock;

	LicenceVerification(LicenceApplications applications, Licences licences, Clock clock) {
		this.applications = applications;
		this.licences = licences;
		this.clock = clock;
	}

	/**
	 * Verifies licence {@code number} against {@code code} (compared in constant time, case-insensitively). The number
	 * is read as {@link Text#identifier} writes it (full-width digits, other dashes, an automatic number's missing
	 * padding), as the licence and its certificates are stored: the same number typed another way finds the same
	 * licence and its status in the registry.
	 * @return the licence as the public may see it, or {@link Result#unknown} when they do not match
	 */
	public Result verify(String number, String code) {
		String n = Objects.requireNonNullElse(Text.identifier(number), "");
		String c = code == null ? "" : Text.strip(code).toUpperCase(Locale.ROOT);
		// the certificate issued with the licence, or one re-issued on a change or renewal: each has its own code
		Optional<ApplicationView> issued = n.isEmpty() ? Optional.empty() : applications.certificates(n).stream()
			.filter(x -> MessageDigest.isEqual(x.verificationCode().getBytes(StandardCharsets.UTF_8),
					c.getBytes(StandardCharsets.UTF_8)))
			.findFirst();
		if (issued.isEmpty()) {
			return Result.unknown(n);
		}
		ApplicationView a = issued.get();
		Optional<LicenceView> recorded = licences.findByNumber(DataScope.all(), n);
		if (recorded.isPresent()) {
			LicenceView l = recorded.get();
			// expired with a renewal accepted before the expiry still undecided: renewed by law (行政许可法(2019) art.50)
			Optional<LocalDate> deemed = l.pastExpiry(LocalDate.now(clock)) ? applications.deemedRenewedUntil(n, l.expiresOn())
					: Optional.empty();
			if (deemed.isPresent()) {
				return new Result(true, l.enterpriseName(), l.scope().label(), l.issuedOn(), deemed.get(),
						LicenceStatus.VALID.name(), LicenceStatus.VALID.label() + "（延续申请已于有效期届满前受理，届满前未作决定，视为准予延续，"
								+ Provision.LICENSING_RENEWAL + "）", n);
			}
			return new Result(l.status() == LicenceStatus.VALID, l.enterpriseName(), l.scope().label(), l.issuedOn(),
					l.expiresOn(), l.status().name(), l.status().label(), n);
		}
		// granted, and the registry has not recorded it yet (it does so on the decision's event): dates decide
		LicenceStatus status = a.validUntil().isBefore(LocalDate.now(clock)) ? LicenceStatus.EXPIRED : LicenceStatus.VALID;
		return new Result(status == LicenceStatus.VALID, a.applicantName(), a.scope().label(), a.validFrom(), a.validUntil(),
				status.name(), status.label(), n);
	}
}
