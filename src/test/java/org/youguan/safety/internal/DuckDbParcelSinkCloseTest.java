package org.youguan.safety.internal;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;

import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.youguan.safety.internal.alerts.ParcelFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sink's base DuckDB connection is closed when the application stops, and no chunk opens another one after. */
class DuckDbParcelSinkCloseTest {

	@TempDir
	Path dir;

	@Test
	void stoppingTheApplicationClosesTheBaseDuckDbConnectionAndNoOtherIsOpenedAfter() throws Exception {
		DuckDbParcelSink sink = new DuckDbParcelSink(new ParcelFiles(dir), null, null, Clock.systemUTC(), null);
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean(DuckDbParcelSink.class, () -> sink);
			context.refresh();
			try (DuckDBConnection c = sink.connection(); Statement st = c.createStatement()) {
				st.execute("SELECT 1");
			}
			assertThat(sink.base()).isNotNull();
			assertThat(sink.base().isClosed()).isFalse();
			DuckDBConnection base = sink.base();
			context.close();
			assertThat(base.isClosed()).isTrue();
		}
		assertThat(sink.base()).isNull();
		assertThatThrownBy(sink::connection).isInstanceOf(IllegalStateException.class).hasMessageContaining("已关闭");
		assertThat(sink.base()).isNull();
	}
}
