package org.youguan.enforcement.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.CaseDecisions;
import org.youguan.enforcement.CaseExecution;
import org.youguan.enforcement.CaseInvestigation;
import org.youguan.enforcement.CaseFilter;
import org.youguan.enforcement.CaseStatus;
import org.youguan.enforcement.DecisionLimit;
import org.youguan.enforcement.DecisionPublication;
import org.youguan.enforcement.EnforcementFigures;
import org.youguan.enforcement.LeadStatus;
import org.youguan.enforcement.LeadView;
import org.youguan.enforcement.Leads;
import org.youguan.enforcement.NoticeAndHearing;
import org.youguan.enforcement.Officer;
import org.youguan.enforcement.PastCases;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.CaseRoles;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListFilter;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.PageResult;
import org.youguan.org.CurrentUser;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The enforcement API for bureau staff and their systems: leads, the case procedure step by step, past cases
 * ({@code POST /api/v1/enforcement/cases/imported}, marked imported) and the period's figures
 * ({@code GET /api/v1/enforcement/figures}). 立案 and 不予立案, the extension of the decision limit and the decisions that end a case
 * — 处罚决定, 不予处罚, 撤案 and 移送 (行政处罚法(2021) art.57) — are for the bureau head (局领导) only.
 */
@RestController
@RequestMapping("/api/v1/enforcement")
@Tag(name = "行政处罚", description = "案件线索、处罚案件办理流程、历史案件迁移与处罚统计（按调用者数据权限）")
class EnforcementApiController {

	static final String WRITERS = CaseRoles.HANDLERS;

	static final String READERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')";

	static final String HEADS = "hasRole('BUREAU_LEADER')";

	private final Leads leads;

	private final PenaltyCases cases;

	private final PastCases pastCases;

	private final DecisionPublication decisionPublication;

	private final CaseExecution caseExecution;

	private final DecisionLimit decisionLimit;

	private final CaseDecisions caseDecisions;

	private final NoticeAndHearing noticeAndHearing;

	private final CaseInvestigation caseInvestigation;

	private final EnforcementFigures figures;

	private final Clock clock;


	EnforcementApiController(Leads leads, PenaltyCases cases, PastCases pastCases,
			DecisionPublication decisionPublication, CaseExecution caseExecution, DecisionLimit decisionLimit,
			CaseDecisions caseDecisions, NoticeAndHearing noticeAndHearing, CaseInvestigation caseInvestigation,
			EnforcementFigures figures, Clock clock) {
		this.leads = leads;
		this.cases = cases;
		this.pastCases = pastCases;
		this.decisionPublication = decisionPublication;
		this.caseExecution = caseExecution;
		this.decisionLimit = decisionLimit;
		this.caseDecisions = caseDecisions;
		this.noticeAndHearing = noticeAndHearing;
		this.caseInvestigation = caseInvestigation;
		this.figures = figures;
		this.clock = clock;
	}

	/** The id of what was created. */
	record Created(long id) {
	}

	/**
	 * A lead proposed for 立案; {@code harm}: concerns life and health or financial safety with harmful consequences,
	 * {@code harmReason} saying why (required with it).
	 */
	record Proposal(String violation, String endedOn, String enterpriseCreditCode, Boolean harm, String harmReason) {
	}

	/** A reason (closing a lead, 不予处罚, 撤案, extension, withdrawal of a publication, closing note). */
	record Reason(String reason) {
	}

	/** The investigators of a case. */
	record Team(List<CaseInvestigation.Member> investigators) {
	}

	/** A review's outcome. */
	record Review(Boolean agreed, String opinion) {
	}

	/** A day, and for some steps a text. */
	record Dated(String on, String text) {
	}

	/**
	 * The party's 陈述申辩 as staff record it: the day ({@code on}) and what it said, {@code statement} — the name the
	 * enterprise API gives it. {@code text}, the name this step used before, is still read when {@code statement} is
	 * absent (deprecated); sent both, {@code statement} is taken.
	 */
	record Statement(String on, String statement, @Deprecated String text) {

		/** The field the caller named the statement by: {@code text} only when it sent that alone. */
		String field() {
			return statement == null && text != null ? "text" : "statement";
		}

		/** The statement as sent, under either name. */
		String said() {
			return statement != null ? statement : text;
		}
	}

	/**
	 * A hearing held: the day and its record (听证笔录) if given; {@code noticeOn}, {@code place} and {@code host} (a staff
	 * account's id) only for a hearing noticed on paper, without a 听证通知 on the platform.
	 */
	record Hearing(String noticeOn, String hearingOn, String place, Long host, String record) {
	}

