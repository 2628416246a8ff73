package org.youguan.universal;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WholeIn;
import org.youguan.kernel.Wording;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.FacilityView;
import org.youguan.rules.Audience;
import org.youguan.rules.Citation;
import org.youguan.rules.LegalText;
import org.youguan.rules.RuleSetting;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The 邮政普遍服务营业场所 the universal module supervises (the registry's facilities of kind POST_OFFICE): their
 * opening days and hours against the standard of their area (城市 ≥ 6, 乡镇 ≥ 5 days a week by 邮政法(2015) art.19 and
 * the 邮政普遍服务 standard; a province may set its own value on the rules page) and the 临时停业 the postal enterprise
 * reports. Staff see the post offices of their region; the postal enterprise sees and keeps its own.
 */
@Service
public class PostOffices {

	/** The most days a week a post office is open. */
	public static final int DAYS_A_WEEK = 7;

	/**
	 * The article on a temporary stop of service, as the postal enterprise reporting one is told it — formally, as the
	 * documents served on a party cite law ({@link Citation#formal()}): 《中华人民共和国邮政法》第十五条.
	 */
	static final String SUSPENSION_ARTICLE = Citation.of(LegalText.POSTAL_LAW, 15).formal();

	/** The article on closing a universal-service post office, cited so: 《中华人民共和国邮政法》第九条. */
	static final String CLOSURE_ARTICLE = Citation.of(LegalText.POSTAL_LAW, 9).formal();


	/** The filters of the list: region (any level) and below the standard only. */
	public record Filter(String region, boolean belowStandard) {
	}

	/**
	 * Opening days and hours as typed.
	 * @param areaType CITY or TOWNSHIP (or 城市, 乡镇)
	 * @param daysPerWeek 0–7
	 * @param openingHours e.g. "周一至周六 8:30-17:30"
	 */
	public record HoursData(String areaType, @WholeIn(min = 0, max = DAYS_A_WEEK) Integer daysPerWeek,
			String openingHours) {
	}

	/** A 临时停业 as typed: first and last day closed (YYYY-MM-DD) and the reason. */
	public record SuspensionData(Long facilityId, String startsOn, String endsOn, String reason) {
		/** The long free text (reason) as stored, searched and compared: {@link Text#freeText}. */
		public SuspensionData {
			reason = Text.freeText(reason);
		}
	}

	private static final Map<String, String> SORTS = Map.of("name", "h.facility_name", "days", "h.days_per_week",
			"region", "h.region_code");

	/**
	 * Phrasings by which opening hours say the post office does not open at all, matched in the hours as
	 * {@link #normalised} gives them (no spaces, full-width as ASCII, traditional characters as simplified). A pattern
	 * over the ways a closure is written, not a list of words (attack round 17: 暂停营运, 停运, 已搬迁, 停办业务, 长期休馆
	 * passed a list that knew 暂停营业): a verb of stopping before a word of business — 暂停/停止/终止/中止/暂缓/停 before
	 * 营业, 营运, 运营, 经营, 办公, 办理 (业务), 业务, 服务, 开放, 对外…; 不/不再/暂不/未/无 before 营业, 营运, 运营, 经营, 办公,
	 * 开放, 开门, 对外营业/服务/开放 (not before 办理: "不办理汇兑业务" closes one service, not the office) —, and the
	 * words that close or move an office by themselves: 停业, 歇业, 休业, 停运, 停用, 停办, 关闭, 关门, 关停, 关店, 闭店, 闭馆,
	 * 闭门, 休馆, 撤销, 撤并, 撤除, 撤点, 裁撤, 搬迁, 迁址, 迁移, 迁至, 迁往, 休息 (a 搬迁 needs the same art.9 approval). A
	 * phrase closing part of the week or day is told apart by {@link #saysClosed}; 午休 is no closure word.
	 */
	private static final Pattern CLOSED = Pattern.compile(
			"(?:暂停|停止|终止|中止|暂缓|停)(?:对外)?(?:营业|营运|运营|经营|办公|办理?(?:业务|服务)|办理(?![\\p{IsHan}])|业务|服务|开放|开门|接待)"
					+ "|(?:不再|暂不|不|未|无)(?:对外)?(?:营业|营运|运营|经营|办公|开放|开门|服务)"
					+ "|停止对外|暂停对外|停业|歇业|休业|停运|停用|停办|关闭|关门|关停|关店|闭店|闭馆|闭门|休馆|撤销|撤并|撤除|撤点|裁撤"
					+ "|搬迁|迁址|迁移|迁至|迁往|休息|(?i:closed|shut)");

	/** A clock time: 8:30, 8.30, 8点, 8点半, 8点30分, 17时. Groups: hour, minutes after ":" or ".", the 点/时 part. */
	private static final String TIME = "(\\d{1,2})(?:[:.](\\d{2})|[点时](半|\\d{1,2}分?)?)";

	/**
	 * An opening period: two clock times joined by -, —, ~, 至 or 到 (上午/下午/晚上/中午 allowed before either), e.g.
	 * "8:30-17:30", "8点至17点", "上午8:30—下午5:00"; or round the clock (24小时, 全天营业).
	 */
	private static final Pattern OPENING_PERIOD = Pattern.compile(TIME + "(?:-|—|–|~|至|到)+(?:上午|下午|晚上|中午)?" + TIME);

	/** What a closure word may follow when it closes a part of the week or the day, not the office. */
	private static final Pattern CLOSED_PART = Pattern.compile("周[一二三四五六日天末]|星期[一二三四五六日天]|节假日|假日|午|晚|夜");

	/** The shortest opening period an enterprise may state (minutes): "8:30-8:31" opens no office. A product bound. */
	static final int SHORTEST_OPENING_MINUTES = 60;

	private static final Pattern ROUND_THE_CLOCK = Pattern.compile("24小时|全天营业|全天开放");

	/** Traditional characters of the closure words, as their simplified forms. */
	private static final Map<Character, Character> SIMPLIFIED = Map.ofEntries(Map.entry('暫', '暂'), Map.entry('營', '营'),
			Map.entry('業', '业'), Map.entry('關', '关'), Map.entry('閉', '闭'), Map.entry('門', '门'), Map.entry('務', '务'),
			Map.entry('對', '对'), Map.entry('開', '开'), Map.entry('辦', '办'), Map.entry('經', '经'), Map.entry('無', '无'),
			Map.entry('運', '运'), Map.entry('遷', '迁'), Map.entry('館', '馆'), Map.entry('銷', '销'), Map.entry('終', '终'),
			Map.entry('併', '并'), Map.entry('點', '点'));

	private final JdbcClient jdbc;

	private final Facilities facilities;

	private final Enterprises enterprises;

	private final StatutoryRules rules;

	private final AuditTrail audit;

	private final Clock clock;

	PostOffices(JdbcClient jdbc, Facilities facilities, Enterprises enterprises, StatutoryRules rules, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.facilities = facilities;
		this.enterprises = enterprises;
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The fewest opening days a week of a post office of {@code area} in the province of {@code regionCode}: the
	 * province's value set on the rules page, else the catalogue default.
	 */
	public int standardDays(PostOfficeArea area, String regionCode) {
		String region = RegionPrefix.of(regionCode).code();
		RuleSetting s = rules.setting(area.rule(), region.length() < 2 ? "0" : region.substring(0, 2));
		return s.effectiveValue().intValue();
	}

	/**
	 * A page of the post offices with recorded opening days within the caller's scope, searched by name, optionally
	 * only those below the standard. The standard is the province's of the region filter, else of the caller's
	 * region, else the catalogue default.
	 * @throws InvalidValueException (field {@code region}) for a region filter that is no whole region
	 * @throws AccessRefusedException (403, field {@code region}) for a region outside a bureau's ({@link DataScope#regionFilter})
	 */
	public PageResult<PostOfficeView> list(DataScope scope, Filter filter, PageQuery page) {
		String region = scope.regionFilter(filter.region(), "region");
		String within = region.length() >= 2 ? region
				: scope.kind() == DataScope.Kind.REGION && scope.regionPrefix().length() >= 2 ? scope.regionPrefix() : "0";
		String below = "h.days_per_week < CASE h.area_type WHEN 'CITY' THEN " + standardDays(PostOfficeArea.CITY, within)
				+ " ELSE " + standardDays(PostOfficeArea.TOWNSHIP, within) + " END";
		Listing listing = Listing.from("FROM post_office_hours h")
			.scope(scope, "h.enterprise_credit_code", "h.region_code")
			.where(RegionPrefix.of(region).predicate("h.region_code"));
		if (filter.belowStandard()) {
			listing = listing.where(below);
		}
		// the facility number, region code and credit code the list and export show are searched as shown (Listing.search)
		return listing.search(page, "h.facility_name", "CAST(h.facility_id AS text)", "h.region_code",
				"h.enterprise_credit_code")
			.sorts(SORTS, "name", "h.facility_id")
			.page(jdbc, select(below, within), page, Rows.of(PostOfficeView.class));
	}

	/**
	 * One post office's recorded opening days.
	 * @throws DomainException not found (404) when none are recorded or the post office lies outside the caller's scope
	 */
	public PostOfficeView get(DataScope scope, long facilityId) {
		String region = jdbc.sql("SELECT region_code FROM post_office_hours WHERE facility_id = :id")
			.param("id", facilityId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("营业场所营业时间", facilityId));
		String below = "h.days_per_week < CASE h.area_type WHEN 'CITY' THEN " + standardDays(PostOfficeArea.CITY, region)
				+ " ELSE " + standardDays(PostOfficeArea.TOWNSHIP, region) + " END";
		return jdbc.sql(select(below, region) + " FROM post_office_hours h WHERE h.facility_id = :id AND "
				+ scope.enterprisePredicate("h.enterprise_credit_code", "h.region_code"))
			.params(scope.params())
			.param("id", facilityId)
			.query(Rows.of(PostOfficeView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("营业场所营业时间", facilityId));
	}

	/**
	 * Records a post office's opening days and hours (new or changed), audited with before and after.
	 *
	 * <p>Its area type (城市 or 乡镇, which sets the standard it is held to) is the bureau's finding: staff set and
	 * change it; the postal enterprise reports the hours of a post office the bureau has classified and may only repeat
	 * the recorded type (or leave it out). An enterprise's change is recorded and flagged against the standard as
	 * staff's are, except that it cannot close the post office this way: 0 days a week, or hours that only say it is
	 * closed, is the 撤销 of a 邮政普遍服务营业场所, which needs the bureau's approval and a public notice (邮政法(2015)
	 * art.9) — refused unless an approved closure of it is in effect ({@link #closureInEffect}). A 临时停业 is reported
	 * on its own ({@link #reportSuspension}), not as 0 days.
	 * @throws DomainException not found (404) when the facility is no post office in the caller's scope (an enterprise:
	 *         one of its own); 422 (field {@code daysPerWeek} or {@code openingHours}, rule {@code closure-approval})
	 *         when an enterprise closes the post office without an approval in effect
	 * @throws InvalidValueException naming every field that fails: areaType (城市 or 乡镇; an enterprise: rule
	 *         {@code bureau-only} for another type than the recorded one or a post office not classified yet),
	 *         daysPerWeek (0–7), openingHours (required, at most 100 characters)
	 */
	@Transactional
	public PostOfficeView saveHours(DataScope scope, long facilityId, HoursData data, boolean demo) {
		return saveHours(scope, facilityId, data, demo, List.of());
	}

	/**
	 * The hours saved as {@link #saveHours(DataScope, long, HoursData, boolean)} saves them, the checks continuing the
	 * failures of the form that read them ({@link Validation#after}: a number of days it could not read, null in
	 * {@code data}), so one answer names every bad field.
	 * @param earlier the form's failures ({@code kernel.FormBinding}), or an empty list
	 */
	@Transactional
	public PostOfficeView saveHours(DataScope scope, long facilityId, HoursData data, boolean demo,
			List<FieldError> earlier) {
		FacilityView f = postOffice(scope, facilityId);
		boolean enterprise = scope.kind() == DataScope.Kind.ENTERPRISE;
		Map<String, Object> before = snapshot(facilityId);
		PostOfficeArea recorded = before == null ? null : PostOfficeArea.parse((String) before.get("areaType"));
		Validation v = Validation.after(earlier);
		String typedArea = data == null ? null : data.areaType();
		PostOfficeArea area = enterprise ? enterpriseArea(v, recorded, typedArea) : PostOfficeArea.parse(typedArea);
		if (!enterprise) {
			v.require("areaType", area != null, "dictionary", "所在地类型应为城市（CITY）或乡镇（TOWNSHIP）");
		}
		Integer days = data == null ? null : data.daysPerWeek();
		v.require("daysPerWeek", days != null, "required", "请填写每周营业天数");
		if (days != null) {
			v.require("daysPerWeek", days >= 0 && days <= DAYS_A_WEEK, "range", "每周营业天数应在0至" + DAYS_A_WEEK + "天之间");
		}
		// hours stored before personal numbers were refused are shown masked (PostOfficeView): sent back so, unchanged,
		// they keep the stored text and pass as stored
		String storedHours = before == null ? null : (String) before.get("openingHours");
		String hours = Masking.keptIfSentBackMasked(Text.line(data == null ? null : data.openingHours()), storedHours);
		v.required("openingHours", "营业时间", hours).line("openingHours", "营业时间", hours, 100);
		// the hours are listed, exported and shown to the public: a duty phone belongs to the facility's record
		v.require("openingHours", hours == null || hours.equals(storedHours) || !Masking.holdsPersonalNumber(hours), "personal-number",
				"营业时间不能含手机号或身份证号：营业时间对外公开，值班电话请登记在营业场所的联系电话中");
		// an enterprise's hours say when the office opens: words alone ("周一至周日 休息", "0:00-0:00") would keep it on
		// the list as open while closing it (a closure needs the bureau's approval, below)
		v.require("openingHours", !enterprise || hours == null || days == null || days == 0 || saysClosed(hours)
				|| namesOpeningPeriod(hours), "opening-times",
				"营业时间应写明开门和关门时间，如“周一至周六 8:30-17:30”；停止营业须经撤销申请批准，临时停业请报告临时停业");
		v.throwIfInvalid();
		if (enterprise && (days == 0 || saysClosed(hours)) && !closureInEffect(facilityId)) {
			throw DomainException.rule(days == 0 ? "daysPerWeek" : "openingHours", "closure-approval", Wording.of("universal.refusal.noSelfClosure", (days == 0
					? "每周营业天数为0即停止营业" : "营业时间“" + hours + "”表示停止营业")),
					(days == 0
					? "每周营业天数为0即停止营业" : "营业时间“" + hours + "”表示停止营业")
					+ "：撤销邮政普遍服务营业场所须经邮政管理部门批准并公告（" + Provision.POSTAL_OFFICE_CLOSURE.formal() + "），营业时间中不能自行停业。"
					+ "请通过撤销申请办理（企业门户“营业场所”页的撤销、搬迁申请，或 POST /api/v1/universal/post-office-approvals，"
					+ "kind为CLOSURE），批准并公告生效后再登记；临时停业请报告临时停业（POST /api/v1/universal/post-office-suspensions）");
		}
		jdbc.sql("""
				INSERT INTO post_office_hours (facility_id, facility_name, region_code, enterprise_credit_code, area_type,
				    days_per_week, opening_hours, updated_at, updated_by, demo)
				VALUES (:id, :name, :region, :enterprise, :area, :days, :hours, :at, :by, :demo)
				ON CONFLICT (facility_id) DO UPDATE SET facility_name = EXCLUDED.facility_name,
				    region_code = EXCLUDED.region_code, enterprise_credit_code = EXCLUDED.enterprise_credit_code,
				    area_type = EXCLUDED.area_type, days_per_week = EXCLUDED.days_per_week,
				    opening_hours = EXCLUDED.opening_hours, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.param("id", facilityId)
			.param("name", f.name())
			.param("region", f.regionCode())
			.param("enterprise", creditCode(f))
			.param("area", area.name())
			.param("days", days)
			.param("hours", hours)
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actors.currentName())
			.param("demo", demo)
			.update();
		int standard = standardDays(area, f.regionCode());
		audit.record(AuditEntry.of(before == null ? "post-office.hours.create" : "post-office.hours.update", "PostOfficeHours",
				facilityId, "登记营业场所“" + f.name() + "”营业时间：每周" + days + "天，" + hours
						+ (recorded != null && recorded != area ? "；所在地类型由" + recorded.label() + "改为" + area.label() : "")
						+ (days < standard ? "（低于" + area.label() + "每周" + standard + "天的标准）" : ""))
			.states(before, snapshot(facilityId))
			.inRegion(f.regionCode()));
		return get(DataScope.all(), facilityId);
	}

	/**
	 * The area type an enterprise's hours are held to: the one the bureau recorded. Another type, or any hours of a post
	 * office the bureau has not classified yet, is refused on {@code areaType} (rule {@code bureau-only}).
	 */
	private static PostOfficeArea enterpriseArea(Validation v, PostOfficeArea recorded, String typed) {
		if (recorded == null) {
			v.require("areaType", false, "bureau-only", "所在地类型由邮政管理部门认定，该营业场所尚未认定："
					+ "请先由邮政管理部门登记其所在地类型（城市或乡镇），再报营业时间");
		}
		else if (typed != null && !Text.isBlank(typed) && PostOfficeArea.parse(typed) != recorded) {
			v.require("areaType", false, "bureau-only", "所在地类型由邮政管理部门认定，企业不能修改：该营业场所为"
					+ recorded.label() + "（" + recorded.name() + "），如有异议请联系邮政管理部门");
		}
		return recorded;
	}

	/**
	 * Whether the hours say the post office is closed: a closure word ({@link #CLOSED}, in the hours as
	 * {@link #normalised} gives them) that closes no mere part of the week or day — none of 周日, 周末, 星期六, 节假日, 中午,
	 * 晚 in the six characters before it ({@link #CLOSED_PART}), and not 休息 right after a time (a break), nor a
	 * closure phrase right after a period of at most {@link #LONGEST_BREAK_MINUTES} when the hours name another opening
	 * period ("8:30-17:30，12:00-13:00暂停办理业务": a lunch break) — whatever opening times stand beside it
	 * ("8:30-17:30 暂停营运" closes the office: the period before the phrase is its only one).
	 */
	static boolean saysClosed(String hours) {
		String n = normalised(hours);
		if (n == null) {
			return false;
		}
		var m = CLOSED.matcher(n);
		while (m.find()) {
			// "周日停业", "节假日关闭", "中午休息" close part of the week or day; a closure word with no such scope just
			// before it closes the office, whatever times stand beside it ("暂停营业（原8:30-17:30）", "8:30-17:30 全天停业")
			boolean breakAfterTime = m.group().equals("休息") && m.start() > 0 && Character.isDigit(n.charAt(m.start() - 1))
					|| breakWithin(n, m.start());
			if (!breakAfterTime && !CLOSED_PART.matcher(n.substring(Math.max(0, m.start() - 6), m.start())).find()) {
				return true;
			}
		}
		return false;
	}

	/** The longest period a closure phrase right after it may close as a break of the day (minutes): a product bound. */
	static final int LONGEST_BREAK_MINUTES = 180;

	/**
	 * Whether the closure phrase at {@code at} closes a break of the day: it follows right after a period of at most
	 * {@link #LONGEST_BREAK_MINUTES} ("12:00-13:00暂停办理业务"), and the hours name an opening period besides it.
	 */
	private static boolean breakWithin(String n, int at) {
		var period = OPENING_PERIOD.matcher(n);
		while (period.find()) {
			if (period.end() != at) {
				continue;
			}
			int from = minutes(period.group(1), period.group(2), period.group(3));
			int to = minutes(period.group(4), period.group(5), period.group(6));
			return from >= 0 && to > from && to - from <= LONGEST_BREAK_MINUTES
					&& namesOpeningPeriod(n.substring(0, period.start()) + "，" + n.substring(period.end()));
		}
		return false;
	}

	/**
	 * Whether the hours name a period the post office is open ({@link #OPENING_PERIOD} whose two times differ —
	 * "0:00-0:00" opens no minute — or round the clock), in the hours as {@link #normalised} gives them.
	 */
	static boolean namesOpeningPeriod(String hours) {
		String n = normalised(hours);
		if (n == null) {
			return false;
		}
		if (ROUND_THE_CLOCK.matcher(n).find()) {
			return true;
		}
		var m = OPENING_PERIOD.matcher(n);
		while (m.find()) {
			int from = minutes(m.group(1), m.group(2), m.group(3));
			int to = minutes(m.group(4), m.group(5), m.group(6));
			// real clock times (25:00 and 99:99 are none), open at least an hour (overnight counted past midnight)
			if (from >= 0 && to >= 0 && Math.floorMod(to - from, 24 * 60) >= SHORTEST_OPENING_MINUTES) {
				return true;
			}
		}
		return false;
	}

	/** Minutes after midnight of a clock time, or -1 when it is no clock time (hour above 24, minutes above 59). */
	private static int minutes(String hour, String afterColon, String afterCharacter) {
		int minutes = 0;
		if (afterColon != null) {
			minutes = Integer.parseInt(afterColon);
		}
		else if ("半".equals(afterCharacter)) {
			minutes = 30;
		}
		else if (afterCharacter != null) {
			minutes = Integer.parseInt(afterCharacter.replace("分", ""));
		}
		int h = Integer.parseInt(hour);
		return h > 24 || minutes > 59 || h == 24 && minutes > 0 ? -1 : h * 60 + minutes;
	}

	/**
	 * The hours as the closure and opening checks read them: NFKC (full-width digits, colons and tildes as ASCII),
	 * spaces taken out ("暂 停 营 业"), the closure words' traditional characters as simplified ("暫停營業"); null for
	 * null.
	 */
	static String normalised(String hours) {
		if (hours == null) {
			return null;
		}
		StringBuilder b = new StringBuilder();
		for (char c : Normalizer.normalize(hours, Normalizer.Form.NFKC).toCharArray()) {
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				b.append(SIMPLIFIED.getOrDefault(c, c));
			}
		}
		return b.toString();
	}

	/**
	 * Whether the post office's closure was approved and is in effect today (邮政法(2015) art.9): an approved closure
	 * announced and effective on or before today, or a past approval imported without its notice.
	 */
	boolean closureInEffect(long facilityId) {
		return closedSince(facilityId, LocalDate.now(clock)).isPresent();
	}

	/**
	 * The day an approved closure of the post office took effect, if it did on or before {@code on} — as
	 * {@link #closureInEffect} reads it: announced and effective, or a past approval imported without its notice (its
	 * decision's day). A post office closed so is no longer served: nothing is applied for or decided about it after.
	 */
	Optional<LocalDate> closedSince(long facilityId, LocalDate on) {
		return jdbc.sql("""
				SELECT CASE WHEN status = 'ANNOUNCED' THEN COALESCE(effective_on, announced_on) ELSE decided_on END AS since
				FROM post_office_approval WHERE facility_id = :id AND kind = 'CLOSURE'
				    AND ((status = 'ANNOUNCED' AND COALESCE(effective_on, announced_on) <= :on)
				        OR (status = 'APPROVED' AND imported AND decided_on <= :on))
				ORDER BY since LIMIT 1""")
			.param("id", facilityId)
			.param("on", on)
			.query(LocalDate.class)
			.optional();
	}

	/**
	 * Records a 临时停业 of a post office, audited.
	 * @throws DomainException not found (404) when the facility is no post office in the caller's scope
	 * @throws InvalidValueException naming every field that fails: facilityId (required), startsOn, endsOn (dates,
	 *         the end not before the start; rule {@code range} outside the catalogue's days, {@link
	 *         #suspensionLimits}), reason (required, at most 500 characters); 409 on {@code startsOn} (rule
	 *         {@code overlap}) when the post office's days overlap or adjoin a 临时停业 reported already
	 */
	@Transactional
	public long reportSuspension(DataScope scope, SuspensionData data, boolean demo) {
		if (data == null || data.facilityId() == null) {
			throw new InvalidValueException("facilityId", "required", "请选择停业的营业场所");
		}
		FacilityView f = postOffice(scope, data.facilityId());
		Validation v = new Validation();
		LocalDate from = v.date("startsOn", "停业开始日期", data.startsOn());
		LocalDate to = v.date("endsOn", "停业结束日期", data.endsOn());
		v.required("startsOn", "停业开始日期", data.startsOn()).required("endsOn", "停业结束日期", data.endsOn());
		if (from != null && to != null) {
			v.require("endsOn", !to.isBefore(from), "order", "停业结束日期不能早于开始日期");
		}
		SuspensionLimits limits = suspensionLimits(f.regionCode());
		refuseOutsideTheRules(v, limits, from, to);
		String reason = clean(data.reason());
		v.required("reason", "停业原因", reason).maxLength("reason", "停业原因", reason, 500);
		v.throwIfInvalid();
		// one report per stop: a second one over days already reported (the same report sent twice, or an overlap) would
		// count the days twice and leave two versions of one stop
		TransactionLocks.hold(jdbc, "post_office_suspension:" + f.id());
		record Reported(long id, LocalDate startsOn, LocalDate endsOn) {
		}
		jdbc.sql("""
				SELECT id, starts_on, ends_on FROM post_office_suspension
				WHERE facility_id = :facility AND starts_on <= :to AND ends_on >= :from ORDER BY starts_on LIMIT 1""")
			// the day before and after too: a stop split into back-to-back reports is one stop (attack round 8)
			.param("facility", f.id()).param("from", from.minusDays(1)).param("to", to.plusDays(1))
			.query((rs, n) -> new Reported(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
			.optional()
			.ifPresent(r -> {
				throw DomainException.illegalTransition("startsOn", "overlap", Wording.of("universal.refusal.suspensionTwice", f.name(), r.startsOn(), r.endsOn(), r.id()),
						"营业场所“" + f.name() + "”已报告" + ChineseText.day(r.startsOn()) + "至"
						+ ChineseText.day(r.endsOn()) + "临时停业（第" + r.id() + "号），与本次报告的日期重叠或相接：同一停业只报告一次，延长停业请联系邮政管理部门");
			});
		refuseChainedStops(f, limits.longestDays(), from, to);
		long id = jdbc.sql("""
				INSERT INTO post_office_suspension (facility_id, facility_name, region_code, enterprise_credit_code,
				    starts_on, ends_on, reason, reported_at, reported_by, demo)
				VALUES (:facility, :name, :region, :enterprise, :from, :to, :reason, :at, :by, :demo) RETURNING id""")
			.param("facility", f.id())
			.param("name", f.name())
			.param("region", f.regionCode())
			.param("enterprise", creditCode(f))
			.param("from", from)
			.param("to", to)
			.param("reason", reason)
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actors.currentName())
			.param("demo", demo)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("post-office.suspension", "PostOfficeSuspension", id,
				"报告营业场所“" + f.name() + "”临时停业：" + ChineseText.day(from) + "至" + ChineseText.day(to) + "（" + reason + "）").inRegion(f.regionCode()));
		return id;
	}

	/**
	 * The days a 临时停业 report may name in a region, from the rule catalogue: it starts on or after {@code earliest}
	 * ({@code universal.suspension.start-lookback} calendar days before today: reported promptly, 邮政法(2015) art.15) and
	 * on or before {@code latest} ({@code universal.suspension.start-lead} days after today), and lasts at most
	 * {@code longestDays} calendar days, both ends counted ({@code universal.suspension.max-length}) — a longer stop is
	 * no temporary one: it needs the bureau's approval (art.15) or a closure application (art.9).
	 * @param earliest the first day a stop reported today may start on
	 * @param latest the last day a stop reported today may start on
	 * @param longestDays the most calendar days one stop may last
	 */
	public record SuspensionLimits(LocalDate earliest, LocalDate latest, int longestDays) {
	}

	/**
	 * The days a 临时停业 reported today may name for a post office in a region ({@link SuspensionLimits}).
	 * @param region the post office's region code (its province's and its own overrides apply)
	 */
	public SuspensionLimits suspensionLimits(String region) {
		LocalDate today = LocalDate.now(clock);
		return new SuspensionLimits(today.minusDays(rules.intValue(StatutoryRule.UNIVERSAL_SUSPENSION_START_LOOKBACK, region)),
				today.plusDays(rules.intValue(StatutoryRule.UNIVERSAL_SUSPENSION_START_LEAD, region)),
				rules.intValue(StatutoryRule.UNIVERSAL_SUSPENSION_MAX_LENGTH, region));
	}

	/** Adds rule {@code range} on {@code startsOn} or {@code endsOn} for days outside the region's {@code limits}. */
	private static void refuseOutsideTheRules(Validation v, SuspensionLimits limits, LocalDate from, LocalDate to) {
		if (from == null) {
			return;
		}
		v.require("startsOn", !from.isBefore(limits.earliest()), "range", "停业开始日期不能早于" + ChineseText.day(limits.earliest())
				+ "：临时停业应及时报告（" + SUSPENSION_ARTICLE + "），早于此日开始的停业请联系邮政管理部门（补报的期限"
				+ Audience.OWN_RULE + "）");
		v.require("startsOn", !from.isAfter(limits.latest()), "range", "停业开始日期不能晚于" + ChineseText.day(limits.latest())
				+ "（提前报告的期限" + Audience.OWN_RULE + "）");
		if (to != null && !to.isBefore(from)) {
			int longest = limits.longestDays();
			v.require("endsOn", ChronoUnit.DAYS.between(from, to) + 1 <= longest, "range", "临时停业不能超过" + longest
					+ "天，结束日期最晚为" + ChineseText.day(from.plusDays(longest - 1L)) + "：更长的停止办理须经邮政管理部门批准（" + SUSPENSION_ARTICLE + "），"
					+ "不再营业的请申请撤销审批（" + CLOSURE_ARTICLE + "）（临时停业的天数" + Audience.OWN_RULE + "）");
		}
	}

	/**
	 * The fewest open days between two 临时停业 of one post office for them to be two stops: stops fewer days apart are
	 * one stop for {@code universal.suspension.max-length} (a product bound: a week, so that a stop cannot be split into
	 * reports a day apart to last months — attack round 9).
	 */
	public static final int REOPENING_DAYS = 7;

	/**
	 * Refuses a 临时停业 that, with the stops of the same post office fewer than {@link #REOPENING_DAYS} open days before
	 * or after it (and theirs in turn), would close the office longer than {@code longest} days (the region's
	 * {@code universal.suspension.max-length}) from the first day to the last: 400 {@code endsOn}, rule {@code range}.
	 */
	private void refuseChainedStops(FacilityView f, int longest, LocalDate from, LocalDate to) {
		record Stop(long id, LocalDate startsOn, LocalDate endsOn) {
		}
		List<Stop> near = jdbc.sql("""
				SELECT id, starts_on, ends_on FROM post_office_suspension
				WHERE facility_id = :facility AND starts_on <= :to AND ends_on >= :from ORDER BY starts_on""")
			.param("facility", f.id())
			.param("from", from.minusDays(longest + REOPENING_DAYS))
			.param("to", to.plusDays(longest + REOPENING_DAYS))
			.query((rs, n) -> new Stop(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
			.list();
		LocalDate first = from;
		LocalDate last = to;
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Stop s : near) {
				boolean close = !s.startsOn().isAfter(last.plusDays(REOPENING_DAYS)) && !s.endsOn().isBefore(first.minusDays(REOPENING_DAYS));
				if (close && (s.startsOn().isBefore(first) || s.endsOn().isAfter(last))) {
					first = s.startsOn().isBefore(first) ? s.startsOn() : first;
					last = s.endsOn().isAfter(last) ? s.endsOn() : last;
					grew = true;
				}
			}
		}
		long days = ChronoUnit.DAYS.between(first, last) + 1;
		if (days > longest) {
			throw new InvalidValueException("endsOn", "range", "营业场所“" + f.name() + "”" + ChineseText.day(first) + "至" + ChineseText.day(last) + "间的临时停业相隔不足"
					+ REOPENING_DAYS + "天，连同本次计为一次停业，共" + days + "天，超过" + longest
					+ "天：更长的停止办理须经邮政管理部门批准（" + SUSPENSION_ARTICLE + "）（临时停业的天数" + Audience.OWN_RULE + "）");
		}
	}

	/**
	 * A page of the reported 临时停业 within the caller's scope, the latest first.
	 * @throws InvalidValueException (field {@code region}) for a region filter that is no whole region
	 * @throws AccessRefusedException (403, field {@code region}) for a region outside a bureau's ({@link DataScope#regionFilter})
	 */
	public PageResult<SuspensionView> suspensions(DataScope scope, String region, PageQuery page) {
		return Listing.from("FROM post_office_suspension s")
			.scope(scope, "s.enterprise_credit_code", "s.region_code")
			.where(RegionPrefix.of(scope.regionFilter(region, "region")).predicate("s.region_code"))
			.search(page, jdbc, "s.id", List.of(Masked.numbers("s.reason")), "s.facility_name")
			.sorts(Map.of("starts", "s.starts_on"), "starts", true, "s.id")
			.page(jdbc, SUSPENSION_SELECT, page, Rows.of(SuspensionView.class))
			.map(SuspensionView::masked);
	}

	private static final String SUSPENSION_SELECT = """
			SELECT s.id, s.facility_id, s.facility_name, s.region_code, s.enterprise_credit_code, s.starts_on,
			    s.ends_on, s.reason, s.reported_at, s.reported_by""";

	/**
	 * One reported 临时停业 within the caller's scope (an enterprise: its own), as the list shows it.
	 * @throws DomainException not found (404) otherwise
	 */
	public SuspensionView suspension(DataScope scope, long id) {
		return Listing.from("FROM post_office_suspension s")
			.scope(scope, "s.enterprise_credit_code", "s.region_code")
			.where("s.id = :id", Map.of("id", id))
			.one(jdbc, SUSPENSION_SELECT, Rows.of(SuspensionView.class))
			.map(SuspensionView::masked)
			.orElseThrow(() -> DomainException.notFound("临时停业报告", id));
	}

	/**
	 * Refuses the caller a facility that is no 邮政普遍服务营业场所 in its scope (an enterprise: one of its own): 404 —
	 * the first question of every step on a post office ({@link #saveHours}), also asked before the step's body is read
	 * ({@code UniversalStepAccess}).
	 * @throws DomainException 404 as above
	 */
	public void requirePostOffice(DataScope scope, long facilityId) {
		postOffice(scope, facilityId);
	}

	/**
	 * The post offices the caller may read (an enterprise: its own) that are not removed, their ids by name as the
	 * registry holds it and the lists show it: a sheet names a post office so ({@link PostOfficeApprovalImport}).
	 * @return name → the ids of the post offices of that name (more than one where two share it)
	 */
	Map<String, List<Long>> idsByName(DataScope scope) {
		Map<String, List<Long>> out = new LinkedHashMap<>();
		String region = scope.kind() == DataScope.Kind.REGION ? scope.regionPrefix() : "";
		facilities.postOffices(scope, region).forEach(f -> out.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f.id()));
		return out;
	}

	FacilityView postOffice(DataScope scope, long facilityId) {
		FacilityView f = facilities.readable(scope, List.of(facilityId)).get(facilityId);
		if (f == null || f.kind() != FacilityKind.POST_OFFICE) {
			throw DomainException.notFound("邮政普遍服务营业场所", facilityId);
		}
		return f;
	}

	/** The credit code of the post office's enterprise. */
	String creditCode(FacilityView f) {
		return enterprises.get(DataScope.all(), f.enterpriseId()).creditCode();
	}

	private Map<String, Object> snapshot(long facilityId) {
		return jdbc.sql("SELECT area_type, days_per_week, opening_hours FROM post_office_hours WHERE facility_id = :id")
			.param("id", facilityId)
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("areaType", rs.getString("area_type"));
				m.put("daysPerWeek", rs.getInt("days_per_week"));
				m.put("openingHours", rs.getString("opening_hours"));
				return m;
			})
			.optional()
			.orElse(null);
	}

	private String select(String below, String region) {
		return """
				SELECT h.facility_id, h.facility_name, h.region_code, h.enterprise_credit_code, h.area_type, h.days_per_week,
				    h.opening_hours, CASE h.area_type WHEN 'CITY' THEN %d ELSE %d END AS standard_days, (%s) AS below_standard,
				    h.updated_at, h.updated_by""".formatted(standardDays(PostOfficeArea.CITY, region),
				standardDays(PostOfficeArea.TOWNSHIP, region), below);
	}

	static String clean(String s) {
		return s == null ? null : Text.blankToNull(s.replace('\u3000', ' '));
	}

}
