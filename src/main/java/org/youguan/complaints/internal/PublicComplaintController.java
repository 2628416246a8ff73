package org.youguan.complaints.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.complaints.Channel;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.ComplaintNotices;
import org.youguan.complaints.ComplaintTracking;
import org.youguan.complaints.FilerRole;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentDraft;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import org.youguan.region.RegionPicker;
import org.youguan.registry.Brands;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The public complaint pages (no account): the form that explains the precondition and refuses what cannot be
 * accepted with the reason, the receipt with number and query code, the status page, withdrawal.
 */
@Controller
class PublicComplaintController {

	private final ComplaintIntake intake;

	private final ComplaintTracking tracking;

	private final Brands brands;

	private final ComplaintNotices notices;

	private final StatutoryRules rules;

	PublicComplaintController(ComplaintIntake intake, ComplaintTracking tracking, Brands brands, ComplaintNotices notices,
			StatutoryRules rules) {
		this.rules = rules;
		this.intake = intake;
		this.tracking = tracking;
		this.brands = brands;
		this.notices = notices;
	}

	@GetMapping("/public/complaints/notices")
	String notices(Model model) {
		model.addAttribute("notices", notices.published(50));
		return "complaints/public-notices";
	}

	@GetMapping("/public/complaints/notices/{id:\\d+}")
	String notice(@PathVariable long id, Model model) {
		model.addAttribute("notice", notices.publishedContent(id));
		// a corrected notice stays at its address, saying so and where its correction is; the correction says it is one
		model.addAttribute("standing", notices.standing(id));
		return "complaints/public-notice";
	}

	/** The session attribute holding the random secret that makes a visitor the holder of their form's files. */
	static final String VISITOR = "complaints.public-visitor";

	@GetMapping("/public/complaints/new")
	String initForm(Model model) {
		model.addAttribute("draft", AttachmentDraft.newToken());
		return form(model, List.of());
	}

	/**
	 * Files a complaint. The evidence posted is held for the form's draft first (issue 13 item 9) — bound to this
	 * visitor's session, so nobody else can see or take it — and when the form is refused, or re-shown to pick a
	 * region or to remove a held file ({@code release}), it is listed as already uploaded and goes with the next submit.
	 */
	@PostMapping("/public/complaints/new")
	String processForm(ComplaintFormInput input, @RequestParam(required = false) List<MultipartFile> files,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick,
			@RequestParam(required = false) String draft, @RequestParam(required = false) Long release,
			HttpSession session, Model model, HttpServletRequest request, HttpServletResponse response) throws IOException {
		AttachmentDraft held = ComplaintIntake.draft(draft, visitor(session));
		List<UploadedFile> sent = UploadedFile.of(files);
		model.addAttribute("draft", held.token());
		if (regionPick != null || release != null) {
			ComplaintIntake.Holding holding = intake.hold(held, sent);
			if (release != null) {
				intake.release(held, release);
			}
			model.addAttribute("errors", holding.errors().isEmpty() ? null : holding.errors());
			return form(model, intake.held(held));
		}
		try {
			// one step under the form's lock: a double click files one complaint with one copy of each file
			model.addAttribute("filed", intake.submit(input.toForm(), sent, held, Channel.WEB, null, request.getRemoteAddr()));
			return form(model, List.of());
		}
		catch (DomainException | DataAccessException failure) {
			// a refusal, or a race lost with another submission at the database: the form again, never the error page
			DomainException ex = FormSteps.refusal(failure);
			// refused: the form again in the refusal's 4xx with the values as typed and the evidence held
			FormSteps.refused(ex, model, response);
			intake.hold(held, sent);
			return form(model, intake.held(held));
		}
	}

	/** This visitor's holder name: {@link ComplaintIntake#PUBLIC_HOLDER} and a random secret kept in the session. */
	private static String visitor(HttpSession session) {
		Object kept = session.getAttribute(VISITOR);
		String secret = kept instanceof String s ? s : AttachmentDraft.newToken();
		if (!(kept instanceof String)) {
			session.setAttribute(VISITOR, secret);
		}
		return ComplaintIntake.PUBLIC_HOLDER + secret;
	}

	/** The flash attributes a withdrawal hands to the status page (never the address: the code is a secret). */
	static final String SHOWN_NUMBER = "statusNumber";

	static final String SHOWN_CODE = "statusCode";

