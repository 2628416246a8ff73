package org.youguan.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * and its parties become the user's too ({@link Parties}): an enterprise the directory holds in the user's area (credit
 * code and name), two certified inspectors of the user's roster (name and 执法证号), and the county's short name in a
 * short address (吴中区示例路2号 → 相城区示例路2号) — so a row copied from the example and edited is never refused as
 * outside the user's area. Where the user's area holds no enterprise, or fewer than two inspectors with a valid
 * certificate, those parties stay 吴中's and the user must put their own in the row. The 建制村 and the 邮政普遍服务营业场所
 * of the village and post-office templates stay 吴中's. Any user's variant of the example, left in unchanged, is refused
 * as the example ({@link #isExample}).
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

	/** The short name of {@link #COUNTY}, as a short address begins: 吴中区示例路2号. */
	public static final String COUNTY_SHORT_NAME = "吴中区";

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
	 * The parties of a user's example row instead of {@link #COUNTY}'s: an enterprise of the user's area and two
	 * certified inspectors of the user's roster.
	 * @param creditCode the enterprise's 统一社会信用代码 (18 characters)
	 * @param enterpriseName its registered name
	 * @param inspector the first inspector's name, {@code certificate} the 执法证号 held
	 * @param secondInspector the second inspector's name, {@code secondCertificate} the 执法证号 held
	 */
	public record Parties(String creditCode, String enterpriseName, String inspector, String certificate,
			String secondInspector, String secondCertificate) {

		/** 吴中's: the demo's enterprise and inspectors. */
		public static final Parties FIXED = new Parties(ENTERPRISE_CREDIT_CODE, ENTERPRISE_NAME, INSPECTOR,
				INSPECTOR_CERTIFICATE, SECOND_INSPECTOR, SECOND_INSPECTOR_CERTIFICATE);

		/** These parties with another enterprise (credit code, name) in place of this one's. */
		public Parties withEnterprise(String code, String name) {
			return new Parties(code, name, inspector, certificate, secondInspector, secondCertificate);
		}

		/** These parties with another team (two names and 执法证号) in place of this one's. */
		public Parties withTeam(String first, String firstCertificate, String second, String secondCertificateNumber) {
			return new Parties(creditCode, enterpriseName, first, firstCertificate, second, secondCertificateNumber);
		}
	}

	/**
	 * The user's own place an example row names instead of {@link #COUNTY}'s.
	 * @param county a county (6 digits) in the user's area — {@link #COUNTY} where the area holds it
	 * @param countyName the county's full name (江苏省苏州市相城区), as an address begins
	 * @param countyShortName the county's own name (相城区), as a short address begins
	 * @param street a street (9 digits) of {@code county}, or the county itself where the directory holds none
	 * @param agency the 机关代字 of the user's bureau (苏相邮管), for the example's 文号
	 * @param parties the enterprise and inspectors the row names ({@link Parties#FIXED} where the area holds none)
	 */
	public record Own(String county, String countyName, String countyShortName, String street, String agency,
			Parties parties) {

		/** The installation-wide example: 吴中's own (a national or enterprise user's template). */
		public static final Own FIXED = new Own(COUNTY, COUNTY_NAME, COUNTY_SHORT_NAME, STREET, AGENCY, Parties.FIXED);

		/**
		 * The example row of a template with the user's place: a cell {@link #COUNTY} or {@link #STREET} becomes
		 * {@code county} or {@code street}, the example enterprise's credit code and the inspectors' 执法证号 the
		 * parties' ({@link Parties}), a 文号 of {@link #AGENCY} the same number of {@code agency}; in any other text
		 * {@link #COUNTY_NAME}, {@link #COUNTY_SHORT_NAME}, the enterprise's name and the inspectors' names become the
		 * user's; every other cell as it is.
		 */
		public List<String> row(List<String> example) {
			List<String> row = new ArrayList<>(example.size());
			for (String cell : example) {
				row.add(cell(cell));
			}
			return List.copyOf(row);
		}

		private String cell(String cell) {
			String whole = switch (cell) {
				case COUNTY -> county;
				case STREET -> street;
				case ENTERPRISE_CREDIT_CODE -> parties.creditCode();
				case INSPECTOR_CERTIFICATE -> parties.certificate();
				case SECOND_INSPECTOR_CERTIFICATE -> parties.secondCertificate();
				default -> null;
			};
			if (whole != null) {
				return whole;
			}
			if (cell.startsWith(AGENCY) && cell.contains("〔")) {
				return agency + cell.substring(AGENCY.length());
			}
			return rewrite(cell, Map.of(COUNTY_NAME, countyName, COUNTY_SHORT_NAME, countyShortName, ENTERPRISE_NAME,
					parties.enterpriseName(), INSPECTOR, parties.inspector(), SECOND_INSPECTOR, parties.secondInspector()),
					Function.identity());
		}
	}

	/** The names inside an example's text a user's variant puts its own in place of, the longest first. */
	private static final List<String> NAMES = List.of(ENTERPRISE_NAME, COUNTY_NAME, COUNTY_SHORT_NAME, INSPECTOR,
			SECOND_INSPECTOR);

	/**
	 * The text with each of {@link #NAMES} in it replaced by its value in {@code names}, the text between them passed
	 * through {@code between} (quoted for a pattern, as it is for a row).
	 */
	private static String rewrite(String text, Map<String, String> names, Function<String, String> between) {
		StringBuilder out = new StringBuilder();
		int plain = 0;
		int i = 0;
		while (i < text.length()) {
			String found = null;
			for (String name : NAMES) {
				if (text.startsWith(name, i)) {
					found = name;
					break;
				}
			}
			if (found == null) {
				i++;
				continue;
			}
			out.append(between.apply(text.substring(plain, i))).append(names.get(found));
			i += found.length();
			plain = i;
		}
		return out.append(between.apply(text.substring(plain))).toString();
	}

	/**
	 * Whether a cell holds an example value of some user's template ({@link Own#row}): the value itself, or it with
	 * another county's or street's code, full or short name, bureau's 机关代字, enterprise (credit code, name) or
	 * inspectors (names, 执法证号) in its place — so the example row left in any user's sheet unchanged is refused as
	 * the example ({@link SheetImport.RowContext#refuseExample}).
	 * @param expected the installation-wide example's value
	 * @param actual the cell's text
	 */
	public static boolean isExample(String expected, String actual) {
		if (expected.equals(actual)) {
			return true;
		}
		switch (expected) {
			case COUNTY:
				return actual.matches("\\d{6}");
			case STREET:
				return actual.matches("\\d{6}|\\d{9}");
			case ENTERPRISE_CREDIT_CODE:
				return actual.matches("[0-9A-Z]{18}");
			case INSPECTOR_CERTIFICATE, SECOND_INSPECTOR_CERTIFICATE:
				return actual.matches("[0-9A-Za-z-]{1,40}");
			default:
				break;
		}
		if (expected.startsWith(AGENCY) && expected.contains("〔")) {
			return actual.matches("\\p{IsHan}*邮管" + Pattern.quote(expected.substring(AGENCY.length())));
		}
		String han = "\\p{IsHan}+";
		String pattern = rewrite(expected, Map.of(COUNTY_NAME, han, COUNTY_SHORT_NAME, han, ENTERPRISE_NAME, ".+",
				INSPECTOR, han, SECOND_INSPECTOR, han), t -> t.isEmpty() ? "" : Pattern.quote(t));
		return actual.matches(pattern);
	}

	private TemplateExamples() {
	}

}
