package org.youguan.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.platform.Secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The signed checkpoint anchors the chain's head outside the system: a file kept elsewhere proves that history up to
 * it was neither rewritten nor cut, and its signature verifies with the public key alone (openssl).
 */
@IntegrationTest
class AuditCheckpointIntegrationTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditChain chain;

	@Autowired
	Secrets secrets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MockMvc mvc;

	@TempDir
	Path temp;

	@Test
	void aCheckpointMatchesTheChainUntilHistoryBeforeItIsRewrittenOrCut() {
		String file = newCheckpoint();
		AuditChain.CheckpointFile parsed = chain.parse(file);
		assertThat(parsed.signatureValid()).isTrue();
		assertThat(Path.of("target/test-data/audit-checkpoints").resolve(AuditChain.fileName(LocalDate.parse(parsed.day()),
				parsed.seq()))).hasContent(file.stripTrailing());

		ChainVerification ok = audit.verifyChain(file);
		assertThat(ok.intact()).isTrue();
		assertThat(ok.checkpoint().matches()).isTrue();
		assertThat(ok.checkpoint().finding()).contains("未被改写");

		long seq = parsed.seq();
		// the head and what came before it deleted (the chain alone cannot see a cut tail)
		tamper(() -> {
			jdbc.sql("DELETE FROM audit_seal WHERE seq >= :seq").param("seq", seq).update();
			ChainVerification result = audit.verifyChain(file);
			assertThat(result.problem()).isNull();
			assertThat(result.intact()).isFalse();
			assertThat(result.checkpoint().finding()).contains("第" + seq + "号封印已不存在");
		});
		// history rewritten by someone holding the key: the chain verifies, the checkpoint does not
		tamper(() -> {
			jdbc.sql("UPDATE audit_seal SET mac = :mac WHERE seq = :seq")
				.param("mac", secrets.auditMac(new byte[] { 9 }))
				.param("seq", seq)
				.update();
			ChainVerification result = audit.verifyChain(file);
			assertThat(result.intact()).isFalse();
			assertThat(result.checkpoint().finding()).contains("检查点之前的审计历史被改写");
		});
	}

	@Test
	void anAlteredCheckpointFileIsRefusedByItsSignature() {
		String file = newCheckpoint();
		String altered = file.replaceFirst("seq: (\\d+)", "seq: 1");
		ChainVerification result = audit.verifyChain(altered);
		assertThat(result.intact()).isFalse();
		assertThat(result.checkpoint().finding()).contains("签名无效");
	}

	@Test
	void opensslVerifiesTheSignatureWithThePublicKeyAlone() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is installed");
		String file = newCheckpoint();
		// as README tells an administrator: the signed text is every line before the signature line
		int at = file.lastIndexOf("signature: ");
		Files.writeString(temp.resolve("checkpoint.body"), file.substring(0, at), StandardCharsets.UTF_8);
		Files.write(temp.resolve("checkpoint.sig"), Base64.getDecoder().decode(file.substring(at + 11).strip()));
		Files.writeString(temp.resolve("public.pem"), secrets.checkpointPublicKeyPem());
		Process openssl = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "public.pem", "-rawin",
				"-in", "checkpoint.body", "-sigfile", "checkpoint.sig").directory(temp.toFile()).redirectErrorStream(true).start();
		String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(openssl.waitFor()).as(output).isZero();
		assertThat(output).contains("Signature Verified Successfully");
	}

	@Test
	void systemAdministratorsDownloadCheckpointsAndVerifyAgainstOneOnThePageAndTheApi() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		mvc.perform(post("/admin/audit/checkpoints").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
		long id = jdbc.sql("SELECT max(id) FROM audit_checkpoint").query(Long.class).single();
		mvc.perform(get("/admin/audit").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/audit/checkpoints/" + id)));
		String file = mvc.perform(get("/admin/audit/checkpoints/{id}", id).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		mvc.perform(get("/admin/audit/checkpoint-public-key.pem").session(admin))
			.andExpect(content().string(containsString("BEGIN PUBLIC KEY")));

		var verified = mvc.perform(multipart("/admin/audit/verify")
			.file(new MockMultipartFile("checkpoint", "checkpoint.txt", "text/plain", file.getBytes(StandardCharsets.UTF_8)))
			.session(admin)
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		ChainVerification onThePage = (ChainVerification) verified.getFlashMap().get("verification");
		assertThat(onThePage.intact()).isTrue();
		assertThat(onThePage.checkpoint().matches()).isTrue();
		mvc.perform(get("/admin/audit").session(admin).flashAttr("verification", onThePage))
			.andExpect(content().string(containsString("checkpoint-result")));
		// a file that is no checkpoint: the page again with the error beside the file field, not the error page
		mvc.perform(multipart("/admin/audit/verify")
			.file(new MockMultipartFile("checkpoint", "checkpoint.txt", "text/plain", "not a checkpoint".getBytes(StandardCharsets.UTF_8)))
			.session(admin)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"checkpoint\"")))
			.andExpect(content().string(containsString("不是邮管通的审计检查点文件")))
			.andExpect(content().string(containsString("name=\"checkpoint\"")));

		mvc.perform(post("/api/v1/audit-events/verification").header("Authorization", "Bearer demo-sys-admin-token")
			.contentType(MediaType.TEXT_PLAIN)
			.content(file))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.problem").doesNotExist())
			.andExpect(jsonPath("$.checkpoint.matches").value(true));
		mvc.perform(post("/api/v1/audit-events/verification").header("Authorization", "Bearer demo-sys-admin-token")
			.contentType(MediaType.TEXT_PLAIN)
			.content("not a checkpoint"))
			.andExpect(status().isBadRequest());
		// saved by Notepad with a byte order mark: the API reads it as the page does
		mvc.perform(post("/api/v1/audit-events/verification").header("Authorization", "Bearer demo-sys-admin-token")
			.contentType(MediaType.TEXT_PLAIN)
			.content(("\uFEFF" + file).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checkpoint.matches").value(true));
		mvc.perform(get("/api/v1/audit-events/checkpoints").header("Authorization", "Bearer demo-sys-admin-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].seq").isNumber());
		// only system administrators
		mvc.perform(get("/api/v1/audit-events/checkpoints").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/audit/checkpoints/{id}", id).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isForbidden());
	}

	private String newCheckpoint() {
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.checkpoint", "Test", "cp", "检查点之前的记录")));
		long id = audit.checkpointNow().orElseThrow();
		return chain.checkpointFile(id);
	}

	private void tamper(Runnable tampering) {
		tx.executeWithoutResult(s -> {
			jdbc.sql("SET LOCAL session_replication_role = replica").update();
			tampering.run();
			s.setRollbackOnly();
		});
	}
}
