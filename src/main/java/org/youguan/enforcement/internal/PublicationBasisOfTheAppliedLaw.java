package org.youguan.enforcement.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.kernel.Text;
import org.youguan.rules.ViolationType;

/**
 * At start, the basis of every published penalty decision (双公示) marked by V297 ({@code publication_basis_due}) is
 * written again as the decision cites it — the one rule ({@link CaseLaw}, {@code StatutoryRules#applicable}, 行政处罚法
 * (2021) art.37, 从旧兼从轻): the texts of the act's day (the violation's end, else the day filed) unless the decision
 * day's law is lighter. An outlet left unfiled until 2025-05-20 and decided in July 2025 was published with
 * 《快递暂行条例》第五十条 (the 2025 text) while its decision cites the 2019 text's 第四十条. The snapshot's own violation
 * and day decided are read, with the case's act day, 情节, region and instant decided; a code the product no longer
 * knows, or no article in force on the act's day, keeps the basis as stored. The mark is cleared either way, in one
 * transaction, so a second start (or a second node, after the start-up lock) finds nothing to do.
 */
@Component
@Order(30)
class PublicationBasisOfTheAppliedLaw implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PublicationBasisOfTheAppliedLaw.class);

	private final JdbcClient jdbc;

	private final CaseLaw caseLaw;

	private final TransactionTemplate tx;

	PublicationBasisOfTheAppliedLaw(JdbcClient jdbc, CaseLaw caseLaw, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.caseLaw = caseLaw;
		this.tx = tx;
	}

	private record Due(long id, String code, boolean serious, String regionCode, LocalDate violationEndedOn, LocalDate filedOn,
			LocalDate decidedOn, OffsetDateTime decidedAt, String basis) {
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer rewritten = tx.execute(s -> rewrite());
		if (rewritten != null && rewritten > 0) {
			log.info("Published penalty bases written again as the law the decision applies: {}", rewritten);
		}
	}

	/**
	 * Writes the marked publications' bases again and clears their marks.
	 * @return how many bases changed
	 */
	int rewrite() {
		List<Due> due = jdbc.sql("""
				SELECT id, publication_violation_code, serious, region_code, violation_ended_on, filed_on,
				       publication_decided_on, decided_at, publication_basis
				FROM penalty_case WHERE publication_basis_due ORDER BY id FOR UPDATE""")
			.query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
					rs.getObject(8, OffsetDateTime.class), rs.getString(9)))
			.list();
		int changed = 0;
		for (Due d : due) {
			String basis = basis(d);
			if (basis != null && !basis.equals(d.basis())) {
				jdbc.sql("UPDATE penalty_case SET publication_basis = :basis WHERE id = :id")
					.param("basis", basis).param("id", d.id()).update();
				changed++;
			}
		}
		jdbc.sql("UPDATE penalty_case SET publication_basis_due = FALSE WHERE publication_basis_due").update();
		return changed;
	}

	/** The basis as the decision cites it, or null to keep the stored one. */
	private String basis(Due d) {
		ViolationType type;
		try {
			type = d.code() == null || d.decidedOn() == null ? null : ViolationType.valueOf(d.code());
		}
		catch (IllegalArgumentException ex) {
			type = null;
		}
		return type == null ? null : Text.blankToNull(caseLaw.of(type, d.serious(), d.regionCode(), d.violationEndedOn(),
				d.filedOn(), d.decidedOn(), d.decidedAt()).formalBasis());
	}
}
