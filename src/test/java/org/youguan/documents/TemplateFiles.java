package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Word files for the template tests: replacements written with POI, and what a test reads back from a document. */
public final class TemplateFiles {

	private TemplateFiles() {
	}

	/** A .docx of these paragraphs. */
	public static byte[] docx(String... paragraphs) {
		try (XWPFDocument doc = new XWPFDocument()) {
			for (String p : paragraphs) {
				doc.createParagraph().createRun().setText(p);
			}
			return bytes(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A document of one paragraph per text, those in {@code hidden} written as Word's hidden text (w:vanish). */
	public static byte[] docxHiding(Set<String> hidden, String... paragraphs) {
		try (XWPFDocument doc = new XWPFDocument()) {
			for (String p : paragraphs) {
				var run = doc.createParagraph().createRun();
				run.setText(p);
				run.setVanish(hidden.contains(p));
			}
			return bytes(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A replacement of {@code template} that uses every field it declares: a heading, a paragraph per field
	 * ({@code 字段名：${name}}) and, per list, a table whose second row is the list's template row.
	 */
	public static byte[] withEveryField(String heading, DocumentTemplate template) {
		try (XWPFDocument doc = new XWPFDocument()) {
			doc.createParagraph().createRun().setText(heading);
			for (String f : template.fields()) {
				doc.createParagraph().createRun().setText(f + "：${" + f + "}");
			}
			template.lists().forEach((list, columns) -> {
				XWPFTable table = doc.createTable(2, columns.size());
				XWPFTableRow header = table.getRow(0);
				XWPFTableRow row = table.getRow(1);
				for (int i = 0; i < columns.size(); i++) {
					header.getCell(i).setText(columns.get(i));
					row.getCell(i).setText("${" + list + "." + columns.get(i) + "}");
				}
			});
			return bytes(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The same package with {@code from} replaced by {@code to} in its {@code [Content_Types].xml}. */
	public static byte[] withContentType(byte[] docx, String from, String to) {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (e.getName().equals("[Content_Types].xml")) {
					content = new String(content, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(e.getName()));
				out.write(content);
				out.closeEntry();
			}
			out.finish();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text of a .docx, tables included. */
	public static String text(byte[] docx) {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			return text.getText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] bytes(XWPFDocument doc) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		doc.write(out);
		return out.toByteArray();
	}
}
