package org.youguan.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Files holding secrets (keys, the embedded database password) in the data directory: created readable and writable
 * by the owner only ({@code rw-------}, directory {@code rwx------}), and refused when anyone else may read them —
 * as ssh refuses a private key others can read. On a file system without POSIX permissions the check is skipped.
 */
final class KeyFiles {

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private KeyFiles() {
	}

	/** The text of a secret file, or empty when it does not exist; refused when others may access it. */
	static Optional<String> read(Path file) {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		requireOwnerOnly(file);
		try {
			return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (AccessDeniedException ex) {
			throw new KeyFileException(file, "无法读取密钥文件 " + file + "：当前用户（" + System.getProperty("user.name")
					+ "）没有读取权限。请以创建该文件的用户运行邮管通，或将文件属主改为当前用户（chown），权限保持600。");
		}
		catch (IOException ex) {
			throw new KeyFileException(file, "无法读取密钥文件 " + file + "：" + ex.getMessage());
		}
	}

	/**
	 * Writes a new secret file with owner-only permissions (its directory too). Never overwrites: a file that appeared
	 * meanwhile wins and is returned.
	 */
	static String create(Path file, String content) {
		try {
			createDirectory(file.getParent());
			// written completely under a temporary name, then linked into place: a link fails if the file exists
			Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".new");
			try {
				restrict(temp, OWNER_FILE);
				Files.writeString(temp, content, StandardCharsets.UTF_8);
				Files.createLink(file, temp);
			}
			catch (FileAlreadyExistsException ex) {
				return read(file).orElseThrow();
			}
			finally {
				Files.deleteIfExists(temp);
			}
			return content;
		}
		catch (IOException ex) {
			throw new KeyFileException(file, "无法创建密钥文件 " + file + "：" + ex.getMessage()
					+ "。请确认数据目录存在且可由运行邮管通的用户写入。");
		}
	}

	/** Creates a directory for secrets (owner-only) or checks an existing one. */
	static void createDirectory(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			Files.createDirectories(dir);
			restrict(dir, OWNER_DIR);
		}
		requireOwnerOnly(dir);
	}

	/** Refuses a file or directory that the group or others may read, write or enter. */
	static void requireOwnerOnly(Path path) {
		PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
		if (view == null) {
			return;
		}
		Set<PosixFilePermission> permissions;
		try {
			permissions = view.readAttributes().permissions();
		}
		catch (IOException ex) {
			throw new KeyFileException(path, "无法读取 " + path + " 的权限：" + ex.getMessage());
		}
		if (permissions.stream().anyMatch(OTHERS::contains)) {
			boolean dir = Files.isDirectory(path);
			throw new KeyFileException(path, (dir ? "密钥目录 " : "密钥文件 ") + path + " 的权限为 "
					+ PosixFilePermissions.toString(permissions) + "，同组或其他用户也能访问。密钥只能由运行邮管通的用户读取："
					+ "请执行 chmod " + (dir ? "700 " : "600 ") + path + " 后再启动。");
		}
	}

	private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
		if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	/** A key file that cannot be used; the message says what to do. Start-up stops with it. */
	static final class KeyFileException extends IllegalStateException {

		private final transient Path file;

		KeyFileException(Path file, String message) {
			super(message);
			this.file = file;
		}

		Path file() {
			return file;
		}
	}
}
