package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack f8 item 7: a field whose type a nested field builds is refused when the nested field stored no result that
 * shows the type — { {QUOTE "INCLUDEPICTURE"} "http://…" } — while a field whose type is written before its nested
 * fields (IF, a formula) is judged by that type.
 */
class NestedFieldCodesTest {

	private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	private static String begin() {
		return "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>";
	}

	private static String separate() {
		return "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
	}

	private static String end() {
		return "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
	}

	private static String instr(String text) {
		return "<w:r><w:instrText xml:space=\"preserve\">" + text + "</w:instrText></w:r>";
	}

	private static String text(String text) {
		return "<w:r><w:t>" + text + "</w:t></w:r>";
	}

	private static List<String> found(String runs) throws Exception {
		String xml = "<w:document xmlns:w=\"" + W + "\"><w:body><w:p>" + runs + "</w:p></w:body></w:document>";
		List<String> found = new ArrayList<>();
		FieldCodes.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), found::add);
		return found;
	}

	@Test
	void aTypeBuiltByANestedFieldWithoutAStoredResultIsRefused() throws Exception {
		assertThat(found(begin() + begin() + instr(" QUOTE \"INCLUDEPICTURE\" ") + end() + instr(" \"http://example.com/a.png\" ")
				+ separate() + text("图") + end())).containsExactly(FieldCodes.NESTED_TYPE);
		// with an empty stored result too
		assertThat(found(begin() + begin() + instr(" QUOTE \"LINK\" ") + separate() + end()
				+ instr(" Excel \"//server/a.xlsx\" A1 ") + end())).containsExactly(FieldCodes.NESTED_TYPE);
	}

	@Test
	void aStoredResultShowingAFetchingTypeIsNamed() throws Exception {
		assertThat(found(begin() + begin() + instr(" QUOTE \"INCLUDE\" \"TEXT\" ") + separate() + text("INCLUDETEXT") + end()
				+ instr(" \"http://example.com/a.docx\" ") + end())).containsExactly("INCLUDETEXT");
	}

	@Test
	void aTypeWrittenBeforeItsNestedFieldsIsJudgedByThatType() throws Exception {
		assertThat(found(begin() + instr(" IF ") + begin() + instr(" MERGEFIELD x ") + separate() + text("1") + end()
				+ instr(" = 1 \"是\" \"否\" ") + separate() + text("是") + end())).isEmpty();
		assertThat(found(begin() + instr(" = ") + begin() + instr(" PAGE ") + separate() + text("1") + end()
				+ instr(" * 2 ") + separate() + text("2") + end())).isEmpty();
		assertThat(found(begin() + instr(" INCLUDEPICTURE ") + begin() + instr(" QUOTE \"http://x\" ") + end() + end()))
			.containsExactly("INCLUDEPICTURE");
	}
}
