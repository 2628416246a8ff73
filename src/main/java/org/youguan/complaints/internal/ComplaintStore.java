package org.youguan.complaints.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a complaint is saved: the aggregate and the figures' roll-up in the same transaction (the complaint's
 * old contribution out, its new one in).
 */
@Component
public class ComplaintStore {

	private final ComplaintRepository complaints;

	private final ComplaintRollup rollup;

	ComplaintStore(ComplaintRepository complaints, ComplaintRollup rollup) {
		this.complaints = complaints;
		this.rollup = rollup;
	}

	/** Inserts a new complaint (or saves a changed one) and keeps the roll-up. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Complaint save(Complaint c) {
		if (c.id() != null) {
			rollup.remove(c.id());
		}
		Complaint saved = complaints.save(c);
		rollup.add(saved.id());
		return saved;
	}
}
