package org.youguan.safety.internal;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits on uploads running at once: per enterprise (429) and per node (503), freed when an upload ends. */
class UploadSlotsTest {

	@Test
	void anEnterpriseRunsAtMostItsShareAndTheNodeAtMostItsTotal() {
		UploadSlots slots = new UploadSlots(3, 2);
		UploadSlots.Slot a1 = slots.take(1);
		UploadSlots.Slot a2 = slots.take(1);
		assertThatThrownBy(() -> slots.take(1)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS));
		UploadSlots.Slot b1 = slots.take(2);
		assertThatThrownBy(() -> slots.take(3)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE));
		// the refused take of enterprise 3 left nothing held: once a slot is free, enterprise 3 gets it
		a1.close();
		UploadSlots.Slot c1 = slots.take(3);
		a2.close();
		UploadSlots.Slot a3 = slots.take(1);
		a3.close();
		b1.close();
		c1.close();
		UploadSlots.Slot again = slots.take(1);
		UploadSlots.Slot again2 = slots.take(1);
		again.close();
		again2.close();
	}
}
