package org.youguan.org;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;

/**
 * The bureau that issues a document, as its 文号 names it: its 机关代字 (发文机关代字, GB/T 9704-2012 7.2.4) and the region
 * of its number series.
 * <p>
 * The 机关代字 is the bureau's 简称 ({@code bureau.short_name}, set on the bureau's page) where that is one — it ends in
 * 邮管, e.g. 苏州邮管 —, else derived: the province's one-character 简称 (苏 for 32), the first character of the
 * city's or county's name (吴 of 吴中区) and 邮管: 苏吴邮管 for the bureau of 苏州市吴中区, 苏苏邮管 for that of 苏州市,
 * 苏邮管 for the province's, 国邮 for the national bureau; where that code is an earlier bureau's already, more of the
 * name is taken (苏吴江邮管 for 吴江区 beside 吴中's 苏吴邮管), so two bureaus never share one ({@link #codes}). A 简称
 * like 苏州市局 (a name for lists) is not a 机关代字.
 * @param code the 机关代字, e.g. 苏吴邮管
 * @param seriesRegion the issuing bureau's region code, the region of the series its documents are numbered in
 */
public record DocumentAgency(String code, String seriesRegion) {

	/** The provinces' one-character 简称 by the first two digits of their GB/T 2260 codes. */
	private static final Map<String, String> PROVINCES = Map.ofEntries(Map.entry("11", "京"), Map.entry("12", "津"),
			Map.entry("13", "冀"), Map.entry("14", "晋"), Map.entry("15", "蒙"), Map.entry("21", "辽"), Map.entry("22", "吉"),
			Map.entry("23", "黑"), Map.entry("31", "沪"), Map.entry("32", "苏"), Map.entry("33", "浙"), Map.entry("34", "皖"),
			Map.entry("35", "闽"), Map.entry("36", "赣"), Map.entry("37", "鲁"), Map.entry("41", "豫"), Map.entry("42", "鄂"),
			Map.entry("43", "湘"), Map.entry("44", "粤"), Map.entry("45", "桂"), Map.entry("46", "琼"), Map.entry("50", "渝"),
			Map.entry("51", "川"), Map.entry("52", "黔"), Map.entry("53", "云"), Map.entry("54", "藏"), Map.entry("61", "陕"),
			Map.entry("62", "甘"), Map.entry("63", "青"), Map.entry("64", "宁"), Map.entry("65", "新"), Map.entry("71", "台"),
			Map.entry("81", "港"), Map.entry("82", "澳"));

	/**
	 * The 机关代字 of every bureau, by id: its 简称 where that ends in 邮管 (an administrator's choice), else derived
	 * ({@link #derived}) with as many characters of its region's name as keep it apart from the codes of the bureaus
	 * set up before it (苏州市吴中区 苏吴邮管, then 吴江区 苏吴江邮管): no two bureaus print the same 文号.
	 * @param all the bureaus on the platform
	 */
	static Map<Long, String> codes(List<BureauView> all) {
		List<BureauView> byId = all.stream().sorted(Comparator.comparingLong(BureauView::id)).toList();
		Map<Long, String> codes = new LinkedHashMap<>();
		Set<String> used = new HashSet<>();
		for (BureauView b : byId) {
			String chosen = chosen(b);
			if (chosen != null) {
				codes.put(b.id(), chosen);
				used.add(chosen);
			}
		}
		for (BureauView b : byId) {
			if (codes.containsKey(b.id())) {
				continue;
			}
			String name = ownName(b);
			String code = derived(b.regionCode(), name, 1);
			for (int n = 2; used.contains(code) && name != null && n <= name.length(); n++) {
				code = derived(b.regionCode(), name, n);
			}
			if (used.contains(code)) {
				code = code.substring(0, code.length() - 2) + b.regionCode() + "邮管";
			}
			codes.put(b.id(), code);
			used.add(code);
		}
		return codes;
	}

