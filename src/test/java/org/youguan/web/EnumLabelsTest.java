package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.youguan.MessageBundles;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.universal.SupervisionKind;
import org.youguan.credit.CreditEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every choice a page shows through its {@code label()} — a status, a kind, a level of any module — has its English in
 * the UI bundle ({@code enum.<Type>.<CONSTANT>}, {@link EnumLabels}), its Chinese the enum's own label, so the English
 * mode never shows a Chinese status beside English text.
 */
class EnumLabelsTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/**
	 * Enums whose {@code label()} is no fixed text of the constant: a cancellation ground names the no-operation period
	 * the rule catalogue sets (its label is worded with it).
	 */
	private static final Set<String> WORDED_AT_RUNTIME = Set.of("org.youguan.registry.CancellationGround");

	@Test
	void everyEnumWithAChineseLabelHasItsEnglishInTheBundle() throws Exception {
		Properties zh = MessageBundles.load(MessageBundles.CHINESE);
		Properties en = MessageBundles.load(MessageBundles.ENGLISH);
		List<String> missing = new ArrayList<>();
		int checked = 0;
		for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.youguan")) {
			if (!c.isEnum() || WORDED_AT_RUNTIME.contains(c.getName())
					|| c.getMethods().stream().noneMatch(m -> m.getName().equals("label") && m.getRawParameterTypes().isEmpty())) {
				continue;
			}
			for (Object constant : c.reflect().getEnumConstants()) {
				Enum<?> e = (Enum<?>) constant;
				String label = EnumLabels.label(e);
				if (label == null || !HAN.matcher(label).find()) {
					continue; // a code, not a label a page shows in words
				}
				checked++;
				String key = EnumLabels.key(e);
				if (!label.equals(org.youguan.rules.Provision.resolve(zh.getProperty(key))) || en.getProperty(key) == null
						|| HAN.matcher(en.getProperty(key)).find()) {
					missing.add(key + " (" + label + ")");
				}
			}
		}
		assertThat(checked).isGreaterThan(300);
		assertThat(missing).as("enum labels without their English (tools/messages.py)").isEmpty();
	}

	@Test
	void aPageShowsAChoiceInTheReadersLanguage() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		EnumLabels labels = new EnumLabels(source);
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(labels.of(ComplaintStatus.TRANSFERRED)).isEqualTo("Transferred to the company");
			assertThat(labels.of(CreditEntry.Status.IN_FORCE)).isEqualTo("In force");
			// a part of a kind's wording: the supervision pages' titles and column labels (finding: Chinese page titles)
			assertThat(labels.of(SupervisionKind.CONFIDENTIAL, "title")).isEqualTo("Confidential mail checks");
			assertThat(labels.of(SupervisionKind.SUPERVISOR, "flagLabel")).as("a part the kind does not have").isNull();
			LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
			assertThat(labels.of(ComplaintStatus.TRANSFERRED)).isEqualTo(ComplaintStatus.TRANSFERRED.label());
			assertThat(labels.of(SupervisionKind.CONFIDENTIAL, "title")).isEqualTo(SupervisionKind.CONFIDENTIAL.title());
			assertThat(labels.of(null)).isNull();
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	/** Every part of a supervision kind's wording a page shows ({@code @labels.of(kind, part)}) has its English. */
	@Test
	void everyPartOfASupervisionKindsWordingHasItsEnglish() throws Exception {
		Properties zh = MessageBundles.load(MessageBundles.CHINESE);
		Properties en = MessageBundles.load(MessageBundles.ENGLISH);
		List<String> missing = new ArrayList<>();
		for (SupervisionKind k : SupervisionKind.values()) {
			for (String part : List.of("title", "dayLabel", "untilLabel", "subjectLabel", "placeLabel", "detailLabel",
					"flagLabel", "findingsLabel")) {
				Object chinese = SupervisionKind.class.getMethod(part).invoke(k);
				String key = EnumLabels.key(k) + "." + part;
				if (chinese != null && (!chinese.equals(zh.getProperty(key)) || en.getProperty(key) == null
						|| HAN.matcher(en.getProperty(key)).find())) {
					missing.add(key + " (" + chinese + ")");
				}
			}
		}
		assertThat(missing).as("supervision wording without its English (tools/messages.py)").isEmpty();
	}
}
