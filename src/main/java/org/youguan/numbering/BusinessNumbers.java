package org.youguan.numbering;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * Issues business numbers of the form {@code 类型-地区-年份-序号}, e.g. {@code 申诉-3205-2026-000123}, and the 文号 of
 * documents in the official form on the same sequences ({@link #nextOfficial}, {@link OfficialNumbers}): the type prefix
 * (Chinese, as on documents), the issuing bureau's region code, the year and a six-digit sequence that restarts each
 * year. Gap-free and safe under concurrency: the sequence row stays locked until the business transaction commits,
 * and a rolled-back transaction gives its number back. It therefore runs only inside the caller's transaction.
 */
@Service
public class BusinessNumbers {

	private final JdbcClient jdbc;

	BusinessNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The series' next number, e.g. {@code 申诉-3205-2026-000123}, inside the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public String next(String type, String regionCode, int year) {
		if (type == null || Text.isBlank(type) || type.contains("-") || type.length() > 20) {
			throw new InvalidValueException("type", "format", "编号类型不能为空、不能含“-”且不超过20字");
		}
		long value = jdbc.sql("""
				INSERT INTO number_sequence (type, region_code, year, last_value) VALUES (:type, :region, :year, 1)
				ON CONFLICT (type, region_code, year) DO UPDATE SET last_value = number_sequence.last_value + 1
				RETURNING last_value""")
			.param("type", type)
			.param("region", regionCode)
			.param("year", year)
			.query(Long.class)
			.single();
		return format(type, regionCode, year, value);
	}

	/**
	 * The next number of the series that {@code taken} does not hold already: a number typed by hand (a past case's
	 * 文号) that happens to be the series' next one is passed over instead of blocking the series for good. The
	 * numbers passed over stay issued (they are in use).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String nextFree(String type, String regionCode, int year, Predicate<String> taken) {
		String number = next(type, regionCode, year);
		while (taken.test(number)) {
			number = next(type, regionCode, year);
		}
		return number;
	}

	/**
	 * The series' next 文号 in the official form ({@link OfficialNumbers#format}: 苏吴邮管罚〔2026〕3号), inside the
	 * caller's transaction: the sequence is the series' of {@code type}, {@code regionCode} (the issuing bureau's
	 * region) and {@code year} — the one the earlier form ({@code 行政处罚决定-320506-2026-000003}) counted, so a series
	 * goes on where it was — and a number {@code taken} holds already (typed by hand) is passed over, as
	 * {@link #nextFree} does.
	 * @param agency the issuing bureau's 机关代字 ({@code org.Bureaus#documentAgency})
	 * @param taken whether a number is in use already; null when none can be
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String nextOfficial(String type, String agency, String regionCode, int year, Predicate<String> taken) {
		String number;
		do {
			number = OfficialNumbers.format(agency, type, year, reserve(type, regionCode, year, 1));
		} while (taken != null && taken.test(number));
		return number;
	}

	/** The last sequence value the series of {@code type}, {@code regionCode} and {@code year} gave (0 when none yet). */
	public long lastIssued(String type, String regionCode, int year) {
		return jdbc.sql("SELECT last_value FROM number_sequence WHERE type = :type AND region_code = :region AND year = :year")
			.param("type", type).param("region", regionCode).param("year", year)
			.query(Long.class).optional().orElse(0L);
	}

	/**
	 * Whether {@code number} has the form of a number of this kind's series ({@code type-地区-年份-序号}) that the series
	 * has not issued yet: a number typed by hand in that form would later collide with the series. A number whose
	 * identifier key is the series' ({@link #hasSeriesForm}) but whose parts cannot be told apart counts as not issued.
	 */
	public boolean notYetIssued(String type, String number) {
		Matcher m = series(type, number);
		if (!m.matches()) {
			// the series' form with its parts joined another way (or not at all): which number it is cannot be read,
			// so it counts as one the series is still to issue
			return seriesKey(type, number);
		}
		return Long.parseLong(m.group(3)) > lastIssued(type, m.group(1), Integer.parseInt(m.group(2)));
	}

	/**
	 * Whether {@code number} has the form of a number of this kind's series as {@link #format} writes it: the type, a
	 * region code of any level the series is kept for (a county's 6 digits, a city's 4, a province's 2 …), the year and
	 * a sequence of six digits or more — whether the series issued it yet or not — also when typed with other
	 * separators, letter case or none ({@code kernel.Text.identifierKey}: 网点备案 320506 2026 000999,
	 * 网点备案3205062026000999). A number typed by hand is to be written as {@code kernel.Text.identifier} writes it
	 * first (other dashes, missing padding).
	 * @param type the series' type ({@code 网点备案})
	 * @param number a number, or null (false)
	 */
	public static boolean hasSeriesForm(String type, String number) {
		return number != null && (series(type, number).matches() || seriesKey(type, number));
	}

	/**
	 * Whether {@code number}'s identifier key ({@code kernel.Text.identifierKey}: case, spaces, dashes and underscores
	 * folded) is the type followed by as many digits as a number of the series holds (region, year and a sequence of
	 * six digits or more: eleven at least): "网点备案3205062026000999" or "网点备案_320506 2026-000999" is the series'
	 * number typed another way, whatever joins its parts.
	 */
	private static boolean seriesKey(String type, String number) {
		String key = Text.identifierKey(Text.identifier(number));
		return key != null && key.startsWith(type) && key.length() >= type.length() + 11
				&& key.substring(type.length()).chars().allMatch(c -> c >= '0' && c <= '9');
	}

	private static Matcher series(String type, String number) {
		return Pattern.compile(Pattern.quote(type) + "-(\\d{1,9})-(\\d{4})-(\\d{6,9})").matcher(Text.strip(number));
	}

	/** Reserves {@code count} consecutive numbers at once (bulk loads); returns the first sequence value. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long reserve(String type, String regionCode, int year, int count) {
		long last = jdbc.sql("""
				INSERT INTO number_sequence (type, region_code, year, last_value) VALUES (:type, :region, :year, :count)
				ON CONFLICT (type, region_code, year) DO UPDATE SET last_value = number_sequence.last_value + :count
				RETURNING last_value""")
			.param("type", type)
			.param("region", regionCode)
			.param("year", year)
			.param("count", count)
			.query(Long.class)
			.single();
		return last - count + 1;
	}

	public static String format(String type, String regionCode, int year, long sequence) {
		return "%s-%s-%d-%06d".formatted(type, regionCode, year, sequence);
	}

	/**
	 * A document's number with what it is in front, as a title names it: the platform's automatic numbers already start
	 * with their type ({@link #format}), so 申诉-320506-2026-000001 stays as it is (not "申诉申诉-…"), and a filing
	 * application's 备案申请-320506-2026-000002 is not "网点备案备案申请-…"; a number typed by hand or imported
	 * (吴邮管责改〔2025〕3号) gets {@code kind} in front.
	 * @param kind what the document is, put in front of a number that does not already say it
	 * @param type the word a number that says what it is starts with (the number type)
	 */
	public static String named(String kind, String type, String number) {
		String n = number == null ? "" : Text.strip(number);
		return n.startsWith(type) ? n : kind + n;
	}
}
