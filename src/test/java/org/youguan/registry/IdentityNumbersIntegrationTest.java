package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry checks identity numbers by their full structure, and "today" for a birth date is China's date on the
 * application's clock — not the machine's date or zone.
 */
@IntegrationTest
class IdentityNumbersIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	OutletData outlet(String idNumber) {
		return new OutletData("证件测试网点" + UUID.randomUUID().toString().substring(0, 6),
				enterprises.findByCreditCode(RegistryIntegrationTest.DemoCodes.SF_WUZHONG).orElseThrow().id(), null,
				"FRANCHISE", "吴中区测试路" + UUID.randomUUID().toString().substring(0, 4) + "号", "320506001", null, null, "王五",
				idNumber, "13812345678", new BigDecimal("30"), true, true, true, true, LocalDate.of(2026, 3, 1));
	}

	static String id(String first17) {
		return first17 + IdCardNumber.checkCharacter(first17);
	}

	@Test
	void aBirthDateIsCheckedAgainstChinasDateOnTheApplicationClock() {
		// 07:00 in China is still the previous day in UTC
		clock.set(LocalDateTime.of(2026, 3, 5, 7, 0));
		assertThat(outlets.check(SUZHOU, outlet(id("32050620260305001"))).managerIdNumber()).contains("20260305");
		assertThatThrownBy(() -> outlets.check(SUZHOU, outlet(id("32050620260306001"))))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.contains(Tuple.tuple("managerIdNumber", "birth-date")));
	}

	@Test
	void anIdNumberOfNoProvinceIsRefused() {
		assertThatThrownBy(() -> outlets.check(SUZHOU, outlet(id("99050619850101001"))))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.contains(Tuple.tuple("managerIdNumber", "province")));
	}

	@Test
	void aCreditCodeOfZerosIsRefusedThoughItsCheckCharacterFits() {
		assertThatThrownBy(() -> enterprises.register(SUZHOU, new EnterpriseData("全零代码测试有限公司", "000000000000000000",
				EnterpriseType.EXPRESS, null, null, null, "320506", null, null), false))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.contains(Tuple.tuple("creditCode", "department")));
	}
}
