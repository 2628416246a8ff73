package org.youguan.documents;

import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;

/**
 * The Word fields of one XML part that fetch content from outside the file (ECMA-376 part 1, 17.16.5): INCLUDEPICTURE
 * and its old name IMPORT, INCLUDETEXT and its old name INCLUDE, LINK, DDE and DDEAUTO. A complex field's instruction
 * is the text of its {@code w:instrText} elements between {@code w:fldChar begin} and {@code separate} (or
 * {@code end}), however many runs Word split it into, with the results of fields nested in it — so a field type
 * computed by a nested field is read as Word reads it; a simple field's is its {@code w:fldSimple w:instr}. Text in a
 * tracked deletion ({@code w:delInstrText}, {@code w:delText}) counts as live: rejecting the change restores it. Any
 * Unicode white space before the field type separates as an ASCII space does. The type is compared after NFKC
 * normalisation with invisible characters removed ({@link #INVISIBLE}), so ＩＮＣＬＵＤＥＰＩＣＴＵＲＥ in full-width
 * letters or LI + U+200B + NK is the fetching field it spells: whether Word itself runs such a field is not what is
 * checked — a template must not even look like one to another program reading it (WPS, LibreOffice, a converter).
 */
final class FieldCodes {

	/** Field types whose result is fetched from another file, a web address or another program. */
	static final Set<String> FETCHING = Set.of("INCLUDEPICTURE", "IMPORT", "INCLUDETEXT", "INCLUDE", "LINK", "DDE", "DDEAUTO");

	/**
	 * A field type after what Word skips before it: quotes and any white space — ASCII, no-break (U+00A0, U+2007,
	 * U+202F), ideographic (U+3000), the other Unicode separators and Java white space.
	 */
	private static final Pattern TYPE = Pattern.compile("^[\\s\\p{Z}\\p{IsWhite_Space}\\p{javaWhitespace}\\p{javaSpaceChar}\"]*([A-Za-z]+)");

	/**
	 * What shows nothing between or around a field type's letters: format characters (Unicode category Cf — zero-width
	 * space U+200B, non-joiner U+200C, joiner U+200D, word joiner U+2060, U+FEFF, soft hyphen, bidi marks), the
	 * combining grapheme joiner U+034F, variation selectors and the Hangul fillers NFKC leaves.
	 */
	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\u034F\\uFE00-\\uFE0F\\u115F\\u1160\\u3164\\uFFA0]");

	/**
	 * What a field whose type a nested field builds is reported as, when the nested fields' stored results do not show
	 * a fetching type: {@code { {QUOTE "INCLUDEPICTURE"} "http://…" }} saved without the nested field's result is the
	 * fetching field Word makes of it when the fields are updated (attack f8 item 7). A field whose type is written
	 * before any nested field ({@code { IF {MERGEFIELD x} = 1 … }}) is judged by that type.
	 */
	static final String NESTED_TYPE = "由嵌套域生成类型的域";

	/** A complex field being read: its instruction until its separator. */
	private static final class Field {

		final StringBuilder instruction = new StringBuilder();

		boolean separated;

		/** whether a nested field began before the instruction named its type: the type is built by nested fields */
		boolean typeFromNested;
	}

	private FieldCodes() {
	}

	/** Hands the type (upper case) of every fetching field of {@code part} to {@code sink}. */
	static void read(InputStream part, Consumer<String> sink) throws XMLStreamException {
		XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(part);
		Deque<Field> open = new ArrayDeque<>();
		boolean inInstruction = false;
		boolean inText = false;
		try {
			while (xml.hasNext()) {
				switch (xml.next()) {
					case XMLStreamConstants.START_ELEMENT -> {
						switch (xml.getLocalName()) {
							case "fldChar" -> {
								String type = attribute(xml, "fldCharType");
								if ("begin".equals(type)) {
									Field outer = open.peek();
									if (outer != null && !outer.separated && !typed(outer.instruction)) {
										outer.typeFromNested = true;
									}
									open.push(new Field());
								}
								else if ("separate".equals(type) && !open.isEmpty() && !open.peek().separated) {
									open.peek().separated = true;
									check(open.peek(), sink);
								}
								else if ("end".equals(type) && !open.isEmpty()) {
									Field done = open.pop();
									if (!done.separated) {
										check(done, sink);
									}
								}
							}
							case "instrText", "delInstrText" -> inInstruction = true;
							case "t", "delText" -> inText = true;
							case "fldSimple" -> check(attribute(xml, "instr"), sink);
							default -> {
								// runs, properties, drawings: not part of a field's instruction
							}
						}
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
						if (inInstruction && !open.isEmpty()) {
							open.peek().instruction.append(xml.getText());
						}
						else if (inInstruction) {
							// an instruction without its begin mark: Word still reads it as a field
							check(xml.getText(), sink);
						}
						else if (inText) {
							// a nested field's result inside an instruction is part of that instruction
							open.stream().filter(f -> !f.separated).findFirst().ifPresent(f -> f.instruction.append(xml.getText()));
						}
					}
					case XMLStreamConstants.END_ELEMENT -> {
						switch (xml.getLocalName()) {
							case "instrText", "delInstrText" -> inInstruction = false;
							case "t", "delText" -> inText = false;
							default -> {
								// other elements end nothing read here
							}
						}
					}
					default -> {
						// comments, processing instructions
					}
				}
			}
			open.forEach(f -> {
				if (!f.separated) {
					check(f, sink);
				}
			});
		}
		finally {
			xml.close();
		}
	}

	private static String attribute(XMLStreamReader xml, String localName) {
		for (int i = 0; i < xml.getAttributeCount(); i++) {
			if (xml.getAttributeLocalName(i).equals(localName)) {
				return xml.getAttributeValue(i);
			}
		}
		return null;
	}

	/**
	 * A complex field's instruction judged: a fetching type is reported by its name; a type built by nested fields
	 * that shows no fetching type in their stored results (none stored, or a result that changes when the fields are
	 * updated) is reported as {@link #NESTED_TYPE} — not plainly safe, so refused.
	 */
	private static void check(Field field, Consumer<String> sink) {
		if (!check(field.instruction, sink) && field.typeFromNested) {
			sink.accept(NESTED_TYPE);
		}
	}

	/** A formula field's type: "=" after what Word skips before a type. */
	private static final Pattern FORMULA = Pattern.compile("^[\\s\\p{Z}\\p{IsWhite_Space}\\p{javaWhitespace}\\p{javaSpaceChar}\"]*=");

	/**
	 * Whether the instruction read so far names its field type: letters after what Word skips before it, or the
	 * formula field's "=" ({@code { = {MERGEFIELD a} * 2 }} is a formula, plainly safe).
	 */
	private static boolean typed(CharSequence instruction) {
		String read = INVISIBLE.matcher(Normalizer.normalize(instruction, Normalizer.Form.NFKC)).replaceAll("");
		return TYPE.matcher(read).find() || FORMULA.matcher(read).find();
	}

	/** Reports a fetching type of the instruction; returns whether it had one. */
	private static boolean check(CharSequence instruction, Consumer<String> sink) {
		if (instruction == null) {
			return false;
		}
		Matcher type = TYPE.matcher(INVISIBLE.matcher(Normalizer.normalize(instruction, Normalizer.Form.NFKC)).replaceAll(""));
		if (type.find()) {
			String name = type.group(1).toUpperCase(Locale.ROOT);
			if (FETCHING.contains(name)) {
				sink.accept(name);
				return true;
			}
		}
		return false;
	}
}
