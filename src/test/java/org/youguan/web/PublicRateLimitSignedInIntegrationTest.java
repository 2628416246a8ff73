package org.youguan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.EnterpriseTokens;
import org.youguan.IntegrationTest;
import org.youguan.kernel.CreditCode;
import org.youguan.org.UserDirectory;
import org.youguan.org.Users;
import org.youguan.security.ApiTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Attack round (M1): signed-in callers were not counted on public routes, so an account could walk a complaint's query
 * code (a masked phone's four hidden digits: 10⁴ tries) through the status lookup without a 429. A signed-in caller is
 * counted per user (the allowance of an address, 120 a minute), whichever address it comes from, and per address
 * among signed-in requests.
 */
@IntegrationTest
class PublicRateLimitSignedInIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aSignedInCallerWalkingTheStatusLookupIsLimitedPerUserFromAnyAddress() throws Exception {
		// a user of its own, so no other test's public requests share its count
		String token = EnterpriseTokens.bearer(
				"91320506MA1ND7K3Q" + CreditCode.checkCharacter("91320506MA1ND7K3Q"), users, directory, tokens, tx);
		// many addresses, each under the failed look-ups an address may make an hour
		// (complaint.lookup-failures-per-address), and numbers that name no complaint, so no complaint's own limit
		// (complaint.lookup-failures, 10) applies: what stops the walk is the user's allowance
		String[] addresses = java.util.stream.Stream.generate(PublicRateLimitSignedInIntegrationTest::address).limit(20)
			.toArray(String[]::new);
		int status = 0;
		int tries = 0;
		while (tries < 200 && status != 429) {
			String address = addresses[tries % addresses.length];
			String code = "%04d".formatted(tries);
			status = mvc.perform(get("/api/v1/public/complaints/{number}", "申诉-320506-2099-%06d".formatted(tries))
				.param("queryCode", "139" + code + "5678")
				.header("Authorization", token)
				.with(r -> {
					r.setRemoteAddr(address);
					return r;
				})).andReturn().getResponse().getStatus();
			tries++;
		}
		assertThat(status).as("refused once the user's allowance is spent, though each address made a twentieth of the tries")
			.isEqualTo(429);
		assertThat(tries).isEqualTo(121);
	}

	@Autowired
	RateLimitWindows windows;

	/**
	 * Signed-in callers behind one address share that address's allowance among signed-in requests (here 3, so the test
	 * needs no 600 requests): several accounts do not multiply it.
	 */
	@Test
	void signedInCallersBehindOneAddressShareItsAllowance() throws Exception {
		var filter = new PublicRateLimitFilter(120, 3, windows);
		String address = address();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<Integer> statuses = new ArrayList<>();
		try {
			for (int user = 0; user < 5; user++) {
				SecurityContextHolder.getContext()
					.setAuthentication(new UsernamePasswordAuthenticationToken("rate-" + tag + "-" + user, null, List.of()));
				var request = new MockHttpServletRequest("GET", "/api/v1/public/penalties");
				request.setRemoteAddr(address);
				var response = new MockHttpServletResponse();
				filter.doFilter(request, response, new MockFilterChain());
				statuses.add(response.getStatus());
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
	}

	private static String address() {
		return "10.94." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(1, 250);
	}
}
