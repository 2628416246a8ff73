package org.youguan.audit;

import java.io.Serializable;

/**
 * The result of walking the audit chain in seal order: how many seals were checked, the first broken link if any
 * (its seal number, the event and what is wrong), how many events await sealing within the grace period, and — when a
 * checkpoint was given — whether the chain still holds the head the checkpoint recorded.
 *
 * @param checked seals verified before the first broken link (all of them when intact)
 * @param firstBrokenSeq the seal number where the chain breaks, or null
 * @param firstBrokenId the audit event at the first broken link, or null (also when only a seal is missing)
 * @param problem what is wrong there, in Chinese, or null
 * @param pending committed events younger than the grace period not sealed yet (not a fault)
 * @param checkpoint the comparison with a checkpoint file, or null when none was given
 */
public record ChainVerification(long checked, Long firstBrokenSeq, Long firstBrokenId, String problem, long pending,
		CheckpointCheck checkpoint) implements Serializable {

	/**
	 * A checkpoint compared with the chain.
	 *
	 * @param seq the seal number the checkpoint recorded (0 when the file could not be read)
	 * @param day the China date of the checkpoint
	 * @param matches whether the signature is this installation's and the chain still holds that seal with that MAC
	 * @param finding what was found, in Chinese
	 */
	public record CheckpointCheck(long seq, String day, boolean matches, String finding) implements Serializable {
	}

	/** Nothing broken, and the checkpoint (if any) matches. */
	public boolean intact() {
		return problem == null && (checkpoint == null || checkpoint.matches());
	}

	ChainVerification with(CheckpointCheck check) {
		return new ChainVerification(checked, firstBrokenSeq, firstBrokenId, problem, pending, check);
	}
}
