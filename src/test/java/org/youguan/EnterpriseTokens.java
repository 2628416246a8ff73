package org.youguan;

import java.util.EnumSet;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.security.ApiTokens;

/** A new user of an enterprise with an API token: for tests of what another enterprise may not see or do. */
public final class EnterpriseTokens {

	private EnterpriseTokens() {
	}

	/** The {@code Authorization} header value of a new user of the enterprise with the credit code. */
	public static String bearer(String creditCode, Users users, UserDirectory directory, ApiTokens tokens,
			TransactionTemplate tx) {
		String name = "ent." + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> users.provision(new UserData(name, "他企业", UserKind.ENTERPRISE, null, null, creditCode, null,
				EnumSet.of(Role.ENTERPRISE)), "Hs9#mF4!kRz6", false, false));
		var principal = directory.principal(name).orElseThrow();
		return "Bearer " + tx.execute(s -> tokens.create(principal, "对接测试", null)).token();
	}
}
