package org.youguan.web;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import static org.assertj.core.api.Assertions.assertThat;

/** The layout's model goes to a page about to be rendered, never to a redirect (its values would become parameters). */
class ShellModelTest {

	@Test
	void aTemplateGetsTheLayoutsModelARedirectOrForwardDoesNot() {
		assertThat(ShellModel.rendersPage(new ModelAndView("complaints/queue"))).isTrue();
		assertThat(ShellModel.rendersPage(new ModelAndView("complaints/queue :: rows"))).isTrue();
		assertThat(ShellModel.rendersPage(new ModelAndView("redirect:/complaints/42"))).isFalse();
		assertThat(ShellModel.rendersPage(new ModelAndView("forward:/complaints"))).isFalse();
		assertThat(ShellModel.rendersPage(new ModelAndView(new RedirectView("/complaints")))).isFalse();
		assertThat(ShellModel.rendersPage(new ModelAndView())).as("no view: nothing to render").isFalse();
	}
}
