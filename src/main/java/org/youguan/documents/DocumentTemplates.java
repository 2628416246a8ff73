package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;

/**
 * The catalogue of every .docx template the platform fills, and the one way a module opens one: the administrator's
 * replacement when one is in force, otherwise the built-in file on the class path (issue 15: official documents "from
 * templates an administrator can replace"; every bureau's 文书式样 differs a little).
 *
 * <p>Catalogue: each module's service that fills templates declares them ({@link DeclaresTemplates}); they are
 * collected once the application has started — a key declared twice or a built-in file missing stops the start.
 * Filling: {@link #fill} (or {@link #open} for the bytes). Replacing: {@link #replace} checks the file
 * ({@link TemplateCheck}: a real .docx without macros, encryption or outside references, within
 * {@code youguan.documents.max-template-bytes}, whose {@code ${…}} fields are the declared ones placed where they are
 * filled) and stores it; {@link #revert} returns to the built-in template. Both keep what was there before (table
 * {@code document_template_version}, never changed or removed: {@link #history}, {@link #version}) and publish
 * {@link DocumentTemplateChanged} in their transaction, which the audit module records.
 */
@Service
public class DocumentTemplates implements SmartInitializingSingleton {

	/**
	 * One change of a template: an uploaded replacement ({@link #replacement()}, with its file's name, size and
	 * SHA-256) or a return to the built-in template (those three null).
	 */
	public record Change(long id, String templateKey, String sha256, Integer sizeBytes, String fileName, String changedBy,
			Instant changedAt, String note) {

		/** Whether this change put a replacement in force (false: it returned to the built-in template). */
		public boolean replacement() {
			return sha256 != null;
		}
	}

	/** A template with the change in force, null when it was never replaced. */
	public record Entry(DocumentTemplate template, Change current) {

		/** Whether an administrator's replacement is in force. */
		public boolean replaced() {
			return current != null && current.replacement();
		}
	}

	/** A stored replacement, with the declared fields the file does not use (shown as a warning). */
	public record Upload(Change change, List<String> missing) {
	}

	private static final String CHANGE_COLUMNS = "id, template_key, sha256, size_bytes, file_name, changed_by, changed_at, note";

	private final ObjectProvider<DeclaresTemplates> declarers;

	private final JdbcClient jdbc;

	private final WordTemplates words;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final long maxBytes;

	private volatile Map<String, DocumentTemplate> catalogue;

	DocumentTemplates(ObjectProvider<DeclaresTemplates> declarers, JdbcClient jdbc, WordTemplates words,
			ApplicationEventPublisher events, Clock clock, DocumentSettings settings) {
		this.declarers = declarers;
		this.jdbc = jdbc;
		this.words = words;
		this.events = events;
		this.clock = clock;
		this.maxBytes = settings.maxTemplateBytes();
	}

	/** Collects the catalogue at startup, so a broken declaration stops the start rather than a document. */
	@Override
	public void afterSingletonsInstantiated() {
		catalogueByKey();
	}

	private Map<String, DocumentTemplate> catalogueByKey() {
		Map<String, DocumentTemplate> known = catalogue;
		if (known == null) {
			known = declarers.orderedStream()
				.flatMap(d -> d.templates().stream())
				.sorted(Comparator.comparing(DocumentTemplate::key))
				.collect(Collectors.toMap(DocumentTemplate::key, Function.identity(), (a, b) -> {
					throw new IllegalStateException("Document template " + a.key() + " is declared twice");
				}, LinkedHashMap::new));
			for (DocumentTemplate t : known.values()) {
				if (!new ClassPathResource(t.builtIn()).exists()) {
					throw new IllegalStateException("Document template " + t.key() + ": no built-in file " + t.builtIn());
				}
			}
			catalogue = known;
		}
		return known;
	}

	/** Every template the platform fills, by key. */
	public List<DocumentTemplate> catalogue() {
		return List.copyOf(catalogueByKey().values());
	}

