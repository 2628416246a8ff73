package org.youguan.enforcement.internal;

import java.sql.Connection;

import org.springframework.stereotype.Component;
import org.youguan.platform.DataMigration;

/**
 * V259, kept for its place in the history and now doing nothing: it wrote a published penalty decision's (双公示) basis
 * from the catalogue as of the day decided — a second rule beside the law the decision applies (the act's day's unless
 * the decision day's is lighter, {@link CaseLaw}). Every publication is written again by that one rule at start
 * ({@link PublicationBasisOfTheAppliedLaw}, marked by V297), including those this migration rewrote.
 */
@Component
class PublicationBasisInForce extends DataMigration {

	PublicationBasisInForce() {
		super("259", "published penalty bases cite the law in force on the day decided");
	}

	@Override
	protected void migrate(Connection connection) {
		// superseded by PublicationBasisOfTheAppliedLaw (V297): the one rule needs the rule catalogue's history, a bean's
	}
}
