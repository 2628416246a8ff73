package org.youguan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.statistics.Analysis;
import org.youguan.statistics.internal.Coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 工作台's statistics card rendered on its own and remembered ({@link InboxHtml#statistics}, issue 12) is the card the
 * dashboard's template wrote in its own pass: the card's markup (moved verbatim from {@code web/dashboard.html} to
 * {@code web/statistics-card}) included in a page by the test template {@code test/inline-statistics-card} and
 * rendered by the application's own engine gives the same markup as the card rendered alone, whitespace between
 * elements aside — for the demo city's and a county's snapshots and made-up ones with texts full of characters HTML
 * escapes, missing figures and the 数据不完整 caveat on the year and on months, in Chinese and in English; and the
 * dashboard shows that card, once, on every view and in the viewer's language.
 */
@IntegrationTest
class DashboardStatisticsCardIntegrationTest {

	static final String NASTY = "<量&\"件\" 'x'>";

	@Autowired
	InboxHtml html;

	@Autowired
	ITemplateEngine templates;

	@Autowired
	Analysis analysis;

	@Autowired
	UserDirectory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Test
	void theCardRenderedOnItsOwnIsTheCardTheDashboardWrote() {
		YearMonth through = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
		List<Analysis.Snapshot> snapshots = new ArrayList<>();
		for (String region : List.of("3205", "320506")) {
			snapshots.add(analysis.snapshot(DataScope.region(region), region, through));
		}
		Analysis.Snapshot real = snapshots.get(0);
		assertThat(real.trend()).isNotEmpty();
		Coverage.Pair incomplete = new Coverage.Pair(new Coverage.Share("2026-10", 52, 60, false),
				new Coverage.Share("2025-10", 60, 60, true));
		Coverage.Pair nastyCaveat = new Coverage.Pair(new Coverage.Share(NASTY, 1, 2, false),
				new Coverage.Share(NASTY, 1, 2, false));
		List<Analysis.MonthPoint> mixed = new ArrayList<>();
		for (int i = 0; i < real.trend().size(); i++) {
			Analysis.MonthPoint p = real.trend().get(i);
			mixed.add(switch (i % 3) {
				case 0 -> new Analysis.MonthPoint(p.month(), null, null, null, null);
				case 1 -> new Analysis.MonthPoint(NASTY, new BigDecimal("1234567.5"), BigDecimal.ONE,
						new BigDecimal("-3.2"), nastyCaveat);
				default -> new Analysis.MonthPoint(p.month(), p.value(), p.lastYear(), p.growth(), incomplete);
			});
		}
		snapshots.add(new Analysis.Snapshot(NASTY, NASTY, mixed, new BigDecimal("9876543.21"), new BigDecimal("12.5"),
				"{\"title\":\"" + NASTY + "\",\"x\":[1,2]}", nastyCaveat));
		snapshots.add(new Analysis.Snapshot(real.indicatorName(), real.unit(), List.of(), null, null, real.chart(),
				real.coverage()));
		snapshots.add(new Analysis.Snapshot(real.indicatorName(), real.unit(), real.trend(), real.yearToDate(), null,
				real.chart(), incomplete));

		for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
			for (Analysis.Snapshot s : snapshots) {
				MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
				MockHttpServletResponse response = new MockHttpServletResponse();
				String card = html.statistics(s, locale, request, response);
				var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
					.buildExchange(request, response);
				// a page request words in its reader's language on its thread (LocaleContextHolder), as the card does
				LocaleContextHolder.setLocale(locale);
				String inPage;
				try {
					inPage = templates.process("test/inline-statistics-card", Set.of("page"),
							new WebContext(exchange, locale, Map.of("statistics", s)));
				}
				finally {
					LocaleContextHolder.resetLocaleContext();
				}
				assertThat(normalised(inPage)).as("%s %s", locale, s.indicatorName())
					.isEqualTo(normalised("<section><p>before</p>" + card + "<p>after</p></section>"));
				assertThat(card).contains("id=\"dashboard-statistics\"", "id=\"dashboard-trend\"");
			}
		}
		// the made-up snapshot's texts are escaped, as th:text and th:attr escape them
		String card = html.statistics(snapshots.get(2), Locale.SIMPLIFIED_CHINESE, new MockHttpServletRequest(),
				new MockHttpServletResponse());
		assertThat(card).doesNotContain(NASTY).contains("&lt;量&amp;&quot;件&quot; &#39;x&#39;&gt;");
	}

	@Test
	void theDashboardShowsTheCardOfItsViewersSnapshotInTheirLanguageOnEveryView() throws Exception {
		CurrentUser clerk = directory.principal("wz.staff").orElseThrow();
		Analysis.Snapshot snapshot = analysis.snapshot(clerk.scope(), clerk.regionCode(),
				YearMonth.from(LocalDate.now(clock)).minusMonths(1));
		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		String first = page(session, null);
		String again = page(session, null);
		String english = page(SignIn.session(mvc, "wz.staff"), "en");
		String expected = html.statistics(snapshot, Locale.SIMPLIFIED_CHINESE, new MockHttpServletRequest(),
				new MockHttpServletResponse());
		String expectedEnglish = html.statistics(snapshot, Locale.ENGLISH, new MockHttpServletRequest(),
				new MockHttpServletResponse());
		assertThat(expected).isNotEqualTo(expectedEnglish);
		for (String page : List.of(first, again)) {
			assertThat(page).contains(expected);
			assertThat(page.split("id=\"dashboard-statistics\"", -1)).hasSize(2);
		}
		assertThat(english).contains(expectedEnglish);
	}

	/**
	 * The cards' SpEL context is made once per rendering thread, not per card: cards rendered at once on several threads
	 * in different languages are each worded in their own, as when rendered one at a time.
	 */
	@Test
	void cardsRenderedAtOnceInTwoLanguagesAreEachInTheirOwn() throws Exception {
		CurrentUser clerk = directory.principal("wz.staff").orElseThrow();
		Analysis.Snapshot snapshot = analysis.snapshot(clerk.scope(), clerk.regionCode(),
				YearMonth.from(LocalDate.now(clock)).minusMonths(1));
		Map<Locale, String> alone = new java.util.HashMap<>();
		for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
			alone.put(locale, html.statistics(snapshot, locale, new MockHttpServletRequest(), new MockHttpServletResponse()));
		}
		assertThat(alone.get(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(alone.get(Locale.ENGLISH));
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<Boolean>> rendered = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				Locale locale = i % 2 == 0 ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
				rendered.add(pool.submit(() -> html.statistics(snapshot, locale, new MockHttpServletRequest(),
						new MockHttpServletResponse()).equals(alone.get(locale))));
			}
			for (var r : rendered) {
				assertThat(r.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String page(MockHttpSession session, String language) throws Exception {
		var request = get("/").session(session);
		if (language != null) {
			request.cookie(new Cookie("youguan-lang", language));
		}
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	/** The markup with the whitespace between elements taken out. */
	static String normalised(String markup) {
		return markup.replaceAll(">\\s+<", "><").strip();
	}
}
