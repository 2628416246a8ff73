package org.youguan.enforcement.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DomainException;
import org.youguan.org.CurrentUser;

/**
 * The list behind each enforcement queue of the inbox ({@link EnforcementWorkQueues}): exactly the items the queue
 * counts, most urgent first, each linking to its lead or case.
 */
@Controller
@PreAuthorize(EnforcementApiController.WRITERS)
class EnforcementQueueController {

	private final EnforcementWorkQueues queues;

	private final Clock clock;

	EnforcementQueueController(EnforcementWorkQueues queues, Clock clock) {
		this.queues = queues;
		this.clock = clock;
	}

	/**
	 * One queue's items.
	 * @throws DomainException (404) for an unknown queue; AccessRefusedException (403) for a user without the queues
	 */
	@GetMapping("/enforcement/queues/{queue}")
	String queue(@AuthenticationPrincipal CurrentUser me, @PathVariable String queue, Model model) {
		if (!EnforcementWorkQueues.QUEUES.contains(queue)) {
			throw DomainException.notFound("待办队列", queue);
		}
		if (!EnforcementWorkQueues.handles(me)) {
			throw new AccessRefusedException("只有办案人员有行政处罚待办");
		}
		model.addAttribute("queue", queue);
		model.addAttribute("items", queues.items(me, queue));
		model.addAttribute("path", queue.equals("enforcement.leads") ? "/enforcement/leads/" : "/enforcement/cases/");
		model.addAttribute("today", LocalDate.now(clock));
		return "enforcement/queue";
	}
}
