package org.youguan.safety.internal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.youguan.safety.SenderIdType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one reading and check of a personal document number (records' senderIdNumber, the courier roster's idNumber):
 * joiners dropped before anything is checked or hashed, a resident ID number refused under another type also when
 * hyphenated, full-width or with something added, and under 统一社会信用代码 when it happens to pass GB 32100; a number
 * needs a letter or digit; a hyphenated mobile number is still one.
 */
class IdNumbersTest {

	static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

	static final String ID = "11010519491231002X";

	static String rule(SenderIdType type, String typed) {
		IdNumbers.Refusal r = IdNumbers.refusal(type, IdNumbers.normalise(typed), TODAY);
		return r == null ? null : r.rule();
	}

	@Test
	void hyphensAndDashesOfEveryWidthAreNoPartOfTheNumber() {
		for (String typed : new String[] { "110105-19491231-002X", "110105－19491231－002ｘ", "110105‐19491231—002X",
				"110105 − 19491231 ﹣ 002x", "１１０１０５－１９４９１２３１－００２Ｘ" }) {
			assertThat(IdNumbers.normalise(typed)).as(typed).isEqualTo(ID);
			assertThat(rule(SenderIdType.RESIDENT_ID, typed)).as(typed).isNull();
		}
		assertThat(IdNumbers.normalise("ｅ１２３-45 6")).isEqualTo("E123456");
		assertThat(IdNumbers.normalise(ID)).isSameAs(ID);
	}

	/** Attack finding 1: each of these was accepted as a passport number (a second pseudonym, or 实名 with nothing). */
	@Test
	void anotherDocumentTypeRefusesAHyphenatedOrExtendedResidentIdAMobileAndNoCharacterAtAll() {
		for (SenderIdType type : new SenderIdType[] { SenderIdType.FOREIGN_PASSPORT, SenderIdType.MILITARY_ID,
				SenderIdType.HK_MO_TW_PERMIT }) {
			for (String typed : new String[] { "110105-19491231-002X", "１１０１０５－１９４９１２３１－００２Ｘ", ID,
					"11010519491231002X1", "G11010519491231002X", "E-11010519491231002X-7" }) {
				assertThat(rule(type, typed)).as(type + " " + typed).isEqualTo("id-type-mismatch");
			}
			for (String typed : new String[] { "139-1234-5678", "139 1234 5678", "86-139-1234-5678" }) {
				assertThat(rule(type, typed)).as(type + " " + typed).isEqualTo("mobile-number");
			}
			for (String typed : new String[] { "-", "---", "－", "E12/345", "A".repeat(41) }) {
				assertThat(rule(type, typed)).as(type + " " + typed).isEqualTo("format");
			}
			assertThat(rule(type, "E12345678")).isNull();
			assertThat(rule(type, "E12-345-678")).isNull();
			// 19 digits holding no valid resident ID number, and 12 digits that are no mobile number, stay numbers
			assertThat(rule(type, "1101051949123100211")).isNull();
			assertThat(rule(type, "139123456780")).isNull();
		}
	}

	/** Attack finding 2: a resident ID number that also passes GB 32100 was taken as a credit code. */
	@Test
	void aResidentIdNumberPassingTheCreditCodesCheckIsNoCreditCode() {
		assertThat(rule(SenderIdType.CREDIT_CODE, "321102198001010391")).isEqualTo("id-type-mismatch");
		assertThat(rule(SenderIdType.RESIDENT_ID, "321102198001010391")).isNull();
		assertThat(rule(SenderIdType.CREDIT_CODE, "91320506MA1ND7K3Q3")).isNull();
		assertThat(rule(SenderIdType.CREDIT_CODE, "91320506MA1234567X")).isEqualTo("credit-code");
		IdNumbers.Refusal r = IdNumbers.refusal(SenderIdType.CREDIT_CODE, "321102198001010391", TODAY);
		assertThat(r.reason()).contains("居民身份证", "统一社会信用代码").doesNotContain("19800101");
	}
}
