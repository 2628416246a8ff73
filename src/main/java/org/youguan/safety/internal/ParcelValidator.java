package org.youguan.safety.internal;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.youguan.kernel.Masking;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WaybillNumber;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.RealNameMethod;
import org.youguan.safety.SenderIdType;

/**
 * Checks one line of an upload against every rule of the record contract and turns it into a pseudonymised
 * {@link ParcelRecord}, or names the first rule it breaks ({@link #validate}, the hot path) and then, for a refused line
 * only, every rule it breaks ({@link #faults}) (快递暂行条例(2025) arts.23, 32, 33; 邮件快件实名收寄管理办法).
 * One validator serves one batch of one enterprise on one thread: the reference sets are read once per batch, the
 * hot path allocates nothing but the record and its strings, and no regular expression runs per field.
 */
final class ParcelValidator {

	/** Longest waybill number, item category, courier id, outlet filing number and machine serial. */
	static final int MAX_TEXT = 40;

	static final int MAX_WEIGHT_GRAMS = 100_000_000;

	/**
	 * Why an accepted-at time that is no zoned time is refused: the platform's one message of a time with its offset
	 * ({@link Validation#ZONED_TIME}), which a record's upload must carry (a line has no zone of its own to read a local
	 * time in).
	 */
	static final String ACCEPTED_AT_FORMAT = "收寄时间（acceptedAt）应为" + Validation.ZONED_TIME;

	/** The recipient region of a parcel sent abroad (境外: no region code of its own; counted toward no county). */
	static final String ABROAD = "999999";

	/**
	 * Recipient regions outside the mainland's counties (GB/T 2260): 香港 810000, 澳门 820000, 台湾 710000 and
	 * {@value #ABROAD} for 境外. A sender region is always a mainland county (the enterprise accepts the parcel there).
	 */
	static final Set<String> OUTSIDE_MAINLAND = Set.of("810000", "820000", "710000", ABROAD);

	private final long enterpriseId;

	private final Set<String> counties;

	private final Map<String, Instant> outlets;

	private final Set<String> machines;

	/** The machines' and outlets' numbers upper-cased → as registered ({@link #caseFolded}). */
	private final Map<String, String> machinesByCase, outletsByCase;

	private final Map<String, List<LocalDate[]>> contracts;

	private final Set<String> senderCounties;

	private final Map<String, String> outletCounties;

	private final Pseudonyms pseudonyms;

	private final Instant latest;

	private final Instant earliest;

	/** How far back an acceptance time may lie, as the refusal states it: "30日" (whole days) or "12小时". */
	private final String windowText;

	private final LocalDate today;

	private ParcelRejection rejection;

	private final int letterMaxGrams;

	/**
	 * @param enterpriseId the uploading enterprise (from the token)
	 * @param counties every existing county-level region code
	 * @param outlets the filing numbers of the enterprise's outlets, each with the instant it closed (the start of its
	 *        closing day, China time; {@link Instant#MAX} while open)
	 * @param machines the serials of the enterprise's registered screening machines
	 * @param contracts the filing numbers of the enterprise's outlets a third-party screening contract covers, each with
	 *        the contracts' periods (first and last day, China time)
	 * @param scope where the enterprise may accept parcels: the counties a record's {@code senderRegion} may name, and
	 *        the county each outlet's records must name ({@link ParcelReferences.EnterpriseFacts})
	 * @param now the application clock's instant
	 * @param window how far back an acceptance time may lie ({@code youguan.safety.record-window})
	 * @param skew how far ahead of the clock an acceptance time may lie (the callers' clocks drift)
	 * @param letterMaxGrams the heaviest letter (信件) exempt from real-name, in grams (rule
	 *        {@code safety.letter.max-weight})
	 */
	ParcelValidator(long enterpriseId, Set<String> counties, Map<String, Instant> outlets, Set<String> machines,
			Map<String, List<LocalDate[]>> contracts, SenderScope scope, Pseudonyms pseudonyms, Instant now, Duration window,
			Duration skew, int letterMaxGrams) {
		this.senderCounties = scope.counties();
		this.outletCounties = scope.outletCounties();
		this.letterMaxGrams = letterMaxGrams;
		this.enterpriseId = enterpriseId;
		this.counties = counties;
		this.outlets = outlets;
		this.machines = machines;
		this.machinesByCase = byCase(machines);
		this.outletsByCase = byCase(outlets.keySet());
		this.contracts = contracts;
		this.pseudonyms = pseudonyms;
		this.latest = now.plus(skew);
		this.earliest = now.minus(window);
		this.windowText = window.toHours() % 24 == 0 ? window.toDays() + "日" : window.toHours() + "小时";
		this.today = now.atZone(ParcelRecord.CHINA).toLocalDate();
	}

