package org.youguan.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.ProvinceStaff;
import org.youguan.SignIn;
import org.youguan.kernel.Wording;
import org.youguan.org.Bureaus;
import org.youguan.org.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Findings (text for readers in English stayed Chinese): a step's success message, a form's required-field and rule
 * refusals, a file's refusal at import, the licensing figures and their sheet, the credit classes and the language
 * switch on the other portal's 403. Each reads without a Chinese character in English ({@code ?lang=en}) and as the
 * module wrote it in Chinese.
 */
@IntegrationTest
class EnglishSentencesIntegrationTest {

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	/** Kind A: success messages, fixed and with values, read back to their keys; Chinese keeps the module's words. */
	@Test
	void successMessagesReadInEnglishAndStayChineseInChinese() {
		for (String said : List.of("整改已验收", "已撤案", "密码已修改", "报表已退回企业修改", "已导入工作计划",
				"已导入3行，其中替换以前导入的3行", "已导入历史处罚案件1件；第3行是合计行，未作为案件导入",
				"已新建处室“Audit Unit”", "许可证SZ-1已注销：expired", "已完成2026年3月5日的预警检测，新增预警1条")) {
			String english = RefusalWords.in(said, Locale.ENGLISH);
			assertThat(english).as(said).doesNotContainPattern(HAN);
			assertThat(RefusalWords.in(said, Locale.SIMPLIFIED_CHINESE)).isEqualTo(said);
		}
		assertThat(RefusalWords.in("已导入3行，其中替换以前导入的3行", Locale.ENGLISH))
			.isEqualTo("3 rows imported, 3 of them replacing rows imported before");
		assertThat(RefusalWords.in("已导入历史处罚案件1件；第3行是合计行，未作为案件导入", Locale.ENGLISH))
			.startsWith("1 historical penalty case imported;");
		assertThat(RefusalWords.in("已完成2026年3月5日的预警检测，新增预警1条", Locale.ENGLISH))
			.isEqualTo("Alert check for 2026-03-05 done: 1 new alert");
		assertThat(RefusalWords.in("整改已验收", Locale.ENGLISH)).isEqualTo("Rectification accepted");
	}

