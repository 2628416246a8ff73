package org.youguan.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.lang.reflect.Field;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.WebUtils;
import org.youguan.platform.ChinaTime;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.Choice;
import org.youguan.kernel.ConcurrentSubmits;
import org.youguan.kernel.JsonSyntax;
import org.youguan.kernel.BodyTooLargeException;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.LimitReachedException;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.MonthText;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place failures become answers: RFC 9457 problem details with a Chinese {@code detail} (and the failed
 * fields and rules) for an API client ({@link Refusals#apiClient}: a path under {@code /api/}, or a client that takes
 * no HTML and sends a token or asks for JSON), a friendly error page for everyone else.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final String uploadLimits;

	private final UnboundForms forms;

	private final Clock clock;

	/** The MVC conversion service: how the other parameters of a form are tried ({@link UnboundParameters}). */
	private final ObjectProvider<ConversionService> conversions;

	/** Who may take a record's step, asked before a 415 ({@link #mediaType}). */
	private final StepAccessFirst stepAccess;

	/** The application's JSON mapper: how each field of a body that could not be bound is tried ({@link JsonFields}). */
	private final ObjectProvider<JsonMapper> mappers;

	ErrorHandling(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFile,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequest, UnboundForms forms,
			Clock clock, StepAccessFirst stepAccess,
			@Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversions,
			ObjectProvider<JsonMapper> mappers) {
		this.conversions = conversions;
		this.mappers = mappers;
		this.stepAccess = stepAccess;
		this.uploadLimits = uploadLimits(maxFile, maxRequest);
		this.forms = forms;
		this.clock = clock;
	}

	/** The current year, China time: what a {@link org.youguan.kernel.YearIn} range is counted from. */
	private int thisYear() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
	}

	/** How the multipart limits are told in a 413. */
	static String uploadLimits(DataSize maxFile, DataSize maxRequest) {
		return "单个文件不超过" + maxFile.toMegabytes() + "MB，整个请求不超过" + maxRequest.toMegabytes() + "MB";
	}

	/**
	 * A failure the user can act on, in its code's status. A conflict (409) names its field and rule like every other
	 * refusal: one that names none gets the resource's state ({@code status}, rule {@code state}) for a step its state
	 * does not allow, or {@code request}, rule {@code duplicate}, for a record that already exists. A refusal (403)
	 * that names none is about the request, rule {@code forbidden}, as {@link #refused} and the security filters say.
	 * Any other that names none is about the request too: {@code request}, rule {@code rule} for a rule of the domain
	 * (422), {@code not-found} for a record the caller cannot see (404) — {@link DomainException#formErrors} — so only a 500 answers
	 * with no error named.
	 */
	@ExceptionHandler(DomainException.class)
	Object domain(DomainException ex, HttpServletRequest request, HttpServletResponse response) {
		// a limit reached (429) says when to try again, API and page alike
		LimitReachedException.retryAfter(ex, response);
		if (request.getAttribute(StepAccessFirst.RECORD_PAGE) instanceof String page && PageSteps.stateConflict(ex)
				&& StepAccessFirst.pageStep(request) && stepAccess.opens(request, page)) {
			// a page's step refused by its guard for the record's state (a stale form): the record's page again, the
			// refusal in its one box with the form as typed — as a step its handler refuses (PageSteps)
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			PageSteps.flashRefusal(flash::put, request, ex);
			return new ModelAndView(new RedirectView(page, true));
		}
		// the page forms show the same errors (DomainException#formErrors): one naming of a refusal for both
		List<FieldError> errors = ex.formErrors();
		if (ex instanceof InvalidValueException && ex.code().status() == HttpStatus.BAD_REQUEST.value()
				&& !Refusals.apiClient(request)) {
			// a list page refused one of its filters (year=1900, page=-1): the list again, the message beside the filter
			Object list = relisted(request, response, RefusalWords.in(errors, ex, LocaleContextHolder.getLocale()));
			if (list != null) {
				return list;
			}
		}
		if ((ex.wording() != null || !ex.wordings().isEmpty()) && !Refusals.apiClient(request)) {
			// the page words a keyed refusal in the reader's language, each of its failures by its own key (the API's
			// problem keeps the Chinese)
			Locale locale = LocaleContextHolder.getLocale();
			return answer(request, false, HttpStatus.valueOf(ex.code().status()), ex.code().title(),
					RefusalWords.in(ex.wording(), ex.getMessage(), locale), RefusalWords.in(errors, ex, locale));
		}
		return answer(request, HttpStatus.valueOf(ex.code().status()), ex.code().title(), ex.getMessage(), errors);
	}

	/**
	 * A step's region parameter that is no region code ({@link StepAccessFirst.MalformedRegion}, decided before the
	 * form is bound): 400 naming it, as a value that could not be bound — a page form's POST gets its form again with
	 * the error beside the field ({@link #unbound}), an API call the problem.
	 */
	@ExceptionHandler(StepAccessFirst.MalformedRegion.class)
	Object malformedRegion(StepAccessFirst.MalformedRegion ex, HttpServletRequest request, HttpServletResponse response) {
		return unbound(request, response, "参数格式错误", ex.fieldErrors());
	}

	/**
	 * A page's GET refused for its filters (a year or page out of range, a value of the wrong shape), shown again
	 * without them — the list with each message beside its filter ({@link UnboundForms#reshow}) — or null when it
	 * cannot be (no page's GET, an error on no parameter sent, a page that cannot be rendered without them: the error
	 * page then). The page's refusal of access (403) is answered instead; its refusal of a record it names (404, a
	 * batch that is not there) is not: the refused parameter's 400 naming it is, as a read is refused for its values
	 * before any record is looked up.
	 */
	private Object relisted(HttpServletRequest request, HttpServletResponse response, List<FieldError> errors) {
		if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
			return null;
		}
		try {
			return forms.reshow(request, response, parametersNamed(request, errors));
		}
		catch (AccessRefusedException ex) {
			return refused(ex, request);
		}
		catch (DomainException ex) {
			// the page cannot be shown without the refused filter (a batch or record the address names is not there):
			// the filter's own 400 naming it, as before the list was re-shown — a value of the wrong shape is told
			// before any record is looked up for it
			return null;
		}
	}

	/**
	 * A refusal (403) names its field and rule like every other: the field the service named, or {@code request} for
	 * the request as a whole (a role or right the caller lacks), rule {@code forbidden} — the shape the security
	 * filters' 401/403 answers have too ({@link ProblemResponses}), whichever module refused. A page's step on a record
	 * ({@link StepAccessFirst#RECORD_PAGE}, posted from the record's page by a browser) goes back to that page with the
	 * refusal in its error box ({@link PageSteps#flashRefusal(java.util.function.BiConsumer, HttpServletRequest,
	 * AccessRefusedException)}, shown in 403) — whoever refused it, the step's guard or its handler; an API client, a
	 * token caller and every read keep the 403 answer, and so does a step whose record's page the caller may not open
	 * either ({@link StepAccessFirst#opens}): that page's own 403 would lose the reason.
	 */
	@ExceptionHandler(AccessRefusedException.class)
	Object refused(AccessRefusedException ex, HttpServletRequest request) {
		if (request.getAttribute(StepAccessFirst.RECORD_PAGE) instanceof String page && StepAccessFirst.pageStep(request)
				&& stepAccess.showsPage(page) && stepAccess.opens(request, page)) {
			// a page's step on a record refused to the caller (its role, the case's team, the handling bureau): the
			// record's page again, the reason in its error box and the form as typed, in 403 — not the bare error page
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			PageSteps.flashRefusal(flash::put, request, ex);
			return new ModelAndView(new RedirectView(page, true));
		}
		boolean api = Refusals.apiClient(request);
		// the page words a keyed refusal in the reader's language (the API's problem keeps the Chinese)
		String message = api ? ex.getMessage() : RefusalWords.in(ex.wording(), ex.getMessage(), LocaleContextHolder.getLocale());
		return answer(request, api, HttpStatus.FORBIDDEN, ErrorCode.ACCESS_DENIED.title(), message,
				List.of(forbidden(ex.field() == null ? "request" : ex.field(), message)));
	}

	private static FieldError forbidden(String field, String message) {
		return new FieldError(field, "forbidden", message);
	}

	/**
	 * A required parameter left out: 400 naming it (rule {@code required}) — by its label ({@link FieldLabels}), with
	 * what it expects: "缺少截止月份，应为年月，格式YYYY-MM（如2025-01）" for a month ({@link MonthText}), "缺少截止日期（应为
	 * 实际存在的日期…）" for a typed one ({@link #expected}); a page form's POST gets its form again ({@link #unbound}).
	 */
	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missing(MissingServletRequestParameterException ex, HttpServletRequest request, HttpServletResponse response) {
		String name = ex.getParameterName();
		return unbound(request, response, "参数缺失", List.of(new FieldError(name, "required", "缺少" + missingNamed(name,
				ex.getMethodParameter(), FieldLabels.path(request)))));
	}

	/** A left-out parameter as {@link #missing} names it: its label and what it expects. */
	private static String missingNamed(String name, MethodParameter parameter, String path) {
		if (parameter != null && parameter.hasParameterAnnotation(MonthText.class)) {
			return FiguresPeriod.monthNamed(name) + "，" + FiguresPeriod.MONTH_SHAPE;
		}
		Class<?> type = parameter == null ? null : parameter.getNestedParameterType();
		// text is told no shape (the brackets of "应为文字…" are a JSON body's); a typed one its type's
		return FieldLabels.named(name, path) + (type == null || type == String.class ? "" : expected(type));
	}

	/**
	 * A path segment that is not of its type ({@code /filing/figures} where a filing's number goes): the address names
	 * nothing, 404 as {@link #noResource}. A parameter that is not of its type (text in a number or date field, a choice
	 * none of the offered): 400 naming it
	 * (rule {@code format}) and what it should be — in the message by its label ({@link FieldLabels}: 页码, 起始日期),
	 * in {@code field} by its name; a page form's POST gets its form again ({@link #unbound}).
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request, HttpServletResponse response) {
		if (ex.getParameter() != null && ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			// /filing/figures is no filing (attack 48: a 400 quoting the range of a long): an address naming nothing
			return noResource(ex, request);
		}
		// every parameter of the form that cannot be bound, not the first alone (UnboundParameters), in the form's order
		List<FieldError> errors = UnboundParameters.of(request, ex.getParameter(), ex.getName(), ex.getValue(),
				conversions == null ? null : conversions.getIfAvailable()).stream()
			.map(f -> new FieldError(f.name(), "format", mismatched(f.name(),
					f.parameter() == null || f.parameter() == ex.getParameter() ? ex.getRequiredType()
							: f.parameter().nestedIfOptional().getNestedParameterType(), f.parameter(),
					f.value(), request)))
			.toList();
		return unbound(request, response, "参数格式错误", errors);
	}

	/**
	 * How a parameter that could not be bound is told: by its label, the value as typed and what it takes — its own
	 * declared range (WholeIn) before its type's; a list of choices (roles=FOO) names the choices of its elements, as a
	 * single choice does (attack f8 item 11).
	 */
	private String mismatched(String name, Class<?> type, MethodParameter parameter, Object value,
			HttpServletRequest request) {
		String named = FieldLabels.named(name, type, FieldLabels.path(request));
		String declared = parameter == null ? null : Decimals.declaredWhole(parameter.getParameter(), thisYear());
		return file(value) ? named + FILE_IN_A_FIELD
				: named + "的值“" + shorten(value) + "”" + (declared != null ? "格式不正确" + declared
						: wrong(listed(type) && parameter != null
								? valueType(ResolvableType.forMethodParameter(parameter)) : type, value, name));
	}

	/** What a file part sent where a form field is expected is told (never the part's Java class). */
	private static final String FILE_IN_A_FIELD = "应填写内容，不能上传文件";

	/** Whether a bound value is an uploaded file (or several): a file part sent where a form field is expected. */
	private static boolean file(Object value) {
		if (value instanceof Object[] values) {
			return values.length > 0 && Arrays.stream(values).allMatch(ErrorHandling::file);
		}
		if (value instanceof Collection<?> values) {
			return !values.isEmpty() && values.stream().allMatch(ErrorHandling::file);
		}
		return value instanceof MultipartFile || value instanceof Part;
	}

	/**
	 * A parameter sent in a form the framework cannot turn into its type at all — a file part where text is expected
	 * (multipart {@code closureNote=@a.txt}): 400 naming it (rule {@code format}), never a 500.
	 */
	@ExceptionHandler(MethodArgumentConversionNotSupportedException.class)
	Object unconvertible(MethodArgumentConversionNotSupportedException ex, HttpServletRequest request,
			HttpServletResponse response) {
		String message = FieldLabels.named(ex.getName(), ex.getRequiredType(), FieldLabels.path(request))
				+ (file(ex.getValue()) ? FILE_IN_A_FIELD : "的格式不正确");
		return unbound(request, response, "参数格式错误", List.of(new FieldError(ex.getName(), "format", message)));
	}

	/**
	 * Values that could not be bound, answered: on a page form's POST its form again in 400 with every error beside its
	 * field, as {@link org.youguan.kernel.FormSteps} answers a refusal ({@link UnboundForms}) — unless the form's page
	 * refuses first (a record that is not there: 404); elsewhere (an API call, a form without a page) 400 naming the
	 * fields.
	 */
	private Object unbound(HttpServletRequest request, HttpServletResponse response, String title, List<FieldError> errors) {
		try {
			ModelAndView form = forms.reshow(request, response, errors);
			if (form != null) {
				return form;
			}
		}
		catch (AccessRefusedException ex) {
			return refused(ex, request);
		}
		catch (DomainException ex) {
			return domain(ex, request, response);
		}
		return answer(request, HttpStatus.BAD_REQUEST, title, errors.isEmpty() ? "表单内容格式不正确" : errors.get(0).message(),
				errors);
	}

	/**
	 * What is wrong with a value that could not be bound to {@code type}: "格式不正确" and what it should look like — or,
	 * for a real date refused only for lying beyond the one bound of a date ({@link Validation#plausible}: 3000-01-01),
	 * an implausible year and that bound ({@link Validation#DATE_BOUND}); a field's narrower rule is its service's.
	 */
	static String wrong(Class<?> type, Object value) {
		return wrong(type, value, null);
	}

	/**
	 * As {@link #wrong(Class, Object)}, for the parameter or field {@code name}: a record's number ({@link #recordNumber}:
	 * {@code id}, {@code planId}) beyond its type is told it is one ({@link Decimals#RECORD_NUMBER}), not a long's range.
	 */
	static String wrong(Class<?> type, Object value, String name) {
		if (type == LocalDate.class && value instanceof String text) {
			try {
				Validation.parseDate(text);
				return Validation.DATE_BOUND;
			}
			catch (DateTimeParseException notADate) {
				// a malformed date: its format is what is wrong
			}
		}
		return "格式不正确" + (beyondItsType(type, value) ? typeRange(type, name) : expected(type));
	}

	/**
	 * Whether a parameter or JSON field of this name holds a record's number (编号): {@code id}, or a name ending in
	 * {@code Id}/{@code Ids} ({@code planId}, {@code brandIds[0]}, {@code items[1].outletId}).
	 */
	static boolean recordNumber(String name) {
		if (name == null) {
			return false;
		}
		String last = name.substring(name.lastIndexOf('.') + 1).replaceAll("\\[\\d*]$", "");
		return last.equals("id") || last.endsWith("Id") || last.endsWith("Ids");
	}

	/**
	 * {@link #typeRange(Class)}, but for a record's number of a {@code Long} ({@link #recordNumber}: a 20-digit
	 * {@code planId}) the one wording of ids, {@link Decimals#RECORD_NUMBER} — not −9223372036854775808 to
	 * 9223372036854775807, which no clerk reads.
	 */
	static String typeRange(Class<?> type, String name) {
		return (type == Long.class || type == long.class) && recordNumber(name) ? "（" + Decimals.RECORD_NUMBER + "）"
				: typeRange(type);
	}

	/**
	 * Whether {@code value} is a whole number ({@code 99999999999999999999}, full-width digits too) refused only for
	 * lying beyond its whole-number {@code type}: told the type's range ({@link #typeRange}), as a value that is no
	 * number is told only that it should be a whole number ({@link #expected}).
	 */
	private static boolean beyondItsType(Class<?> type, Object value) {
		if (typeRange(type) == null || !(value instanceof String text)) {
			return false;
		}
		String digits = Text.halfWidthDigits(Text.strip(text));
		// a decimal: any number it could not take (too many digits); a whole type: a whole number it could not take
		return type == java.math.BigDecimal.class ? digits.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")
				: digits.matches("[+-]?\\d+");
	}

	/**
	 * The real range of a number type in brackets for a message ({@link Decimals#typeRange}: a short's, an int's, a
	 * long's, a decimal's digits) — told only of a number beyond it that its field declares no range for (attack 27: a
	 * 20-digit 计划编号 is told it is a record's number instead, {@link #typeRange(Class, String)}); null for any other type.
	 */
	static String typeRange(Class<?> type) {
		String range = Decimals.typeRange(type);
		return range == null ? null : "（" + range + "）";
	}

	/** What a value of {@code type} must look like, in brackets, for a message; empty when there is nothing to say. */
	static String expected(Class<?> type) {
		if (type == null) {
			return "";
		}
		return switch (type.getSimpleName()) {
			// no range here: a malformed date is told its format; the bound (Validation.plausible) is told only of a
			// real date beyond it (wrong), a field's narrower rule (an act's from 2000) by its service
			case "LocalDate" -> "（应为实际存在的日期，格式 YYYY-MM-DD，如2026-03-05）";
			case "YearMonth" -> "（应为年月 YYYY-MM）";
			case "Year" -> "（应为年份 YYYY，写在英文双引号中，如\"2026\"）";
			// ISO 8601's extended format throughout: an offset +0800 (basic) after 08:30:00 (extended) is refused (JsonDates)
			case "Instant", "OffsetDateTime", "ZonedDateTime" -> "（应为" + Validation.ZONED_TIME + "）";
			case "LocalDateTime" -> "（应为时间 YYYY-MM-DDTHH:MM:SS）";
			// a value that is no whole number (form=abc) is told what it should be, not the type's range of
			// -9223372036854775808 to 9223372036854775807 no field takes (attack 52); a whole number beyond the type
			// is told that range (typeRange)
			case "byte", "Byte", "short", "Short", "int", "Integer", "long", "Long" -> "（应为整数）";
			// a decimal's digits are its field's to state (JsonText reads it within a loose bound)
			case "BigDecimal" -> "（应为数字）";
			case "double", "Double", "float", "Float" -> "（应为数字，最多"
					+ Validation.MAX_INTEGER_DIGITS + "位整数）";
			case "boolean", "Boolean" -> "（应为 true 或 false）";
			// a number or true where text is expected (JsonText refuses it rather than store "123")
			case "String" -> "（应为文字，写在英文双引号中）";
			default -> type.isEnum() ? "（可选值：" + Choice.listed(type) + "）" : "";
		};
	}

	/**
	 * A body that cannot be read: empty, not UTF-8 (rule {@code encoding}: a GBK body sent without its charset, which
	 * JSON does not allow, RFC 8259 §8.1), not the declared format, or a field of the wrong type or with a forbidden
	 * character — the field named from the JSON path where there is one.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request, HttpServletResponse response) {
		BodyTooLargeException tooLarge = BodyTooLargeException.of(ex);
		if (tooLarge != null) {
			// a body without a length read past youguan.web.max-json-body (BodySizeFilter): its size, not its format
			return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "内容过大", tooLarge.getMessage(),
					List.of(new FieldError("body", "size", tooLarge.getMessage())));
		}
		if (JsonSyntax.notUtf8(ex)) {
			// a GBK body without a declared charset: its encoding, not its JSON or a field's type, is what to change
			return unbound(request, response, "请求格式错误", List.of(new FieldError("body", "encoding",
					"请求体不是UTF-8编码的文本：可能是GBK编码，请以UTF-8发送")));
		}
		String field = jsonPath(ex);
		// an item of a body that is a list is named 第N条·field, as those endpoints name every failure of an item
		ListItem item = ListItem.of(field);
		field = item == null ? field : item.field();
		String twice = duplicateKey(ex);
		if (twice != null && item == null) {
			return unbound(request, response, "请求格式错误", List.of(duplicated(field, null, twice)));
		}
		UnrecognizedPropertyException unknown = unknownField(ex);
		if (unknown != null && field != null && item == null) {
			return unbound(request, response, "请求格式错误", List.of(FieldError.unknown(field,
					Text.printable(unknown.getPropertyName()), unknown.getKnownPropertyIds(), "")));
		}
		if (field == null) {
			String detail = request.getContentLengthLong() == 0 || String.valueOf(ex.getMessage()).startsWith("Required request body is missing")
					? "请求内容为空" : JsonFields.listExpected(request) ? "请求内容应为JSON数组（[{…}, {…}]），每条记录为一个对象"
					: json(request) ? "请求内容无法解析，请检查JSON格式和字段类型" : "请求内容无法读取";
			return unbound(request, response, "请求格式错误", List.of(new FieldError("body", "format", detail)));
		}
		if (item == null && !field.startsWith("[")) {
			// every field of the body that cannot be bound, not the first alone, in the body's order (as forms do)
			List<FieldError> all = new ArrayList<>();
			for (Map.Entry<String, Throwable> bad : JsonFields.unbound(request, field, ex, mappers).entrySet()) {
				all.add(unreadableField(bad.getValue(), bad.getKey(), null, request));
			}
			return unbound(request, response, "请求格式错误", all);
		}
		if (item != null) {
			// every item of a list body that cannot be bound, each with every field of it, not the first alone: an
			// import is told all its bad records at once
			List<FieldError> all = new ArrayList<>();
			for (Map.Entry<String, Throwable> bad : JsonFields.unboundItems(request, jsonPath(ex), ex, mappers).entrySet()) {
				ListItem each = ListItem.of(bad.getKey());
				UnrecognizedPropertyException unknownHere = unknownField(bad.getValue());
				// a key given twice in an item is told with, not instead of, every other failure of the items
				String twiceHere = duplicateKey(bad.getValue());
				all.add(twiceHere != null && each != null ? duplicated(each.field(), each, twiceHere)
						: each == null ? unreadableField(bad.getValue(), bad.getKey(), null, request)
						: unknownHere != null && !each.rest().isEmpty()
								? FieldError.unknown(each.field(), Text.printable(unknownHere.getPropertyName()),
										unknownHere.getKnownPropertyIds(), "第" + each.number() + "条：")
								: unreadableField(bad.getValue(), each.field(), each, request));
			}
			return unbound(request, response, "请求格式错误", all);
		}
		return unbound(request, response, "请求格式错误", List.of(unreadableField(ex, field, item, request)));
	}

	/**
	 * How a field of a JSON body that could not be read is told: its label and what it should be (its declared range,
	 * its type's), or the words of the reader that refused it (a forbidden character, NumberText's digits).
	 * @param ex the reading's failure (its causes name the field's type and the refused value)
	 * @param field the field's JSON path as named ("priorComplaint.date", "第1条·weeklyFrequency")
	 * @param item the list item it is of, or null
	 */
	private FieldError unreadableField(Throwable ex, String field, ListItem item, HttpServletRequest request) {
		DomainException domain = NestedExceptionUtils.getMostSpecificCause(ex) instanceof DomainException d ? d : null;
		String declared = declaredBound(ex, thisYear());
		Class<?> type = fieldType(ex);
		String reason = domain != null ? domain.getMessage()
				: "类型或格式不正确" + (declared != null ? declared
						: (overflow(ex) || beyondItsType(type, refusedText(ex))) && typeRange(type) != null
								? typeRange(type, field) : listField(ex) ? expectedList(type) : expected(type));
		// the rule the reading failed (digits, control-character …), or format for a value of the wrong type
		String rule = domain != null && !domain.fieldErrors().isEmpty() ? domain.fieldErrors().get(0).rule() : "format";
		String label = item == null ? FieldLabels.of(field, FieldLabels.path(request)) : item.label(FieldLabels.path(request));
		// a reader that named the field itself (its service's label: NumberText.Digits) is told in its own words
		boolean named = domain != null && !domain.fieldErrors().isEmpty() && !"body".equals(domain.fieldErrors().get(0).field());
		String detail = named ? reason : (label != null ? label : "字段“" + field + "”") + reason;
		return new FieldError(field, rule, detail);
	}

	/**
	 * A field of one item of a body that is a list (the JSON imports of past records): named as those endpoints name
	 * every failure of an item, {@code 第N条·field} (N counted from 1), so one endpoint has one naming of an item's
	 * field — a type error ({@code [0].weeklyFrequency} as Jackson's path has it) and a rule failure alike.
	 * @param field the item's field as named ("第1条·weeklyFrequency")
	 * @param number the item's number, from 1
	 * @param rest the field's path inside the item ("weeklyFrequency"), empty for the item itself
	 */
	record ListItem(String field, int number, String rest) {

		private static final Pattern TOP = Pattern.compile("\\[(\\d{1,9})\\]\\.?(.*)");

		/** The item a JSON path names when the body itself is the list ("[3].checkedOn"), else null. */
		static ListItem of(String jsonPath) {
			Matcher m = jsonPath == null ? null : TOP.matcher(jsonPath);
			if (m == null || !m.matches()) {
				return null;
			}
			int number = Integer.parseInt(m.group(1)) + 1;
			return new ListItem("第" + number + "条" + (m.group(2).isEmpty() ? "" : "·" + m.group(2)), number, m.group(2));
		}

		/** "第1条实际每周投递频次" (or "第1条字段“x”" when the field has no label), for the refusal's message. */
		String label(String path) {
			String named = rest.isEmpty() ? null : FieldLabels.of(rest, path);
			return "第" + number + "条" + (rest.isEmpty() ? "" : named != null ? named : "字段“" + rest + "”");
		}
	}

	/**
	 * A key an object of the body gave twice (rule {@code duplicate-key}), named by where it is: "第1条·villageCode" in
	 * an item of a list body, "priorComplaint.date" inside an object.
	 * @param field where the object holding it is ("第1条", "priorComplaint"), or null for the body itself
	 * @param item the list item it is in, or null
	 */
	private static FieldError duplicated(String field, ListItem item, String twice) {
		String key = (field == null ? "" : field + (item != null && item.rest().isEmpty() ? "·" : ".")) + twice;
		return new FieldError(key, "duplicate-key", "JSON中字段“" + key + "”出现了不止一次，请只保留一个");
	}

	/** A JSON field the body's type does not declare, when that failed the reading ({@link JsonText#strictBodies}). */
	private static UnrecognizedPropertyException unknownField(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof UnrecognizedPropertyException unknown) {
				return unknown;
			}
		}
		return null;
	}

	/**
	 * The key a JSON object gave twice, when that failed the reading (Jackson's strict duplicate detection, which names
	 * the key only in its message: "Duplicate Object property \"source\""), else null.
	 */
	private static String duplicateKey(Throwable ex) {
		return JsonSyntax.duplicateKey(ex);
	}

	/** The field a JSON reading failure is about ("priorComplaint.date", "values.express.volume"), or null. */
	static String jsonPath(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				for (JacksonException.Reference r : jackson.getPath()) {
					if (r.getPropertyName() != null) {
						path.append(path.isEmpty() ? "" : ".").append(Text.printable(r.getPropertyName()));
					}
					else if (r.getIndex() >= 0) {
						path.append('[').append(r.getIndex()).append(']');
					}
				}
				return path.isEmpty() ? null : path.toString();
			}
		}
		return null;
	}

	/**
	 * The bound a whole-number field of a JSON body declares on itself ({@link Decimals#declaredWhole}, the one reader
	 * of form and query parameters too: {@code WholeIn}, or {@code @Min}/{@code @Max} of Jakarta Validation on the
	 * record component or field, e.g. a daily report's parcels, 0 to 10亿), in brackets for the message —
	 * "（应为整数（0至1000000000））" — or null when the field declares none (the message then states its type's range): a
	 * value that is no whole number is told the field's own range, not a long's.
	 */
	static String declaredBound(Throwable ex, int thisYear) {
		Field field = jsonField(ex);
		return field == null ? null : Decimals.declaredWhole(field, thisYear);
	}

	/**
	 * The Java field a JSON reading failure is about (the last property of its path, on the class that declares it),
	 * or null when it names none (an item of a list, a map's key).
	 */
	private static Field jsonField(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				JacksonException.Reference last = jackson.getPath().get(jackson.getPath().size() - 1);
				Object from = last.from();
				Class<?> owner = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
				if (owner == null || last.getPropertyName() == null) {
					return null;
				}
				for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
					try {
						return c.getDeclaredField(last.getPropertyName());
					}
					catch (NoSuchFieldException none) {
						// not declared here: its superclass may
					}
				}
				return null;
			}
		}
		return null;
	}

	/**
	 * Whether the value that failed is a list field's own (a number or text where a list is declared), not one of its
	 * elements: the path ends at the field, where an element's failure ends at its index ({@code inspectors[0]}).
	 */
	private static boolean listField(Throwable ex) {
		Field field = jsonField(ex);
		return field != null && listed(field.getType());
	}

	/**
	 * What a list field should be, for a value that is no list (attack 5 E: a number for the inspectors was told
	 * "应为文字"): "（应为数组（列表），写在方括号中[…]）", with what each element should be where its type tells it
	 * ({@link #expected}: "每项应为文字，写在英文双引号中").
	 * @param element the type the reader failed to make of the value (the element's, or the list's own)
	 */
	static String expectedList(Class<?> element) {
		String each = listed(element) ? "" : expected(element);
		return "（应为数组（列表），写在方括号中[…]" + (each.isEmpty() ? "" : "，每项" + each.substring(1, each.length() - 1)) + "）";
	}

	/**
	 * The type a JSON value was to become: the field's own declared type where the path names one — Jackson reports a
	 * {@code short} beyond its range as beyond an {@code int}'s, which would tell a Short field an int's range — else
	 * the type the reader reports ({@link #targetType}).
	 */
	private static Class<?> fieldType(Throwable ex) {
		Field field = jsonField(ex);
		// a list's or a map's field: the type its element or key failed to become (a map's date key: LocalDate)
		return field != null && !listed(field.getType()) && !Map.class.isAssignableFrom(field.getType()) ? field.getType()
				: targetType(ex);
	}

	/**
	 * The value a JSON reader refused as text ({@code "99999999999"} sent in quotes for a whole number), or null: a
	 * whole number in quotes beyond its type is told the type's range as the same number without quotes is.
	 */
	private static Object refusedText(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidFormatException invalid) {
				return invalid.getValue();
			}
		}
		return null;
	}

	/** Whether a JSON number failed to be read for lying beyond its type (a 20-digit id for a Long). */
	private static boolean overflow(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InputCoercionException) {
				return true;
			}
		}
		return false;
	}

	/** The Java type a JSON value failed to become (a date, a number, a choice), or null. */
	private static Class<?> targetType(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof MismatchedInputException mismatch) {
				return mismatch.getTargetType();
			}
			if (t instanceof InputCoercionException overflow) {
				// a number beyond its type (a 20-digit id for a Long): the type, so its range is told
				return overflow.getTargetType();
			}
		}
		return null;
	}

	private static boolean json(HttpServletRequest request) {
		return request.getContentType() != null && request.getContentType().toLowerCase(Locale.ROOT).contains("json");
	}

	/** How a message names a form field that could not be bound: its label on the request's route ({@link FieldLabels}). */
	private static String named(String field, BindException ex, HttpServletRequest request) {
		return FieldLabels.named(field, ex.getFieldType(field), FieldLabels.path(request));
	}

	/**
	 * Form fields that could not be bound into a form object (a number, date or choice of the wrong shape): 400 naming
	 * each (rule {@code format}) and what it should be; a page form's POST gets its form again ({@link #unbound}).
	 */
	@ExceptionHandler(BindException.class)
	Object binding(BindException ex, HttpServletRequest request, HttpServletResponse response) {
		List<FieldError> errors = ex.getFieldErrors().stream().map(e -> {
			String message = file(e.getRejectedValue())
					? named(e.getField(), ex, request) + FILE_IN_A_FIELD
					: named(e.getField(), ex, request) + "的值"
							+ (e.getRejectedValue() == null ? "缺失" : "“" + shorten(e.getRejectedValue()) + "”")
							+ wrongField(ex, e.getField(), e.getRejectedValue());
			return new FieldError(e.getField(), "format", message);
		}).toList();
		return unbound(request, response, "参数格式错误", errors);
	}

	/**
	 * What is wrong with a form object's field: its own declared range ({@link Decimals#declaredWhole} on the record
	 * component or field), else what its type — an element's for a list — should look like ({@link #wrong}).
	 */
	private String wrongField(BindException ex, String field, Object value) {
		Class<?> owner = ex.getTarget() != null ? ex.getTarget().getClass()
				: ex instanceof MethodArgumentNotValidException m ? m.getParameter().getParameterType() : null;
		Field declared = null;
		for (Class<?> c = owner; c != null && c != Object.class && declared == null && !field.contains(".")
				&& !field.contains("["); c = c.getSuperclass()) {
			try {
				declared = c.getDeclaredField(field);
			}
			catch (NoSuchFieldException none) {
				// not declared here: its superclass may
			}
		}
		String bound = declared == null ? null : Decimals.declaredWhole(declared, thisYear());
		if (bound != null) {
			return "格式不正确" + bound;
		}
		return wrong(declared != null && listed(declared.getType()) ? valueType(ResolvableType.forField(declared))
				: ex.getFieldType(field), value, field);
	}

	/** Whether a parameter's type holds several values (a collection or an array), whose elements' type is told. */
	private static boolean listed(Class<?> type) {
		return type != null && (type.isArray() || Collection.class.isAssignableFrom(type));
	}

	/** The type a bound value has, or each element of a list or array of them has (a {@code Set<Role>}: Role). */
	static Class<?> valueType(ResolvableType type) {
		if (type.isArray()) {
			return type.getComponentType().resolve();
		}
		if (type.asCollection() != ResolvableType.NONE) {
			Class<?> element = type.asCollection().resolveGeneric(0);
			return element != null ? element : type.resolve();
		}
		return type.resolve();
	}

	/** A request header the endpoint requires, missing; other binding failures of headers, cookies and path. */
	@ExceptionHandler(ServletRequestBindingException.class)
	Object requestBinding(ServletRequestBindingException ex, HttpServletRequest request) {
		String field = ex instanceof MissingRequestHeaderException h ? h.getHeaderName() : "request";
		String detail = ex instanceof MissingRequestHeaderException ? "缺少请求头“" + field + "”"
				: "请求缺少必要的内容";
		return answer(request, HttpStatus.BAD_REQUEST, "参数缺失", detail, List.of(new FieldError(field, "required", detail)));
	}

	/** A file field missing, or a request to an upload endpoint that is not multipart/form-data. */
	@ExceptionHandler({ MissingServletRequestPartException.class, MultipartException.class })
	Object notMultipart(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if (ex instanceof MaxUploadSizeExceededException tooLarge) {
			return tooLarge(tooLarge, request);
		}
		String field = ex instanceof MissingServletRequestPartException part
				? part.getRequestPartName() : "file";
		String detail = "请以multipart/form-data表单上传文件（字段“" + field + "”）";
		if (ex instanceof MissingServletRequestPartException && request.getContentType() != null
				&& request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			// a page's upload form sent without its file: the form again, the file field marked
			return unbound(request, response, "缺少上传文件", List.of(new FieldError(field, "required", "请选择要上传的文件（字段“" + field + "”）")));
		}
		return answer(request, HttpStatus.BAD_REQUEST, "缺少上传文件", detail, List.of(new FieldError(field, "multipart", detail)));
	}

	/**
	 * A value the database refused as out of its type's range or length (SQLSTATE class 22) or a check constraint —
	 * a validation the service should have made; answered as the user's error, logged so it gets one. A race lost with
	 * another submission ({@link ConcurrentSubmits}, the one reading pages share): a unique key met (23505, the first
	 * submission stands: 409 "重复提交" naming the key's field, rule {@code duplicate}) or a record changed by another
	 * transaction between this one's read and its write (a stale {@code @Version}, a serialization failure, a lock
	 * PostgreSQL gave up on — {@link ConcurrencyFailureException}: 409, field {@code request}, rule
	 * {@code concurrent-change}), nothing of this submission saved. A page's step never gets here with either: its
	 * runner ({@code kernel.PageSteps}, {@code kernel.FormSteps}) shows it in the page's error box as a conflict.
	 */
	@ExceptionHandler(DataAccessException.class)
	Object database(DataAccessException ex, HttpServletRequest request) {
		var lost = ConcurrentSubmits.lost(ex);
		if (lost.isPresent()) {
			// a double click, a retried call, two people at once: the first submission stands (kernel.ConcurrentSubmits)
			log.info("Concurrent submission met on {} {}: {}", request.getMethod(), instance(request), withoutValues(ex));
			FieldError error = lost.get().fieldErrors().get(0);
			boolean created = "duplicate".equals(error.rule());
			return answer(request, HttpStatus.CONFLICT, created ? "重复提交" : "记录已被修改", error.message(), List.of(error));
		}
		String state = ex.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
		if (state != null && (state.startsWith("22") || state.equals("23514"))) {
			log.warn("Input refused by the database on {} {}: {}", request.getMethod(), instance(request),
					withoutValues(ex));
			// named like every refusal: the request as a whole (the database names no field the user knows)
			String detail = "输入的值超出允许的长度或范围，请检查后重试";
			return answer(request, HttpStatus.BAD_REQUEST, "输入有误", detail, List.of(new FieldError("request", "range", detail)));
		}
		return unexpected(ex, request);
	}

	/**
	 * What a log line may say about a refusal by the database: PostgreSQL's primary message, its constraint and SQLSTATE
	 * — never its detail, which quotes the row's values ("Key (id_number)=(…)", "Failing row contains (…)") and so
	 * could put an ID or phone number into the log. The driver leaves the detail out of exception messages too
	 * ({@code logServerErrorDetail=false} in application.properties); this holds even where that is not set.
	 */
	static String withoutValues(DataAccessException ex) {
		if (ex.getMostSpecificCause() instanceof PSQLException pg && pg.getServerErrorMessage() != null) {
			ServerErrorMessage m = pg.getServerErrorMessage();
			return m.getMessage() + " (SQLSTATE " + m.getSQLState()
					+ (m.getConstraint() == null ? "" : ", constraint " + m.getConstraint()) + ")";
		}
		return ex.getMostSpecificCause().getClass().getSimpleName();
	}

	/**
	 * A rejected value as the user typed it, at most 40 characters: several values of one parameter (a form's repeated
	 * field) joined by 、 — never the Java name of an array of strings; a decimal written out (10, not 1E+1).
	 */
	private static String shorten(Object value) {
		String typed = value instanceof Object[] values
				? Arrays.stream(values).map(String::valueOf).collect(Collectors.joining("、"))
				: value instanceof java.math.BigDecimal number ? Decimals.echo(number) : String.valueOf(value);
		return Text.excerpt(typed, 40);
	}

	/**
	 * An upload over the multipart limits: 413 naming them, on the part that was too large (or {@code request} when
	 * the whole request was). A part whose headers are too long (Tomcat's part header
	 * limit, met by a file name of thousands of characters, which Spring reports as a size exceeded too) is the file
	 * name's fault, not the file's: 400 on {@code file}, rule {@code file-name}.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		if (RequestValuesFilter.partHeaderTooLong(ex)) {
			String detail = RequestValuesFilter.FILE_NAME_TOO_LONG;
			return answer(request, HttpStatus.BAD_REQUEST, "输入有误", detail, List.of(new FieldError("file", "file-name", detail)));
		}
		String detail = "上传的内容超过大小限制（" + uploadLimits + "），请压缩或分批上传";
		return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", detail,
				List.of(new FieldError(RequestValuesFilter.oversizedPart(ex), "size", detail)));
	}

	/**
	 * Tomcat's parameter parse failure met inside a handler (RequestValuesFilter answers it before, on every request
	 * it sees): a form body over {@code maxPostSize} is 413, anything else unreadable 400 — never a 500.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	Object unparsableParameters(InvalidParameterException ex, HttpServletRequest request) {
		if (ex.getErrorCode() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
			String detail = "提交的内容超过大小限制，请缩短填写的内容或改用文件上传";
			return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "内容过大", detail,
					List.of(new FieldError("request", "size", detail)));
		}
		String detail = "请求参数无法读取：编码无效（应为UTF-8），或请求内容已损坏";
		return answer(request, HttpStatus.BAD_REQUEST, "输入有误", detail, List.of(new FieldError("request", "encoding", detail)));
	}

	/**
	 * A method the address does not answer: 405 naming the method (field {@code method}, rule {@code method}) and the
	 * methods the address answers, which the {@code Allow} header lists too (RFC 9110 §15.5.6) — as a problem to an API
	 * client, the error page to anyone else.
	 */
	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request, HttpServletResponse response) {
		List<String> allowed = ex.getSupportedHttpMethods() == null ? List.of()
				: ex.getSupportedHttpMethods().stream().map(HttpMethod::name).sorted().toList();
		if (!allowed.isEmpty()) {
			response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
		}
		String detail = "不支持请求方法“" + Text.excerpt(Text.printable(ex.getMethod()), 20) + "”"
				+ (allowed.isEmpty() ? "" : "，此地址支持：" + String.join("、", allowed));
		return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "方法不允许", detail,
				List.of(new FieldError("method", "method", detail)));
	}

	/**
	 * A body of a type the endpoint does not take: 415 naming the {@code Content-Type} header (rule {@code media-type})
	 * with the types it takes; a header that is no media type at all (Spring reports it as none) is said so. A
	 * multipart request's JSON part sent as another type or without one is 415 naming that part (field {@code data},
	 * rule {@code media-type}): it must be {@code application/json}.
	 */
	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request, HttpServletResponse response) {
		// access before the body's type (attack finding 6: another bureau's leader posting JSON to a multipart step was
		// told 415): no handler was chosen, so StepAccessFirst did not run — asked here
		try {
			if (stepAccess != null) {
				stepAccess.requireStep(request);
			}
		}
		catch (AccessRefusedException refused) {
			return refused(refused, request);
		}
		catch (DomainException refused) {
			return domain(refused, request, response);
		}
		String part = unreadablePart(request);
		if (part != null) {
			// a multipart request's JSON part (data, outlet) sent as text/plain or without a type: that part is named,
			// not the request's Content-Type (multipart/form-data, which is right)
			String detail = "数据部分“" + part + "”的内容类型应为application/json（当前："
					+ (ex.getContentType() == null || MediaType.APPLICATION_OCTET_STREAM.equals(ex.getContentType()) ? "未声明或不是JSON"
							: Text.excerpt(Text.printable(ex.getContentType().toString()), 60)) + "）";
			return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "内容类型不支持", detail,
					List.of(new FieldError(part, "media-type", detail)));
		}
		String sent = ex.getContentType() == null
				? (request.getContentType() == null ? "未声明" : "无法识别的Content-Type") : ex.getContentType().toString();
		String detail = "不支持的内容类型：" + sent + (ex.getSupportedMediaTypes().isEmpty() ? ""
				: "，应为" + ex.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining("、")));
		return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "内容类型不支持", detail,
				List.of(new FieldError("Content-Type", "media-type", detail)));
	}

	/**
	 * The part of a multipart request that failed for its type: the first {@code @RequestPart} the handler reads through
	 * a converter (not a file) whose part was sent with a type other than JSON (or none, which Spring reads as
	 * {@code application/octet-stream}); null for any other request.
	 */
	private static String unreadablePart(HttpServletRequest request) {
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart == null
				|| !(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
			return null;
		}
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestPart annotation = parameter.getParameterAnnotation(RequestPart.class);
			if (annotation == null || MultipartResolutionDelegate.isMultipartArgument(parameter.nestedIfOptional())) {
				continue;
			}
			String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
			if (name == null || multipart.getMultipartHeaders(name) == null) {
				continue;
			}
			String type = multipart.getMultipartContentType(name);
			if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
				return name;
			}
		}
		return null;
	}

	/**
	 * An address nothing answers (no page, API or static file): 404, never an error in the log — one WARN line with the
	 * path cut as the problem's {@link #instance} cuts it (Spring's own {@code PageNotFound} line, which logs the path
	 * whole, is turned off in application.properties). An API client ({@link Refusals#apiClient}: {@code /API/v1/…}
	 * mistyped, a token or {@code Accept: application/json} without HTML) gets a problem response, not a page.
	 */
	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	Object noResource(Exception ex, HttpServletRequest request) {
		log.warn("No mapping for {} {}", request.getMethod(), instance(request));
		if (!Refusals.apiClient(request)) {
			return answer(request, false, HttpStatus.NOT_FOUND, "未找到", "请求的页面或资源不存在", List.of());
		}
		String detail = "请求的接口或资源不存在，请检查地址（接口地址以 /api/v1/ 开头，区分大小写）";
		return answer(request, true, HttpStatus.NOT_FOUND, "未找到", detail, List.of(new FieldError("path", "not-found", detail)));
	}

	/**
	 * The client accepts no representation this endpoint has (e.g. {@code Accept: application/xml} on a JSON API):
	 * 406 naming the {@code Accept} header (rule {@code media-type}) with the types the endpoint answers in — as a
	 * problem to an API client, the error page to anyone else (RFC 9110 §15.5.7 lets the refusal itself be in a type
	 * the client did not ask for).
	 */
	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		String detail = "无法以请求所列的格式作答（Accept: "
				+ (accept == null ? "未声明" : Text.excerpt(Text.printable(accept), 60)) + "）"
				+ (ex.getSupportedMediaTypes().isEmpty() ? "" : "，此地址可返回："
						+ ex.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining("、")));
		return answer(request, HttpStatus.NOT_ACCEPTABLE, RequestValuesFilter.Refusal.ofStatus(406).title(), detail,
				List.of(new FieldError(HttpHeaders.ACCEPT, "media-type", detail)));
	}

	/** Method security denials: rethrown so Spring Security answers (401 for anonymous, 403 otherwise). */
	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	void denied(RuntimeException ex) {
		throw ex;
	}

	/**
	 * Anything else is a server error (500, logged at ERROR with its stack trace) — unless the client closed the
	 * connection while its answer was being written ({@link #clientGone}): nothing can be answered then, and it is the
	 * client's doing, not the server's, so one DEBUG line and no answer.
	 */
	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request) {
		BodyTooLargeException tooLarge = BodyTooLargeException.of(ex);
		if (tooLarge != null) {
			// a handler's own read of a body past youguan.web.max-json-body, wrapped in whatever it threw
			return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "内容过大", tooLarge.getMessage(),
					List.of(new FieldError("body", "size", tooLarge.getMessage())));
		}
		if (clientGone(ex)) {
			log.debug("Client went away during {} {}: {}", request.getMethod(), instance(request), ex.toString());
			return null;
		}
		log.error("Unexpected error on {} {}", request.getMethod(), instance(request), ex);
		return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "系统错误", "系统内部错误，请稍后重试或联系管理员", List.of());
	}

	/**
	 * Whether the exception, or one it wraps (Spring's and Jackson's writers wrap it), is Tomcat's report that the
	 * client went away while the answer was written (a broken pipe, a reset: {@link ClientAbortException}), or
	 * Spring's for an asynchronous answer ({@link AsyncRequestNotUsableException}).
	 */
	static boolean clientGone(Throwable ex) {
		int depth = 0;
		for (Throwable t = ex; t != null && depth++ < 20; t = t.getCause()) {
			if (t instanceof ClientAbortException || t instanceof AsyncRequestNotUsableException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The problem's {@code instance}: the request's path, or — when it is longer than a message may be (an id of
	 * thousands of digits) — the path up to its last "/" within {@link FieldError#MAX_MESSAGE} characters, so that a
	 * refusal does not repeat a long input (Spring would otherwise fill in the whole path); every log line of this
	 * class names the request's path the same way. An ID or mobile number in the path (a mistyped id, a probe) is
	 * masked ({@link Masking#personalNumbersIn}), as in every message: neither the answer nor the log repeats it.
	 */
	static String instance(HttpServletRequest request) {
		return maskedPath(request.getRequestURI());
	}

	/**
	 * A request path as answers and logs may repeat it: personal numbers masked — found in the decoded path
	 * (139%201234%205678 is 139 1234 5678; an escape of an escape is decoded too), and the masked path encoded again, so it stays a path — then cut to at most
	 * {@link FieldError#MAX_MESSAGE} characters (after a "/").
	 * @param path the request's path (URI, not decoded), or null
	 * @return the path, cut and masked; null for null
	 */
	public static String maskedPath(String path) {
		if (path == null) {
			return null;
		}
		// decoded until no escape is left (at most four times): %2531 hides a 1 under two encodings
		String decoded = path;
		for (int i = 0; i < 4 && decoded.indexOf('%') >= 0; i++) {
			try {
				decoded = UriUtils.decode(decoded, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				// a broken escape (%zz): the path is read as far as it was decoded
				break;
			}
		}
		// masked whole, then cut: a cut between the blocks of a number (/139/1234/5678) shows no more than its mask
		String shown = Masking.holdsPersonalNumber(decoded)
				? UriUtils.encodePath(Masking.personalNumbersIn(decoded), StandardCharsets.UTF_8) : path;
		return shown.length() <= FieldError.MAX_MESSAGE ? shown : shown.substring(0, shown.lastIndexOf('/', FieldError.MAX_MESSAGE) + 1);
	}

	private static Object answer(HttpServletRequest request, HttpStatus status, String title, String message,
			List<FieldError> errors) {
		return answer(request, Refusals.apiClient(request), status, title, message, errors);
	}

	/** @param asProblem whether a problem response is answered (else the error page) */
	private static Object answer(HttpServletRequest request, boolean asProblem, HttpStatus status, String title,
			String message, List<FieldError> errors) {
		// a message never repeats a long input whole nor a personal number, whichever module wrote it (FieldError
		// caps and masks the fields' own)
		String detail = FieldError.capped(Masking.personalNumbersIn(message));
		if (asProblem) {
			// the shape and content type the filters' problems have (ProblemResponses): type, title, status, detail,
			// instance and errors, each always present
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setType(URI.create(ProblemResponses.TYPE));
			problem.setTitle(title);
			try {
				problem.setInstance(URI.create(instance(request)));
			}
			catch (IllegalArgumentException ex) {
				// a path java.net.URI cannot hold: the instance as a relative reference of the path's characters
				problem.setInstance(URI.create(UriUtils.encodePath(instance(request), StandardCharsets.UTF_8)));
			}
			problem.setProperty("errors", errors);
			return ResponseEntity.status(status).contentType(ProblemResponses.CONTENT_TYPE).body(problem);
		}
		// the public portal's visitors get its own layout and words: a withdrawn 公示 or a mistyped number is "not
		// found or no longer public", not a sentence about data scopes with a link to a 工作台 they do not have
		// (/public and below it as routed: not /publicity)
		List<FieldError> shown = parametersNamed(request, errors);
		Map<String, Object> model = new HashMap<>();
		model.put("status", status.value());
		model.put("title", title);
		// the detail that repeats the first error repeats it as shown, naming its parameter too
		model.put("detail", !errors.isEmpty() && errors.get(0).message().equals(detail) ? shown.get(0).message() : detail);
		model.put("fieldErrors", shown);
		ModelAndView mav = errorPage(Refusals.routedUnder(request, "/public"), status, model);
		mav.setStatus(status);
		return mav;
	}

	/**
	 * The errors of a page's refusal (GET: the address's query), each on a query parameter named: an error page has no
	 * form field to stand beside, so "格式应为2025-01" alone does not say which parameter of the address is wrong — it
	 * reads "排序：…" by the parameter's label ({@link FieldLabels#named}: 参数“zzq” where none is known). A message that
	 * names its parameter already (its label, the name quoted, or a month of a month range as 起始月份/截止月份) is kept,
	 * as is an error on no parameter (the request, a state). The errors' fields and rules are unchanged.
	 */
	static List<FieldError> parametersNamed(HttpServletRequest request, List<FieldError> errors) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return errors;
		}
		String path = FieldLabels.path(request);
		return errors.stream().map(e -> {
			String named = FieldLabels.named(e.field(), path);
			String label = FieldLabels.of(e.field(), path);
			// a month of a month range is named by its own label (截止月份, FiguresPeriod#monthNamed), never as the
			// 截止日期 the same name is elsewhere: "截止月份不能早于起始月份" is not told as "截止日期：截止月份…"
			boolean said = e.message().contains(named) || label != null && e.message().contains(label)
					|| ("from".equals(e.field()) || "to".equals(e.field()))
							&& e.message().contains(FiguresPeriod.monthNamed(e.field()));
			return request.getParameterMap().containsKey(e.field()) && !said
					? new FieldError(e.field(), e.rule(), named + "：" + e.message()) : e;
		}).toList();
	}

	/**
	 * The error page for a refusal with {@code model} (status, title, detail, fieldErrors): the public portal's own
	 * ({@code public-error}: its layout, a link to the portal's home) for a request under {@code /public}, the staff
	 * layout's ({@code error}) otherwise. The portal's "not found" words stand alone: neither a staff sentence about data
	 * scopes nor its error line is shown there. Title, detail and errors are shown in the reader's language where the
	 * bundle has the sentence ({@link RefusalWords}).
	 * @param portal whether the refused request was under /public (as routed)
	 */
	static ModelAndView errorPage(boolean portal, HttpStatusCode status, Map<String, ?> model) {
		ModelAndView mav = new ModelAndView(portal ? "public-error" : "error", model);
		Locale locale = LocaleContextHolder.getLocale();
		for (String words : List.of("title", "detail")) {
			if (model.get(words) instanceof String text) {
				mav.addObject(words, RefusalWords.in(text, locale));
			}
		}
		if (model.get("fieldErrors") instanceof List<?> errors) {
			mav.addObject("fieldErrors", RefusalWords.in(errors.stream()
				.filter(FieldError.class::isInstance).map(FieldError.class::cast).toList(), locale));
		}
		if (portal && status.value() == HttpStatus.NOT_FOUND.value()) {
			mav.addObject("detail", null);
			mav.addObject("fieldErrors", List.of());
		}
		return mav;
	}
}
