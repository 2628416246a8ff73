package org.youguan.complaints.internal;

import org.youguan.kernel.Masking;
import org.youguan.kernel.Telephone;
import org.youguan.kernel.Text;
import org.youguan.platform.Secrets;

/**
 * A complaint filer's phone as stored (个人信息保护法 art.51): encrypted (AES-256-GCM under the data key, which is not in
 * the database), a keyed hash so the filer's phone still finds the complaint (staff search, the public status page,
 * duplicate detection) without decrypting anything, and the masked form lists show.
 */
public record FilerPhone(byte[] cipher, byte[] index, String masked) {

	/** The column the ciphertext belongs to (it decrypts only there). */
	public static final String CONTEXT = "complaint.filer_phone";

	/** The domain of the keyed hash: phones hash alike wherever they are searched. */
	static final String INDEX_DOMAIN = "phone";

	/** Protects a phone as checked and normalised by the intake. */
	public static FilerPhone of(Secrets secrets, String phone) {
		return new FilerPhone(secrets.encrypt(phone, CONTEXT), index(secrets, phone), Masking.phone(phone));
	}

	/** The keyed hash a search compares with: of the phone in its stored (normalised) form when it is one. */
	public static byte[] index(Secrets secrets, String phone) {
		// not a phone: hashed as typed, it matches nothing
		String value = Telephone.find(phone).map(Telephone::value).orElse(Text.strip(phone));
		return secrets.index(INDEX_DOMAIN, value);
	}

	public static String reveal(Secrets secrets, byte[] cipher) {
		return secrets.decrypt(cipher, CONTEXT);
	}
}
