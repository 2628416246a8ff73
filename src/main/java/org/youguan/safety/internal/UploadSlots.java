package org.youguan.safety.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.Wording;

/**
 * How many parcel-record uploads run at once on this node: at most {@code youguan.safety.uploads-per-enterprise}
 * (default 2) of one enterprise — beyond, 429 — and {@code youguan.safety.uploads-per-node} (default 8) in all —
 * beyond, 503. An upload is a long request (a large batch streams for minutes, a slow client for longer); without a
 * limit one enterprise's token could occupy every request thread and the CPU. Not waited for: the caller is told at
 * once to send the batch again later (the batch id makes that safe).
 */
@Component
class UploadSlots {

	/** A slot held for one upload; closing it frees it. */
	interface Slot extends AutoCloseable {

		@Override
		void close();
	}

	private final Semaphore node;

	private final int perEnterprise;

	private final ConcurrentHashMap<Long, Integer> running = new ConcurrentHashMap<>();

	UploadSlots(@Value("${youguan.safety.uploads-per-node:8}") int perNode,
			@Value("${youguan.safety.uploads-per-enterprise:2}") int perEnterprise) {
		if (perNode < 1 || perEnterprise < 1) {
			throw new IllegalStateException("youguan.safety.uploads-per-node 与 uploads-per-enterprise 应至少为1");
		}
		this.node = new Semaphore(perNode);
		this.perEnterprise = perEnterprise;
	}

	/**
	 * Takes a slot for an enterprise's upload.
	 *
	 * @throws DomainException TOO_MANY_REQUESTS (429) when the enterprise already runs its maximum, UNAVAILABLE (503)
	 * when the node does
	 */
	Slot take(long enterpriseId) {
		boolean[] full = { false };
		running.compute(enterpriseId, (k, n) -> {
			int now = n == null ? 0 : n;
			if (now >= perEnterprise) {
				full[0] = true;
				return n;
			}
			return now + 1;
		});
		if (full[0]) {
			throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, Wording.of("safety.refusal.batchesBusy", perEnterprise),
					"本企业已有" + perEnterprise + "个批次正在上报，请待其完成后再上报", List.of());
		}
		if (!node.tryAcquire()) {
			release(enterpriseId);
			throw new DomainException(ErrorCode.UNAVAILABLE, "上报繁忙，请稍后重新上报该批次");
		}
		return () -> {
			node.release();
			release(enterpriseId);
		};
	}

	private void release(long enterpriseId) {
		running.computeIfPresent(enterpriseId, (k, n) -> n <= 1 ? null : n - 1);
	}
}
