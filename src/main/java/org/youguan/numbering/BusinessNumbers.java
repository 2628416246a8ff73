package org.youguan.numbering;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.InvalidValueException;

/**
 * Issues business numbers of the form {@code 类型-地区-年份-序号}, e.g. {@code 申诉-3205-2026-000123}: the type prefix
 * (Chinese, as on documents), the issuing bureau's region code, the year and a six-digit sequence that restarts each
 * year. Gap-free and safe under concurrency: the sequence row stays locked until the business transaction commits,
 * and a rolled-back transaction gives its number back. It therefore runs only inside the caller's transaction.
 */
@Service
public class BusinessNumbers {

	private final JdbcClient jdbc;

	BusinessNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public String next(String type, String regionCode, int year) {
		if (type == null || type.isBlank() || type.contains("-") || type.length() > 20) {
			throw new InvalidValueException("type", "format", "编号类型不能为空、不能含“-”且不超过20字");
		}
		long value = jdbc.sql("""
				INSERT INTO number_sequence (type, region_code, year, last_value) VALUES (:type, :region, :year, 1)
				ON CONFLICT (type, region_code, year) DO UPDATE SET last_value = number_sequence.last_value + 1
				RETURNING last_value""")
			.param("type", type)
			.param("region", regionCode)
			.param("year", year)
			.query(Long.class)
			.single();
		return format(type, regionCode, year, value);
	}

	/** Reserves {@code count} consecutive numbers at once (bulk loads); returns the first sequence value. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long reserve(String type, String regionCode, int year, int count) {
		long last = jdbc.sql("""
				INSERT INTO number_sequence (type, region_code, year, last_value) VALUES (:type, :region, :year, :count)
				ON CONFLICT (type, region_code, year) DO UPDATE SET last_value = number_sequence.last_value + :count
				RETURNING last_value""")
			.param("type", type)
			.param("region", regionCode)
			.param("year", year)
			.param("count", count)
			.query(Long.class)
			.single();
		return last - count + 1;
	}

	public static String format(String type, String regionCode, int year, long sequence) {
		return "%s-%s-%d-%06d".formatted(type, regionCode, year, sequence);
	}
}
