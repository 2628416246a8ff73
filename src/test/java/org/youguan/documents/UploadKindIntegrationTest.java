package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.OfficeSamples;
import org.youguan.SignIn;
import org.youguan.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A file of another kind uploaded to an import is told by what it is, whatever its name: a Word document, a PDF, an old
 * .doc, a zip or an image sent to an .xlsx import ("这是Word文档（.docx）…请上传.xlsx表格"), and a PDF or a workbook sent to
 * the work-plan notice import, which takes .txt or .docx; an Office 97-2003 file by its OLE2 directory everywhere (the
 * imports, a Word template, an attachment), an encrypted Office file as one.
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

	/**
	 * An OLE2 compound file is told by its directory, never called a workbook for being one: a .doc, a .ppt, an
	 * encrypted .xlsx and a bare compound file each by what it is; only a real .xls is the old workbook to save anew.
	 */
	@Test
	void aSheetImportTellsOffice97To2003FilesByTheirDirectory() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		String path = "/registry/enterprises/import";
		assertTold(upload(staff, path, "企业.xlsx", OfficeSamples.doc()), "这是Word 97-2003文档（.doc），不是Excel工作簿（.xlsx）");
		assertTold(upload(staff, path, "企业.xlsx", OfficeSamples.ppt()), "这是PowerPoint 97-2003演示文稿（.ppt）");
		assertTold(upload(staff, path, "企业.xlsx", OfficeSamples.xls()), "文件是Excel 97-2003工作簿（.xls）", "另存为");
		assertThat(assertTold(upload(staff, path, "企业.xlsx", OfficeSamples.bareOle2()), "这是OLE2复合文档", "不是Excel工作簿（.xlsx）"))
			.doesNotContain("Excel 97-2003工作簿");
		assertTold(upload(staff, path, "企业.xlsx", OfficeSamples.encryptedXlsx()), "这是加密的Office文件", "取消密码");
	}

	/** The work-plan notice import (.txt or .docx) names an Office 97-2003 file, not "not UTF-8 text". */
	@Test
	void theNoticeImportTellsOffice97To2003Files() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		for (byte[] file : List.of(OfficeSamples.doc(), OfficeSamples.xls(), OfficeSamples.bareOle2(), OfficeSamples.encryptedXlsx())) {
			assertThat(assertTold(upload(staff, "/workplans/import", "通知.doc", file), "这是", "不是文本文件（.txt）或Word文件（.docx）"))
				.doesNotContain("UTF-8");
		}
		assertTold(upload(staff, "/workplans/import", "通知.doc", OfficeSamples.doc()), "这是Word 97-2003文档（.doc）");
		assertTold(upload(staff, "/workplans/import", "通知.doc", OfficeSamples.bareOle2()), "这是OLE2复合文档");
		assertTold(upload(staff, "/workplans/import", "通知.docx", OfficeSamples.encryptedXlsx()), "这是加密的Office文件");
	}

	/** The notice API names a PDF or an old .doc sent as text/plain, instead of previewing it as a notice's text. */
	@Test
	void theNoticeApiTellsAFileSentAsText() throws Exception {
		assertTold(noticeApi(OfficeSamples.asciiPdf()), "这是PDF文件，不是文本文件（.txt）或Word文件（.docx）", "wrong-kind");
		assertTold(noticeApi(OfficeSamples.doc()), "这是Word 97-2003文档（.doc），不是文本文件（.txt）或Word文件（.docx）", "wrong-kind");
	}

	private MockHttpServletResponse noticeApi(byte[] body) throws Exception {
		return mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sz-admin-token")
			.contentType(MediaType.TEXT_PLAIN).content(body)).andReturn().getResponse();
	}

	/** A Word template upload names an .xls or a PDF as what it is. */
	@Test
	void aTemplateUploadTellsWhatOtherFileItWasGiven() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		assertTold(upload(admin, DocumentTemplatesIntegrationTest.PAGE, "回执.docx", OfficeSamples.xls()),
				"是Excel 97-2003工作簿（.xls），不是Word文档（.docx）");
		assertTold(upload(admin, DocumentTemplatesIntegrationTest.PAGE, "回执.docx", OfficeSamples.asciiPdf()), "是PDF文件，不是Word文档（.docx）");
	}

	/** An attachment of the enterprise portal (JPEG, PNG or PDF) that is an Office file is named as one. */
	@Test
	void anAttachmentTellsWhatOtherFileItWasGiven() throws Exception {
		String html = mvc.perform(multipart("/enterprise/filings/new")
			.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf", OfficeSamples.doc()))
			.file(new MockMultipartFile("managerId", "身份证.jpg", "image/jpeg", OfficeSamples.encryptedXlsx()))
			.param("name", "文件种类网点")
			.session(SignIn.session(mvc, "sf.wz"))
			.with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("“营业执照.pdf”是Word 97-2003文档（.doc），不是JPEG、PNG图片或PDF文件")
			.contains("“身份证.jpg”是加密的Office文件（设有打开密码），不是JPEG、PNG图片或PDF文件");
	}

	private MockHttpServletResponse upload(MockHttpSession staff, String path, String name, byte[] content) throws Exception {
		return mvc.perform(multipart(path).file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.session(staff).with(csrf())).andReturn().getResponse();
	}

	private static String assertTold(MockHttpServletResponse answer, String... says) throws Exception {
		assertThat(answer.getStatus()).isBetween(400, 499);
		String page = answer.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(says).doesNotContain("已损坏");
		return page;
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
