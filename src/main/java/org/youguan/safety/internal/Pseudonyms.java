package org.youguan.safety.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.youguan.platform.PlatformSettings;

/**
 * The keyed pseudonym of an ID number (个人信息保护法 art.51: 去标识化; 快递暂行条例(2025) art.23 — the clear number is
 * never stored): HMAC-SHA256 under a per-deployment key, lower-case hex (64 characters), of the number stripped of
 * spaces and upper-cased (a trailing {@code x} of a 居民身份证 is the same as {@code X}). The same number gives the same
 * pseudonym under the same key (so the anomaly rules can link one sender's parcels and a courier to his own parcels);
 * without the key it cannot be linked to a number.
 *
 * <p>The key: {@code youguan.safety.pseudonym-key} (base64 of at least 32 random bytes, e.g.
 * {@code openssl rand -base64 32}), else the file {@code <data dir>/keys/safety-pseudonym.key}, generated on first use
 * readable by the owner only ({@code rw-------}) and refused when others may read it — the idiom of platform
 * {@code Secrets}. Changing the key makes every earlier pseudonym unlinkable to new ones.
 */
@Component
public class Pseudonyms {

	static final String KEY_PROPERTY = "youguan.safety.pseudonym-key";

	static final String KEY_FILE = "safety-pseudonym.key";

	private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
			PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

	private final SecretKeySpec key;

	@Autowired
	Pseudonyms(PlatformSettings settings, Environment environment) {
		this(key(environment.getProperty(KEY_PROPERTY), settings.dataDir().resolve("keys").resolve(KEY_FILE)));
	}

	/** A pseudonymiser under a given raw key (tests, benchmarks). */
	public Pseudonyms(byte[] key) {
		if (key.length < 32) {
			throw new IllegalStateException("配置项 " + KEY_PROPERTY + " 的密钥至少需要32字节（base64编码）");
		}
		this.key = new SecretKeySpec(key, "HmacSHA256");
	}

	/**
	 * The pseudonym of an ID number.
	 * @param idNumber the clear number as the sender or courier showed it (blank-insensitive)
	 * @return 64 lower-case hex digits; null for a null or blank number
	 */
	public String of(String idNumber) {
		if (idNumber == null || idNumber.isBlank()) {
			return null;
		}
		String normal = idNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(normal.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	/** A pseudonym shortened for display (its first 8 and last 4 characters): enough to tell two apart on a page. */
	public static String shorten(String pseudonym) {
		if (pseudonym == null || pseudonym.length() < 16) {
			return pseudonym;
		}
		return pseudonym.substring(0, 8) + "…" + pseudonym.substring(pseudonym.length() - 4);
	}

	private static byte[] key(String configured, Path file) {
		if (configured != null && !configured.isBlank()) {
			try {
				return Base64.getDecoder().decode(configured.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("配置项 " + KEY_PROPERTY + " 不是有效的base64编码");
			}
		}
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Path temp = Files.createTempFile(file.getParent(), "." + KEY_FILE, ".new");
				try {
					if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
						Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
					}
					Files.writeString(temp, Base64.getEncoder().encodeToString(fresh), StandardCharsets.UTF_8);
					Files.createLink(file, temp);
				}
				catch (FileAlreadyExistsException ex) {
					// another node or thread created it first: theirs wins
				}
				finally {
					Files.deleteIfExists(temp);
				}
			}
			PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
			if (view != null && view.readAttributes().permissions().stream().anyMatch(OTHERS::contains)) {
				throw new IllegalStateException("密钥文件 " + file + " 同组或其他用户也能访问：请执行 chmod 600 " + file + " 后再启动。");
			}
			return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).strip());
		}
		catch (IOException ex) {
			throw new IllegalStateException("无法读取或创建密钥文件 " + file + "：" + ex.getMessage(), ex);
		}
	}
}
