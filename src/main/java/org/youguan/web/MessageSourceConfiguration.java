package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.StringUtils;
import org.youguan.kernel.ChineseText;
import org.youguan.platform.ChinaTime;
import org.youguan.rules.Provision;

/**
 * The UI text bundles ({@code messages*.properties}) as Spring Boot would configure them
 * ({@code spring.messages.basename}, {@code spring.messages.fallback-to-system-locale}, UTF-8), with one change: a
 * message with arguments is formatted on a copy of its cached {@link MessageFormat}.
 *
 * <p>Why (issue 12): Spring's message source caches one {@code MessageFormat} per code and locale and formats under a
 * lock on it ({@code MessageFormat} is not thread-safe), so every page that shows the same message with arguments at
 * the same moment — 共 N 条 on every list, the dashboard's counters — queued on one monitor: a flight recording of the
 * dashboard under 16 users showed more time waiting there than running. A copy costs a few small allocations and
 * never waits.
 *
 * <p>And a message citing law names its articles by token ({@code [[PENALTY_HEARING_PROCEDURE]]}, {@link Provision}),
 * written out from the rule catalogue as the bundle is read, so the bundle types no article number.
 *
 * <p>And a day, a month or a moment among a message's arguments is written as the reader's language writes it
 * ({@link ChineseText#sentenceArgument}): a page passes the {@code LocalDate} itself
 * ({@code #{enforcement.case.decidedLate(${c.decisionDueOn()})}}) and a Chinese reader reads 超过办案期限（期限至2025年4月7日）,
 * an English reader the ISO day as before. A moment ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime})
 * is read in China time ({@link ChinaTime#ZONE}) to the minute: 2026年3月5日 14:30, 2026-03-05 14:30.
 */
@Configuration(proxyBeanMethods = false)
class MessageSourceConfiguration {

	/** Named as the application context looks it up, so Spring Boot's own message source backs off. */
	@Bean
	MessageSource messageSource(@Value("${spring.messages.basename:messages}") String basenames,
			@Value("${spring.messages.fallback-to-system-locale:true}") boolean fallbackToSystemLocale) {
		ResourceBundleMessageSource source = new UnlockedMessageSource();
		source.setBasenames(StringUtils.commaDelimitedListToStringArray(StringUtils.trimAllWhitespace(basenames)));
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(fallbackToSystemLocale);
		return source;
	}

	/** Hands each caller its own copy of the cached format, so that formatting locks nothing shared. */
	static final class UnlockedMessageSource extends ResourceBundleMessageSource {

		@Override
		protected MessageFormat resolveCode(String code, Locale locale) {
			MessageFormat shared = super.resolveCode(code, locale);
			return shared == null ? null : (MessageFormat) shared.clone();
		}

		/**
		 * The arguments as Spring resolves them (a nested {@code MessageSourceResolvable} as its message), then each
		 * day, month or moment in the reader's language ({@link #sentenceArgument}).
		 */
		@Override
		protected Object[] resolveArguments(Object[] args, Locale locale) {
			Object[] resolved = super.resolveArguments(args, locale);
			for (int i = 0; i < resolved.length; i++) {
				resolved[i] = sentenceArgument(resolved[i], locale);
			}
			return resolved;
		}

		/**
		 * One argument of a message as a sentence writes it: a moment moved to China time to the minute, then a day,
		 * month or time in the reader's language ({@link ChineseText#sentenceArgument}); anything else unchanged.
		 */
		static Object sentenceArgument(Object argument, Locale locale) {
			LocalDateTime moment = argument instanceof Instant i ? LocalDateTime.ofInstant(i, ChinaTime.ZONE)
					: argument instanceof OffsetDateTime o ? o.atZoneSameInstant(ChinaTime.ZONE).toLocalDateTime()
					: argument instanceof ZonedDateTime z ? z.withZoneSameInstant(ChinaTime.ZONE).toLocalDateTime() : null;
			return ChineseText.sentenceArgument(moment != null ? moment : argument, locale);
		}

		/**
		 * The bundle's text with its provision tokens written out in the bundle's language ({@link Provision#resolve}:
		 * the English bundle's "Article 48 of the Administrative Penalty Law (2021)").
		 */
		@Override
		protected String getStringOrNull(ResourceBundle bundle, String key) {
			return Provision.resolve(super.getStringOrNull(bundle, key), bundle.getLocale());
		}
	}
}
