package org.youguan.kernel;

import java.util.Map;

/**
 * The province-level codes of GB/T 2260 (the first two digits of every region code), which the kernel checks identity
 * numbers against without the region module: a province code never retires, whereas counties merge and are renamed and
 * people keep the ID numbers issued under the old county codes — so only the province part (and the shape) is checked.
 * 83 is Taiwan as 港澳台居民居住证 numbers use it (830000); 81 and 82 are Hong Kong and Macao.
 */
final class ProvinceCodes {

	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("11", "北京"), Map.entry("12", "天津"),
			Map.entry("13", "河北"), Map.entry("14", "山西"), Map.entry("15", "内蒙古"), Map.entry("21", "辽宁"),
			Map.entry("22", "吉林"), Map.entry("23", "黑龙江"), Map.entry("31", "上海"), Map.entry("32", "江苏"),
			Map.entry("33", "浙江"), Map.entry("34", "安徽"), Map.entry("35", "福建"), Map.entry("36", "江西"),
			Map.entry("37", "山东"), Map.entry("41", "河南"), Map.entry("42", "湖北"), Map.entry("43", "湖南"),
			Map.entry("44", "广东"), Map.entry("45", "广西"), Map.entry("46", "海南"), Map.entry("50", "重庆"),
			Map.entry("51", "四川"), Map.entry("52", "贵州"), Map.entry("53", "云南"), Map.entry("54", "西藏"),
			Map.entry("61", "陕西"), Map.entry("62", "甘肃"), Map.entry("63", "青海"), Map.entry("64", "宁夏"),
			Map.entry("65", "新疆"), Map.entry("71", "台湾"), Map.entry("81", "香港"), Map.entry("82", "澳门"),
			Map.entry("83", "台湾（居住证）"));

	private ProvinceCodes() {
	}

	/** Whether the two digits are a province-level code of GB/T 2260. */
	static boolean exists(String twoDigits) {
		return NAMES.containsKey(twoDigits);
	}
}
