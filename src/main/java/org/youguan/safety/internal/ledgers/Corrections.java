package org.youguan.safety.internal.ledgers;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Wording;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserKind;

/**
 * The one way a ledger row is written from its checked facts — recorded ({@link #record}) or corrected
 * ({@link #correct}) — so that a correction passes exactly the checks of the recording. A correction is the staff's
 * (an enterprise user gets 403), is refused with 409 once the row is closed (where closure exists), locks the row,
 * writes only the facts that changed and records one audit entry ({@code safety.<ledger>.correct}) carrying each
 * changed fact's value before and after; nothing changed, nothing written. The caller runs it in its transaction after
 * reading the row in the caller's scope (404 outside it). Every audit entry has the ID and mobile numbers in its free
 * text masked ({@link AuditEntry#masked}): a description or note may quote a person's.
 *
 * <p>Who owns a row ({@link #requireOwn}), one rule for every ledger: the bureau whose staff recorded it
 * ({@code bureau_id}, V335 — a city's training held in a county, a hazard its inspection found there, are the city's);
 * a row an enterprise reported (its hazard, its incident) and one recorded before V335 or by no signed-in staff (the
 * demo data, a job) is the bureau's handling its region ({@link Bureaus#requireHandling}). Staff of any other bureau —
 * one above, which reads the row masked as every list masks — take none of its steps (correct, close, follow up,
 * cancel, add a rectification): 403 naming the owning bureau. An enterprise's own steps are its own.
 */
@Component
class Corrections {

	/**
	 * A ledger's table as corrections see it.
	 * @param action the audit action of a correction ({@code safety.<ledger>.correct})
	 * @param closedColumn the column set when the row is closed (null: the ledger has no closure)
	 * @param closedVerb how closure is named in the refusal (销号, 结案)
	 * @param twinField the field a second recording of the same facts is refused on ({@link #refuseTwin}); null: the
	 *        ledger keeps its own uniqueness rule (a letter: one an enterprise a year)
	 */
	record Ledger(String table, String auditType, String action, String noun, String closedColumn, String closedVerb,
			String twinField) {
	}

	/**
	 * A row's checked facts.
	 * @param columns column → value, as the recording writes them
	 * @param otherBefore facts kept outside the row (e.g. a contract's outlets) as they are now, by name
	 * @param otherAfter the same facts as corrected
	 * @param writeOther writes those facts (called only when they changed)
	 * @param entry the columns that say how the row was entered, not what happened — when an incident was reported, a
	 *        deadline or basis computed or chosen by the one recording it — written and corrected as the others but
	 *        no part of a twin's key ({@link #refuseTwin}): the same incident sent again later is the same incident
	 */
	record Facts(String region, String summary, Map<String, Object> columns, Map<String, Object> otherBefore,
			Map<String, Object> otherAfter, Runnable writeOther, Set<String> entry) {

		Facts(String region, String summary, Map<String, Object> columns) {
			this(region, summary, columns, Map.of(), Map.of(), () -> {
			});
		}

		Facts(String region, String summary, Map<String, Object> columns, Map<String, Object> otherBefore,
				Map<String, Object> otherAfter, Runnable writeOther) {
			this(region, summary, columns, otherBefore, otherAfter, writeOther, Set.of());
		}

		/** The same facts, {@code columns} being about the entry ({@link #entry}), not compared for twins. */
		Facts withEntry(String... columns) {
			return new Facts(region, summary, this.columns, otherBefore, otherAfter, writeOther, Set.of(columns));
		}
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final Bureaus bureaus;

	Corrections(JdbcClient jdbc, AuditTrail audit, Clock clock, Bureaus bureaus) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.bureaus = bureaus;
	}

	/** A row's owner as stored: its region and the bureau whose staff recorded it (null: none recorded). */
	private record Owner(String regionCode, Long bureauId) {
	}

