package org.youguan.region;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FileKind;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.platform.BackgroundJobs.State;
import org.youguan.platform.BackgroundJobs;
import org.youguan.region.RegionImport.Phase;
import org.youguan.region.RegionImport.Rename;
import org.youguan.region.RegionImport.RowError;
import org.youguan.region.internal.CsvAccess;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports streets or villages from the CSV format of {@code shared/data/regions} (plain or gzip), optionally limited
 * to one province. Every row is validated first; a file with any bad row imports nothing and reports every bad row;
 * a good file is written in one transaction. Runs in the background on the node that received the upload; its
 * progress and outcome are kept as a {@link BackgroundJobs} job, so the progress page answers on every node of a
 * cluster (and shows the job failed when its node stops mid-way: the import's transaction is then rolled back).
 */
@Service
public class RegionImporter implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RegionImporter.class);

	static final String KIND = "region.import";

	static final List<String> STREET_HEADER = List.of("code", "name", "areaCode");

	static final List<String> VILLAGE_HEADER = List.of("code", "name", "streetCode");

	private static final int BATCH = 2_000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final AuditTrail audit;

	private final BackgroundJobs jobs;

	private final JsonMapper json;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "region-import");
		t.setDaemon(true);
		return t;
	});

	RegionImporter(JdbcTemplate jdbc, TransactionTemplate tx, AuditTrail audit, BackgroundJobs jobs, JsonMapper json) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.jobs = jobs;
		this.json = json;
	}

	/** What the job keeps besides its progress: the upload, and at the end the count or every bad row. */
	record Detail(String fileName, String provinceFilter, long imported, List<RowError> errors, List<Rename> renamed) {

		Detail(String fileName, String provinceFilter, long imported, List<RowError> errors) {
			this(fileName, provinceFilter, imported, errors, List.of());
		}
	}

	/**
	 * Reads and checks the upload, then starts the import in the background on this node.
	 *
	 * @return the job's id (its progress page is {@code /admin/regions/import/{id}} on any node)
	 * @throws InvalidValueException when the province filter is not two digits or the file is empty, of another kind
	 * than CSV text ({@link #decode}), not UTF-8 or not gzip (nothing is started)
	 */
	public String start(String fileName, byte[] content, String provinceFilter) {
		if (provinceFilter != null && !Text.isBlank(provinceFilter) && !Text.strip(provinceFilter).matches("\\d{2}")) {
			throw new InvalidValueException("province", "format", "省份应为2位行政区划代码，如32");
		}
		String province = provinceFilter == null || Text.isBlank(provinceFilter) ? null : Text.strip(provinceFilter);
		List<CsvAccess.Row> lines = decode(content);
		UUID id = begin(fileName, province, lines);
		SecurityContext security = SecurityContextHolder.getContext();
		executor.submit(() -> {
			SecurityContextHolder.setContext(security);
			try {
				run(id, fileName, lines, province);
			}
			catch (RuntimeException ex) {
				log.error("Region import {} failed", id, ex);
				jobs.finish(id, State.FAILED, 0, failed(ex), null);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		});
		return id.toString();
	}

	/**
	 * The job's message of an import that stopped: a refusal's own words (a {@link DomainException} is written for the
	 * user), anything else — a database or programming error, whose text is English and names tables — as an internal
	 * error, logged with its stack trace by the caller.
	 */
	static String failed(RuntimeException ex) {
		return "导入失败：" + (ex instanceof DomainException ? ex.getMessage() : "系统内部错误（已记录日志），请稍后重试或联系管理员");
	}

	/** Runs an import in the calling thread (the demo seeder and tests use this); returns the finished state. */
	public RegionImport importNow(String fileName, byte[] content, String provinceFilter) {
		List<CsvAccess.Row> lines = decode(content);
		UUID id = begin(fileName, provinceFilter, lines);
		try {
			run(id, fileName, lines, provinceFilter);
		}
		catch (RuntimeException ex) {
			jobs.finish(id, State.FAILED, 0, failed(ex), null);
			throw ex;
		}
		return job(id.toString()).orElseThrow();
	}

	/** The import with this id as its progress page shows it, whichever node runs it; empty when unknown. */
	public Optional<RegionImport> job(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return jobs.find(uuid).filter(j -> KIND.equals(j.kind())).map(this::view);
	}

	private UUID begin(String fileName, String province, List<CsvAccess.Row> lines) {
		return jobs.start(KIND, Actors.currentName(), Phase.VALIDATING.name(), lines.size() - 1,
				json.writeValueAsString(new Detail(fileName, province, 0, List.of())));
	}

	private RegionImport view(BackgroundJobs.Job job) {
		Detail d = json.readValue(job.detail(), Detail.class);
		Phase phase = job.state() == State.RUNNING ? Phase.valueOf(job.step()) : Phase.valueOf(job.state().name());
		return new RegionImport(job.id().toString(), d.fileName(), d.provinceFilter(), phase, job.done(), job.total(),
				d.imported(), d.errors() == null ? List.of() : d.errors(), d.renamed() == null ? List.of() : d.renamed(),
				job.message(), job.startedAt(), job.finishedAt());
	}

	private void run(UUID id, String fileName, List<CsvAccess.Row> lines, String province) {
		List<String> header = lines.get(0).fields();
		boolean villages;
		if (header.size() >= 3 && header.subList(0, 3).equals(VILLAGE_HEADER)) {
			villages = true;
		}
		else if (header.size() >= 3 && header.subList(0, 3).equals(STREET_HEADER)) {
			villages = false;
		}
		else {
			finish(id, State.REJECTED, lines.size() - 1, new Detail(fileName, province, 0,
					List.of(new RowError(1, "", new FieldError("header", "format",
							"表头应以 code,name,areaCode（乡镇/街道）或 code,name,streetCode（村/社区）开头")))),
					"文件格式不正确，未导入任何数据");
			return;
		}
		int codeLength = villages ? 12 : 9;
		int parentLength = villages ? 9 : 6;
		Set<String> knownParents = new HashSet<>(jdbc.queryForList(
				"SELECT code FROM region WHERE length(code) = ?", String.class, parentLength));
		List<RowError> errors = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 1; i < lines.size(); i++) {
			long lineNo = lines.get(i).line();
			List<String> f = lines.get(i).fields();
			String code = f.get(0);
			if (province != null && !code.startsWith(province)) {
				continue;
			}
			int before = errors.size();
			if (f.size() < 3) {
				errors.add(new RowError(lineNo, code, new FieldError("row", "columns", "列数不足，应至少有3列")));
			}
			else {
				String name = f.get(1);
				String parent = f.get(2);
				if (!code.matches("\\d{" + codeLength + "}")) {
					errors.add(new RowError(lineNo, code, new FieldError("code", "format",
							"代码应为" + codeLength + "位数字")));
				}
				else if (!seen.add(code)) {
					errors.add(new RowError(lineNo, code, new FieldError("code", "unique", "代码在文件中重复")));
				}
				// a region's name is shown on every page, picker, sheet and document: the name rules, and words only
				new Validation().name("name", "名称", name, MAX_NAME).wordsOnly("name", "名称", Text.strip(name)).errors()
					.forEach(e -> errors.add(new RowError(lineNo, code, e)));
				if (!knownParents.contains(parent)) {
					errors.add(new RowError(lineNo, code, new FieldError(header.get(2), "exists",
							"上级区划" + parent + "不存在" + (villages ? "（请先导入乡镇/街道）" : ""))));
				}
				else if (!code.startsWith(parent)) {
					errors.add(new RowError(lineNo, code, new FieldError(header.get(2), "prefix",
							"代码不以上级区划代码" + parent + "开头")));
				}
				if (errors.size() == before) {
					rows.add(new Object[] { code, Text.name(name), parent, villages ? "VILLAGE" : "STREET" });
				}
			}
			if (i % 5_000 == 0) {
				jobs.progress(id, Phase.VALIDATING.name(), i, lines.size() - 1);
			}
		}
		if (!errors.isEmpty()) {
			finish(id, State.REJECTED, lines.size() - 1, new Detail(fileName, province, 0, errors),
					"发现" + errors.size() + "处错误，未导入任何数据，请修正后重新导入");
			return;
		}
		jobs.progress(id, Phase.IMPORTING.name(), 0, rows.size());
		String level = villages ? "村/社区" : "乡镇/街道";
		List<Rename> renamed = new ArrayList<>();
		tx.executeWithoutResult(status -> {
			for (int from = 0; from < rows.size(); from += BATCH) {
				List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
				renamed.addAll(renames(batch));
				jdbc.batchUpdate("""
						INSERT INTO region (code, name, parent_code, level) VALUES (?, ?, ?, ?)
						ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code""",
						batch);
				jobs.progress(id, Phase.IMPORTING.name(), from + batch.size(), rows.size());
			}
			for (Rename r : renamed) {
				audit.record(AuditEntry.of("region.rename", "Region", r.code(),
						"导入时更名" + level + r.code() + "：“" + r.before() + "”改为“" + r.after() + "”")
					.states(java.util.Map.of("name", r.before()), java.util.Map.of("name", r.after()))
					.installationWide());
			}
			audit.record(AuditEntry.of("region.import", "Region", province == null ? "全部" : province,
					"导入" + level + rows.size() + "条" + (province == null ? "" : "（省份" + province + "）")
							+ (renamed.isEmpty() ? "" : "，其中更名" + renamed.size() + "条"))
				.installationWide());
		});
		finish(id, State.DONE, rows.size(), new Detail(fileName, province, rows.size(), List.of(), renamed),
				"已导入" + level + rows.size() + "条" + (renamed.isEmpty() ? "" : "，其中" + renamed.size() + "条更改了已有区划的名称（见下表）"));
	}

	/** The most characters of a region's name (column {@code region.name}). */
	static final int MAX_NAME = 100;

	/**
	 * The codes of a batch already in the register under another name: an import renames them, which the import's
	 * answer lists and the trail records one by one (before and after), not only as the import's count.
	 */
	private List<Rename> renames(List<Object[]> batch) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		for (Object[] row : batch) {
			names.put((String) row[0], (String) row[1]);
		}
		List<Rename> renamed = new ArrayList<>();
		jdbc.query("SELECT code, name FROM region WHERE code = ANY (?) ORDER BY code",
				rs -> {
					String after = names.get(rs.getString("code"));
					if (!rs.getString("name").equals(after)) {
						renamed.add(new Rename(rs.getString("code"), rs.getString("name"), after));
					}
				}, (Object) names.keySet().toArray(String[]::new));
		return renamed;
	}

	private void finish(UUID id, State state, long done, Detail detail, String message) {
		jobs.finish(id, state, done, message, json.writeValueAsString(detail));
	}

	/** The most characters a file may expand to: all of China's villages are about 30 million. */
	static final long MAX_EXPANDED_CHARS = 100_000_000L;

	/**
	 * Accepts UTF-8 text or gzip-compressed UTF-8 text, recognised by content (the gzip magic number), not by name;
	 * a text (or what a gzip file expands to) beyond {@link #MAX_EXPANDED_CHARS} is refused as it is read, so a gzip
	 * bomb never fills the memory. The text is then read as CSV records ({@link CsvAccess}: RFC 4180, a quoted field
	 * may hold a line break), each with the line it starts on.
	 * A file (or a gzip file's content) that is no text but a PDF, an Office file, an image or an archive — or an unknown
	 * binary ({@link FileKind#isBinary}) — is refused by what it is ({@link FileKind}), before it is read as text; a text
	 * in another encoding (GBK, UTF-16) is refused as not UTF-8 (rule encoding).
	 * @throws InvalidValueException on {@code file}: rule required, empty, zip-size, control-character, encoding,
	 * truncated (a gzip file cut short), format (neither text nor gzip, or a quote left open), wrong-kind ("这是Word文档
	 * （.docx），不是CSV文本文件"), encrypted (an encrypted Office file)
	 */
	static List<CsvAccess.Row> decode(byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidValueException("file", "required", "请选择要导入的文件");
		}
		if (!isGzip(content)) {
			FileKind.requireText(content, "file", CSV, UPLOAD_CSV);
			if (FileKind.isBinary(content)) {
				// no kind FileKind tells, and no text: refused by what it is, not as a CSV in another encoding
				throw FileKind.wrongKind("file", FileKind.BINARY, CSV, UPLOAD_CSV);
			}
		}
		StringBuilder text = new StringBuilder();
		try (InputStream raw = new BufferedInputStream(new ByteArrayInputStream(content));
				InputStream in = isGzip(content) ? unpacked(new GZIPInputStream(raw)) : raw) {
			var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
			var reader = new BufferedReader(new InputStreamReader(in, decoder));
			long lines = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (text.length() + line.length() + 1 > MAX_EXPANDED_CHARS) {
					throw new InvalidValueException("file", "zip-size", "文件解压后超过" + ChineseText.count(MAX_EXPANDED_CHARS)
							+ "字符（可能是“压缩炸弹”），已拒绝；全国村级区划约三千万字符");
				}
				lines++;
				if (Text.forbiddenAt(line) >= 0) {
					throw new InvalidValueException("file", "control-character", "第" + lines + "行含有不允许的字符（"
							+ Text.codePoint(line, Text.forbiddenAt(line)) + "）");
				}
				text.append(lines == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).append('\n');
			}
		}
		catch (CharacterCodingException ex) {
			throw new InvalidValueException("file", "encoding", "文件不是UTF-8编码的CSV文本");
		}
		catch (EOFException ex) {
			throw new InvalidValueException("file", "truncated", "压缩文件不完整（gzip文件在结尾前中断），请重新压缩或上传完整的文件");
		}
		catch (IOException ex) {
			throw new InvalidValueException("file", "format", "无法读取文件：既不是CSV文本也不是有效的gzip压缩文件");
		}
		List<CsvAccess.Row> rows;
		try {
			rows = CsvAccess.read(new StringReader(text.toString()));
		}
		catch (JacksonException ex) {
			throw new InvalidValueException("file", "format", "CSV格式错误：引号未闭合");
		}
		if (rows.isEmpty()) {
			throw new InvalidValueException("file", "empty", "文件为空");
		}
		return rows;
	}

	/** What the import takes, as its refusals name it. */
	private static final String CSV = "CSV文本文件";

	private static final String UPLOAD_CSV = "请上传UTF-8编码的CSV文件（可用gzip压缩为.csv.gz）";

	/**
	 * A gzip file's content, refused by what it is when its first bytes are no text but a PDF, an Office file, an image
	 * or an archive ({@link FileKind#ofHead}: a gzip holding a PDF is no CSV).
	 */
	private static InputStream unpacked(InputStream gzip) throws IOException {
		BufferedInputStream in = new BufferedInputStream(gzip, 64 * 1024);
		in.mark(HEAD_BYTES);
		byte[] head = in.readNBytes(HEAD_BYTES);
		in.reset();
		String what = FileKind.ofHead(head);
		if (what == null && FileKind.isBinary(head)) {
			what = FileKind.BINARY;
		}
		if (what != null) {
			throw FileKind.wrongKind("file", "gzip压缩的" + what, CSV, UPLOAD_CSV);
		}
		return in;
	}

	/** The bytes a kind is told from at the start of a stream. */
	private static final int HEAD_BYTES = 1024;

	private static boolean isGzip(byte[] content) {
		return content.length > 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
