package org.youguan.region.internal;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.youguan.kernel.Text;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads CSV text with Jackson's CSV parser (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks),
 * each record with the physical line it starts on. Cells are trimmed; records that hold only blank cells are left out.
 */
public final class CsvAccess {

	private static final CsvFactory CSV = CsvFactory.builder()
		.enable(CsvReadFeature.WRAP_AS_ARRAY)
		.enable(CsvReadFeature.TRIM_SPACES)
		.build();

	private CsvAccess() {
	}

	/**
	 * One record of the file.
	 * @param line the physical line (from 1) the record starts on
	 * @param fields its cells, trimmed, never null
	 */
	public record Row(long line, List<String> fields) {
	}

	/**
	 * Every non-blank record of a CSV text, the header first.
	 * @throws tools.jackson.core.JacksonException when the text is not CSV (a quote left open)
	 */
	public static List<Row> read(Reader text) {
		List<Row> rows = new ArrayList<>();
		try (JsonParser p = CSV.createParser(ObjectReadContext.empty(), text)) {
			JsonToken t = p.nextToken();
			while (t != null && (t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
				if (t != JsonToken.START_ARRAY) {
					continue;
				}
				long line = 0;
				List<String> fields = new ArrayList<>(4);
				boolean blank = true;
				while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
					// the row's start is where its first cell is (the array's own token is placed before the line break)
					line = line == 0 ? p.currentTokenLocation().getLineNr() : line;
					String cell = p.getString() == null ? "" : Text.strip(p.getString());
					blank &= cell.isEmpty();
					fields.add(cell);
				}
				if (!blank) {
					rows.add(new Row(line, fields));
				}
			}
		}
		return rows;
	}
}