	/**
	 * Refuses a signed-in staff member of another bureau than the one owning row {@code id} of {@code table} a step on
	 * it — the one owner rule of the safety ledgers (see the class): the recording bureau, else the bureau handling the
	 * row's region. A row that is not there is left to the caller's read (404); an enterprise's step and one without a
	 * signed-in account pass.
	 * @param noun what the row is called after 本 ("隐患", "寄递安保期")
	 * @throws AccessRefusedException (403) naming the owning bureau
	 */
	void requireOwn(String table, String noun, long id) {
		Optional<AccessRefusedException> refusal = refusal(table, noun, id);
		if (refusal.isPresent()) {
			throw refusal.get();
		}
	}

	/** Whether the signed-in caller takes the steps of row {@code id} of {@code table} ({@link #requireOwn}): what a page offers. */
	boolean owns(String table, long id) {
		return refusal(table, "记录", id).isEmpty();
	}

	/**
	 * The name of the bureau owning row {@code id} of {@code table} (the recording bureau, else the one handling the
	 * row's region — {@link #requireOwn}'s owner), what a row's page names as its 登记单位 to a reader who is not it;
	 * empty for a row that is not there.
	 */
	Optional<String> ownerName(String table, long id) {
		return jdbc.sql("SELECT region_code, bureau_id FROM " + table + " WHERE id = :id")
			.param("id", id)
			.query(Rows.of(Owner.class))
			.optional()
			.map(o -> o.bureauId() != null ? bureaus.get(DataScope.all(), o.bureauId()).name()
					: bureaus.handlingName(o.regionCode()));
	}

	/**
	 * The work-queue rule of the safety ledgers (the rows {@link #requireOwn} lets the caller act on), as a SQL predicate
	 * on a ledger's alias {@code row}: those its bureau recorded, and those no bureau recorded in the regions it handles
	 * ({@link Bureaus#handledHere}) — never a row another bureau recorded in its region, nor one a bureau below
	 * recorded: it reads them, their owner acts on them. {@code TRUE} for an enterprise (its own rows, by its scope).
	 */
	String actionable(CurrentUser user, String row) {
		if (!user.isStaff()) {
			return "TRUE";
		}
		return "(" + (user.bureauId() == null ? "FALSE" : row + ".bureau_id = " + user.bureauId().longValue()) + " OR "
				+ row + ".bureau_id IS NULL AND " + bureaus.handledHere(user.scope(), row + ".region_code") + ")";
	}

	private Optional<AccessRefusedException> refusal(String table, String noun, long id) {
		Optional<Owner> owner = jdbc.sql("SELECT region_code, bureau_id FROM " + table + " WHERE id = :id")
			.param("id", id)
			.query(Rows.of(Owner.class))
			.optional();
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		Long recorder = owner.get().bureauId();
		if (recorder == null) {
			String region = owner.get().regionCode();
			return bureaus.outsider(region).map(u -> bureaus.refusal(region, noun));
		}
		return staff().filter(u -> !recorder.equals(u.bureauId()))
			.map(u -> new AccessRefusedException(null, Wording.of("safety.refusal.recordingBureau", noun, bureaus.get(DataScope.all(), recorder).name()),
					"本" + noun + "由" + bureaus.get(DataScope.all(), recorder).name()
					+ "登记，办理步骤由该局进行；其他机关可以查阅，不能代为办理"));
	}

	/** As {@link #requireOwn(String, String, long)} for row {@code id} of {@code ledger}. */
	void requireOwn(Ledger ledger, long id) {
		requireOwn(ledger.table(), ledger.noun(), id);
	}

	/** The signed-in staff member's bureau, kept with a row they record ({@code bureau_id}); null for anyone else. */
	static Long recorder() {
		return staff().map(CurrentUser::bureauId).orElse(null);
	}

	private static Optional<CurrentUser> staff() {
		return CurrentUser.signedIn().filter(u -> u.kind() == UserKind.STAFF);
	}

