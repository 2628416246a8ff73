package org.youguan.registry;

import java.util.Arrays;

import org.youguan.kernel.DataScope;
import org.youguan.org.BureauLevel;
import org.youguan.org.CurrentUser;
import org.youguan.org.InstallationAdmins;

/**
 * Who records, corrects, cancels or revokes a licence in the registry, as far as the law asks: the bureau's level and
 * region (邮政法(2015) art.53: only the issuing authority, {@link IssuingAuthority}, may), and whether the installation's
 * administrator (a 系统管理员 of the top-level bureau, {@link InstallationAdmins}), who may also register and correct a
 * licence of any scope held within its region (the national licence book, records entered wrongly) but never moves one
 * to the other issuing level ({@link #corrects}), nor cancels or revokes one not issued at its own bureau's level.
 * Nobody manages above their own rights: a 系统管理员 of any other bureau (a city's, a county's) is a registrar of its
 * bureau's level and region like everyone there — a county's records no licence at all.
 *
 * @param level the bureau's level, null for a user without a bureau
 * @param regionCode the bureau's region ({@code 0} national), null for a user without a bureau
 * @param installationAdmin whether the installation's administrator (a 系统管理员 of the bureau without a parent)
 */
public record Registrar(BureauLevel level, String regionCode, boolean installationAdmin) {

	/**
	 * The registrar a signed-in user is.
	 * @param admins who administers the installation (read from the bureau's current parent at each call)
	 */
	public static Registrar of(CurrentUser user, InstallationAdmins admins) {
		return new Registrar(user.bureauLevel(), user.regionCode(), admins.holds(user));
	}

	/** The platform itself recording what it is told (demo data, a decision heard as an event): a national system user. */
	public static Registrar platform() {
		return new Registrar(BureauLevel.NATIONAL, "0", true);
	}

	/** A bureau of {@code level} in {@code regionCode} (tests, jobs). */
	public static Registrar bureau(BureauLevel level, String regionCode) {
		return new Registrar(level, regionCode, false);
	}

	/** Whether this is the issuing authority of a licence of {@code scope} held in {@code holderRegion}. */
	public boolean issues(LicenceScope scope, String holderRegion) {
		return IssuingAuthority.of(scope).isBureau(level, regionCode, holderRegion);
	}

	/**
	 * Whether this registrar records and corrects licences of {@code scope} held in {@code holderRegion}: the issuing
	 * authority, or the installation's administrator for a holder within its region.
	 */
	public boolean records(LicenceScope scope, String holderRegion) {
		return issues(scope, holderRegion)
				|| installationAdmin && regionCode != null && DataScope.region(regionCode).containsRegion(holderRegion);
	}

	/**
	 * Whether this registrar may correct a licence of {@code from} held in {@code holderRegion} to {@code to}: within one
	 * issuing level whoever {@link #records} {@code to}; to the other level only the issuing authority of both — the
	 * level decides who cancels and revokes the licence (邮政法(2015) art.53), so a correction that moves it is no
	 * clerical matter, and no system administrator's (a province's must not take 国家邮政局's licence into its own
	 * hands, nor give one of its own to 国家邮政局). A licence of the wrong level is changed by a licensing decision
	 * ({@link LicenceChanged}).
	 */
	public boolean corrects(LicenceScope from, LicenceScope to, String holderRegion) {
		return IssuingAuthority.of(from) == IssuingAuthority.of(to) ? records(to, holderRegion)
				: issues(from, holderRegion) && issues(to, holderRegion);
	}

	/**
	 * Whether this registrar's bureau is of a level that issues licences of some scope (a provincial bureau or 国家邮政局,
	 * {@link IssuingAuthority#bureauLevel}); a system administrator as such is none.
	 */
	public boolean issuingLevel() {
		return Arrays.stream(IssuingAuthority.values()).anyMatch(a -> a.bureauLevel() == level);
	}

	/**
	 * Whether this registrar records licences of some scope: a provincial bureau, 国家邮政局 or the installation's
	 * administrator — never a city's or county's bureau, its 系统管理员 included.
	 */
	public boolean recordsAny() {
		return installationAdmin || issuingLevel();
	}

	/** How the registrar is named in a refusal: "本局（县（区）局）". */
	public String described() {
		return level == null ? "本用户" : "本局（" + level.label() + "）";
	}
}
