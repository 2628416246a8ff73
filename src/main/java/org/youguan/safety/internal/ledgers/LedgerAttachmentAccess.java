package org.youguan.safety.internal.ledgers;

import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;

/**
 * Who may read the safety module's files: a hazard's rectification evidence is readable by whoever may read the hazard
 * (staff of its region, the enterprise it belongs to), a responsibility letter's scan by whoever may read the letter;
 * any other owner type is not found.
 */
@Component
class LedgerAttachmentAccess implements AttachmentAccess {

	private final Hazards hazards;

	private final ResponsibilityLetters letters;

	LedgerAttachmentAccess(Hazards hazards, ResponsibilityLetters letters) {
		this.hazards = hazards;
		this.letters = letters;
	}

	@Override
	public String module() {
		return Hazards.MODULE;
	}

	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner) {
		if (Hazards.OWNER.equals(owner.type())) {
			hazards.get(scope, owner.id());
		}
		else if (ResponsibilityLetters.OWNER.equals(owner.type())) {
			letters.get(scope, owner.id());
		}
		else {
			throw DomainException.notFound("附件", owner.id());
		}
	}
}
