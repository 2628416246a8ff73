package org.youguan.kernel;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way a workflow step moves a record from the status it was read in to the next (a penalty case, a licence
 * application, a post office approval): a compare-and-set {@code UPDATE <table> SET status = :to, updated_at = :now
 * <set> WHERE id = :id AND status = :from}, inside the step's transaction after the row was locked. Two people taking
 * steps on one record at once cannot both succeed: the second finds the status changed and is refused.
 */
public final class StatusMove {

	private StatusMove() {
	}

	/** The parameters {@link #move} binds itself. */
	private static final List<String> OWN_PARAMETERS = List.of("to", "now", "id", "from");

	/**
	 * Moves the row {@code id} of {@code table} from {@code from} to {@code to} (the same status for a step that only
	 * records something), setting {@code updated_at} to now and whatever the extra clause sets.
	 * @param table the table's name — a constant of the calling module, never user input
	 * @param set an extra SET clause starting with a comma ({@code ", decided_on = :decidedOn"}), or {@code ""}
	 * @param params the named parameters of {@code set}; never {@code to}, {@code now}, {@code id} or {@code from},
	 * which the move binds itself (a caller's {@code :to} once stored the new status where it meant its own value)
	 * @param what what the user calls the record (案件, 申请, 审批), named in the refusal
	 * @throws DomainException {@code illegal-transition} (409) when the row is no longer in {@code from}
	 * @throws IllegalArgumentException when {@code params} names one of the move's own parameters
	 */
	public static void move(JdbcClient jdbc, Clock clock, String table, long id, Enum<?> from, Enum<?> to, String set,
			Map<String, ?> params, String what) {
		for (String own : OWN_PARAMETERS) {
			if (params.containsKey(own)) {
				throw new IllegalArgumentException("the move binds :" + own + " itself; name the extra parameter otherwise");
			}
		}
		int n = jdbc.sql("UPDATE " + table + " SET status = :to, updated_at = :now " + set + " WHERE id = :id AND status = :from")
			.params(params)
			.param("to", to.name())
			.param("now", OffsetDateTime.now(clock))
			.param("id", id)
			.param("from", from.name())
			.update();
		if (n != 1) {
			throw DomainException.illegalTransition(Wording.of("refusal.statusChanged", what),
					what + "状态已被他人改变，请刷新后重试");
		}
	}
}
