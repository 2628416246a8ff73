package org.youguan.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import org.youguan.kernel.RequestPath;
import org.youguan.region.QueriedRegions;

/**
 * Chinese by default; {@code ?lang=en} switches to English for the session's browser (cookie). Every request passes
 * {@link RequestValuesFilter} first, and the error page shows what it refused.
 *
 * <p>Static files are served from three explicit paths only ({@code spring.web.resources.add-mappings=false}):
 * {@code /webjars/**} (version-free URLs through the WebJars locator), {@code /css/**} and {@code /js/**}. Spring
 * Boot's default catch-all {@code /**} mapping made the resource URL encoder look every link of every page up in four
 * class-path locations inside the jar (a link to {@code /complaints/42} is not a file, and misses are not cached): that
 * was most of a page's rendering time.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** The request's language: {@code ?lang=}, else the language cookie, else Chinese ({@link LanguageResolver}). */
	@Bean
	LocaleResolver localeResolver() {
		return new LanguageResolver();
	}

	/** The layout's model ({@link ShellModel}), added only to a view about to be rendered. */
	private final ShellModel shell;

	/** Remembered pages ({@link PageMemory}): its after-handler step must run after the shell's model is added. */
	private final PageMemory pages;

	/** The refused form of a page of several forms ({@link RefusedForms}), named in the model of the page shown again. */
	private final RefusedForms refusedForms;

	/** Who may take a record's step, decided before its values are read ({@link StepAccessFirst}). */
	private final StepAccessFirst stepAccess;

	/** An API read's query parameters it does not take, refused ({@link ApiQueryParameters}). */
	private final ApiQueryParameters apiQueryParameters;

	/** What each handler binds, the region guard's reading as the API's ({@link HandlerQueryParameters}). */
	private final HandlerQueryParameters handlerParameters;

	/** The check of a region code a read asks for, made alike where a read takes none ({@link RegionParameterScope}). */
	private final QueriedRegions queriedRegions;

	WebConfiguration(ShellModel shell, PageMemory pages, RefusedForms refusedForms, StepAccessFirst stepAccess,
			ApiQueryParameters apiQueryParameters, HandlerQueryParameters handlerParameters, QueriedRegions queriedRegions) {
		this.queriedRegions = queriedRegions;
		this.apiQueryParameters = apiQueryParameters;
		this.handlerParameters = handlerParameters;
		this.stepAccess = stepAccess;
		this.shell = shell;
		this.pages = pages;
		this.refusedForms = refusedForms;
	}

	/**
	 * Request and answer bodies are JSON (and the text, form and file bodies Spring reads as they are): the YAML, XML,
	 * CBOR and Smile converters Spring registers when their libraries are on the class path (jackson-dataformat-yaml
	 * comes with a dependency) are removed. A YAML body bypassed the JSON reader's character checks (a BEL or a
	 * right-to-left override was stored) and answers could be asked for in YAML; such a body is now 415 naming
	 * Content-Type, like any other unsupported type. The JSON converter reads request bodies refusing a field the body's
	 * type does not declare ({@link JsonText#strictBodies}).
	 */
	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList(converters -> {
			converters.removeIf(WebConfiguration::otherDataFormat);
			converters.replaceAll(JsonText::strictBodies);
		});
	}

	/** Whether a converter reads or writes YAML, XML, CBOR or Smile. */
	static boolean otherDataFormat(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes().stream().map(t -> t.getSubtype().toLowerCase(Locale.ROOT))
			.anyMatch(t -> t.contains("yaml") || t.contains("xml") || t.contains("cbor") || t.contains("smile"));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		// ?lang=<anything else> keeps the current language, as an unknown cookie does (it was a 500)
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		// a fragment's address opened in a browser (no HX-Request) sent to its page before its parameters are judged
		registry.addInterceptor(new FragmentPages());
		// an API read's query parameter it does not take refused (400) rather than ignored
		registry.addInterceptor(apiQueryParameters);
		// a record's step refused (404, 403) before the form is bound or the body read
		registry.addInterceptor(stepAccess);
		// a region sent to a handler that does not read one: judged as where one is read (400 malformed or unknown, 403
		// outside the caller's scope)
		registry.addInterceptor(new RegionParameterScope(handlerParameters, queriedRegions));
		// a search text over the one length bound, on every read that searches by it
		registry.addInterceptor(new SearchParameters(handlerParameters));
		// registered before the shell: interceptors' postHandle runs in reverse order, so the page memory renders the
		// view after the shell has added the layout's model
		registry.addInterceptor(pages);
		registry.addInterceptor(shell);
		registry.addInterceptor(refusedForms);
		// last, so its postHandle runs first: a fragment opened without htmx is sent to its whole page before anything
		// renders it
		registry.addInterceptor(new FragmentPages.Views());
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
		registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/").resourceChain(true);
	}

	/**
	 * Right after the character-encoding filter (which must set UTF-8 first), before Spring Security: the values are
	 * checked before anything reads them; a refusal of the path is answered there, any other after Spring Security
	 * ({@link #pendingRefusalFilter}). A form body no handler of the request's path and method consumes is not judged
	 * ({@link FormBodyHandlers}, from the application's request mapping): its 415 comes first.
	 */
	@Bean
	FilterRegistrationBean<RequestValuesFilter> requestValuesFilter(
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFile,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequest,
			@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm, FormBodyHandlers forms) {
		var registration = new FilterRegistrationBean<>(new RequestValuesFilter(
				ErrorHandling.uploadLimits(maxFile, maxRequest), "不超过" + maxForm.toMegabytes() + "MB", forms));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		// REQUEST: the checks; ERROR: a refused request's error page rendered without the parameters Tomcat refused
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * The limit on every request body that is not an upload, a POSTed form or a streamed ingest
	 * ({@link BodySizeFilter}): right after the values' checks, before Spring's parse of a PUT form body and before
	 * anything reads a JSON body.
	 * @param limit {@code youguan.web.max-json-body}, 5 MB by default (the work-plan import takes a raw .docx of up to 5 MB)
	 * @param streamed {@code youguan.web.streamed-body-paths}: paths whose handlers stream their body under their own
	 *        limits
	 */
	@Bean
	FilterRegistrationBean<BodySizeFilter> bodySizeFilter(@Value("${youguan.web.max-json-body:5MB}") DataSize limit,
			@Value("${youguan.web.streamed-body-paths:/api/v1/safety/parcel-records}") Set<String> streamed) {
		var registration = new FilterRegistrationBean<>(new BodySizeFilter(limit, Set.copyOf(streamed)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * Requests while the application is not ready (starting: the demo data still loading; stopping) answered 503
	 * ({@link StartingUp}), first of all filters: before a token or a session is judged against data not loaded yet.
	 */
	@Bean
	FilterRegistrationBean<StartingUp> startingUp(ObjectProvider<ApplicationAvailability> availability) {
		var registration = new FilterRegistrationBean<>(new StartingUp(availability));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * A JSON body a step was sent, readable before the handler binds it ({@link JsonBodyReplay}): right after the body's
	 * limit, so the early read is limited as the handler's is.
	 */
	@Bean
	FilterRegistrationBean<JsonBodyReplay> jsonBodyReplay() {
		var registration = new FilterRegistrationBean<>(new JsonBodyReplay());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/** Which handlers take a form body, from the application's request mapping (looked up at the first form body). */
	@Bean
	FormBodyHandlers formBodyHandlers(ApplicationContext context) {
		return new FormBodyHandlers(() -> context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
	}

	/**
	 * Spring's parse of a PUT, PATCH or DELETE form body (Tomcat parses a POST's only), in place of Spring Boot's —
	 * only for a body a handler of the path and method takes ({@link FormBodyHandlers#bodyTaken}): one nobody takes is
	 * answered 415, one to a path or method nobody answers 404 or 405, all unread, where the parse failed first on a
	 * broken escape (a 500, anonymous callers included).
	 */
	@Bean
	OrderedFormContentFilter formContentFilter(FormBodyHandlers forms) {
		return new OrderedFormContentFilter() {
			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !forms.bodyTaken(request);
			}
		};
	}

	/**
	 * Answers the refusal of a request's values that waited ({@link RequestValuesFilter}) right after Spring Security's
	 * filters let the request through: the caller is known and its role admits the request, so the 400 (or 413) is
	 * what it gets — an anonymous caller or a wrong role got 401 or 403 from the security filters instead. A form body's
	 * refusal to a path and method no handler answers gives way to the dispatcher's 404 or 405.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> pendingRefusalFilter() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (!RequestValuesFilter.answerPendingBeforeDispatch(request, response)) {
					chain.doFilter(request, response);
				}
			}
		});
		registration.setName("pendingRefusalFilter");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * A page shown after a form refused across a redirect ({@code PageSteps}) reads the values as
	 * typed as its parameters ({@link TypedValues}); after Spring Security, for GETs only.
	 */
	@Bean
	FilterRegistrationBean<TypedValues> typedValuesFilter() {
		var registration = new FilterRegistrationBean<>(new TypedValues());
		registration.setName("typedValuesFilter");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * Static links resolved through the resource chain (WebJars versions) without matching every other link against the
	 * resource patterns; in place of Spring Boot's {@code ResourceUrlEncodingFilter}, for the same dispatches (declared
	 * with Spring's filter type, which is what makes Boot's registration back off).
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> staticLinkEncodingFilter() {
		var registration = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new StaticLinkEncodingFilter());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * Tomcat's error report in the product's shape ({@link ProductErrorReportValve}) in place of the Host's
	 * {@link ErrorReportValve} (Spring Boot installs one without server information but with Tomcat's English page):
	 * the valve's class is made the Host's, so Tomcat adds no other when it starts. Runs after Spring Boot's own
	 * customizer, whose valve it takes out.
	 */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> productErrorReport() {
		return new WebServerFactoryCustomizer<>() {
			@Override
			public void customize(ConfigurableTomcatWebServerFactory factory) {
				factory.addContextCustomizers(context -> {
					Pipeline host = context.getParent().getPipeline();
					for (Valve valve : host.getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.removeValve(valve);
						}
					}
					if (context.getParent() instanceof StandardHost standard) {
						standard.setErrorReportValveClass(ProductErrorReportValve.class.getName());
					}
					host.addValve(new ProductErrorReportValve());
				});
			}
		};
	}

	/**
	 * A request Spring Security's firewall refuses (a ";" or "//" in the path, a method it does not know …) is answered
	 * as every refusal of {@link RequestValuesFilter}: a problem response naming the part refused on {@code /api/**},
	 * the error page with the same message elsewhere (in place of Spring Security's bare 400). Already answered
	 * (committed): left as it is.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejected) -> {
			if (!response.isCommitted()) {
				RequestValuesFilter.refuse(request, response, RequestValuesFilter.Refusal.ofFirewall(rejected.getMessage()));
			}
		};
	}

	/**
	 * The error page of a request answered on an error dispatch (a filter's refusal — a control character in a
	 * parameter, the firewall —, security's 403, Tomcat's status): the public portal's own layout for a request under
	 * {@code /public} (as routed), the staff layout's otherwise ({@link ErrorHandling#errorPage}, as for the refusals a
	 * controller's exception gets). Replaces Boot's default resolver: there are no per-status templates.
	 */
	@Bean
	ErrorViewResolver errorViews() {
		return (request, status, model) -> ErrorHandling.errorPage(
				request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
						&& RequestPath.under(request.getContextPath(), uri, "/public"),
				status, model);
	}

	/**
	 * The error page of a request refused by a filter shows the same title, message and fields as any other; the path
	 * it names (Spring's {@code path}, e.g. in the 403 of a filter) is masked as {@link ErrorHandling#maskedPath} masks
	 * it.
	 */
	@Bean
	ErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {
			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(request, options);
				if (attributes.get("path") instanceof String path) {
					attributes.put("path", ErrorHandling.maskedPath(path));
				}
				if (request.getAttribute(RequestValuesFilter.REFUSAL,
						RequestAttributes.SCOPE_REQUEST) instanceof RequestValuesFilter.Refusal refusal) {
					attributes.put("title", refusal.title());
					attributes.put("detail", refusal.detail());
					attributes.put("fieldErrors", List.copyOf(refusal.errors()));
				}
				return attributes;
			}
		};
	}
}
