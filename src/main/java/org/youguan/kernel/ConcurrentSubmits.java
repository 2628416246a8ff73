package org.youguan.kernel;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.postgresql.util.PSQLException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A step that lost a race with another submission at the database — the one reading for pages ({@link PageSteps},
 * {@link FormSteps}) and the API's problem (web's error handler) alike. Two kinds: a unique key met (SQLSTATE 23505:
 * the other submission created the same row first — a double click, two people naming one record alike at once) and a
 * record changed meanwhile (a stale {@code @Version}, a serialization failure, a deadlock or a lock PostgreSQL gave up
 * on: Spring's {@link ConcurrencyFailureException}). Both are conflicts with the record's state (409
 * {@link ErrorCode#ILLEGAL_TRANSITION}), not input to correct: the first submission stands, nothing of this one was
 * saved (its transaction rolled back), and a page shows it in its one error box as a conflict with the input kept.
 */
public final class ConcurrentSubmits {

	/** What a submission that met a unique key says (rule {@code duplicate}, on the key's field). */
	public static final String CREATED = "该记录已由同时进行的另一次提交创建，本次提交未保存：请刷新后查看，不要重复提交";

	/** What a submission on a record changed meanwhile says (field {@code request}, rule {@code concurrent-change}). */
	public static final String CHANGED = "该记录刚被同时进行的另一次操作修改（可能是重复提交），本次操作未保存，请刷新后查看当前状态";

	private static final Pattern UNIQUE_KEY = Pattern.compile("Key \\(([a-z0-9_, ]+)\\)=");

	/**
	 * A column inside the {@code folded(…)}, {@code text_key(…)} or {@code enterprise_name_key(…)} of a duplicate-name
	 * index's key, with PostgreSQL's cast: {@code folded(name::text)}, {@code enterprise_name_key(legal_name::text)}.
	 */
	private static final Pattern FOLDED_COLUMN = Pattern.compile("(?:folded|text_key|enterprise_name_key)\\(([a-z0-9_]+)(?:::[a-z ]+)?\\)");

	private ConcurrentSubmits() {
	}

	/**
	 * The refusal a lost race is: 409 {@link ErrorCode#ILLEGAL_TRANSITION} naming the unique key's field (rule
	 * {@code duplicate}, {@link #CREATED}) or {@code request} (rule {@code concurrent-change}, {@link #CHANGED}); empty for
	 * any other failure (a bug, the database down) — and while a transaction is still active around the caller, whose
	 * work the failure has spoilt: that one is not answered as a refusal the step could go on from.
	 * @param failure what the step threw (a Spring {@code DataAccessException} wrapping the driver's)
	 */
	public static Optional<DomainException> refusal(Throwable failure) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return Optional.empty();
		}
		return lost(failure);
	}

	/** As {@link #refusal}, whatever the transaction around (the error handler answers after the step's has ended). */
	public static Optional<DomainException> lost(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConcurrencyFailureException) {
				return Optional.of(changed());
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				switch (sql.getSQLState()) {
					case "23505":
						return Optional.of(created(uniqueKeyField(detail(sql))));
					case "40001", "40P01", "55P03":
						return Optional.of(changed());
					default:
						return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	private static DomainException changed() {
		return new DomainException(ErrorCode.ILLEGAL_TRANSITION, Wording.of("refusal.concurrentChange"), CHANGED,
				List.of(new FieldError("request", "concurrent-change", CHANGED)));
	}

	private static DomainException created(String field) {
		return new DomainException(ErrorCode.ILLEGAL_TRANSITION, Wording.of("refusal.concurrentCreate"), CREATED,
				List.of(new FieldError(field, "duplicate", CREATED)));
	}

	/** PostgreSQL's detail of a unique key met ("Key (case_id)=(12) already exists."), or the exception's message. */
	private static String detail(SQLException sql) {
		return sql instanceof PSQLException pg && pg.getServerErrorMessage() != null
				? pg.getServerErrorMessage().getDetail() : sql.getMessage();
	}

	/**
	 * The field a unique key met is about, from PostgreSQL's detail ("Key (case_id)=(12) already exists." →
	 * {@code caseId}; several columns joined by a comma; a column compared by its {@code kernel.Text.folded} key, as
	 * "Key (bureau_id, folded(name::text))=…" of the duplicate-name indexes (V245), as the column), or {@code request}
	 * when the message names none.
	 */
	public static String uniqueKeyField(String detail) {
		String plain = detail == null ? "" : FOLDED_COLUMN.matcher(detail).replaceAll("$1");
		Matcher m = UNIQUE_KEY.matcher(plain);
		if (!m.find()) {
			return "request";
		}
		return Arrays.stream(m.group(1).split(",")).map(Text::strip).map(Text::camelCase)
			.collect(Collectors.joining(","));
	}
}
