package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A file of another kind uploaded to an import is told by what it is, whatever its name: a Word document, a PDF, an old
 * .doc, a zip or an image sent to an .xlsx import ("这是Word文档（.docx）…请上传.xlsx表格"), and a PDF or a workbook sent to
 * the work-plan notice import, which takes .txt or .docx.
 */
@IntegrationTest
class UploadKindIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aSheetImportTellsWhatOtherFileItWasGiven() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		assertTold(upload(staff, "/registry/enterprises/import", "企业.xlsx", docx()), "这是Word文档（.docx）", "请上传.xlsx表格");
		assertTold(upload(staff, "/registry/enterprises/import", "企业.xlsx", PdfFiles.blankPage()), "这是PDF文件", "请上传.xlsx表格");
		assertTold(upload(staff, "/registry/enterprises/import", "企业.xlsx", oldWord()), "这是Word 97-2003文档（.doc）");
		assertTold(upload(staff, "/registry/enterprises/import", "企业.xlsx", zip()), "这是ZIP压缩包");
		assertTold(upload(staff, "/registry/enterprises/import", "企业.xlsx", TestImages.png(20, 20)), "这是PNG图片");
	}

	@Test
	void theNoticeImportTellsWhatOtherFileItWasGiven() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		assertTold(upload(staff, "/workplans/import", "通知.docx", PdfFiles.blankPage()), "这是PDF文件", ".docx");
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.createSheet("任务").createRow(0).createCell(0).setCellValue("任务");
			book.write(out);
			assertTold(upload(staff, "/workplans/import", "通知.docx", out.toByteArray()), "这是Excel工作簿（.xlsx）");
		}
	}

	private MockHttpServletResponse upload(MockHttpSession staff, String path, String name, byte[] content) throws Exception {
		return mvc.perform(multipart(path).file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.session(staff).with(csrf())).andReturn().getResponse();
	}

	private static void assertTold(MockHttpServletResponse answer, String... says) throws Exception {
		assertThat(answer.getStatus()).isBetween(400, 499);
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains(says).doesNotContain("已损坏");
	}

	private static byte[] docx() throws Exception {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("企业名称");
			doc.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] oldWord() throws Exception {
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fs.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	private static byte[] zip() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("企业名单.csv"));
			zip.write("企业名称\n甲\n".getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}
}
