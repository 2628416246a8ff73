package org.youguan.workplans.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
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
		}
		imported(me, text).ifPresent(p -> warnings.add(duplicateMessage(p)));
		return preview.warn(warnings);
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
