package org.youguan.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.youguan.audit.AuditedMemory;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Text;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Wording;

/**
 * Sends and lists in-app notifications. A notification to a region reaches the staff whose scope contains it (the
 * county bureau and those above); one to an enterprise reaches its users; one to a department reaches its members.
 * The same key is sent once.
 *
 * <p>
 * The shell's badge ({@link #countRecent}) is shown on every page, so its count is remembered per audience (issue 12):
 * a notification sent on this node starts the memory afresh as soon as it is sent and once more when its transaction
 * commits; one sent on another node shows within {@code youguan.notifications.count-memory} (ISO-8601 duration, default
 * 10 s; {@code PT0S} turns the memory off), which also bounds how late a notification leaves the seven days.
 *
 * <p>
 * Every sender sends its title as words ({@link Wording}, keyed in the UI bundle) beside the Chinese title, so each
 * reader's list words it in their language; the title is also stored worded in English ({@code title_en}, V367) and the
 * search reads both, so a reader finds a title by the words they see. The text-only overloads are left for the tests of
 * this package (a title as text is shown as it is to every reader).
 */
@Service
public class Notifications {

	/** The list page's orders: by the time sent. */
	private static final Map<String, String> SORTS = Map.of("created_at", "n.created_at");

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Moves with every notification sent on this node: the badge's counts are remembered under it. */
	private final AtomicLong sent = new AtomicLong();

	private final AuditedMemory counts;

	private final MessageSource messages;

