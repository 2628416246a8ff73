package org.youguan.bench;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.ImportResult;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.IdCardNumber;
import org.youguan.documents.SheetRows;
import org.youguan.registry.OutletData;
import org.youguan.registry.internal.outlets.OutletImport;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's bulk-import target: 5,000 valid outlet rows import in under 5 s, and no other user's audited action waits
 * on the import more than 100 ms. Imports 5,000 generated rows (half of them with an existing filing number) through
 * the real {@link OutletImport} (sheet parsing, every rule, look-ups, encryption of the manager's numbers, batched
 * inserts and audit entries), and as the floor in the same run a bare batch INSERT of the same rows into
 * {@code terminal_outlet} (no parsing, no checks, no audit; rolled back). Then, with a second 5,000-row import held open
 * after its writes, times audited changes made beside it. Each is measured after a 500-row warm-up.
 * Run: {@code ./mvnw -Pbench test -Dtest=OutletImportBenchmark}.
 */
@IntegrationTest
class OutletImportBenchmark {

	static final int ROWS = 5_000;

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	OutletImport importer;

	@Autowired
	AuditTrail audit;

	@Autowired
	Outlets outlets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void fiveThousandRowsAgainstABareBatchInsert() throws Exception {
		String operator = jdbc.queryForObject("SELECT credit_code FROM enterprise WHERE region_code LIKE '3205%' ORDER BY id LIMIT 1",
				String.class);
		long operatorId = jdbc.queryForObject("SELECT id FROM enterprise WHERE credit_code = ?", Long.class, operator);

		// warm-up of both paths
		assertThat(importer.importFile(SUZHOU, sheet(rows("预热" + tag(), operator, 500))).imported()).isEqualTo(500);
		floor(rows("预热底线" + tag(), operator, 500), operatorId, operator);

		List<List<String>> rows = rows("基准" + tag(), operator, ROWS);
		byte[] file = sheet(rows);
		long t0 = System.nanoTime();
		ImportResult result = importer.importFile(SUZHOU, file);
		long importMs = (System.nanoTime() - t0) / 1_000_000;
		assertThat(result.rejected()).isFalse();
		assertThat(result.imported()).isEqualTo(ROWS);

		long floorMs = floor(rows("底线" + tag(), operator, ROWS), operatorId, operator);

		// where the import's time goes: reading the sheet, and the outlet rules (Outlets.check) row by row
		byte[] parts = sheet(rows("分解" + tag(), operator, ROWS));
		t0 = System.nanoTime();
		List<SheetRows.SheetRow> read = SheetRows.read(parts, OutletImport.HEADERS);
		long readMs = (System.nanoTime() - t0) / 1_000_000;
		t0 = System.nanoTime();
		for (SheetRows.SheetRow row : read) {
			outlets.check(SUZHOU, new OutletData(row.get("网点名称"), operatorId, null, "FRANCHISE", row.get("地址"),
					row.get("行政区划代码"), new BigDecimal("120.6"), new BigDecimal("31.2"), row.get("负责人"),
					row.get("负责人身份证号"), row.get("负责人电话"), new BigDecimal("30"), true, true, true, true,
					LocalDate.of(2026, 1, 15)));
		}
		long checkMs = (System.nanoTime() - t0) / 1_000_000;

		// audited changes beside an open 5,000-row import
		byte[] second = sheet(rows("并行" + tag(), operator, ROWS));
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		long worstMs = 0;
		try {
			Future<?> open = pool.submit(() -> tx.executeWithoutResult(s -> {
				importer.importFile(SUZHOU, second);
				written.countDown();
				try {
					release.await(120, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(written.await(120, TimeUnit.SECONDS)).isTrue();
			for (int i = 0; i < 20; i++) {
				long s0 = System.nanoTime();
				tx.executeWithoutResult(s -> audit.record(AuditEntry.of("bench.beside-import", "Bench", null, "导入进行中的其他操作")));
				worstMs = Math.max(worstMs, (System.nanoTime() - s0) / 1_000_000);
			}
			release.countDown();
			open.get(120, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		audit.sealPending();
		assertThat(audit.verifyChain().intact()).isTrue();

		System.out.printf("%nBENCH outlet import: %d rows through OutletImport in %d ms (target < 5000 ms); floor, bare batch "
				+ "INSERT of the same rows: %d ms; ratio %.1f; slowest of 20 audited changes beside an open %d-row import: "
				+ "%d ms (target < 100 ms); of the import: reading the sheet %d ms, Outlets.check row by row %d ms%n%n", ROWS,
				importMs, floorMs, (double) importMs / floorMs, ROWS, worstMs, readMs, checkMs);
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	static List<List<String>> rows(String prefix, String operator, int count) {
		List<List<String>> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String first17 = "320506198501" + String.format("%02d", 1 + i % 28) + String.format("%03d", i % 1000);
			rows.add(List.of(prefix + "网点" + i, operator, i % 3 == 0 ? "自营" : "加盟", "吴中区基准路" + i + "号",
					"320506001", "120.6", "31.2", "王五", first17 + IdCardNumber.checkCharacter(first17),
					"138" + String.format("%08d", i), "30", "是", "是", "是", "是", "2026-01-15",
					i % 2 == 0 ? prefix + "-备案-" + i : ""));
		}
		return rows;
	}

	static byte[] sheet(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet("末端网点");
			write(sheet.createRow(0), OutletImport.HEADERS);
			for (int r = 0; r < rows.size(); r++) {
				write(sheet.createRow(r + 1), rows.get(r));
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	private static void write(XSSFRow row, List<String> cells) {
		for (int c = 0; c < cells.size(); c++) {
			row.createCell(c).setCellValue(cells.get(c));
		}
	}

	/** The same rows inserted bare, in batches of 1,000, in a transaction rolled back afterwards; returns ms. */
	private long floor(List<List<String>> rows, long operatorId, String operator) {
		List<Object[]> values = new ArrayList<>(rows.size());
		Timestamp now = Timestamp.from(Instant.now());
		byte[] cipher = new byte[48];
		for (List<String> r : rows) {
			values.add(new Object[] { r.get(0), operatorId, operator, r.get(2).equals("自营") ? "OWN" : "FRANCHISE",
					r.get(3), r.get(4), new BigDecimal(r.get(5)), new BigDecimal(r.get(6)), r.get(7), cipher,
					"3205**********002X", cipher, "138****0000", new BigDecimal(r.get(10)), true, true, true, true,
					Date.valueOf(LocalDate.parse(r.get(15))), r.get(16).isEmpty() ? null : r.get(16),
					r.get(16).isEmpty() ? "PENDING" : "FILED", now });
		}
		long[] ms = new long[1];
		tx.executeWithoutResult(s -> {
			long t0 = System.nanoTime();
			for (int i = 0; i < values.size(); i += 1_000) {
				jdbc.batchUpdate("""
						INSERT INTO terminal_outlet (name, enterprise_id, operator_credit_code, cooperation, address,
						    region_code, longitude, latitude, manager_name, manager_id_cipher, manager_id_masked,
						    manager_phone_cipher, manager_phone_masked, storage_area, has_communications, has_shelving,
						    has_surveillance, has_signage, opened_on, filing_number, status, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
						values.subList(i, Math.min(values.size(), i + 1_000)));
			}
			ms[0] = (System.nanoTime() - t0) / 1_000_000;
			s.setRollbackOnly();
		});
		return ms[0];
	}
}
