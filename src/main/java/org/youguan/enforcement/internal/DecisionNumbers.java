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

/**
 * The 文号 of penalty decisions: the automatic series (ordinary and on-the-spot decisions, per bureau and year), and the
 * checks that a 文号 names one decision nationally and that one typed by hand is not one the series is still to issue.
 */
@Component
public class DecisionNumbers {

	/** The automatic series of ordinary decisions' 文号. */
	private static final String ORDINARY_SERIES = "行政处罚决定";

	/** The automatic series of on-the-spot decisions' 文号. */
	private static final String ON_THE_SPOT_SERIES = "当场处罚";

	private final JdbcClient jdbc;

	private final BusinessNumbers numbers;

	DecisionNumbers(JdbcClient jdbc, BusinessNumbers numbers) {
		this.jdbc = jdbc;
		this.numbers = numbers;
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
	 * A 文号 typed by hand must not be one the automatic series (ordinary or on-the-spot decisions) is still to issue:
	 * it would take the series' number before its turn (rule {@code automatic-number}).
	 */
	public void handTypedNumber(Validation v, String number) {
		if (!Text.isBlank(number)) {
			v.require("decisionNumber", !numbers.notYetIssued(ORDINARY_SERIES, number)
					&& !numbers.notYetIssued(ON_THE_SPOT_SERIES, number), "automatic-number", "决定书文号" + Text.strip(number)
					+ "是系统尚未发出的自动编号：请留空由系统编号，或填写纸质决定书上的文号");
		}
	}

	/**
	 * Whether {@code number} has the form of a 文号 the automatic series give (行政处罚决定-地区-年份-序号 or
	 * 当场处罚-…), issued yet or not ({@link BusinessNumbers#hasSeriesForm}).
	 */
	public static boolean automaticForm(String number) {
		return BusinessNumbers.hasSeriesForm(ORDINARY_SERIES, number) || BusinessNumbers.hasSeriesForm(ON_THE_SPOT_SERIES, number);
	}

	/** The next free 文号 of an ordinary decision in the series of the case's region (行政处罚决定-地区-年份-序号). */
	public String nextOrdinary(String caseRegion, int year) {
		return numbers.nextFree(ORDINARY_SERIES, caseRegion.length() > 6 ? caseRegion.substring(0, 6) : caseRegion, year,
				this::decisionNumberTaken);
	}

	/** The next free 文号 of an on-the-spot decision (当场处罚-地区-年份-序号), {@code region6} a 6-digit region. */
	public String nextOnTheSpot(String region6, int year) {
		return numbers.nextFree(ON_THE_SPOT_SERIES, region6, year, this::decisionNumberTaken);
	}
}
