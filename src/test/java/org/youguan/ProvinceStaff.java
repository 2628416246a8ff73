package org.youguan;

import java.util.EnumSet;
import java.util.UUID;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserKind;
import org.youguan.org.Users;

/**
 * A staff user (处室工作人员) of 江苏省邮政管理局 — the issuing authority of 同城 and 省内 licences (邮政法(2015) art.53),
 * which the demo's accounts lack (js.leader only reads) — provisioned for the test and signed in.
 */
public final class ProvinceStaff {

	private static final String PASSWORD = "Sheng#Ju-7Qx2Lm";

	private ProvinceStaff() {
	}

	/** The session of a new staff user of the provincial bureau. */
	public static MockHttpSession session(MockMvc mvc, Users users, Bureaus bureaus) throws Exception {
		String name = "js.staff." + UUID.randomUUID().toString().substring(0, 6);
		users.provision(new UserData(name, "省局许可处", UserKind.STAFF, bureaus.findByRegion("32").orElseThrow().id(), null,
				null, null, EnumSet.of(Role.STAFF)), PASSWORD, false, false);
		return SignIn.session(mvc, name, PASSWORD);
	}
}