	/** Every template with the change in force (one query). */
	public List<Entry> entries() {
		Map<String, Change> current = jdbc.sql("SELECT DISTINCT ON (template_key) " + CHANGE_COLUMNS
				+ " FROM document_template_version ORDER BY template_key, id DESC")
			.query(Rows.of(Change.class))
			.list()
			.stream()
			.collect(Collectors.toMap(Change::templateKey, Function.identity()));
		return catalogue().stream().map(t -> new Entry(t, current.get(t.key()))).toList();
	}

	/** The template of a key, if the platform fills one. */
	public Optional<DocumentTemplate> find(String key) {
		return Optional.ofNullable(catalogueByKey().get(key));
	}

	/** The template of a key. @throws DomainException not-found (404) for a key no module declares */
	public DocumentTemplate get(String key) {
		return find(key).orElseThrow(() -> DomainException.notFound("文书模板", key));
	}

	/** The template with the change in force. @throws DomainException not-found for an unknown key */
	public Entry entry(String key) {
		DocumentTemplate t = get(key);
		return new Entry(t, history(key).stream().findFirst().orElse(null));
	}

	/**
	 * Fills the template in force for {@code template} (the replacement, else the built-in file) with
	 * {@link WordTemplates#fill}: the one way every module makes its documents.
	 * @throws IllegalStateException when the template is not in the catalogue (its module does not declare it)
	 */
	public byte[] fill(DocumentTemplate template, Map<String, String> fields,
			Map<String, List<Map<String, String>>> tables) {
		if (!template.equals(catalogueByKey().get(template.key()))) {
			throw new IllegalStateException("Document template " + template.key() + " is not declared by its module");
		}
		return words.fill(current(template.key()), fields, tables);
	}

	/**
	 * Fills a document served on a party (an enterprise, an applicant, a person) as {@link #fill} does, after masking
	 * every personal number in every field and table cell ({@link Masking#personalNumbersIn(String, String)}: a mobile or
	 * ID number, whole or in blocks — the party's own credit code left as it is). Staff's free text (findings, reasons,
	 * reports, addresses, file names) may hold a reporter's, witness's or employee's number, which the lists and exports
	 * mask; so does what the party receives. The one way every module makes a document for a party.
	 * @param partyCreditCode the party's 统一社会信用代码, kept in clear; null for a natural person or none
	 * @throws IllegalStateException when the template is not in the catalogue (its module does not declare it)
	 */
	public byte[] fillForParty(DocumentTemplate template, Map<String, String> fields,
			Map<String, List<Map<String, String>>> tables, String partyCreditCode) {
		Map<String, String> maskedFields = new LinkedHashMap<>();
		fields.forEach((name, value) -> maskedFields.put(name, Masking.personalNumbersIn(value, partyCreditCode)));
		Map<String, List<Map<String, String>>> maskedTables = new LinkedHashMap<>();
		tables.forEach((name, rows) -> maskedTables.put(name, rows.stream().map(row -> {
			Map<String, String> masked = new LinkedHashMap<>();
			row.forEach((column, value) -> masked.put(column, Masking.personalNumbersIn(value, partyCreditCode)));
			return masked;
		}).toList()));
		return fill(template, maskedFields, maskedTables);
	}

	/** The template in force for a key, to read. @throws DomainException not-found for an unknown key */
	public InputStream open(String key) {
		return new ByteArrayInputStream(current(key));
	}

	/** The bytes of the template in force. @throws DomainException not-found for an unknown key */
	public byte[] current(String key) {
		DocumentTemplate t = get(key);
		List<byte[]> newest = jdbc.sql("SELECT content FROM document_template_version WHERE template_key = :key "
				+ "ORDER BY id DESC LIMIT 1")
			.param("key", key)
			.query((rs, i) -> rs.getBytes(1))
			.list();
		return newest.isEmpty() || newest.get(0) == null ? builtIn(t) : newest.get(0);
	}

	/** The bytes of the built-in template. @throws DomainException not-found for an unknown key */
	public byte[] builtIn(String key) {
		return builtIn(get(key));
	}