	/**
	 * Where an enterprise may accept parcels (the rates are counted by the sender's county: a record of another county
	 * would move that county's rates).
	 * @param counties the counties a record's {@code senderRegion} may name: the enterprise's seat, branches and outlets
	 * @param outletCounties filing number → the outlet's county, the one {@code senderRegion} a record naming it may have
	 */
	record SenderScope(Set<String> counties, Map<String, String> outletCounties) {
	}

	/** Why the last {@link #validate} returned null: the first rule the line breaks. */
	ParcelRejection rejection() {
		return rejection;
	}

	/**
	 * The faults of the line being checked in full ({@link #faults}); null on the fast pass ({@link #validate}), which
	 * stops at the first.
	 */
	private List<ParcelRejection> faults;

	/** The fields of the line that broke a rule already (bits by {@link ParcelField#ordinal()}): one fault a field. */
	private int failed;

	/**
	 * The record of a line's fields (indexed by {@link ParcelField#ordinal()}, null when absent), or null when a rule
	 * is broken ({@link #rejection()} says which: the first). The hot path: it stops at the first fault and allocates
	 * nothing beyond the record and its strings; {@link #faults} lists every fault of a line it refused.
	 */
	ParcelRecord validate(String[] v) {
		rejection = null;
		failed = 0;
		for (int i = 0; i < v.length; i++) {
			if (v[i] != null && !clean(v[i], ParcelField.ALL[i]) && faults == null) {
				return null;
			}
		}
		String waybill = waybillOf(v);
		if (halted()) {
			return null;
		}
		Instant acceptedAt = acceptedAtOf(v);
		if (halted()) {
			return null;
		}
		RealNameMethod method = methodOf(v);
		if (halted()) {
			return null;
		}
		String typeText = trimmed(v[ParcelField.SENDER_ID_TYPE.ordinal()]);
		SenderIdType type = typeText == null ? null : SenderIdType.parse(typeText);
		if (typeText != null && type == null) {
			reject("senderIdType", "unknown", "寄件人证件类型（senderIdType）不是规定的证件类型：" + Text.excerpt(typeText, Decimals.ECHO) + "；应为"
					+ SenderIdType.accepted() + "之一");
			if (halted()) {
				return null;
			}
		}
		String number = trimmed(v[ParcelField.SENDER_ID_NUMBER.ordinal()]);
		String given = trimmed(v[ParcelField.SENDER_ID_PSEUDONYM.ordinal()]);
		if (method != null && method.checksIdentity()) {
			if (type == null) {
				reject("senderIdType", "required-for-method", "实名查验方式为" + method.label() + "时寄件人证件类型（senderIdType）不能为空");
			}
			if (number == null && given == null) {
				reject("senderIdNumber", "required-for-method", "实名查验方式为" + method.label()
						+ "时须提供寄件人证件号码（senderIdNumber）或其化名（senderIdPseudonym）");
			}
			if (halted()) {
				return null;
			}
		}
		String pseudonym = null;
		if (number != null) {
			if (type == null) {
				reject("senderIdType", "required-with-number", "提供寄件人证件号码（senderIdNumber）时证件类型（senderIdType）不能为空");
			}
			else {
				String normalised = IdNumbers.normalise(number);
				IdNumbers.Refusal bad = IdNumbers.refusal(type, normalised, today);
				if (bad != null) {
					reject("senderIdNumber", bad.rule(), "寄件人证件号码（senderIdNumber）" + bad.reason());
				}
				else if (faults == null) {
					pseudonym = pseudonyms.ofNormalised(normalised);
				}
			}
		}
		else if (given != null) {
			pseudonym = hex64(given);
			if (pseudonym == null) {
				reject("senderIdPseudonym", "format", "寄件人证件号码化名（senderIdPseudonym）应为64位十六进制字符（HMAC-SHA256）");
			}
		}
		if (halted()) {
			return null;
		}
		String sender = senderOf(v);
		if (halted()) {
			return null;
		}
		String recipient = recipientOf(v);
		if (halted()) {
			return null;
		}
		String category = categoryOf(v);
		if (halted()) {
			return null;
		}
		int weight = weightOf(v);
		if (halted()) {
			return null;
		}
		if (category != null && weight > letterMaxGrams && ParcelRecord.LETTER.equals(category)) {
			reject("itemCategory", "letter-weight", "物品类别为信件的，单件重量不应超过" + letterMaxGrams
					+ "克（信件即信函和明信片，" + Provision.POSTAL_DEFINITIONS + "）：" + weight + "克，请填写实际物品类别");
			if (halted()) {
				return null;
			}
		}
		Boolean inspected = bool(v[ParcelField.INSPECTED.ordinal()]);
		if (inspected == null) {
			reject("inspected", "boolean", "是否验视（inspected）应为true或false");
		}
		Boolean screened = bool(v[ParcelField.SCREENED.ordinal()]);
		if (screened == null) {
			reject("screened", "boolean", "是否过机安检（screened）应为true或false");
		}
		if (halted()) {
			return null;
		}
		String machine = caseFolded(identifier(trimmed(v[ParcelField.SCREENING_MACHINE_SERIAL.ordinal()]), machines),
				machines, machinesByCase);
		if (machine != null && !machines.contains(machine)) {
			reject("screeningMachineSerial", "not-registered",
					"安检机编号（screeningMachineSerial）不是本企业在用的安检机，也不是同品牌企业在本企业网点所在县（市、区）在用的安检机：" + Text.excerpt(machine, Decimals.ECHO));
			if (halted()) {
				return null;
			}
		}
		String outlet = caseFolded(identifier(trimmed(v[ParcelField.OUTLET_FILING_NUMBER.ordinal()]), outlets.keySet()),
				outlets.keySet(), outletsByCase);
		if (outlet != null) {
			Instant closed = outlets.get(outlet);
			if (closed == null) {
				reject("outletFilingNumber", "not-own", "网点备案编号（outletFilingNumber）不是本企业已备案的末端网点："
						+ Text.excerpt(outlet, Decimals.ECHO));
			}
			// a closed outlet takes no parcels: records accepted before its closing day stay valid (late uploads)
			else if (acceptedAt != null && !acceptedAt.isBefore(closed)) {
				reject("outletFilingNumber", "outlet-closed", "网点备案编号（outletFilingNumber）对应的末端网点已于"
						+ ChineseText.day(closed.atZone(ParcelRecord.CHINA).toLocalDate()) + "关闭（撤销备案），该日及以后收寄的记录不能计入该网点："
						+ outlet + "，收寄时间" + trimmed(v[ParcelField.ACCEPTED_AT.ordinal()]));
			}
			if (halted()) {
				return null;
			}
		}
		boolean outletKnown = !failed(ParcelField.OUTLET_FILING_NUMBER);
		// a parcel is accepted where the enterprise does business, and counted toward that county's rates: a record of a
		// county where it has no seat, branch or outlet — or not its outlet's — would move another county's figures
		String outletCounty = outlet == null ? null : outletCounties.get(outlet);
		if (sender != null && outletKnown
				&& (outletCounty != null ? !outletCounty.equals(sender) : !senderCounties.contains(sender))) {
			String senderSent = Text.excerpt(trimmed(v[ParcelField.SENDER_REGION.ordinal()]), Decimals.ECHO);
			reject("senderRegion", "region-scope", outletCounty != null
					? "寄件地区（senderRegion）应为所填网点（outletFilingNumber）所在的县级行政区划代码" + outletCounty + "：" + senderSent
					: "寄件地区（senderRegion）不是本企业住所、分支机构或已备案末端网点所在的县（市、区），不能在该地收寄：" + senderSent);
			if (halted()) {
				return null;
			}
		}
		// 过机安检 is done on a machine (快递暂行条例(2025) art.33): a screened parcel names the enterprise's machine, or —
		// screening entrusted to a third party under the same article — an outlet a contract covers on its day
		// the serial stays optional (the ingestion contract): a screened parcel without one is taken when the enterprise
		// has a machine it may name or a contract covers the outlet; an enterprise with neither cannot have screened it
		if (Boolean.TRUE.equals(screened) && machine == null && machines.isEmpty() && acceptedAt != null && outletKnown
				&& !contracted(outlet, acceptedAt)) {
			reject("screeningMachineSerial", "required", "本企业没有登记在用的安检机，过机安检的记录（screened为true）须填写"
					+ "安检机编号（screeningMachineSerial）；委托第三方安检的，须填写网点备案编号（outletFilingNumber），且该网点在收寄日有有效的委托安检合同");
			if (halted()) {
				return null;
			}
		}
		String courierKept = courierOf(v);
		if (rejection != null) {
			return null;
		}
		return new ParcelRecord(enterpriseId, waybill, acceptedAt, type, pseudonym, sender, recipient, category, weight,
				method, inspected, screened, machine, outlet, courierKept);
	}

