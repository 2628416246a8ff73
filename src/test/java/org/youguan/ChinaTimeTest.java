package org.youguan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.TimeZone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * "Today" is China's date from the application's {@code Clock} bean (Asia/Shanghai, moved by tests), never the JVM's
 * clock or time zone: no production class reads the time without a clock or asks for the system's zone.
 */
class ChinaTimeTest {

	@Test
	void noProductionCodeReadsTheTimeOrZoneOfTheJvm() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.youguan");
		noClasses().should()
			.callMethod(LocalDate.class, "now")
			.orShould().callMethod(LocalDateTime.class, "now")
			.orShould().callMethod(LocalTime.class, "now")
			.orShould().callMethod(Instant.class, "now")
			.orShould().callMethod(ZonedDateTime.class, "now")
			.orShould().callMethod(OffsetDateTime.class, "now")
			.orShould().callMethod(YearMonth.class, "now")
			.orShould().callMethod(Year.class, "now")
			.orShould().callMethod(MonthDay.class, "now")
			.orShould().callMethod(ZoneId.class, "systemDefault")
			.orShould().callMethod(TimeZone.class, "getDefault")
			.orShould().callMethod(Clock.class, "systemDefaultZone")
			.orShould().callMethod(Clock.class, "systemUTC")
			.because("today is China's date from the Clock bean (ChinaTime.ZONE)")
			.check(classes);
	}

	/**
	 * Nor does it read the time in China's zone without the clock ({@code LocalDate.now(ChinaTime.ZONE)}): that is the
	 * JVM's clock too, which a test's {@code MutableClock} cannot move (an outlet form's bounds counted from the real
	 * today). The password estimator's decorations are the one exception: a static dictionary built once per JVM
	 * before any bean, whose years around this one are a guess of what people type, not a date of any record.
	 */
	@Test
	void noProductionCodeReadsTheTimeInAZoneWithoutTheClock() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.youguan");
		noClasses().that()
			.doNotHaveFullyQualifiedName("org.youguan.org.PasswordPolicy$Estimator")
			.should()
			.callMethod(LocalDate.class, "now", ZoneId.class)
			.orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
			.orShould().callMethod(LocalTime.class, "now", ZoneId.class)
			.orShould().callMethod(ZonedDateTime.class, "now", ZoneId.class)
			.orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
			.orShould().callMethod(YearMonth.class, "now", ZoneId.class)
			.orShould().callMethod(Year.class, "now", ZoneId.class)
			.orShould().callMethod(MonthDay.class, "now", ZoneId.class)
			.because("today is China's date from the Clock bean, which tests move")
			.check(classes);
	}

	/** The product's zone is declared once (platform.ChinaTime.ZONE): no module names Asia/Shanghai in a ZoneId of its own. */
	@Test
	void noProductionCodeDeclaresAZoneOfItsOwn() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.youguan");
		noClasses().that()
			.doNotHaveSimpleName("ChinaTime")
			.should()
			.callMethod(ZoneId.class, "of", String.class)
			.because("China's time zone is ChinaTime.ZONE")
			.check(classes);
	}
}
