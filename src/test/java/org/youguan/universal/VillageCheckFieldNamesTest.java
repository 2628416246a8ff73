package org.youguan.universal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack round 15: a village check refused by the inspection record it becomes named {@code inspectedOn}, a field the
 * check's request does not have (it calls the day {@code checkedOn}). A refusal of the record names the check's fields;
 * the fields both share keep their names, and the kind of refusal (400, 409) is kept.
 */
class VillageCheckFieldNamesTest {

	@Test
	void aRefusalOfTheInspectionRecordNamesTheChecksFields() {
		DomainException renamed = VillageChecks.inCheckFields(new InvalidValueException(List.of(
				new FieldError("inspectedOn", "range", "检查日期（inspectedOn）不能早于2000-01-01"),
				new FieldError("enterpriseCreditCode", "exists", "被检查企业（enterpriseCreditCode）不在企业名录中"),
				new FieldError("inspectors[1].certificateNumber", "valid-on", "执法证号已过期"),
				new FieldError("findings", "max-length", "检查发现的问题（findings）过长"))));
		assertThat(renamed).isInstanceOf(InvalidValueException.class);
		assertThat(renamed.fieldErrors()).extracting(FieldError::field)
			.containsExactly("checkedOn", "villageCode", "inspectors[1].certificateNumber", "findings");
		assertThat(renamed.fieldErrors().get(0).message()).isEqualTo("检查日期（checkedOn）不能早于2000-01-01");
		assertThat(renamed.fieldErrors().get(0).rule()).isEqualTo("range");

		DomainException twin = VillageChecks.inCheckFields(DomainException.duplicate("enterpriseCreditCode", "该检查已有记录"));
		assertThat(twin.code()).isEqualTo(ErrorCode.DUPLICATE);
		assertThat(twin.fieldErrors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("villageCode");
			assertThat(e.rule()).isEqualTo("unique");
		});

		DomainException untouched = DomainException.notFound("建制村", "320506999999");
		assertThat(VillageChecks.inCheckFields(untouched)).isSameAs(untouched);
	}
}
