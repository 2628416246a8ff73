package org.youguan.complaints.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.youguan.IntegrationTest;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.complaints.ComplaintView;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff complaint queue's rows written by {@link QueueRow#html} are the rows its template wrote before (issue 12):
 * the template's row markup, kept here as it was, rendered by Thymeleaf with Spring's expressions for the same rows —
 * the demo city's complaints in every state, and each of them once more with every badge (疑似重复, 逾期答复, 暂定,
 * 超期, 即将到期), a row class, and texts and a link full of characters HTML escapes — gives the same markup, whitespace
 * between elements aside.
 */
@IntegrationTest
class QueueRowHtmlIntegrationTest {

	/** The rows of {@code complaints/queue.html} before they were written in Java, with the labels as variables. */
	static final String TEMPLATE_ROWS = """
			<tbody>
			<tr th:each="r : ${rows}" th:with="c=${r.c()}" th:class="${r.rowClass()}">
			  <td><a th:href="${r.href()}" th:text="${c.number()}">编号</a>
			    <span th:if="${c.duplicateOf() != null}" class="badge bg-orange-lt" th:text="${duplicateLabel}">疑似重复</span></td>
			  <td><span th:text="${c.brandName()}">顺丰</span><div class="small text-secondary" th:text="${c.enterpriseName()}">企业</div></td>
			  <td><span th:text="${c.category()}">延误</span><div class="small text-secondary" th:text="${c.reason()}">原因</div></td>
			  <td th:text="${c.regionName()}">吴中区</td>
			  <td><span th:class="${r.statusClass()}" th:text="${c.status().label()}">待受理</span>
			    <span th:if="${c.replyLate()}" class="badge bg-red-lt" th:text="${replyLateLabel}">逾期答复</span></td>
			  <td th:text="${c.receivedOn()}">日期</td>
			  <td><span th:text="${r.due()}">日期</span>
			  <span th:if="${r.provisional()}" class="badge bg-azure-lt provisional" th:title="${provisionalHint}" th:text="${provisionalLabel}">暂定</span>
			  <span th:if="${r.overdue()}" class="badge bg-red" th:text="${overdueLabel}">超期</span>
			  <span th:if="${r.dueSoon()}" class="badge bg-yellow" th:text="${dueSoonLabel}">即将到期</span></td>
			</tr>
			</tbody>""";

	static final String NASTY = "<甲&乙 \"公司\" 'x'>";

	@Autowired
	ComplaintQueries queries;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void theRowsWrittenInJavaAreTheRowsTheTemplateWrote() throws Exception {
		List<ComplaintView> shown = queries
			.queue(DataScope.region("3205"), ComplaintQueries.Filter.NONE, new PageQuery("", 0, 100, null, false))
			.items();
		assertThat(shown).hasSizeGreaterThan(10);
		List<QueueRow> rows = new ArrayList<>(shown.stream().map(c -> QueueRow.of(c, "/ctx", calendar)).toList());
		for (ComplaintView c : shown.subList(0, 5)) {
			ComplaintView marked = with(c, Map.of("duplicateOf", "TS-1", "replyLate", true, "enterpriseName", NASTY,
					"reason", NASTY, "brandName", "A&B", "regionName", "\"区\""));
			rows.add(new QueueRow(marked, "/ctx/complaints/" + c.id() + "?a=1&b=\"2\"", "table-danger",
					"badge bg-blue-lt", "2026-12-01", true, true, true));
			rows.add(new QueueRow(with(c, Map.of("enterpriseName", "", "category", "延误")), "/x", null,
					"badge bg-secondary-lt", "—", false, false, false));
		}
		var labels = new QueueRow.Labels("疑似<重复>", "逾期&答复", "提示\"暂定\"", "暂定", "超期", "即将到期", null, null);

		SpringTemplateEngine engine = new SpringTemplateEngine();
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.HTML);
		engine.setTemplateResolver(resolver);
		Context context = new Context();
		context.setVariable("rows", rows);
		context.setVariable("duplicateLabel", labels.duplicate());
		context.setVariable("replyLateLabel", labels.replyLate());
		context.setVariable("provisionalHint", labels.provisionalHint());
		context.setVariable("provisionalLabel", labels.provisional());
		context.setVariable("overdueLabel", labels.overdue());
		context.setVariable("dueSoonLabel", labels.dueSoon());
		String template = engine.process(TEMPLATE_ROWS, context);

		String java = "<tbody>" + QueueRow.html(rows, labels) + "</tbody>";
		assertThat(normalised(java)).isEqualTo(normalised(template));
		assertThat(java).contains("&lt;甲&amp;乙 &quot;公司&quot; &#39;x&#39;&gt;", "?a=1&amp;b=&quot;2&quot;",
				"title=\"提示&quot;暂定&quot;\"", "class=\"table-danger\"");
	}

	/** Whitespace between elements left out (the template's indentation), nothing else changed. */
	static String normalised(String html) {
		return html.replaceAll(">\\s+<", "><").trim();
	}

	/** A copy of {@code c} with some components replaced. */
	static ComplaintView with(ComplaintView c, Map<String, Object> changes) throws Exception {
		RecordComponent[] components = ComplaintView.class.getRecordComponents();
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			String name = components[i].getName();
			values[i] = changes.containsKey(name) ? changes.get(name) : components[i].getAccessor().invoke(c);
		}
		return ComplaintView.class
			.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new))
			.newInstance(values);
	}
}
