package org.youguan.documents;

/**
 * The parties every import template's example row names ({@link SheetRows#template}), in one place: data the demo
 * directory holds, so a row a person copies from the example and edits is judged by what it records, never refused for
 * naming an enterprise, street or inspector that does not exist; the example row itself, left in a sheet unchanged, is
 * refused as such ({@link SheetImport.RowContext#refuseExample}: 这是导入模板中的示例行). The demo seeds these (module
 * {@code demo}: the enterprise of the demo account sf.wz, 吴中's roster), and a test holds the demo to them.
 */
public final class TemplateExamples {

	/** The county of the examples: 苏州市吴中区. */
	public static final String COUNTY = "320506";

	/** A street of {@link #COUNTY} in the region directory: 长桥街道. */
	public static final String STREET = "320506001";

	/** A 建制村 of {@link #COUNTY} in the region directory, with its 通邮 profile in the demo: 越溪街道旺山村委会. */
	public static final String VILLAGE = "320506003201";

	/** The unified social credit code of the demo's 苏州吴中顺丰快递服务有限公司 (of {@link #COUNTY}). */
	public static final String ENTERPRISE_CREDIT_CODE = "91320506MA1ND7K3Q3";

	/** The name the directory holds for {@link #ENTERPRISE_CREDIT_CODE}. */
	public static final String ENTERPRISE_NAME = "苏州吴中顺丰快递服务有限公司";

	/** The brand of {@link #ENTERPRISE_CREDIT_CODE}, a brand of the directory (its short name). */
	public static final String BRAND = "顺丰";

	/** An inspector of {@link #COUNTY}'s roster (陈吴中, account wz.staff) and the number of the certificate held. */
	public static final String INSPECTOR = "陈吴中";

	/** The certificate number of {@link #INSPECTOR}. */
	public static final String INSPECTOR_CERTIFICATE = "32050601";

	/** A second inspector of {@link #COUNTY}'s roster (沈执法, account wz.law), a team being two. */
	public static final String SECOND_INSPECTOR = "沈执法";

	/** The certificate number of {@link #SECOND_INSPECTOR}. */
	public static final String SECOND_INSPECTOR_CERTIFICATE = "32050602";

	/**
	 * A 邮政普遍服务营业场所 of {@link #STREET} the demo registers, by the name its lists show (the demo's post office of
	 * 吴中, named as the demo names a county's: county, street, 邮政支局).
	 */
	public static final String POST_OFFICE = "吴中长桥街道邮政支局";

	private TemplateExamples() {
	}

}
