package org.youguan.documents;

import java.text.MessageFormat;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresQuery;

/**
 * The one way an export names its file and a figures sheet its title: the export's words, the place it covers in full
 * (the region directory's Chinese names, in English too: it has no English ones; the country "全国" / "Nationwide"),
 * and for figures the period — the file's days ISO ({@code 2026-01-01至2026-12-08}, in English
 * {@code 2026-01-01 to 2026-12-08}), the title's as the reader's language writes days (2026年1月1日 / ISO). The words
 * are turned into English by {@link Downloads} (the bundle's {@code export.file.<words>}); the rest is worded here by
 * the bundle's {@code export.name.*} sentences in the request's language (Chinese outside a request).
 */
public final class ExportNames {

	private ExportNames() {
	}

	/**
	 * A list export's file name: its words, then the place of the caller's scope ("企业-江苏省苏州市吴中区.xlsx",
	 * "企业-全国.xlsx" for the country's); an enterprise's or the public's scope names no place ("申诉.xlsx").
	 * @param words the export's name in Chinese, without "-" or "." ({@code export.file.<words>} in English)
	 */
	public static String of(String words, DataScope scope) {
		return of(words, null, scope);
	}

	/**
	 * As {@link #of(String, DataScope)} with what the list is of after the words — a form and its period, a year
	 * ("报送情况-邮政行业运行情况月报-2026-11-江苏省苏州市.xlsx"); none where null.
	 */
	public static String of(String words, String subject, DataScope scope) {
		String named = words + (subject == null ? "" : "-" + subject);
		if (scope == null || scope.kind() == DataScope.Kind.ENTERPRISE || scope.kind() == DataScope.Kind.NONE) {
			return named + ".xlsx";
		}
		return named + "-" + place(scope.kind() == DataScope.Kind.ALL ? "" : scope.regionPrefix()) + ".xlsx";
	}

	/**
	 * A figures export's file name: its words, the area and the period, the days ISO
	 * ("处罚统计-江苏省苏州市-2026-01-01至2026-12-08.xlsx"; in English "Penalty figures-江苏省苏州市-2026-01-01 to 2026-12-08.xlsx").
	 */
	public static String of(String words, FiguresQuery q) {
		return of(words, q.region(), q.from(), q.to());
	}

	/**
	 * As {@link #of(String, FiguresQuery)} for an area ({@code region}, blank for the country) and a period of days
	 * or months ({@code LocalDate}, {@code YearMonth}: ISO, "申诉统计按品牌-江苏省苏州市-2026-01至2026-11.xlsx").
	 */
	public static String of(String words, String region, Temporal from, Temporal to) {
		return of(words, null, region, from, to);
	}

	/**
	 * As {@link #of(String, String, Temporal, Temporal)} with the figures' subject after the words — an indicator, a
	 * form, as its record names it ("月度走势-快递业务量-江苏省苏州市-2026-01至2026-11.xlsx"); none where null.
	 */
	public static String of(String words, String subject, String region, Temporal from, Temporal to) {
		return words + (subject == null ? "" : "-" + subject) + "-" + place(region) + "-"
				+ worded("export.name.period", "{0}至{1}", from.toString(), to.toString()) + ".xlsx";
	}

	/**
	 * A figures sheet's title, heading its first column: the words, the area and the period as the reader's language
	 * writes days ("处罚统计（江苏省苏州市，2026年1月1日至2026年12月8日）"; "Penalty figures (江苏省苏州市, 2026-01-01 to 2026-12-08)").
	 */
	public static String title(String words, FiguresQuery q) {
		return title(words, q.region(), q.from(), q.to());
	}

	/**
	 * As {@link #title(String, FiguresQuery)} for an area ({@code region}, blank for the country) and a period of days
	 * or months ({@code LocalDate}: 2026年1月1日; {@code YearMonth}: 2026年1月; ISO in English).
	 */
	public static String title(String words, String region, Temporal from, Temporal to) {
		return worded("export.name.title", "{0}（{1}，{2}至{3}）", words(words), place(region), from, to);
	}

	/**
	 * As {@link #title(String, String, Temporal, Temporal)} with the figures' subject (an indicator, a form, as its
	 * record names it) before the area: "月度走势（快递业务量，江苏省苏州市，2026年1月至2026年11月）".
	 */
	public static String title(String words, String subject, String region, Temporal from, Temporal to) {
		return worded("export.name.subjectTitle", "{0}（{1}，{2}，{3}至{4}）", words(words), subject, place(region), from,
				to);
	}

	/**
	 * The area's name as the reader reads it: the region directory's full name ("江苏省苏州市吴中区") in either language,
	 * the country "全国" or "Nationwide"; the code itself where no directory answers (outside a request).
	 * @param region a region's code, blank or {@code 0} for the country
	 */
	public static String place(String region) {
		if (region == null || region.isBlank() || "0".equals(region)) {
			return worded("export.name.nationwide", "全国");
		}
		ApplicationContext context = context();
		PlaceNames names = context == null ? null : context.getBeanProvider(PlaceNames.class).getIfAvailable();
		return names == null ? region : names.areaName(region);
	}

	/** An export's words in the reader's language: the bundle's {@code export.file.<words>}, else its sheet's name. */
	static String words(String words) {
		Locale language = Spreadsheets.requestLanguage();
		MessageSource messages = context();
		if (language == null || messages == null) {
			return words;
		}
		String worded = messages.getMessage("export.file." + words, null, null, language);
		return worded != null ? worded : messages.getMessage(Spreadsheets.SHEET_KEY + words, null, words, language);
	}

	private static String worded(String key, String chinese, Object... args) {
		MessageSource messages = context();
		return messages == null
				? MessageFormat.format(chinese, Arrays.stream(args).map(a -> ChineseText.sentenceArgument(a, null)).toArray())
				: messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/** The web application's context while a request is answered, else null. */
	private static ApplicationContext context() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				? RequestContextUtils.findWebApplicationContext(request.getRequest()) : null;
	}
}
