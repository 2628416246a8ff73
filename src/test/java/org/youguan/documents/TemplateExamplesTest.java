package org.youguan.documents;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * templates2 (finding A1): a user's example row ({@link TemplateExamples.Own#row}) puts the user's enterprise,
 * inspectors and county (full and short name) in place of 吴中's, and every such variant left unchanged is still the
 * example ({@link TemplateExamples#isExample}), while an edited cell is not.
 */
class TemplateExamplesTest {

	private static final List<String> EXAMPLE = List.of(TemplateExamples.ENTERPRISE_CREDIT_CODE,
			TemplateExamples.ENTERPRISE_NAME + "长桥分公司", TemplateExamples.INSPECTOR,
			TemplateExamples.INSPECTOR_CERTIFICATE, TemplateExamples.SECOND_INSPECTOR,
			TemplateExamples.SECOND_INSPECTOR_CERTIFICATE, TemplateExamples.INSPECTOR + "、" + TemplateExamples.SECOND_INSPECTOR,
			"吴中区示例路2号", TemplateExamples.COUNTY_NAME + "示例路2号", TemplateExamples.COUNTY, TemplateExamples.STREET,
			TemplateExamples.documentNumber("责令改正", 2025), "实名收寄登记不全", "");

	private static final TemplateExamples.Own XIANGCHENG = new TemplateExamples.Own("320507", "江苏省苏州市相城区", "相城区",
			"320507001", "苏相邮管", TemplateExamples.Parties.FIXED.withEnterprise("91320507MA1T2E3K4Q", "苏州相城示例快递有限公司")
				.withTeam("褚相城", "32050701", "施执法", "32050702"));

	@Test
	void aUsersExampleNamesTheUsersPartiesAndPlace() {
		assertThat(XIANGCHENG.row(EXAMPLE)).containsExactly("91320507MA1T2E3K4Q", "苏州相城示例快递有限公司长桥分公司", "褚相城",
				"32050701", "施执法", "32050702", "褚相城、施执法", "相城区示例路2号", "江苏省苏州市相城区示例路2号", "320507",
				"320507001", "苏相邮管责改〔2025〕3号", "实名收寄登记不全", "");
		assertThat(TemplateExamples.Own.FIXED.row(EXAMPLE)).isEqualTo(EXAMPLE);
	}

	@Test
	void everyUsersVariantIsTheExampleAndAnEditedCellIsNot() {
		List<String> row = XIANGCHENG.row(EXAMPLE);
		for (int i = 0; i < EXAMPLE.size(); i++) {
			assertThat(TemplateExamples.isExample(EXAMPLE.get(i), row.get(i))).as(row.get(i)).isTrue();
		}
		assertThat(TemplateExamples.isExample("实名收寄登记不全", "实名收寄登记缺少证件号")).isFalse();
		assertThat(TemplateExamples.isExample("吴中区示例路2号", "相城区示例路8号")).isFalse();
		assertThat(TemplateExamples.isExample(TemplateExamples.INSPECTOR_CERTIFICATE, "")).isFalse();
	}
}
