package org.youguan.region.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the shipped provinces, cities and counties (GB/T 2260) into an empty region table at start.
 */
@Component
@Order(10)
class RegionSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RegionSeeder.class);

	/**
	 * Whether the provinces are loaded, asked at every start: one province found through the parent index (a province's
	 * parent is the country, {@code 0}), never a count over the whole table, which holds every street and village an
	 * administrator imported (some 620,000 villages and 40,000 streets for the whole country) and has no index on its level.
	 */
	static final String SEEDED = "SELECT EXISTS (SELECT 1 FROM region WHERE parent_code = '0' AND level = 'PROVINCE')";

	private final JdbcTemplate jdbc;

	RegionSeeder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (Boolean.TRUE.equals(jdbc.queryForObject(SEEDED, Boolean.class))) {
			return;
		}
		int n = load("regions/provinces.csv", "PROVINCE", r -> "0");
		n += load("regions/cities.csv", "CITY", r -> r.get(2));
		n += load("regions/areas.csv", "COUNTY", r -> r.get(2));
		log.info("Loaded {} provinces, cities and counties (GB/T 2260)", n);
	}

	private int load(String resource, String level, Function<List<String>, String> parent) {
		List<Object[]> rows = new ArrayList<>();
		try (var in = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
			for (CsvAccess.Row row : CsvAccess.read(in).stream().skip(1).toList()) {
				List<String> r = row.fields();
				rows.add(new Object[] { r.get(0), r.get(1), parent.apply(r), level });
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		jdbc.batchUpdate("INSERT INTO region (code, name, parent_code, level) VALUES (?, ?, ?, ?)", rows);
		return rows.size();
	}
}