	/** Kind B: a form's required fields and a missing parameter, worded with the field's English label. */
	@Test
	void requiredFieldsAndMissingParametersReadInEnglish() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		String english = mvc.perform(post("/admin/users/new").param("lang", "en").session(admin).with(csrf())
			.param("username", "en" + System.nanoTime())).andExpect(status().is4xxClientError()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(errors(english)).isNotEmpty().allSatisfy(e -> assertThat(e).doesNotContainPattern(HAN));
		assertThat(errors(english)).contains("Choose the user type");
		String chinese = mvc.perform(post("/admin/users/new").session(admin).with(csrf())
			.param("username", "zh" + System.nanoTime())).andExpect(status().is4xxClientError()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(errors(chinese)).contains("请选择用户类型").noneMatch(e -> e.matches(".*[A-Za-z]{4,}.*"));
		String password = mvc.perform(post("/account/password").param("lang", "en").session(SignIn.session(mvc, "wz.staff"))
			.with(csrf()).param("newPassword", "x").param("confirmPassword", "x")).andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(errors(password)).isNotEmpty().allSatisfy(e -> assertThat(e).doesNotContainPattern(HAN).contains("missing"));
		for (String refusal : List.of("调查终结报告不能为空", "请填写处理说明", "该工作计划已印发，不能重复印发", "请选择不予受理的情形",
				"缺少当前密码")) {
			assertThat(RefusalWords.in(refusal, Locale.ENGLISH)).as(refusal).doesNotContainPattern(HAN);
		}
		String plan = "只有草稿计划才能冻结名单（当前状态：已公示）";
		assertThat(RefusalWords.in(Wording.of("inspections.refusal.planState", "只有草稿计划才能冻结名单", "已公示"), plan,
				Locale.ENGLISH)).isEqualTo("Only a draft plan's population can be frozen (the plan is now: Published)");
	}

	/** Kind C: a file's refusal at import (its header, its kind, its size once unpacked) in English. */
	@Test
	void fileRefusalsAtImportReadInEnglish() throws Exception {
		for (String refusal : List.of("表头缺少：姓名（请使用导入模板）",
				"文件是CSV文件（逗号分隔的文本），不是Excel工作簿（.xlsx）（按文件内容判断，与扩展名无关）：请用Excel或WPS表格打开，另存为“Excel工作簿（*.xlsx）”后上传",
				"Excel工作簿（.xlsx）解压后过大：超过100MB（可能是“压缩炸弹”），已拒绝；请删除多余内容或分批上传",
				"一次最多导入10000行数据（不含表头），本文件超过了这一上限，请分成几个文件导入", "请粘贴或上传通知全文",
				"请选择要导入的文件", "文件格式不正确，未导入任何数据")) {
			assertThat(RefusalWords.in(refusal, Locale.ENGLISH)).as(refusal).doesNotContainPattern(HAN);
			assertThat(RefusalWords.in(refusal, Locale.SIMPLIFIED_CHINESE)).isEqualTo(refusal);
		}
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/inspections/import")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "a.xlsx", "text/csv", "a,b\n1,2\n".getBytes()))
			.param("lang", "en").session(staff).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(errors(page)).isNotEmpty().allSatisfy(e -> assertThat(e).doesNotContainPattern(HAN));
	}

	/** Kind D: the licensing figures' steps on the page and the whole sheet, title included, in English. */
	@Test
	void licensingFiguresAndTheirSheetReadInEnglish() throws Exception {
		MockHttpSession province = ProvinceStaff.session(mvc, users, bureaus);
		String page = mvc.perform(get("/licensing/figures").param("lang", "en").session(province)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Matcher steps = Pattern.compile("<table[^>]*id=\"steps\".*?</table>", Pattern.DOTALL).matcher(page);
		assertThat(steps.find()).isTrue();
		assertThat(steps.group()).contains("Acceptance or correction notice", "working days").doesNotContainPattern(HAN);
		byte[] sheet = mvc.perform(get("/licensing/figures.xlsx").param("lang", "en").session(province))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		// the title names the area by its own (Chinese) name, never its code; every other cell is English
		assertThat(cells(sheet)).anyMatch(c -> c.startsWith("Licensing figures (江苏省, "))
			.filteredOn(c -> !c.startsWith("Licensing figures (")).isNotEmpty().noneMatch(c -> HAN.matcher(c).find());
		byte[] chinese = mvc.perform(get("/licensing/figures.xlsx").session(province)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(cells(chinese)).anyMatch(c -> c.startsWith("许可统计（")).anyMatch(c -> c.startsWith("受理或补正告知（"));
	}

	/** Kind D: the credit classes of the inspection objects' filter in English. */
	@Test
	void creditClassesReadInEnglish() throws Exception {
		String page = mvc.perform(get("/inspections/objects").param("lang", "en").session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(">Trustworthy</span>", ">Not rated</span>").doesNotContain(">守信</span>", ">未评定</span>");
	}

	/** Kind E: the language switch holds on the other portal's 403, as on a 404. */
	@Test
	void theLanguageSwitchIsKeptOnTheOtherPortals403() throws Exception {
		// the query as a browser sends it (the resolver reads the query string, not the parameters)
		mvc.perform(get("/complaints?lang=en").session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isForbidden()).andExpect(cookie().value("youguan-lang", "en"));
	}

	/** The messages of the page's error box ({@code #errors}). */
	private static List<String> errors(String page) {
		List<String> found = new ArrayList<>();
		Matcher box = Pattern.compile("id=\"errors\".*?</ul>", Pattern.DOTALL).matcher(page);
		if (box.find()) {
			Matcher item = Pattern.compile("<li[^>]*>([^<]*)</li>").matcher(box.group());
			while (item.find()) {
				found.add(org.springframework.web.util.HtmlUtils.htmlUnescape(item.group(1)));
			}
		}
		return found;
	}

	/** Every text cell of the workbook's first sheet. */
	private static List<String> cells(byte[] xlsx) throws java.io.IOException {
		List<String> texts = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : book.getSheetAt(0)) {
				for (Cell cell : row) {
					if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
						texts.add(cell.getStringCellValue());
					}
				}
			}
		}
		return texts;
	}
}
