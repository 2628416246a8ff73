package org.youguan.enforcement.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;

/**
 * Warns an installation upgraded from the time a bureau's case-document templates lay in the directory
 * {@code youguan.enforcement.template-dir}: that directory is no longer read (the templates are uploaded on
 * {@code /admin/document-templates} and kept in the database), so without this its documents would silently return to
 * the built-in forms. The files it names are to be uploaded there once.
 */
@Component
class LegacyTemplateDirectory {

	private static final Logger log = LoggerFactory.getLogger(LegacyTemplateDirectory.class);

	private final String directory;

	LegacyTemplateDirectory(@Value("${youguan.enforcement.template-dir:}") String directory) {
		this.directory = directory;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		if (Text.isBlank(directory)) {
			return;
		}
		List<String> files = List.of();
		try (Stream<Path> list = Files.list(Path.of(directory))) {
			files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".docx")).sorted().toList();
		}
		catch (IOException | RuntimeException ex) {
			// unreadable or gone: the warning below still says the setting is ignored
		}
		log.warn("youguan.enforcement.template-dir ({}) is no longer read: the case documents are filled from the built-in "
				+ "templates unless a system administrator uploads replacements on /admin/document-templates "
				+ "(keys enforcement/<name>){}", directory, files.isEmpty() ? "" : "; files found there: " + String.join(", ", files));
	}
}
