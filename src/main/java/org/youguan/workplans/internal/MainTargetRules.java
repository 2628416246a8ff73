package org.youguan.workplans.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Indicators;
import org.youguan.statistics.Targets;

/**
 * A plan's main targets as kept: each clause of the targets paragraph ({@link TargetParser}) linked to the statistics
 * indicator it names, its value in the indicator's unit and its growth — and held, when the plan is saved (imported,
 * its draft's head corrected), to the rules the statistics module holds an annual target to when the plan's value is
 * adopted as one ({@link Targets#targetProblems}: a rate at most 100 %, a count whole, a value above 0, the year
 * plausible), so that a plan does not state as its target what could never be set as one.
 */
@Component
public class MainTargetRules {

	/**
	 * One main target as kept: its clause, the indicator it names (null: none statistics counts), the value in the
	 * indicator's unit and the growth in % (each null when absent or when its column could not keep it).
	 */
	public record Read(String text, Indicator indicator, BigDecimal value, BigDecimal growth) {
	}

	private final Indicators indicators;

	private final Targets targets;

	MainTargetRules(Indicators indicators, Targets targets) {
		this.indicators = indicators;
		this.targets = targets;
	}

	/**
	 * The main targets read from the paragraph, each linked to the statistics indicator it names where there is one (a
	 * growth beyond ±1000 % — which statistics would refuse as a target —, an absurd value, or one of more decimals than its
	 * column keeps (a growth of 12.345 %, a target of 1.5 元 in 万元: numeric(8, 2) and numeric(20, 4) would round them
	 * silently) is kept in the text only).
	 */
	public List<Read> read(String paragraph) {
		List<Indicator> known = indicators.all();
		List<Read> read = new ArrayList<>();
		for (TargetParser.Parsed t : TargetParser.parse(paragraph)) {
			Indicator indicator = TargetParser.match(t.name(), known, Indicator::name);
			BigDecimal growth = t.growth() == null || t.growth().abs().compareTo(BigDecimal.valueOf(1000)) >= 0
					|| !Decimals.fits(t.growth(), 6, 2) ? null : t.growth();
			BigDecimal value = indicator == null ? null : TargetParser.convert(t.value(), t.unit(), indicator.unit());
			value = value == null || value.compareTo(BigDecimal.TEN.pow(15)) >= 0 || !Decimals.fits(value, 16, 4) ? null : value;
			read.add(new Read(t.text(), indicator, value, growth));
		}
		return read;
	}

	/**
	 * What the statistics' target rules find wrong with the paragraph's main targets for the plan's year, each on the
	 * field {@code targets} with the rule statistics names and a message naming the clause (a year out of the
	 * statistics' range once, on {@code year}); empty when every target
	 * linked to an indicator could be adopted. Targets of no indicator are the plan's own words and are not judged.
	 * @param year the plan's year
	 */
	public List<FieldError> problems(String paragraph, int year) {
		Set<FieldError> problems = new LinkedHashSet<>();
		for (Read r : read(paragraph)) {
			if (r.indicator() == null || r.value() == null && r.growth() == null) {
				continue;
			}
			// the year is the plan's, the same for every target: said once
			targets.targetProblems(r.indicator().code(), year, r.value(), r.growth())
				.forEach(e -> problems.add(e.field().equals("year")
						? new FieldError("year", e.rule(), "计划年度" + year + "年不能设定统计目标：" + e.message())
						: new FieldError("targets", e.rule(), "主要工作目标“" + r.text() + "”（" + r.indicator().name()
								+ "）不符合统计指标的规则：" + e.message())));
		}
		return List.copyOf(problems);
	}

	/**
	 * Refuses a paragraph whose main targets break the statistics' target rules ({@link #problems}).
	 * @throws InvalidValueException 400, every problem on {@code targets} (or {@code year})
	 */
	public void require(String paragraph, int year) {
		List<FieldError> problems = problems(paragraph, year);
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
	}
}
