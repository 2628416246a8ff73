package org.youguan.safety.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An enterprise's client that hangs up during an upload, through the real Tomcat (MockMvc has no connection to drop).
 * The servlet stack does not tell the application that the client has gone until the answer is written, so the batch
 * is decided by what the server read: a body read whole is taken in (stored, counted, DONE) though nobody reads the
 * answer, and the same batch sent again gets that first answer and counts nothing twice; a body cut off is given up
 * whole, and sent again it is taken in once. (The same configuration as {@code RealServerInputIntegrationTest}, so
 * the two share one server.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=10MB" })
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(IntegrationTest.Clocks.class)
class ParcelUploadHangUpIntegrationTest {

	// ~300 KB: half of it is well past the 64 KB the upload's head checks read before the batch is claimed
	// (ParcelIngest.requireLines), so a hang-up at half is one in the middle of a claimed batch
	static final int RECORDS = 1000;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aClientThatHangsUpAfterItsWholeBodyGetsTheFirstAnswerWhenItSendsTheBatchAgain() throws Exception {
		String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String batch = "hangup-" + run;
		byte[] body = body(run);
		// the whole body, then the connection closed without reading the answer
		hangUp(batch, body, body.length);
		assertThat(awaitStatus(batch)).isEqualTo("DONE");
		String again = exchange(batch, body, body.length);
		assertThat(again).startsWith("HTTP/1.1 200").containsIgnoringCase("X-Batch-Replayed: true")
			.contains("\"accepted\":" + RECORDS, "\"rejected\":0");
		assertThat(claims(batch)).as("each waybill claimed once").isEqualTo(RECORDS);
		assertThat(jdbc.sql("SELECT accepted FROM safety_parcel_batch WHERE batch_id = :b").param("b", batch)
			.query(Long.class).single()).isEqualTo(RECORDS);
	}

	@Test
	void aClientThatHangsUpMidBodyLeavesNothingCountedAndItsBatchIsTakenInOnceWhenSentAgain() throws Exception {
		String batch = "hangup-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		byte[] body = body(batch);
		// announced whole, half sent, then the connection closed
		hangUp(batch, body, body.length / 2);
		assertThat(awaitStatus(batch)).isEqualTo("FAILED");
		assertThat(claims(batch)).isZero();
		String again = exchange(batch, body, body.length);
		assertThat(again).startsWith("HTTP/1.1 200").containsIgnoringCase("X-Batch-Replayed: false")
			.contains("\"accepted\":" + RECORDS, "\"rejected\":0");
		assertThat(claims(batch)).isEqualTo(RECORDS);
	}

	/** {@value #RECORDS} valid records of sf.wz, accepted 20 minutes ago, their waybills unique to {@code run}. */
	byte[] body(String run) {
		Instant at = clock.instant().minus(Duration.ofMinutes(20));
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < RECORDS; i++) {
			b.append(ParcelRecordsIntegrationTest.line("HU" + run + "-" + i, "320506", at)).append('\n');
		}
		return b.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] head(String batch, int length) {
		return ("POST /api/v1/safety/parcel-records?batchId=" + batch + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: " + ParcelRecordsIntegrationTest.SHUNFENG + "\r\nContent-Type: application/x-ndjson\r\n"
				+ "Content-Length: " + length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
	}

	/** An upload announced whole whose first {@code sent} bytes are sent before the connection is closed unread. */
	void hangUp(String batch, byte[] body, int sent) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(head(batch, body.length));
			out.write(body, 0, sent);
			out.flush();
		}
	}

	/** One upload on its own connection, read to its end: the raw answer. */
	String exchange(String batch, byte[] body, int length) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(head(batch, length));
			out.write(body);
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** The batch's status once the server has finished with the dropped upload (RUNNING for at most 30 s). */
	String awaitStatus(String batch) {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
			.until(() -> jdbc.sql("SELECT status FROM safety_parcel_batch WHERE batch_id = :b").param("b", batch)
				.query(String.class).optional().orElse("NONE"), status -> !status.equals("RUNNING") && !status.equals("NONE"));
	}

	long claims(String batch) {
		return jdbc.sql("""
				SELECT count(*) FROM safety_waybill_claim c JOIN safety_parcel_batch b
				ON b.enterprise_id = c.enterprise_id AND b.ref = c.batch_ref WHERE b.batch_id = :b""")
			.param("b", batch).query(Long.class).single();
	}
}
