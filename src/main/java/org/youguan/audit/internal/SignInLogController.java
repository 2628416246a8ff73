package org.youguan.audit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.youguan.audit.SignInLog;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InstallationAdmin;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Wording;

/**
 * 登录日志 under the system menu (administrators and leaders, like the audit trail): sign-ins, failures and sign-outs
 * in the caller's scope, searchable by user name, name or address, filtered by result and dates, exported as .xlsx.
 */
@Controller
class SignInLogController {

	static final List<Column<SignInLog.Entry>> COLUMNS = List.of(Column.of("编号", SignInLog.Entry::id, 10),
			Column.of("时间", SignInLog.Entry::occurredAt, 20), Column.of("用户名", SignInLog.Entry::username, 20),
			Column.of("姓名", SignInLog.Entry::displayName, 20), Column.of("结果", SignInLog.Entry::result, 10),
			Column.of("说明", e -> reason(e.reason()), 30), Column.of("客户端地址", SignInLog.Entry::clientAddress, 16),
			Column.of("浏览器", e -> agent(e.userAgent()), 30));

	/** A lock after failures as the log records it: the failure's words, the failures counted, the minutes locked. */
	private static final Pattern LOCKED = Pattern.compile("(.+)，连续失败(\\d+)次，账号锁定(\\d+)分钟");

	/** The log's own reasons, which the bundle words for an English reader ({@code export.value.<reason>}). */
	static final Set<String> REASONS = Set.of("密码错误", "确认当前密码错误", "用户名不存在", "账号已锁定", "账号已停用",
			"系统未能完成验证");

	/**
	 * A reason as the export's cell words it in the reader's language: the log's own words ({@link #REASONS}) and a
	 * lock after failures ({@code 密码错误，连续失败5次，账号锁定30分钟}) by the bundle; any other text as recorded.
	 */
	static Object reason(String reason) {
		if (reason == null) {
			return null;
		}
		Matcher locked = LOCKED.matcher(reason);
		if (locked.matches() && REASONS.contains(locked.group(1))) {
			return Wording.of("export.value.signInLockedAfter", Wording.of(SheetWord.KEY + locked.group(1)), locked.group(2),
					locked.group(3));
		}
		return REASONS.contains(reason) ? SheetWord.of(reason) : reason;
	}

	/**
	 * The browser and system summary ({@code Chrome 120 · Windows}) as the export's cell words it in the reader's
	 * language: an unknown part (其他) and WeChat (微信) by the bundle; browsers' and systems' own names as recorded.
	 */
	static Object agent(String summary) {
		if (summary == null) {
			return null;
		}
		String[] parts = summary.split(" · ", 2);
		if (parts.length < 2) {
			return summary;
		}
		return Wording.of("export.value.userAgent", agentPart(parts[0]), agentPart(parts[1]));
	}

	private static Object agentPart(String part) {
		if (part.equals("其他")) {
			return Wording.of(SheetWord.KEY + "其他");
		}
		return part.startsWith("微信 ") ? Wording.of("export.value.weChat", part.substring(3)) : part;
	}

	private final SignInLog log;

	private final Spreadsheets spreadsheets;

	private final InstallationAdmin installationAdmin;

	private final Clock clock;

	SignInLogController(SignInLog log, Spreadsheets spreadsheets, InstallationAdmin installationAdmin, Clock clock) {
		this.clock = clock;
		this.log = log;
		this.spreadsheets = spreadsheets;
		this.installationAdmin = installationAdmin;
	}

	/**
	 * The result and date filters of the page and its export: the days as text, read by the one rule of a list's days
	 * ({@link FiguresPeriod#filter}: YYYY-MM-DD within 2000-01-01 … the end of next year, 400 naming {@code from} or
	 * {@code to}).
	 */
	record SignInFilter(SignInLog.Result result, String from, String to) {

		/** @throws org.youguan.kernel.InvalidValueException (400) for a day that is no date, out of range, or reversed */
		SignInLog.Filter filter(LocalDate today) {
			FiguresPeriod.Filter days = FiguresPeriod.filter(from, to, today);
			return new SignInLog.Filter(result, days.from(), days.to());
		}
	}

	/**
	 * Whose sign-ins the caller reads: the installation's 系统管理员 (of the top-level bureau) the whole installation's,
	 * with the failures of user names no account has (they belong to no region); everyone else — a city's or county's
	 * 系统管理员 too — those of accounts in their own scope (attack: a county's 系统管理员 read every sign-in).
	 */
	DataScope readable(DataScope scope, Authentication auth) {
		return installationAdmin.holds(auth) ? DataScope.all() : scope;
	}

	@GetMapping("/admin/signins")
	String list(DataScope scope, Authentication auth, ListRequest request, SignInFilter filter, Model model) {
		PageQuery page = request.toPage();
		model.addAttribute("result", log.list(readable(scope, auth), filter.filter(LocalDate.now(clock)), page));
		model.addAttribute("results", SignInLog.Result.values());
		model.addAttribute("query", page);
		return "audit/signins";
	}

	@GetMapping("/admin/signins/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, Authentication auth, ListRequest request, SignInFilter filter) {
		return Downloads.xlsx(ExportNames.of("登录日志", readable(scope, auth)), spreadsheets.write("登录日志", COLUMNS,
				log.list(readable(scope, auth), filter.filter(LocalDate.now(clock)), request.toExport()).items()));
	}
}
