package org.youguan.enforcement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.youguan.enforcement.internal.CaseClock;
import org.youguan.kernel.ListFilter;

/**
 * The status filter of the case list — one reading for its page, API and export ({@code status}): a stored status
 * ({@link CaseStatus}), or {@link #NOTICE_PENDING} (公告送达中), the decisions served by public notice whose deemed day
 * is still ahead, which are stored as {@link CaseStatus#DELIVERED} but shown and filtered as not yet served
 * ({@link CaseStatus#shown}): without this value they were found under no filter but 全部.
 * @param status the stored status asked for, or null
 * @param noticePending whether only the decisions whose public notice is running are asked for
 */
public record CaseFilter(CaseStatus status, boolean noticePending) {

	/** The filter's value for 公告送达中. */
	public static final String NOTICE_PENDING = "NOTICE_PENDING";

	/**
	 * {@link #NOTICE_PENDING} as SQL over {@code penalty_case c} binding {@code :today}: stored 已送达, the public
	 * notice's deemed day not reached ({@link CaseClock#DEEMED_DAY_AHEAD_SQL}) — the staff's and the party's lists alike.
	 */
	public static final String NOTICE_PENDING_SQL = "(c.status = 'DELIVERED' AND COALESCE(" + CaseClock.DEEMED_DAY_AHEAD_SQL
			+ ", FALSE))";

	/** What 公告送达中 is called in the filter's choices and its refusal. */
	public static final String NOTICE_PENDING_LABEL = "公告送达中";

	/** No filter: every status. */
	public static final CaseFilter ANY = new CaseFilter(null, false);

	/** The filter of one stored status (null for any). */
	public static CaseFilter of(CaseStatus status) {
		return new CaseFilter(status, false);
	}

	/** Whether no status is asked for (of either kind): only then does the list's 办理中 switch apply. */
	public boolean none() {
		return status == null && !noticePending;
	}

	/** The value as a request names it ({@code DELIVERED}, {@code NOTICE_PENDING}); null for none. */
	public String value() {
		return noticePending ? NOTICE_PENDING : status == null ? null : status.name();
	}

	/**
	 * The filter a request asks for: a status's name or {@code NOTICE_PENDING}, in any case; blank for any.
	 * @throws org.youguan.kernel.InvalidValueException (400, field {@code status}, rule {@code one-of}) for any other
	 * value, naming each accepted one with its label
	 */
	public static CaseFilter parse(String text) {
		List<String> allowed = new ArrayList<>(Arrays.stream(CaseStatus.values()).map(Enum::name).toList());
		allowed.add(allowed.indexOf(CaseStatus.DELIVERED.name()), NOTICE_PENDING);
		String value = ListFilter.oneOf(allowed,
				v -> NOTICE_PENDING.equals(v) ? NOTICE_PENDING_LABEL : CaseStatus.valueOf(v).label(), "status", "案件状态", text);
		return value == null ? ANY : NOTICE_PENDING.equals(value) ? new CaseFilter(null, true)
				: of(CaseStatus.valueOf(value));
	}
}
