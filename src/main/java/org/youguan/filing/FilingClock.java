package org.youguan.filing;

import java.time.LocalDate;

/**
 * The statutory clock of a filing from the day it starts: complete by {@code dueOn}, notify missing items by
 * {@code missingNoticeDue}. Computed by {@link OutletFilings} from the rule catalogue on the working-day calendar.
 */
record FilingClock(LocalDate start, LocalDate dueOn, LocalDate missingNoticeDue) {
}
