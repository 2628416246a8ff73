package org.youguan.enforcement.internal;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Text;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.numbering.OfficialNumbers;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.org.DocumentAgency;

/**
 * The 文号 of penalty decisions: the automatic series (ordinary and on-the-spot decisions, per bureau and year), and the
 * checks that a 文号 names one decision nationally and that one typed by hand is not one the series is still to issue.
 * The series write their 文号 in the official form ({@link OfficialNumbers}: 苏吴邮管罚〔2026〕3号, 苏吴邮管当罚〔2026〕1号);
 * a decision numbered before in the earlier form (行政处罚决定-320506-2026-000003, 当场处罚-…) keeps it, and that form is
 * still read ({@link #automaticForm}, {@link #handTypedNumber}).
 */
@Component
public class DecisionNumbers {

	/** The automatic series of ordinary decisions' 文号. */
	static final String ORDINARY_SERIES = "行政处罚决定";

	/** The automatic series of on-the-spot decisions' 文号. */
	static final String ON_THE_SPOT_SERIES = "当场处罚";

	private final JdbcClient jdbc;

	private final BusinessNumbers numbers;

	private final Bureaus bureaus;

	DecisionNumbers(JdbcClient jdbc, BusinessNumbers numbers, Bureaus bureaus) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.bureaus = bureaus;
	}

	/**
	 * A 文号 names one decision nationally: the automatic ones carry their region, and a hand-typed or imported one may
	 * not repeat a decision of any region, nor look like one (letter case, spaces, dashes, underscores:
	 * {@link Text#identifierKey}) — a 409 naming {@code decisionNumber}, rule {@code unique}.
	 */
	public void numberFree(String number) {
		if (decisionNumberTaken(number)) {
			throw DomainException.duplicate("decisionNumber", Wording.of("enforcement.refusal.decisionNumberUsed", number),
					"决定书文号已被使用：" + number + "（文号在全国范围内不得重复）");
		}
	}

	/**
	 * Whether a decision already carries {@code number} (in any region: the series are per bureau, not per unit), compared
	 * by its key ({@link UniqueIdentifiers}): "ABC-2026-3" typed "abc 2026 3" is the number given already.
	 */
	private boolean decisionNumberTaken(String number) {
		return UniqueIdentifiers.taken(jdbc, "penalty_case", "decision_number", number, "", Map.of());
	}

	/**
	 * A 文号 typed by hand must not be one the automatic series (ordinary or on-the-spot decisions) is still to issue in
	 * their earlier form (行政处罚决定-地区-年份-序号), which no paper decision takes: it would take the series' number
	 * before its turn (rule {@code automatic-number}). One of the official form (苏吴邮管罚〔2025〕3号) is taken as typed —
	 * the bureau's paper decisions before the platform bore that form — and the series passes over it when its turn
	 * comes ({@link BusinessNumbers#nextOfficial}); but only as the bureau handling the case writes an ordinary decision's
	 * ({@link OfficialNumbers#checkTyped}: not another bureau's 机关代字 — rule {@code agency} —, nor another kind's
	 * characters such as 当罚 — rule {@code kind}; attack A2).
	 * @param caseRegion the region of the case (its handling bureau's 机关代字 is the one its decisions bear); null: not
	 *        judged (the party unread)
	 */
	public void handTypedNumber(Validation v, String number, String caseRegion) {
		if (!Text.isBlank(number)) {
			v.require("decisionNumber", !numbers.notYetIssued(ORDINARY_SERIES, number)
					&& !numbers.notYetIssued(ON_THE_SPOT_SERIES, number), "automatic-number", "决定书文号" + Text.strip(number)
					+ "是系统尚未发出的自动编号：请留空由系统编号，或填写纸质决定书上的文号");
			ownNumber(v, "decisionNumber", "决定书文号", ORDINARY_SERIES, caseRegion, number);
		}
	}

	/**
	 * A 文号 typed by hand for a document of series {@code type} of a case in {@code caseRegion} (a decision, a past
	 * case's scanned paper, a past case's paper 责令改正通知书), as the bureau handling the case writes it
	 * ({@link OfficialNumbers#checkTyped}: its own 机关代字, the kind's characters) — the handling bureau's
	 * ({@link Bureaus#handlingRegion}: the city's 苏苏邮管 for a county whose bureau has no 处室工作人员, as
	 * {@link #nextOrdinary} numbers), not the nearest bureau's of the region.
	 * @param caseRegion the case's region; null: not judged
	 */
	public void ownNumber(Validation v, String field, String label, String type, String caseRegion, String number) {
		if (caseRegion != null && number != null) {
			DocumentAgency agency = bureaus.documentAgency(bureaus.handlingRegion(caseRegion));
			OfficialNumbers.checkTyped(v, field, label, type, agency.code(), code -> bureaus.seriesRegionOf(code).isPresent(),
					number);
		}
	}

	/**
	 * The 机关代字 of the bureau handling a case of {@code caseRegion} ({@link Bureaus#handlingRegion}): 苏苏邮管 for a
	 * county whose bureau has no 处室工作人员 — the code its own documents' 文号 bear.
	 */
	public String ownAgency(String caseRegion) {
		return bureaus.documentAgency(bureaus.handlingRegion(caseRegion)).code();
	}

	/**
	 * Whether {@code number} has the earlier form of a 文号 the automatic series gave (行政处罚决定-地区-年份-序号 or
	 * 当场处罚-…), issued yet or not ({@link BusinessNumbers#hasSeriesForm}): a form no paper decision takes.
	 */
	public static boolean automaticForm(String number) {
		return BusinessNumbers.hasSeriesForm(ORDINARY_SERIES, number) || BusinessNumbers.hasSeriesForm(ON_THE_SPOT_SERIES, number);
	}

	/**
	 * Whether {@code number} is one the platform's series gave or give alone: the earlier form
	 * ({@link #automaticForm}), or the official form of a bureau on the platform whose series has reached its sequence
	 * (苏吴邮管罚〔2026〕3号 when 吴中's 2026 series has issued 3) — a number of that form the series has not issued may be
	 * a paper decision's made before the platform, so it is not one.
	 */
	public boolean platformNumber(String number) {
		return automaticForm(number) || issuedOfficial(ORDINARY_SERIES, number) || issuedOfficial(ON_THE_SPOT_SERIES, number);
	}

	private boolean issuedOfficial(String series, String number) {
		return OfficialNumbers.parse(series, number)
			.flatMap(p -> bureaus.seriesRegionOf(p.agency()).map(region -> p.sequence() <= numbers.lastIssued(series, region, p.year())))
			.orElse(false);
	}

	/**
	 * The name of the bureau that made the decision numbered {@code decisionNumber} (处罚机关): the bureau whose 机关代字
	 * the 文号 bears ({@link Bureaus#byAgencyCode}), as it was decided — not the bureau handling the case's region now
	 * (a county's bureau given its first 处室工作人员 after its city decided). A number of the earlier form, or none,
	 * names the bureau of the case's region ({@link Bureaus#nearestName}).
	 * @param decisionNumber the decision's 文号, or null
	 * @param caseRegion the case's region
	 */
	public String decidedBy(String decisionNumber, String caseRegion) {
		return OfficialNumbers.parse(ORDINARY_SERIES, decisionNumber)
			.or(() -> OfficialNumbers.parse(ON_THE_SPOT_SERIES, decisionNumber))
			.flatMap(p -> bureaus.byAgencyCode(p.agency()))
			.map(BureauView::name)
			.orElseGet(() -> bureaus.nearestName(caseRegion));
	}

	/**
	 * The next free 文号 of an ordinary decision of the bureau handling the case's region now ({@code Bureaus#handling}:
	 * the city's for a county whose bureau has no 处室工作人员), in its series of the year: 苏吴邮管罚〔2026〕3号.
	 */
	public String nextOrdinary(String caseRegion, int year) {
		DocumentAgency agency = bureaus.documentAgency(bureaus.handlingRegion(caseRegion, Bureaus.CASE_DECIDERS));
		return numbers.nextOfficial(ORDINARY_SERIES, agency.code(), agency.seriesRegion(), year, this::decisionNumberTaken);
	}

	/** The next free 文号 of an on-the-spot decision of the bureau handling {@code region6}: 苏吴邮管当罚〔2026〕1号. */
	public String nextOnTheSpot(String region6, int year) {
		DocumentAgency agency = bureaus.documentAgency(bureaus.handlingRegion(region6, Bureaus.CASE_DECIDERS));
		return numbers.nextOfficial(ON_THE_SPOT_SERIES, agency.code(), agency.seriesRegion(), year, this::decisionNumberTaken);
	}
}
