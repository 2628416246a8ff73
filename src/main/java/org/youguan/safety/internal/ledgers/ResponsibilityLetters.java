package org.youguan.safety.internal.ledgers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.Attachments;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The ledger of 安全生产责任书 (work-safety responsibility letters, 安全生产法 art.22 and the bureaus' yearly 签订安全生产
 * 目标责任书 practice): one letter per enterprise and year, recorded by the bureau with the day signed, both signatories
 * and the scanned letter (documents {@link Attachments}, content-checked). A year's ledger lists every enterprise of
 * the caller's region (registry, status 正常, read through its API) with its letter or as 未签订, and the letters of
 * enterprises no longer 正常; an enterprise sees only its own. A second letter for the same enterprise and year is
 * refused (409). Audited ({@code safety.letter.sign}).
 */
@Service
public class ResponsibilityLetters {

	static final String OWNER = "SafetyLetter";

	static final String AUDIT_TYPE = "SafetyLetter";

	private static final Corrections.Ledger LEDGER = new Corrections.Ledger("safety_responsibility_letter", AUDIT_TYPE,
			"safety.letter.correct", "安全生产责任书", null, null, null);

	private static final String SELECT = """
			SELECT x.id, x.year, x.enterprise_id, x.enterprise_credit_code, x.enterprise_name, x.region_code,
			    (SELECT r.name FROM region_name r WHERE r.code = x.region_code) AS region_name, x.signed_on,
			    x.bureau_signatory, x.enterprise_signatory
			FROM safety_responsibility_letter x""";

	private static final Map<String, Comparator<LetterView>> SORTS = Map.of(
			"enterprise", Comparator.comparing(LetterView::enterpriseName),
			"signed_on", Comparator.comparing(LetterView::signedOn, Comparator.nullsFirst(Comparator.naturalOrder())),
			"status", Comparator.comparing(LetterView::signed),
			"region", Comparator.comparing(LetterView::regionCode, Comparator.nullsFirst(Comparator.naturalOrder())));

	/** {@link #SORTS}' names in the order a refusal names them. */
	private static final List<String> SORT_NAMES = List.of("enterprise", "signed_on", "status", "region");

	/**
	 * A letter as entered (checked by {@link #sign}): the year, the enterprise's credit code, the day signed
	 * (YYYY-MM-DD) and who signed for the bureau and for the enterprise.
	 */
	public record LetterData(@JsonDeserialize(using = NumberText.Judged.class) String year, String enterpriseCreditCode,
			String signedOn, String bureauSignatory, String enterpriseSignatory) {
	}

	private final JdbcClient jdbc;

	private final Placement placement;

	private final Enterprises enterprises;

	private final Attachments attachments;

	private final Corrections corrections;

	private final Clock clock;

	/** The days a letter may be signed on (not in the future, within the catalogue's look-back). */
	private final LedgerDays days;

	private final EvidenceLimits evidenceLimits;

	ResponsibilityLetters(JdbcClient jdbc, Placement placement, Enterprises enterprises, Attachments attachments,
			Corrections corrections, Clock clock, LedgerDays days,
			EvidenceLimits evidenceLimits) {
		this.days = days;
		this.jdbc = jdbc;
		this.placement = placement;
		this.enterprises = enterprises;
		this.attachments = attachments;
		this.corrections = corrections;
		this.clock = clock;
		this.evidenceLimits = evidenceLimits;
	}

