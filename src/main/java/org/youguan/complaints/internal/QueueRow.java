package org.youguan.complaints.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.unbescape.html.HtmlEscape;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.complaints.ComplaintView;
import org.youguan.kernel.EnumWords;

/**
 * One row of the staff complaint queue page with what its markup needs prepared once: the link, the row's and the
 * status badge's CSS classes and the step's due date as shown (issue 12: the queue page spent most of its time
 * evaluating a dozen expressions and a fragment per row). The rows' markup is written here ({@link #html}), not by the
 * template engine: a flight recording of the page put a quarter of its template time in processing the rows' elements.
 *
 * @param c the complaint as the queue reads it ({@code ComplaintQueries.queue})
 * @param href the complaint's page (context path included)
 * @param rowClass {@code table-danger} when overdue, {@code table-warning} when due soon, otherwise null (no class)
 * @param statusClass the status badge's classes: grey once finished, blue while in procedure
 * @param due the current step's due date, or "—"
 * @param provisional the due date lies in a year whose holiday notice is not loaded (暂定)
 * @param overdue {@link ComplaintView#overdue()}
 * @param dueSoon {@link ComplaintView#dueSoon()}
 */
public record QueueRow(ComplaintView c, String href, String rowClass, String statusClass, String due, boolean provisional,
		boolean overdue, boolean dueSoon) {

	/**
	 * The rows' badge labels and hint, looked up once per page in its language.
	 *
	 * @param duplicate 疑似重复
	 * @param replyLate 逾期答复
	 * @param provisionalHint the 暂定 badge's title
	 * @param provisional 暂定
	 * @param overdue 超期
	 * @param dueSoon 即将到期
	 */
	/** The bundle's prefix of a complaint category's words (its catalogue name after it: 延误 → Delay). */
	static final String CATEGORY = "complaint.category.";

	/** The bundle's prefix of a complaint reason's words. */
	static final String REASON = "complaint.reason.";

	/**
	 * The words the rows show besides their data, in the page's language: the badges, and the catalogue's category and
	 * reason and the status ({@link #word}).
	 */
	record Labels(String duplicate, String replyLate, String provisionalHint, String provisional, String overdue,
			String dueSoon, MessageSource messages, Locale locale) {

		/** A catalogue name or a status in the page's language: the bundle's {@code key}, else {@code chinese}. */
		String word(String key, String chinese) {
			return chinese == null || messages == null ? chinese : messages.getMessage(key, null, chinese, locale);
		}

		static Labels of(MessageSource messages, Locale locale) {
			return new Labels(messages.getMessage("complaint.duplicate", null, locale),
					messages.getMessage("complaint.replyLate", null, locale),
					messages.getMessage("calendar.provisional.hint", null, locale),
					messages.getMessage("calendar.provisional", null, locale),
					messages.getMessage("filing.overdue", null, locale), messages.getMessage("filing.dueSoon", null, locale),
					messages, locale);
		}
	}

	/**
	 * The queue table's rows as HTML, one {@code <tr>} per row: number (linked) and 疑似重复, brand and enterprise,
	 * category and reason, region, status badge and 逾期答复, received on, the step's due date with 暂定, 超期 or 即将到期.
	 * Every text and attribute value is escaped as the template engine escapes them (HTML 4 / XML significant
	 * characters), so the markup is what the template wrote for the same rows, whitespace aside.
	 *
	 * @param rows the rows
	 * @param labels the badges' labels
	 * @return the rows' markup
	 */
	static String html(List<QueueRow> rows, Labels labels) {
		StringBuilder out = new StringBuilder(rows.size() * 1024);
		for (QueueRow r : rows) {
			r.write(out, labels);
		}
		return out.toString();
	}

	private void write(StringBuilder out, Labels labels) {
		out.append("<tr");
		if (rowClass != null) {
			out.append(" class=\"").append(escape(rowClass)).append('"');
		}
		out.append(">\n  <td><a href=\"").append(escape(href)).append("\">").append(escape(c.number())).append("</a>");
		if (c.duplicateOf() != null) {
			badge(out, "badge bg-orange-lt", null, labels.duplicate());
		}
		out.append("</td>\n  <td><span>").append(escape(c.brandName()))
			.append("</span><div class=\"small text-secondary\">").append(escape(c.enterpriseName()))
			.append("</div></td>\n  <td><span>").append(escape(labels.word(CATEGORY + c.category(), c.category())))
			.append("</span><div class=\"small text-secondary\">").append(escape(labels.word(REASON + c.reason(), c.reason())))
			.append("</div></td>\n  <td>").append(escape(c.regionName())).append("</td>\n  <td><span class=\"")
			.append(escape(statusClass)).append("\">").append(escape(labels.word(EnumWords.key(c.status()), c.status().label()))).append("</span>");
		if (c.replyLate()) {
			badge(out, "badge bg-red-lt", null, labels.replyLate());
		}
		out.append("</td>\n  <td>").append(escape(c.receivedOn())).append("</td>\n  <td><span>").append(escape(due))
			.append("</span>");
		if (provisional) {
			badge(out, "badge bg-azure-lt provisional", labels.provisionalHint(), labels.provisional());
		}
		if (overdue) {
			badge(out, "badge bg-red", null, labels.overdue());
		}
		if (dueSoon) {
			badge(out, "badge bg-yellow", null, labels.dueSoon());
		}
		out.append("</td>\n</tr>\n");
	}

	private static void badge(StringBuilder out, String css, String title, String label) {
		out.append("\n    <span class=\"").append(css).append('"');
		if (title != null) {
			out.append(" title=\"").append(escape(title)).append('"');
		}
		out.append('>').append(escape(label)).append("</span>");
	}

	/** As the template engine writes a value: nothing for null, otherwise its text escaped. */
	private static String escape(Object value) {
		return value == null ? "" : HtmlEscape.escapeHtml4Xml(value.toString());
	}

	static QueueRow of(ComplaintView c, String contextPath, WorkingCalendar calendar) {
		boolean overdue = c.overdue();
		boolean dueSoon = c.dueSoon();
		return new QueueRow(c, contextPath + "/complaints/" + c.id(),
				overdue ? "table-danger" : dueSoon ? "table-warning" : null,
				c.status().finished() ? "badge bg-secondary-lt" : "badge bg-blue-lt",
				c.stepDue() == null ? "—" : c.stepDue().toString(),
				c.stepDue() != null && calendar.isProvisional(c.stepDue()), overdue, dueSoon);
	}
}
