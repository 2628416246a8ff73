package org.youguan.licensing.internal;

import org.youguan.rules.Provision;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.poi.util.Units;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.DeclaresTemplates;
import org.youguan.documents.DocumentTemplate;
import org.youguan.documents.DocumentTemplates;
import org.youguan.documents.WordTemplates;
import org.youguan.kernel.ChineseText;
import org.youguan.licensing.ApplicationView;
import org.youguan.platform.DemoMode;
import org.youguan.licensing.LicenceApplications.Change;
import org.youguan.licensing.NonAcceptanceGround;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The documents of the licensing procedure, filled from the templates {@code licensing/*} (built in as
 * {@code documents/licence-*.docx}, replaceable by the administrator — see {@link DocumentTemplates}): the 受理通知书,
 * the 补正通知书 listing every missing item, the 不予受理决定书 naming the competent bureau, the decision (准予 / 不予许可,
 * the latter with its reasons and the remedies of 行政复议 and 行政诉讼) and the certificate (快递业务经营许可证) with its
 * verification code and a QR code (ZXing) to the public verify page.
 */
@Component
public class LicensingDocuments implements DeclaresTemplates {

	/** The fields every licensing document is filled with (the application and the bureau). */
	private static final List<String> COMMON = List.of("bureau", "number", "applicant", "creditCode", "kind", "scope",
			"serviceArea", "address", "submittedOn", "level");

	static final DocumentTemplate RECEIPT = template("receipt", "快递业务经营许可申请受理通知书", "licence-receipt")
		.withFields("receiptNumber", "acceptedOn", "byLaw", "decisionBasis", "decisionPeriod", "decisionDueOn", "decisionNote");

	/** The 补正通知书 with its own 文号 ({@code correctionNumber}), numbered as the 受理通知书 is. */
	static final DocumentTemplate CORRECTION = template("correction-notice", "快递业务经营许可申请材料补正通知书",
			"licence-correction-notice")
		.withFields("correctionNumber", "notifiedOn")
		.withFields(Provision.documentFields(Provision.LICENSING_CORRECTION))
		.withList("items", "no", "item");

	/**
	 * The 不予受理决定书 with its own 文号: its reason with its ground ({@code reason}), the ground's article
	 * ({@code notAcceptedBasis}) and what the applicant may do ({@code advice}: only a matter outside the bureau's
	 * competence names {@code competentBureau}, {@link NonAcceptanceGround#advice}).
	 */
	static final DocumentTemplate NOT_ACCEPTED = template("not-accepted", "快递业务经营许可申请不予受理决定书",
			"licence-not-accepted")
		.withFields("notAcceptedNumber", "reason", "notAcceptedBasis", "advice", "competentBureau", "decidedOn", "remedies")
		// 行政许可法 art.32: a refusal to accept states its reasons and, art.38, the remedies
		.withRequired("bureau", "number", "applicant", "reason", "decidedOn", "remedies");

	static final DocumentTemplate APPROVAL = template("approval", "准予快递业务经营许可决定书", "licence-approval")
		.withFields("decisionNumber", "decidedOn", "licenceNumber", "validFrom", "validUntil")
		.withFields(Provision.documentFields(Provision.POSTAL_LICENCE_CONDITIONS, Provision.POSTAL_LICENSING_AUTHORITY));

	/** A renewal's approval (延续, 行政许可法(2019) art.50): the same licence number, its term run on. */
	static final DocumentTemplate RENEWAL_APPROVAL = template("renewal-approval", "准予延续快递业务经营许可决定书",
			"licence-renewal-approval")
		.withFields("decisionNumber", "decidedOn", "licenceNumber", "validFrom", "validUntil")
		.withFields(Provision.documentFields(Provision.LICENSING_RENEWAL));

	/**
	 * A change's approval (变更, 行政许可法(2019) art.49): the items changed, each before → after ({@code changes}), the
	 * licence's number and term unchanged — not the new licence's grounds of 邮政法 arts.52–53.
	 */
	static final DocumentTemplate CHANGE_APPROVAL = template("change-approval", "准予变更快递业务经营许可决定书",
			"licence-change-approval")
		.withFields("decisionNumber", "decidedOn", "licenceNumber", "validFrom", "validUntil", "changes")
		.withFields(Provision.documentFields(Provision.LICENSING_CHANGE))
		.withRequired("bureau", "applicant", "decisionNumber", "decidedOn", "licenceNumber", "changes");

	static final DocumentTemplate REFUSAL = template("refusal", "不予快递业务经营许可决定书", "licence-refusal")
		.withFields("decisionNumber", "decidedOn", "reasons", "remedies")
		.withFields(Provision.documentFields(Provision.POSTAL_LICENSING_AUTHORITY, Provision.LICENSING_REFUSAL))
		// 行政许可法 art.38: a refusal states its reasons and the right to 行政复议 and 行政诉讼
		.withRequired("bureau", "applicant", "decisionNumber", "decidedOn", "reasons", "remedies");

	/** The certificate; {@code ${qr}} marks the paragraph the QR code image takes (see {@link #withQr}). */
	static final DocumentTemplate CERTIFICATE = template("certificate", "快递业务经营许可证", "licence-certificate")
		.withFields("licenceNumber", "legalRepresentative", "verificationCode", "validFrom", "validUntil", "issuedOn",
				"verifyUrl", "qr");

	/** The text of the paragraph the QR code replaces. */
	static final String QR_FIELD = "${qr}";

	private final DocumentTemplates templates;

	private final LicensingSettings settings;

	private final StatutoryRules rules;

	/** States the decision limit, and words it when it lies in a year whose holiday notice is not loaded. */
	private final WorkingCalendar calendar;

	private final DemoMode demo;

	private final Environment environment;

	LicensingDocuments(DocumentTemplates templates, LicensingSettings settings, StatutoryRules rules,
			WorkingCalendar calendar, DemoMode demo, Environment environment) {
		this.demo = demo;
		this.environment = environment;
		this.calendar = calendar;
		this.templates = templates;
		this.settings = settings;
		this.rules = rules;
	}

	/**
	 * 受理通知书 with the receipt's 文号 and the decision limit that applies, stated from the catalogue: the
	 * {@link StatutoryRule#LICENCE_DECISION} days from acceptance (邮政法(2015) art.53, 四十五日, the time of 补正, hearing
	 * and expert review not counted) — or, for a renewal whose due date is the licence's last valid day or before
	 * ({@link StatutoryRule#LICENCE_RENEWAL_DECISION}, 行政许可法(2019) art.50), the licence's expiry, undecided by then
	 * deemed renewed: such a renewal is not given 四十五日 it does not have. That date is the expiry (or the days of
	 * the rule before it), a calendar date that no holiday notice moves, so it carries no note on the holiday notice; when
	 * the rule sets days before the expiry, the notice says that is the bureau's own deadline and that only no decision
	 * by the expiry itself counts as renewal granted. The grounds of acceptance are worded by the case ({@code byLaw}):
	 * materials complete and in form, or — accepted by law because the 补正 was not notified in time — 行政许可法(2019)
	 * art.32 "逾期不告知的，自收到申请材料之日起即为受理", which says nothing of the materials.
	 * @param bureau the receiving bureau
	 * @param competent the bureau that decides (邮政法(2015) art.53: e.g. 江苏省邮政管理局), named where the notice says who
	 *        decides
	 * @param byExpiry whether {@code a.decisionDueOn()} is the renewed licence's expiry rule's day, earlier than the
	 *        days from acceptance would give
	 */
	public byte[] receipt(ApplicationView a, String bureau, String competent, boolean byExpiry) {
		Map<String, String> f = common(a, bureau);
		f.put("level", competent);
		f.put("receiptNumber", a.receiptNumber());
		f.put("acceptedOn", ChineseText.day(a.acceptedOn()));
		f.put("byLaw", a.acceptedByLaw()
				? "本机关未在法定期限内一次告知需要补正的全部内容，根据" + Provision.LICENSING_ACCEPTANCE.formal() + "“逾期不告知的，"
						+ "自收到申请材料之日起即为受理”，该申请自收到申请材料之日（" + ChineseText.day(a.acceptedOn()) + "）起即为受理；"
						+ "依法受理不免除提交法定申请材料，尚缺的申请材料请及时补充"
				: "申请材料齐全、符合法定形式，根据" + Provision.LICENSING_ACCEPTANCE.formal() + "，本机关决定予以受理");
		StatutoryRule rule = byExpiry ? StatutoryRule.LICENCE_RENEWAL_DECISION : StatutoryRule.LICENCE_DECISION;
		int days = rules.intValue(rule, a.regionCode());
		f.put("decisionBasis", rule.citations().get(0).on(a.acceptedOn()).formal());
		f.put("decisionPeriod", !byExpiry ? "自受理之日起" + ChineseText.numeral(days) + "日内"
				: days == 0 ? "在许可证有效期届满前" : "在许可证有效期最后一日的" + ChineseText.numeral(days) + "日前");
		// the expiry (or days before it) is a calendar date, fixed: no holiday notice makes it provisional
		f.put("decisionDueOn", byExpiry ? ChineseText.day(a.decisionDueOn()) : calendar.documentDay(a.decisionDueOn()));
		String provisional = byExpiry ? "" : calendar.documentNote(a.decisionDueOn());
		f.put("decisionNote", !byExpiry ? "依法需要补正、听证、专家评审的时间不计算在内" + (provisional.isEmpty() ? "" : "；" + provisional)
				: days == 0 ? "逾期未作决定的，视为准予延续"
				: "此为本机关内部办理时限；许可证有效期届满（" + ChineseText.day(a.decisionDueOn().plusDays(days))
						+ "）前仍未作出决定的，依法视为准予延续");
		return templates.fillForParty(RECEIPT, f, Map.of(), a.applicantCreditCode());
	}

	/** 补正通知书: every missing item at once (行政许可法(2019) art.32). */
	public byte[] correctionNotice(ApplicationView a, List<String> items, String bureau) {
		Map<String, String> f = common(a, bureau);
		f.put("correctionNumber", a.correctionNumber() == null ? "" : a.correctionNumber());
		f.put("notifiedOn", ChineseText.day(a.correctionNotifiedOn()));
		List<Map<String, String>> rows = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			rows.add(Map.of("no", String.valueOf(i + 1), "item", items.get(i)));
		}
		return templates.fillForParty(CORRECTION, f, Map.of("items", rows), a.applicantCreditCode());
	}

	/**
	 * 不予受理决定书 worded by its ground ({@link NonAcceptanceGround}): "因{ground}，{reason}，根据{the ground's
	 * article}，本机关决定不予受理。{advice}" — the competent bureau named only for a matter outside the bureau's
	 * competence; the reason without its closing punctuation. A decision taken before grounds were recorded (ground
	 * null) keeps its reason as written, on art.32 as a whole, and names its competent bureau as it did.
	 * @param bureau the name of the bureau that refused to accept (the receiving clerk's), heading the decision
	 * @param bureauRegion that bureau's region: the 行政复议机关 its remedies name is the one above it
	 *        ({@link StatutoryRules#reviewBody}) — not above the approving level, which did not decide
	 */
	public byte[] notAccepted(ApplicationView a, String bureau, String bureauRegion) {
		Map<String, String> f = common(a, bureau);
		NonAcceptanceGround g = a.notAcceptedGround();
		String reason = withoutClosingPunctuation(a.notAcceptedReason());
		f.put("notAcceptedNumber", a.notAcceptedNumber() == null ? "" : a.notAcceptedNumber());
		f.put("reason", g == null ? reason : g.statement() + (reason.isEmpty() ? "" : "，" + reason));
		f.put("notAcceptedBasis", (g == null ? Provision.LICENSING_ACCEPTANCE : g.provision()).formal());
		f.put("advice", g != null ? g.advice(a.competentBureau())
				: a.competentBureau() == null ? "" : "请向" + a.competentBureau() + "提出申请。");
		f.put("competentBureau", a.competentBureau() == null ? "" : a.competentBureau());
		f.put("decidedOn", ChineseText.day(a.notAcceptedOn()));
		// the 行政复议机关 is the one above the bureau that decided (the receiving bureau's), not above the approving
		// level (国家邮政局 for an inter-province licence never saw the application) nor the applicant's county
		f.put("remedies", rules.remedies(bureauRegion));
		return templates.fillForParty(NOT_ACCEPTED, f, Map.of(), a.applicantCreditCode());
	}

	/**
	 * 不予许可决定书 (reasons and remedies), or for an approval {@link #approval} with the application's own service area
	 * and no items changed.
	 * @param bureau the name of the deciding bureau, heading the decision
	 * @param bureauRegion that bureau's region, whose 行政复议机关 ({@link StatutoryRules#reviewBody}) the remedies name
	 */
	public byte[] decision(ApplicationView a, String bureau, String bureauRegion) {
		if ("APPROVED".equals(a.decision())) {
			return approval(a, bureau, a.serviceArea(), List.of());
		}
		Map<String, String> f = common(a, bureau);
		f.put("decisionNumber", a.decisionNumber());
		f.put("decidedOn", ChineseText.day(a.decidedOn()));
		f.put("reasons", a.decisionReasons());
		// the 行政复议机关 is the one above the bureau that decided, not above the applicant's county
		f.put("remedies", rules.remedies(bureauRegion));
		return templates.fillForParty(REFUSAL, f, Map.of(), a.applicantCreditCode());
	}

	/**
	 * The approval of application {@code a}, worded by its kind: a new licence 准予快递业务经营许可决定书 (邮政法(2015)
	 * arts.52–53); a renewal 准予延续快递业务经营许可决定书 (行政许可法(2019) art.50); a change or a branch
	 * 准予变更快递业务经营许可决定书 (行政许可法(2019) art.49) listing each item changed, before → after ({@link #changed}).
	 * @param serviceArea the licence's service area as it stands after the decision (a change that does not touch it
	 *        keeps the licence's): printed as — when no one recorded it, never a blank after its label
	 * @param changes the items changed (a change or a branch); empty for the other kinds
	 */
	public byte[] approval(ApplicationView a, String bureau, String serviceArea, List<Change> changes) {
		Map<String, String> f = common(a, bureau);
		f.put("serviceArea", shown(serviceArea));
		f.put("decisionNumber", a.decisionNumber());
		f.put("decidedOn", ChineseText.day(a.decidedOn()));
		f.put("licenceNumber", a.licenceNumber());
		f.put("validFrom", ChineseText.day(a.validFrom()));
		f.put("validUntil", ChineseText.day(a.validUntil()));
		DocumentTemplate template = switch (a.kind()) {
			case NEW -> APPROVAL;
			case RENEWAL -> RENEWAL_APPROVAL;
			case CHANGE, BRANCH -> CHANGE_APPROVAL;
		};
		f.put("changes", changed(changes));
		return templates.fillForParty(template, f, Map.of(), a.applicantCreditCode());
	}

	/**
	 * The items a change approves as its decision states them, one after another: "注册资本由1000000元变更为2000000元；
	 * 服务地域由“江苏省”变更为“江苏省、浙江省”" — an item without a former value "…变更为“…”", amounts as
	 * {@link ChineseText#yuan} writes them, a branch list's lines joined with 、.
	 */
	static String changed(List<Change> changes) {
		return String.join("；", changes.stream().map(c -> {
			boolean capital = c.field().equals("registeredCapital");
			String label = capital ? "注册资本" : c.label();
			String before = capital ? amount(c.before()) : quoted(c.before());
			String after = capital ? amount(c.after()) : quoted(c.after());
			return label + (before == null ? "" : "由" + before) + "变更为" + (after == null ? "“—”" : after);
		}).toList());
	}

	private static String quoted(String value) {
		return value == null || value.isBlank() ? null : "“" + value.strip().replace('\n', '、') + "”";
	}

	private static String amount(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return ChineseText.yuan(new BigDecimal(value.strip()));
		}
		catch (NumberFormatException ex) {
			return quoted(value);
		}
	}

	/** A value printed after its label: — when there is none, never a blank. */
	private static String shown(String value) {
		return value == null || value.isBlank() ? "—" : value;
	}

	/**
	 * The certificate with the holder's legal representative and the licence's service area (— when none is known), its
	 * verification code and the QR code to the public verify page.
	 * @param serviceArea the licence's service area as it stands after the decision: a change or renewal that does not
	 *        state it keeps the licence's
	 * @param domicile the holder's registered address (住所), — when none is known
	 */
	public byte[] certificate(ApplicationView a, String bureau, String legalRepresentative, String serviceArea,
			String domicile) {
		Map<String, String> f = common(a, bureau);
		f.put("serviceArea", shown(serviceArea));
		f.put("address", shown(domicile));
		f.put("licenceNumber", a.licenceNumber());
		f.put("legalRepresentative", shown(legalRepresentative));
		f.put("verificationCode", a.verificationCode());
		f.put("validFrom", ChineseText.day(a.validFrom()));
		f.put("validUntil", ChineseText.day(a.validUntil()));
		f.put("issuedOn", ChineseText.day(a.decidedOn()));
		f.put("verifyUrl", verifyUrl(a.licenceNumber(), a.verificationCode()));
		byte[] filled = templates.fillForParty(CERTIFICATE, f, Map.of(), a.applicantCreditCode());
		return withQr(filled, qrPng(verifyUrl(a.licenceNumber(), a.verificationCode())));
	}

	/** The public verify page's address for a licence and its code (what the QR code holds). */
	public String verifyUrl(String number, String code) {
		return verifyBaseUrl() + "/public/licences/verify?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8)
				+ "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
	}

	/**
	 * The address the certificates' QR codes and links start with: {@code youguan.licensing.verify-base-url} when set;
	 * unset, in the demo, this machine at the port the server actually listens on ({@code local.server.port}: a demo
	 * started with {@code --server.port=9090} prints http://localhost:9090, not the default's 8080, which would reach
	 * nothing or another program); else the default ({@link LicensingSettings#DEFAULT_VERIFY_BASE_URL}, warned of at
	 * startup by {@code VerifyBaseUrlCheck}).
	 */
	String verifyBaseUrl() {
		String port = environment.getProperty("local.server.port");
		boolean unset = LicensingSettings.DEFAULT_VERIFY_BASE_URL.equals(settings.verifyBaseUrl());
		return unset && demo.enabled() && port != null && port.matches("\\d{1,5}") ? "http://localhost:" + port
				: settings.verifyBaseUrl();
	}

	/** A QR code (PNG, 300 px, error correction M) of {@code text}. */
	public static byte[] qrPng(String text) {
		try {
			BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8",
							EncodeHintType.MARGIN, 2));
			BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int x = 0; x < m.getWidth(); x++) {
				for (int y = 0; y < m.getHeight(); y++) {
					image.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (WriterException | IOException ex) {
			throw new IllegalStateException("QR code not written", ex);
		}
	}

	/** Puts the QR code image where {@code ${qr}} is written, keeping the rest of its paragraph ({@link WordTemplates#fillPicture}). */
	static byte[] withQr(byte[] docx, byte[] png) {
		return WordTemplates.fillPicture(docx, QR_FIELD.substring(2, QR_FIELD.length() - 1), png, Units.toEMU(110), Units.toEMU(110));
	}

	/** A reason as the decision continues it: its closing 。；，! and the like left out ("…行政许可。，根据…" read twice). */
	static String withoutClosingPunctuation(String reason) {
		return reason == null ? "" : reason.strip().replaceAll("[。．.，,；;：:！!？?、\\s]+$", "");
	}

	private Map<String, String> common(ApplicationView a, String bureau) {
		// the articles a template names ({@code ${law_LICENSING_RENEWAL}}), from the rule catalogue
		Map<String, String> f = new HashMap<>(Provision.documentValues());
		f.put("bureau", bureau);
		f.put("number", a.number());
		f.put("applicant", a.applicantName());
		f.put("creditCode", a.applicantCreditCode());
		f.put("kind", a.kind().label());
		f.put("scope", a.scope().label());
		f.put("serviceArea", a.serviceArea() == null ? "" : a.serviceArea());
		f.put("address", a.premisesAddress() == null ? "" : a.premisesAddress());
		f.put("submittedOn", ChineseText.day(a.submittedOn()));
		f.put("level", a.approvingLevel().label());
		return f;
	}

	private static DocumentTemplate template(String name, String title, String file) {
		return DocumentTemplate.of("licensing/" + name, title, "documents/" + file + ".docx").withFields(COMMON);
	}

	/** The eight documents of the procedure. */
	@Override
	public List<DocumentTemplate> templates() {
		return List.of(RECEIPT, CORRECTION, NOT_ACCEPTED, APPROVAL, RENEWAL_APPROVAL, CHANGE_APPROVAL, REFUSAL, CERTIFICATE);
	}

}