	/**
	 * Records a new row of checked facts with who recorded it and when ({@code created_at}, {@code created_by},
	 * {@code demo}) and audits it: {@code action}, the summary {@code verb} + the facts' summary, the state
	 * {@code state(id)} after (e.g. {@link #state} of the facts).
	 * @return its id, the row kept as the recording staff member's bureau's ({@link #recorder})
	 */
	long record(Ledger ledger, String action, String verb, Facts facts, boolean demo, LongFunction<Object> state) {
		if (ledger.twinField() != null) {
			refuseTwin(ledger, facts, null);
		}
		Map<String, Object> columns = new LinkedHashMap<>(facts.columns());
		columns.put("created_at", OffsetDateTime.now(clock));
		columns.put("created_by", Actor.name());
		columns.put("bureau_id", recorder());
		columns.put("demo", demo);
		long id = insert(ledger.table(), columns);
		audit.record(AuditEntry.of(action, ledger.auditType(), id, verb + facts.summary())
			.states(null, state.apply(id))
			.inRegion(facts.region())
			.masked());
		return id;
	}

	/**
	 * Refuses a row whose every fact is one a row of the ledger holds already — a text compared by {@code Text.textKey} (spaces,
	 * widths, case and punctuation aside: "未配备安检机。" is "未配备安检机"), any other value as stored, the {@link Facts#entry} columns (when it was reported, a
	 * computed basis) left out: a form sent twice (a double click) or an API call retried
	 * would record one hazard, incident, training, seizure or contract twice and count it twice in the ledger's
	 * figures, as the on-the-spot decision and the inspection record refuse their twins. Two requests at once are
	 * ordered by a transaction lock on the ledger and region; a row differing in any fact passes. A correction is held
	 * to the same rule, its own row aside: corrected into the facts of another row it would be that row's twin.
	 * @param self the row being corrected (null: a new row)
	 * @throws DomainException duplicate (409, field {@link Ledger#twinField}, rule {@code unique}) naming the row
	 */
	private void refuseTwin(Ledger ledger, Facts facts, Long self) {
		TransactionLocks.hold(jdbc, ledger.table() + ":record:" + facts.region());
		StringBuilder same = new StringBuilder();
		Map<String, Object> values = new LinkedHashMap<>();
		facts.columns().forEach((column, value) -> {
			if (facts.entry().contains(column)) {
				return;
			}
			same.append(same.isEmpty() ? "" : " AND ");
			if (value == null) {
				same.append(column).append(" IS NULL");
			}
			else if (value instanceof String) {
				same.append("text_key(").append(column).append(") = text_key(:").append(column).append(")");
				values.put(column, value);
			}
			else {
				same.append(column).append(" = :").append(column);
				values.put(column, value);
			}
		});
		if (self != null) {
			same.append(same.isEmpty() ? "" : " AND ").append("id <> :self");
			values.put("self", self);
		}
		jdbc.sql("SELECT id FROM " + ledger.table() + " WHERE " + same + " ORDER BY id LIMIT 1")
			.params(values)
			.query(Long.class)
			.optional()
			.ifPresent(id -> {
				throw DomainException.duplicate(ledger.twinField(), Wording.of("safety.refusal.ledgerTwice", ledger.noun(), id),
						"该" + ledger.noun() + "已登记（记录" + id
						+ "，各项内容相同），不能重复登记：表单可能提交了两次，请在台账中查看");
			});
	}

	/** Facts as an audit state: the fields by name (camel case), the values as {@link #text} writes them. */
	static Map<String, Object> state(Map<String, Object> columns) {
		Map<String, Object> state = new LinkedHashMap<>();
		columns.forEach((column, value) -> state.put(Text.camelCase(column), text(value)));
		return state;
	}