	/**
	 * Every fault of a line {@link #validate} refused, in the order the rules are checked: each field that breaks a rule
	 * with the first rule it breaks (a field is named once), the rules across fields (an ID type the method requires, a
	 * letter's weight, the outlet's county, the screening machine) when the fields they read are themselves right. Runs
	 * only for a refused line: a valid one costs nothing more.
	 *
	 * @param v the line's fields, as {@link #validate} takes them
	 * @return the faults, at least one when the line is refused; empty when it is a valid record
	 */
	List<ParcelRejection> faults(String[] v) {
		List<ParcelRejection> all = new ArrayList<>();
		faults = all;
		try {
			validate(v);
		}
		finally {
			faults = null;
		}
		return all;
	}

	/** Whether the fast pass stops here: a rule was broken and not every fault is asked for. */
	private boolean halted() {
		return rejection != null && faults == null;
	}

	private boolean failed(ParcelField field) {
		return (failed & 1 << field.ordinal()) != 0;
	}

	private String waybillOf(String[] v) {
		String waybill = trimmed(v[ParcelField.WAYBILL_NUMBER.ordinal()]);
		if (waybill == null) {
			return reject("waybillNumber", "required", "运单号（waybillNumber）不能为空");
		}
		waybill = waybill(waybill);
		if (waybill == null) {
			return reject("waybillNumber", "format", WAYBILL_RULE);
		}
		if (personalNumber(waybill)) {
			return reject("waybillNumber", "personal-number", "运单号（waybillNumber）不得是或含有身份证号码、手机号码（请填写运单号）");
		}
		return waybill;
	}

