package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;

import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.Masking;
import org.youguan.rules.Audience;

/**
 * A 隐患 as lists and pages show it; {@code overdue} (open past its deadline on the day read) and {@code dueSoon}
 * (open, deadline within {@link Hazards#DUE_SOON_WORKING_DAYS} working days) are computed for that day;
 * {@code deadlineProvisional} that the deadline lies in a year whose holiday notice is not loaded
 * ({@code WorkingCalendar#isProvisional(LocalDate)}): 暂定.
 */
public record HazardView(long id, long enterpriseId, String enterpriseCreditCode, String enterpriseName, Long outletId,
		String outletName, Long facilityId, String facilityName, String regionCode, String regionName,
		LocalDate foundOn, String foundBy, HazardSource source, String description, HazardLevel level,
		LocalDate deadline, boolean deadlineProvisional, String deadlineBasis, String rectification, LocalDate closedOn, String closedBy,
		String closureNote, boolean overdue, boolean dueSoon) {

	public boolean open() {
		return closedOn == null;
	}

	/** The same hazard with {@code deadlineProvisional} as {@code calendar} counts its deadline. */
	HazardView counted(WorkingCalendar calendar) {
		return new HazardView(id, enterpriseId, enterpriseCreditCode, enterpriseName, outletId, outletName, facilityId,
				facilityName, regionCode, regionName, foundOn, foundBy, source, description, level, deadline,
				deadline != null && calendar.isProvisional(deadline), deadlineBasis, rectification, closedOn, closedBy,
				closureNote, overdue, dueSoon);
	}

	/**
	 * The same hazard as {@code audience} reads it: a deadline from the catalogue states its basis for that reader
	 * ({@link org.youguan.rules.StatutoryRule#restatedFor}) — the enterprise never reads the catalogue's 地方实践（未确认）,
	 * kept in hazards recorded before bases were cited for their reader; the bureau reads it. A date someone set
	 * (指定日期…) reads the same for both.
	 */
	HazardView readBy(Audience audience) {
		return new HazardView(id, enterpriseId, enterpriseCreditCode, enterpriseName, outletId, outletName, facilityId,
				facilityName, regionCode, regionName, foundOn, foundBy, source, description, level, deadline,
				deadlineProvisional, level == null ? deadlineBasis : level.rectification().restatedFor(deadlineBasis, audience),
				rectification, closedOn, closedBy, closureNote, overdue, dueSoon);
	}

	/** Where the hazard lies, as shown: the outlet or facility, else "—". */
	public String place() {
		return outletName != null ? outletName : facilityName != null ? facilityName : "—";
	}

	/**
	 * The same hazard with every ID and mobile number in its free text — finder, description, rectification, closure
	 * note — masked ({@link Masking#personalNumbersIn}), as lists and exports show it; the hazard's own page masks them
	 * too (its rectification form sends the masked note back, {@link Masking#keptIfSentBackMasked}); the edit form reads
	 * it as recorded.
	 */
	public HazardView masked() {
		return new HazardView(id, enterpriseId, enterpriseCreditCode, enterpriseName, outletId, outletName, facilityId,
				facilityName, regionCode, regionName, foundOn, Masking.personalNumbersIn(foundBy), source,
				Masking.personalNumbersIn(description), level, deadline, deadlineProvisional, deadlineBasis, Masking.personalNumbersIn(rectification),
				closedOn, closedBy, Masking.personalNumbersIn(closureNote), overdue, dueSoon);
	}
}
