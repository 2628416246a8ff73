package org.youguan.enforcement.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.enforcement.CaseView;
import org.youguan.kernel.ChineseText;

/**
 * At start, every case marked by V339 ({@code public_notice_pause_due}) — its 事先告知书 served by public notice
 * (公告送达) before the notice's step paused the decision limit for the 公告 period — gets that pause as the step enters
 * it ({@link CaseWork#pauseForPublicNotice}: from the day published to the day before the deemed day, 邮政行政执法监督办法
 * (2021) art.17, 民事诉讼法(2023) art.95), and its decision limit counted again by the one rule
 * ({@link CaseWork#decisionDue}: 90 days, 30 more once extended, every paused day, on the working-day calendar with the
 * rule catalogue's values where the case is — a last day on a rest day moved to the next working day), the move
 * audited ({@code case.recount}). The calendar is loaded before ({@code CalendarSeeder}, order 11). The mark is
 * cleared in the same transaction, so a second start (or a second node) finds nothing to do.
 */
@Component
@Order(31)
class PublicNoticePauseBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PublicNoticePauseBackfill.class);

	private final JdbcClient jdbc;

	private final CaseWork caseWork;

	private final TransactionTemplate tx;

	PublicNoticePauseBackfill(JdbcClient jdbc, CaseWork caseWork, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.caseWork = caseWork;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer paused = tx.execute(s -> backfill());
		if (paused != null && paused > 0) {
			log.info("Prior notices served by public notice given their 公告 pause: {} penalty cases", paused);
		}
	}

	/**
	 * Enters the missing pauses of the marked cases, counts their limits again and clears the marks.
	 * @return how many cases were paused
	 */
	int backfill() {
		List<Long> due = jdbc.sql("SELECT id FROM penalty_case WHERE public_notice_pause_due ORDER BY id FOR UPDATE")
			.query(Long.class).list();
		for (long id : due) {
			CaseView c = caseWork.find(id);
			caseWork.pauseForPublicNotice(id, c.noticePublishedOn(), c.noticeServedOn());
			LocalDate limit = caseWork.decisionDue(c, c.extended());
			String moved = Objects.equals(limit, c.decisionDueOn()) ? "" : "，决定期限由" + ChineseText.day(c.decisionDueOn()) + "改为" + ChineseText.day(limit);
			caseWork.move(c, c.status(), ", decision_due_on = :due, public_notice_pause_due = FALSE", Map.of("due", limit));
			caseWork.record(c, "case.recount", "补登事先告知书公告期间（" + ChineseText.day(c.noticePublishedOn()) + "发出公告，视为"
					+ ChineseText.day(c.noticeServedOn()) + "送达），公告期间不计入办案期限" + moved);
		}
		jdbc.sql("UPDATE penalty_case SET public_notice_pause_due = FALSE WHERE public_notice_pause_due").update();
		return due.size();
	}
}
