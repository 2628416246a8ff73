package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A user's broken upload is the user's 400 and nothing in the server's log at WARN or above: every .xlsx import reads
 * through {@link SheetReader} (as a .docx template through {@link TemplateCheck}), which open the file with
 * {@link OfficeFiles#openPackage}. POI's own {@code OPCPackage.open(InputStream)} logged "Unable to close resource"
 * at ERROR with a NullPointerException trace for a zip without its workbook.
 */
class CorruptUploadLogTest {

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	@BeforeEach
	void capture() {
		log.start();
		root.addAppender(log);
	}

	@AfterEach
	void release() {
		root.detachAppender(log);
	}

	@Test
	void theUsualCorruptShapesAreRefusedOnTheFileWithoutAWarningOrErrorLogged() throws Exception {
		byte[] xlsx = workbook();
		Map<String, byte[]> shapes = new LinkedHashMap<>();
		shapes.put("truncated zip", Arrays.copyOf(xlsx, xlsx.length / 2));
		shapes.put("zip without xl/workbook.xml", without(xlsx, "xl/workbook.xml"));
		shapes.put("zip without [Content_Types].xml", without(xlsx, "[Content_Types].xml"));
		shapes.put("OLE2 .xls", xls());
		// an .xlsx with a password to open: an OLE2 file holding the encrypted package, as for a .docx
		shapes.put("encrypted .xlsx", DocumentTemplatesIntegrationTest.encrypted(xlsx));
		shapes.put("empty file", new byte[0]);
		shapes.put("zip of nothing", zip(Map.of()));
		// what making the files logged (POI warns of a new .xls's missing property sets) is not the reading's
		log.list.clear();
		for (Map.Entry<String, byte[]> shape : shapes.entrySet()) {
			assertThatThrownBy(() -> SheetRows.read(shape.getValue(), List.of("名称"))).as(shape.getKey())
				.isInstanceOfSatisfying(InvalidValueException.class,
						ex -> assertThat(ex.fieldErrors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("file")));
			assertThat(SheetReader.sheetReadAmongSeveral(shape.getValue())).as(shape.getKey()).isEmpty();
		}
		// the reading runs on this thread: what another test's background client logs meanwhile on its own (a Kafka
		// producer losing its stopped broker) is not the reading's
		String reader = Thread.currentThread().getName();
		assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN) && reader.equals(e.getThreadName()))
			.extracting(e -> e.getLoggerName() + ": " + e.getFormattedMessage())
			.isEmpty();
	}

	private static byte[] workbook() throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.createSheet("网点").createRow(0).createCell(0).setCellValue("名称");
			book.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] xls() throws IOException {
		try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.createSheet("网点").createRow(0).createCell(0).setCellValue("名称");
			book.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] without(byte[] zip, String entry) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				if (!e.getName().equals(entry)) {
					entries.put(e.getName(), in.readAllBytes());
				}
			}
		}
		return zip(entries);
	}

	private static byte[] zip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
			}
		}
		return out.toByteArray();
	}
}