	/**
	 * The status page; with a number and a query code (a link, the page after a withdrawal: by flash attributes, not
	 * in the address), that complaint's status. The filer's phone is looked up only from the form sent by POST
	 * ({@link #lookUp}), never from an address that proxies and logs keep. A pair that finds nothing answers the page
	 * again with its error in the refusal's status (404), the numbers as typed; a query code given empty is told so
	 * (400, not counted). A number alone only fills the form in.
	 */
	@GetMapping("/public/complaints/status")
	String status(@RequestParam(required = false) String number, @RequestParam(required = false) String queryCode,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		if (number == null && model.getAttribute(SHOWN_NUMBER) instanceof String shown
				&& model.getAttribute(SHOWN_CODE) instanceof String code) {
			return status(shown, code, false, model, request, response);
		}
		if (queryCode == null) {
			return "complaints/public-status";
		}
		return status(number, queryCode, false, model, request, response);
	}

	/** The status page's form (number and query code or the filer's phone), sent by POST so no secret is in an address. */
	@PostMapping("/public/complaints/status")
	String lookUp(@RequestParam(required = false) String number, @RequestParam(required = false) String queryCode,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		return status(number, queryCode, true, model, request, response);
	}

	/**
	 * The status of a number and code (or phone) looked up from the client's address (failed look-ups are limited); a
	 * field left empty is refused by the tracking's own check (400, beside the form, never counted) as the API is.
	 */
	private String status(String number, String queryCode, boolean phoneAllowed, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			String address = request.getRemoteAddr();
			model.addAttribute("status", phoneAllowed ? tracking.publicStatus(number, queryCode, address)
					: tracking.publicStatusByCode(number, queryCode, address));
		}
		catch (DomainException ex) {
			// its status (429 with Retry-After) and its errors in the reader's language
			FormSteps.shown(ex, model, response);
		}
		return "complaints/public-status";
	}

	/**
	 * Withdrawal needs the query code given at filing, typed again: the phone number that may have opened the status
	 * page is no secret (the respondent enterprise knows it). One attempt is one look-up, counted once when it fails: a
	 * wrong code answers 404 (as the status look-up does) on the status page without looking the complaint up again (the status shown before is
	 * not shown again — a second look-up would be a second guess, counted twice); an empty field answers 400 beside
	 * the form, not counted; a complaint already finished answers the refusal's own status (409) and reason with its
	 * status, read by the code just proven right (no count).
	 */
	@PostMapping("/public/complaints/withdraw")
	String withdraw(@RequestParam String number, @RequestParam(required = false) String queryCode,
			Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		try {
			tracking.withdraw(number, queryCode, request.getRemoteAddr());
			redirect.addFlashAttribute("message", Text.strip(number) + " 已撤回");
			// the same sentence in the reader's language (the layout words it by its key)
			redirect.addFlashAttribute("messageWording", Wording.of("complaints.publicWithdrawn", Text.strip(number)));
			// the status shown again by flash attributes: the query code never goes into the address
			redirect.addFlashAttribute(SHOWN_NUMBER, number);
			redirect.addFlashAttribute(SHOWN_CODE, queryCode);
			return "redirect:/public/complaints/status";
		}
		catch (DomainException ex) {
			boolean wrongCode = ex.code() == ErrorCode.NOT_FOUND;
			if (ex.code() == ErrorCode.ILLEGAL_TRANSITION) {
				// the code found the complaint (it is finished): its status by that code, inside the application, uncounted
				model.addAttribute("status", tracking.publicStatusByCode(number, queryCode));
			}
			// a wrong code answers 404 as the status look-up (page and API) does for the same pair: never a 403 that
			// would tell that the number names a complaint
			FormSteps.shown(wrongCode ? new DomainException(ErrorCode.NOT_FOUND, Wording.of("complaint.refusal.withdrawWrongCode"),
					WRONG_CODE, List.of(new FieldError("queryCode", "query-code", WRONG_CODE))) : ex, model, response);
			return "complaints/public-status";
		}
	}

	/** What a withdrawal with a wrong query code is told (404, key {@code complaint.refusal.withdrawWrongCode}). */
	static final String WRONG_CODE = "查询码不正确，未撤回。撤回申诉须填写受理回执上的查询码";

	private String form(Model model, List<Attachment> held) {
		model.addAttribute("held", held);
		model.addAttribute("roles", FilerRole.values());
		model.addAttribute("brands", brands.all());
		model.addAttribute("categories", intake.categories());
		model.addAttribute("reasons", intake.reasons());
		ComplaintController.periods(model, rules);
		return "complaints/public-new";
	}
}