	/**
	 * A page of a year's ledger in the caller's scope: every enterprise of the region (registry, 正常) with its letter
	 * or unsigned, plus the year's letters of other enterprises in scope. Searched by enterprise name or credit code;
	 * {@code signed} true/false keeps the signed/unsigned ones; sorted by enterprise (default), signed_on, status or
	 * region. A region holds hundreds of enterprises, so the rows are merged and paged in memory.
	 */
	public PageResult<LetterView> list(DataScope scope, int year, Boolean signed, PageQuery page) {
		Map<String, LetterView> rows = new LinkedHashMap<>();
		for (EnterpriseView e : expected(scope)) {
			rows.put(e.creditCode(), new LetterView(null, year, e.id(), e.creditCode(), e.legalName(), e.regionCode(),
					e.regionName(), null, null, null));
		}
		jdbc.sql(SELECT + " WHERE x.year = :year AND " + scope.enterprisePredicate("x.enterprise_credit_code", "x.region_code"))
			.params(scope.params())
			.param("year", year)
			.query(Rows.of(LetterView.class))
			.list()
			.forEach(l -> rows.put(l.enterpriseCreditCode(), l));
		String q = page.q() == null ? "" : Text.strip(page.q()).toLowerCase(Locale.ROOT);
		// a credit code typed in full width (９１３２…) is looked for as it is stored
		String code = page.identifier().toLowerCase(Locale.ROOT);
		// another sort is refused 400 naming these, as the list idiom refuses it (never read as the default)
		Comparator<LetterView> order = SORTS.get(Listing.sortAmong(page, SORT_NAMES).orElse("enterprise"));
		if (page.descending()) {
			order = order.reversed();
		}
		List<LetterView> all = rows.values()
			.stream()
			.filter(l -> signed == null || l.signed() == signed)
			.filter(l -> q.isEmpty() || l.enterpriseName().toLowerCase(Locale.ROOT).contains(q)
					|| l.enterpriseCreditCode().toLowerCase(Locale.ROOT).contains(code))
			.sorted(order.thenComparing(LetterView::enterpriseCreditCode))
			.toList();
		int from = (int) Math.min(page.offset(), all.size());
		int to = (int) Math.min(from + (long) page.size(), all.size());
		return new PageResult<>(new ArrayList<>(all.subList(from, to)), page.page(), page.size(), all.size());
	}

	/**
	 * One letter in the caller's scope.
	 * @throws DomainException not found (404) otherwise
	 */
	public LetterView get(DataScope scope, long id) {
		return jdbc.sql(SELECT + " WHERE x.id = :id AND " + scope.enterprisePredicate("x.enterprise_credit_code", "x.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(LetterView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("安全生产责任书", id));
	}

	/** The scanned letter's files (the caller must have read the letter with {@link #get} first). */
	public List<Attachment> scans(long id) {
		return attachments.list(new AttachmentOwner(Hazards.MODULE, OWNER, id));
	}

	/**
	 * Records a signed letter (the bureau's): the year (2000 … next year), the enterprise in the caller's region, the
	 * day signed (not in the future, in the letter's year or the one before), both signatories (≤ 50 characters), and
	 * the scanned letter's files (PDF/JPEG/PNG checked by content, at most {@code youguan.safety.max-evidence-bytes}).
	 * @return the letter's id
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws InvalidValueException naming every failing field: year, enterpriseCreditCode, signedOn, bureauSignatory,
	 *         enterpriseSignatory, files
	 * @throws DomainException duplicate (409) when the enterprise's letter for the year is already recorded
	 */
	@Transactional
	public long sign(DataScope scope, LetterData data, List<UploadedFile> files, boolean demo) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("enterpriseCreditCode", "安全生产责任书由邮政管理部门登记");
		}
		LocalDate today = LocalDate.now(clock);
		Validation v = new Validation();
		Integer year = year(v, data.year());
		var place = placement.resolve(scope, v, data.enterpriseCreditCode(), null, null);
		LocalDate signedOn = days.day(v, "signedOn", "签订日期", data.signedOn(),
				place.map(Placement.Place::regionCode).orElse(null));
		v.require("signedOn", data.signedOn() != null && !Text.isBlank(data.signedOn()), "required", "请填写签订日期");
		if (signedOn != null && year != null) {
			v.require("signedOn", signedOn.getYear() == year || signedOn.getYear() == year - 1, "range",
					"签订日期应在" + (year - 1) + "年或" + year + "年内");
		}
		String bureau = Text.name(Hazards.clean(data.bureauSignatory()));
		v.name("bureauSignatory", "局方签订人", bureau, 50).personName("bureauSignatory", "局方签订人", bureau);
		String enterprise = Text.name(Hazards.clean(data.enterpriseSignatory()));
		v.name("enterpriseSignatory", "企业签订人", enterprise, 50).personName("enterpriseSignatory", "企业签订人", enterprise);
		v.throwIfInvalid();
		// every file, and the letter's room for them all, checked before the letter is recorded
		evidenceLimits.check(new AttachmentOwner(Hazards.MODULE, OWNER, 0), files, "责任书扫描件", "责任书");
		var p = place.orElseThrow();
		Optional<LocalDate> signedBefore = jdbc.sql("SELECT signed_on FROM safety_responsibility_letter"
				+ " WHERE enterprise_credit_code = :code AND year = :year")
			.param("code", p.enterpriseCreditCode())
			.param("year", year)
			.query(LocalDate.class)
			.optional();
		if (signedBefore.isPresent()) {
			throw duplicate(p.enterpriseName(), year, signedBefore.get());
		}
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("year", year);
		columns.putAll(Placement.columns(p, false, false));
		columns.put("signed_on", signedOn);
		columns.put("bureau_signatory", bureau);
		columns.put("enterprise_signatory", enterprise);
		Map<String, Object> state = Corrections.state(columns);
		state.put("files", files.size());
		long id;
		try {
			id = corrections.record(LEDGER, "safety.letter.sign", "登记" + year + "年度安全生产责任书：",
					new Corrections.Facts(p.regionCode(), p.enterpriseName() + "，" + ChineseText.day(signedOn) + "签订（局方" + bureau
							+ "，企业" + enterprise + "）", columns), demo, x -> state);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(p.enterpriseName(), year, signedOn);
		}
		evidenceLimits.store(new AttachmentOwner(Hazards.MODULE, OWNER, id), "letter", files, "责任书扫描件", "责任书");
		return id;
	}