	/** Inserts a row of {@code columns} (names from code, never from input) and returns its id. */
	private long insert(String table, Map<String, Object> columns) {
		return jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", columns.keySet()) + ") VALUES ("
				+ columns.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ") RETURNING id")
			.params(columns)
			.query(Long.class)
			.single();
	}

	/**
	 * Corrects row {@code id}: 403 for an enterprise, 409 when closed, then {@code check} (the recording's checks, which
	 * throw the recording's 400 naming every field), then the changed facts written and audited.
	 * @return the names of the facts that changed (empty: nothing written)
	 * @throws AccessRefusedException for an enterprise user; for staff of another bureau than the row's owner
	 *         ({@link #requireOwn})
	 * @throws DomainException illegal transition (409) when the row is closed; duplicate (409, rule {@code unique}) when
	 *         the corrected facts are those of another row ({@link #refuseTwin})
	 */
	Map<String, Object[]> correct(DataScope scope, Ledger ledger, long id, Supplier<Facts> check) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("id", Wording.of("safety.refusal.correctedByAuthority", ledger.noun()),
					ledger.noun() + "由邮政管理部门更正");
		}
		requireOwn(ledger, id);
		if (ledger.closedColumn() != null) {
			Object closed = jdbc.sql("SELECT " + ledger.closedColumn() + " FROM " + ledger.table() + " WHERE id = :id FOR UPDATE")
				.param("id", id)
				.query()
				.singleRow()
				.get(ledger.closedColumn());
			if (closed != null) {
				throw DomainException.illegalTransition(Wording.of("safety.refusal.ledgerClosed", ledger.noun(), text(closed), ledger.closedVerb()),
						"该" + ledger.noun() + "已于" + text(closed) + ledger.closedVerb()
						+ "，不能再修改");
			}
		}
		Facts facts = check.get();
		if (ledger.twinField() != null) {
			// corrected into another row's facts, it would be that row's twin (as recorded twice)
			refuseTwin(ledger, facts, id);
		}
		Map<String, Object> now = jdbc.sql("SELECT " + String.join(", ", facts.columns().keySet()) + " FROM "
				+ ledger.table() + " WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query()
			.singleRow();
		Map<String, Object[]> changed = new LinkedHashMap<>();
		Map<String, Object> update = new LinkedHashMap<>();
		facts.columns().forEach((column, value) -> {
			if (!Objects.equals(text(now.get(column)), text(value))) {
				changed.put(Text.camelCase(column), new Object[] { text(now.get(column)), text(value) });
				update.put(column, value);
			}
		});
		boolean otherChanged = !Objects.equals(facts.otherBefore(), facts.otherAfter());
		facts.otherAfter().forEach((name, value) -> {
			if (!Objects.equals(facts.otherBefore().get(name), value)) {
				changed.put(name, new Object[] { facts.otherBefore().get(name), value });
			}
		});
		if (changed.isEmpty()) {
			return changed;
		}
		if (!update.isEmpty()) {
			jdbc.sql("UPDATE " + ledger.table() + " SET "
					+ update.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", ")) + " WHERE id = :id")
				.params(update)
				.param("id", id)
				.update();
		}
		if (otherChanged) {
			facts.writeOther().run();
		}
		Map<String, Object> before = new LinkedHashMap<>();
		Map<String, Object> after = new LinkedHashMap<>();
		changed.forEach((name, pair) -> {
			before.put(name, pair[0]);
			after.put(name, pair[1]);
		});
		audit.record(AuditEntry.of(ledger.action(), ledger.auditType(), id, "更正" + ledger.noun() + "：" + facts.summary() + "（"
				+ String.join("、", changed.keySet()) + "）").states(before, after).inRegion(facts.region()).masked());
		return changed;
	}

	/** A value as the audit shows it and as compared: dates and moments in ISO form, numbers without trailing zeros. */
	static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Date d) {
			return d.toLocalDate().toString();
		}
		if (value instanceof Timestamp t) {
			return t.toInstant().toString();
		}
		if (value instanceof OffsetDateTime t) {
			return t.toInstant().toString();
		}
		if (value instanceof BigDecimal b) {
			return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}
}