	private Instant acceptedAtOf(String[] v) {
		String acceptedText = trimmed(v[ParcelField.ACCEPTED_AT.ordinal()]);
		if (acceptedText == null) {
			return reject("acceptedAt", "required", "收寄时间（acceptedAt）不能为空");
		}
		Instant acceptedAt = instant(acceptedText);
		if (acceptedAt == null) {
			// the one message of a zoned time (Validation.ZONED_TIME), as every body and form says it; the rule code stays
			// this contract's (format)
			return reject("acceptedAt", "format", ACCEPTED_AT_FORMAT);
		}
		if (acceptedAt.isAfter(latest)) {
			return reject("acceptedAt", "future", "收寄时间（acceptedAt）晚于当前时间：" + Text.excerpt(acceptedText, Decimals.ECHO));
		}
		if (acceptedAt.isBefore(earliest)) {
			return reject("acceptedAt", "too-old", "收寄时间（acceptedAt）早于可上报的期限（只接收" + windowText + "内收寄的记录）：" + Text.excerpt(acceptedText, Decimals.ECHO));
		}
		return acceptedAt;
	}

	private RealNameMethod methodOf(String[] v) {
		String methodText = trimmed(v[ParcelField.REAL_NAME_METHOD.ordinal()]);
		if (methodText == null) {
			return reject("realNameMethod", "required", "实名查验方式（realNameMethod）不能为空");
		}
		RealNameMethod method = RealNameMethod.parse(methodText);
		if (method == null) {
			return reject("realNameMethod", "unknown", "实名查验方式（realNameMethod）应为现场查验、线上核验、协议客户或未实名：" + Text.excerpt(methodText, Decimals.ECHO));
		}
		return method;
	}

