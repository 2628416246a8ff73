package org.youguan.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.youguan.audit.SignInLog;
import org.youguan.kernel.BearerToken;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.RequestPath;
import org.youguan.kernel.RequestRefusals;
import org.youguan.org.CurrentUser;
import org.youguan.org.InstallationAdmins;
import org.youguan.org.UserDirectory;

/**
 * The access policy in one place: public pages and APIs, signed-in pages, role-restricted administration; form login
 * for people, Bearer tokens for integrations; CSRF on for sessions (Bearer requests are exempt); API callers get
 * problem responses (401/403) instead of a redirect to the login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * Open to anyone. {@code "/"} is the exact root only — the public home for anonymous visitors (the signed-in get
	 * their own home there); nothing below it is opened by it.
	 */
	static final String[] PUBLIC = { "/", "/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
			"/actuator/health", "/actuator/health/**", "/api/v1/calendar/**", "/api/v1/public/**",
			"/public/**" };

	/** The title of a page form refused for its CSRF token. */
	static final String PAGE_EXPIRED = "页面已过期";

	/** What a page form refused for its CSRF token is told. */
	static final String PAGE_EXPIRED_DETAIL = "页面已过期或登录状态已变化，请刷新页面后重试（表单的安全令牌缺失或已失效）";

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, SignInLog signIns,
			UserDirectory directory, PasswordGuesses guesses, ApplicationContext context,
			RequestRefusals refusals, InstallationAdmins installationAdmins) throws Exception {
		Problems problems = new Problems(refusals);
		// machine endpoints answer 401/403 problems instead of redirecting to the sign-in page
		RequestMatcher api = new OrRequestMatcher(
				PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
		// who is answered with a problem rather than a page: the API and actuator paths, /API/… mistyped, and a client
		// that takes no HTML and asks for JSON or sends a token
		RequestMatcher apiClient = new OrRequestMatcher(api,
				refusals::apiClient);
		RequestMatcher bearer = BearerToken::sent;
		var loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		var pageDenied = new AccessDeniedHandlerImpl();
		http.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC)
			.permitAll()
			.requestMatchers("/actuator/**")
			// the installation's metrics: its top-level bureau's 系统管理员 (kernel.InstallationAdmin), not a county's
			.access((authentication, request) -> new AuthorizationDecision(installationAdmins.holds(authentication.get())))
			.requestMatchers("/admin/**")
			.hasAnyRole("SYSTEM_ADMIN", "BUREAU_ADMIN", "BUREAU_LEADER")
			// the registry's old address of the branch form leads to licensing's 分支机构备案, which enterprises use too:
			// its handler admits those the filing's POST admits (CaseRoles.HANDLERS_OR_ENTERPRISE) and refuses anyone
			// else naming the roles that may file (an administrator or a leader is refused there, not on the form)
			.requestMatchers(HttpMethod.GET, "/registry/branches/new")
			.hasAnyRole("SYSTEM_ADMIN", "BUREAU_ADMIN", "BUREAU_LEADER", "STAFF", "ENTERPRISE")
			.requestMatchers("/registry/**", "/filing/**", "/statistics/**", "/complaints/**", "/workplans/**")
			.hasAnyRole("SYSTEM_ADMIN", "BUREAU_ADMIN", "BUREAU_LEADER", "STAFF")
			.requestMatchers("/enterprise/**")
			.hasRole("ENTERPRISE")
			.anyRequest()
			.authenticated())
			.requestCache(cache -> cache.requestCache(signInDestination()))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
				// the failure page in the language the form was sent in (?lang=), as the sign-in throttle's
				.failureHandler((request, response, e) -> response.sendRedirect(SignInThrottle.failed(request)))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			// the token in a cookie, not in the session: an anonymous page (the public lookup, the sign-in page) must
			// not create a session row per visit — a flood of anonymous GETs would otherwise be a flood of inserts;
			// token callers and the anonymous public API carry no session cookie a forged request could ride on
			// an API call outside any session carries no ambient credential either: it is anonymous, and answers 401
			// (sign in or send a token) rather than a 403 about a CSRF token it could not have
			.csrf(csrf -> csrf.csrfTokenRepository(csrfCookie())
				.ignoringRequestMatchers(bearer,
					PathPatternRequestMatcher.withDefaults().matcher("/api/v1/public/**"),
					new AndRequestMatcher(api,
							SecurityConfiguration::withoutSession),
					// a body Tomcat could not read holds no readable token, and the request is refused (400/413) after
					// the role decision whatever it carries: nothing of it reaches a handler
					refusals::parametersUnreadable))
			.exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> {
				if (apiClient.matches(request)) {
					problems.write(request, response, 401, Problems.UNAUTHORIZED, "request", Problems.UNAUTHENTICATED,
							"请先登录或提供有效的API令牌（Authorization: Bearer …）");
				}
				else {
					loginPage.commence(request, response, e);
				}
			}).accessDeniedHandler((request, response, e) -> {
				if (apiClient.matches(request)) {
					if (e instanceof CsrfException) {
						problems.write(request, response, 403, Problems.FORBIDDEN, "X-CSRF-TOKEN", "csrf",
								"请求缺少有效的CSRF令牌：以登录会话调用接口时请带上页面的X-CSRF-TOKEN请求头，或改用API令牌（Authorization: Bearer …）");
					}
					else if (!refusals.refuseRole(request, response)) {
						// a staff member's role refused by handlers naming who may act is told that (refuseRole)
						problems.write(request, response, 403, Problems.FORBIDDEN, "request", Problems.FORBIDDEN_RULE,
								"您没有执行此操作的权限");
					}
				}
				else if (e instanceof CsrfException) {
					// a page's form sent with a token of an ended session (signed out, timed out, another tab signed in)
					// or none: the page is stale, not a right the user lacks
					refusals.refuse(request, response, 403, PAGE_EXPIRED, PAGE_EXPIRED_DETAIL,
							List.of(new FieldError("_csrf", "csrf", PAGE_EXPIRED_DETAIL)));
				}
				else if (!wrongPortal(request, response, refusals) && !refusals.backToRecordPage(request, response)
						&& !refusals.refuseRole(request, response)) {
					// a read, or no record's step: the 403 page (a page's step goes back to its record's page instead; a
					// form, a page or a post its handlers refuse for a staff member's role names the roles that may act)
					pageDenied.handle(request, response, e);
				}
			}))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new SignInThrottle(signIns, directory, guesses), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new PendingRefusalAtSignIn(refusals), CsrfFilter.class)
			.addFilterAfter(new ForcedPasswordChangeFilter(problems),
					AuthorizationFilter.class)
			// a handler's @PreAuthorize decided before its body or parameters are read (a 403, not a 400 or 415)
			.addFilterAfter(new HandlerAuthorizationFilter(context), ForcedPasswordChangeFilter.class);
		return http.build();
	}

	/** Why a staff member is refused a page of the enterprise portal. */
	static final String ENTERPRISE_PORTAL = "企业端页面仅供企业用户使用：您以监管人员身份登录，请从工作台办理";

	/** Why an enterprise user is refused a page of the regulators' own. */
	static final String STAFF_PAGES = "此页面仅供邮政管理部门的监管人员使用：您以企业用户身份登录，请使用企业端";

	/**
	 * Refuses a page of the other portal as access, saying so: a staff member on the enterprise portal
	 * ({@code /enterprise/…}), an enterprise user on a regulators' page (neither the enterprise portal nor the public
	 * one) — 403 on the error page in the layout the user's portal has, naming the portal (field {@code request}, rule
	 * {@code forbidden}), never as a fault of the request's values.
	 * @return whether it was a wrong portal's page (answered then)
	 */
	static boolean wrongPortal(HttpServletRequest request, HttpServletResponse response, RequestRefusals refusals)
			throws IOException {
		CurrentUser me = CurrentUser.signedIn().orElse(null);
		if (me == null || RequestPath.under(request, "/public")) {
			return false;
		}
		boolean enterprisePortal = RequestPath.under(request, "/enterprise");
		String why = me.isStaff() == enterprisePortal ? (enterprisePortal ? ENTERPRISE_PORTAL : STAFF_PAGES) : null;
		if (why == null) {
			return false;
		}
		refusals.refuse(request, response, 403, "无权访问", why, List.of(new FieldError("request", Problems.FORBIDDEN_RULE, why)));
		return true;
	}

	/**
	 * Whether the request belongs to no session (no session cookie, or one of an ended session), so nothing a browser
	 * adds on its own authenticates it: a forged cross-site request rides on a live session, which this excludes.
	 */
	static boolean withoutSession(HttpServletRequest request) {
		return request.getSession(false) == null;
	}

	/**
	 * Where a signed-out visitor was going (a page, not a fragment, an API call or an icon), kept in a cookie for after
	 * sign-in: no session row for it either. Read back only when it is a printable same-origin path
	 * ({@link SignInDestination}), else the sign-in lands on {@code /}.
	 */
	static CookieRequestCache signInDestination() {
		CookieRequestCache cache = new SignInDestination();
		cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")) && !RequestPath.api(request)
				&& !request.getRequestURI().endsWith(".ico"));
		return cache;
	}

	/**
	 * The CSRF token's cookie: HTTP-only (pages carry the token in their forms and meta tag), same-site lax; sent back
	 * as the form field {@code _csrf} or the header {@code X-CSRF-TOKEN}.
	 */
	static CookieCsrfTokenRepository csrfCookie() {
		CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
		// the header pages and API callers have always sent (the cookie repository's own default is X-XSRF-TOKEN)
		repository.setHeaderName("X-CSRF-TOKEN");
		repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true));
		return repository;
	}

	/**
	 * No tracing observation around each security filter, authentication and authorization: with an observation
	 * registry present (actuator), Spring Security otherwise wraps every one of its ~15 filters in an observation on
	 * every request — a large share of a list request's CPU (issue 12). Request timings stay in
	 * {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	UserDetailsService userDetailsService(UserDirectory directory) {
		return username -> directory.principal(username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}
}
