package org.youguan.complaints;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.DeclaresTemplates;
import org.youguan.documents.DocumentTemplate;
import org.youguan.documents.DocumentTemplates;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Rows;

/**
 * The period's complaint notice (.docx, template {@code complaints/notice}, built in as
 * {@code documents/complaint-notice.docx} and replaceable by the administrator) in the shape of the national
 * ones: totals, 申诉率 and 有效申诉率 per million parcels overall and per brand, the main problems, the handling, and the
 * enterprises that replied late.
 */
@Service
public class ComplaintNotices implements DeclaresTemplates {

	static final DocumentTemplate TEMPLATE = DocumentTemplate
		.of("complaints/notice", "邮政业用户申诉情况通告", "documents/complaint-notice.docx")
		.withFields("title", "overall", "rates", "handling", "bureau", "date")
		.withList("brands", "name", "count", "rate", "valid", "validRate")
		.withList("problems", "name", "count", "share")
		.withList("late", "name", "late", "replies");

	private final ComplaintFigures figures;

	private final DocumentTemplates templates;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	ComplaintNotices(ComplaintFigures figures, DocumentTemplates templates, JdbcClient jdbc,
			AuditTrail audit, Clock clock) {
		this.figures = figures;
		this.templates = templates;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a published notice shows: the same figures as the document, frozen when published. */
	public record Content(String title, String overall, String rates, String handling, List<ComplaintFigures.Line> brands,
			List<ComplaintFigures.Line> problems, List<ComplaintFigures.Late> late, String bureau, LocalDate date) {
	}

	/** A published notice in the public list. */
	public record Published(long id, String title, Instant publishedAt) {
	}

	/** The notice's content for the months and region (nothing saved). */
	public Content content(DataScope scope, String prefix, String areaName, String bureau, YearMonth from, YearMonth to) {
		Map<String, String> f = fields(scope, prefix, areaName, bureau, from, to);
		return new Content(f.get("title"), f.get("overall"), f.get("rates"), f.get("handling"),
				figures.byBrand(scope, prefix, from, to), figures.by(scope, "category", prefix, from, to),
				figures.lateRepliers(scope, prefix, from, to), bureau, LocalDate.now(clock));
	}

	/** Publishes the notice on the public portal (a snapshot; later corrections of data do not change it). */
	@Transactional
	public long publish(DataScope scope, String prefix, String areaName, String bureau, YearMonth from, YearMonth to,
			String publisher) {
		Content c = content(scope, prefix, areaName, bureau, from, to);
		long id = jdbc.sql("""
				INSERT INTO complaint_notice (region_code, title, month_from, month_to, content, published_at, published_by)
				VALUES (:region, :title, :from, :to, CAST(:content AS jsonb), :now, :by) RETURNING id""")
			.param("region", prefix.isEmpty() ? "0" : prefix)
			.param("title", c.title())
			.param("from", from.toString())
			.param("to", to.toString())
			.param("content", JSON.writeValueAsString(c))
			.param("now", Timestamp.from(clock.instant()))
			.param("by", publisher)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("complaint.notice.publish", "ComplaintNotice", id, "发布" + c.title())
			.inRegion(prefix.isEmpty() ? "0" : prefix));
		return id;
	}

	public List<Published> published(int limit) {
		return jdbc.sql("SELECT id, title, published_at FROM complaint_notice ORDER BY published_at DESC LIMIT :limit")
			.param("limit", limit)
			.query(Rows.of(Published.class))
			.list();
	}

	public Content publishedContent(long id) {
		String json = jdbc.sql("SELECT content::text FROM complaint_notice WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("通告", id));
		return JSON.readValue(json, Content.class);
	}

	public byte[] write(DataScope scope, String prefix, String areaName, String bureau, YearMonth from, YearMonth to) {
		Map<String, String> fields = fields(scope, prefix, areaName, bureau, from, to);
		List<Map<String, String>> brands = figures.byBrand(scope, prefix, from, to).stream().map(l -> Map.of("name", l.key(),
				"count", String.valueOf(l.complaints()), "rate", plain(l.perMillion()), "valid", String.valueOf(l.valid()),
				"validRate", plain(l.validPerMillion()))).toList();
		List<Map<String, String>> problems = figures.by(scope, "category", prefix, from, to).stream().map(l -> Map.of("name",
				l.key(), "count", String.valueOf(l.complaints()), "share", plain(l.share()))).toList();
		List<Map<String, String>> late = figures.lateRepliers(scope, prefix, from, to).stream().map(l -> Map.of("name",
				l.enterprise(), "late", String.valueOf(l.late()), "replies", String.valueOf(l.replies()))).toList();
		return templates.fill(TEMPLATE, fields, Map.of("brands", brands, "problems", problems, "late", late));
	}

	/** The notice it fills. */
	@Override
	public List<DocumentTemplate> templates() {
		return List.of(TEMPLATE);
	}

	private Map<String, String> fields(DataScope scope, String prefix, String areaName, String bureau, YearMonth from,
			YearMonth to) {
		String period = from.equals(to) ? from.getYear() + "年" + from.getMonthValue() + "月"
				: from.getYear() + "年" + from.getMonthValue() + "–" + to.getMonthValue() + "月";
		ComplaintFigures.Totals t = figures.totals(scope, prefix, from, to);
		Map<String, String> fields = new HashMap<>();
		fields.put("title", areaName + period + "邮政业用户申诉情况通告");
		fields.put("overall", period + "，" + bureau + "通过网上申诉、12305电话等渠道处理消费者申诉" + t.received() + "件，受理" + t.accepted()
				+ "件，不予受理" + t.notAccepted() + "件，办结" + t.closed() + "件，其中有效申诉" + t.valid() + "件；为消费者挽回经济损失"
				+ plain(t.compensation()) + "元。");
		fields.put("rates", t.perMillion() == null ? "本期快递业务量尚无已审核数据，暂不计算申诉率。"
				: "按快递业务量计算，申诉率为百万分之" + plain(t.perMillion()) + "，有效申诉率为百万分之" + plain(t.validPerMillion())
						+ "。各品牌情况如下：");
		fields.put("handling", "申诉转办按时率" + pct(t.transferOnTime()) + "，企业按时答复率" + pct(t.replyOnTime()) + "，30日内办结率"
				+ pct(t.answeredInTime()) + "，消费者对申诉处理工作满意率" + pct(t.satisfaction()) + "。");
		fields.put("bureau", bureau);
		fields.put("date", LocalDate.now(clock).toString());
		return fields;
	}

	private static String plain(BigDecimal v) {
		return v == null ? "—" : v.stripTrailingZeros().toPlainString();
	}

	private static String pct(BigDecimal v) {
		return v == null ? "—" : v.toPlainString() + "%";
	}
}
