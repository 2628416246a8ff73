package org.youguan.org;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.youguan.kernel.Rows;

/**
 * What {@link Bureaus} derives from the whole registry of bureaus and accounts and reads on every step check, list,
 * inbox count and 文号 issued: every bureau with its 机关代字 ({@link DocumentAgency#codes}) and, per set of roles, the
 * bureaus with an enabled staff account holding one of them ({@link Bureaus#staffed}). Kept in a Caffeine cache rather
 * than queried per call, and dropped whenever a bureau or an account is saved or deleted (Spring Data JDBC's
 * {@link AfterSaveEvent} / {@link AfterDeleteEvent} of {@link Bureau} and {@link UserAccount}: a new county account
 * makes the county handle new work at once) — again once the changing transaction ends, so a read made meanwhile from
 * the committed rows (or from the changing transaction's own, rolled back) is not kept. A change written past the
 * repositories (a migration, a hand-run SQL statement) is seen within {@link #TTL}.
 */
@Component
class BureauRegistry {

	/** How long a derived registry is kept at most, for a change that publishes no event. */
	static final Duration TTL = Duration.ofMinutes(1);

	/** Every bureau on the platform ({@code bureaus}, sorted by region code) and each one's 机关代字 by id. */
	record Snapshot(List<BureauView> bureaus, Map<Long, String> agencyCodes) {
	}

	private final JdbcClient jdbc;

	private final Cache<Boolean, Snapshot> snapshot = Caffeine.newBuilder().expireAfterWrite(TTL).build();

	private final Cache<Set<Role>, Set<Long>> staffed = Caffeine.newBuilder().maximumSize(64).expireAfterWrite(TTL).build();

	BureauRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every bureau and its 机关代字, derived once per change of the bureaus. */
	Snapshot snapshot() {
		return snapshot.get(Boolean.TRUE, k -> {
			List<BureauView> all = jdbc.sql("""
					SELECT b.id, b.name, b.short_name, b.level, b.region_code, r.name AS region_name, b.parent_id,
					       p.name AS parent_name, b.address, b.phone, b.demo, 0 AS departments, 0 AS users
					FROM bureau b JOIN region_name r ON r.code = b.region_code LEFT JOIN bureau p ON p.id = b.parent_id
					ORDER BY b.region_code""").query(Rows.of(BureauView.class)).list();
			return new Snapshot(all, DocumentAgency.codes(all));
		});
	}

	/**
	 * The ids of the bureaus with an enabled staff account holding one of {@code takers}, derived once per change of
	 * the accounts or bureaus.
	 */
	Set<Long> staffed(Set<Role> takers) {
		return staffed.get(Set.copyOf(takers), k -> Set.copyOf(jdbc.sql("""
				SELECT DISTINCT su.bureau_id FROM user_account su JOIN user_role sr ON sr.user_account = su.id
				WHERE su.bureau_id IS NOT NULL AND su.kind = 'STAFF' AND su.enabled AND sr.role IN (:takers)""")
			.param("takers", k.stream().map(Role::name).toList())
			.query(Long.class)
			.list()));
	}

	@EventListener
	void saved(AfterSaveEvent<?> event) {
		if (event.getEntity() instanceof Bureau || event.getEntity() instanceof UserAccount) {
			changed();
		}
	}

	@EventListener
	void deleted(AfterDeleteEvent<?> event) {
		if (Bureau.class.equals(event.getType()) || UserAccount.class.equals(event.getType())) {
			changed();
		}
	}

	/** Drops what was derived, now and again when the changing transaction ends (committed or rolled back). */
	void changed() {
		invalidate();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					invalidate();
				}
			});
		}
	}

	private void invalidate() {
		snapshot.invalidateAll();
		staffed.invalidateAll();
	}

}
