package org.youguan.rules;

/**
 * A text the rule catalogue cites, in the version the product applies: the name and the year of the version in force
 * (enactment or latest revision). A revision of a text is one edit here plus its article numbers in
 * {@link StatutoryRule}; for 快递暂行条例 the 2025 revision (国务院 decision of 2025-04-13) renumbered articles 3–35 up
 * by one and the penalties to 50–58 (DOMAIN.md, "快递暂行条例: 2019 → 2025 article numbers").
 *
 * <p>A few bases are no legal text: local or national practice and the statistics reporting system whose version the
 * product does not know. They have no version ({@link #isText()} is false) and the rules resting on them are marked
 * unconfirmed, to be set by each bureau.
 */
public enum LegalText {

	/** 中华人民共和国邮政法, as amended 2015. */
	POSTAL_LAW("邮政法", "2015"),

	/** 快递暂行条例 (国务院令697 of 2018), as revised by the State Council's decision of 2025-04-13. */
	EXPRESS_REGULATION("快递暂行条例", "2025"),

	/** 快递市场管理办法 (交通运输部令2023年第22号, in force 2024-03-01). */
	EXPRESS_MARKET_MEASURES("快递市场管理办法", "2023"),

	/** 中华人民共和国行政处罚法, as revised 2021. */
	ADMINISTRATIVE_PENALTY_LAW("行政处罚法", "2021"),

	/** 中华人民共和国行政复议法, as revised 2023 (in force 2024-01-01). */
	ADMINISTRATIVE_REVIEW_LAW("行政复议法", "2023"),

	/** 中华人民共和国行政诉讼法, as amended 2017. */
	ADMINISTRATIVE_LITIGATION_LAW("行政诉讼法", "2017"),

	/** 中华人民共和国反恐怖主义法, as amended 2018 (art.85: 验视, 实名, 安检 failures of 寄递 enterprises). */
	COUNTER_TERRORISM_LAW("反恐怖主义法", "2018"),

	/** 中华人民共和国行政许可法, as amended 2019. */
	ADMINISTRATIVE_LICENSING_LAW("行政许可法", "2019"),

	/** 邮政行政执法监督办法 (交通运输部令2020年第5号, amended 2021年第8号). */
	POSTAL_ENFORCEMENT_SUPERVISION("邮政行政执法监督办法", "2021"),

	/** 快递业务经营许可管理办法, in the version amended 2019. */
	EXPRESS_LICENSING_MEASURES("快递业务经营许可管理办法", "2019"),

	/** 快递末端网点备案暂行规定 (国家邮政局, 2018). */
	OUTLET_FILING_PROVISIONS("快递末端网点备案暂行规定", "2018"),

	/** 快递业信用管理暂行办法 (国邮发〔2017〕105号). */
	EXPRESS_CREDIT_MEASURES("快递业信用管理暂行办法", "2017"),

	/** 邮件快件实名收寄管理办法 (交通运输部令2018年第26号). */
	REAL_NAME_MEASURES("邮件快件实名收寄管理办法", "2018"),

	/** 邮政业用户申诉处理办法 (2014). */
	COMPLAINT_MEASURES("邮政业用户申诉处理办法", "2014"),

	/**
	 * 邮政普遍服务 (YZ/T 0129-2016, the postal industry standard of the universal service): opening days of the
	 * universal-service post offices (city ≥ 6 days a week, township ≥ 5 days a week; DOMAIN.md "Universal service").
	 */
	UNIVERSAL_SERVICE_STANDARD("邮政普遍服务标准（YZ/T 0129）", "2016"),

	/** 全国年节及纪念日放假办法, as revised 2024 (国务院令795, in force 2025-01-01). */
	HOLIDAY_MEASURES("全国年节及纪念日放假办法", "2024"),

	/** 双公示: licensing and penalty decisions published; a national practice not found in a postal text. */
	DISCLOSURE_PRACTICE("双公示制度（全国通行做法）", null),

	/** A bureau's local practice; the figure is not confirmed. */
	LOCAL_PRACTICE("地方实践（未确认）", null),

	/**
	 * A bound the product sets where the law sets none, so that a step cannot leave a case waiting without end (e.g.
	 * how far ahead a hearing may be scheduled): no legal text, configurable by each bureau.
	 */
	PRODUCT_RULE("产品规则（非法律规定，可配置）", null),

	/** 邮政行业统计报表制度: the reporting deadline is not confirmed and configurable. */
	STATISTICS_REPORTING_SYSTEM("邮政行业统计报表制度（未确认，可配置）", null);

	private final String title;

	private final String version;

	LegalText(String title, String version) {
		this.title = title;
		this.version = version;
	}

	/** The short title, e.g. 快递暂行条例. */
	public String title() {
		return title;
	}

	/** The year of the version applied, e.g. "2025"; null for a practice that is no text. */
	public String version() {
		return version;
	}

	/** Whether this is a legal text with a version (not a practice). */
	public boolean isText() {
		return version != null;
	}

	/** The title with its version, e.g. {@code 快递暂行条例(2025)}; a practice is its title alone. */
	public String citeAs() {
		return version == null ? title : title + "(" + version + ")";
	}
}