	private String senderOf(String[] v) {
		String sender = trimmed(v[ParcelField.SENDER_REGION.ordinal()]);
		if (sender == null) {
			return reject("senderRegion", "required", "寄件地区（senderRegion）不能为空");
		}
		String senderSent = sender;
		sender = Text.halfWidthDigits(sender);
		if (!counties.contains(sender)) {
			return reject("senderRegion", "unknown", "寄件地区（senderRegion）不是现行县级行政区划代码：" + Text.excerpt(senderSent, Decimals.ECHO));
		}
		return sender;
	}

	private String recipientOf(String[] v) {
		String recipient = trimmed(v[ParcelField.RECIPIENT_REGION.ordinal()]);
		if (recipient == null) {
			return reject("recipientRegion", "required", "收件地区（recipientRegion）不能为空");
		}
		String recipientSent = recipient;
		recipient = Text.halfWidthDigits(recipient);
		if (!counties.contains(recipient) && !OUTSIDE_MAINLAND.contains(recipient)) {
			return reject("recipientRegion", "unknown", "收件地区（recipientRegion）不是现行县级行政区划代码，也不是810000（香港）、"
					+ "820000（澳门）、710000（台湾）或" + ABROAD + "（境外）：" + Text.excerpt(recipientSent, Decimals.ECHO));
		}
		return recipient;
	}

	private String categoryOf(String[] v) {
		String category = trimmed(v[ParcelField.ITEM_CATEGORY.ordinal()]);
		if (category == null) {
			return reject("itemCategory", "required", "物品类别（itemCategory）不能为空");
		}
		if (category.codePointCount(0, category.length()) > MAX_TEXT) {
			return reject("itemCategory", "length", "物品类别（itemCategory）不能超过40个字符");
		}
		if (personal(category)) {
			return reject("itemCategory", "personal-number", "物品类别（itemCategory）中不得含身份证号码或手机号码");
		}
		return category;
	}

	/** The weight in grams, or -1 when the field breaks its rule (rejected). */
	private int weightOf(String[] v) {
		String weightText = trimmed(v[ParcelField.WEIGHT_GRAMS.ordinal()]);
		if (weightText == null) {
			reject("weightGrams", "required", "重量（weightGrams）不能为空");
			return -1;
		}
		int weight = grams(Text.halfWidthDigits(weightText));
		if (weight < 1) {
			// a separator out of its place (1,20 or 12,00) is told as such: the sheets' rule, so the CSV's too
			if (weightText.indexOf(',') >= 0 || weightText.indexOf('，') >= 0) {
				reject("weightGrams", "thousands-separator", "重量（weightGrams）应为1至100000000之间的整数（克），千位分隔符须每三位一个（如1,200），或不写分隔符："
						+ Text.excerpt(weightText, Decimals.ECHO));
			}
			else {
				reject("weightGrams", "range", "重量（weightGrams）应为1至100000000之间的整数（克）：" + Text.excerpt(weightText, Decimals.ECHO));
			}
			return -1;
		}
		return weight;
	}

	/** The courier id as kept (upper-cased), null when absent or when it breaks its rule (rejected). */
	private String courierOf(String[] v) {
		String courier = typedIdentifier(trimmed(v[ParcelField.COURIER_ID.ordinal()]));
		if (courier != null && courier.codePointCount(0, courier.length()) > MAX_TEXT) {
			return reject("courierId", "length", "快递员编号（courierId）不能超过40个字符");
		}
		if (courier != null && personal(courier)) {
			return reject("courierId", "personal-number", "快递员编号（courierId）不得使用身份证号码或手机号码（请用企业内部工号）");
		}
		// the roster's rule (CourierIds): an id the roster would refuse could never be matched by rule (c)
		String courierKept = courier == null ? null : courier.toUpperCase(Locale.ROOT);
		if (courierKept != null && !CourierIds.wellFormed(courierKept)) {
			return reject("courierId", "format", CourierIds.RULE + "：" + Text.excerpt(courier, Decimals.ECHO));
		}
		return courierKept;
	}

	/**
	 * A typed number — an outlet's 备案编号, a screening machine's serial — as the registry stores it
	 * ({@link Text#identifier}: full-width digits and letters, other dashes, spaces around them, an automatic number's
	 * missing padding — 网点备案 – 320506-2026-75 is 网点备案-320506-2026-000075), so the record names the outlet or machine
	 * it was typed for and is counted under it; a number sent as stored costs one look-up.
	 */
	private static String identifier(String sent, Set<String> stored) {
		if (sent == null || stored.contains(sent)) {
			return sent;
		}
		return Text.identifier(sent);
	}

