package org.youguan.audit.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditObjects;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.DocumentTemplateChanged;
import org.youguan.documents.DocumentTemplates;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InstallationAdmin;

/**
 * The audit entries of the document templates: the documents module sits below this one (the trail exports through
 * its spreadsheets), so it publishes {@link DocumentTemplateChanged} and this records it — synchronously, inside the
 * change's transaction, so no replacement is stored without its entry. In the trail a template is shown by its title,
 * linked to its administration page for the system administrators who may open it.
 */
@Component
class DocumentTemplateAudit implements AuditObjects {

	static final String TYPE = "DocumentTemplate";

	private final AuditTrail audit;

	private final DocumentTemplates templates;

	private final InstallationAdmin installationAdmin;

	DocumentTemplateAudit(AuditTrail audit, DocumentTemplates templates, InstallationAdmin installationAdmin) {
		this.installationAdmin = installationAdmin;
		this.audit = audit;
		this.templates = templates;
	}

	@EventListener
	void record(DocumentTemplateChanged change) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("version", change.version());
		if (change.replaced()) {
			after.put("fileName", change.fileName());
			after.put("sha256", change.sha256());
		}
		else {
			after.put("source", "内置模板");
		}
		if (change.note() != null) {
			after.put("note", change.note());
		}
		audit.record(AuditEntry.of(change.replaced() ? "documents.template.replace" : "documents.template.revert", TYPE,
				change.key(), (change.replaced() ? "替换文书模板“" : "恢复内置文书模板“") + change.title() + "”"
						+ (change.replaced() ? "：" + change.fileName() : ""))
			.states(null, after));
	}

	@Override
	public String objectType() {
		return TYPE;
	}

	@Override
	public Map<String, Title> titles(DataScope scope, Collection<String> ids) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		boolean admin = installationAdmin.holds(auth);
		Map<String, Title> titles = new LinkedHashMap<>();
		for (String id : ids) {
			templates.find(id).ifPresent(t -> titles.put(id, new Title(t.title() + "（" + t.key() + "）",
					admin ? "/admin/document-templates/" + t.key() : null)));
		}
		return titles;
	}
}
