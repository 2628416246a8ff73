package org.youguan.calendar.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.calendar.CalendarYears;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.Actors;

/**
 * Loads the shipped holiday data (2004–2026, chinese-days, MIT) into an empty calendar at start.
 */
@Component
@Order(11)
class CalendarSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CalendarSeeder.class);

	private final CalendarYears years;

	private final WorkingCalendar calendar;

	private final TransactionTemplate tx;

	CalendarSeeder(CalendarYears years, WorkingCalendar calendar, TransactionTemplate tx) {
		this.years = years;
		this.calendar = calendar;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		calendar.refresh();
		if (!calendar.loadedYears().isEmpty()) {
			return;
		}
		try {
			byte[] data = new ClassPathResource("calendar/chinese-days.json").getContentAsByteArray();
			var loaded = tx.execute(s -> years.load(data, "chinese-days.json（随系统发布）", Actors.SYSTEM));
			calendar.refresh();
			log.info("Loaded working-day calendar for {} years", loaded.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
