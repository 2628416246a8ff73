package org.youguan.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.youguan.org.Role;

/**
 * The demo accounts, documented in the README. Every one signs in with {@link #PASSWORD}.
 */
public final class DemoAccounts {

	public static final String PASSWORD = "Demo@2026";

	/** A demo account: bureau region (or enterprise region), department, roles and its documented API token. */
	public record Account(String username, String displayName, String bureauRegion, String department, Set<Role> roles,
			String token) {
	}

	/** The first 17 characters of the credit code of 苏州吴中顺丰快递服务有限公司, to which sf.wz belongs. */
	public static final String DEMO_ENTERPRISE_CREDIT_CODE_BASE = "91320506MA1ND7K3Q";

	static final List<Account> STAFF = List.of(
			new Account("sys.admin", "系统管理员", "32", "办公室", EnumSet.of(Role.SYSTEM_ADMIN), "demo-sys-admin-token"),
			new Account("js.leader", "江苏省局领导", "32", "办公室", EnumSet.of(Role.BUREAU_LEADER), null),
			// the provincial bureau's case handler: 快递业务经营许可 is the province's work, and case work needs the
			// 处室工作人员 role (a 系统管理员 manages accounts, it takes no administrative decision)
			new Account("js.market", "许监管", "32", "市场监管处", EnumSet.of(Role.STAFF), "demo-js-market-token"),
			new Account("sz.admin", "周管理", "3205", "办公室", EnumSet.of(Role.BUREAU_ADMIN, Role.STAFF),
					"demo-sz-admin-token"),
			new Account("sz.leader", "孙局长", "3205", "办公室", EnumSet.of(Role.BUREAU_LEADER), "demo-sz-leader-token"),
			new Account("sz.office", "吴文书", "3205", "办公室", EnumSet.of(Role.STAFF), null),
			new Account("sz.market", "郑监管", "3205", "市场监管处", EnumSet.of(Role.STAFF), "demo-sz-market-token"),
			new Account("sz.universal", "王普服", "3205", "普遍服务处", EnumSet.of(Role.STAFF), null),
			new Account("sz.safety", "冯安全", "3205", "市邮政业安全发展中心", EnumSet.of(Role.STAFF), null),
			new Account("wz.leader", "蒋局长", "320506", "综合科", EnumSet.of(Role.BUREAU_LEADER),
					"demo-wz-leader-token"),
			new Account("wz.staff", "陈吴中", "320506", "监管科", EnumSet.of(Role.STAFF), "demo-wz-staff-token"),
			// a second case handler of the Wuzhong bureau: its cases' teams need one of its own staff with an account
			// (CaseTeam#requireHandlingMember), and a team without 陈吴中 still has one
			new Account("wz.law", "沈执法", "320506", "监管科", EnumSet.of(Role.STAFF), null),
			// the Wuzhong bureau's 法制审核 (行政处罚法(2021) art.58): its own staff who investigate none of its cases — a case
			// is reviewed in the bureau handling it, not by a superior's staff (CaseInvestigation#review)
			new Account("wz.review", "韩法审", "320506", "综合科", EnumSet.of(Role.STAFF), "demo-wz-review-token"),
			new Account("xc.staff", "褚相城", "320507", "监管科", EnumSet.of(Role.STAFF), "demo-xc-staff-token"),
			// the case handlers of 姑苏 and 吴江, whose bureaus handle demo cases: each case team holds one of the
			// handling bureau's own staff (CaseTeam#requireHandlingMember)
			new Account("gs.staff", "顾姑苏", "320508", "监管科", EnumSet.of(Role.STAFF), null),
			new Account("wj.staff", "钱吴江", "320509", "监管科", EnumSet.of(Role.STAFF), null),
			// the Wujiang bureau's 法制审核 (行政处罚法(2021) art.58), as wz.review is Wuzhong's: its demo case is reviewed in
			// the bureau handling it, by its own staff who investigate none of its cases
			new Account("wj.review", "陆法审", "320509", "综合科", EnumSet.of(Role.STAFF), null),
			// the heads of the other counties the demo's cases and leads are handled in (its 相城, 姑苏, 吴江 and 昆山
			// enterprises: cases, and leads referred from complaints and inspections)
			new Account("xc.leader", "何局长", "320507", "综合科", EnumSet.of(Role.BUREAU_LEADER), "demo-xc-leader-token"),
			new Account("gs.leader", "顾局长", "320508", "综合科", EnumSet.of(Role.BUREAU_LEADER), "demo-gs-leader-token"),
			new Account("wj.leader", "钱局长", "320509", "综合科", EnumSet.of(Role.BUREAU_LEADER), "demo-wj-leader-token"),
			new Account("ks.leader", "施局长", "320583", "综合科", EnumSet.of(Role.BUREAU_LEADER), "demo-ks-leader-token"),
			new Account("ks.admin", "卫昆山", "320583", "综合科", EnumSet.of(Role.BUREAU_ADMIN, Role.STAFF), null));

	/**
	 * The 法制审核 accounts of the bureaus whose demo cases are reviewed (行政处罚法(2021) art.58): each bureau's own staff,
	 * on none of its demo teams — the city's 郑监管 (its teams are 林执法 and 冯安全), 吴中's 韩法审, 吴江's 陆法审.
	 */
	static final Set<String> REVIEWERS = Set.of("sz.market", "wz.review", "wj.review");

	static final Account ENTERPRISE = new Account("sf.wz", "顺丰吴中营业部", "320506", null, EnumSet.of(Role.ENTERPRISE),
			"demo-sf-wz-token");

	/** The account of 中国邮政集团有限公司苏州市分公司, which keeps the demo city's 建制村 通邮 profiles. */
	static final Account POSTAL = new Account("yz.sz", "苏州邮政普服专员", "320508", null, EnumSet.of(Role.ENTERPRISE),
			"demo-yz-sz-token");

	private DemoAccounts() {
	}
}
