package org.youguan.safety.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * The one reading of the charset an enterprise's upload declares (the {@code charset} parameter of its Content-Type),
 * for every body this module reads as UTF-8 — the parcel records (NDJSON, CSV) and the courier roster (JSON, NDJSON):
 * only UTF-8 is taken (US-ASCII, a part of it, too). A body declared GBK, GB18030, UTF-16 … was read as UTF-8 all the
 * same — every line rejected, or a roster saved with its text garbled —, so it is refused before it is read. No
 * charset: UTF-8, as the contracts say.
 */
public final class DeclaredCharset {

	private DeclaredCharset() {
	}

	/**
	 * Refuses a body declared in another charset than UTF-8: 400, field {@code Content-Type}, rule {@code encoding},
	 * naming the declared charset.
	 * @param contentType the request's Content-Type, as sent (null: none)
	 * @param notKept what the refusal leaves undone, for the message ("该批次未记录", "名册未保存")
	 * @throws InvalidValueException naming the declared charset
	 */
	public static void requireUtf8(String contentType, String notKept) {
		if (contentType == null) {
			return;
		}
		for (String parameter : contentType.split(";")) {
			int eq = parameter.indexOf('=');
			if (eq < 0 || !Text.strip(parameter.substring(0, eq)).equalsIgnoreCase("charset")) {
				continue;
			}
			String name = Text.strip(parameter.substring(eq + 1)).replace("\"", "");
			if (!utf8(name)) {
				throw new InvalidValueException(HttpHeaders.CONTENT_TYPE, "encoding", "请求头Content-Type声明的字符集为"
						+ Text.excerpt(Text.printable(name), 40) + "，只接受UTF-8：" + notKept + "，请以UTF-8编码上报"
						+ "（如Excel的“CSV UTF-8（逗号分隔）”），并声明charset=UTF-8或不声明字符集");
			}
		}
	}

	/** Whether a charset name is UTF-8 (by any of its aliases) or US-ASCII, which UTF-8 reads as it is. */
	private static boolean utf8(String name) {
		try {
			Charset charset = Charset.forName(name);
			return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
		}
		catch (IllegalArgumentException ex) {
			// an unknown or malformed name: no charset the upload can be read in
			return false;
		}
	}
}
