package org.youguan.inspections.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.kernel.RegionPrefix;
import org.youguan.org.InspectorRoster;

/**
 * The inspections module answers the organisation module which inspectors of a bureau's roster an import template's
 * example row may name ({@code org.OwnExamples}).
 */
@Component
class RosterExampleTeam implements InspectorRoster {

	private final JdbcClient jdbc;

	private final Clock clock;

	RosterExampleTeam(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Holder> exampleTeam(String regionPrefix, String creditCode, int limit) {
		return jdbc.sql("SELECT name, certificate_number FROM inspector WHERE active AND valid_until >= :today AND NOT (:code = ANY(avoid_credit_codes)) AND "
				+ RegionPrefix.of(regionPrefix).predicate("region_code")
				+ " ORDER BY length(region_code), certificate_number LIMIT :limit")
			.param("today", LocalDate.now(clock))
			.param("code", creditCode)
			.param("limit", limit)
			.query((rs, n) -> new Holder(rs.getString("name"), rs.getString("certificate_number")))
			.list();
	}
}
