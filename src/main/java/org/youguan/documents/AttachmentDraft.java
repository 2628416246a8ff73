package org.youguan.documents;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The form a provisional upload is held for: a form that fails validation keeps its files, held under the draft token
 * the form carries (a hidden field) for the user who uploaded them, until the form succeeds or the hold expires.
 *
 * @param module the module whose form it is (the files' {@link AttachmentOwner#module()} once attached)
 * @param ownerType the kind of record the form creates ({@link AttachmentOwner#type()})
 * @param token the form's random token (32 hex digits)
 * @param holder the user who uploaded the files (the principal's name); nobody else sees or takes them
 */
public record AttachmentDraft(String module, String ownerType, String token, String holder) {

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * The draft a posted form names: its token when it is well-formed, else (first post, or a tampered field) a new one.
	 */
	public static AttachmentDraft of(String module, String ownerType, String token, String holder) {
		return new AttachmentDraft(module, ownerType, token != null && TOKEN.matcher(token).matches() ? token : newToken(),
				holder);
	}

	/** A new random token for a form shown empty. */
	public static String newToken() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}
}
