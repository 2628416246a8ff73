package org.youguan.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.youguan.kernel.Text;

/**
 * A short summary of a User-Agent header for the sign-in log — browser and major version, and operating system
 * ("Chrome 120 · Windows") — enough for an administrator to notice an unusual sign-in; not a full parser.
 */
final class UserAgents {

	private static final Pattern[] BROWSERS = { Pattern.compile("(Edg)e?/(\\d+)"), Pattern.compile("(OPR)/(\\d+)"),
			Pattern.compile("(MicroMessenger)/(\\d+)"), Pattern.compile("(Firefox)/(\\d+)"),
			Pattern.compile("(Chrome)/(\\d+)"), Pattern.compile("Version/(\\d+).*(Safari)/"),
			Pattern.compile("(MSIE) (\\d+)"), Pattern.compile("(Trident)/.*rv:(\\d+)") };

	private UserAgents() {
	}

	/** The summary, "其他" parts when unknown; null for no header. */
	static String summary(String header) {
		if (header == null || Text.isBlank(header)) {
			return null;
		}
		String browser = null;
		for (Pattern p : BROWSERS) {
			Matcher m = p.matcher(header);
			if (m.find()) {
				browser = p.pattern().startsWith("Version") ? "Safari " + m.group(1) : name(m.group(1)) + " " + m.group(2);
				break;
			}
		}
		if (browser == null) {
			String first = Text.strip(header).split("[\\s/;(]", 2)[0];
			browser = first.isEmpty() ? "其他" : first;
		}
		return truncate(browser, 60) + " · " + system(header);
	}

	private static String name(String token) {
		return switch (token) {
			case "Edg" -> "Edge";
			case "OPR" -> "Opera";
			case "MicroMessenger" -> "微信";
			case "MSIE", "Trident" -> "Internet Explorer";
			default -> token;
		};
	}

	private static String system(String header) {
		if (header.contains("HarmonyOS")) {
			return "HarmonyOS";
		}
		if (header.contains("Windows")) {
			return "Windows";
		}
		if (header.contains("Android")) {
			return "Android";
		}
		if (header.contains("iPhone") || header.contains("iPad")) {
			return "iOS";
		}
		if (header.contains("Mac OS X")) {
			return "macOS";
		}
		if (header.contains("Linux")) {
			return "Linux";
		}
		return "其他";
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