	/**
	 * The last year a letter may have now: next year (China time, the clock's; {@link FiguresPeriod#lastYear}) — a
	 * bureau signs next year's letters in December. Letters are recorded and listed from {@link FiguresPeriod#FIRST_YEAR}:
	 * the years any query may ask for, the bounds also of the {@code year} parameters' declaration
	 * ({@code @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD)}, which a {@code ?year=abc} is
	 * told).
	 */
	int lastYear() {
		return FiguresPeriod.lastYear(LocalDate.now(clock));
	}

	/**
	 * The year asked for a list: the current one when none is given.
	 * @throws InvalidValueException on field {@code year} (rule {@code range}) for a year outside the years a letter may
	 *         be recorded for ({@link FiguresPeriod#year}, the one rule of a year: the list took years up to 2100) — a
	 *         list of another year than the one asked for would pass for it
	 */
	int yearOr(Integer year) {
		return year == null ? LocalDate.now(clock).getYear() : FiguresPeriod.year("year", "年度", year, LocalDate.now(clock));
	}

	/**
	 * The letter's year as typed: four digits ("年度应为2000至2027之间的四位年份"), within the years any query may ask
	 * for ({@link FiguresPeriod#year}); rule {@code range} either way.
	 */
	private Integer year(Validation v, String text) {
		if (text == null || Text.isBlank(text)) {
			v.require("year", false, "required", "请填写年度");
			return null;
		}
		Integer year = Text.strip(text).matches("\\d{4}") ? Integer.valueOf(Text.strip(text)) : null;
		if (year == null) {
			v.require("year", false, "range", "年度应为" + FiguresPeriod.FIRST_YEAR + "至" + lastYear() + "之间的四位年份");
			return null;
		}
		return v.check("year", () -> FiguresPeriod.year("year", "年度", year, LocalDate.now(clock)));
	}

	private static DomainException duplicate(String enterprise, int year, LocalDate signedOn) {
		return DomainException.duplicate("enterpriseCreditCode", Wording.of("safety.refusal.letterTwice", enterprise, year, signedOn),
				enterprise + "的" + year + "年度安全生产责任书已登记（签订于"
				+ ChineseText.day(signedOn) + "），同一企业每年度只登记一份");
	}

	/** The enterprises expected to sign: an enterprise itself; for staff the registry's 正常 ones in their region. */
	private List<EnterpriseView> expected(DataScope scope) {
		return switch (scope.kind()) {
			case ENTERPRISE -> enterprises.findByCreditCode(scope.enterpriseCreditCode()).stream().toList();
			case NONE -> List.of();
			case ALL, REGION -> enterprises.list(scope, new Enterprises.Filter(null, null, EnterpriseStatus.NORMAL),
					new PageQuery("", 0, PageQuery.EXPORT_LIMIT, null, false)).items();
		};
	}
}
