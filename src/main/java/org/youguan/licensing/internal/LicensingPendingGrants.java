package org.youguan.licensing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.registry.LicenceScope;
import org.youguan.licensing.LicenceApplications;
import org.youguan.registry.Licences;
import org.youguan.registry.PendingLicenceGrants;

/**
 * The new licences approved here whose {@code LicenceGranted} the registry has not recorded yet, for the registry's
 * check before it records a licence by hand (快递业务经营许可管理办法: one enterprise holds one licence). An approval of a
 * new licence in force today whose number the registry does not hold in any form ({@link Licences#findLookAlike}) —
 * approved here, or a past approval imported ({@code POST /api/v1/licensing/applications/imported}, the .xlsx import):
 * the import publishes nothing and the registry records that licence by hand, but until it does the enterprise holds
 * it all the same, and a second licence recorded beside it would break the rule the import itself keeps.
 */
@Component
class LicensingPendingGrants implements PendingLicenceGrants {

	private final JdbcClient jdbc;

	private final Licences licences;

	private final Clock clock;

	LicensingPendingGrants(JdbcClient jdbc, Licences licences, Clock clock) {
		this.jdbc = jdbc;
		this.licences = licences;
		this.clock = clock;
	}

	@Override
	public Optional<Grant> pendingFor(String creditCode) {
		if (creditCode == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT licence_number, scope, valid_until, decision_number, decided_on, imported FROM licence_application
				WHERE applicant_credit_code = :code AND status = 'APPROVED' AND kind = 'NEW'
				  AND licence_number IS NOT NULL AND valid_until >= :today ORDER BY %s""".formatted(LicenceApplications.LATEST_DECISION_FIRST))
			.param("code", creditCode.strip().toUpperCase(Locale.ROOT))
			.param("today", LocalDate.now(clock))
			.query((rs, i) -> new Grant(rs.getString(1), LicenceScope.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getObject(5, LocalDate.class), rs.getBoolean(6)))
			.list()
			.stream()
			.filter(g -> licences.findLookAlike(g.licenceNumber()).isEmpty())
			.findFirst();
	}
}
