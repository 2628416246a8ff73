package org.youguan.kernel;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding (a refusal that loses the user's place): a step refused by its handler for a broken rule went back to the page
 * the controller named whether or not the caller may open it — a page closed to the caller answers its own 403 and the
 * flashed reason is never shown. {@link PageSteps#run} now asks the page access the web shell puts on the request
 * ({@link PageAccess#ATTRIBUTE}), as the error handling asks it for a refused record step: a closed page makes the
 * refusal a 403 carrying its reason, an open one is gone back to as before.
 */
class PageStepsClosedPageTest {

	@AfterEach
	void forgetRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	/** Binds a posted request whose caller may open the pages {@code opens} says, recording each page asked. */
	private static List<String> posted(boolean opens) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/things/7/step");
		List<String> asked = new ArrayList<>();
		request.setAttribute(PageAccess.ATTRIBUTE, (PageAccess) (r, page) -> {
			asked.add(page);
			return opens;
		});
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		return asked;
	}

	@Test
	void aBrokenRuleGoingBackToAPageClosedToTheCallerIsA403WithTheReason() {
		List<String> asked = posted(false);
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		assertThatThrownBy(() -> PageSteps.run(redirect, "/admin/things/7?tab=steps", "已办理", () -> {
			throw new InvalidValueException("reason", "required", "请填写理由");
		}))
			.isInstanceOfSatisfying(AccessRefusedException.class, ex -> {
				assertThat(ex.getMessage()).contains("请填写理由");
				assertThat(ex.field()).isEqualTo("reason");
			});
		assertThat(asked).as("the page itself, its query aside").containsExactly("/admin/things/7");
		assertThat(redirect.getFlashAttributes()).as("nothing flashed for a page never shown").isEmpty();
	}

	@Test
	void aBrokenRuleGoingBackToAPageTheCallerOpensIsFlashedThere() {
		List<String> asked = posted(true);
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		String view = PageSteps.run(redirect, "/things/7", "已办理", () -> {
			throw new InvalidValueException("reason", "required", "请填写理由");
		});
		assertThat(view).isEqualTo("redirect:/things/7");
		assertThat(asked).containsExactly("/things/7");
		assertThat(redirect.getFlashAttributes().get("refused")).isEqualTo(true);
		assertThat(redirect.getFlashAttributes().get(PageSteps.REFUSED_STATUS)).isEqualTo(400);
	}

	@Test
	void aStepThatSucceedsAsksNothing() {
		List<String> asked = posted(false);
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		assertThat(PageSteps.run(redirect, "/things/7", "已办理", () -> { })).isEqualTo("redirect:/things/7");
		assertThat(asked).isEmpty();
	}
}