	Notifications(JdbcClient jdbc, Clock clock, MessageSource messages,
			@Value("${youguan.notifications.count-memory:PT10S}") Duration countMemory) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.messages = messages;
		this.counts = new AuditedMemory(sent::get, clock, countMemory, 10_000);
	}

	/**
	 * The most characters a notification's title keeps as sent; the column holds {@link #DONE} beside it (305, V330), so
	 * a title marked done is never cut.
	 */
	static final int TITLE_LENGTH = 300;

	/**
	 * Notifies the staff of a region with a title as text only, shown as it is to every reader (the tests of this
	 * package; a sender uses {@link #toRegion(String, String, Wording, String, String)}); returns false when this key
	 * was sent before.
	 */
	@Transactional
	boolean toRegion(String regionCode, String title, String link, String key) {
		return send("REGION", regionCode, title, null, link, key);
	}

	/**
	 * Notifies the staff of a region with a title each reader's list words in their language: {@code words} (the UI
	 * bundle's key with its values) beside the Chinese {@code title}, which the search reads and which is shown where
	 * the words cannot be.
	 * @return false when this key was sent before
	 */
	@Transactional
	public boolean toRegion(String regionCode, String title, Wording words, String link, String key) {
		return send("REGION", regionCode, title, words, link, key);
	}

	/**
	 * Notifies an enterprise's users with a title as text only (the tests of this package; a sender uses
	 * {@link #toEnterprise(String, String, Wording, String, String)}); returns false when this key was sent before.
	 */
	@Transactional
	boolean toEnterprise(String creditCode, String title, String link, String key) {
		return send("ENTERPRISE", creditCode, title, null, link, key);
	}

	/**
	 * Notifies an enterprise's users with a title each reader's list words in their language ({@code words} beside the
	 * Chinese {@code title}, as {@link #toRegion(String, String, Wording, String, String)}).
	 * @return false when this key was sent before
	 */
	@Transactional
	public boolean toEnterprise(String creditCode, String title, Wording words, String link, String key) {
		return send("ENTERPRISE", creditCode, title, words, link, key);
	}

	/**
	 * Notifies the staff of a region with a title as words only: its Chinese title (searched, and shown where the words
	 * cannot be) is the words worded in Chinese, so the two never say different things.
	 * @return false when this key was sent before
	 */
	@Transactional
	public boolean toRegion(String regionCode, Wording words, String link, String key) {
		return send("REGION", regionCode, chinese(words), words, link, key);
	}

	/**
	 * Notifies an enterprise's users with a title as words only, its Chinese title worded from them (as
	 * {@link #toRegion(String, Wording, String, String)}).
	 * @return false when this key was sent before
	 */
	@Transactional
	public boolean toEnterprise(String creditCode, Wording words, String link, String key) {
		return send("ENTERPRISE", creditCode, chinese(words), words, link, key);
	}

	/** The words as a Chinese reader reads them: the stored Chinese title. */
	private String chinese(Wording words) {
		return EnumWords.of(messages, words, Locale.SIMPLIFIED_CHINESE);
	}

	/** What the title of a notification marked done ({@link #markDone}) starts with. */
	public static final String DONE = "【已办结】";

	/**
	 * The most characters a title keeps when it is sent: the column's {@link #TITLE_LENGTH} less the {@link #DONE} mark
	 * (295), so a title marked done keeps its end (a 催报 of 300 characters lost its last 5 to the mark).
	 */
	static final int SENT_TITLE_LENGTH = TITLE_LENGTH - DONE.length();

	/**
	 * A title bounded to {@link #SENT_TITLE_LENGTH}: a longer one is cut to one character less and ends in "…", so the
	 * reader sees it was cut; null stays null.
	 */
	static String bounded(String title) {
		return title == null || title.length() <= SENT_TITLE_LENGTH ? title
				: Text.start(title, SENT_TITLE_LENGTH - 1) + "…";
	}

	/**
	 * Marks an enterprise's notifications done whose key starts with {@code keyPrefix} (a reminder whose report has been
	 * filed): their titles start with {@link #DONE} from now on, whole — the column holds {@link #TITLE_LENGTH} and the
	 * mark (V330: a title of 296–300 characters stored before sent titles were bounded to {@link #SENT_TITLE_LENGTH} lost
	 * its end to the mark), so no stored title is cut; one marked before is left.
	 * @return how many were marked now
	 */
	@Transactional
	public int markDone(String creditCode, String keyPrefix) {
		return retitle(creditCode, keyPrefix, ":done || title", "NOT starts_with(title, :done)");
	}

	/**
	 * Opens again an enterprise's notifications marked done ({@link #markDone}) whose key starts with {@code keyPrefix}
	 * (a reminder whose report was handed back, 退回): their titles lose the {@link #DONE} mark and read as sent (one cut
	 * to 300 characters when marked before V330 keeps that cut).
	 * @return how many were opened now
	 */
	@Transactional
	public int reopen(String creditCode, String keyPrefix) {
		return retitle(creditCode, keyPrefix, "substr(title, length(:done) + 1)", "starts_with(title, :done)");
	}

	/** Sets {@code title} (SQL over {@code title} and {@code :done}) on the enterprise's notifications keyed so and {@code which}. */
	private int retitle(String creditCode, String keyPrefix, String title, String which) {
		int changed = jdbc.sql("UPDATE notification SET title = " + title + " " + """
				 WHERE audience_kind = 'ENTERPRISE' AND audience = :code AND starts_with(dedupe_key, :prefix)
				  AND\s""" + which)
			.param("done", DONE)
			.param("code", creditCode)
			.param("prefix", keyPrefix)
			.update();
		if (changed > 0) {
			forgetCounts();
		}
		return changed;
	}

	/**
	 * Notifies the members of one department with a title each reader's list words in their language ({@code words}
	 * beside the Chinese {@code title}, as {@link #toRegion(String, String, Wording, String, String)}; null words: the
	 * title shown as it is).
	 * @return false when this key was sent before
	 */
	@Transactional
	public boolean toDepartment(long departmentId, String title, Wording words, String link, String key) {
		return send("DEPARTMENT", Long.toString(departmentId), title, words, link, key);
	}

	/** The newest notifications the caller (of {@code scope}, member of {@code departmentId} if any) may see. */
	public List<Notification> recent(DataScope scope, Long departmentId, int limit) {
		return jdbc.sql("SELECT id, title, link, created_at, title_words::text AS title_words FROM notification WHERE " + audience(scope, departmentId)
				+ " ORDER BY created_at DESC, id DESC LIMIT :limit")
			.params(scope.params())
			.param("department", String.valueOf(departmentId))
			.param("limit", limit)
			.query(Rows.of(Notification.class))
			.list();
	}

	/**
	 * A page of the notifications the caller (of {@code scope}, member of {@code departmentId} if any) may see, newest
	 * first unless {@code sort=created_at&dir=asc}, searched in their titles (every word) — the Chinese title and the
	 * English one ({@code title_en}), so a reader finds a title by the words their list shows it in.
	 * @param page the page, search and order ({@link PageQuery}; 20 a page unless its size says otherwise)
	 * @return the page with its total
	 */
	public PageResult<Notification> page(DataScope scope, Long departmentId, PageQuery page) {
		Map<String, Object> values = new HashMap<>(scope.params());
		values.put("department", String.valueOf(departmentId));
		return Listing.from("FROM notification n")
			.where("(" + audience(scope, departmentId) + ")", values)
			.search(page, "n.title", "n.title_en")
			.sorts(SORTS, "created_at", true, "n.id")
			.page(jdbc, "SELECT n.id, n.title, n.link, n.created_at, n.title_words::text AS title_words", page,
				Rows.of(Notification.class));
	}

	/** How many the caller received in the last seven days (the shell's badge). */
	public long countRecent(DataScope scope, Long departmentId) {
		return counts.get(counts.head(), List.of(scope, String.valueOf(departmentId)), () -> count(scope, departmentId));
	}

	private long count(DataScope scope, Long departmentId) {
		return jdbc.sql("SELECT count(*) FROM notification WHERE created_at > :since AND " + audience(scope, departmentId))
			.params(scope.params())
			.param("department", String.valueOf(departmentId))
			.param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(7))))
			.query(Long.class)
			.single();
	}

	/**
	 * Stores one notification. Its title is masked and bounded here, once for every listener: a title may quote what
	 * someone typed (a referral's reason, an alert's detail, a task's name), and an ID or mobile number in it is shown
	 * masked ({@link Masking#personalNumbersIn}) to every reader of the list, then cut to {@link #SENT_TITLE_LENGTH}
	 * characters ({@link #bounded}: the column keeps room for the {@link #DONE} mark; masked before the cut, so a cut
	 * never shows more of a number than its mask does). Its words are stored as JSON ({@link TitleWords}) and worded in
	 * English from what is stored (masked as the list reads them) for the search.
	 */
	private boolean send(String kind, String audience, String title, Wording words, String link, String key) {
		String stored = TitleWords.write(words);
		Wording read = TitleWords.read(stored);
		String english = read == null ? null : EnumWords.of(messages, read, Locale.ENGLISH);
		return jdbc.sql("""
				INSERT INTO notification (audience_kind, audience, title, title_words, title_en, link, dedupe_key, created_at)
				VALUES (:kind, :audience, :title, CAST(:words AS jsonb), :english, :link, :key, :now)
				ON CONFLICT (dedupe_key) DO NOTHING""")
			.param("kind", kind)
			.param("audience", audience)
			.param("title", bounded(Masking.personalNumbersIn(title, TITLE_LENGTH)))
			.param("words", stored)
			.param("english", english)
			.param("link", link)
			.param("key", key)
			.param("now", Timestamp.from(clock.instant()))
			.update() == 1 && forgetCounts();
	}

	/** Starts the badge's memory afresh now and, in a transaction, once more when it commits; returns true. */
	private boolean forgetCounts() {
		sent.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sent.incrementAndGet();
				}
			});
		}
		return true;
	}

	private static String audience(DataScope scope, Long departmentId) {
		return switch (scope.kind()) {
			case ENTERPRISE -> "audience_kind = 'ENTERPRISE' AND " + scope.enterprisePredicate("audience", "audience");
			case NONE -> "FALSE";
			default -> "(audience_kind = 'REGION' AND " + scope.regionPredicate("audience") + ")"
					+ (departmentId == null ? "" : " OR (audience_kind = 'DEPARTMENT' AND audience = :department)");
		};
	}
}
