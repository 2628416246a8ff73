package org.youguan.workplans.internal;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetParserTest {

	static final String SAMPLE = "全年邮政业务总量完成85.2亿元、同比增长8%，业务收入完成70.5亿元、同比增长7.5%；"
			+ "快递业务量完成9.6亿件、同比增长11%，快递业务收入完成61.3亿元、同比增长9%。";

	@Test
	void eachNamedQuantityIsATargetWithItsValueUnitAndGrowth() {
		List<TargetParser.Parsed> targets = TargetParser.parse(SAMPLE);
		assertThat(targets).extracting(TargetParser.Parsed::name).containsExactly("邮政业务总量", "业务收入", "快递业务量", "快递业务收入");
		assertThat(targets.get(2).value()).isEqualByComparingTo("9.6");
		assertThat(targets.get(2).unit()).isEqualTo("亿件");
		assertThat(targets.get(1).growth()).isEqualByComparingTo("7.5");
		assertThat(targets.get(0).text()).isEqualTo("全年邮政业务总量完成85.2亿元、同比增长8%");
	}

	@Test
	void aGrowthOnItsOwnBelongsToTheQuantityBeforeIt() {
		assertThat(TargetParser.parse("快递业务量完成9.6亿件，同比增长11%；网点备案率达到100%"))
			.extracting(t -> t.name() + "/" + t.value().toPlainString() + t.unit() + "/" + t.growth())
			.containsExactly("快递业务量/9.6亿件/11", "网点备案率/100%/null");
		assertThat(TargetParser.parse(null)).isEmpty();
		assertThat(TargetParser.parse("统筹发展和安全，提升治理能力")).isEmpty();
	}

	@Test
	void namesMatchIndicatorsWithoutThePostalPrefixesAndUnitsConvert() {
		List<String> indicators = List.of("邮政行业业务总量", "邮政行业业务收入", "邮政寄递服务业务收入", "快递业务量", "快递业务量（同城）", "快递业务收入");
		assertThat(TargetParser.match("邮政业务总量", indicators, s -> s)).isEqualTo("邮政行业业务总量");
		assertThat(TargetParser.match("业务收入", indicators, s -> s)).isEqualTo("邮政行业业务收入");
		assertThat(TargetParser.match("快递业务量", indicators, s -> s)).isEqualTo("快递业务量");
		assertThat(TargetParser.match("智能信包箱", indicators, s -> s)).isNull();
		assertThat(TargetParser.convert(new BigDecimal("85.2"), "亿元", "万元")).isEqualByComparingTo("852000");
		assertThat(TargetParser.convert(new BigDecimal("9.6"), "亿件", "件")).isEqualByComparingTo("960000000");
		assertThat(TargetParser.convert(new BigDecimal("9.6"), "亿件", "万元")).isNull();
		assertThat(TargetParser.convert(new BigDecimal("99"), "%", "%")).isEqualByComparingTo("99");
	}

	/**
	 * 个, 家 and 处 are one kind of count, so "爱心驿站达到50处" keeps its number for an indicator in 个 (and 5.5处 is then held
	 * to the count's rules as 5.5个 is); 人次 is another kind.
	 */
	@Test
	void placesAndUnitsCountAsOneKind() {
		assertThat(TargetParser.parse("爱心驿站达到50处")).extracting(t -> t.value().toPlainString() + t.unit())
			.containsExactly("50处");
		assertThat(TargetParser.convert(new BigDecimal("50"), "处", "个")).isEqualByComparingTo("50");
		assertThat(TargetParser.convert(new BigDecimal("5.5"), "处", "个")).isEqualByComparingTo("5.5");
		assertThat(TargetParser.convert(new BigDecimal("2"), "万家", "个")).isEqualByComparingTo("20000");
		assertThat(TargetParser.convert(new BigDecimal("3"), "万个", "个")).isEqualByComparingTo("30000");
		assertThat(TargetParser.convert(new BigDecimal("5"), "人次", "个")).isNull();
		assertThat(TargetParser.convert(new BigDecimal("5"), "处", "件")).isNull();
	}

	/**
	 * Units beyond 亿元/万元 (万亿元, 千万元, 百万件 …) are read and convert; a clause with a number in no known unit is
	 * named by {@link TargetParser#unread} (it was dropped silently), a date is no target.
	 */
	@Test
	void largerAndSmallerUnitsAreReadAndAnUnreadClauseIsNamed() {
		assertThat(TargetParser.parse("邮政业务总量完成1.2万亿元、同比增长5%，业务收入完成3千万元；快递业务量完成8百万件"))
			.extracting(t -> t.name() + "/" + t.value().toPlainString() + t.unit() + "/" + t.growth())
			.containsExactly("邮政业务总量/1.2万亿元/5", "业务收入/3千万元/null", "快递业务量/8百万件/null");
		assertThat(TargetParser.convert(new BigDecimal("1.2"), "万亿元", "万元")).isEqualByComparingTo("120000000");
		assertThat(TargetParser.convert(new BigDecimal("3"), "千万元", "亿元")).isEqualByComparingTo("0.3");
		assertThat(TargetParser.unread("到2026年底，快递业务量完成9.6亿件，业务收入完成5兆元，新建站点20座；同比增长8%"))
			.containsExactly("业务收入完成5兆元", "新建站点20座");
		assertThat(TargetParser.unread(SAMPLE)).isEmpty();
	}
}
