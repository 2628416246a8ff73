package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditQuery;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15: templates an administrator can replace. The catalogue holds every template file the platform ships; a
 * system administrator replaces one on {@code /admin/document-templates} (or the API) and returns to the built-in one,
 * each audited and kept in the history; a file that is not a clean .docx, or whose fields the template is not filled
 * with, is refused with a 4xx naming the file and the rule; nobody else reaches the page. (That the next document is
 * filled from the replacement: enforcement/CaseDocumentReplacementIntegrationTest.)
 */
@IntegrationTest
class DocumentTemplatesIntegrationTest {

	static final Path BUILT_IN = Path.of("src/main/resources");

	static final String ADMIN_TOKEN = "Bearer demo-sys-admin-token";

	static final String KEY = "filing/receipt";

	static final String PAGE = "/admin/document-templates/" + KEY;

	@Autowired
	MockMvc mvc;

	@Autowired
	DocumentTemplates templates;

	@Autowired
	WordTemplates words;

	@Autowired
	AuditTrail audit;

	@AfterEach
	void backToBuiltIn() {
		for (DocumentTemplates.Entry e : templates.entries()) {
			if (e.replaced()) {
				templates.revert(e.template().key(), "测试结束", "test");
			}
		}
	}

	ResultActions upload(MockHttpSession session, String fileName, byte[] content) throws Exception {
		return mvc.perform(multipart(PAGE).file(new MockMultipartFile("file", fileName, Downloads.DOCX.toString(), content))
			.param("note", "测试替换").session(session).with(csrf()));
	}

	@Test
	void theCatalogueListsEveryTemplateFileUnderDocuments() throws Exception {
		List<String> files;
		try (Stream<Path> walk = Files.walk(BUILT_IN.resolve("documents"))) {
			files = walk.filter(p -> p.toString().endsWith(".docx")).map(p -> BUILT_IN.relativize(p).toString().replace('\\', '/'))
				.toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(28);
		assertThat(templates.catalogue()).as("a .docx under documents/ without a catalogue entry (declare it with "
				+ "DeclaresTemplates in the module that fills it)")
			.extracting(DocumentTemplate::builtIn)
			.containsExactlyInAnyOrderElementsOf(files);
		assertThat(templates.catalogue()).extracting(DocumentTemplate::module)
			.contains("enforcement", "licensing", "inspections", "filing", "complaints", "statistics", "workplans", "universal");
	}

	@Test
	void everyBuiltInTemplatePassesTheCheckAReplacementMust() {
		for (DocumentTemplate t : templates.catalogue()) {
			byte[] builtIn = templates.builtIn(t.key());
			assertThatCode(() -> TemplateCheck.check(t, t.builtIn(), builtIn, templates.maxBytes(), words))
				.as("built-in %s uses a field its module does not fill, or one where it is not filled", t.key())
				.doesNotThrowAnyException();
		}
	}

	@Test
	void anAdministratorReplacesATemplateSeesItsSourceAndHistoryAndRestoresTheBuiltInOne() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		byte[] replacement = TemplateFiles.docx("本局备案回执（2026版）", "${bureau}", "备案编号：${filingNumber}", "${number}");
		MvcResult done = upload(admin, "备案回执2026.docx", replacement).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(templates.current(KEY)).isEqualTo(replacement);

		String page = mvc.perform(get(PAGE).session(admin).flashAttrs(done.getFlashMap())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).as("the declared fields the file leaves out are a warning").contains("id=\"missing-fields\"")
			.contains("${enterprise}", "${attachments.kind}").contains("已替换").contains("备案回执2026.docx").contains("测试替换");
		String list = mvc.perform(get("/admin/document-templates").session(admin)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("末端网点备案回执").contains("行政处罚决定书").contains("sys.admin于").contains("已替换")
			.contains("/admin/document-templates/enforcement/decision/built-in.docx");
		byte[] current = mvc.perform(get(PAGE + "/current.docx").session(admin)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(TemplateFiles.text(current)).contains("本局备案回执（2026版）");
		byte[] builtIn = mvc.perform(get(PAGE + "/built-in.docx").session(admin)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(builtIn).isEqualTo(templates.builtIn(KEY));

		mvc.perform(post(PAGE + "/revert").param("note", "恢复").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(templates.current(KEY)).isEqualTo(templates.builtIn(KEY));
		List<DocumentTemplates.Change> history = templates.history(KEY);
		assertThat(history.get(0).replacement()).isFalse();
		assertThat(history.get(1).fileName()).isEqualTo("备案回执2026.docx");
		assertThat(history.get(1).sha256()).hasSize(64);
		assertThat(templates.version(KEY, history.get(1).id())).as("what was used before stays readable").isEqualTo(replacement);
		mvc.perform(get(PAGE + "/versions/" + history.get(1).id() + ".docx").session(admin)).andExpect(status().isOk());
		mvc.perform(post(PAGE + "/revert").session(admin).with(csrf())).andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"template-upload\"")));

		List<String> actions = audit.search(DataScope.all(), new AuditQuery(KEY, null, "DocumentTemplate", null, null),
				new PageQuery("", 0, 10, null, true)).items().stream().map(AuditEvent::action).toList();
		assertThat(actions).startsWith("documents.template.revert", "documents.template.replace");
		mvc.perform(get("/admin/audit").param("q", KEY).session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("替换文书模板")))
			.andExpect(content().string(containsString("恢复内置文书模板")));
	}