	/** A payment. */
	record Payment(String paidOn, @JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = CaseExecution.PAID,
			integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) String amount,
			@JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = CaseExecution.INSTALMENT_NUMBER,
					integer = CaseExecution.INSTALMENT_DIGITS, fraction = 0) String instalment) {
	}

	/** A pause of the decision clock. */
	record Pause(String kind, String startedOn, String reason) {
	}

	@GetMapping("/figures")
	@PreAuthorize(READERS)
	@Operation(summary = "处罚统计", description = "期间内（from、to，YYYY-MM-DD，默认本年初至今天）区域（region，默认本单位；应为2、4、6、9或12位且存在的行政区划代码，否则400）的"
			+ "线索数（leads）、立案数（casesFiled）、被处罚企业数（penalizedEnterprises，去重）、罚款决定金额（fineTotal，元）、"
			+ "已缴罚款（fineCollected，元，不含加处罚款，减去期间内退还的多缴罚款）、警告数（warnings）和已公示决定数（decisionsPublished）。"
			+ FiguresPeriod.API_RULES)
	EnforcementFigures.Figures figures(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		LocalDate today = LocalDate.now(clock);
		FiguresQuery q = FiguresQuery.of(scope, region, me.regionCode(), from, to, today);
		return figures.figures(scope, q.region(), q.from(), q.to());
	}

	@GetMapping("/leads")
	@PreAuthorize(READERS)
	@Operation(summary = "案件线索列表", description = "辖区内的线索（按办理该线索的机关所在地区：上级机关收到的、"
			+ "涉及设有邮政管理机构的下级辖区企业的线索由该下级机关办理，也列在其线索中），最新的在前；status：OPEN、PROPOSED、FILED、CLOSED。")
	PageResult<LeadView> leads(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest list,
			@RequestParam(required = false) String status) {
		return leads.list(scope, leadStatus(status), list.toPage(), me.caseHandler());
	}

	@PostMapping("/leads")
	@PreAuthorize(WRITERS)
	@Operation(summary = "登记案件线索", description = "群众举报、其他机关移送（source=REPORT）或其他邮政管理部门移交（TRANSFER）："
			+ "sourceDetail、enterpriseCreditCode（可空，须在辖区企业名录中）或regionCode、summary、receivedOn。")
	ResponseEntity<Created> report(DataScope scope, @RequestBody Leads.ReportData data) {
		long id = leads.report(scope, data, false);
		return ResponseEntity.created(URI.create("/api/v1/enforcement/leads/" + id)).body(new Created(id));
	}

	@GetMapping("/leads/{id}")
	@PreAuthorize(READERS)
	@Operation(summary = "案件线索详情", description = "线索内容和来源说明中的身份证号、手机号仅对办理该线索的机关的处室工作人员完整显示，其他读者（上级机关、局领导）看到的是脱敏后的号码。")
	LeadView lead(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id) {
		return leads.read(me, scope, id);
	}

	@PostMapping("/leads/{id}/proposal")
	@PreAuthorize(WRITERS)
	@Operation(summary = "提请立案", description = "violation：违法行为目录代码或名称；endedOn：违法行为终了日期（追责时效自此起算）；"
			+ "线索未指明企业时填写enterpriseCreditCode（线索已指明的不能更换：填写其他企业的返回400，field enterpriseCreditCode，rule fixed）；harm：涉及公民生命健康安全、金融安全且有危害后果的（追责时效按规则目录penalty.limitation-harm，否则按penalty.limitation）；harmReason：harm为true时必填的理由（500字以内）。")
	LeadView propose(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, @RequestBody Proposal p) {
		leads.propose(scope, id, p.violation(), p.endedOn(), p.enterpriseCreditCode(), Boolean.TRUE.equals(p.harm()),
				p.harmReason());
		return leads.read(me, scope, id);
	}

	@PostMapping("/leads/{id}/filing")
	@PreAuthorize(HEADS)
	@Operation(summary = "批准立案（局领导）", description = "已提请立案的线索经负责人批准立案；违法行为终了后在追责时效（规则目录penalty.limitation；涉及生命健康、金融安全且有危害后果的penalty.limitation-harm）内未被发现的不予立案（[[PENALTY_LIMITATION]]）。")
	ResponseEntity<Created> file(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id) {
		long caseId = leads.approve(scope, id, officer(me), null, false);
		return ResponseEntity.created(URI.create("/api/v1/enforcement/cases/" + caseId)).body(new Created(caseId));
	}

	@PostMapping("/leads/{id}/closure")
	@PreAuthorize(HEADS)
	@Operation(summary = "不予立案（局领导）", description = "reason：理由（必填）。与批准立案相对，由办理该线索的机关（案件将归属的机关）的负责人决定"
			+ "（[[PENALTY_CASE_OPENING,PENALTY_HEAD_DECIDES]]）；其他账号422（head、not-handling-bureau-head）。")
	LeadView closeLead(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, @RequestBody Reason r) {
		leads.close(scope, id, r.reason());
		return leads.read(me, scope, id);
	}

	@GetMapping("/cases")
	@PreAuthorize(READERS)
	@Operation(summary = "处罚案件列表", description = "辖区内的案件及其距决定期限的剩余天数（remainingDays，负数为超期）；open=true只列未决定的案件；"
			+ "status只列该状态的案件（FILED、INVESTIGATING、INVESTIGATED、NOTIFIED、HEARING、DECIDED、DELIVERED、EXECUTED、CLOSED、"
			+ "NOT_PENALIZED、WITHDRAWN、TRANSFERRED，其他值为400）；shownStatus为页面显示的状态：公告送达的决定书视为送达日前为"
			+ "“公告送达中（视为送达日…）”，status仍为DELIVERED，deemedServicePending为true（deliveredOn为尚未到来的视为送达日）；"
			+ "status=DELIVERED只列已送达（视为送达日已到）的案件，status=NOTICE_PENDING只列公告送达中的案件；open=true也列公告送达中的案件（决定尚未生效）；decidedLate为true的案件在办案期限届满后才作出决定（页面与导出标“超过办案期限”，同案件详情）。")
	PageResult<PenaltyCases.CaseSummary> cases(DataScope scope, ListRequest list,
			@RequestParam(required = false, defaultValue = "false") boolean open,
			@RequestParam(required = false) String status) {
		return cases.list(scope, CaseFilter.parse(status), open, list.toPage());
	}

	@GetMapping("/cases/{id}")
	@PreAuthorize(READERS)
	@Operation(summary = "处罚案件详情", description = "案件、调查人员、中止计时期间和各项期限；shownStatus为页面显示的状态（公告送达的决定书视为送达日前为“公告送达中（视为送达日…）”，deemedServicePending为true：deliveredOn为尚未到来的视为送达日，决定尚未生效，不能结案）；"
			+ "deadlines.remainingDays只在办案期限计时中给出（已决定、已结束和导入的案件为null，与列表相同）；超过办案期限作出的决定没有decisionMadeOn；"
			+ "已结束或导入且已执行的案件不再给出deliveryDue、paymentDue、handoverDue，导入的案件不给出publicationDue（撤回后重新公示的除外）。")
	PenaltyCases.CaseDetail detail(DataScope scope, @PathVariable long id) {
		return cases.get(scope, id);
	}

	@PostMapping("/cases/imported")
	@PreAuthorize(WRITERS)
	@Operation(summary = "导入历史处罚案件", description = "enterpriseCreditCode、violation（目录代码或名称）、source（INSPECTION、"
			+ "COMPLAINT、REPORT、TRANSFER）、filedOn、decidedOn、decisionNumber、penalty（WARNING、FINE、CONFISCATION、"
			+ "SUSPENSION、REVOCATION、NONE）、fine（罚款，元）、deliveredOn（可选：送达日期，同平台上的送达校验——已作出决定的案件才填写（absent），"
			+ "不早于决定日期、不晚于缴款和结案日期（order），不晚于今天（future））、paidOn、closedOn、confiscated（可选：没收违法所得，元；"
			+ "未填写时处罚种类为CONFISCATION的fine仍视为没收金额）、handedOverOn（没收违法所得上缴日期，已结案的没收须填写）、"
			+ "serious（可选，情节严重：罚款按情节严重的幅度校验，否则按情节一般的幅度；违法行为的处罚条款没有规定情节严重幅度的不能填true，规则no-serious-range）、extended（可选，办案期限经批准延长，规则目录penalty.decision-extension）、"
			+ "suspended（可选，办案期限曾中止或听证等期间不计入）——决定日期超过自立案起的办案期限（规则目录penalty.decision，extended为是时另加penalty.decision-extension）且suspended不为是的，"
			+ "照实导入（历史不予改写），案件标记超过办案期限（案件详情decidedLate为true，页面显示“超过办案期限”，审计记录载明期限）；"
			+ "mitigation、mitigationGround、mitigationReason（可选：从轻LIGHTER或减轻REDUCED处罚及其[[PENALTY_MITIGATION]]情形和理由；"
			+ "罚款低于法定幅度下限的须为减轻处罚并写明情形和理由，否则返回400（fine，range，写明幅度））；noPenaltyGround（penalty为NONE时必填：不予处罚的法定情形MINOR_CORRECTED、"
			+ "FIRST_MINOR、NO_FAULT，[[PENALTY_NONE]]；其他处罚种类不填）——以MINOR_CORRECTED或FIRST_MINOR不予处罚的案件计入此后初次违法的认定；"
			+ "与平台上的决定同样校验并处罚款、没收依据和吊销权限（吊销仅由发证的省级局导入）；校验后标记为导入，返回案件编号。")
	ResponseEntity<Created> imported(DataScope scope, @RequestBody PastCases.ImportedCase data) {
		long id = pastCases.importCase(scope, data);
		return ResponseEntity.created(URI.create("/api/v1/enforcement/cases/" + id)).body(new Created(id));
	}

	@PostMapping("/cases/{id}/investigation")
	@PreAuthorize(WRITERS)
	@Operation(summary = "开始调查取证", description = "investigators：至少2名名录库中执法证有效的人员（name、certificateNumber）。")
	PenaltyCases.CaseDetail investigate(DataScope scope, @PathVariable long id, @RequestBody Team team) {
		caseInvestigation.startInvestigation(scope, id, team.investigators());
		return cases.get(scope, id);
	}

	/** A new team and why it replaces the case's ({@code investigators} as {@link Team}'s). */
	record TeamChange(List<CaseInvestigation.Member> investigators, String reason) {
	}

	@PostMapping("/cases/{id}/team")
	@PreAuthorize(HEADS)
	@Operation(summary = "更换调查人员", description = "办案机关负责人更换本案调查人员：investigators同开始调查取证（至少2名名录库中执法证有效的人员，"
			+ "其中至少一名为办案机关有平台账号的处室工作人员）；reason为更换理由（必填，≤500字）。调查取证、调查终结、已告知、听证中可更换，否则409；"
			+ "非办案机关负责人422。")
	PenaltyCases.CaseDetail changeTeam(DataScope scope, @PathVariable long id, @RequestBody TeamChange change) {
		caseInvestigation.changeTeam(scope, id, change.investigators(), change.reason());
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/conclusion")
	@PreAuthorize(WRITERS)
	@Operation(summary = "调查终结", description = "report、proposedPenalty（最重的处罚种类）、proposedFine（罚款，元）、"
			+ "proposedConfiscated（没收违法所得，元）、proposedSuspensionDays（拟责令停业整顿的日数，自决定书送达之日的次日起计算，拟停业整顿时必填）、serious、mitigation（LIGHTER、REDUCED）、mitigationGround、mitigationReason；"
			+ "罚款须在违法行为的法定幅度内（减轻处罚除外）；处罚依据规定并处罚款的，没收、停业整顿、吊销须同时拟罚款。")
	PenaltyCases.CaseDetail conclude(DataScope scope, @PathVariable long id, @RequestBody CaseInvestigation.Conclusion c) {
		caseInvestigation.concludeInvestigation(scope, id, c);
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/review")
	@PreAuthorize(WRITERS)
	@Operation(summary = "法制审核", description = "agreed、opinion；审核人员不得是本案调查人员。")
	PenaltyCases.CaseDetail review(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestBody Review r) {
		caseInvestigation.review(scope, id, officer(me), r.agreed(), r.opinion());
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/notice")
	@PreAuthorize(WRITERS)
	@Operation(summary = "事先告知", description = "on：告知日期；servedOn、method、consent、note：事先告知书的送达（可选，"
			+ "与送达处罚决定书的规则相同；servedOn不早于告知日期、不晚于今天，公告送达的填发出公告之日，经过30日视为送达）。"
			+ "陈述申辩、申请听证期限（5个工作日）自送达之日（公告送达的视为送达之日）起算；未登记送达的自告知日期起算。")
	PenaltyCases.CaseDetail notice(DataScope scope, @PathVariable long id, @RequestBody NoticeMade d) {
		onDate("notifiedOn", () -> noticeAndHearing.notifyParty(scope, id, d.on(),
				new CaseExecution.Delivery(d.servedOn(), d.method(), d.consent(), d.note())));
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/statement")
	@PreAuthorize(WRITERS)
	@Operation(summary = "记录陈述申辩", description = "on：陈述申辩日期；statement：陈述申辩内容（必填，≤2000字，与企业端接口同名）。"
			+ "旧字段名text仍可使用（已弃用）：只发送text时，错误指向text；两者都发送时以statement为准。")
	PenaltyCases.CaseDetail statement(DataScope scope, @PathVariable long id, @RequestBody Statement d) {
		onDate("statementOn", () -> onDate("statement", d.field(),
				() -> noticeAndHearing.recordStatement(scope, id, d.on(), d.said())));
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/hearing-request")
	@PreAuthorize(WRITERS)
	@Operation(summary = "登记听证申请", description = "on：申请日期（告知后、按规则目录penalty.hearing-request的期限内，即案件的hearingRequestDue及以前）。")
	PenaltyCases.CaseDetail hearingRequest(DataScope scope, @PathVariable long id, @RequestBody Dated d) {
		return dated(scope, id, "requestedOn", d, noticeAndHearing::requestHearing);
	}

	@PostMapping(path = "/cases/{id}/hearing-waiver", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(WRITERS)
	@Operation(summary = "登记放弃听证", description = "multipart：on（当事人明确放弃听证的日期）、file（当事人签章的书面放弃声明扫描件，"
			+ "PDF或JPEG、PNG，必填）；陈述申辩也已听取或书面放弃的，之后可在申请听证期限届满前作出决定。陈述申辩不等于放弃听证，"
			+ "放弃听证也不等于放弃陈述申辩。"
			+ "已申请听证、听证举行前登记的，是撤回听证申请（不是放弃听证）：审计为撤回听证申请，已安排的听证取消，案件回到已告知。")
	PenaltyCases.CaseDetail hearingWaiver(DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String on,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		return waiver(scope, id, on, file, (day, scan) -> noticeAndHearing.waiveHearing(scope, id, day, scan));
	}

	@PostMapping(path = "/cases/{id}/statement-waiver", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(WRITERS)
	@Operation(summary = "登记放弃陈述申辩", description = "multipart：on（当事人明确放弃陈述申辩的日期）、file（当事人签章的书面放弃声明"
			+ "扫描件，PDF或JPEG、PNG，必填）；听证权利也已放弃或不享有的，之后可在期限届满前作出决定（[[PENALTY_NOT_HEARD]]）。")
	PenaltyCases.CaseDetail statementWaiver(DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String on,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		return waiver(scope, id, on, file, (day, scan) -> noticeAndHearing.waiveStatement(scope, id, day, scan));
	}

	/**
	 * A written waiver staff record ({@code step}): its day {@code on} (errors named {@code on}, as sent) and the scan of
	 * the party's signed waiver {@code file}; the case as it then stands.
	 */
	private PenaltyCases.CaseDetail waiver(DataScope scope, long id, String on, MultipartFile file,
			BiConsumer<String, UploadedFile> step) throws IOException {
		UploadedFile scan = UploadedFile.of(file);
		onDate("waivedOn", () -> step.accept(on, scan));
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/hearing-notice")
	@PreAuthorize(WRITERS)
	@Operation(summary = "听证通知", description = "noticeOn（通知日期，不晚于今天）、hearingOn（举行听证的日期：通知之日起至少规则目录penalty.hearing-notice规定的工作日数后，"
			+ "[[PENALTY_HEARING_PROCEDURE,PENALTY_WORKING_DAYS]]，规则deadline；至迟penalty.hearing-latest，规则hearing-latest）、place（听证地点，必填）、host（主持人的用户编号，必填：办理本案的邮政管理部门或其"
			+ "上级部门的工作人员，不得是本案调查人员或调查终结报告制作人，[[PENALTY_HEARING_PROCEDURE]]；可选人员见GET …/hearing-hosts）；生成听证通知书，"
			+ "当事人在企业端可见。听证举行前可重新通知改期（同样至少提前penalty.hearing-notice规定的工作日数），原通知书保留为前一版本。")
	PenaltyCases.CaseDetail hearingNotice(DataScope scope, @PathVariable long id, @RequestBody Hearing h) {
		noticeAndHearing.noticeHearing(scope, id, new NoticeAndHearing.HearingNotice(h.noticeOn(), h.hearingOn(), h.place(), h.host()));
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/hearing")
	@PreAuthorize(WRITERS)
	@Operation(summary = "举行听证", description = "hearingOn（举行日期：不早于听证通知的日期，不晚于今天）、record（听证笔录内容，可空）；"
			+ "生成听证笔录。已发出听证通知（POST …/hearing-notice）的，不再接受noticeOn、place、host（409 already-notified，"
			+ "改期须重新通知）；未在平台发出通知（纸质通知后补录）的，须同时提供noticeOn（至少提前规则目录penalty.hearing-notice规定的工作日数）、place、host，"
			+ "一并登记听证通知和听证笔录。")
	PenaltyCases.CaseDetail hearing(DataScope scope, @PathVariable long id, @RequestBody Hearing h) {
		noticeAndHearing.holdHearing(scope, id, new NoticeAndHearing.HearingData(h.noticeOn(), h.hearingOn(), h.place(), h.host(), h.record()));
		return cases.get(scope, id);
	}

	@GetMapping("/cases/{id}/hearing-hosts")
	@PreAuthorize(READERS)
	@Operation(summary = "可担任听证主持人的人员", description = "办理本案的邮政管理部门及其上级部门的在岗工作人员，本案调查人员除外"
			+ "（userId、name、bureau）。")
	List<NoticeAndHearing.HearingHost> hearingHosts(DataScope scope, @PathVariable long id) {
		return noticeAndHearing.hearingHosts(scope, id);
	}

	@PostMapping("/cases/{id}/decision")
	@PreAuthorize(HEADS)
	@Operation(summary = "作出处罚决定（局领导）", description = "行政机关负责人作出决定（[[PENALTY_HEAD_DECIDES]]）；decisionNumber（空则自动编号）、decidedOn、penalty（最重的处罚种类）、"
			+ "fine（罚款，元；处罚依据规定并处的，没收、停业整顿、吊销须同时罚款，规则combined-required）、confiscated（没收违法所得，元）、"
			+ "suspensionDays（责令停业整顿的日数，自决定书送达之日的次日起计算，必填，不得长于事先告知的日数和规则penalty.suspension-max）、mitigation、mitigationGround、mitigationReason、discussedOn（情节严重时必填）、discussionParticipants（参加集体讨论的负责人姓名数组，"
			+ "有集体讨论时必填，至少penalty.discussion-min-participants人，默认3人）、discussionConclusion（集体讨论结论，有集体讨论时必填）；"
			+ "参加人员须包括作出决定的负责人本人（规则decider-not-in-discussion）；当事人陈述申辩的，statementAdopted（复核结论：是否采纳）和statementReview（复核意见：采纳或不予采纳的理由）必填（[[PENALTY_STATEMENT]]），决定书载明复核意见；"
			+ "须由办案机关本局负责人作出（422 head not-handling-bureau-head）；有集体讨论的同时出具集体讨论记录（情节严重的案件为重大案件集体讨论记录）。")
	PenaltyCases.CaseDetail decide(DataScope scope, @PathVariable long id, @RequestBody CaseDecisions.Decision d) {
		caseDecisions.decide(scope, id, d);
		return cases.get(scope, id);
	}

	/**
	 * A 不予处罚: its ground ({@code NoPenaltyGround}) and reason, and the heads' 集体讨论 (day, participants,
	 * conclusion) where the penalty proposal passed 法制审核.
	 */
	record NoPenalty(String ground, String reason, String discussedOn, List<String> discussionParticipants,
			String discussionConclusion) {
	}

	@PostMapping("/cases/{id}/no-penalty")
	@PreAuthorize(HEADS)
	@Operation(summary = "不予处罚（局领导）", description = "ground：不予处罚的法定情形（必填，MINOR_CORRECTED违法行为轻微并及时改正、"
			+ "没有造成危害后果，FIRST_MINOR初次违法且危害后果轻微并及时改正，NO_FAULT当事人有证据足以证明没有主观过错；[[PENALTY_NONE]]；"
			+ "其他值400 one-of；当事人此前已因同类违法行为受过行政处罚（未被撤销或确认无效）的，FIRST_MINOR 409 not-first-violation）；reason：理由（必填）；由行政机关负责人决定（[[PENALTY_HEAD_DECIDES]]）；"
			+ "拟处罚意见已经法制审核的，不予处罚改变了审核同意的意见，须经负责人集体讨论：discussedOn（集体讨论日期）、discussionParticipants（参加负责人，数组）、discussionConclusion（结论），缺少时400 departs-from-review。制作不予行政处罚决定书，载明所依据的条款，"
			+ "送达当事人（[[PENALTY_DELIVERY]]，企业端可见）。")
	PenaltyCases.CaseDetail noPenalty(DataScope scope, @PathVariable long id, @RequestBody NoPenalty r) {
		caseDecisions.notPenalize(scope, id, r.ground(), r.reason(),
				new CaseDecisions.Discussion(r.discussedOn(), r.discussionParticipants(), r.discussionConclusion()));
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/return-to-investigation")
	@PreAuthorize(HEADS)
	@Operation(summary = "退回调查（局领导）", description = "reason（必填，如陈述申辩或听证提出新的事实、证据，[[PENALTY_STATEMENT,PENALTY_AFTER_HEARING]]；"
			+ "拟加重处罚须重新告知）；已告知或听证阶段、作出决定前，由办案机关本局负责人决定（422 head not-handling-bureau-head）。"
			+ "原事先告知、陈述申辩和听证情况存档，案件回到调查取证，须重新调查终结并重新告知（新的事先告知书以原告知书为前一版本）；"
			+ "已申请尚未举行的听证，其期间（自申请至退回）不计入办案期限。")
	PenaltyCases.CaseDetail returnToInvestigation(DataScope scope, @PathVariable long id, @RequestBody Reason r) {
		return taken(scope, id, r.reason(), noticeAndHearing::returnToInvestigation);
	}

	@PostMapping("/cases/{id}/withdrawal")
	@PreAuthorize(HEADS)
	@Operation(summary = "撤案（局领导）", description = "reason；作出决定前（含已告知、听证阶段），由行政机关负责人决定（[[PENALTY_HEAD_DECIDES]]）。")
	PenaltyCases.CaseDetail withdraw(DataScope scope, @PathVariable long id, @RequestBody Reason r) {
		return taken(scope, id, r.reason(), caseDecisions::withdraw);
	}

	/**
	 * A 事先告知: its day and, optionally, the 事先告知书's service (day, method, consent, note) as a delivery's;
	 * {@code text} is read and ignored, as the dated body this step took before ({@link Dated}) read it.
	 */
	record NoticeMade(String on, String text, String servedOn, String method, Boolean consent, String note) {
	}

	/** A delivery: its day, method, the party's consent to electronic service and the note its method needs. */
	record DeliveryMade(String on, String method, Boolean consent, String note) {
	}

	@PostMapping("/cases/{id}/delivery")
	@PreAuthorize(WRITERS)
	@Operation(summary = "送达", description = "on：送达日期（公告送达的填发出公告之日：自发出公告之日起经过30日视为送达，[[SERVICE_BY_NOTICE]]，"
			+ "penalty.public-notice-service；视为送达之日记为deliveredOn，公告日为deliveryPublishedOn，缴款、上缴、复议和诉讼期限自视为送达之日起算，"
			+ "送达期限按发出公告之日判断）；method：送达方式（必填，DIRECT直接送达、"
			+ "LEFT_AT_ADDRESS留置送达、POSTAL邮寄送达、ELECTRONIC电子送达、ENTRUSTED委托送达、PUBLIC_NOTICE公告送达，[[PENALTY_DELIVERY]]"
			+ "依照民事诉讼法的有关规定送达；其他值400 one-of）；consent：电子送达须为true（当事人同意并签订确认书，[[PENALTY_ELECTRONIC_DELIVERY]]，"
			+ "否则400 consent），其他方式不填（400 absent）；note：送达说明（一行，200字以内；留置送达的拒收事由和见证人、"
			+ "电子送达的传真号码或电子邮箱、委托送达的受委托机关、公告送达的原因和载体必填，400 required）。送达回证载明送达方式。"
			+ "不予处罚的案件以同一步骤送达不予行政处罚决定书（仅一次，再次送达409 already-delivered），同样出具送达回证并通知当事人。")
	PenaltyCases.CaseDetail deliver(DataScope scope, @PathVariable long id, @RequestBody DeliveryMade d) {
		onDate("deliveredOn", () -> caseExecution.deliver(scope, id,
				new CaseExecution.Delivery(d.on(), d.method(), d.consent(), d.note())));
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/payment")
	@PreAuthorize(WRITERS)
	@Operation(summary = "登记缴纳罚款", description = "paidOn、amount（罚款加加处罚款，元）；分期缴纳的须写明instalment"
			+ "（本次缴纳的期次，从1起，应为下一期未缴纳的期次；已缴纳的期次再次登记返回409）。")
	PenaltyCases.CaseDetail pay(DataScope scope, @PathVariable long id, @RequestBody Payment p) {
		caseExecution.pay(scope, id, p.paidOn(), p.amount(), p.instalment());
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/refund")
	@PreAuthorize(WRITERS)
	@Operation(summary = "登记退还多缴罚款", description = "refundedOn（退还日期，不早于缴款、不晚于今天）、amount（元，数字或文本，"
			+ "大于0且不超过案件refund.due：缴纳后罚款经变更降低或取消、或决定被撤销或确认无效而多缴、尚未退还的部分，可分次登记）；"
			+ "receipt（退付凭证号，可选，不超过100字，同一案件不重复）；"
			+ "从未多缴返回422（no-refund-due），已全部退还返回409（already-refunded）；与已登记的退还同日同额且未填写另一退付凭证号的"
			+ "（重复提交），或退付凭证号已登记的，返回409（unique）。")
	PenaltyCases.CaseDetail refund(DataScope scope, @PathVariable long id, @RequestBody RefundMade r) {
		caseExecution.refund(scope, id, r.refundedOn(), r.amount(), r.receipt());
		return cases.get(scope, id);
	}

	/** A refund made: its day, amount (¥) and optional voucher number (退付凭证号). */
	record RefundMade(String refundedOn, @JsonDeserialize(using = NumberText.class) @NumberText.Digits(
			label = CaseExecution.REFUNDED, integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) String amount,
			String receipt) {
	}

	@PostMapping(path = "/cases/{id}/handover", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(WRITERS)
	@Operation(summary = "登记没收违法所得上缴", description = "multipart：handedOverOn（上缴日期，不早于送达）、amount（上缴金额，元，"
			+ "应为决定没收的违法所得数额）、receipt（缴款书号或说明）与file（上缴凭证扫描件，PDF或JPEG、PNG）至少一项；"
			+ "超过上缴期限（penalty.confiscation-handover）的登记为逾期，不加处罚款。重复登记返回409。")
	PenaltyCases.CaseDetail handover(DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String handedOverOn, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String receipt,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		caseExecution.handOver(scope, id, handedOverOn, amount, receipt, UploadedFile.of(file));
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/closure")
	@PreAuthorize(WRITERS)
	@Operation(summary = "结案", description = "reason：结案说明（可空）。处罚决定的各项须已执行完毕（罚款及加处罚款已缴清或各期已缴纳、"
			+ "没收的违法所得已上缴；警告送达即执行完毕），否则返回422（field execution，rule not-executed，写明未执行的事项）。")
	PenaltyCases.CaseDetail close(DataScope scope, @PathVariable long id, @RequestBody(required = false) Reason r) {
		caseExecution.close(scope, id, r == null ? null : r.reason());
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/extension")
	@PreAuthorize(HEADS)
	@Operation(summary = "延长办案期限（局领导）", description = "reason；只能延长一次，延长规则目录penalty.decision-extension规定的日数（返回的案件载明新的决定期限）。")
	PenaltyCases.CaseDetail extend(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestBody Reason r) {
		decisionLimit.extend(scope, id, officer(me), r.reason());
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/suspension")
	@PreAuthorize(HEADS)
	@Operation(summary = "中止计时（局领导批准）", description = "kind（SUSPENSION、HEARING、PUBLIC_NOTICE、TESTING、APPRAISAL）、startedOn、reason。"
			+ "由办案机关负责人批准；startedOn最多早于今天规则目录penalty.suspension-start-lookback规定的日数，且不能早于本案已登记的证据收集、"
			+ "调查终结、法制审核、事先告知之日（422，field startedOn，rule start-lookback或acts-after-start）。")
	PenaltyCases.CaseDetail suspend(DataScope scope, @PathVariable long id, @RequestBody Pause p) {
		decisionLimit.suspend(scope, id, p.kind(), p.startedOn(), p.reason());
		return cases.get(scope, id);
	}

	@PostMapping("/cases/{id}/resumption")
	@PreAuthorize(WRITERS)
	@Operation(summary = "恢复计时", description = "on：中止结束日期。")
	PenaltyCases.CaseDetail resume(DataScope scope, @PathVariable long id, @RequestBody Dated d) {
		return dated(scope, id, "endedOn", d, decisionLimit::resume);
	}

	@PostMapping("/cases/{id}/publication")
	@PreAuthorize(WRITERS)
	@Operation(summary = "公示处罚决定（双公示）", description = "on：公示日期。")
	PenaltyCases.CaseDetail publish(DataScope scope, @PathVariable long id, @RequestBody Dated d) {
		return dated(scope, id, "publishedOn", d, decisionPublication::publish);
	}

	@PostMapping("/cases/{id}/publication-withdrawal")
	@PreAuthorize(WRITERS)
	@Operation(summary = "撤回公示", description = "reason：处罚决定被变更、撤销等的理由（[[PENALTY_PUBLICATION]]）。")
	PenaltyCases.CaseDetail withdrawPublication(DataScope scope, @PathVariable long id, @RequestBody Reason r) {
		return taken(scope, id, r.reason(), decisionPublication::withdrawPublication);
	}

	/** A step of a case that takes one text of the body: a day ({@link Dated#on}) or a reason ({@link Reason}). */
	@FunctionalInterface
	interface TextStep {

		void take(DataScope scope, long id, String value);
	}

	/** Takes {@code step} on case {@code id} with the body's {@code value}; the case as it then stands. */
	private PenaltyCases.CaseDetail taken(DataScope scope, long id, String value, TextStep step) {
		step.take(scope, id, value);
		return cases.get(scope, id);
	}

	/**
	 * Takes the dated {@code step} on case {@code id} with the body's day {@code on}: its errors on the service's own
	 * {@code field} name {@code on} ({@link #onDate}); the case as it then stands.
	 */
	private PenaltyCases.CaseDetail dated(DataScope scope, long id, String field, Dated d, TextStep step) {
		return taken(scope, id, d.on(), (s, i, on) -> onDate(field, () -> step.take(s, i, on)));
	}

	static Officer officer(CurrentUser me) {
		return new Officer(me.id(), me.displayName());
	}

	static LeadStatus leadStatus(String status) {
		return status(LeadStatus.class, status, "线索状态");
	}

	/**
	 * The status a list asks for ({@code status}, blank for any), one of {@code type}'s names in any case.
	 * @throws InvalidValueException (400, field {@code status}, rule {@code one-of}) naming the accepted values
	 */
	private static <E extends Enum<E>> E status(Class<E> type, String status, String label) {
		return ListFilter.oneOf(type, "status", label, status);
	}

	/** Runs a step whose date the API calls {@code on}: its errors name {@code on}, not the service's own field. */
	private static void onDate(String field, Runnable step) {
		StepFieldNames.onDay(field, step);
	}

	private static void onDate(String field, String callerName, Runnable step) {
		StepFieldNames.named(field, callerName, step);
	}
}
