package org.youguan.region;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The picker's chain of selects becomes one code: the deepest value that still lies inside the one before it.
 */
class RegionChainFilterTest {

	@Test
	void takesTheDeepestChoice() {
		assertThat(RegionChainFilter.deepest(new String[] { "", "32", "3205", "320506" })).isEqualTo("320506");
		assertThat(RegionChainFilter.deepest(new String[] { "3205", "320506", "320506001" })).isEqualTo("320506001");
	}

	@Test
	void aBlankLevelEndsTheChain() {
		assertThat(RegionChainFilter.deepest(new String[] { "", "32", "3205", "" })).isEqualTo("3205");
		assertThat(RegionChainFilter.deepest(new String[] { "3205", "" })).isEqualTo("3205");
		assertThat(RegionChainFilter.deepest(new String[] { "", "" })).isEmpty();
	}

	@Test
	void aLevelOutsideTheOneAboveItEndsTheChain() {
		assertThat(RegionChainFilter.deepest(new String[] { "", "31", "3205", "320506" })).isEqualTo("31");
		assertThat(RegionChainFilter.deepest(new String[] { "3205", "3205" })).isEqualTo("3205");
	}

	/**
	 * The filter decides on the path as it is routed, by whole segments: an encoded, doubled or ;jsessionid path is
	 * judged as the plain one — a form's chain collapsed, the API's left untouched.
	 */
	@Test
	void anEncodedPathIsJudgedAsThePlainOne() throws Exception {
		for (String form : List.of("/admin/regions", "/%61dmin/regions", "/admin;jsessionid=A1B2/regions", "//admin/regions",
				"/x/../admin/regions", "/apiary/regions")) {
			assertThat(region(form)).as(form).containsExactly("320506");
		}
		for (String api : List.of("/api/v1/regions", "/%61pi/v1/regions", "/api;jsessionid=A1B2/v1/regions",
				"//api/v1/regions", "/x/../api/v1/regions", "/%63ss/site.css")) {
			assertThat(region(api)).as(api).containsExactly("", "32", "3205", "320506");
		}
	}

	/** The values of {@code region} the handler behind the filter reads, for a chain posted to {@code uri}. */
	private static String[] region(String uri) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
		request.addParameter(RegionPicker.CHAIN, "region");
		request.addParameter("region", "", "32", "3205", "320506");
		MockFilterChain chain = new MockFilterChain();
		new RegionChainFilter().doFilter(request, new MockHttpServletResponse(), chain);
		return chain.getRequest().getParameterValues("region");
	}
}
