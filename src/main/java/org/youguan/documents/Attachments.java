package org.youguan.documents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Rows;
import org.youguan.platform.Secrets;

/**
 * The one attachment store of every module (filing materials, complaint evidence, work-plan progress files, and the
 * modules to come). In: a file a user uploaded ({@link UploadedFile}), its owner ({@link AttachmentOwner}: module,
 * owner type, owner id) and its kind. The file is checked by content as every upload is — JPEG, PNG or PDF by magic
 * number whatever its name says, an image's header decoded and its pixels within {@code youguan.documents.max-image-*}
 * ({@link UploadedFile#checkedContentType}, {@link OfficeFiles}) — and against the size limit the owning module is
 * configured with; then stored in PostgreSQL encrypted (AES-256-GCM under the data key kept outside the database,
 * {@link Secrets#encryptBytes}, bound to the row's id so a ciphertext moved to another row does not open).
 * Out: {@link Attachment} descriptions for pages; the bytes only through {@code GET /attachments/{id}}
 * ({@code AttachmentController}), after the owning module's {@link AttachmentAccess} allowed the caller, with the
 * stored content type, {@code nosniff}, a sandbox CSP and an RFC 6266 file name.
 *
 * <p>A form that fails validation keeps its files: {@link #hold} stores them provisionally for an
 * {@link AttachmentDraft} (the form's token and the uploading user) until {@code youguan.attachments.provisional-ttl}
 * has passed (then {@code ProvisionalAttachments} removes them) or {@link #attach} gives them their owner.
 *
 * <p>Errors: {@link InvalidValueException} on the caller's field, with the rule {@code required}, {@code size},
 * {@code content-type}, {@code image-size} or {@code image} (see {@link UploadedFile#checkedContentType}); nothing is
 * stored from a refused file. Everything runs in the caller's transaction.
 */
@Service
@EnableConfigurationProperties(AttachmentSettings.class)
public class Attachments {

	private static final Logger log = LoggerFactory.getLogger(Attachments.class);

	private static final String COLUMNS = "id, kind, file_name, content_type, size_bytes, uploaded_at";

	private final JdbcClient jdbc;

	private final Secrets secrets;

	private final Clock clock;

	private final Duration provisionalTtl;

