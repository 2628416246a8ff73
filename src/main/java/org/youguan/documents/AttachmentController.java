package org.youguan.documents;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;

/**
 * Serves every module's attachments from one address, {@code GET /attachments/{id}}: the owning module's
 * {@link AttachmentAccess} first decides whether the caller may read the owner (404 or 403 otherwise, before any byte
 * is read), then the file goes out, as that reader may read it ({@link AttachmentAccess#asReadBy}), inline with its content type as checked on upload, {@code X-Content-Type-Options:
 * nosniff}, {@code Content-Security-Policy: … sandbox} (a PDF's scripts or a crafted image cannot run in the
 * application's origin) and a {@code Content-Disposition} whose name is RFC 6266/5987-encoded ({@code filename*=UTF-8''…},
 * so no name can inject a header); {@code Range} requests are answered with the bytes asked for. The addresses the modules served before V90 redirect here.
 */
@Controller
class AttachmentController {

	private final Attachments attachments;

	private final Map<String, AttachmentAccess> access;

	AttachmentController(Attachments attachments, List<AttachmentAccess> access) {
		this.attachments = attachments;
		this.access = access.stream().collect(Collectors.toMap(AttachmentAccess::module, Function.identity()));
	}

	/**
	 * The file, to a caller the owning module lets read its owner; a generated Word document as a download. A
	 * {@code Range} request (a player seeking in a recording) is answered 206 with the bytes asked for.
	 */
	@GetMapping("/attachments/{id:\\d+}")
	ResponseEntity<?> download(DataScope scope, @PathVariable long id, HttpServletRequest request) {
		AttachmentOwner owner = attachments.owner(id);
		AttachmentAccess module = access.get(owner.module());
		if (module == null) {
			throw DomainException.notFound("附件", id);
		}
		module.requireReadable(scope, owner, id);
		Attachments.Content c = attachments.content(id);
		// as this reader may read it: a generated document masked where the module's page masks (AttachmentAccess#asReadBy)
		byte[] content = module.asReadBy(scope, owner, id, c.contentType(), c.content());
		if (Downloads.DOCX.toString().equals(c.contentType())) {
			return Downloads.docx(c.fileName(), content);
		}
		// Range is the protocol's, not an input of the form: a malformed one is ignored (RFC 9110 §14.2), not refused
		return UploadedFile.inline(c.contentType(), c.fileName(), content, request.getHeader(HttpHeaders.RANGE));
	}

	/** A filing attachment's address before V90 (bureau and enterprise pages). */
	@GetMapping({ "/filing/{owner:\\d+}/attachments/{legacy:\\d+}", "/enterprise/filings/{owner:\\d+}/attachments/{legacy:\\d+}" })
	String filing(@PathVariable long owner, @PathVariable long legacy) {
		return redirect("filing", owner, legacy);
	}

	/** A complaint attachment's address before V90 (bureau and enterprise pages). */
	@GetMapping({ "/complaints/{owner:\\d+}/attachments/{legacy:\\d+}",
			"/enterprise/complaints/{owner:\\d+}/attachments/{legacy:\\d+}" })
	String complaint(@PathVariable long owner, @PathVariable long legacy) {
		return redirect("complaints", owner, legacy);
	}

	/** A work-plan progress attachment's address before V90. */
	@GetMapping("/workplans/attachments/{legacy:\\d+}")
	String workPlan(@PathVariable long legacy) {
		return redirect("workplans", 0, legacy);
	}

	private String redirect(String module, long owner, long legacy) {
		return "redirect:/attachments/" + attachments.legacy(module, owner, legacy)
			.orElseThrow(() -> DomainException.notFound("附件", legacy));
	}
}
