package org.youguan.web;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.FlashMap;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.PageSteps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A page offers only what its reader may do: each demo user walks the pages its menu and their links lead to, and
 * every form a page shows is posted as shown (in a transaction rolled back, so nothing stays). A form whose post is
 * refused as not allowed (403) on a page that answered 200 means the page is open to someone its step is not — the
 * page must answer 403 too, or not show the form.
 *
 * <p>Each form is posted a second time with a value of its own typed into every free-text field: a refusal that shows
 * the form again ({@code kernel.FormSteps}) must show every typed value back in its field, and a refusal of a form
 * that asks for typed text is never the bare error page (the form lost with what was typed).
 */
@IntegrationTest
class FormsMatchTheirPagesIntegrationTest {

	static final List<String> USERS = List.of("sys.admin", "js.leader", "sz.admin", "sz.leader", "sz.market", "wz.staff",
			"sf.wz", "yz.sz");

	/** Pages of one shape (ids replaced) walked per user: enough to meet each page's forms. */
	static final int PER_SHAPE = 2;

	static final int MAX_PAGES = 400;

	@Autowired
	MockMvc mvc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void noPageShowsAFormItsReaderMayNotPostAndARefusedFormKeepsWhatWasTyped() throws Exception {
		List<String> refused = new ArrayList<>();
		List<String> lost = new ArrayList<>();
		for (String user : USERS) {
			refused.addAll(walk(user, lost));
		}
		assertThat(refused).as("forms refused with 403 on pages answered with 200").isEmpty();
		assertThat(lost).as("refused forms that lost what was typed").isEmpty();
	}

	List<String> walk(String user, List<String> lost) throws Exception {
		MockHttpSession session = SignIn.session(mvc, user);
		Deque<String> queue = new ArrayDeque<>(List.of("/"));
		Set<String> seen = new LinkedHashSet<>(queue);
		Map<String, Integer> shapes = new LinkedHashMap<>();
		Set<String> posted = new LinkedHashSet<>();
		List<String> refused = new ArrayList<>();
		int pages = 0;
		while (!queue.isEmpty() && pages < MAX_PAGES) {
			String path = queue.poll();
			MockHttpServletResponse r = perform(MockMvcRequestBuilders.get(path).session(session));
			if (r.getStatus() != 200 || r.getContentType() == null || !r.getContentType().startsWith("text/html")) {
				continue;
			}
			pages++;
			Document page = Jsoup.parse(r.getContentAsString(StandardCharsets.UTF_8));
			for (Element a : page.select("a[href]")) {
				String href = a.attr("href");
				int cut = href.indexOf('#');
				href = cut >= 0 ? href.substring(0, cut) : href;
				if (!href.startsWith("/") || href.startsWith("//") || skipped(href) || !seen.add(href)) {
					continue;
				}
				String shape = shape(href);
				if (shapes.merge(shape, 1, Integer::sum) <= PER_SHAPE) {
					queue.add(href);
				}
			}
			for (Element form : page.select("form")) {
				if (!form.attr("method").equalsIgnoreCase("post")) {
					continue;
				}
				String action = form.attr("action");
				if (!action.startsWith("/") || skipped(action) || !posted.add(shape(action))) {
					continue;
				}
				MockHttpServletRequestBuilder post = MockMvcRequestBuilders.post(action).session(session).with(csrf());
				for (Map.Entry<String, String> field : InputRobustnessIntegrationTest.formData(form)) {
					if (!field.getKey().equals("_csrf")) {
						post.param(field.getKey(), field.getValue());
					}
				}
				MockHttpServletResponse answer = perform(post);
				if (answer.getStatus() == 403 || refusedBack(last)) {
					refused.add(user + ": page " + path + " shows a form posting to " + action + ", refused 403 "
							+ InputRobustnessIntegrationTest.excerpt(answer));
				}
				else {
					typedComesBack(user, path, form, session, lost);
				}
			}
		}
		return refused;
	}

