package org.youguan.web;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.universal.VillageView;
import org.youguan.universal.Villages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's path through a real Chromium: the city's universal-service officer imports two villages' 通邮 profiles
 * from an .xlsx (one served once a week, below the standard), imports two past checks of 2019 from an .xlsx on the
 * checks' import page and sees the period's figure count them, makes a check plan by criteria (below the standard) for
 * 太仓市, records the village's check from the plan with the ordinary check form (ticking two certified inspectors),
 * sees the plan checked, the day's figure counting the village and the county map drawing it in the below-standard
 * colour.
 */
class UniversalBrowserTest extends BrowserTest {

	@Autowired
	Villages villages;

	@Test
	void importPlanAndRecordAVillageCheckThenSeeTheFigureAndTheMap() throws Exception {
		List<VillageView> taicang = villages.list(DataScope.all(), new Villages.Filter("320585", null, false, false),
				new PageQuery("", 0, 20, "code", false)).items();
		VillageView low = taicang.get(1);
		VillageView direct = taicang.get(2);
		LocalDate today = LocalDate.now(CHINA);
		Path sheet = xlsx("建制村通邮信息", new String[][] { { "建制村代码", "通邮方式", "每周投递频次", "交接点类型", "交接点地址" },
				{ low.code(), "村邮站", "1", "村邮站", "太仓某村村委会一楼" }, { direct.code(), "直接通邮", "6", "", "" } });
		// two past checks of 2019 with their real dates: a date cell and a typed date, the frequency a number cell
		LocalDate past = LocalDate.of(2019, 4, 1);
		Path pastChecks = xlsx("历史通邮检查", new Object[][] {
				{ "建制村代码", "检查日期", "实际通邮方式", "实际每周投递频次", "交接记录", "规范投递", "检查人员", "检查发现的问题" },
				{ taicang.get(3).code(), past, "直接通邮", 5, "是", "是", "王普服、陈太仓", "" },
				{ taicang.get(4).code(), "2019年4月2日", "村邮站", 1, "否", "否", "王普服、陈太仓", "投递频次低于标准" } });

		Browser.signIn(browser, url(""), "sz.universal");
		browser.get(url("/universal/checks?from=" + today + "&to=" + today));
		int checkedBefore = Integer.parseInt(browser.findElement(By.id("villages-checked")).getText());

		// past checks come in from the import page; the period's figure counts them by their real dates
		String pastPeriod = "/universal/checks?from=" + past + "&to=" + past.plusDays(1);
		browser.get(url(pastPeriod));
		int pastBefore = Integer.parseInt(browser.findElement(By.id("villages-checked")).getText());
		browser.get(url("/universal/checks"));
		click(By.id("import-checks"));
		browser.findElement(By.name("file")).sendKeys(pastChecks.toString());
		click(By.cssSelector("form[action$='/universal/checks/import'] button[type='submit']"));
		waitForText(By.id("flash"), "已导入历史通邮检查2条");
		browser.get(url(pastPeriod));
		assertThat(Integer.parseInt(browser.findElement(By.id("villages-checked")).getText())).isEqualTo(pastBefore + 2);

		browser.get(url("/universal/villages/import"));
		browser.findElement(By.name("file")).sendKeys(sheet.toString());
		click(By.cssSelector("form[action$='/universal/villages/import'] button[type='submit']"));
		waitForText(By.id("flash"), "已导入建制村通邮信息2条");
		browser.get(url("/universal/villages/" + low.code()));
		assertThat(browser.findElement(By.id("profile-deliveries")).getText()).isEqualTo("1");

		browser.get(url("/universal/plans"));
		type("planName", "太仓市低频次建制村核查");
		new Select(browser.findElement(By.id("planRegion"))).selectByVisibleText("太仓市");
		new Select(browser.findElement(By.id("planMethod"))).selectByValue("CRITERIA");
		click(By.id("belowStandard"));
		browser.findElement(By.id("sampleCount")).clear();
		Browser.screenshot(browser, "universal-plan-form");
		click(By.cssSelector("#plan-form button[type='submit']"));
		waitForText(By.id("flash"), "通邮检查计划已制定");
		String planUrl = browser.getCurrentUrl();
		assertThat(browser.findElement(By.id("plan-villages")).getText()).contains(low.name()).doesNotContain(direct.name());

		click(By.cssSelector("#plan-villages tr[data-code='" + low.code() + "'] a"));
		waitFor(By.id("check-form"));
		date("checkedOn", today);
		new Select(browser.findElement(By.id("checkMode"))).selectByValue("VILLAGE_POST");
		type("deliveriesObserved", "1");
		// two certified inspectors of the roster (the check is also their inspection record)
		click(By.cssSelector("#check-inspectors input[value='32050001']"));
		click(By.cssSelector("#check-inspectors input[value='32050002']"));
		new Select(browser.findElement(By.name("standardDelivery"))).selectByValue("false");
		type("findings", "每周仅投递一次，低于建制村投递频次标准");
		click(By.cssSelector("#check-form button[type='submit']"));
		waitForText(By.id("flash"), "通邮检查已登记");

		browser.get(planUrl);
		assertThat(browser.findElement(By.cssSelector("#plan-villages tr[data-code='" + low.code() + "']")).getText())
			.contains(today.toString());
		assertThat(browser.findElement(By.id("plan-progress")).getText()).startsWith("1 / ");
		Browser.screenshot(browser, "universal-plan");

		browser.get(url("/universal/checks?from=" + today + "&to=" + today));
		assertThat(Integer.parseInt(browser.findElement(By.id("villages-checked")).getText())).isEqualTo(checkedBefore + 1);

		browser.get(url("/universal/map"));
		new Select(browser.findElement(By.name("county"))).selectByVisibleText("太仓市");
		click(By.cssSelector("form[action$='/universal/map'] button[type='submit']"));
		waitFor(By.cssSelector("#village-map canvas"));
		assertThat(browser.findElement(By.tagName("h3")).getText()).contains("太仓市");
		int below = Integer.parseInt(browser.findElement(By.cssSelector("#map-legend tr[data-status='BELOW_STANDARD'] td.text-end")).getText());
		assertThat(below).isPositive();
		Object drawn = browser.executeScript("var name = arguments[0]; var c = echarts.getInstanceByDom(document.getElementById('village-map'));"
				+ "return c.getOption().series.filter(function (s) { return s.name === '低于频次标准'; })[0].data"
				+ ".some(function (d) { return d.name.indexOf(name) === 0; });", low.name());
		assertThat(drawn).isEqualTo(true);
		Browser.screenshot(browser, "universal-map");
	}

