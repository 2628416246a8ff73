package org.youguan.safety.internal.alerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.youguan.platform.PlatformSettings;

/**
 * Where the parcel records' Parquet files are, as the writer lays them out (issue 17 brief, hive partitioning):
 * {@code <data dir>/safety/parcels/day=YYYY-MM-DD/province=NN/<file>.parquet}; and an embedded DuckDB to query them.
 */
@Component
public class ParcelFiles {

	private final Path root;

	@Autowired
	ParcelFiles(PlatformSettings settings) {
		this(settings.dataDir().resolve("safety").resolve("parcels"));
	}

	/** The records under another root (tests, benchmarks). */
	public ParcelFiles(Path root) {
		this.root = root.toAbsolutePath();
	}

	/** The directory holding every day partition. */
	public Path root() {
		return root;
	}

	/** The directory of one China-time day. */
	public Path day(LocalDate day) {
		return root.resolve("day=" + day);
	}

	/** Whether any Parquet file of the day exists (DuckDB refuses a glob matching no file). */
	public boolean hasDay(LocalDate day) {
		Path dir = day(day);
		if (!Files.isDirectory(dir)) {
			return false;
		}
		try (Stream<Path> files = Files.walk(dir, 2)) {
			return files.anyMatch(p -> p.toString().endsWith(".parquet"));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The SQL table expression reading a day's records with their partition columns (day, province):
	 * {@code read_parquet('…/day=2026-11-01/province=*\/*.parquet', hive_partitioning = true)}.
	 */
	public String readDay(LocalDate day) {
		String glob = day(day).resolve("province=*").resolve("*.parquet").toString().replace("'", "''");
		return "read_parquet('" + glob + "', hive_partitioning = true)";
	}

	/**
	 * A new in-memory DuckDB connection with bounded memory and threads (it shares the machine with the application).
	 * @throws SQLException when DuckDB cannot start
	 */
	public Connection duckdb() throws SQLException {
		Connection c = DriverManager.getConnection("jdbc:duckdb:");
		try (Statement s = c.createStatement()) {
			s.execute("SET memory_limit = '512MB'");
			s.execute("SET threads = 2");
		}
		return c;
	}
}
