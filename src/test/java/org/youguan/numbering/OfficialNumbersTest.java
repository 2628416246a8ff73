package org.youguan.numbering;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 文号 of documents in the official form (机关代字 + 文书代字 + 〔年份〕 + 序号 + 号, GB/T 9704-2012 7.2.4): written
 * without leading zeros, each kind with its own character, read back only as its own kind.
 */
class OfficialNumbersTest {

	@Test
	void writesAgencyKindYearAndSequenceWithoutLeadingZeros() {
		assertThat(OfficialNumbers.format("苏吴邮管", "行政处罚决定", 2026, 3)).isEqualTo("苏吴邮管罚〔2026〕3号");
		assertThat(OfficialNumbers.format("苏吴邮管", "不予处罚", 2026, 12)).isEqualTo("苏吴邮管不罚〔2026〕12号");
		assertThat(OfficialNumbers.format("苏吴邮管", "处罚告知", 2026, 1)).isEqualTo("苏吴邮管告〔2026〕1号");
		assertThat(OfficialNumbers.format("苏吴邮管", "集体讨论", 2026, 1)).isEqualTo("苏吴邮管讨〔2026〕1号");
		assertThat(OfficialNumbers.format("苏苏邮管", "责令改正", 2027, 105)).isEqualTo("苏苏邮管责改〔2027〕105号");
		// licensing and the universal service
		assertThat(OfficialNumbers.format("苏苏邮管", "许可受理", 2026, 4)).isEqualTo("苏苏邮管许受〔2026〕4号");
		assertThat(OfficialNumbers.format("苏苏邮管", "许可补正", 2026, 1)).isEqualTo("苏苏邮管许补〔2026〕1号");
		assertThat(OfficialNumbers.format("苏苏邮管", "许可不予受理", 2026, 2)).isEqualTo("苏苏邮管许不受〔2026〕2号");
		assertThat(OfficialNumbers.format("苏邮管", "许可决定", 2026, 7)).isEqualTo("苏邮管许〔2026〕7号");
		assertThat(OfficialNumbers.format("苏邮管", "不予许可", 2026, 1)).isEqualTo("苏邮管许不〔2026〕1号");
		assertThat(OfficialNumbers.format("苏吴邮管", "营业场所审批", 2026, 9)).isEqualTo("苏吴邮管审批〔2026〕9号");
	}

	@Test
	void aLicensingKindReadsOnlyItsOwnNumbers() {
		assertThat(OfficialNumbers.parse("许可决定", "苏邮管许〔2026〕7号")).contains(new OfficialNumbers.Parsed("苏邮管", 2026, 7));
		// a 不予许可 decision, a 受理通知书 and a 不予受理决定书 are not 许 numbers, nor one another's
		assertThat(OfficialNumbers.parse("许可决定", "苏邮管许不〔2026〕7号")).isEmpty();
		assertThat(OfficialNumbers.parse("许可决定", "苏邮管许受〔2026〕7号")).isEmpty();
		assertThat(OfficialNumbers.parse("不予许可", "苏苏邮管许不受〔2026〕7号")).isEmpty();
		assertThat(OfficialNumbers.parse("许可不予受理", "苏苏邮管许不受〔2026〕7号")).contains(new OfficialNumbers.Parsed("苏苏邮管", 2026, 7));
		assertThat(OfficialNumbers.parse("营业场所审批", "苏吴邮管审批〔2026〕9号")).contains(new OfficialNumbers.Parsed("苏吴邮管", 2026, 9));
		assertThat(OfficialNumbers.parse("法制审核", "苏吴邮管审批〔2026〕9号")).isEmpty();
		// the earlier form is not the official one
		assertThat(OfficialNumbers.parse("许可受理", "许可受理-3205-2026-000004")).isEmpty();
	}

	@Test
	void readsItsOwnKindBackAsTypedAnyWayTextWritesIt() {
		assertThat(OfficialNumbers.parse("行政处罚决定", "苏吴邮管罚〔2026〕3号"))
			.contains(new OfficialNumbers.Parsed("苏吴邮管", 2026, 3));
		// typed with another bracket, 第 and a leading zero: the same number (kernel.Text.documentNumber)
		assertThat(OfficialNumbers.parse("行政处罚决定", "苏吴邮管罚[2026]第03号"))
			.contains(new OfficialNumbers.Parsed("苏吴邮管", 2026, 3));
		// an on-the-spot, a 不予处罚 decision and a 听证告知书 are not a 罚 / 告 number
		assertThat(OfficialNumbers.parse("行政处罚决定", "苏吴邮管当罚〔2026〕3号")).isEmpty();
		assertThat(OfficialNumbers.parse("行政处罚决定", "苏吴邮管不罚〔2026〕3号")).isEmpty();
		assertThat(OfficialNumbers.parse("处罚告知", "苏吴邮管听告〔2026〕3号")).isEmpty();
		// the earlier form and other agencies' forms are not read as the official one
		assertThat(OfficialNumbers.parse("行政处罚决定", "行政处罚决定-320506-2026-000003")).isEmpty();
		assertThat(OfficialNumbers.parse("行政处罚决定", "苏邮罚〔2026〕3号")).isEmpty();
		assertThat(OfficialNumbers.parse("申诉", "苏吴邮管罚〔2026〕3号")).isEmpty();
	}

	@Test
	void aSeriesThatNumbersNoDocumentHasNoWord() {
		assertThatThrownBy(() -> OfficialNumbers.word("申诉")).isInstanceOf(IllegalArgumentException.class);
	}
}
