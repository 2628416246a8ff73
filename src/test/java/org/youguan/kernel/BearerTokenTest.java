package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request sends an API token when its {@code Authorization} header names the Bearer scheme, in any case — the one
 * test the security filter, the refusals and the account form share.
 */
class BearerTokenTest {

	@Test
	void theBearerSchemeIsNamedInAnyCase() {
		assertThat(BearerToken.sent("Bearer abc")).isTrue();
		assertThat(BearerToken.sent("bearer abc")).isTrue();
		assertThat(BearerToken.sent("BEARER ")).isTrue();
		assertThat(BearerToken.sent("Bearer")).isFalse();
		assertThat(BearerToken.sent("Bearerabc")).isFalse();
		assertThat(BearerToken.sent("Basic dXNlcjpwdw==")).isFalse();
		assertThat(BearerToken.sent(" Bearer abc")).isFalse();
		assertThat(BearerToken.sent((String) null)).isFalse();
	}

	@Test
	void aRequestSendsItsTokenInTheAuthorizationHeader() {
		MockHttpServletRequest none = new MockHttpServletRequest();
		assertThat(BearerToken.sent(none)).isFalse();
		assertThat(BearerToken.token(none)).isNull();
		MockHttpServletRequest token = new MockHttpServletRequest();
		token.addHeader("Authorization", "bearer  yg_123 ");
		assertThat(BearerToken.sent(token)).isTrue();
		assertThat(BearerToken.token(token)).isEqualTo("yg_123");
		MockHttpServletRequest bare = new MockHttpServletRequest();
		bare.addHeader("Authorization", "Bearer ");
		assertThat(BearerToken.token(bare)).isEmpty();
		MockHttpServletRequest basic = new MockHttpServletRequest();
		basic.addHeader("Authorization", "Basic dXNlcjpwdw==");
		assertThat(BearerToken.sent(basic)).isFalse();
		assertThat(BearerToken.token(basic)).isNull();
	}
}
