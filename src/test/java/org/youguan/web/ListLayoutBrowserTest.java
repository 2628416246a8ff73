package org.youguan.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 10: on the main list pages nothing overlaps at a laptop's 1366 px and a phone's 390 px — no two
 * visible buttons of the page (the toolbars) and no two header cells of a table share any area, and every visible
 * button outside a scrolling table lies inside its card and the window. Measured from the bounding boxes Chromium lays out.
 */
class ListLayoutBrowserTest extends BrowserTest {

	static final List<String> PAGES = List.of("/registry/outlets", "/complaints", "/filing/queue", "/statistics/reports",
			"/workplans");

	/** Overlapping pairs and cut-off buttons on the current page, as text. */
	static final String CLASHES = """
			const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0
			    && getComputedStyle(e).visibility !== 'hidden'; };
			const name = e => (e.id ? '#' + e.id : '') + ' "' + e.textContent.trim().slice(0, 20) + '"';
			const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
			    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
			const clashes = [];
			const check = (elements, what) => {
			  const list = elements.filter(visible);
			  for (let i = 0; i < list.length; i++) {
			    for (let j = i + 1; j < list.length; j++) {
			      if (list[i].contains(list[j]) || list[j].contains(list[i])) { continue; }
			      if (overlap(list[i].getBoundingClientRect(), list[j].getBoundingClientRect())) {
			        clashes.push(what + ': ' + name(list[i]) + ' overlaps ' + name(list[j]));
			      }
			    }
			  }
			};
			const page = document.querySelector('main.page-body');
			check(Array.from(page.querySelectorAll('.btn')), 'buttons');
			page.querySelectorAll('table').forEach(t => check(Array.from(t.querySelectorAll('thead th')), 'header cells'));
			Array.from(page.querySelectorAll('.btn')).filter(visible).filter(b => !b.closest('.table-responsive'))
			  .forEach(b => { const r = b.getBoundingClientRect();
			    const box = (b.closest('.card') || page).getBoundingClientRect();
			    if (r.left < Math.max(box.left, 0) - 1 || r.right > Math.min(box.right, document.documentElement.clientWidth) + 1) {
			      clashes.push('outside its card or the window: ' + name(b)); } });
			return clashes;
			""";

	@Test
	void nothingOverlapsOnTheMainListsAtLaptopAndPhoneWidths() throws Exception {
		Browser.signIn(browser, url(""), "sz.admin");
		try {
			for (int width : new int[] { 1366, 390 }) {
				browser.manage().window().setSize(new Dimension(width, 900));
				for (String path : PAGES) {
					browser.get(url(path));
					waitFor(By.cssSelector("main.page-body table"));
					@SuppressWarnings("unchecked")
					List<String> clashes = (List<String>) browser.executeScript(CLASHES);
					assertThat(clashes).as(path + " at " + width + " px").isEmpty();
				}
				browser.get(url("/registry/outlets"));
				Browser.screenshot(browser, "outlets-" + width);
			}
		}
		finally {
			browser.manage().window().setSize(new Dimension(1366, 1000));
		}
	}

	/**
	 * The menu of the user who sees the most sections (a city bureau's administrator and staff): at a laptop's and a
	 * small laptop's width, in Chinese and English, every section title stands on one line (one line box) and no two
	 * sections overlap.
	 */
	@Test
	void everyMenuTitleStandsOnOneLine() throws Exception {
		Browser.signIn(browser, url(""), "sz.admin");
		try {
			for (String lang : new String[] { "zh-CN", "en" }) {
				for (int width : new int[] { 1366, 1024 }) {
					browser.manage().window().setSize(new Dimension(width, 900));
					browser.get(url("/?lang=" + lang));
					waitFor(By.cssSelector("#nav-menu .nav-link-title"));
					@SuppressWarnings("unchecked")
					List<String> broken = (List<String>) browser.executeScript("""
							const titles = Array.from(document.querySelectorAll('#nav-menu .nav-link-title'));
							const broken = titles.filter(t => t.getClientRects().length !== 1).map(t => t.textContent.trim());
							const items = Array.from(document.querySelectorAll('#nav-menu .nav-item')).map(i => i.getBoundingClientRect());
							for (let i = 0; i < items.length; i++) { for (let j = i + 1; j < items.length; j++) {
							  const a = items[i], b = items[j];
							  if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
							      && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) { broken.push('overlap ' + i + '/' + j); } } }
							return titles.length < 8 ? ['only ' + titles.length + ' sections'] : broken;
							""");
					assertThat(broken).as("menu at " + width + " px in " + lang).isEmpty();
				}
			}
			Browser.screenshot(browser, "menu-en-1024");
		}
		finally {
			browser.get(url("/?lang=zh-CN"));
			browser.manage().window().setSize(new Dimension(1366, 1000));
		}
	}
}
