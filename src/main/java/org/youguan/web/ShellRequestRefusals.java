package org.youguan.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.RequestRefusals;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;

/**
 * The shell's answers to refusals made outside the controllers by modules below it ({@link RequestRefusals}):
 * {@link Refusals} and {@link ProblemResponses}, the same ones the shell's own filters use.
 */
@Component
class ShellRequestRefusals implements RequestRefusals {

	/** Where a page's step is told its record's page ({@link #backToRecordPage}). */
	private final StepAccessFirst steps;

	/** The application's flash maps (the dispatcher's), written here from a filter. */
	private final ObjectProvider<FlashMapManager> flashMaps;

	ShellRequestRefusals(StepAccessFirst steps, ObjectProvider<FlashMapManager> flashMaps) {
		this.steps = steps;
		this.flashMaps = flashMaps;
	}

	@Override
	public boolean backToRecordPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
		CurrentUser me = CurrentUser.signedIn().orElse(null);
		FlashMapManager manager = flashMaps.getIfAvailable();
		String page = me == null || !me.isStaff() || manager == null ? null : steps.recordPageOf(request).orElse(null);
		if (page == null) {
			return false;
		}
		AccessRefusedException refusal = roleRefusal(me, request.getAttribute(STEP_ROLES));
		if (!steps.opens(request, page)) {
			// the record's page is not open to the caller either (a staff member's step on an account, /admin/users/7):
			// its 403 would lose the flashed reason, so the step's refusal is answered here, its reason in the 403
			Refusals.refuse(request, response, ErrorCode.ACCESS_DENIED.status(), ErrorCode.ACCESS_DENIED.title(),
					refusal.getMessage(), List.of(new FieldError("request", "forbidden", refusal.getMessage())));
			return true;
		}
		FlashMap flash = new FlashMap();
		PageSteps.flashRefusal(flash::put, request, refusal);
		flash.setTargetRequestPath(request.getContextPath() + page);
		manager.saveOutputFlashMap(flash, request, response);
		// where the dispatcher keeps a request's flash: what a test reads of the answer, as after a handler's refusal
		request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, flash);
		response.sendRedirect(request.getContextPath() + page);
		return true;
	}

	/**
	 * The refusal of a step for the caller's role: naming the roles the caller holds and those that may take the step.
	 * @param may the names of the roles the step's handler admits ({@link RequestRefusals#STEP_ROLES}), or null
	 */
	static AccessRefusedException roleRefusal(CurrentUser me, Object may) {
		List<Role> admitted = admitted(may);
		if (admitted.isEmpty()) {
			return roleRefusal(me);
		}
		List<Role> held = me.roles().stream().sorted().toList();
		return new AccessRefusedException("request", Wording.of("refusal.stepRoleNamed", held, admitted),
				"您的角色（" + labels(held) + "）不能办理此步骤：此步骤须由" + labels(admitted) + "办理，请联系有权限的同事或管理员");
	}

	/**
	 * The refusal of a page (a GET: a form, a list) for the caller's role, naming the roles the caller holds and those
	 * the page's handler admits — the words of {@link #roleRefusal(CurrentUser, Object)} for a page, which is opened,
	 * not taken as a step.
	 * @param admitted the roles the page's handler admits, at least one
	 */
	static AccessRefusedException pageRoleRefusal(CurrentUser me, List<Role> admitted) {
		List<Role> held = me.roles().stream().sorted().toList();
		return new AccessRefusedException("request", Wording.of("refusal.pageRoleNamed", held, admitted),
				"您的角色（" + labels(held) + "）不能打开此页面：此页面供" + labels(admitted) + "使用，请联系有权限的同事或管理员");
	}

	/** The roles named in a request's {@link RequestRefusals#STEP_ROLES}, in the roles' order; empty for none. */
	private static List<Role> admitted(Object may) {
		return may instanceof List<?> names ? names.stream().map(String::valueOf)
			.filter(n -> java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(n))).map(Role::valueOf)
			.sorted().toList() : List.of();
	}

	@Override
	public boolean refuseRole(HttpServletRequest request, HttpServletResponse response) throws IOException {
		CurrentUser me = CurrentUser.signedIn().orElse(null);
		List<Role> admitted = admitted(request.getAttribute(STEP_ROLES));
		if (me == null || !me.isStaff() || admitted.isEmpty()) {
			return false;
		}
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		AccessRefusedException refusal = read ? pageRoleRefusal(me, admitted) : roleRefusal(me, admitted.stream()
			.map(Role::name).toList());
		// the Chinese to an API client (its problem's one language), the page in its reader's (the roles by their English)
		String said = Refusals.apiClient(request) ? refusal.getMessage()
				: RefusalWords.in(refusal.wording(), refusal.getMessage(), new LanguageResolver().resolveLocale(request));
		Refusals.refuse(request, response, ErrorCode.ACCESS_DENIED.status(), ErrorCode.ACCESS_DENIED.title(), said,
				List.of(new FieldError("request", "forbidden", said)));
		return true;
	}

	private static String labels(List<Role> roles) {
		return String.join("、", roles.stream().map(Role::label).toList());
	}

	/** The refusal of a step for the caller's role: naming the roles the caller holds. */
	static AccessRefusedException roleRefusal(CurrentUser me) {
		String roles = String.join("、", me.roles().stream().sorted().map(Role::label).toList());
		return new AccessRefusedException("request", Wording.of("refusal.stepRole", roles),
				"您的角色（" + roles + "）不能办理此步骤：此步骤须由承担相应职责的人员办理，请联系有权限的同事或管理员");
	}

	@Override
	public boolean apiClient(HttpServletRequest request) {
		return Refusals.apiClient(request);
	}

	@Override
	public boolean parametersUnreadable(HttpServletRequest request) {
		return Refusals.parametersUnreadable(request);
	}

	@Override
	public void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail, List<FieldError> errors) throws IOException {
		Refusals.refuse(request, response, status, title, detail, errors);
	}

	@Override
	public void problem(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail, List<FieldError> errors) throws IOException {
		ProblemResponses.write(request, response, status, title, detail, errors);
	}

	@Override
	public boolean answerPending(HttpServletRequest request, HttpServletResponse response) throws IOException {
		return Refusals.answerPending(request, response);
	}
}
