package org.youguan.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Key;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.HmacKey;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.HmacPrfKey;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.util.SecretBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;

/**
 * The application's secret keys, never stored in the database (a stolen database or backup reveals nothing they
 * protect, and whoever reaches the database cannot forge what they sign):
 * <ul>
 * <li>the <b>audit chain</b> key (HMAC-SHA256) that seals every audit event;</li>
 * <li>the <b>data encryption</b> key (AES-256-GCM) for personal data at rest (ID numbers, phones of private
 * persons);</li>
 * <li>the <b>data index</b> key (HMAC-SHA256 as a PRF) for the keyed hashes that let an encrypted value be found
 * (a phone search);</li>
 * <li>the <b>checkpoint</b> signing key pair (Ed25519) for the daily audit checkpoints, whose public half lets an
 * administrator verify a checkpoint with stock tools (openssl).</li>
 * </ul>
 * Each symmetric key comes from configuration ({@code YOUGUAN_AUDIT_KEY}, {@code YOUGUAN_DATA_KEY},
 * {@code YOUGUAN_DATA_INDEX_KEY}: base64 of 32 random bytes, e.g. {@code openssl rand -base64 32}; a comma-separated
 * list rotates: the first encrypts and seals, the others still decrypt and verify), else from a Tink keyset file in
 * {@code <data dir>/keys/} generated on first start. Key files are created {@code rw-------}; start-up is refused when
 * a key file or the key directory can be read by others or cannot be read at all, with a message saying what to do.
 * Every ciphertext and MAC starts with its key's id (Tink's output prefix), so keys can be rotated later.
 */
@Component
public class Secrets {

	private static final Logger log = LoggerFactory.getLogger(Secrets.class);

	static final String AUDIT_KEY = "youguan.audit.key";

	static final String DATA_KEY = "youguan.data.key";

	static final String INDEX_KEY = "youguan.data.index.key";

	static final String AUDIT_FILE = "audit-chain.json";

	static final String DATA_FILE = "data-encryption.json";

	static final String INDEX_FILE = "data-index.json";

	static final String CHECKPOINT_PRIVATE_FILE = "audit-checkpoint-ed25519.pem";

	/** The public half; not secret: administrators copy it to verify checkpoints elsewhere. */
	public static final String CHECKPOINT_PUBLIC_FILE = "audit-checkpoint-ed25519.pub.pem";

