package org.youguan;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserKind;
import org.youguan.org.Users;

/**
 * A staff account of the bureau of a region with the roles a test needs (a county's 系统管理员, a city's 机构管理员 …),
 * which the demo's accounts lack, provisioned for the test and signed in.
 */
public final class BureauAccounts {

	private static final String PASSWORD = "Kx9#mQ2vLp7w";

	private BureauAccounts() {
	}

	/**
	 * The session of a new account of the bureau of {@code region} holding {@code roles} and 处室工作人员.
	 * @param region the bureau's region code ("320583", "3205", "32")
	 */
	public static MockHttpSession session(MockMvc mvc, Users users, Bureaus bureaus, String region, Role... roles)
			throws Exception {
		String name = "ba." + UUID.randomUUID().toString().substring(0, 8);
		EnumSet<Role> granted = EnumSet.of(Role.STAFF);
		granted.addAll(List.of(roles));
		users.provision(new UserData(name, "测试", UserKind.STAFF, bureaus.findByRegion(region).orElseThrow().id(), null, null,
				null, granted), PASSWORD, false, false);
		return SignIn.session(mvc, name, PASSWORD);
	}
}
