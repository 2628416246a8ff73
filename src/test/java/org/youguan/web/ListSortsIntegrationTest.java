package org.youguan.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.Listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every order a list offers works both ways, on the page and in its export: the walk takes every GET page of the
 * application that reads a {@link ListRequest} (no path variable), opens it as staff (the enterprise portal's as an
 * enterprise user), follows each sort its column headers link to, ascending and descending, and the same on the
 * page's {@code /export.xlsx} — none may answer 5xx. The public pages ({@code /public/**}, rate-limited) are left to
 * their own tests. A sort expression that states its own order (it was
 * {@code … NULLS FIRST} for the batches' rejected share, to which {@code ASC NULLS LAST} was appended: a syntax
 * error) is refused by {@link Listing} itself.
 */
@IntegrationTest
class ListSortsIntegrationTest {

	private static final Pattern SORT_LINK = Pattern.compile("[?&;]sort=([A-Za-z0-9_]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everySortOfEveryListAnswersBothWaysOnThePageAndInItsExport() throws Exception {
		Set<String> pages = new TreeSet<>();
		Set<String> paths = new LinkedHashSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String path : entry.getKey().getPatternValues()) {
				paths.add(path);
				boolean listed = java.util.Arrays.stream(entry.getValue().getMethodParameters())
					.anyMatch(p -> p.getParameterType() == ListRequest.class);
				// the public pages are rate-limited per user (PublicRateLimitFilter): walked here, they would use up
				// the allowance of the other tests' accounts; their sorts are their own tests'
				if (listed && !path.contains("{") && !path.startsWith("/api/") && !path.startsWith("/public")
						&& !path.endsWith(".xlsx")) {
					pages.add(path);
				}
			}
		}
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		List<String> failures = new ArrayList<>();
		Set<String> walked = new TreeSet<>();
		for (String page : pages) {
			MockHttpSession session = page.startsWith("/enterprise/") ? enterprise : staff;
			MockHttpServletResponse first = mvc.perform(get(page).session(session)).andReturn().getResponse();
			if (first.getStatus() >= 500) {
				failures.add(page + " → " + first.getStatus());
				continue;
			}
			if (first.getStatus() != 200 || first.getContentType() == null || !first.getContentType().contains("html")) {
				continue;
			}
			Set<String> sorts = new TreeSet<>();
			Matcher m = SORT_LINK.matcher(first.getContentAsString());
			while (m.find()) {
				sorts.add(m.group(1));
			}
			String export = paths.contains(page + "/export.xlsx") ? page + "/export.xlsx" : null;
			for (String sort : sorts) {
				for (String dir : List.of("asc", "desc")) {
					for (String url : export == null ? List.of(page) : List.of(page, export)) {
						int status = mvc.perform(get(url).param("sort", sort).param("dir", dir).session(session))
							.andReturn().getResponse().getStatus();
						walked.add(url + "?sort=" + sort);
						if (status >= 500) {
							failures.add(url + "?sort=" + sort + "&dir=" + dir + " → " + status);
						}
					}
				}
			}
		}
		assertThat(failures).as("lists answering 5xx").isEmpty();
		assertThat(walked).as("the walk reached the lists")
			.contains("/safety/parcel-batches?sort=rejected_share", "/safety/parcel-batches/export.xlsx?sort=rejected_share")
			.hasSizeGreaterThan(60);
	}

	@Test
	void aSortExpressionStatingItsOwnOrderIsRefusedWhenTheListRegistersIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> Listing.requireOneSortExpression("s", "x NULLS FIRST"));
		assertThatIllegalArgumentException().isThrownBy(() -> Listing.requireOneSortExpression("s", "x desc"));
		assertThatIllegalArgumentException().isThrownBy(() -> Listing.requireOneSortExpression("s", "a.x, a.y"));
		assertThatIllegalArgumentException().isThrownBy(() -> Listing.from("FROM t x")
			.sorts(Map.of("a", "x.a", "b", "x.b ASC"), "a", "x.id"));
		assertThatNoException().isThrownBy(() -> Listing.requireOneSortExpression("s",
				"round(100.0 * b.rejected / nullif(b.accepted + b.rejected, 0), 2)"));
		assertThatNoException().isThrownBy(() -> Listing.requireOneSortExpression("s",
				"(SELECT count(*) FROM t WHERE t.x = 'A, DESC') + lc.last"));
	}
}
