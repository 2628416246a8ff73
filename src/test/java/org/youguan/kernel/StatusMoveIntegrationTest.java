package org.youguan.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A step moves a record only from the status it was read in: the second of two concurrent steps is refused. */
@IntegrationTest
class StatusMoveIntegrationTest {

	enum State {
		OPEN, DECIDED
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void movesFromTheStatusReadAndRefusesWhenItChangedMeanwhile() {
		jdbc.sql("CREATE TABLE IF NOT EXISTS status_move_probe (id bigint PRIMARY KEY, status text NOT NULL, "
				+ "updated_at timestamptz, note text)").update();
		jdbc.sql("DELETE FROM status_move_probe").update();
		jdbc.sql("INSERT INTO status_move_probe (id, status) VALUES (1, 'OPEN')").update();
		Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);

		StatusMove.move(jdbc, clock, "status_move_probe", 1, State.OPEN, State.DECIDED, ", note = :note",
				Map.of("note", "决定"), "案件");

		assertThat(jdbc.sql("SELECT status || '/' || note || '/' || (updated_at = '2026-03-02T02:00:00Z') FROM status_move_probe")
			.query(String.class).single()).isEqualTo("DECIDED/决定/true");
		assertThatThrownBy(() -> StatusMove.move(jdbc, clock, "status_move_probe", 1, State.OPEN, State.DECIDED, "", Map.of(), "案件"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("案件状态已被他人改变，请刷新后重试"));
		jdbc.sql("DROP TABLE status_move_probe").update();
	}
}
