package org.youguan.kernel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page runs a posted form that a person fills in (the idiom of the village check form, the safety ledgers, the
 * branch filing and annual report forms): saved → the step's message is flashed
 * and its next page follows (post → redirect → get); refused (a {@link DomainException} other than not-found) → the
 * form's page is rendered again in the same response with every error ({@code errors}), the 4xx status of the error
 * and the values as typed (the templates read them back from the posted parameters; {@code refused} tells a form that
 * an absent checkbox was unticked rather than never shown), so a refused form never looks saved and loses nothing.
 * Not-found (404) and refusals of access (403) reach the one error handler, as with {@link PageSteps}. The layout lists
 * the errors at the top and marks each named field with its message beside it ({@code static/js/youguan.js}). A step
 * that lost a race with another submission at the database ({@link ConcurrentSubmits}) is refused so too, as a conflict
 * with the record's state (409). A page
 * of several forms sharing field names names the refused one: its POST handler declares the form's element id with
 * {@link PageForm}, which the page gets as {@code refusedForm} whether the step refused it here or its values could
 * not be bound before the handler ran; only that form reads the typed values back and has its fields marked.
 *
 * <p>{@link PageSteps} runs a step whose refusal is flashed across a redirect, with the values as typed, which the page
 * after it reads back the same way ({@code param.x}); this one renders the refusal in its 4xx status at once, so a form
 * of many fields (and one whose files are held for it) uses this.
 */
public final class FormSteps {

	private FormSteps() {
	}

	/**
	 * Runs a step that chooses its next page (a step whose next page tells its outcome itself gives a null message).
	 * @param page fills the model of the form's page and returns its view (called only when the step is refused)
	 * @return the redirect on success, the form's view on a refusal
	 * @throws DomainException not-found, unchanged
	 * @throws AccessRefusedException unchanged when it names no field (the caller's role: the error page); one naming a
	 * field shows the form again in 403 with the refusal beside the field (rule {@code forbidden})
	 */
	public static String run(Model model, HttpServletResponse response, RedirectAttributes redirect,
			Supplier<PageSteps.Done> step, Supplier<String> page) {
		PageSteps.Done done;
		try {
			done = step.get();
		}
		catch (DomainException ex) {
			refused(ex, model, response);
			return page.get();
		}
		catch (DataAccessException ex) {
			// lost a race with another submission (a twin name saved first, a record changed meanwhile): the form again
			// with the conflict in its error box, never the bare error page
			refused(refusal(ex), model, response);
			return page.get();
		}
		catch (AccessRefusedException ex) {
			if (ex.field() == null) {
				throw ex;
			}
			// a value typed in the form that the caller may not use (another enterprise's credit code): the form again,
			// in 403, with the refusal beside that field — never the bare error page in place of the form
			response.setStatus(ErrorCode.ACCESS_DENIED.status());
			model.addAttribute("errors", List.of(new FieldError(ex.field(), "forbidden", ex.getMessage())));
			model.addAttribute("refused", true);
			wording(ex.wording(), ex.getMessage(), model::addAttribute);
			return page.get();
		}
		if (done.message() != null) {
			redirect.addFlashAttribute("message", done.message());
		}
		return PageAddress.redirect(done.page());
	}

	/**
	 * Answers a refusal as {@link #run} does, for a page whose success is not a redirect (a page that shows its outcome
	 * itself, as the public complaint form shows the query code once): the refusal's 4xx status, its errors
	 * ({@code errors}) and {@code refused} in the model; the caller renders the form's page again.
	 * @throws DomainException {@code ex} itself when it is not-found (404 reaches the one error handler)
	 */
	public static void refused(DomainException ex, Model model, HttpServletResponse response) {
		if (ex.code() == ErrorCode.NOT_FOUND) {
			throw ex;
		}
		status(ex, response);
		model.addAttribute("errors", ex.formErrors());
		if (PageSteps.stateConflict(ex)) {
			model.addAttribute(PageSteps.CONFLICT, true);
		}
		model.addAttribute("refused", true);
		wording(ex.wording(), ex.getMessage(), model::addAttribute);
		wordings(ex, model::addAttribute);
	}

	/**
	 * Answers a refusal a page shows itself in the refusal's status, a limit reached (429) with its {@code Retry-After}
	 * ({@link LimitReachedException#retryAfter(DomainException, HttpServletResponse)}) — the one way a page that catches
	 * a refusal sets its answer's status.
	 */
	public static void status(DomainException ex, HttpServletResponse response) {
		response.setStatus(ex.code().status());
		LimitReachedException.retryAfter(ex, response);
	}

	/**
	 * A refusal a page shows itself whatever its code, a not-found included (a public look-up's wrong query code): its
	 * status ({@link #status}), its errors ({@code errors}) and its sentence's key for the reader's language.
	 */
	public static void shown(DomainException ex, Model model, HttpServletResponse response) {
		status(ex, response);
		model.addAttribute("errors", ex.formErrors());
		wording(ex.wording(), ex.getMessage(), model::addAttribute);
		wordings(ex, model::addAttribute);
	}

	/**
	 * The refusal a step's failure is, for a page that catches the failure itself ({@code catch (DomainException |
	 * DataAccessException failure)}) and answers it with {@link #refused}: the {@link DomainException} itself, or a race
	 * lost with another submission at the database as {@link ConcurrentSubmits} reads it (409, a conflict).
	 * @throws RuntimeException the failure itself when it is neither (a bug, the database down: the one error handler)
	 */
	public static DomainException refusal(RuntimeException failure) {
		if (failure instanceof DomainException ex) {
			return ex;
		}
		return ConcurrentSubmits.refusal(failure).orElseThrow(() -> failure);
	}

	/**
	 * Gives the page a refusal's sentence as its key ({@code refusalWording}) beside its Chinese ({@code refusalMessage}),
	 * so the layout lists the error saying it in the reader's language (web's {@code RefusalTexts}); nothing for a
	 * refusal without a key.
	 */
	static void wording(Wording wording, String chinese, BiConsumer<String, Object> put) {
		if (wording != null) {
			put.accept("refusalWording", wording);
			put.accept("refusalMessage", chinese);
		}
	}

	/**
	 * Gives the page the keys of every failure of a refusal that carries them ({@code errorWordings}: each failure's
	 * message → its key, {@link DomainException#wording(FieldError)}), so the layout lists each failure in the reader's
	 * language, not the first alone; nothing when none carries one.
	 */
	static void wordings(DomainException ex, BiConsumer<String, Object> put) {
		Map<String, Wording> byMessage = new HashMap<>();
		ex.wordings().forEach((error, words) -> byMessage.putIfAbsent(error.message(), words.flashable()));
		if (!byMessage.isEmpty()) {
			put.accept("errorWordings", byMessage);
		}
	}

	/** Runs a step that stays on its page {@code here}, flashing {@code message} when it succeeds. */
	public static String run(Model model, HttpServletResponse response, RedirectAttributes redirect, String here,
			String message, Runnable step, Supplier<String> page) {
		return run(model, response, redirect, () -> {
			step.run();
			return new PageSteps.Done(message, here);
		}, page);
	}
}
