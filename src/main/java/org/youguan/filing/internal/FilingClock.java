package org.youguan.filing.internal;

import java.time.LocalDate;

import org.youguan.filing.OutletFilings;

/**
 * The statutory clock of a filing from the day it starts: complete by {@code dueOn}, notify missing items by
 * {@code missingNoticeDue}. Computed by {@link OutletFilings} from the rule catalogue on the working-day calendar.
 */
public record FilingClock(LocalDate start, LocalDate dueOn, LocalDate missingNoticeDue) {
}
