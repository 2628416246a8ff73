package org.youguan;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The uploads that take text — the region CSV import, the working calendar, an audit checkpoint, the parcel-record
 * API — tell a file of another kind by what it is (kernel.FileKind), as the document uploads do: a Word document, an
 * all-ASCII PDF, an Office 97-2003 file, an encrypted Office file or a gzip holding a PDF is refused in 4xx naming its
 * kind, never read as text into a preview, a job or a batch.
 */
@IntegrationTest
class TextUploadKindIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theRegionImportTellsWhatOtherFileItWasGiven() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		assertTold(upload(admin, "/admin/regions/import", "file", "乡镇.csv", OfficeSamples.docx()), "这是Word文档（.docx），不是CSV文本文件");
		assertTold(upload(admin, "/admin/regions/import", "file", "乡镇.csv", OfficeSamples.asciiPdf()), "这是PDF文件，不是CSV文本文件");
		assertTold(upload(admin, "/admin/regions/import", "file", "乡镇.csv", OfficeSamples.xls()), "这是Excel 97-2003工作簿（.xls）");
		assertTold(upload(admin, "/admin/regions/import", "file", "乡镇.csv", OfficeSamples.encryptedXlsx()), "这是加密的Office文件");
		assertTold(upload(admin, "/admin/regions/import", "file", "乡镇.csv.gz", OfficeSamples.gzip(OfficeSamples.asciiPdf())),
				"这是gzip压缩的PDF文件，不是CSV文本文件");
		assertTold(upload(admin, "/admin/regions/import", "file", "乡镇.csv", TestImages.png(8, 8)), "这是PNG图片");
	}

	@Test
	void theCalendarAndTheCheckpointTellWhatOtherFileTheyWereGiven() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		assertTold(upload(admin, "/admin/calendar/load", "file", "日历.ics", OfficeSamples.asciiPdf()), "这是PDF文件，不是日历文件");
		assertTold(upload(admin, "/admin/calendar/load", "file", "日历.json", OfficeSamples.doc()), "这是Word 97-2003文档（.doc）");
		assertTold(upload(admin, "/admin/audit/verify", "checkpoint", "checkpoint.txt", OfficeSamples.docx()),
				"这是Word文档（.docx），不是审计检查点文件");
		MockHttpServletResponse api = mvc.perform(post("/api/v1/audit-events/verification")
			.header("Authorization", "Bearer demo-sys-admin-token").contentType(MediaType.TEXT_PLAIN).content(OfficeSamples.asciiPdf()))
			.andReturn().getResponse();
		assertTold(api, "这是PDF文件，不是审计检查点文件", "wrong-kind");
	}

	@Test
	void theParcelRecordApiTellsWhatOtherFileItWasGiven() throws Exception {
		assertTold(parcels("text/csv", OfficeSamples.asciiPdf()), "这是PDF文件，不是寄递记录的CSV或NDJSON文本", "wrong-kind");
		assertTold(parcels("text/csv", OfficeSamples.gzip(OfficeSamples.xls())), "这是gzip压缩的Office 97-2003文件");
		assertTold(parcels("application/x-ndjson", OfficeSamples.docx()), "这是ZIP压缩包或Office文件");
	}

	private MockHttpServletResponse parcels(String type, byte[] body) throws Exception {
		return mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "kind-" + UUID.randomUUID().toString().substring(0, 8))
			.header("Authorization", "Bearer demo-sf-wz-token").contentType(type).content(body)).andReturn().getResponse();
	}

	private MockHttpServletResponse upload(MockHttpSession session, String path, String field, String name, byte[] content)
			throws Exception {
		return mvc.perform(multipart(path).file(new MockMultipartFile(field, name, "application/octet-stream", content))
			.session(session).with(csrf())).andReturn().getResponse();
	}

	private static void assertTold(MockHttpServletResponse answer, String... says) throws Exception {
		assertThat(answer.getStatus()).isBetween(400, 499);
		assertThat(answer.getRedirectedUrl()).isNull();
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains(says);
	}
}