	/**
	 * Refuses (field {@code shortName}) a bureau's 简称 that would make two bureaus print the same 文号 or move another
	 * bureau's series (attack A1): a 简称 that is a 机关代字 ({@link #chosen}: ends in 邮管) but is only 邮管 (rule
	 * {@code agency-code}: it names no bureau), or — the 机关代字 of every bureau worked out again ({@link #codes}) with
	 * this bureau's 简称 as it would be saved — one that is another bureau's code, derived or chosen, or that changes
	 * another bureau's code (rule {@code agency-taken}: 苏吴邮管 chosen by the city would take 吴中's, and 吴中's documents
	 * would from then on bear another code). A 简称 that is no 机关代字 (苏州市局) changes no code and passes, unless
	 * leaving a chosen code makes this bureau's derived one another's.
	 * @param all the bureaus on the platform as they stand
	 * @param self this bureau as it would be saved (a new one: any id above every other's)
	 */
	static void checkShortName(Validation v, List<BureauView> all, BureauView self) {
		String chosen = chosen(self);
		if (chosen != null && chosen.equals("邮管")) {
			v.require("shortName", false, "agency-code", Wording.of("org.refusal.shortNameBare", chosen),
					"简称“" + chosen + "”不能作为机关代字：以“邮管”结尾的简称即本机构文号的机关代字，须在“邮管”前写明本机构（如苏州邮管）");
			return;
		}
		Map<Long, String> before = codes(all);
		List<BureauView> saved = new java.util.ArrayList<>(all.stream().filter(b -> b.id() != self.id()).toList());
		saved.add(self);
		Map<Long, String> after = codes(saved);
		String own = after.get(self.id());
		Optional<BureauView> clash = all.stream().filter(b -> b.id() != self.id())
			.filter(b -> own.equals(after.get(b.id())) || !before.get(b.id()).equals(after.get(b.id())))
			.findFirst();
		clash.ifPresent(b -> v.require("shortName", false, "agency-taken",
				Wording.of("org.refusal.shortNameTaken", Text.strip(self.shortName() == null ? "" : self.shortName()), b.name(), before.get(b.id())),
				"简称“" + (self.shortName() == null ? "" : Text.strip(self.shortName())) + "”会使本机构的机关代字与" + b.name() + "的机关代字“"
						+ before.get(b.id()) + "”相同或使其改变：两个机构的文号不能相同，请另选简称"));
	}

	/** The bureau's 简称 where it is a 机关代字 (ends in 邮管), else null. */
	private static String chosen(BureauView b) {
		String s = b.shortName() == null ? null : Text.strip(b.shortName());
		return s != null && s.endsWith("邮管") ? s : null;
	}

	/**
	 * The region's name without the city's in front (苏州工业园区 of 苏州市's bureau is 工业园区), the part a 机关代字
	 * takes its character from.
	 */
	private static String ownName(BureauView b) {
		String name = b.regionName() == null ? null : Text.strip(b.regionName());
		if (name != null && name.length() > 3 && b.parentName() != null && b.parentName().startsWith(name.substring(0, 2))) {
			return name.substring(2);
		}
		return name;
	}

	/**
	 * The 机关代字 derived from a region: province 简称 + the first {@code chars} characters of a city's or county's name
	 * + 邮管; a province's is its 简称 + 邮管, the national bureau's 国邮.
	 * @param regionCode the bureau's region code (0 or blank: the national bureau)
	 * @param regionName the region's name (吴中区), used below provincial level; null for none
	 */
	static String derived(String regionCode, String regionName, int chars) {
		if (regionCode == null || regionCode.length() < 2) {
			return "国邮";
		}
		String province = PROVINCES.getOrDefault(regionCode.substring(0, 2), "");
		if (regionCode.length() == 2 || regionName == null || Text.isBlank(regionName)) {
			return province + "邮管";
		}
		String name = Text.strip(regionName);
		return province + name.substring(0, name.offsetByCodePoints(0, Math.min(chars, name.codePointCount(0, name.length()))))
				+ "邮管";
	}
}
