package org.youguan.inspections;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.documents.AttachmentDraft;
import org.youguan.kernel.TransactionLocks;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The field record form posted twice at once with the same draft (a double click): one post saves the record (302),
 * the other is refused as a duplicate (409) — and the refused post's signature is neither attached to the record the
 * other saved nor left held: a file is saved in the transaction of the step it belongs to, or not at all.
 */
@IntegrationTest
class FieldRecordDoubleSubmitIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	MockMultipartHttpServletRequestBuilder form(MockHttpSession session, String draft, String creditCode,
			String findings) {
		MockMultipartHttpServletRequestBuilder b = multipart("/inspections/records");
		b.session(session).with(csrf());
		b.param("draft", draft).param("kind", "SPECIAL").param("enterpriseCreditCode", creditCode)
			.param("inspectedOn", LocalDate.now(clock).toString()).param("inspectedAt", "09:30")
			.param("place", "吴中营业部").param("items", "REAL_NAME").param("line.REAL_NAME.0", "COMPLIANT")
			.param("line.REAL_NAME.1", "NONCOMPLIANT").param("line.REAL_NAME.2", "NOT_APPLICABLE")
			.param("findings", findings).param("representative", "王店长").param("outcome", "RECTIFICATION")
			.param("signature", "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(120, 40)))
			.param("inspector", "32050601", "32050602");
		return b;
	}

	long waiting() {
		return jdbc.sql("""
				SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
				    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
			.query(Long.class).single();
	}

	@Test
	void theRefusedDuplicatesSignatureIsNotAttachedToTheRecord() throws Exception {
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		String draft = AttachmentDraft.newToken();
		String findings = "实名信息系统上传不完整（" + UUID.randomUUID().toString().substring(0, 8) + "）";
		MockHttpSession first = SignIn.session(mvc, "wz.staff");
		MockHttpSession second = SignIn.session(mvc, "wz.staff");
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService three = Executors.newFixedThreadPool(3);
		try {
			// the inspection's own lock held a while: both posts get as far as saving the record before either saves it
			Future<?> holder = three.submit(() -> tx.executeWithoutResult(s -> {
				TransactionLocks.hold(jdbc, "inspection_record:" + sf + ":" + LocalDate.now(clock));
				held.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			long before = waiting();
			List<Future<Integer>> posts = List.of(
					three.submit(() -> mvc.perform(form(first, draft, sf, findings)).andReturn().getResponse().getStatus()),
					three.submit(() -> mvc.perform(form(second, draft, sf, findings)).andReturn().getResponse().getStatus()));
			await().atMost(Duration.ofSeconds(20)).until(() -> waiting() >= before + 2);
			release.countDown();
			holder.get(10, TimeUnit.SECONDS);
			List<Integer> statuses = List.of(posts.get(0).get(30, TimeUnit.SECONDS), posts.get(1).get(30, TimeUnit.SECONDS));
			assertThat(statuses).containsExactlyInAnyOrder(302, 409);
		}
		finally {
			release.countDown();
			three.shutdownNow();
		}
		long record = jdbc.sql("SELECT id FROM inspection_record WHERE findings = :f").param("f", findings)
			.query(Long.class).single();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM attachment WHERE module = :module AND owner_type = :type AND owner_id = :id
				    AND kind = :kind""")
			.param("module", InspectionFieldRecords.MODULE).param("type", InspectionFieldRecords.RECORD)
			.param("id", record).param("kind", InspectionFieldRecords.SIGNATURE)
			.query(Long.class).single()).as("the saved post's signature only").isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM attachment WHERE draft = :draft").param("draft", draft)
			.query(Long.class).single()).as("nothing of the refused post left held").isZero();
	}
}
