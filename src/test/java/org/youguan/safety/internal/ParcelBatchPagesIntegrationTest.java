package org.youguan.safety.internal;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The batch pages: the enterprise sees its own batches and a batch's rejected lines with the rule in Chinese and the
 * line as sent — never a clear ID number, even one put in another field — and exports them; another enterprise gets
 * 404; staff of the region list the region's batches with the rejected share and drill down read-only, a bureau of
 * another region sees none of them.
 */
@IntegrationTest
class ParcelBatchPagesIntegrationTest {

	static final String SHUNFENG = ParcelRecordsIntegrationTest.SHUNFENG;

	static final String ID = ParcelRecordsIntegrationTest.ID;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Enterprises enterprises;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	EnterpriseView shunfeng;

	String batch;

	@BeforeEach
	void upload() throws Exception {
		clock.reset();
		shunfeng = enterprises.findByCreditCode(users.principal("sf.wz").orElseThrow().enterpriseCreditCode())
			.orElseThrow();
		batch = "pages-" + UUID.randomUUID().toString().substring(0, 8);
		Instant at = clock.instant().minus(Duration.ofHours(1));
		// a waybill of its own per upload: one waybill counts once, a second upload of it would be a duplicate
		String body = ParcelRecordsIntegrationTest.line("SFP001-" + batch.substring(6, 14), "320506", at) + "\n"
				+ ParcelRecordsIntegrationTest.line("SFP002", "999999", at).replace("}", ",\"courierId\":\"" + ID + "\"}") + "\n"
				+ "not a record " + ID + "\n";
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body)).andExpect(status().isOk());
	}

	@Test
	void theEnterpriseSeesItsBatchAndItsRejectedLinesWithoutAClearIdNumberAndExportsThem() throws Exception {
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/safety/batches").param("q", batch).session(sf))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<code>" + batch + "</code>")))
			.andExpect(content().string(containsString("/enterprise/safety/batches/lines?batchId=" + batch)));
		mvc.perform(get("/enterprise/safety/batches/lines").param("batchId", batch).session(sf))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("寄件地区（senderRegion）")))
			.andExpect(content().string(containsString("SFP002")))
			.andExpect(content().string(containsString("110105********002X")))
			.andExpect(content().string(containsString("（已删除）")))
			.andExpect(content().string(not(containsString(ID))));
		mvc.perform(get("/api/v1/safety/rejected-lines").param("batchId", batch).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("SFP002")))
			.andExpect(content().string(not(containsString(ID))));

		byte[] xlsx = mvc.perform(get("/enterprise/safety/batches/lines.xlsx").param("batchId", batch).session(sf))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		List<String> cells = new ArrayList<>();
		int rows;
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			rows = book.getSheetAt(0).getPhysicalNumberOfRows();
			for (Row row : book.getSheetAt(0)) {
				for (Cell cell : row) {
					cells.add(ExportedRows.text(cell));
				}
			}
		}
		assertThat(rows).as("header and the two rejected lines").isEqualTo(3);
		assertThat(cells).anyMatch(c -> c.contains("寄件地区（senderRegion）")).noneMatch(c -> c.contains(ID));

		MockHttpSession other = SignIn.session(mvc, "yz.sz");
		mvc.perform(get("/enterprise/safety/batches/lines").param("batchId", batch).session(other))
			.andExpect(status().isNotFound());
		mvc.perform(get("/enterprise/safety/batches/lines.xlsx").param("batchId", batch).session(other))
			.andExpect(status().isNotFound());
		mvc.perform(get("/enterprise/safety/batches").param("q", batch).session(other))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<code>" + batch + "</code>"))));
	}

	@Test
	void theBatchListsExportWhatTheyShowToTheirOwnEnterpriseAndRegionOnly() throws Exception {
		List<List<String>> own = ExportedRows.of(mvc, SignIn.session(mvc, "sf.wz"), "/enterprise/safety/batches/export.xlsx",
				"q", batch);
		assertThat(own.get(0)).containsExactly("接收时间", "批次号", "状态", "格式", "接收条数", "被拒条数");
		assertThat(own).hasSize(2);
		assertThat(own.get(1).subList(1, 6)).containsExactly(batch, "已完成", "NDJSON", "1", "2");
		assertThat(ExportedRows.of(mvc, SignIn.session(mvc, "yz.sz"), "/enterprise/safety/batches/export.xlsx", "q", batch))
			.as("another enterprise's export holds only its header").hasSize(1);

		List<List<String>> region = ExportedRows.of(mvc, SignIn.session(mvc, "sz.leader"),
				"/safety/parcel-batches/export.xlsx", "q", batch);
		assertThat(region.get(0)).containsExactly("企业", "统一社会信用代码", "接收时间", "批次号", "状态", "接收条数", "被拒条数",
				"被拒占比（%）");
		assertThat(ExportedRows.column(region, 3)).containsExactly(batch);
		assertThat(region.get(1)).contains(shunfeng.legalName(), shunfeng.creditCode(), "66.67");
		assertThat(ExportedRows.of(mvc, SignIn.session(mvc, "ks.admin"), "/safety/parcel-batches/export.xlsx", "q", batch))
			.as("a bureau of another region exports none of them").hasSize(1);
		mvc.perform(get("/safety/parcel-batches/export.xlsx").param("to", "2026-02-30").session(SignIn.session(mvc, "sz.leader")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void staffOfTheRegionListItsBatchesWithTheRejectedShareAndAnotherRegionSeesNone() throws Exception {
		MockHttpSession city = SignIn.session(mvc, "sz.leader");
		mvc.perform(get("/safety/parcel-batches").param("q", batch).session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<code>" + batch + "</code>")))
			.andExpect(content().string(containsString(shunfeng.legalName())))
			.andExpect(content().string(containsString("66.67%")));
		mvc.perform(get("/safety/parcel-batches/lines").param("enterprise", Long.toString(shunfeng.id()))
			.param("batchId", batch).session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("寄件地区（senderRegion）")))
			.andExpect(content().string(not(containsString(ID))));
		mvc.perform(get("/safety/parcel-batches").param("from", "2026-13-01").session(city))
			.andExpect(status().isBadRequest());

		MockHttpSession kunshan = SignIn.session(mvc, "ks.admin");
		mvc.perform(get("/safety/parcel-batches").param("q", batch).session(kunshan))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<code>" + batch + "</code>"))));
		mvc.perform(get("/safety/parcel-batches/lines").param("enterprise", Long.toString(shunfeng.id()))
			.param("batchId", batch).session(kunshan))
			.andExpect(status().isNotFound());
		mvc.perform(get("/safety/parcel-batches").session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isForbidden());
	}

	/**
	 * The rejected share is a share as every share is counted (kernel {@code Percentages.shareSql}): one rejected line
	 * of 50,000 shows 0.01 %, never 0.00 % (rounded half up it read as a batch with nothing rejected, 100 % accepted),
	 * and a batch with nothing rejected shows 0.00 %.
	 */
	@Test
	void oneRejectedLineOfFiftyThousandIsNeverShownAsNoneRejected() throws Exception {
		counts(49_999, 1);
		MockHttpSession city = SignIn.session(mvc, "sz.leader");
		mvc.perform(get("/safety/parcel-batches").param("q", batch).session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0.01%")))
			.andExpect(content().string(not(containsString("0.00%"))));
		counts(50_000, 0);
		mvc.perform(get("/safety/parcel-batches").param("q", batch).session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0.00%")));
	}

	/**
	 * Nor is a batch with one line accepted of 50,000 shown as all rejected: 49,999 rejected is 99.99 %, never
	 * 100.00 % (what 100 less the accepted rate rounded down read), and a batch with every line rejected shows 100.00 %
	 * (kernel {@code Percentages.shareSql}, the one share rule). Sorting on the share sorts on the same value.
	 */
	@Test
	void oneAcceptedLineOfFiftyThousandIsNeverShownAsAllRejected() throws Exception {
		counts(1, 49_999);
		MockHttpSession city = SignIn.session(mvc, "sz.leader");
		mvc.perform(get("/safety/parcel-batches").param("q", batch).session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("99.99%")))
			.andExpect(content().string(not(containsString("100.00%"))));
		mvc.perform(get("/safety/parcel-batches").param("q", batch).param("sort", "rejected_share").session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("99.99%")));
		counts(0, 50_000);
		mvc.perform(get("/safety/parcel-batches").param("q", batch).session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("100.00%")));
	}

	private void counts(long accepted, long rejected) {
		jdbc.sql("UPDATE safety_parcel_batch SET accepted = :accepted, rejected = :rejected WHERE batch_id = :batch")
			.param("accepted", accepted).param("rejected", rejected).param("batch", batch).update();
	}
}