	/**
	 * Posts {@code form} with a marker typed into each free-text field (text inputs and text areas shown): when the
	 * answer is a refusal (4xx) as a page, the page shows the form again with every marker in its field; a refusal as
	 * the error page, without the form, is a lost form. A step that succeeds (rolled back) or flashes its refusal across
	 * a redirect ({@code PageSteps}: a button or a reason) is not this check's.
	 */
	void typedComesBack(String user, String path, Element form, MockHttpSession session, List<String> lost) {
		String action = form.attr("action");
		AbstractMockHttpServletRequestBuilder<?> post;
		if (form.attr("enctype").equalsIgnoreCase("multipart/form-data")) {
			// as a browser posts it: every file input as a part, empty when no file is chosen
			var multipart = MockMvcRequestBuilders.multipart(action);
			for (Element file : form.select("input[type=file][name]")) {
				multipart.file(new MockMultipartFile(file.attr("name"), "",
						"application/octet-stream", new byte[0]));
			}
			post = multipart.session(session).with(csrf());
		}
		else {
			post = MockMvcRequestBuilders.post(action).session(session).with(csrf());
		}
		Map<String, String> typed = new LinkedHashMap<>();
		for (Element field : form.select("input, textarea")) {
			String type = field.attr("type").toLowerCase(Locale.ROOT);
			boolean text = field.tagName().equals("textarea") || type.isEmpty() || type.equals("text");
			if (text && !field.attr("name").isEmpty() && !field.hasAttr("disabled") && !field.hasAttr("readonly")
					&& !typed.containsKey(field.attr("name"))) {
				typed.put(field.attr("name"), "回填" + (typed.size() + 1) + "x");
			}
		}
		if (typed.isEmpty()) {
			return;
		}
		Set<String> sent = new LinkedHashSet<>();
		for (Map.Entry<String, String> field : InputRobustnessIntegrationTest.formData(form)) {
			String name = field.getKey();
			if (name.equals("_csrf") || typed.containsKey(name) && !sent.add(name)) {
				continue;
			}
			post.param(name, typed.getOrDefault(name, field.getValue()));
		}
		MockHttpServletResponse answer = perform(post);
		String type = answer.getContentType();
		if (answer.getStatus() < 400 || answer.getStatus() == 404 || type == null || !type.startsWith("text/html")) {
			return;
		}
		Document page;
		try {
			page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		if (page.select("form").stream().noneMatch(f -> f.attr("action").equals(action))) {
			lost.add(user + ": " + path + " → " + action + " refused " + answer.getStatus() + " with the error page");
			return;
		}
		for (Map.Entry<String, String> t : typed.entrySet()) {
			boolean back = page.select("input, textarea").stream().filter(e -> e.attr("name").equals(t.getKey()))
				.anyMatch(e -> t.getValue().equals(e.tagName().equals("textarea") ? e.wholeText() : e.attr("value")));
			if (!back) {
				lost.add(user + ": " + path + " → " + action + " refused " + answer.getStatus() + ": field " + t.getKey()
						+ " lost the typed value");
			}
		}
	}

	static boolean skipped(String href) {
		return href.startsWith("/logout") || href.startsWith("/api/") || href.startsWith("/webjars/") || href.startsWith("/css/")
				|| href.startsWith("/js/") || href.startsWith("/img/") || href.startsWith("/public") || href.startsWith("/account")
				|| href.contains(".xlsx") || href.contains(".docx") || href.contains(".pdf") || href.contains(".ics")
				|| href.contains("/attachments/") || href.contains("/download") || href.startsWith("/login");
	}

	/** A path with its numbers (ids, codes) and query replaced: pages of one shape show the same forms. */
	static String shape(String href) {
		String path = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
		return path.replaceAll("/[^/]*\\d[^/]*", "/#");
	}

	/** The last answer {@link #perform} had, with its flash. */
	MvcResult last;

	/**
	 * Whether a page's step was refused to the caller and sent back to its record's page (403 flashed:
	 * {@code web.ErrorHandling#refused}) — the step refused as not allowed, as a 403 is.
	 */
	static boolean refusedBack(MvcResult result) {
		FlashMap flash = result == null ? null : result.getFlashMap();
		return result != null && result.getResponse().getStatus() == 302 && flash != null
				&& Integer.valueOf(403).equals(flash.get(PageSteps.REFUSED_STATUS));
	}

	MockHttpServletResponse perform(RequestBuilder b) {
		return tx.execute(status -> {
			status.setRollbackOnly();
			try {
				last = mvc.perform(b).andReturn();
				return last.getResponse();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}
}
