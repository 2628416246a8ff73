package org.youguan.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keys live outside the database: generated once into owner-only files (and refused when others can read them), or
 * taken from configuration, where a list rotates them.
 */
class SecretsTest {

	@TempDir
	Path dir;

	@Test
	void generatesOwnerOnlyKeyFilesOnceAndUsesThemAgainOnTheNextStart() throws Exception {
		Path keys = dir.resolve("keys");
		Secrets first = new Secrets(keys, null, null, null);
		byte[] cipher = first.encrypt("13800138000", "complaint.filer_phone");
		for (String file : new String[] { "audit-chain.json", "data-encryption.json", "data-index.json",
				"audit-checkpoint-ed25519.pem" }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(file)))).as(file)
				.isEqualTo("rw-------");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");

		Secrets again = new Secrets(keys, null, null, null);
		assertThat(again.decrypt(cipher, "complaint.filer_phone")).isEqualTo("13800138000");
		assertThat(again.index("phone", "13800138000")).isEqualTo(first.index("phone", "13800138000"));
		byte[] mac = first.auditMac(new byte[] { 1, 2, 3 });
		assertThat(again.auditMacMatches(mac, new byte[] { 1, 2, 3 })).isTrue();
		byte[] signature = first.signCheckpoint(new byte[] { 4 });
		assertThat(again.checkpointSignatureMatches(new byte[] { 4 }, signature)).isTrue();
		assertThat(again.checkpointPublicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
	}

	@Test
	void refusesToStartWhenOthersCanReadAKeyFile() throws Exception {
		Path keys = dir.resolve("keys");
		new Secrets(keys, null, null, null);
		Files.setPosixFilePermissions(keys.resolve("data-encryption.json"), PosixFilePermissions.fromString("rw-r--r--"));
		assertThatThrownBy(() -> new Secrets(keys, null, null, null)).isInstanceOf(KeyFiles.KeyFileException.class)
			.hasMessageContaining("data-encryption.json")
			.hasMessageContaining("rw-r--r--")
			.hasMessageContaining("chmod 600");
		Files.setPosixFilePermissions(keys.resolve("data-encryption.json"), PosixFilePermissions.fromString("rw-------"));
		Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
		assertThatThrownBy(() -> new Secrets(keys, null, null, null)).hasMessageContaining("chmod 700");
	}

	@Test
	void aDamagedKeyFileIsNamed() throws Exception {
		Path keys = dir.resolve("keys");
		new Secrets(keys, null, null, null);
		Files.writeString(keys.resolve("audit-chain.json"), "{not a keyset");
		assertThatThrownBy(() -> new Secrets(keys, null, null, null)).hasMessageContaining("audit-chain.json")
			.hasMessageContaining("备份恢复");
	}

	@Test
	void configuredKeysRotateTheFirstEncryptsTheOthersStillDecrypt() {
		String oldKey = randomKey();
		String newKey = randomKey();
		Secrets before = new Secrets(dir.resolve("a"), randomKey(), oldKey, randomKey());
		byte[] old = before.encrypt("110101199003071234", "outlet.manager_id");

		Secrets rotated = new Secrets(dir.resolve("b"), randomKey(), newKey + "," + oldKey, randomKey());
		assertThat(rotated.decrypt(old, "outlet.manager_id")).isEqualTo("110101199003071234");
		assertThat(rotated.knowsDataKeyOf(old)).isTrue();
		byte[] fresh = rotated.encrypt("110101199003071234", "outlet.manager_id");

		Secrets onlyNew = new Secrets(dir.resolve("c"), randomKey(), newKey, randomKey());
		assertThat(onlyNew.decrypt(fresh, "outlet.manager_id")).isEqualTo("110101199003071234");
		assertThat(onlyNew.knowsDataKeyOf(old)).isFalse();
		assertThatThrownBy(() -> onlyNew.decrypt(old, "outlet.manager_id")).hasMessageContaining("无法解密");
		// no key file is written when the keys are configured
		assertThat(dir.resolve("c").resolve("data-encryption.json")).doesNotExist();
	}

	@Test
	void aCiphertextOpensOnlyForItsOwnColumn() {
		Secrets secrets = new Secrets(dir.resolve("keys"), null, null, null);
		byte[] id = secrets.encrypt("110101199003071234", "outlet.manager_id");
		assertThatThrownBy(() -> secrets.decrypt(id, "complaint.filer_phone")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theSearchHashIsKeyedAndSeparatedByDomain() {
		Secrets one = new Secrets(dir.resolve("a"), null, null, null);
		Secrets other = new Secrets(dir.resolve("b"), null, null, null);
		assertThat(one.index("phone", "13800138000")).hasSize(32)
			.isEqualTo(one.index("phone", "13800138000"))
			.isNotEqualTo(one.index("id", "13800138000"))
			.isNotEqualTo(other.index("phone", "13800138000"));
	}

	@Test
	void aConfiguredKeyMustBeThirtyTwoBytes() {
		assertThatThrownBy(() -> new Secrets(dir, null, "c2hvcnQ=", null)).hasMessageContaining("youguan.data.key")
			.hasMessageContaining("openssl rand -base64 32");
		assertThatThrownBy(() -> new Secrets(dir, null, null, randomKey() + "," + randomKey()))
			.hasMessageContaining("只能配置一个");
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}
}
