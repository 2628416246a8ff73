package org.youguan.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;

/**
 * The one place failures become answers: RFC 9457 problem details with a Chinese {@code detail} (and the failed
 * fields and rules) for {@code /api/**}, a friendly error page for everything else.
 */
@ControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	@ExceptionHandler(DomainException.class)
	Object domain(DomainException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, HttpStatus.valueOf(ex.code().status()), ex.code().title(), ex.getMessage(),
				ex.fieldErrors());
	}

	@ExceptionHandler(AccessRefusedException.class)
	Object refused(AccessRefusedException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.FORBIDDEN, ErrorCode.ACCESS_DENIED.title(), ex.getMessage(),
				ex.field() == null ? List.of() : List.of(new FieldError(ex.field(), "forbidden", ex.getMessage())));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missing(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "参数缺失", "缺少参数“" + ex.getParameterName() + "”",
				List.of(new FieldError(ex.getParameterName(), "required", "缺少参数“" + ex.getParameterName() + "”")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		String expected = ex.getRequiredType() == null ? "" : switch (ex.getRequiredType().getSimpleName()) {
			case "LocalDate" -> "（应为日期 YYYY-MM-DD）";
			case "int", "Integer", "long", "Long" -> "（应为整数）";
			default -> "";
		};
		String message = "参数“" + ex.getName() + "”的值“" + ex.getValue() + "”格式不正确" + expected;
		return answer(request, HttpStatus.BAD_REQUEST, "参数格式错误", message,
				List.of(new FieldError(ex.getName(), "format", message)));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "请求格式错误", "请求内容无法解析，请检查JSON格式和字段类型", List.of());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", "上传的文件超过大小限制", List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "方法不允许", "不支持请求方法" + ex.getMethod(), List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "内容类型不支持",
				"不支持的内容类型：" + ex.getContentType(), List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_FOUND, "未找到", "请求的页面或资源不存在", List.of());
	}

	/** Method security denials: rethrown so Spring Security answers (401 for anonymous, 403 otherwise). */
	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	void denied(RuntimeException ex) {
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "系统错误", "系统内部错误，请稍后重试或联系管理员", List.of());
	}

	private static Object answer(HttpServletRequest request, HttpStatus status, String title, String detail,
			List<FieldError> errors) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(title);
			problem.setInstance(URI.create(request.getRequestURI()));
			if (!errors.isEmpty()) {
				problem.setProperty("errors", errors);
			}
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("title", title);
		mav.addObject("detail", detail);
		mav.addObject("fieldErrors", errors);
		return mav;
	}
}
