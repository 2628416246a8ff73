package org.youguan.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.RequestRefusals;

/**
 * The shell's answers to refusals made outside the controllers by modules below it ({@link RequestRefusals}):
 * {@link Refusals} and {@link ProblemResponses}, the same ones the shell's own filters use.
 */
@Component
class ShellRequestRefusals implements RequestRefusals {

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
