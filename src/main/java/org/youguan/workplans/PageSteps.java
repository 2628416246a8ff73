package org.youguan.workplans;

import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.kernel.DomainException;

/**
 * How the work-plan pages run a posted step: on success its message is flashed and the step's next page follows; when
 * the step breaks a rule, its errors are flashed and the user goes back to the page the step was posted from.
 */
final class PageSteps {

	/** What a step did: the message to show and the page to go to. */
	record Done(String message, String page) {
	}

	private PageSteps() {
	}

	static String run(RedirectAttributes redirect, String here, Supplier<Done> step) {
		try {
			Done done = step.get();
			redirect.addFlashAttribute("message", done.message());
			return "redirect:" + done.page();
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("errors", ex.formErrors());
			return "redirect:" + here;
		}
	}

	/** A step that stays on its page. */
	static String run(RedirectAttributes redirect, String here, String message, Runnable step) {
		return run(redirect, here, () -> {
			step.run();
			return new Done(message, here);
		});
	}
}
