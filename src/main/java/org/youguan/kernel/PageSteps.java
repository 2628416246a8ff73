package org.youguan.kernel;

import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How every page runs a posted step (post → redirect → get): on success the step's message is flashed and its next page
 * follows; when the step breaks a rule ({@link DomainException} other than not-found), its errors are flashed and the
 * user goes back to the page the step was posted from. Not-found (404) and refusals ({@link AccessRefusedException},
 * 403) are not flashed: they reach the one error handler, so pages and the API answer them alike.
 *
 * <p>In the kernel rather than the web shell: the shell reads every business module for the home page, so a module
 * using a shell type would make a module cycle.
 */
public final class PageSteps {

	/** What a step did: the message to show and the page to go to. */
	public record Done(String message, String page) {
	}

	private PageSteps() {
	}

	/**
	 * Runs a step that chooses its next page.
	 * @param redirect where the message or the errors are flashed
	 * @param here the page the step was posted from (the way back on a broken rule)
	 * @return the redirect view name
	 */
	public static String run(RedirectAttributes redirect, String here, Supplier<Done> step) {
		try {
			Done done = step.get();
			redirect.addFlashAttribute("message", done.message());
			return "redirect:" + done.page();
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("errors", ex.formErrors());
			return "redirect:" + here;
		}
	}

	/** Runs a step that stays on its page, flashing {@code message} when it succeeds. */
	public static String run(RedirectAttributes redirect, String here, String message, Runnable step) {
		return run(redirect, here, () -> {
			step.run();
			return new Done(message, here);
		});
	}
}