	/**
	 * A serial or filing number in the registry's own spelling when it differs from the one sent only in the case of its
	 * letters ({@code xr-320506-1} is the registered XR-320506-1), as waybill numbers and courier ids are compared
	 * whatever their case; the number as sent when none does (it is then refused as not registered). Costs a look-up
	 * only when the number sent is not stored as sent.
	 */
	private static String caseFolded(String sent, Set<String> stored, Map<String, String> byCase) {
		if (sent == null || stored.contains(sent)) {
			return sent;
		}
		return byCase.getOrDefault(sent.toUpperCase(Locale.ROOT), sent);
	}

	/** Upper-cased registered numbers → the registry's spelling (the first, should two differ only in case). */
	private static Map<String, String> byCase(Set<String> stored) {
		Map<String, String> out = new HashMap<>();
		for (String s : stored) {
			out.putIfAbsent(s.toUpperCase(Locale.ROOT), s);
		}
		return out;
	}

	/**
	 * A courier id as it is kept and compared (the courier alerts count one courier's parcels by it): written as
	 * {@link Text#identifier} writes a typed identifier — full-width digits and letters of a Chinese input method are
	 * ASCII (Ｋ００１ is K001) — when it holds anything beyond ASCII; ASCII costs one pass, no copy. The record keeps it
	 * upper-cased, as waybill numbers and the courier roster ({@code k001} is the roster's {@code K001}).
	 */
	private static String typedIdentifier(String trimmed) {
		if (trimmed == null || trimmed.chars().allMatch(c -> c < 0x80)) {
			return trimmed;
		}
		return Text.identifier(trimmed);
	}

	/** Whether a contract with a third-party screening contractor covers the outlet on the acceptance day (China time). */
	private boolean contracted(String outlet, Instant acceptedAt) {
		if (outlet == null) {
			return false;
		}
		List<LocalDate[]> periods = contracts.get(outlet);
		if (periods == null) {
			return false;
		}
		LocalDate day = acceptedAt.atZone(ParcelRecord.CHINA).toLocalDate();
		for (LocalDate[] p : periods) {
			if (!day.isBefore(p[0]) && !day.isAfter(p[1])) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a field's text holds only characters a record can keep; else the line is rejected on that field: a
	 * control character (C0, DEL, C1 — rule {@code control-character}), an invisible format character (zero-width space
	 * and joiners, U+FEFF, soft hyphen, bidirectional controls: Unicode Cf — and look-alikes: spaces other than the ASCII
	 * one, Hangul fillers, variation selectors and combining marks ({@link Text#invisible}) — rule
	 * {@code invisible-character}; two waybill numbers or courier ids would look alike and differ), a line or paragraph separator, an unpaired surrogate, or a
	 * byte that is not UTF-8 (U+FFFD as the decoder put it — rule {@code encoding}). Tabs and line breaks around the
	 * value are trimmed like spaces, inside it they are refused. Printable ASCII costs one comparison a character.
	 */
	private boolean clean(String s, ParcelField field) {
		// spaces around the value (a tab or line break a spreadsheet left, a no-break space, a BOM: Text.blank) are
		// trimmed, not refused
		int from = Text.strippedFrom(s);
		int to = Text.strippedTo(s, from);
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c >= ' ' && c < 0x7f) {
				continue;
			}
			String code;
			if (c < ' ' || c >= 0x7f && c <= 0x9f) {
				code = "control-character";
			}
			else if (c == '\uFFFD') {
				code = "encoding";
			}
			else if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
					if (!Text.invisible(Character.toCodePoint(c, s.charAt(i + 1)))) {
						i++;
						continue;
					}
					code = "invisible-character";
				}
				else {
					code = "control-character";
				}
			}
			else if (!Text.invisible(c)) {
				continue;
			}
			else {
				code = "invisible-character";
			}
			String name = field.json();
			reject(name, code, switch (code) {
				case "encoding" -> "字段" + name + "含有不是UTF-8编码的字节，请以UTF-8重新导出";
				case "invisible-character" -> "字段" + name + "含有不可见或形似的字符（" + Text.codePoint(s, i)
						+ "，如零宽空格、不换行空格、全角空格、组合符号），请删除后重新上报";
				default -> "字段" + name + "含有控制字符（" + Text.codePoint(s, i) + "），请删除后重新上报";
			});
			return false;
		}
		return true;
	}

