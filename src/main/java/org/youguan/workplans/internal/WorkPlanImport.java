package org.youguan.workplans.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;
import org.youguan.org.DepartmentView;
import org.youguan.org.Departments;

/**
 * The import preview of a notice for the caller's bureau: nothing is saved; department names the bureau does not have
 * are listed for mapping.
 */
@Service
public class WorkPlanImport {

	static final int MAX_CHARS = 200_000;

	private final Departments departments;

	public WorkPlanImport(Departments departments) {
		this.departments = departments;
	}

	public PlanPreview preview(CurrentUser me, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidValueException("text", "required", "请粘贴或上传通知全文");
		}
		if (text.length() > MAX_CHARS) {
			throw new InvalidValueException("text", "size", "通知全文不能超过" + MAX_CHARS + "字");
		}
		Text.requireClean("text", "通知全文", text);
		Set<String> known = me.bureauId() == null ? Set.of()
				: departments.ofBureau(me.bureauId()).stream().map(DepartmentView::name).collect(Collectors.toSet());
		PlanPreview preview = NoticeParser.parse(text, known::contains);
		if (preview.sections().isEmpty() && preview.livelihoodProjects().isEmpty()) {
			throw new InvalidValueException("text", "structure", "未识别到“一、……”形式的部分和编号任务，请检查是否为工作目标任务分解通知全文");
		}
		return preview;
	}
}