	@Test
	void aFileThatIsNotACleanDocxIsRefusedWithItsReason() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		upload(admin, "回执.docx", "%PDF-1.7 not a word file".getBytes(StandardCharsets.US_ASCII))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("模板文件“回执.docx”是PDF文件，不是Word文档（.docx）")))
			// the template's page again, not the error page: the error beside the file field, the note as typed
			.andExpect(content().string(containsString("id=\"template-upload\"")))
			.andExpect(content().string(containsString("data-field=\"file\"")))
			.andExpect(content().string(containsString("value=\"测试替换\"")));
		byte[] broken = Arrays.copyOf(TemplateFiles.docx("${number}"), 300);
		upload(admin, "回执.docx", broken).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("已损坏")));
		upload(admin, "回执.doc", ole2()).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("是Word 97-2003文档（.doc），不是Word文档（.docx）")));
		upload(admin, "回执.docx", encrypted(TemplateFiles.docx("${number}"))).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("加密的Office文件")));
		byte[] docm = TemplateFiles.withContentType(TemplateFiles.docx("${number}"),
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
				"application/vnd.ms-word.document.macroEnabled.main+xml");
		upload(admin, "回执.docm", docm).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("含有宏")));
		upload(admin, "回执.docx", attachedTemplate()).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("引用了外部文件或网址（http://example.com/normal.dotm）")));
		upload(admin, "回执.docx", new byte[(int) templates.maxBytes() + 1]).andExpect(status().isPayloadTooLarge())
			.andExpect(content().string(containsString("超过10MB")));
		assertThat(templates.entry(KEY).replaced()).isFalse();
	}

	/**
	 * Word field codes that fetch content from outside when the document is opened or updated fall under the rule
	 * {@code external} like a linked object: a complex field (its instruction split over runs, or its type computed by
	 * a nested field) or a simple one, in the body, a header, a footer or a footnote — refused naming the field and
	 * where it is, nothing stored. Fields that fetch nothing (PAGE, HYPERLINK) are fine.
	 */
	@Test
	void fieldCodesThatFetchOutsideContentAreRefusedWhereverTheyAre() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		int versions = templates.history(KEY).size();
		record Case(String where, boolean simple, String expected, String... instruction) {
		}
		List<Case> cases = List.of(new Case("body", false, "INCLUDETEXT（正文）", " INCLUDE", "TEXT \"http://example.com/a.docx\" "),
				new Case("body", true, "DDEAUTO（正文）", "DDEAUTO Excel \"C:/a.xlsx\" R1C1"),
				new Case("header", false, "LINK（页眉）", " LI", "NK Excel.Sheet.12 \"//server/share/a.xlsx\" Sheet1 "),
				new Case("header", true, "INCLUDETEXT（页眉）", "includetext \"http://example.com/b.docx\""),
				new Case("footer", true, "INCLUDEPICTURE（页脚）", " INCLUDEPICTURE \"http://example.com/seal.png\" \\d "),
				new Case("footer", false, "IMPORT（页脚）", " IMPORT \"http://example.com/seal.png\" "),
				new Case("footnote", false, "DDE（脚注）", " DDE ", "Excel \"C:/a.xlsx\" R1C1 "),
				new Case("footnote", true, "INCLUDE（脚注）", " INCLUDE \"http://example.com/c.docx\" "));
		for (Case c : cases) {
			upload(admin, "回执.docx", withField(c.where(), c.simple(), false, c.instruction()))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("含有从外部取用内容的域代码" + c.expected())));
		}
		upload(admin, "回执.docx", withField("body", false, true, " \"http://example.com/d.docx\" "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("INCLUDETEXT（正文）")));
		assertThat(templates.entry(KEY).replaced()).isFalse();
		assertThat(templates.history(KEY)).hasSize(versions);
		upload(admin, "回执.docx", withField("footer", false, false, " PAGE ")).andExpect(status().is3xxRedirection());
		upload(admin, "回执.docx", withField("body", true, false, "HYPERLINK \"https://www.spb.gov.cn/\""))
			.andExpect(status().is3xxRedirection());
	}

	/**
	 * A field type after Unicode white space other than an ASCII space (no-break, ideographic, figure, em space, line
	 * separator) and a field whose instruction is in a tracked deletion ({@code w:delInstrText}, live again when the
	 * change is rejected) are read as Word reads them: refused under {@code external} in the body, a header, a footer
	 * or a footnote, complex or simple.
	 */
	@Test
	void fieldCodesBehindUnicodeSpacesOrInTrackedDeletionsAreRefused() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		refusedNamingTheField(admin, List.of(new Refused(withField("body", false, false, "\u00A0INCLUDETEXT \"http://example.com/a.docx\""), "INCLUDETEXT（正文）"),
				new Refused(withField("header", true, false, "\u3000INCLUDEPICTURE \"http://example.com/a.png\""), "INCLUDEPICTURE（页眉）"),
				new Refused(withField("footer", false, false, "\u2007\u2003", "\u2028LINK Excel \"//server/a.xlsx\" A1"), "LINK（页脚）"),
				new Refused(withField("footnote", true, false, "\u202F\"DDEAUTO\" Excel \"C:/a.xlsx\" R1C1"), "DDEAUTO（脚注）"),
				new Refused(deletedField("body", " INCLUDETEXT \"http://example.com/a.docx\" "), "INCLUDETEXT（正文）"),
				new Refused(deletedField("header", " INCLUDE", "PICTURE \"http://example.com/a.png\" "), "INCLUDEPICTURE（页眉）"),
				new Refused(deletedField("footer", "\u00A0LINK Excel \"//server/a.xlsx\" A1"), "LINK（页脚）"),
				new Refused(deletedField("footnote", " DDE Excel \"C:/a.xlsx\" R1C1"), "DDE（脚注）")));
		upload(admin, "回执.docx", deletedField("body", "\u3000PAGE ")).andExpect(status().is3xxRedirection());
	}

	/** A template file and the fetching field (with where it is) its refusal names. */
	record Refused(byte[] file, String expected) {
	}

	/** Uploads each case's file and expects it refused under {@code external}, naming its field. */
	void refusedNamingTheField(MockHttpSession admin, List<Refused> cases) throws Exception {
		for (Refused c : cases) {
			upload(admin, "回执.docx", c.file())
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("含有从外部取用内容的域代码" + c.expected())));
		}
	}

	/**
	 * A fetching field's type spelt with zero-width characters (U+200B, U+200C, U+200D, U+FEFF, U+2060) between or
	 * before its letters, or in full-width letters, is the field it spells once NFKC-normalised and the invisible
	 * characters removed: refused under {@code external} naming that field, complex (also split over runs, also in a
	 * tracked deletion) or simple; a PAGE field spelt so is still fine.
	 */
	@Test
	void fieldTypesSpeltWithInvisibleOrFullWidthLettersAreRefused() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		refusedNamingTheField(admin, List.of(new Refused(withField("body", false, false, " LI\u200BNK Excel \"//server/a.xlsx\" A1 "), "LINK（正文）"),
				new Refused(withField("header", true, false, "ＩＮＣＬＵＤＥＰＩＣＴＵＲＥ \"http://example.com/a.png\""), "INCLUDEPICTURE（页眉）"),
				new Refused(withField("footer", false, false, " INCLUDEP\u200C", "ICTURE \"http://example.com/a.png\" "), "INCLUDEPICTURE（页脚）"),
				new Refused(withField("footnote", true, false, "\uFEFFＤＤＥ\u200DＡＵＴＯ Excel \"C:/a.xlsx\" R1C1"), "DDEAUTO（脚注）"),
				new Refused(deletedField("body", " ＩＮＣＬＵＤＥＴ\u2060ＥＸＴ \"http://example.com/a.docx\" "), "INCLUDETEXT（正文）")));
		assertThat(templates.entry(KEY).replaced()).isFalse();
		upload(admin, "回执.docx", withField("footer", false, false, " Ｐ\u200BＡＧＥ ")).andExpect(status().is3xxRedirection());
	}

	/**
	 * A header part moved out of {@code word/} or named {@code .XML} — Word finds it through the relationships and
	 * the content types whatever its folder or name — is checked like one under {@code word/}: its fetching field is
	 * refused.
	 */
	@Test
	void aFieldInAPartOutsideWordOrNamedInCapitalsIsRefused() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		byte[] header = withField("header", true, false, " INCLUDEPICTURE \"http://example.com/a.png\" ");
		refusedNamingTheField(admin, List.of(new Refused(movedPart(header, "word/header1.xml", "x/header1.xml"), "INCLUDEPICTURE（页眉）"),
				new Refused(movedPart(header, "word/header1.xml", "word/header1.XML"), "INCLUDEPICTURE（页眉）")));
		assertThat(templates.entry(KEY).replaced()).isFalse();
	}

	/** The package with the part {@code from} at {@code to}, its relationship target and content type following it. */
	static byte[] movedPart(byte[] docx, String from, String to) throws Exception {
		String target = to.startsWith("word/") ? to.substring("word/".length()) : "../" + to;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				byte[] bytes = in.readAllBytes();
				String name = e.getName().equals(from) ? to : e.getName();
				if (name.equals("word/_rels/document.xml.rels") || name.equals("[Content_Types].xml")) {
					String xml = new String(bytes, StandardCharsets.UTF_8)
						.replace("Target=\"" + from.substring("word/".length()) + "\"", "Target=\"" + target + "\"")
						.replace("PartName=\"/" + from + "\"", "PartName=\"/" + to + "\"");
					bytes = xml.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(name));
				zip.write(bytes);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	/**
	 * The receipt's fields and, in the body, a header, a footer or a footnote, a field with this instruction: a simple
	 * field, or a complex one with a run per part of the instruction — after a nested QUOTE field whose result is
	 * "INCLUDETEXT" when {@code computedType}.
	 */
	static byte[] withField(String where, boolean simple, boolean computedType, String... instruction) throws Exception {
		return field(where, simple, computedType, false, instruction);
	}

	/** As {@link #withField} for a complex field whose instruction runs are a tracked deletion ({@code w:delInstrText}). */
	static byte[] deletedField(String where, String... instruction) throws Exception {
		return field(where, false, false, true, instruction);
	}

	private static byte[] field(String where, boolean simple, boolean computedType, boolean deleted, String... instruction)
			throws Exception {
		try (XWPFDocument doc = new XWPFDocument()) {
			for (String text : List.of("${bureau}", "备案编号：${filingNumber}", "${number}")) {
				doc.createParagraph().createRun().setText(text);
			}
			XWPFParagraph p = switch (where) {
				case "header" -> doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
				case "footer" -> doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
				case "footnote" -> doc.createFootnote().createParagraph();
				default -> doc.createParagraph();
			};
			if (simple) {
				p.getCTP().addNewFldSimple().setInstr(String.join("", instruction));
				return TemplateFiles.bytes(doc);
			}
			fieldChar(p, STFldCharType.BEGIN);
			if (computedType) {
				fieldChar(p, STFldCharType.BEGIN);
				p.createRun().getCTR().addNewInstrText().setStringValue(" QUOTE \"INCLUDE\" \"TEXT\" ");
				fieldChar(p, STFldCharType.SEPARATE);
				p.createRun().setText("INCLUDETEXT");
				fieldChar(p, STFldCharType.END);
			}
			for (String part : instruction) {
				if (deleted) {
					CTRunTrackChange deletion = p.getCTP().addNewDel();
					deletion.setId(BigInteger.ONE);
					deletion.setAuthor("审核人");
					deletion.addNewR().addNewDelInstrText().setStringValue(part);
				}
				else {
					p.createRun().getCTR().addNewInstrText().setStringValue(part);
				}
			}
			fieldChar(p, STFldCharType.SEPARATE);
			p.createRun().setText("域结果");
			fieldChar(p, STFldCharType.END);
			return TemplateFiles.bytes(doc);
		}
	}

	private static void fieldChar(XWPFParagraph p, STFldCharType.Enum type) {
		p.createRun().getCTR().addNewFldChar().setFldCharType(type);
	}

	@Test
	void fieldsTheTemplateIsNotFilledWithAreRefusedByName() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		upload(admin, "回执.docx", TemplateFiles.docx("文号：${number}", "盖章：${盖章}", "${caseNumber}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("字段${盖章}、${caseNumber}不是“末端网点备案回执”可填写的字段")));
		upload(admin, "回执.docx", TemplateFiles.docx("文号：$｛number｝")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("全角")));
		upload(admin, "回执.docx", TemplateFiles.docx("材料：${attachments.name}")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("字段${attachments.name}位于不会被填写的位置")));
		upload(admin, "回执.docx", TemplateFiles.docx("本局备案回执")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("没有“末端网点备案回执”的任何字段")));
		assertThat(templates.entry(KEY).replaced()).isFalse();
	}

	@Test
	void aDecisionTemplateThatDropsWhatTheLawRequiresItToStateIsRefused() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		String decision = "/admin/document-templates/enforcement/decision";
		DocumentTemplate t = templates.catalogue().stream().filter(d -> d.key().equals("enforcement/decision")).findFirst()
			.orElseThrow();
		assertThat(t.required()).as("行政处罚法 art.59: party and address, facts, penalty and basis, performance, remedies, bureau and date")
			.contains("enterprise", "address", "report", "basis", "penalty", "performance", "remedies", "bureau", "decidedOn");
		// the built-in decision without its address, credit code and remedies paragraphs
		List<String> kept = t.placeholders().stream()
			.filter(f -> !f.equals("${address}") && !f.equals("${creditCode}") && !f.equals("${remedies}") && !f.startsWith("${evidence."))
			.toList();
		mvc.perform(multipart(decision).file(new MockMultipartFile("file", "决定书.docx", null,
				TemplateFiles.docx(kept.toArray(String[]::new)))).param("note", "删去救济途径").session(admin).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("template-required")))
			.andExpect(content().string(containsString("${creditCode}、${address}")))
			.andExpect(content().string(containsString("${remedies}")));
		assertThat(templates.entry("enforcement/decision").replaced()).isFalse();
		// every field there, the remedies as hidden text (Word's 隐藏文字): present in the file, absent on paper
		List<String> all = t.placeholders().stream().filter(f -> !f.startsWith("${evidence.")).toList();
		mvc.perform(multipart(decision).file(new MockMultipartFile("file", "决定书.docx", null,
				TemplateFiles.docxHiding(Set.of("${remedies}"), all.toArray(String[]::new))))
				.param("note", "隐藏救济途径").session(admin).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("template-required")))
			.andExpect(content().string(containsString("${remedies}")));
		assertThat(templates.entry("enforcement/decision").replaced()).isFalse();
		mvc.perform(get(decision).session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"template-required\"")));
	}

	@Test
	void theApiOffersTheSameOperationsToTheSystemAdministratorOnly() throws Exception {
		mvc.perform(get("/api/v1/document-templates").header("Authorization", ADMIN_TOKEN)).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].key", hasItem("enforcement/decision")))
			.andExpect(jsonPath("$[?(@.key == 'enforcement/decision')].lists.evidence[0]").value("no"));
		byte[] every = TemplateFiles.withEveryField("接口替换的回执", templates.get(KEY));
		mvc.perform(multipart("/api/v1/document-templates/" + KEY)
			.file(new MockMultipartFile("file", "api.docx", Downloads.DOCX.toString(), every))
			.header("Authorization", ADMIN_TOKEN))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.missing").isEmpty())
			.andExpect(jsonPath("$.change.fileName").value("api.docx"));
		mvc.perform(get("/api/v1/document-templates/" + KEY).header("Authorization", ADMIN_TOKEN))
			.andExpect(jsonPath("$.template.replaced").value(true))
			.andExpect(jsonPath("$.history[0].changedBy").value("sys.admin"));
		mvc.perform(multipart("/api/v1/document-templates/" + KEY)
			.file(new MockMultipartFile("file", "x.docx", Downloads.DOCX.toString(), TemplateFiles.docx("${未知}")))
			.header("Authorization", ADMIN_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].rule").value("template-field"));
		mvc.perform(post("/api/v1/document-templates/" + KEY + "/revert").header("Authorization", ADMIN_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sha256").value(nullValue()));

		for (String token : List.of("Bearer demo-sz-admin-token", "Bearer demo-wz-staff-token")) {
			mvc.perform(get("/api/v1/document-templates").header("Authorization", token)).andExpect(status().isForbidden());
			mvc.perform(multipart("/api/v1/document-templates/" + KEY)
				.file(new MockMultipartFile("file", "api.docx", Downloads.DOCX.toString(), every)).header("Authorization", token))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void nobodyButTheSystemAdministratorReachesThePage() throws Exception {
		for (String user : List.of("sz.admin", "js.leader", "wz.staff")) {
			MockHttpSession session = SignIn.session(mvc, user);
			mvc.perform(get("/admin/document-templates").session(session)).andExpect(status().isForbidden());
			mvc.perform(get(PAGE + "/current.docx").session(session)).andExpect(status().isForbidden());
			upload(session, "回执.docx", TemplateFiles.docx("${number}")).andExpect(status().isForbidden());
		}
		assertThat(templates.entry(KEY).replaced()).isFalse();
		String home = mvc.perform(get("/").session(SignIn.session(mvc, "sys.admin"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(home).contains("href=\"/admin/document-templates\"");
		String city = mvc.perform(get("/").session(SignIn.session(mvc, "sz.admin"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(city).doesNotContain("/admin/document-templates");
	}

	/** An OLE2 file, as an old .doc is. */
	static byte[] ole2() throws Exception {
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fs.createDocument(new ByteArrayInputStream(new byte[64]), "WordDocument");
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	/** A .docx with an opening password (agile encryption, as Word writes it). */
	static byte[] encrypted(byte[] docx) throws Exception {
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			Encryptor encryptor = info.getEncryptor();
			encryptor.confirmPassword("secret");
			try (OutputStream os = encryptor.getDataStream(fs)) {
				os.write(docx);
			}
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	/** A .docx attached to a template on another server, which Word would fetch on opening it. */
	static byte[] attachedTemplate() throws Exception {
		try (XWPFDocument doc = new XWPFDocument()) {
			doc.createParagraph().createRun().setText("${number}");
			doc.getPackagePart().addExternalRelationship("http://example.com/normal.dotm",
					"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate");
			return TemplateFiles.bytes(doc);
		}
	}
}