	/**
	 * Whether a waybill number (upper-cased letters, digits and '-') holds a personal number it would keep in clear in
	 * the records, its hyphens taken out: an 18-character resident ID number anywhere in it (GB 11643-1999: province,
	 * birth date and check character right — "110105-19491231-002X", "SF11010519491231002X", "11010519491231002X-1"),
	 * or, as its whole, a mobile number (11 digits from 13–19: "13912345678", "139-1234-5678"). Eleven digits after
	 * letters are left alone, as real waybills are so written (京东 JDVA + 11 digits); 18 digits that are no valid ID
	 * number are a waybill; the 15-digit ID form, void since 2013, is not looked for. A character loop over at most 40
	 * characters (it runs for every record); the search for an ID number is the sender numbers' ({@link IdNumbers#holdsResidentId}).
	 */
	private boolean personalNumber(String waybill) {
		int n = 0;
		boolean allDigits = true;
		char first = 0;
		char second = 0;
		for (int i = 0; i < waybill.length(); i++) {
			char c = waybill.charAt(i);
			if (c == '-') {
				continue;
			}
			if (n == 0) {
				first = c;
			}
			else if (n == 1) {
				second = c;
			}
			allDigits &= digit(c);
			n++;
		}
		if (n == 11 && allDigits && first == '1' && second >= '3' && second <= '9') {
			return true;
		}
		if (n < 18) {
			return false;
		}
		return IdNumbers.holdsResidentId(n == waybill.length() ? waybill : waybill.replace("-", ""), today);
	}

	private static boolean digit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * Whether the text holds an ID or mobile number (it would be stored as is in the records):
	 * {@link Masking#holdsPersonalNumber}, asked only of a text that {@link Masking#mayHoldPersonalNumber} (11 digits or
	 * Chinese numerals at least) — one pass over the characters answers most categories and courier ids without the
	 * regular expression (the masking took 14 % of the reading thread, docs/performance.md).
	 */
	static boolean personal(String text) {
		return Masking.mayHoldPersonalNumber(text) && Masking.holdsPersonalNumber(text);
	}

	/**
	 * Records a broken rule and answers null (the value the check gives up): on the fast pass only the first one of the
	 * line, when every fault is asked for ({@link #faults}) the first one of each field.
	 */
	private <T> T reject(String field, String code, String message) {
		if (faults == null && rejection != null) {
			return null;
		}
		int index = ParcelField.index(field);
		int bit = index < 0 ? 0 : 1 << index;
		if ((failed & bit) != 0) {
			return null;
		}
		failed |= bit;
		rejection = new ParcelRejection(field, code, message);
		if (faults != null) {
			faults.add(rejection);
		}
		return null;
	}