	static {
		try {
			AeadConfig.register();
			MacConfig.register();
			PrfConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final Path directory;

	private final KeysetHandle auditKeys;

	private final KeysetHandle dataKeys;

	private final Mac auditMac;

	private final Aead dataAead;

	private final PrfSet dataIndex;

	private final PrivateKey checkpointPrivate;

	private final PublicKey checkpointPublic;

	private final String checkpointPublicPem;

	@Autowired
	Secrets(PlatformSettings settings, Environment environment) {
		this(settings.dataDir().resolve("keys"), environment.getProperty(AUDIT_KEY),
				environment.getProperty(DATA_KEY), environment.getProperty(INDEX_KEY));
	}

	/**
	 * @param directory where key files are kept (created owner-only when missing)
	 * @param auditKey, dataKey, indexKey configured keys (base64, comma-separated for rotation), or null/blank to use
	 * the key files
	 */
	Secrets(Path directory, String auditKey, String dataKey, String indexKey) {
		this.directory = directory.toAbsolutePath().normalize();
		if (Files.isDirectory(this.directory)) {
			KeyFiles.requireOwnerOnly(this.directory);
		}
		try {
			this.auditKeys = keyset(AUDIT_KEY, auditKey, AUDIT_FILE,
					() -> KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
					(raw, id) -> HmacKey.builder()
						.setParameters(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
						.setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
						.setIdRequirement(id)
						.build());
			this.dataKeys = keyset(DATA_KEY, dataKey, DATA_FILE,
					() -> KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
					(raw, id) -> AesGcmKey.builder()
						.setParameters(PredefinedAeadParameters.AES256_GCM)
						.setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
						.setIdRequirement(id)
						.build());
			if (indexKey != null && indexKey.contains(",")) {
				throw new KeyFiles.KeyFileException(this.directory, "检索密钥（" + INDEX_KEY
						+ "）只能配置一个：换用新的检索密钥需要重新计算所有检索哈希，不能像加密密钥那样轮换。");
			}
			KeysetHandle indexKeys = keyset(INDEX_KEY, indexKey, INDEX_FILE,
					() -> KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF),
					(raw, id) -> HmacPrfKey.builder()
						.setParameters(PredefinedPrfParameters.HMAC_SHA256_PRF)
						.setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
						.build());
			this.auditMac = auditKeys.getPrimitive(RegistryConfiguration.get(), Mac.class);
			this.dataAead = dataKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
			this.dataIndex = indexKeys.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("密钥无法使用：" + ex.getMessage(), ex);
		}
		Path privateFile = this.directory.resolve(CHECKPOINT_PRIVATE_FILE);
		Path publicFile = this.directory.resolve(CHECKPOINT_PUBLIC_FILE);
		try {
			String privatePem = KeyFiles.read(privateFile).orElse(null);
			if (privatePem == null) {
				var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
				privatePem = KeyFiles.create(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
				if (!Files.exists(publicFile)) {
					Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
				}
				log.info("Generated the audit checkpoint signing key pair in {}", this.directory);
			}
			if (!Files.exists(publicFile)) {
				throw new KeyFiles.KeyFileException(publicFile, "审计检查点公钥文件 " + publicFile
						+ " 缺失：请从备份恢复（与私钥 " + privateFile + " 成对）。");
			}
			this.checkpointPublicPem = Files.readString(publicFile);
			KeyFactory factory = KeyFactory.getInstance("Ed25519");
			this.checkpointPrivate = factory.generatePrivate(new PKCS8EncodedKeySpec(unpem(privatePem)));
			this.checkpointPublic = factory.generatePublic(new X509EncodedKeySpec(unpem(checkpointPublicPem)));
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
			throw new KeyFiles.KeyFileException(privateFile,
					"审计检查点签名密钥（" + privateFile + "，" + publicFile + "）无法读取：" + ex.getMessage());
		}
	}

	/** Where the key files are kept. */
	public Path directory() {
		return directory;
	}

	/**
	 * The MAC of the audit chain: 5 bytes naming the key, then HMAC-SHA256 of {@code data} under the primary audit key.
	 */
	public byte[] auditMac(byte[] data) {
		try {
			return auditMac.computeMac(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether {@code mac} is the audit MAC of {@code data} under any of the audit keys (current or earlier). */
	public boolean auditMacMatches(byte[] mac, byte[] data) {
		try {
			auditMac.verifyMac(mac, data);
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** Whether a MAC was made with one of the configured audit keys (judged by the key id it starts with). */
	public boolean knowsAuditKeyOf(byte[] mac) {
		return knowsKeyOf(auditKeys, mac);
	}

	/**
	 * Encrypts personal data with AES-256-GCM under the primary data key. The result names its key; {@code context}
	 * (e.g. the column) must be given again to decrypt, so a ciphertext copied to another column does not open.
	 */
	public byte[] encrypt(String clear, String context) {
		try {
			return dataAead.encrypt(clear.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Decrypts what {@link #encrypt} made with the same context; fails when it was altered or the key is unknown. */
	public String decrypt(byte[] cipher, String context) {
		try {
			return new String(dataAead.decrypt(cipher, context.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("个人信息密文无法解密（" + context + "）：密文被改动，或数据加密密钥与加密时不同", ex);
		}
	}

	/**
	 * Encrypts a file's bytes (a scanned ID card, a photo) with AES-256-GCM under the primary data key, as
	 * {@link #encrypt} does text: the result names its key and opens only with the same {@code context}.
	 */
	public byte[] encryptBytes(byte[] clear, String context) {
		try {
			return dataAead.encrypt(clear, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Decrypts what {@link #encryptBytes} made with the same context; fails when it was altered or the key is unknown. */
	public byte[] decryptBytes(byte[] cipher, String context) {
		try {
			return dataAead.decrypt(cipher, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("文件密文无法解密（" + context + "）：密文被改动，或数据加密密钥与加密时不同", ex);
		}
	}

	/** Whether a ciphertext was made with one of the configured data keys (judged by the key id it starts with). */
	public boolean knowsDataKeyOf(byte[] cipher) {
		return knowsKeyOf(dataKeys, cipher);
	}

	/**
	 * A keyed hash (HMAC-SHA256 under the index key, 32 bytes) of a value in a domain, for finding encrypted values by
	 * equality without decrypting them; without the key it cannot be computed, so a phone number cannot be found by
	 * trying all of them against the database.
	 */
	public byte[] index(String domain, String value) {
		try {
			return dataIndex.computePrimary((domain + '\u0000' + value).getBytes(StandardCharsets.UTF_8), 32);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signs an audit checkpoint with the Ed25519 private key (64 bytes, RFC 8032). */
	public byte[] signCheckpoint(byte[] statement) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(checkpointPrivate);
			signature.update(statement);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether {@code signature} is this installation's Ed25519 signature of {@code statement}. */
	public boolean checkpointSignatureMatches(byte[] statement, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(checkpointPublic);
			verifier.update(statement);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * A module's own 32-byte secret key, kept like the others outside the database: {@code configured} (base64 of 32
	 * random bytes, e.g. {@code openssl rand -base64 32}) when given, else the key file {@code fileName} in the key
	 * directory, generated on first start owner-only ({@code rw-------}). Start-up is refused (as for the other keys)
	 * when the file can be read by others or is not 32 bytes of base64.
	 *
	 * @param property the configuration property naming the key, for the error message
	 * @param configured the configured key, or null/blank to use the key file
	 * @param fileName the key file's name in {@link #directory()}
	 * @return the 32 key bytes
	 */
	public byte[] moduleKey(String property, String configured, String fileName) {
		Path file = directory.resolve(fileName);
		String text = configured != null && !Text.isBlank(configured) ? Text.strip(configured) : KeyFiles.read(file).orElse(null);
		if (text == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			text = KeyFiles.create(file, Base64.getEncoder().encodeToString(fresh)).strip();
			log.info("Generated key file {} (owner-only); back it up apart from the database", file);
		}
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(Text.strip(text));
		}
		catch (IllegalArgumentException ex) {
			raw = new byte[0];
		}
		if (raw.length != 32) {
			throw new KeyFiles.KeyFileException(file, "密钥（" + property + "，或密钥文件 " + file
					+ "）应为32个随机字节的base64编码（例如 openssl rand -base64 32 的输出）。");
		}
		return raw;
	}

	/** The checkpoint public key as PEM (SubjectPublicKeyInfo), for {@code openssl pkeyutl -verify}. */
	public String checkpointPublicKeyPem() {
		return checkpointPublicPem;
	}

	private interface KeyOf {

		Key of(byte[] raw, int id) throws GeneralSecurityException;
	}

	private interface Generator {

		KeysetHandle generate() throws GeneralSecurityException;
	}

	private KeysetHandle keyset(String property, String configured, String fileName, Generator generator, KeyOf keyOf)
			throws GeneralSecurityException {
		if (configured != null && !Text.isBlank(configured)) {
			return fromConfiguration(property, configured, keyOf);
		}
		Path file = directory.resolve(fileName);
		String json = KeyFiles.read(file).orElse(null);
		if (json == null) {
			json = KeyFiles.create(file,
					TinkJsonProtoKeysetFormat.serializeKeyset(generator.generate(), InsecureSecretKeyAccess.get()));
			log.info("Generated key file {} (owner-only); back it up apart from the database", file);
		}
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new KeyFiles.KeyFileException(file, "密钥文件 " + file + " 不是有效的Tink密钥集：" + ex.getMessage()
					+ "。请从备份恢复该文件。");
		}
	}

	private static KeysetHandle fromConfiguration(String property, String configured, KeyOf keyOf)
			throws GeneralSecurityException {
		KeysetHandle.Builder builder = KeysetHandle.newBuilder();
		List<String> parts = new ArrayList<>(List.of(configured.split(",")));
		Set<Integer> ids = new HashSet<>();
		for (int i = 0; i < parts.size(); i++) {
			byte[] raw;
			try {
				raw = Base64.getDecoder().decode(parts.get(i).strip());
			}
			catch (IllegalArgumentException ex) {
				raw = new byte[0];
			}
			if (raw.length != 32) {
				throw new KeyFiles.KeyFileException(Path.of(property), "配置项 " + property + " 的第" + (i + 1)
						+ "个密钥应为32个随机字节的base64编码（例如 openssl rand -base64 32 的输出）。");
			}
			int id = keyId(raw);
			if (!ids.add(id)) {
				continue;
			}
			Key key = keyOf.of(raw, id);
			var entry = KeysetHandle.importKey(key);
			if (key.getIdRequirementOrNull() == null) {
				entry.withFixedId(id);
			}
			if (i == 0) {
				entry.makePrimary();
			}
			builder.addEntry(entry);
		}
		return builder.build();
	}

	/** A stable id for a configured key (the same key has the same id on every node and every start). */
	private static int keyId(byte[] raw) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update("youguan key id".getBytes(StandardCharsets.US_ASCII));
			return ByteBuffer.wrap(sha.digest(raw)).getInt();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean knowsKeyOf(KeysetHandle keys, byte[] output) {
		if (output == null || output.length < 5 || output[0] != 1) {
			return false;
		}
		int id = ByteBuffer.wrap(output, 1, 4).getInt();
		for (int i = 0; i < keys.size(); i++) {
			if (keys.getAt(i).getId() == id) {
				return true;
			}
		}
		return false;
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static byte[] unpem(String pem) {
		return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
	}
}
