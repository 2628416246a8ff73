package org.youguan.enforcement.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool that writes the penalty procedure's built-in templates ({@code tools/EnforcementTemplates.java}) writes
 * exactly what ships: attack — it had fallen behind the shipped .docx (typed articles where the shipped ones name the
 * rule catalogue's provisions, the 结案报告's old 处理结果 rows), so the next person running it would have regressed them.
 * The tool is compiled and run into a folder of the test's own, and every template's body (word/document.xml) is
 * compared with the shipped one byte for byte.
 */
class EnforcementTemplatesToolTest {

	static final Path SHIPPED = Path.of("src/main/resources/documents/enforcement");

	@Test
	void theToolWritesExactlyTheShippedTemplates(@TempDir Path dir) throws Exception {
		Path classes = Files.createDirectories(dir.resolve("classes"));
		Path out = Files.createDirectories(dir.resolve("out"));
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		int compiled = javac.run(null, null, null, "-proc:none", "-cp", System.getProperty("java.class.path"), "-d",
				classes.toString(), "tools/EnforcementTemplates.java");
		assertThat(compiled).as("tools/EnforcementTemplates.java compiles").isZero();
		String before = System.getProperty("enforcement.templates.dir");
		System.setProperty("enforcement.templates.dir", out + "/");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, getClass().getClassLoader())) {
			loader.loadClass("EnforcementTemplates").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
		}
		finally {
			if (before == null) {
				System.clearProperty("enforcement.templates.dir");
			}
			else {
				System.setProperty("enforcement.templates.dir", before);
			}
		}
		List<String> shipped;
		try (Stream<Path> files = Files.list(SHIPPED)) {
			shipped = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".docx")).sorted().toList();
		}
		try (Stream<Path> files = Files.list(out)) {
			assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).as("the templates written")
				.isEqualTo(shipped);
		}
		for (String name : shipped) {
			assertThat(body(out.resolve(name))).as(name).isEqualTo(body(SHIPPED.resolve(name)));
		}
	}

	/** The document's body as stored in the .docx (word/document.xml). */
	static String body(Path docx) throws IOException {
		try (ZipFile zip = new ZipFile(docx.toFile()); InputStream in = zip.getInputStream(zip.getEntry("word/document.xml"))) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}
}