	private static byte[] builtIn(DocumentTemplate t) {
		try {
			return new ClassPathResource(t.builtIn()).getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The changes of a template, newest first (the first is in force). */
	public List<Change> history(String key) {
		return jdbc.sql("SELECT " + CHANGE_COLUMNS + " FROM document_template_version WHERE template_key = :key ORDER BY id DESC")
			.param("key", key)
			.query(Rows.of(Change.class))
			.list();
	}

	/**
	 * The file of one stored replacement (current or earlier).
	 * @throws DomainException not-found when the key has no replacement of that id
	 */
	public byte[] version(String key, long id) {
		return jdbc.sql("SELECT content FROM document_template_version WHERE id = :id AND template_key = :key "
				+ "AND content IS NOT NULL")
			.param("id", id)
			.param("key", key)
			.query((rs, i) -> rs.getBytes(1))
			.optional()
			.orElseThrow(() -> DomainException.notFound("文书模板版本", key + " #" + id));
	}

	/**
	 * Puts an administrator's replacement in force after checking it ({@link TemplateCheck}); the template in force
	 * before stays in the history. The next document of its kind is filled from it.
	 * @param by who uploads it (the audit trail names the signed-in user as well)
	 * @return the stored change, with the declared fields the file does not use
	 * @throws DomainException not-found for an unknown key
	 * @throws InvalidValueException on {@code file} (see {@link TemplateCheck#check}; 413 beyond the size limit) or on
	 * {@code note} (longer than 500 characters)
	 */
	@Transactional
	public Upload replace(String key, String fileName, byte[] content, String note, String by) {
		DocumentTemplate t = get(key);
		String cleanNote = note(note);
		String name = new UploadedFile(fileName, content).fileName();
		TemplateCheck.Report report = TemplateCheck.check(t, name, content, maxBytes, words);
		String sha256 = sha256(content);
		long id = jdbc.sql("""
				INSERT INTO document_template_version (template_key, content, sha256, size_bytes, file_name, changed_by,
				    changed_at, note)
				VALUES (:key, :content, :sha, :size, :name, :by, :at, :note) RETURNING id""")
			.param("key", key).param("content", content).param("sha", sha256).param("size", content.length)
			.param("name", name).param("by", by).param("at", OffsetDateTime.now(clock)).param("note", cleanNote)
			.query(Long.class)
			.single();
		events.publishEvent(new DocumentTemplateChanged(key, t.title(), true, id, name, sha256, cleanNote));
		return new Upload(history(key).get(0), report.missing());
	}

	/**
	 * Returns a template to the built-in file; the replacement stays in the history.
	 * @throws DomainException not-found for an unknown key; illegal transition (409) when no replacement is in force
	 * @throws InvalidValueException on {@code note} (longer than 500 characters)
	 */
	@Transactional
	public Change revert(String key, String note, String by) {
		DocumentTemplate t = get(key);
		String cleanNote = note(note);
		if (!entry(key).replaced()) {
			throw DomainException.illegalTransition(Wording.of("documents.refusal.builtInTemplate", t.title()),
					"“" + t.title() + "”正在使用内置模板，无需恢复");
		}
		long id = jdbc.sql("""
				INSERT INTO document_template_version (template_key, changed_by, changed_at, note)
				VALUES (:key, :by, :at, :note) RETURNING id""")
			.param("key", key).param("by", by).param("at", OffsetDateTime.now(clock)).param("note", cleanNote)
			.query(Long.class)
			.single();
		events.publishEvent(new DocumentTemplateChanged(key, t.title(), false, id, null, null, cleanNote));
		return history(key).get(0);
	}

	/** The largest replacement accepted, in bytes ({@code youguan.documents.max-template-bytes}). */
	public long maxBytes() {
		return maxBytes;
	}

	private static String note(String note) {
		String clean = note == null || Text.isBlank(note) ? null : Text.freeText(note);
		new Validation().maxLength("note", "说明", clean, 500).throwIfInvalid();
		return clean;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
