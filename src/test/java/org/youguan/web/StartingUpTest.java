package org.youguan.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack 3: right after the sign-in page answered, a valid demo token was answered 401 «API令牌无效、已过期或已吊销»
 * until the demo data had loaded. While the application is not ready, requests answer 503 服务正在启动 with
 * Retry-After; once ready they pass; health probes and static files pass always.
 */
class StartingUpTest {

	private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

	private final StartingUp filter = new StartingUp(provider(availability));

	@Test
	void anApiCallBeforeTheApplicationIsReadyIsToldItIsStartingNotThatItsTokenIsRevoked() throws Exception {
		MockHttpServletResponse response = call("/api/v1/safety/hazards/4");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo(StartingUp.RETRY_AFTER);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("服务正在启动").contains("\"rule\":\"starting\"");
		assertThat(call("/workplans").getContentAsString()).isEqualTo("服务正在启动，请稍后再试");
		assertThat(call("/actuator/health").getStatus()).as("the probe reports the state itself").isEqualTo(200);
		assertThat(call("/webjars/htmx.org/dist/htmx.min.js").getStatus()).isEqualTo(200);
	}

	@Test
	void onceReadyEveryRequestPassesAndWhileStoppingItIsToldSo() throws Exception {
		ready(ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(call("/api/v1/safety/hazards/4").getStatus()).isEqualTo(200);
		ready(ReadinessState.REFUSING_TRAFFIC);
		MockHttpServletResponse stopping = call("/api/v1/safety/hazards/4");
		assertThat(stopping.getStatus()).isEqualTo(503);
		assertThat(stopping.getContentAsString()).contains("服务正在停止");
	}

	private void ready(ReadinessState state) {
		availability.onApplicationEvent(new AvailabilityChangeEvent<>(new StaticApplicationContext(), state));
	}

	private MockHttpServletResponse call(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.addHeader("Authorization", "Bearer demo-sf-wz-token");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

	private static org.springframework.beans.factory.ObjectProvider<org.springframework.boot.availability.ApplicationAvailability> provider(
			ApplicationAvailabilityBean bean) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("availability", bean);
		return beans.getBeanProvider(org.springframework.boot.availability.ApplicationAvailability.class);
	}
}
