package org.youguan.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding (English mode): every complaint step's success message, the one-time secrets (a temporary password, a
 * complaint's query code) and the public status page's timeline read in English for an English reader — each
 * sentence the complaints and accounts modules write has its {@code done.*} key, read back from the Chinese as written
 * ({@link RefusalWords}) — and the Chinese names the complaint once (申诉-320506-… already says 申诉, not
 * "申诉 申诉-…").
 */
class ComplaintAndAccountWordsInEnglishTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final String NUMBER = "申诉-320506-2026-000073";

	private static String english(String chinese) {
		return RefusalWords.in(chinese, Locale.ENGLISH);
	}

	@Test
	void everyComplaintStepsMessageReadsInEnglish() {
		assertThat(english(NUMBER + " 已受理并转办至 苏州吴中顺丰快递服务有限公司，企业答复期限 2026年12月15日"))
			.isEqualTo("Complaint " + NUMBER + " accepted and transferred to 苏州吴中顺丰快递服务有限公司; the enterprise replies by 2026-12-15");
		assertThat(english(NUMBER + " 答复已提交（部分有责）")).isEqualTo("Reply to complaint " + NUMBER + " submitted (Partial)");
		assertThat(english(NUMBER + " 答复已提交（有责），已逾期")).isEqualTo("Reply to complaint " + NUMBER + " submitted (Responsible), late");
		assertThat(english(NUMBER + " 已退回 苏州吴中顺丰快递服务有限公司 重新处理，期限 2026年12月14日"))
			.isEqualTo("Complaint " + NUMBER + " returned to 苏州吴中顺丰快递服务有限公司 to be redone by 2026-12-14");
		assertThat(english(NUMBER + " 回访未接通，已记录第2次回访")).isEqualTo("Complaint " + NUMBER + ": call-back not answered; attempt 2 recorded");
		assertThat(english(NUMBER + " 已记录调解结果（调解成功）")).isEqualTo("Complaint " + NUMBER + ": mediation result recorded (Mediation succeeded)");
		assertThat(english(NUMBER + " 已办结（有效申诉）")).isEqualTo("Complaint " + NUMBER + " closed (valid complaint)");
		assertThat(english(NUMBER + " 已办结（非有效申诉）")).isEqualTo("Complaint " + NUMBER + " closed (not a valid complaint)");
		assertThat(english(NUMBER + " 已登记（电话（12305））")).isEqualTo("Complaint " + NUMBER + " recorded (Phone)");
		assertThat(english(NUMBER + " 已回访（对处理工作满意，对企业不满意）")).startsWith("Complaint " + NUMBER + ": filer called back");
		assertThat(english(NUMBER + " 已移送执法线索（被申诉企业 苏州吴中顺丰快递服务有限公司）"))
			.startsWith("Complaint " + NUMBER + " referred to enforcement");
		// a Chinese reader reads them as written
		assertThat(RefusalWords.in(NUMBER + " 已办结（有效申诉）", Locale.SIMPLIFIED_CHINESE)).isEqualTo(NUMBER + " 已办结（有效申诉）");
	}

	@Test
	void oneTimeSecretsReadInEnglishWithTheSecretUnchanged() {
		assertThat(english("用户 test.en86 已创建。临时密码：Ab3$xyzQ9（仅显示一次，首次登录须修改）"))
			.isEqualTo("User test.en86 created. Temporary password: Ab3$xyzQ9 (shown once; must be changed at first sign-in)");
		assertThat(english("用户 test.en86 的临时密码：Qz7#pLm2k（仅显示一次，登录后须修改）"))
			.isEqualTo("Temporary password of test.en86: Qz7#pLm2k (shown once; must be changed at sign-in)");
		assertThat(english("用户 api.user 已创建。临时密码不向API令牌显示，请管理员登录后在页面上重置密码")).doesNotContainPattern(HAN);
		assertThat(english("请告知申诉人：申诉编号 " + NUMBER + "，查询码 R7YT69CR"))
			.isEqualTo("Tell the filer: complaint number " + NUMBER + ", query code R7YT69CR");
	}

	@Test
	void thePublicTimelineReadsInEnglish() {
		assertThat(english("已收到您的申诉（电话（12305）），申诉编号" + NUMBER + "。邮政管理部门将在规定时限内审查是否受理。"))
			.isEqualTo("Your complaint was received (Phone), complaint number " + NUMBER
					+ ". The postal administration will decide within the set time whether to accept it.");
		assertThat(english("申诉已受理，并转苏州吴中顺丰快递服务有限公司处理。"))
			.isEqualTo("The complaint was accepted and passed to 苏州吴中顺丰快递服务有限公司 to handle.");
		for (String line : new String[] { "企业已答复，邮政管理部门将回访核实。", "企业答复不符合要求，已退回企业重新处理。", "已回访。",
				"回访未接通，将再次回访。", "邮政管理部门已组织调解：调解成功。", "申诉已办结。", "申诉人已撤回申诉。" }) {
			assertThat(english(line)).as(line).doesNotContainPattern(HAN);
		}
	}
}
