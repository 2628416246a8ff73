package org.youguan.documents;

import java.util.List;

/**
 * What a module's service that fills .docx templates implements, so the platform knows every template it fills
 * without the documents module knowing the modules: the service declares its templates next to the code that fills
 * them ({@code documents.DocumentTemplates} collects every bean implementing this once the application has started)
 * and fills them with {@link DocumentTemplates#fill}, which takes the administrator's replacement when there is one.
 */
public interface DeclaresTemplates {

	/** The templates this service fills, each with the fields and lists it fills it with. */
	List<DocumentTemplate> templates();
}
