package org.youguan.kernel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.dao.DataAccessException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * How every page runs a posted step (post → redirect → get): on success the step's message is flashed and its next page
 * follows; when the step breaks a rule ({@link DomainException} other than not-found), its errors are flashed and the
 * user goes back to the page the step was posted from (when the caller may open it, {@link PageAccess}: else the
 * refusal is a 403 carrying its reason) with the form as typed: the posted values are flashed
 * ({@link #TYPED}) with {@code refused}, and the page after the redirect reads them back as the posted parameters
 * ({@code param.x}) — the same as a page {@link FormSteps} renders again, so a form reads its typed values back one way
 * whichever ran it. The layout lists the errors and marks each named field beside it; on a page of several forms the
 * one refused is named ({@code refusedForm}, from {@link PageForm}, or {@code refusedAction}). A file chosen in the
 * form cannot come back through a redirect: each file field that had one gets the error "所选文件未保留，再次提交时请重新选择"
 * beside it. The page after the redirect answers in the refusal's status ({@link #REFUSED_STATUS}), as a form
 * {@link FormSteps} renders again does. Values of fields named like a password, secret or token are never flashed (they would sit in the
 * session). Not-found (404) and refusals ({@link AccessRefusedException}, 403) are not flashed here: they reach the one
 * error handler, so pages and the API answer them alike — a refusal of a page's step on a record goes back to the
 * record's page from there, in 403. A step that lost a race with another submission at the database (a
 * unique key the other one's row met first, a record changed meanwhile: {@link ConcurrentSubmits}) is refused the same
 * way, as a conflict with the record's state (409, {@link #CONFLICT}) — never the bare error page; a token caller gets
 * the API's problem.
 *
 * <p>In the kernel rather than the web shell: the shell reads every business module for the home page, so a module
 * using a shell type would make a module cycle.
 */
public final class PageSteps {

	/**
	 * The flash attribute holding a refused form's posted values (name → values as posted), which the web shell gives
	 * the page after the redirect as its request parameters.
	 */
	public static final String TYPED = "refusedValues";

	/**
	 * The flash attribute holding a refused step's status (400, 409, 422 … as its {@link ErrorCode} says): the page
	 * after the redirect, which shows the refusal, answers in it, as a page {@link FormSteps} renders again does; a
	 * reload of that page (the flash spent) is 200 again, and nothing is posted twice.
	 */
	public static final String REFUSED_STATUS = "refusedStatus";

	/**
	 * The model (or flash) attribute ({@code true}) marking a refusal's errors as a conflict with the record's state
	 * ({@link #stateConflict}): the layouts show the errors ({@code errors}, each with its {@code data-field} and
	 * {@code data-rule}) as a notice that the step no longer applies ({@code data-kind="conflict"}), not as input to
	 * correct.
	 */
	public static final String CONFLICT = "conflict";

	/**
	 * The flash attribute ({@code true}) marking a refusal's errors as a step refused to the caller (403: its role, its
	 * team, its bureau): the layouts lead its box with 无权办理此步骤 ({@code data-kind="access"}), not as input to correct.
	 */
	public static final String ACCESS_REFUSED = "accessRefused";

	/**
	 * Whether a refusal is a conflict with the record's state (409 {@link ErrorCode#ILLEGAL_TRANSITION}: the step no
	 * longer applies — the review already recorded, the lead already filed), which no correction of the form's values
	 * cures: a page shows it as a notice ({@link #CONFLICT}), not as input errors, for {@link PageSteps} and
	 * {@link FormSteps} alike.
	 */
	public static boolean stateConflict(DomainException ex) {
		return ex.code() == ErrorCode.ILLEGAL_TRANSITION;
	}

	/** What a step did: the message to show and the page to go to. */
	public record Done(String message, String page) {
	}

	private PageSteps() {
	}

	/**
	 * Runs a step that chooses its next page.
	 * @param redirect where the message or the errors (and, refused, the values as typed) are flashed
	 * @param here the page the step was posted from (the way back on a broken rule)
	 * @return the redirect view name
	 * @throws DomainException not-found, unchanged
	 */
	public static String run(RedirectAttributes redirect, String here, Supplier<Done> step) {
		HttpServletRequest posted = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				? a.getRequest() : null;
		boolean token = byToken(posted);
		try {
			Done done = step.get();
			redirect.addFlashAttribute("message", done.message());
			return PageAddress.redirect(done.page());
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.NOT_FOUND || token) {
				throw ex;
			}
			return refused(redirect, here, posted, ex);
		}
		catch (DataAccessException ex) {
			// lost a race with another submission: the page's conflict box, as a refusal of the record's state
			DomainException lost = token ? null : ConcurrentSubmits.refusal(ex).orElse(null);
			if (lost == null) {
				throw ex;
			}
			return refused(redirect, here, posted, lost);
		}
	}

	/**
	 * Flashes a refusal's errors, status and the values as typed, and goes back to {@code here} — when the caller may
	 * open it ({@link PageAccess#opens}, as the error handling asks before it sends a refused step back to its record's
	 * page): a page closed to the caller would answer its own 403 and lose the step's reason, so the refusal is then
	 * answered at once as a 403 carrying that reason ({@link AccessRefusedException}, its field the first one refused).
	 * @throws AccessRefusedException when {@code here} is closed to the caller
	 */
	private static String refused(RedirectAttributes redirect, String here, HttpServletRequest posted,
			DomainException ex) {
		if (!opens(posted, here)) {
			String field = ex.formErrors().isEmpty() ? "request" : ex.formErrors().get(0).field();
			throw new AccessRefusedException(field, ex.wording(), ex.getMessage());
		}
		flashRefusal(redirect::addFlashAttribute, posted, ex);
		return PageAddress.redirect(here);
	}

	/**
	 * Whether the caller of {@code posted} may open {@code page} (its query and fragment aside), by the application's
	 * {@link PageAccess} the web shell put on the request ({@link PageAccess#ATTRIBUTE}); true when there is none to ask.
	 */
	static boolean opens(HttpServletRequest posted, String page) {
		if (posted == null || !(posted.getAttribute(PageAccess.ATTRIBUTE) instanceof PageAccess access) || page == null) {
			return true;
		}
		int end = page.length();
		for (char c : new char[] { '?', '#' }) {
			int at = page.indexOf(c);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		return access.opens(posted, page.substring(0, end));
	}

	/**
	 * Puts what the page after the redirect shows of a refused step into {@code flash}: its errors (and one beside each
	 * file field whose file is not kept), the values as posted ({@link #TYPED}), {@link #CONFLICT} for a refusal of the
	 * record's state, its keyed wording and its status ({@link #REFUSED_STATUS}) — as {@link #run} flashes them; also
	 * used by the error handling for a state refusal met before the step's handler ran (a stale form whose record's
	 * state moved on, refused by the step's guard before its fields are read).
	 * @param flash the flash attributes being written (a {@code RedirectAttributes} or the request's output flash map)
	 * @param posted the posted request, or null when there is none bound to the thread
	 * @param ex the refusal (any but not-found, which reaches the error page)
	 */
	public static void flashRefusal(BiConsumer<String, Object> flash, HttpServletRequest posted, DomainException ex) {
		flashRefusal(flash, posted, ex.formErrors(), stateConflict(ex), ex.wording(), ex.getMessage(), ex.code().status());
		FormSteps.wordings(ex, flash);
	}

	/**
	 * Puts what the record's page shows of a step refused to the caller — for its role, or because it is not on the
	 * record's team or of its handling bureau ({@link AccessRefusedException}, 403) — into {@code flash}, as
	 * {@link #flashRefusal(BiConsumer, HttpServletRequest, DomainException)} does for a broken rule: the refusal's
	 * sentence as the one error (its field, or {@code request}; rule {@code forbidden}), the values as posted, and the
	 * status 403 ({@link #REFUSED_STATUS}), so the page after the redirect answers 403 with the page itself, the reason
	 * in its error box. Used by the error handling only for a page's step on a record (a POST to the record's address
	 * and a step), never for a read: a page the caller may not open is refused as before.
	 * @param flash the flash attributes being written
	 * @param posted the posted request, or null
	 * @param ex the refusal
	 */
	public static void flashRefusal(BiConsumer<String, Object> flash, HttpServletRequest posted, AccessRefusedException ex) {
		String field = ex.field() == null ? "request" : ex.field();
		flashRefusal(flash, posted, List.of(new FieldError(field, "forbidden", ex.getMessage())), false, ex.wording(),
				ex.getMessage(), ErrorCode.ACCESS_DENIED.status());
		flash.accept(ACCESS_REFUSED, true);
	}

	private static void flashRefusal(BiConsumer<String, Object> flash, HttpServletRequest posted, List<FieldError> refused,
			boolean conflict, Wording wording, String message, int status) {
		List<FieldError> errors = new ArrayList<>(refused);
		if (posted != null) {
			errors.addAll(filesNotKept(posted, errors));
			flash.accept(TYPED, typed(posted));
		}
		flash.accept("errors", errors);
		if (conflict) {
			flash.accept(CONFLICT, true);
		}
		flash.accept("refused", true);
		FormSteps.wording(wording == null ? null : wording.flashable(), message, flash);
		flash.accept(REFUSED_STATUS, status);
	}

	/**
	 * Whether the step was posted with an API token ({@code Authorization: Bearer}). Tokens may run a page's step — the
	 * security configuration exempts them from CSRF on purpose, and provisioning (an administrator's token opening an
	 * account at {@code POST /admin/users/new}) relies on it — but a token caller keeps no session (what is flashed for
	 * it is never saved in one: {@code web.TokenFlashMaps}), and a refusal reaches the one error handler, which answers
	 * a token caller with the problem in the refusal's status (422, 409, 400 …) instead of a redirect to a page whose
	 * errors it could never read (attack f8 item 10: a token's refused step answered 302 and created a session).
	 */
	public static boolean byToken(HttpServletRequest request) {
		return request != null && BearerToken.sent(request);
	}

	/** Runs a step that stays on its page, flashing {@code message} when it succeeds. */
	public static String run(RedirectAttributes redirect, String here, String message, Runnable step) {
		return run(redirect, here, () -> {
			step.run();
			return new Done(message, here);
		});
	}

	/**
	 * The posted values the form declares, each capped, but the CSRF token and those of password, secret or token fields
	 * (kept out of the session): {@link FlashedValues}.
	 */
	private static Map<String, List<String>> typed(HttpServletRequest posted) {
		return FlashedValues.of(posted);
	}

	/**
	 * An error beside each file field that had a file chosen (content or a file name) and no error of its own: the file
	 * is not kept. The request bound to the thread is the one the dispatcher was handed, not the multipart request
	 * Spring makes of it for the handler: a {@link MultipartHttpServletRequest} behind the filters' wrappers when it was
	 * one before (MockMvc), else the container's request, whose parts the container parsed (Tomcat).
	 */
	private static List<FieldError> filesNotKept(HttpServletRequest posted, List<FieldError> errors) {
		Set<String> chosen = new LinkedHashSet<>();
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(posted, MultipartHttpServletRequest.class);
		if (multipart != null) {
			multipart.getMultiFileMap().forEach((field, files) -> {
				if (files.stream().anyMatch(f -> !f.isEmpty() || named(f.getOriginalFilename()))) {
					chosen.add(field);
				}
			});
		}
		else if (posted.getContentType() != null && posted.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			// the request the step runs in is the one before Spring parsed it: its parts, as the container parsed them
			try {
				for (Part part : posted.getParts()) {
					if (part.getSubmittedFileName() != null && (part.getSize() > 0 || named(part.getSubmittedFileName()))) {
						chosen.add(part.getName());
					}
				}
			}
			catch (IOException | ServletException | IllegalStateException ex) {
				// no parts to tell of: nothing to name
			}
		}
		List<FieldError> notKept = new ArrayList<>();
		for (String field : chosen) {
			if (errors.stream().noneMatch(e -> field.equals(e.field()))) {
				notKept.add(new FieldError(field, "not-kept", "所选文件未保留，再次提交时请重新选择"));
			}
		}
		return notKept;
	}

	/** Whether a file part came with a chosen file's name. */
	private static boolean named(String fileName) {
		return fileName != null && !fileName.isBlank();
	}
}
