package org.youguan.inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.Races;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An inspection item's name in its bureau's catalogue and an inspection plan's name in its bureau are unique under the
 * one twin key ({@code Text.textKey}: spaces, punctuation, brackets and full width aside, as every other name rule):
 * a name differing by a 。 or a 【】 is refused (409 on name), two twins sent at once save one, and a twin written past
 * the check meets the unique index of V354.
 */
@IntegrationTest
class InspectionNameTwinRacesIntegrationTest {

	@Autowired
	InspectionItems items;

	@Autowired
	InspectionPlans plans;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	static String tag() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	CurrentUser wz() {
		return directory.principal("wz.staff").orElseThrow();
	}

	/** The answers of a race: one saved, the other refused as a duplicate on name (by the check or by the index). */
	static void oneSavedOneRefused(List<Object> answers, Class<?> saved) {
		assertThat(answers).filteredOn(saved::isInstance).hasSize(1);
		assertThat(answers).filteredOn(a -> !saved.isInstance(a)).singleElement().satisfies(refused -> {
			if (refused instanceof DomainException duplicate) {
				assertThat(duplicate.code()).isEqualTo(ErrorCode.DUPLICATE);
				assertThat(duplicate.fieldErrors()).extracting(FieldError::field).containsExactly("name");
			}
			else {
				assertThat(refused).isInstanceOf(DuplicateKeyException.class);
			}
		});
	}

	String addItem(String code, String name) {
		return items.add(DataScope.region("320506"), wz().bureauId(), "陈吴中", new InspectionItems.ItemData(code, name,
				"EXPRESS_REGULATION", 0, "OUTLET", "ON_SITE", List.of("收费标准公示")));
	}

	@Test
	void twinItemsAddedAtOnceAreOneAndAPunctuationTwinIsRefused() throws Exception {
		String t = tag();
		List<Callable<?>> calls = List.of(() -> addItem("WZ_A" + t, "竞速事项" + t),
				() -> addItem("WZ_B" + t, "竞速事项" + t + "。"));
		oneSavedOneRefused(Races.atOnce(calls), String.class);
		assertThatThrownBy(() -> addItem("WZ_C" + t, "【竞速】事项" + t))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE);
				assertThat(ex.getMessage()).contains("标点不同也视为同名");
			});
		String other = addItem("WZ_D" + t, "另一事项" + t);
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> jdbc.sql(
				"UPDATE inspection_item SET name = '竞速·事项' || ? WHERE code = ?").param(1, t).param(2, other).update()))
			.isInstanceOf(DuplicateKeyException.class);
	}

	long plan(String name) {
		CurrentUser me = wz();
		LocalDate today = LocalDate.now(clock);
		return plans.create(me.scope(), me.bureauId(), me.regionCode(), me.displayName(), new InspectionPlans.PlanData(name,
				today.plusDays(1), today.plusDays(30), List.of("REAL_NAME"), "320506", null, 3, null, null, 2, "ENTERPRISE",
				null, null), false);
	}

	@Test
	void twinPlansCreatedAtOnceAreOneAndAPunctuationTwinIsRefused() throws Exception {
		String t = tag();
		List<Callable<?>> calls = List.of(() -> plan("竞速抽查计划" + t), () -> plan("竞速抽查计划" + t + "！"));
		oneSavedOneRefused(Races.atOnce(calls), Long.class);
		assertThatThrownBy(() -> plan("“竞速”抽查计划" + t))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE));
		long other = plan("另一抽查计划" + t);
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> jdbc.sql(
				"UPDATE inspection_plan SET name = '竞速 抽查计划' || ? WHERE id = ?").param(1, t).param(2, other).update()))
			.isInstanceOf(DuplicateKeyException.class);
	}
}
