package org.youguan.region.internal;

import java.util.ArrayList;
import java.util.List;
import org.youguan.kernel.Text;

/**
 * Splits one CSV line (RFC 4180 quoting, no embedded line breaks: region names have none).
 */
public final class CsvAccess {

	private CsvAccess() {
	}

	public static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(Text.strip(field.toString()));
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(Text.strip(field.toString()));
		return fields;
	}
}
