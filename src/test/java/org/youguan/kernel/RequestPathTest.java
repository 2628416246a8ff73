package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPathTest {

	@Test
	void thePathIsReadAsItIsRoutedNotAsItIsSent() {
		assertThat(RequestPath.routed("", "/%61pi/v1/x")).isEqualTo("/api/v1/x");
		assertThat(RequestPath.routed("", "//api//v1/./x")).isEqualTo("/api/v1/x");
		assertThat(RequestPath.routed("", "/api;jsessionid=1/v1")).isEqualTo("/api/v1");
		assertThat(RequestPath.routed("", "/x/../api/v1")).isEqualTo("/api/v1");
		assertThat(RequestPath.routed("/yg", "/yg/public/lookup")).isEqualTo("/public/lookup");
		assertThat(RequestPath.routed("/yg", "/other/public")).isNull();
		assertThat(RequestPath.routed("", null)).isNull();
	}

	@Test
	void anApiPathIsApiOrBelowItInAnyCaseAsRouted() {
		assertThat(RequestPath.api("", "/api")).isTrue();
		assertThat(RequestPath.api("", "/api/v1/me")).isTrue();
		assertThat(RequestPath.api("", "/API/v1/me")).isTrue();
		assertThat(RequestPath.api("", "/%61pi/v1/me")).isTrue();
		assertThat(RequestPath.api("", "//api/v1/me")).isTrue();
		assertThat(RequestPath.api("", "/api;x=1/v1")).isTrue();
		assertThat(RequestPath.api("", "/x/../api/v1")).isTrue();
		assertThat(RequestPath.api("/yg", "/yg/api/v1")).isTrue();

		assertThat(RequestPath.api("", "/apis/v1")).isFalse();
		assertThat(RequestPath.api("", "/public/api")).isFalse();
		assertThat(RequestPath.api("/yg", "/api/v1")).isFalse();
		assertThat(RequestPath.api("", null)).isFalse();
	}
}
