package org.youguan.security;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Text;
import org.youguan.org.BureauData;
import org.youguan.org.BureauLevel;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.platform.DemoMode;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;

/**
 * No default credentials: a production start with no user creates the first administrator ({@code admin}) from
 * {@code YOUGUAN_ADMIN_PASSWORD}, in a bureau for {@code YOUGUAN_ADMIN_REGION} (default {@code 0}, 国家邮政局), or
 * refuses to start. Demo installations get their accounts from the demo data instead.
 */
@Component
@Order(20)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserDirectory directory;

	private final Users users;

	private final Bureaus bureaus;

	private final Regions regions;

	private final DemoMode demo;

	private final TransactionTemplate tx;

	private final String password;

	private final String region;

	FirstAdministrator(UserDirectory directory, Users users, Bureaus bureaus, Regions regions, DemoMode demo,
			TransactionTemplate tx, @Value("${youguan.admin.password:}") String password,
			@Value("${youguan.admin.region:0}") String region) {
		this.directory = directory;
		this.users = users;
		this.bureaus = bureaus;
		this.regions = regions;
		this.demo = demo;
		this.tx = tx;
		this.password = password;
		this.region = region;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (demo.enabled() || directory.anyUserExists()) {
			return;
		}
		if (password == null || Text.isBlank(password)) {
			throw new IllegalStateException("数据库中没有任何用户：请设置环境变量 YOUGUAN_ADMIN_PASSWORD 作为首个系统管理员 admin 的密码后再启动"
					+ "（No user exists: set YOUGUAN_ADMIN_PASSWORD for the first administrator 'admin'）");
		}
		tx.executeWithoutResult(s -> {
			RegionCode code = regions.require("youguan.admin.region", region);
			long bureauId = bureaus.findByRegion(code.value()).map(b -> b.id()).orElseGet(() -> bureaus
				.create(DataScope.all(), new BureauData(bureauName(code), null, level(code), code.value(),
						code.isCountry() ? null : null, null, null)));
			users.provision(new UserData("admin", "系统管理员", UserKind.STAFF, bureauId, null, null, null,
					EnumSet.of(Role.SYSTEM_ADMIN)), password, true, false);
		});
		log.info("Created the first administrator 'admin' (password from YOUGUAN_ADMIN_PASSWORD; change it at first sign-in)");
	}

	private String bureauName(RegionCode code) {
		return code.isCountry() ? "国家邮政局" : regions.name(code.value()) + "邮政管理局";
	}

	private static BureauLevel level(RegionCode code) {
		return switch (code.level()) {
			case COUNTRY -> BureauLevel.NATIONAL;
			case PROVINCE -> BureauLevel.PROVINCE;
			case CITY -> BureauLevel.CITY;
			default -> BureauLevel.COUNTY;
		};
	}
}
