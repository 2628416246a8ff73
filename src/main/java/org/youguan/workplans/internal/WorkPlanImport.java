package org.youguan.workplans.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.org.CurrentUser;
import org.youguan.org.DepartmentView;
import org.youguan.org.Departments;
import org.youguan.workplans.WorkPlans;

/**
 * The import preview of a notice for the caller's bureau: nothing is saved; department names the bureau does not have
 * are listed for mapping; a notice the bureau has imported before, and a part or a whole notice without tasks, are
 * warnings.
 */
@Service
public class WorkPlanImport {

	static final int MAX_CHARS = 200_000;

	private final Departments departments;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MainTargetRules mainTargets;

	public WorkPlanImport(Departments departments, JdbcClient jdbc, Clock clock, MainTargetRules mainTargets) {
		this.departments = departments;
		this.mainTargets = mainTargets;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A plan of the bureau imported from the same notice. */
	public record Imported(long id, String title) {
	}

	/**
	 * What the notice contains for the caller's bureau.
	 * @throws InvalidValueException field {@code text}: {@code required}, {@code size}, a forbidden character, or
	 *         {@code structure} when no part "一、…" and no livelihood project was recognised
	 */
	public PlanPreview preview(CurrentUser me, String text) {
		if (text == null || Text.isBlank(text)) {
			throw new InvalidValueException("text", "required", "请粘贴或上传通知全文");
		}
		if (text.length() > MAX_CHARS) {
			throw new InvalidValueException("text", "size", "通知全文不能超过" + MAX_CHARS + "字");
		}
		Text.requireClean("text", "通知全文", text);
		Set<String> known = me.bureauId() == null ? Set.of()
				: departments.ofBureau(me.bureauId()).stream().map(DepartmentView::name).collect(Collectors.toSet());
		// a notice is long free text: zero-width characters and bidirectional marks inside its tasks, headings and
		// department names are removed as from every free text (Text.freeText), never stored unseen
		PlanPreview preview = NoticeParser.parse(Text.freeText(text), known::contains);
		if (preview.sections().isEmpty() && preview.livelihoodProjects().isEmpty()) {
			throw new InvalidValueException("text", "structure", "未识别到“一、……”形式的部分和编号任务，请检查是否为工作目标任务分解通知全文");
		}
		// what 确认导入 would refuse is told here first, not only after the reader has mapped departments and confirmed
		List<String> warnings = new ArrayList<>(WorkPlans.importRefusals(preview, LocalDate.now(clock)));
		// a target clause the parser does not read (a unit it does not know) would be dropped from the plan silently
		TargetParser.unread(preview.targets()).forEach(c -> warnings.add("主要工作目标中的“" + c
				+ "”未能识别为目标（应为“××完成/达到+数值+单位”，单位如亿元、万元、亿件、万件、个、家、%），不会列为主要目标，请核对原文"));
		if (preview.year() != null) {
			mainTargets.problems(preview.targets(), preview.year()).forEach(e -> warnings.add("确认导入将被拒绝：" + e.message()));
		}
		if (preview.taskCount() == 0) {
			warnings.add("未识别到任何任务：各部分下没有“1. ……（××处牵头）”形式的编号任务，也没有可读的任务表格，确认导入将得到没有任务的计划");
		}
		else {
			preview.sections().stream().filter(s -> s.tasks().isEmpty())
				.forEach(s -> warnings.add("“" + s.heading() + "”下未识别到任务，请核对原文"));
			preview.livelihoodProjects().stream().filter(p -> p.items().isEmpty())
				.forEach(p -> warnings.add("民生实事“" + p.title() + "”下未识别到分项，请核对原文"));
			preview.sections().forEach(s -> s.tasks().forEach(t -> unassigned(s.heading(), t).ifPresent(warnings::add)));
			preview.livelihoodProjects()
				.forEach(p -> p.items().forEach(t -> unassigned("民生实事“" + p.title() + "”", t).ifPresent(warnings::add)));
		}
		imported(me, text).ifPresent(p -> warnings.add(duplicateMessage(p)));
		numbered(me, preview.documentNumber()).ifPresent(p -> warnings.add("确认导入将被拒绝：文号" + preview.documentNumber()
				+ "已用于本局的工作计划《" + Masking.personalNumbersIn(p.title()) + "》（编号" + p.id() + "），一个文号只能对应一份文件"));
		return preview.warn(warnings);
	}

	/** A bracket left in a task's text that names departments or a deadline: one the parser did not understand. */
	private static final Pattern UNREAD_BRACKET = Pattern.compile(
			"[（(][^（）()]*(?:牵头|负责|配合|参与|协同|协助|协办|时限|完成时间|期限|截止)[^（）()]*[）)]");

	/**
	 * The warning a task needs when no department answers for it — nobody would be chased for its reports, and every
	 * department's report would be refused — or when its text keeps a bracket naming departments or a deadline that was
	 * not read ("（综合科牵头，另见附件）"): it would be imported as text, due at the year's end.
	 * @param part the part's heading, as the warning names it
	 */
	static Optional<String> unassigned(String part, PlanPreview.Task t) {
		Matcher unread = UNREAD_BRACKET.matcher(t.text());
		String where = "“" + part + "”第" + t.number() + "项（第" + t.line() + "行）";
		if (t.departments().isEmpty()) {
			return Optional.of(where + "未识别出责任处室" + (unread.find() ? "（括号“" + unread.group() + "”未能识别）" : "")
					+ "：导入后没有处室负责填报，也不会被催报，请按“（××处牵头，××处配合）”写明责任处室后重新预览");
		}
		if (unread.find()) {
			return Optional.of(where + "的括号“" + unread.group() + "”未能识别，将作为任务内容导入：请核对责任处室和完成时限");
		}
		return Optional.empty();
	}

	/**
	 * Refuses a notice the caller's bureau has imported before (the same text, white space aside) — a second upload of
	 * the same document, or the same preview confirmed twice. Holds a lock on the bureau and fingerprint until the
	 * caller's transaction ends, so two confirms at once are ordered and the second one sees the first one's plan.
	 * @return the fingerprint to store with the plan
	 * @throws DomainException {@link ErrorCode#DUPLICATE} (409) on {@code text}, rule {@code duplicate}, naming the plan
	 */
	public String requireNotImported(CurrentUser me, String text) {
		String fingerprint = fingerprint(text);
		TransactionLocks.hold(jdbc, "work_plan_import:" + me.bureauId() + "|" + fingerprint);
		Optional<Imported> existing = imported(me, text);
		if (existing.isPresent()) {
			String message = duplicateMessage(existing.get());
			throw new DomainException(ErrorCode.DUPLICATE, message, List.of(new FieldError("text", "duplicate", message)));
		}
		return fingerprint;
	}

	/** The bureau's plan carrying the 文号 (or a look-alike of it, {@link Text#identifierKey}), if any. */
	private Optional<Imported> numbered(CurrentUser me, String number) {
		if (me.bureauId() == null || number == null || Text.isBlank(number)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id, title FROM work_plan WHERE bureau_id = :bureau AND "
				+ Text.identifierKeySql("document_number") + " = :key ORDER BY id LIMIT 1")
			.param("bureau", me.bureauId())
			.param("key", Text.identifierKey(number))
			.query((rs, i) -> new Imported(rs.getLong("id"), rs.getString("title")))
			.optional();
	}

	/** The bureau's plan imported from the same notice, if any. */
	Optional<Imported> imported(CurrentUser me, String text) {
		if (me.bureauId() == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id, title FROM work_plan WHERE bureau_id = :bureau AND content_sha256 = :sha ORDER BY id LIMIT 1")
			.param("bureau", me.bureauId())
			.param("sha", fingerprint(text))
			.query((rs, i) -> new Imported(rs.getLong("id"), rs.getString("title")))
			.optional();
	}

	private static String duplicateMessage(Imported plan) {
		return "该通知已导入为工作计划《" + plan.title() + "》（编号" + plan.id() + "），不能重复导入：请打开该计划查看或修改";
	}

	/**
	 * The notice's fingerprint: SHA-256 of its text compatibility-normalised (NFKC: full-width digits, letters and
	 * brackets as the ASCII they show, as {@code Text.identifier} reads numbers) and without any white space, so the
	 * same document pasted, uploaded as .txt or as .docx (line breaks and indentation differ) or retyped with a
	 * full-width "１." is one notice, with or without zero-width characters inside ({@link Text#freeText}).
	 */
	static String fingerprint(String text) {
		// read as the preview reads it (Text.freeText): a copy with zero-width characters inside is the same notice
		return DigestUtils.sha256Hex(Normalizer.normalize(Text.freeText(text), Normalizer.Form.NFKC)
			.replaceAll("[\\s\\p{Z}\\u3000\\uFEFF]+", ""));
	}
}
