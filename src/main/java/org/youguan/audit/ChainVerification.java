package org.youguan.audit;

/**
 * The result of walking the hash chain: how many events were checked and the first broken link, if any.
 */
public record ChainVerification(long checked, Long firstBrokenId, String problem) implements java.io.Serializable {

	public boolean intact() {
		return firstBrokenId == null;
	}
}
