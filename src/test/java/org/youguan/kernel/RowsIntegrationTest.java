package org.youguan.kernel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kernel row mapper reads records and scalars from the driver's native values, on the real PostgreSQL. */
@IntegrationTest
class RowsIntegrationTest {

	enum Colour {

		RED, GREEN

	}

	record Row(long id, String regionCode, Colour colour, Instant at, OffsetDateTime atOffset, LocalDate day,
			BigDecimal amount, Integer count, boolean flag, Boolean maybe, Set<Colour> colours, List<String> names,
			String[] tags, String json, String missing) {
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void mapsEnumsTimesNumbersArraysAndJsonByName() {
		Row row = jdbc.sql("""
				SELECT 7::bigint AS id, '320506' AS region_code, 'GREEN' AS colour,
				       TIMESTAMPTZ '2026-02-13 16:00:00+00' AS at, TIMESTAMPTZ '2026-02-13 16:00:00+00' AS at_offset,
				       DATE '2026-10-08' AS day, 2470.58::numeric AS amount, 3 AS count, true AS flag, NULL::boolean AS maybe,
				       ARRAY['RED','GREEN'] AS colours, ARRAY['甲','乙'] AS names, ARRAY['x'] AS tags,
				       '{"a": 1}'::jsonb AS json""").query(Rows.of(Row.class)).single();
		assertThat(row.id()).isEqualTo(7);
		assertThat(row.regionCode()).isEqualTo("320506");
		assertThat(row.colour()).isEqualTo(Colour.GREEN);
		assertThat(row.at()).isEqualTo(Instant.parse("2026-02-13T16:00:00Z"));
		assertThat(row.atOffset()).isEqualTo(OffsetDateTime.of(2026, 2, 13, 16, 0, 0, 0, ZoneOffset.UTC));
		assertThat(row.day()).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(row.amount()).isEqualByComparingTo("2470.58");
		assertThat(row.count()).isEqualTo(3);
		assertThat(row.flag()).isTrue();
		assertThat(row.maybe()).isNull();
		assertThat(row.colours()).containsExactly(Colour.RED, Colour.GREEN);
		assertThat(row.names()).containsExactly("甲", "乙");
		assertThat(row.tags()).containsExactly("x");
		assertThat(row.json()).isEqualTo("{\"a\": 1}");
		assertThat(row.missing()).isNull();
	}

	record Primitives(long id, int count, boolean flag, double share, short small, float ratio, byte tiny, char letter) {
	}

	/** A primitive component without a column gets its own type's zero (a record cannot take 0.0 for a long). */
	@Test
	void givesPrimitivesWithoutAColumnTheirZero() {
		assertThat(jdbc.sql("SELECT 7 AS other").query(Rows.of(Primitives.class)).single())
			.isEqualTo(new Primitives(0L, 0, false, 0d, (short) 0, 0f, (byte) 0, '\0'));
	}

	@Test
	void mapsScalarsFromTheFirstColumn() {
		assertThat(jdbc.sql("SELECT TIMESTAMPTZ '2026-01-01 00:00:00+08'").query(Rows.of(Instant.class)).single())
			.isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
		assertThat(jdbc.sql("SELECT 'RED'").query(Rows.of(Colour.class)).single()).isEqualTo(Colour.RED);
		assertThat(jdbc.sql("SELECT count(*) FROM region").query(Rows.of(Long.class)).single()).isPositive();
	}

	@Test
	void refusesAClassThatIsNoRecord() {
		assertThatThrownBy(() -> Rows.of(StringBuilder.class)).isInstanceOf(IllegalArgumentException.class);
	}
}