	Attachments(JdbcClient jdbc, Secrets secrets, Clock clock, AttachmentSettings settings) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
		this.provisionalTtl = settings.provisionalTtl();
	}

	/** The encryption context of an attachment's content: its row. */
	static String context(long id) {
		return "attachment.content:" + id;
	}

	/**
	 * Checks a file without storing it: the real content type, or an {@link InvalidValueException} on {@code field}
	 * naming the file ({@code label}: what it is, e.g. 营业执照) and the rule broken ({@code maxBytes}: the owning
	 * module's configured limit).
	 */
	public String check(UploadedFile file, String field, String label, long maxBytes) {
		return file.checkedContentType(field, label, maxBytes);
	}

	/**
	 * Checks and stores a file for its owner.
	 * @return the stored attachment
	 * @throws InvalidValueException when the file is refused (see {@link #check}); nothing is stored then
	 */
	public Attachment store(AttachmentOwner owner, String kind, UploadedFile file, String field, String label,
			long maxBytes) {
		return stored(owner, kind, file, check(file, field, label, maxBytes));
	}

	/**
	 * Checks a file that may also be an audio or video recording ({@link UploadedFile#checkedContentTypeOrMedia}):
	 * a scan or image within {@code maxBytes}, a recording within {@code maxMediaBytes}.
	 * @return the real content type
	 * @throws InvalidValueException on {@code field} naming the file and the rule broken
	 */
	public String checkWithMedia(UploadedFile file, String field, String label, long maxBytes, long maxMediaBytes) {
		return file.checkedContentTypeOrMedia(field, label, maxBytes, maxMediaBytes);
	}

	/**
	 * Checks ({@link #checkWithMedia}) and stores a file that may be a recording, for its owner.
	 * @return the stored attachment
	 * @throws InvalidValueException when the file is refused; nothing is stored then
	 */
	public Attachment storeWithMedia(AttachmentOwner owner, String kind, UploadedFile file, String field, String label,
			long maxBytes, long maxMediaBytes) {
		return stored(owner, kind, file, checkWithMedia(file, field, label, maxBytes, maxMediaBytes));
	}

	private Attachment stored(AttachmentOwner owner, String kind, UploadedFile file, String type) {
		long id = insert(owner.module(), owner.type(), owner.id(), kind, file, type, null);
		return new Attachment(id, kind, storedName(file.fileName(), type), type, file.content().length, clock.instant());
	}

	/**
	 * Keeps a Word document the platform generated for its owner (a 责令改正通知书 as issued), encrypted like every
	 * attachment and served by the same scoped download. Only a .docx is taken: an OOXML package within the office
	 * file limits ({@link OfficeFiles#requireWithinLimits}).
	 * @param fileName the name the download offers, e.g. {@code 责令改正通知书-….docx}
	 * @return the stored attachment (content type {@link Downloads#DOCX})
	 * @throws InvalidValueException on field {@code document} when the content is not such a package
	 */
	public Attachment storeGenerated(AttachmentOwner owner, String kind, String fileName, byte[] docx) {
		if (docx == null || docx.length < 4 || docx[0] != 'P' || docx[1] != 'K') {
			throw new InvalidValueException("document", "docx", "生成的文书不是Word（.docx）文件");
		}
		OfficeFiles.requireWithinLimits(docx, "document", "Word文档（.docx）");
		UploadedFile file = new UploadedFile(fileName, docx);
		String type = Downloads.DOCX.toString();
		long id = insert(owner.module(), owner.type(), owner.id(), kind, file, type, null);
		return new Attachment(id, kind, file.fileName(), type, docx.length, clock.instant());
	}

	/** The attachments of one owner, oldest first. */
	public List<Attachment> list(AttachmentOwner owner) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM attachment WHERE module = :module AND owner_type = :type"
				+ " AND owner_id = :id ORDER BY id")
			.param("module", owner.module())
			.param("type", owner.type())
			.param("id", owner.id())
			.query(Rows.of(Attachment.class))
			.list();
	}

	/** The attachments of several owners of one type (a page listing many records), by owner id, oldest first. */
	public Map<Long, List<Attachment>> list(String module, String ownerType, Collection<Long> ownerIds) {
		Map<Long, List<Attachment>> result = new HashMap<>();
		if (ownerIds.isEmpty()) {
			return result;
		}
		var row = Rows.of(Attachment.class);
		jdbc.sql("SELECT owner_id, " + COLUMNS + " FROM attachment WHERE module = :module AND owner_type = :type"
				+ " AND owner_id IN (:ids) ORDER BY id")
			.param("module", module)
			.param("type", ownerType)
			.param("ids", ownerIds)
			.query((rs, i) -> result.computeIfAbsent(rs.getLong("owner_id"), k -> new ArrayList<>()).add(row.mapRow(rs, i)))
			.list();
		return result;
	}

	/**
	 * Checks a file and holds it provisionally for a form that has not succeeded yet (see {@link AttachmentDraft}),
	 * until {@code youguan.attachments.provisional-ttl} from now.
	 * @throws InvalidValueException when the file is refused (see {@link #check}); nothing is held then
	 */
	public Attachment hold(AttachmentDraft draft, String kind, UploadedFile file, String field, String label,
			long maxBytes) {
		String type = check(file, field, label, maxBytes);
		long id = insert(draft.module(), draft.ownerType(), null, kind, file, type, draft);
		return new Attachment(id, kind, storedName(file.fileName(), type), type, file.content().length, clock.instant());
	}

	/** The files held for a draft (only its holder's, not expired), oldest first. */
	public List<Attachment> held(AttachmentDraft draft) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM attachment WHERE " + DRAFT + " ORDER BY id")
			.params(draftParams(draft))
			.query(Rows.of(Attachment.class))
			.list();
	}

	/** How many files, of how many bytes in all, are held now (not expired) for a set of drafts. */
	public record HeldTotal(long files, long bytes) {
	}

	/**
	 * What is held now (not expired) for the drafts of a module's owner type whose holder starts with
	 * {@code holderPrefix} (a holder itself, or a family of holders such as every anonymous visitor's): lets a module
	 * cap what a holder, or everybody without an account together, may keep held.
	 */
	public HeldTotal heldTotal(String module, String ownerType, String holderPrefix) {
		return jdbc.sql("SELECT count(*), coalesce(sum(size_bytes), 0) FROM attachment WHERE module = :module"
				+ " AND owner_type = :type AND draft IS NOT NULL AND starts_with(draft_holder, :prefix) AND expires_at >= :now")
			.param("module", module)
			.param("type", ownerType)
			.param("prefix", holderPrefix)
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.query((rs, i) -> new HeldTotal(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** How many files, of how many bytes in all, one owner keeps. */
	public HeldTotal total(AttachmentOwner owner) {
		return total(owner, null);
	}

	/** How many files of {@code kind} (null: of any kind), of how many bytes in all, one owner keeps. */
	private HeldTotal total(AttachmentOwner owner, String kind) {
		return jdbc.sql("SELECT count(*), coalesce(sum(size_bytes), 0) FROM attachment WHERE module = :module"
				+ " AND owner_type = :type AND owner_id = :id AND (CAST(:kind AS text) IS NULL OR kind = :kind)")
			.param("module", owner.module())
			.param("type", owner.type())
			.param("id", owner.id())
			.param("kind", kind)
			.query((rs, i) -> new HeldTotal(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/**
	 * Refuses files that would take their owner beyond what its module lets one record keep: more than
	 * {@code maxFiles} files, or more than {@code maxTotalBytes} bytes in all — the files it keeps and the files of
	 * this request together, so neither many small uploads nor one request of many files grows a record without bound
	 * (each file alone is held to its own limit by {@link #check}). Call it under the owner's lock, before storing.
	 * @param owner the record the files are for
	 * @param adding the files of this request
	 * @param field the form or API field of the files
	 * @param label what the files are, e.g. 整改佐证材料
	 * @param noun what the owner is, e.g. 隐患
	 * @throws InvalidValueException on {@code field}: rule {@code count} ("整改佐证材料每个隐患最多20份：已有19份，本次上传2份")
	 *         or {@code total-size} ("…合计不超过100MB：已有…，本次上传…")
	 */
	public void requireRoom(AttachmentOwner owner, List<UploadedFile> adding, String field, String label, String noun,
			int maxFiles, long maxTotalBytes) {
		requireRoom(owner, null, adding, field, label, noun, maxFiles, maxTotalBytes);
	}

	/**
	 * As {@link #requireRoom(AttachmentOwner, List, String, String, String, int, long)}, counting only the owner's files
	 * of {@code kind} — for a record that keeps files of other kinds beside them (a document generated for it) that are
	 * no part of what the cap is about.
	 * @param kind the kind of the files counted and added (null: every kind)
	 */
	public void requireRoom(AttachmentOwner owner, String kind, List<UploadedFile> adding, String field, String label,
			String noun, int maxFiles, long maxTotalBytes) {
		if (adding.isEmpty()) {
			return;
		}
		HeldTotal kept = total(owner, kind);
		long bytes = adding.stream().mapToLong(f -> f.content() == null ? 0 : f.content().length).sum();
		if (kept.files() + adding.size() > maxFiles) {
			throw new InvalidValueException(field, "count", label + "每个" + noun + "最多" + maxFiles + "份：已有" + kept.files()
					+ "份，本次上传" + adding.size() + "份");
		}
		if (kept.bytes() + bytes > maxTotalBytes) {
			throw new InvalidValueException(field, "total-size", label + "每个" + noun + "合计不超过" + megabytes(maxTotalBytes)
					+ "：已有" + megabytes(kept.bytes()) + "，本次上传" + megabytes(bytes));
		}
	}

	/** A size for a message: "20MB", "0.3MB". */
	private static String megabytes(long bytes) {
		return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024L * 1024), 1,
				java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "MB";
	}

	/** Lets go of one held file (the form's "remove"); another draft's file or an unknown id changes nothing. */
	public void release(AttachmentDraft draft, long id) {
		jdbc.sql("DELETE FROM attachment WHERE id = :attachment AND " + DRAFT).params(draftParams(draft))
			.param("attachment", id)
			.update();
	}

	/**
	 * Gives every file held for the draft its owner, once the form has succeeded (in the same transaction as the
	 * owner's creation); returns them.
	 */
	public List<Attachment> attach(AttachmentDraft draft, AttachmentOwner owner) {
		List<Attachment> held = held(draft);
		jdbc.sql("UPDATE attachment SET owner_id = :owner, draft = NULL, draft_holder = NULL, expires_at = NULL WHERE "
				+ DRAFT)
			.params(draftParams(draft))
			.param("owner", owner.id())
			.update();
		return held;
	}

	/**
	 * Removes held files whose time has passed (their form was abandoned); returns how many.
	 */
	public int removeExpired() {
		int removed = jdbc.sql("DELETE FROM attachment WHERE expires_at < :now")
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
		if (removed > 0) {
			log.info("Removed {} provisional attachments of abandoned forms", removed);
		}
		return removed;
	}

	/** An attachment's clear content, for the download. */
	record Content(String fileName, String contentType, byte[] content) {
	}

	/** The owner of an attached file (never a held one), read before its content. @throws DomainException 404 */
	AttachmentOwner owner(long id) {
		return jdbc.sql("SELECT module, owner_type, owner_id FROM attachment WHERE id = :id AND owner_id IS NOT NULL")
			.param("id", id)
			.query((rs, i) -> new AttachmentOwner(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("附件", id));
	}

	/** The attachment's content, decrypted. @throws DomainException not found (404) */
	Content content(long id) {
		return jdbc.sql("SELECT file_name, content_type, content_cipher FROM attachment WHERE id = :id AND owner_id IS NOT NULL")
			.param("id", id)
			.query((rs, i) -> new Content(rs.getString(1), rs.getString(2), secrets.decryptBytes(rs.getBytes(3), context(id))))
			.optional()
			.orElseThrow(() -> DomainException.notFound("附件", id));
	}

	/** The id a file has now that had {@code legacyId} in its module's own table (before V90), if the owner matches. */
	Optional<Long> legacy(String module, long ownerId, long legacyId) {
		return jdbc.sql("SELECT id FROM attachment WHERE module = :module AND legacy_id = :legacy"
				+ " AND (owner_id = :owner OR :owner = 0)")
			.param("module", module)
			.param("legacy", legacyId)
			.param("owner", ownerId)
			.query(Long.class)
			.optional();
	}

	private static final String DRAFT = "module = :module AND owner_type = :type AND draft = :draft"
			+ " AND draft_holder = :holder AND expires_at >= :now";

	private Map<String, Object> draftParams(AttachmentDraft draft) {
		return Map.of("module", draft.module(), "type", draft.ownerType(), "draft", draft.token(), "holder",
				draft.holder(), "now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	/** The file name extensions each stored content type is known by, the first the one a name is given. */
	private static final Map<String, List<String>> EXTENSIONS = Map.ofEntries(
			Map.entry("image/jpeg", List.of("jpg", "jpeg", "jpe", "jfif")), Map.entry("image/png", List.of("png")),
			Map.entry("application/pdf", List.of("pdf")), Map.entry("audio/mpeg", List.of("mp3")),
			Map.entry("audio/mp4", List.of("m4a", "mp4", "aac")), Map.entry("audio/vnd.wave", List.of("wav")),
			Map.entry("audio/x-wav", List.of("wav")), Map.entry("audio/wav", List.of("wav")),
			Map.entry("audio/amr", List.of("amr")), Map.entry("video/mp4", List.of("mp4", "m4v")),
			Map.entry("video/quicktime", List.of("mov", "qt")), Map.entry("video/3gpp", List.of("3gp", "3gpp")),
			Map.entry("video/x-m4v", List.of("m4v", "mp4")), Map.entry(Downloads.DOCX.toString(), List.of("docx")));

	/**
	 * The name a file is kept under: the name it came with when its extension is one its content (checked, not
	 * claimed) is known by, else that name with the content's own extension added — a PNG sent as {@code a.html} is
	 * kept and offered as {@code a.html.png}, so the name a download offers never contradicts what the file is.
	 * @param contentType the checked content type; a type without known extensions keeps the name
	 * @return the name, at most 200 characters (its beginning cut, as {@link UploadedFile} cuts)
	 */
	static String storedName(String fileName, String contentType) {
		List<String> known = EXTENSIONS.get(contentType);
		if (known != null && fileName.endsWith(".") && !fileName.matches("\\.+")) {
			// "a.png." is a.png as Windows names it: the trailing dots are no extension
			fileName = fileName.replaceFirst("\\.+$", "");
		}
		int dot = fileName.lastIndexOf('.');
		String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (known == null || known.contains(extension)) {
			return fileName;
		}
		String named = fileName + "." + known.get(0);
		return named.length() > 200 ? named.substring(named.length() - 200) : named;
	}

	private long insert(String module, String ownerType, Long ownerId, String kind, UploadedFile file, String type,
			AttachmentDraft draft) {
		long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('attachment', 'id'))").query(Long.class).single();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO attachment (id, module, owner_type, owner_id, kind, file_name, content_type, size_bytes,
				    content_cipher, uploaded_at, draft, draft_holder, expires_at)
				VALUES (:id, :module, :type, :owner, :kind, :name, :contentType, :size, :cipher, :now, :draft, :holder, :expires)""")
			.param("id", id)
			.param("module", module)
			.param("type", ownerType)
			.param("owner", ownerId)
			.param("kind", kind)
			.param("name", storedName(file.fileName(), type))
			.param("contentType", type)
			.param("size", file.content().length)
			.param("cipher", secrets.encryptBytes(file.content(), context(id)))
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("draft", draft == null ? null : draft.token())
			.param("holder", draft == null ? null : draft.holder())
			.param("expires", draft == null ? null : OffsetDateTime.ofInstant(now.plus(provisionalTtl), ZoneOffset.UTC))
			.update();
		return id;
	}
}
