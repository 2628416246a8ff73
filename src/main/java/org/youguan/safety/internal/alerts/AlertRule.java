package org.youguan.safety.internal.alerts;

import org.youguan.rules.Provision;

/**
 * The anomaly rules of the parcel records (issue 17), each with its own page. The thresholds are settings
 * ({@link AlertSettings}); the legal basis of the duty each rule watches is named here and on the rule's page.
 */
public enum AlertRule {

	/** (a) One sender pseudonym shipping through many enterprises on one day (records, DuckDB). */
	PSEUDONYM_ENTERPRISES("pseudonym-enterprises", "同一寄件人一日内经多家企业寄件",
			"同一寄件人证件（假名）一日内通过多家快递企业寄件，可能为拆分寄递以规避安全检查或冒用他人身份。依据：" + Provision.EXPRESS_REAL_NAME + "（实名收寄）。"),
	/** (b) One sender pseudonym with more than N parcels on one day at one enterprise (records, DuckDB). */
	PSEUDONYM_VOLUME("pseudonym-volume", "同一寄件人一日内在一家企业寄件量过大",
			"同一寄件人证件（假名）一日内在一家企业寄件超过阈值，可能为代寄、冒用或未按协议客户管理的批量寄件。依据：" + Provision.EXPRESS_REAL_NAME + "；邮件快件实名收寄管理办法。"),
	/** (c) Couriers accepting parcels sent under their own ID (records joined with the roster, DuckDB). */
	COURIER_SELF("courier-self", "快递员收寄本人寄件",
			"寄件人证件与收寄快递员本人证件相同（按快递员名册的假名比对），可能为快递员以本人身份代填寄件人信息、虚假实名。依据：" + Provision.EXPRESS_REAL_NAME + "。"),
	/** (d) Outlets whose daily real-name rate is below the threshold (rollups). */
	OUTLET_REAL_NAME("outlet-real-name", "网点日实名率低于阈值",
			"末端网点一日实名率（实名件数 ÷（收寄件数 − 信件、协议客户件数））低于阈值，且应实名件数不少于最小件数；未注明网点的收寄记录按企业合并为一组（未注明网点），以同一阈值判定。依据：" + Provision.cite(Provision.EXPRESS_REAL_NAME, Provision.EXPRESS_WAYBILL_DATA) + "。"),
	/** (e) Registered screening machines in service with no parcels on a working day (rollups). */
	MACHINE_IDLE("machine-idle", "安检机工作日无过机记录",
			"登记在用的安检机在工作日没有任何过机记录（开机率；任何企业的收寄记录注明该安检机过机均计入），且当日其所属企业或安检机所在县（区）已有收寄记录上传。依据：" + Provision.EXPRESS_SCREENING + "（过机安检）。"),
	/**
	 * (f) Outlets (and each enterprise's parcels naming no outlet) whose exempt share on a day — 协议客户 and 信件, both
	 * the enterprise's own declaration — exceeds the rule catalogue's threshold (rollups).
	 */
	EXEMPT_SHARE("exempt-share", "豁免实名收寄件日占比过高",
			"网点（未注明网点的按企业合并）一日收寄件中豁免实名收寄的件数（实名查验方式为协议客户、物品类别为信件，均为企业自报）占比超过阈值，且收寄件数不少于最小件数：可能以虚报协议客户或信件规避实名收寄。阈值为规则目录的“豁免实名收寄件日占比预警阈值”和“豁免实名收寄件占比预警的最小日收寄件数”（各局可设）。依据：" + Provision.EXPRESS_REAL_NAME + "；邮件快件实名收寄管理办法。");

	private final String slug;

	private final String label;

	private final String description;

	AlertRule(String slug, String label, String description) {
		this.slug = slug;
		this.label = label;
		this.description = description;
	}

	/** The rule's part of its page's path ({@code /safety/alerts/rules/{slug}}). */
	public String slug() {
		return slug;
	}

	/** The rule's name in Chinese. */
	public String label() {
		return label;
	}

	/** What the rule finds and the duty it watches, with its legal basis. */
	public String description() {
		return description;
	}

	/** The rule of a page path, or null. */
	public static AlertRule ofSlug(String slug) {
		for (AlertRule r : values()) {
			if (r.slug.equals(slug)) {
				return r;
			}
		}
		return null;
	}
}