	/**
	 * The postal enterprise's post-office page holds three forms sharing field names: a refused 临时停业 report (the end
	 * before the start) comes back with what was typed, its own end-day field marked with the message beside it, the
	 * other forms untouched.
	 */
	@Test
	void aRefusedSuspensionComesBackTypedWithItsFieldMarked() {
		Browser.signIn(browser, url(""), "yz.sz");
		browser.get(url("/enterprise/post-offices"));
		// days the catalogue allows (the start field's min and max are the rules'), the end before the start
		String start = LocalDate.now().plusDays(10).toString();
		String end = LocalDate.now().plusDays(1).toString();
		assertThat(browser.findElement(By.id("suspension-limits")).getText()).contains("最长30天");
		browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.cssSelector("#suspension-form [name=startsOn]")), start);
		browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.cssSelector("#suspension-form [name=endsOn]")), end);
		browser.findElement(By.cssSelector("#suspension-form [name=reason]")).sendKeys("浏览器回填的停业原因");
		click(By.cssSelector("#suspension-form button[type='submit']"));
		waitFor(By.cssSelector("#suspension-form .invalid-feedback"));
		assertThat(browser.findElement(By.cssSelector("#suspension-form [name=endsOn]")).getAttribute("class")).contains("is-invalid");
		assertThat(browser.findElement(By.cssSelector("#suspension-form [name=endsOn]")).getAttribute("value")).isEqualTo(end);
		assertThat(browser.findElement(By.cssSelector("#suspension-form [name=reason]")).getAttribute("value"))
			.isEqualTo("浏览器回填的停业原因");
		assertThat(browser.findElements(By.cssSelector("#apply-form .is-invalid, #hours-form .is-invalid"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector("#apply-form [name=reason]")).getAttribute("value")).isEmpty();
	}

	/** A one-sheet .xlsx in a temporary file: strings as text cells, numbers as number cells, days as date cells. */
	private static Path xlsx(String name, Object[][] rows) throws Exception {
		Path file = Files.createTempFile("universal", ".xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sh = wb.createSheet(name);
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			for (int r = 0; r < rows.length; r++) {
				Row row = sh.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					Cell cell = row.createCell(c);
					if (rows[r][c] instanceof LocalDate day) {
						cell.setCellValue(day);
						cell.setCellStyle(date);
					}
					else if (rows[r][c] instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else {
						cell.setCellValue(String.valueOf(rows[r][c]));
					}
				}
			}
			wb.write(out);
			Files.write(file, out.toByteArray());
		}
		return file;
	}
}
