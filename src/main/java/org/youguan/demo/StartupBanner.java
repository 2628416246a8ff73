package org.youguan.demo;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.youguan.platform.DemoMode;

/**
 * Prints where YouGuan answers and, on a demo installation, the demo accounts.
 */
@Component
class StartupBanner {

	private final Environment environment;

	private final DemoMode demo;

	StartupBanner(Environment environment, DemoMode demo) {
		this.environment = environment;
		this.demo = demo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void print() {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		StringBuilder sb = new StringBuilder("\n========================================================\n");
		sb.append(" 邮管通 YouGuan 已启动: http://localhost:").append(port).append("/\n");
		if (demo.enabled()) {
			sb.append(" 演示数据（苏州市）。演示账号，密码均为 ").append(DemoAccounts.PASSWORD).append(":\n");
			DemoAccounts.STAFF.forEach(a -> sb.append(String.format("   %-13s %s%s%n", a.username(), a.displayName(),
					a.token() == null ? "" : "  API令牌: " + a.token())));
			for (var e : List.of(DemoAccounts.ENTERPRISE, DemoAccounts.POSTAL)) {
				sb.append(String.format("   %-13s %s  API令牌: %s%n", e.username(), e.displayName(), e.token()));
			}
		}
		sb.append("========================================================");
		System.out.println(sb);
	}
}