	private static int digits(String s, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			value = value * 10 + (s.charAt(i) - '0');
		}
		return value;
	}

	/** Null for null, empty or blank; else the text without the spaces around it ({@link Text#strip}: NBSP, U+3000, a BOM too). */
	static String trimmed(String s) {
		if (s == null) {
			return null;
		}
		int len = s.length();
		if (len > 0 && edge(s.codePointAt(0)) && edge(s.codePointBefore(len))) {
			return s;
		}
		String t = Text.strip(s);
		return t.isEmpty() ? null : t;
	}

	private static boolean edge(int c) {
		return !Text.blank(c);
	}

	/** The waybill number rule as the rejection states it: the kernel's one rule ({@link WaybillNumber#FORM}). */
	static final String WAYBILL_RULE = "运单号（waybillNumber）应为" + WaybillNumber.FORM;

	/**
	 * A waybill number as it is kept, claimed and compared ({@link WaybillKey}): without surrounding white space, its
	 * letters upper-cased ("sf1" is "SF1"); null when it breaks the rule ({@link WaybillNumber}, the one a complaint's
	 * 运单号 is held to: 1–40 letters A–Z, digits or '-', at least one letter or digit — "-" or "--" is no number).
	 */
	static String waybill(String raw) {
		return WaybillNumber.written(trimmed(raw));
	}

	/** 64 hex characters, lower-cased; null when the text is not. */
	static String hex64(String s) {
		if (s.length() != 64) {
			return null;
		}
		boolean upper = false;
		for (int i = 0; i < 64; i++) {
			char c = s.charAt(i);
			if (c >= 'A' && c <= 'F') {
				upper = true;
			}
			else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
				return null;
			}
		}
		return upper ? s.toLowerCase(Locale.ROOT) : s;
	}

	/**
	 * Grams 1 … 100,000,000 from decimal digits, or -1. The digits may be grouped by thousands as the sheets take them
	 * (1,200 and 100,000,000; a full-width ， too), only in well-formed groups — one to three digits, then groups of
	 * exactly three: 1,20, 12,00 and 1,,200 are no weight. One pass over the characters, no allocation.
	 */
	static int grams(String s) {
		int n = s.length();
		// nine digits and two separators at most
		if (n == 0 || n > 11) {
			return -1;
		}
		int value = 0;
		int digits = 0;
		// digits since the last separator; whether one was seen
		int group = 0;
		boolean grouped = false;
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if (c >= '0' && c <= '9') {
				if (++digits > 9 || grouped && group == 3) {
					return -1;
				}
				value = value * 10 + (c - '0');
				group++;
			}
			else if (c == ',' || c == '，') {
				if (group == 0 || group > 3 || grouped && group != 3) {
					return -1;
				}
				grouped = true;
				group = 0;
			}
			else {
				return -1;
			}
		}
		if (grouped && group != 3) {
			return -1;
		}
		return value >= 1 && value <= MAX_WEIGHT_GRAMS ? value : -1;
	}

	static Boolean bool(String s) {
		if (s == null) {
			return null;
		}
		return switch (Text.strip(s)) {
			case "true", "TRUE", "True", "1", "是" -> Boolean.TRUE;
			case "false", "FALSE", "False", "0", "否" -> Boolean.FALSE;
			default -> null;
		};
	}

	/**
	 * An ISO-8601 instant with its offset ({@code Z} or {@code ±hh:mm}), seconds and an optional fraction: the common
	 * forms are read with a character loop, anything else by {@link OffsetDateTime#parse}; null when it is none.
	 */
	static Instant instant(String s) {
		int n = s.length();
		if (n >= 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && (s.charAt(10) == 'T' || s.charAt(10) == 't')
				&& s.charAt(13) == ':' && s.charAt(16) == ':' && allDigits(s, 0, 4) && allDigits(s, 5, 7)
				&& allDigits(s, 8, 10) && allDigits(s, 11, 13) && allDigits(s, 14, 16) && allDigits(s, 17, 19)) {
			int i = 19;
			int nanos = 0;
			if (i < n && s.charAt(i) == '.') {
				int start = ++i;
				while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
					i++;
				}
				int digits = i - start;
				if (digits == 0 || digits > 9) {
					return null;
				}
				nanos = digits(s, start, digits);
				for (int k = digits; k < 9; k++) {
					nanos *= 10;
				}
			}
			int offsetSeconds;
			if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
				offsetSeconds = 0;
			}
			else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':'
					&& allDigits(s, i + 1, i + 3) && allDigits(s, i + 4, i + 6)) {
				int hours = digits(s, i + 1, 2);
				int minutes = digits(s, i + 4, 2);
				if (hours > 18 || minutes > 59 || hours == 18 && minutes > 0) {
					// ZoneOffset's range: ±18:00 at most
					return null;
				}
				offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
			}
			else {
				return slow(s);
			}
			int year = digits(s, 0, 4);
			int month = digits(s, 5, 2);
			int day = digits(s, 8, 2);
			int hour = digits(s, 11, 2);
			int minute = digits(s, 14, 2);
			int second = digits(s, 17, 2);
			if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59
					|| day > LocalDate.of(year, month, 1).lengthOfMonth()) {
				return null;
			}
			long epochDay = LocalDate.of(year, month, day).toEpochDay();
			long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
			return Instant.ofEpochSecond(seconds, nanos);
		}
		return slow(s);
	}

	private static Instant slow(String s) {
		try {
			return OffsetDateTime.parse(s).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean allDigits(String s, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}
}
