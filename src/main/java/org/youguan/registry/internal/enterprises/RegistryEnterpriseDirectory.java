package org.youguan.registry.internal.enterprises;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.kernel.RegionPrefix;
import org.youguan.org.EnterpriseDirectory;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

/**
 * The registry answers the organisation module where a registered enterprise is and whether it is cancelled (for
 * binding and enabling enterprise accounts).
 */
@Component
class RegistryEnterpriseDirectory implements EnterpriseDirectory {

	private final Enterprises enterprises;

	private final JdbcClient jdbc;

	RegistryEnterpriseDirectory(Enterprises enterprises, JdbcClient jdbc) {
		this.enterprises = enterprises;
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Named> exampleWithin(String regionPrefix) {
		return jdbc.sql("SELECT credit_code, legal_name FROM enterprise WHERE status <> 'CANCELLED' AND "
				+ RegionPrefix.of(regionPrefix).predicate("region_code")
				+ " ORDER BY type <> 'EXPRESS', credit_code LIMIT 1")
			.query((rs, n) -> new Named(rs.getString("credit_code"), rs.getString("legal_name")))
			.optional();
	}

	@Override
	public Optional<String> regionOf(String creditCode) {
		return enterprises.findByCreditCode(creditCode).map(EnterpriseView::regionCode);
	}

	@Override
	public Optional<String> nameOf(String creditCode) {
		return enterprises.findByCreditCode(creditCode).map(EnterpriseView::legalName);
	}

	@Override
	public boolean isCancelled(String creditCode) {
		return enterprises.findByCreditCode(creditCode).filter(e -> e.status() == EnterpriseStatus.CANCELLED).isPresent();
	}
}
