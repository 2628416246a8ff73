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
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.youguan.kernel.Text;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.DeclaresTemplates;
import org.youguan.documents.DocumentTemplate;
import org.youguan.documents.DocumentTemplates;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.platform.ChinaTime;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The period's complaint notice (.docx, template {@code complaints/notice}, built in as
 * {@code documents/complaint-notice.docx} and replaceable by the administrator) in the shape of the national
 * ones: totals, 申诉率 and 有效申诉率 per million parcels overall and per brand, the main problems, the handling (the
 * timeliness rates and the three satisfaction rates: with the bureau's handling, with 邮政普遍服务, with express service —
 * {@link ComplaintFigures}), and the enterprises that replied late.
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

	private final StatutoryRules rules;

	ComplaintNotices(ComplaintFigures figures, DocumentTemplates templates, JdbcClient jdbc,
			AuditTrail audit, Clock clock, StatutoryRules rules) {
		this.rules = rules;
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

	/**
	 * Publishes the notice of an ended period on the public portal (a snapshot; later corrections of data do not change
	 * it).
	 * @throws InvalidValueException field {@code to}, rule {@code not-future}: the period has not ended (its last month
	 * is this month or later — figures of a month still running are no figures to publish)
	 * @throws DomainException 409, field {@code to}, rule {@code already-published}: the region's notice of the same
	 * months is published already — named in the message; a change of it is a {@link #correct correction}
	 */
	@Transactional
	public long publish(DataScope scope, String prefix, String areaName, String bureau, YearMonth from, YearMonth to,
			String publisher) {
		requireEnded(to);
		current(prefix, from, to).ifPresent(p -> {
			throw DomainException.illegalTransition("to", "already-published", Wording.of("complaints.refusal.noticePublished", p.id(), p.title(), LocalDate.ofInstant(p.publishedAt(), ChinaTime.ZONE)),
					"本期通告已发布：第" + p.id() + "号“" + p.title()
					+ "”（" + ChineseText.day(LocalDate.ofInstant(p.publishedAt(), ChinaTime.ZONE)) + "发布）；如需更正，请填写更正原因后重新发布");
		});
		long id = insert(scope, prefix, areaName, bureau, from, to, publisher);
		audit.record(AuditEntry.of("complaint.notice.publish", "ComplaintNotice", id, "发布" + title(id))
			.inRegion(region(prefix)));
		return id;
	}

	/**
	 * Corrects a published notice: the period's figures are published again as a new notice that replaces the one in
	 * force — as a correction of an approved statistics report is a new revision replacing it, both kept — and the
	 * public list shows the new one only; the replaced notice stays readable at its address. Audited
	 * ({@code complaint.notice.correct}) with the reason and both notices.
	 * @throws InvalidValueException field {@code to}, rule {@code not-future} (as {@link #publish}); field
	 * {@code correction}: rule {@code required} (no reason), {@code max-length} (over 200 characters), {@code line-break}
	 * (not on one line),
	 * {@code nothing-to-correct} (the period has no notice in force)
	 */
	@Transactional
	public long correct(DataScope scope, String prefix, String areaName, String bureau, YearMonth from, YearMonth to,
			String publisher, String reason) {
		requireEnded(to);
		// one line: the notices print it in the line 本通告更正第M号通告（更正原因：…） (rule line-break)
		new Validation().required("correction", "更正原因", reason).line("correction", "更正原因", reason, 200)
			.throwIfInvalid();
		Published before = current(prefix, from, to).orElseThrow(() -> new InvalidValueException("correction",
				"nothing-to-correct", Wording.of("complaints.refusal.noticeNothingToCorrect"), "本期尚未发布通告，无需更正，请直接发布"));
		// out of force first: one notice in force per region and months (the unique index of V230)
		jdbc.sql("UPDATE complaint_notice SET replaced_at = :now, correction_reason = :reason WHERE id = :before")
			.param("now", Timestamp.from(clock.instant()))
			.param("reason", Text.freeText(reason))
			.param("before", before.id())
			.update();
		long id = insert(scope, prefix, areaName, bureau, from, to, publisher);
		jdbc.sql("UPDATE complaint_notice SET replaced_by = :id WHERE id = :before")
			.param("id", id)
			.param("before", before.id())
			.update();
		audit.record(AuditEntry.of("complaint.notice.correct", "ComplaintNotice", id, "更正" + title(id) + "（替换第"
				+ before.id() + "号，原因：" + Text.freeText(reason) + "）")
			.states(Map.of("notice", before.id()), Map.of("notice", id, "reason", Text.freeText(reason)))
			.inRegion(region(prefix)));
		return id;
	}

	/** Refuses a period whose last month has not ended (today in China). */
	private void requireEnded(YearMonth to) {
		YearMonth now = YearMonth.now(clock.withZone(ChinaTime.ZONE));
		if (!to.isBefore(now)) {
			throw new InvalidValueException("to", "not-future",
					Wording.of("complaints.refusal.noticeMonthOpen", to.toString(), now.minusMonths(1).toString()),
					"截止月份" + ChineseText.month(to) + "尚未结束，不能发布通告：只能发布已结束月份（最晚"
					+ ChineseText.month(now.minusMonths(1)) + "）的数据");
		}
	}

	/** The region's notice in force for these months, locked so that a second publication waits for this one. */
	private Optional<Published> current(String prefix, YearMonth from, YearMonth to) {
		return jdbc.sql("""
				SELECT id, title, published_at FROM complaint_notice WHERE region_code = :region AND month_from = :from
				AND month_to = :to AND replaced_at IS NULL FOR UPDATE""")
			.param("region", region(prefix))
			.param("from", from.toString())
			.param("to", to.toString())
			.query(Rows.of(Published.class))
			.optional();
	}

	private long insert(DataScope scope, String prefix, String areaName, String bureau, YearMonth from, YearMonth to,
			String publisher) {
		Content c = forPublic(content(scope, prefix, areaName, bureau, from, to));
		try {
			return jdbc.sql("""
					INSERT INTO complaint_notice (region_code, title, month_from, month_to, content, published_at, published_by)
					VALUES (:region, :title, :from, :to, CAST(:content AS jsonb), :now, :by) RETURNING id""")
				.param("region", region(prefix))
				.param("title", c.title())
				.param("from", from.toString())
				.param("to", to.toString())
				.param("content", JSON.writeValueAsString(c))
				.param("now", Timestamp.from(clock.instant()))
				.param("by", publisher)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			// another publication of the same period committed between the check and this insert
			throw DomainException.illegalTransition("to", "already-published", Wording.of("complaints.refusal.noticeJustPublished"), "本期通告刚由他人发布，请刷新后查看");
		}
	}

	private String title(long id) {
		return jdbc.sql("SELECT title FROM complaint_notice WHERE id = :id").param("id", id).query(String.class).single();
	}

	private static String region(String prefix) {
		return prefix.isEmpty() ? "0" : prefix;
	}

	/** The newest notices in force (a corrected notice gives way to its correction), at most {@code limit}. */
	public List<Published> published(int limit) {
		return jdbc.sql("""
				SELECT id, title, published_at FROM complaint_notice WHERE replaced_at IS NULL
				ORDER BY published_at DESC LIMIT :limit""")
			.param("limit", limit)
			.query(Rows.of(Published.class))
			.list();
	}

	/**
	 * Where a published notice stands among its corrections, for its public page: {@code replacedBy} the notice that
	 * corrected it (the page says "已被更正，见第…号", with {@code replacedReason}), {@code corrects} the notice it
	 * corrected (the page is marked 更正, with {@code correctionReason}); null where none.
	 */
	public record Standing(Long replacedBy, String replacedReason, Long corrects, String correctionReason) {
	}

	/**
	 * A published notice's standing among corrections ({@link Standing}).
	 * @throws DomainException not found for no such notice
	 */
	public Standing standing(long id) {
		return jdbc.sql("""
				SELECT n.replaced_by, n.correction_reason AS replaced_reason, o.id AS corrects, o.correction_reason
				FROM complaint_notice n LEFT JOIN complaint_notice o ON o.replaced_by = n.id WHERE n.id = :id""")
			.param("id", id)
			.query(Rows.of(Standing.class))
			.optional()
			// the reason is typed by staff and shown to the public: a personal number in it is shown masked
			.map(st -> new Standing(st.replacedBy(), Masking.personalNumbersIn(st.replacedReason()), st.corrects(),
					Masking.personalNumbersIn(st.correctionReason())))
			.orElseThrow(() -> DomainException.notFound("通告", id));
	}

	/**
	 * A published notice's content, as frozen when published.
	 * @throws DomainException not found for no such notice
	 */
	public Content publishedContent(long id) {
		String json = jdbc.sql("SELECT content::text FROM complaint_notice WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("通告", id));
		return forPublic(JSON.readValue(json, Content.class));
	}

	/**
	 * What the rates paragraph says when the 快递业务量 behind the rates is incomplete: the rates are 不可比 and not
	 * given (a rate over incomplete data is no number, as a growth is none in the statistics module), then the note.
	 */
	static final String RATES_NOT_COMPARABLE = "按快递业务量计算的申诉率和有效申诉率不可比，不予列示";

	/** What a published notice says of rates resting on 快递业务量 still being reviewed, in place of the staff's note. */
	static final String PUBLIC_RATE_NOTE = "（注：本期部分快递业务量数据尚未审核完毕）";

	/** What a brand's published rate resting on 快递业务量 still being reviewed is marked with. */
	static final String PUBLIC_LINE_NOTE = "数据不完整";

	/** The staff's note on incomplete 快递业务量 in the rates paragraph: it names the months and the review's progress. */
	private static final Pattern STAFF_RATE_NOTE = Pattern.compile("（注：快递业务量数据不完整[^）]*）");

	/**
	 * The rates paragraph of a notice frozen before rates over incomplete 快递业务量 were 不可比: the rates given as
	 * numbers "for reference" beside the staff's note; read now as {@link #RATES_NOT_COMPARABLE}.
	 */
	private static final Pattern RATES_FOR_REFERENCE = Pattern
		.compile("按快递业务量计算，申诉率为百万分之[^，]*，有效申诉率为百万分之[^。]*。（注：快递业务量[^）]*，申诉率仅供参考。）");

	/**
	 * A notice as the public reads it: a rate resting on incomplete 快递业务量 is 不可比 (no number, also in a notice
	 * frozen before with the rate "仅供参考") with a plain caveat ({@link #PUBLIC_RATE_NOTE}, a brand's "数据不完整")
	 * instead of the staff's data-quality note — which names how many units' figures the review has approved
	 * ("2026年11月已审核78/89家"), internal progress no published notice shows. Applied when a notice is published and
	 * when one published before is read, so a notice frozen with the staff's note shows without it. The staff's figures
	 * page, preview and .docx keep the note.
	 */
	static Content forPublic(Content c) {
		String rates = c.rates() == null ? null
				: STAFF_RATE_NOTE.matcher(RATES_FOR_REFERENCE.matcher(c.rates())
					.replaceAll(RATES_NOT_COMPARABLE + PUBLIC_RATE_NOTE + "。"))
					.replaceAll(PUBLIC_RATE_NOTE);
		UnaryOperator<List<ComplaintFigures.Line>> plain = lines -> lines == null ? null : lines.stream()
			.map(l -> new ComplaintFigures.Line(l.key(), l.complaints(), l.valid(), l.share(), l.volume(),
					l.incomplete() ? null : l.perMillion(), l.incomplete() ? null : l.validPerMillion(),
					l.incomplete() ? PUBLIC_LINE_NOTE : null, l.satisfaction(), l.postalSatisfaction(),
					l.expressSatisfaction(), null))
			.toList();
		return new Content(c.title(), c.overall(), rates, c.handling(), plain.apply(c.brands()), plain.apply(c.problems()),
				c.late(), c.bureau(), c.date());
	}

	public byte[] write(DataScope scope, String prefix, String areaName, String bureau, YearMonth from, YearMonth to) {
		Map<String, String> fields = fields(scope, prefix, areaName, bureau, from, to);
		List<Map<String, String>> brands = figures.byBrand(scope, prefix, from, to).stream().map(l -> Map.of("name", l.key(),
				"count", String.valueOf(l.complaints()), "rate", rate(l.perMillion(), l.incomplete()), "valid",
				String.valueOf(l.valid()), "validRate", rate(l.validPerMillion(), l.incomplete()))).toList();
		List<Map<String, String>> problems = figures.by(scope, "category", prefix, from, to).stream().map(l -> Map.of("name",
				l.key(), "count", String.valueOf(l.complaints()), "share", percentFigure(l.share()))).toList();
		List<Map<String, String>> late = figures.lateRepliers(scope, prefix, from, to).stream().map(l -> Map.of("name",
				l.enterprise(), "late", String.valueOf(l.late()), "replies", String.valueOf(l.replies()))).toList();
		return templates.fill(TEMPLATE, fields, Map.of("brands", orNone(brands, NO_COMPLAINTS, "count", "rate", "valid",
				"validRate"), "problems", orNone(problems, NO_COMPLAINTS, "count", "share"), "late",
				orNone(late, NO_LATE_REPLIES, "late", "replies")));
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
		boolean none = t.received() == 0;
		fields.put("overall", none ? period + "，" + bureau + "未收到消费者通过网上申诉、12305电话等渠道提出的邮政业用户申诉。"
				: period + "，" + bureau + "通过网上申诉、12305电话等渠道处理消费者申诉" + t.received() + "件，受理" + t.accepted()
				+ "件，不予受理" + t.notAccepted() + "件，办结" + t.closed() + "件，其中有效申诉" + t.valid() + "件；为消费者挽回经济损失"
				+ yuan(t.compensation()) + "。");
		// a rate over incomplete 快递业务量 is no number: 不可比, the note naming the incomplete month
		fields.put("rates", none ? "本期无用户申诉，申诉率和有效申诉率均为零。"
				: t.volumeIncomplete() ? RATES_NOT_COMPARABLE + "（注：快递业务量" + t.volumeCaveat() + "）。各品牌情况如下："
				: t.perMillion() == null ? "本期快递业务量尚无已审核数据，暂不计算申诉率。"
				: "按快递业务量计算，申诉率为百万分之" + plain(t.perMillion()) + "，有效申诉率为百万分之" + plain(t.validPerMillion())
						+ "。各品牌情况如下：");
		fields.put("handling", none ? "本期无需转办、答复和办结的用户申诉。" : "申诉转办按时率" + pct(t.transferOnTime()) + "，企业按时答复率" + pct(t.replyOnTime()) + "，" + rules.stated(StatutoryRule.COMPLAINT_ANSWER_LIMIT, StatutoryRule.NATIONAL_REGION) + "内办结率"
				+ pct(t.answeredInTime()) + "；消费者对邮政管理部门申诉处理工作满意率" + pct(t.satisfaction()) + "，对邮政普遍服务满意率"
				+ pct(t.postalSatisfaction()) + "，对快递服务满意率" + pct(t.expressSatisfaction()) + "。");
		fields.put("bureau", bureau);
		fields.put("date", ChineseText.day(LocalDate.now(clock)));
		return fields;
	}

	/** What the notice's brand and problem tables say in their one row for a period without complaints. */
	static final String NO_COMPLAINTS = "本期无用户申诉";

	/** What the table of enterprises that replied late says in its one row when none did. */
	static final String NO_LATE_REPLIES = "无逾期答复的企业";

	/**
	 * A table's rows as the notice prints them: the rows given, or for none one row saying so ({@code none} in the first
	 * column, — in the others) — a table is never printed as a header without rows.
	 */
	private static List<Map<String, String>> orNone(List<Map<String, String>> rows, String none, String... others) {
		if (!rows.isEmpty()) {
			return rows;
		}
		Map<String, String> row = new HashMap<>();
		row.put("name", none);
		for (String column : others) {
			row.put(column, "—");
		}
		return List.of(row);
	}

	/**
	 * A brand's rate as the notice prints it: the number, — for none, or {@link ComplaintFigures#NOT_COMPARABLE}'s
	 * 不可比 when its 快递业务量 is incomplete (the rates paragraph names the month).
	 */
	private static String rate(BigDecimal perMillion, boolean incomplete) {
		return incomplete ? NOT_COMPARABLE : plain(perMillion);
	}

	/** A rate over incomplete 快递业务量 in the notice: the statistics module's word (stat.notComparable's Chinese). */
	static final String NOT_COMPARABLE = "不可比";

	/**
	 * An amount of money as the notice writes it: the product's one money format with 元 ({@link ChineseText#yuan}, as
	 * the pages and the penalty documents write it: 12345.50元, 30元, never rounded to the yuan); — for none.
	 */
	static String yuan(BigDecimal v) {
		return ChineseText.yuan(v);
	}

	private static String plain(BigDecimal v) {
		return v == null ? "—" : v.stripTrailingZeros().toPlainString();
	}

	/**
	 * The decimals every percentage of the notice is printed with — its rates and its shares alike, as
	 * {@link ComplaintFigures#percent} and {@link ComplaintFigures#share} compute them: "100.0%", "98.5%", "50.0".
	 */
	static final int PERCENT_SCALE = 1;

	/** A rate of the handling paragraph with its %: {@link #percentFigure}, — for none. */
	private static String pct(BigDecimal v) {
		return v == null ? "—" : percentFigure(v) + "%";
	}

	/**
	 * A percentage as the notice prints it: {@link #PERCENT_SCALE} decimals, trailing zeros kept ("50.0", never "50"
	 * beside "33.3"), a figure of more decimals shown as every rate is ({@link Percentages#shownRate}: rounded down, held
	 * inside 0 and 100); — for none.
	 */
	static String percentFigure(BigDecimal v) {
		return v == null ? "—" : Percentages.shownRate(v, PERCENT_SCALE).setScale(PERCENT_SCALE).toPlainString();
	}
}
