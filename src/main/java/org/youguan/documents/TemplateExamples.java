package org.youguan.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.youguan.numbering.OfficialNumbers;

/**
 * The parties every import template's example row names ({@link SheetRows#template}), in one place: data the demo
 * directory holds, so a row a person copies from the example and edits is judged by what it records, never refused for
 * naming an enterprise, street or inspector that does not exist; the example row itself, left in a sheet unchanged, is
 * refused as such ({@link SheetImport.RowContext#refuseExample}: 这是导入模板中的示例行). The demo seeds these (module
 * {@code demo}: the enterprise of the demo account sf.wz, 吴中's roster), and a test holds the demo to them.
 * <p>
 * The template a user downloads names the user's own place ({@link Own#row}): the county, street, the county's full
 * name in an address and the 机关代字 of a 文号 become the user's (相城区's staff read 320507 and 苏相邮管责改〔2025〕3号),
 * so a row copied from the example and edited is never refused as outside the user's area; the parties of the demo
 * directory (enterprise, inspectors, village, post office) stay as they are. Any user's variant of the example, left in
 * unchanged, is refused as the example ({@link #isExample}).
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

	/** The full name of {@link #COUNTY}, as an example address begins: 江苏省苏州市吴中区. */
	public static final String COUNTY_NAME = "江苏省苏州市吴中区";

	/** The 机关代字 of {@link #COUNTY}'s bureau ({@code org.DocumentAgency}): 苏吴邮管. */
	public static final String AGENCY = "苏吴邮管";

	/**
	 * An example 文号 of {@link #AGENCY} in the official form ({@link OfficialNumbers#format}, GB/T 9704-2012 7.2.4):
	 * ("责令改正", 2025) → 苏吴邮管责改〔2025〕3号 — the year the example row's decision day's.
	 * @param type the series type ({@link OfficialNumbers#word})
	 */
	public static String documentNumber(String type, int year) {
		return OfficialNumbers.format(AGENCY, type, year, 3);
	}

	/**
	 * The user's own place an example row names instead of {@link #COUNTY}'s.
	 * @param county a county (6 digits) in the user's area — {@link #COUNTY} where the area holds it
	 * @param countyName the county's full name (江苏省苏州市相城区), as an address begins
	 * @param street a street (9 digits) of {@code county}, or the county itself where the directory holds none
	 * @param agency the 机关代字 of the user's bureau (苏相邮管), for the example's 文号
	 */
	public record Own(String county, String countyName, String street, String agency) {

		/** The installation-wide example: 吴中's own (a national or enterprise user's template). */
		public static final Own FIXED = new Own(COUNTY, COUNTY_NAME, STREET, AGENCY);

		/**
		 * The example row of a template with the user's place: a cell {@link #COUNTY} or {@link #STREET} becomes
		 * {@code county} or {@code street}, {@link #COUNTY_NAME} in an address {@code countyName}, a 文号 of
		 * {@link #AGENCY} the same number of {@code agency}; every other cell as it is.
		 */
		public List<String> row(List<String> example) {
			List<String> row = new ArrayList<>(example.size());
			for (String cell : example) {
				row.add(cell(cell));
			}
			return List.copyOf(row);
		}

		private String cell(String cell) {
			if (cell.equals(COUNTY)) {
				return county;
			}
			if (cell.equals(STREET)) {
				return street;
			}
			if (cell.startsWith(AGENCY) && cell.contains("〔")) {
				return agency + cell.substring(AGENCY.length());
			}
			return cell.replace(COUNTY_NAME, countyName);
		}
	}

	/**
	 * Whether a cell holds an example value of some user's template ({@link Own#row}): the value itself, or it with
	 * another county's or street's code, full name or bureau's 机关代字 in its place — so the example row left in any
	 * user's sheet unchanged is refused as the example ({@link SheetImport.RowContext#refuseExample}).
	 * @param expected the installation-wide example's value
	 * @param actual the cell's text
	 */
	public static boolean isExample(String expected, String actual) {
		if (expected.equals(actual)) {
			return true;
		}
		if (expected.equals(COUNTY)) {
			return actual.matches("\\d{6}");
		}
		if (expected.equals(STREET)) {
			return actual.matches("\\d{6}|\\d{9}");
		}
		if (expected.startsWith(AGENCY) && expected.contains("〔")) {
			return actual.matches("\\p{IsHan}*邮管" + Pattern.quote(expected.substring(AGENCY.length())));
		}
		if (expected.contains(COUNTY_NAME)) {
			String[] around = expected.split(Pattern.quote(COUNTY_NAME), -1);
			StringBuilder pattern = new StringBuilder(Pattern.quote(around[0]));
			for (int i = 1; i < around.length; i++) {
				pattern.append("\\p{IsHan}+").append(Pattern.quote(around[i]));
			}
			return actual.matches(pattern.toString());
		}
		return false;
	}

	private TemplateExamples() {
	}

}
