package org.youguan.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.youguan.kernel.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding stat50-2: an error page answering a GET names the query parameter of each error — the page has no field for
 * the error to stand beside, so "格式应为2025-01" alone said nothing of which parameter of the address was wrong. Named by
 * its label ({@link FieldLabels}), as sent where none is known; a message naming it already is kept, and so are errors
 * on no parameter and a form's POST.
 */
class ErrorPageParametersNamedTest {

	static MockHttpServletRequest get(String... parameters) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/users");
		for (String p : parameters) {
			request.addParameter(p, "x");
		}
		return request;
	}

	@Test
	void anErrorOnAQueryParameterNamesIt() {
		assertThat(ErrorHandling.parametersNamed(get("sort", "zzq"), List.of(new FieldError("sort", "format", "格式应为字段名"),
				new FieldError("zzq", "unknown", "无法识别"), new FieldError("request", "rule", "不能办理"))))
			.extracting(FieldError::message)
			.containsExactly("排序字段：格式应为字段名", "参数“zzq”：无法识别", "不能办理");
	}

	@Test
	void aMessageNamingItsParameterOrAFormsPostIsKept() {
		List<FieldError> named = List.of(new FieldError("sort", "control-character", "排序字段含有不允许的字符"));
		assertThat(ErrorHandling.parametersNamed(get("sort"), named)).isEqualTo(named);
		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/admin/users");
		post.addParameter("sort", "x");
		List<FieldError> posted = List.of(new FieldError("sort", "format", "格式应为字段名"));
		assertThat(ErrorHandling.parametersNamed(post, posted)).isEqualTo(posted);
	}
}
