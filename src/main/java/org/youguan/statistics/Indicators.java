package org.youguan.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;

/**
 * The indicator catalogue (read by everyone on the staff side, and by enterprises for their forms). Small and
 * read-mostly: loaded on each call, in position order.
 */
@Service
public class Indicators {

	private final JdbcClient jdbc;

	Indicators(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Indicator> all() {
		return jdbc.sql("""
				SELECT code, name, unit, value_type, aggregation, denominator_code, formula, description, category, position
				FROM stat_indicator ORDER BY position""").query(Indicator.class).list();
	}

	public Map<String, Indicator> byCode() {
		Map<String, Indicator> map = new LinkedHashMap<>();
		all().forEach(i -> map.put(i.code(), i));
		return map;
	}

	public Optional<Indicator> find(String code) {
		return jdbc.sql("""
				SELECT code, name, unit, value_type, aggregation, denominator_code, formula, description, category, position
				FROM stat_indicator WHERE code = :code""").param("code", code).query(Indicator.class).optional();
	}

	/** The indicator with this code, or an error naming {@code field}. */
	public Indicator require(String field, String code) {
		return find(code == null ? "" : code.strip())
			.orElseThrow(() -> new InvalidValueException(field, "exists", "没有代码为“" + code + "”的统计指标"));
	}

	public Indicator get(String code) {
		return find(code).orElseThrow(() -> DomainException.notFound("统计指标", code));
	}
}
