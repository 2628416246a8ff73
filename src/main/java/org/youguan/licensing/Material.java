package org.youguan.licensing;

import java.util.Locale;

/**
 * The materials an application carries as typed attachments (快递业务经营许可管理办法; 邮政法(2015) art.52): each
 * required one missing is an item of the 补正通知. The branch list is required only when branches are named.
 */
public enum Material {

	BUSINESS_LICENCE("营业执照"), CAPITAL("注册资本证明"), PREMISES("场地使用证明"), SAFETY("安全保障制度和措施"),
	SERVICE("服务质量管理制度和业务操作规范"), PERSONNEL("从业人员情况说明"), BRANCH_LIST("分支机构名录");

	private final String label;

	Material(String label) {
		this.label = label;
	}

	/** The material in Chinese. */
	public String label() {
		return label;
	}

	/** The attachment kind under which it is stored. */
	public String kind() {
		return "material-" + name().toLowerCase(Locale.ROOT);
	}
}
