package org.youguan.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.youguan.platform.ChinaTime;

/**
 * One accepted parcel as the platform keeps it, after validation and pseudonymisation: the clear ID number never
 * reaches this type (快递暂行条例(2025) art.23; 个人信息保护法). Field for field this is the ingestion contract of
 * {@code POST /api/v1/safety/parcel-records} minus {@code senderIdNumber}, plus the enterprise from the caller's token.
 *
 * @param enterpriseId the registry enterprise that uploaded the record (from the API token, never from the body)
 * @param waybillNumber the waybill number, 1–40 letters, digits or '-'
 * @param acceptedAt when the parcel was accepted (收寄时间); its China-time date is the record's day
 * @param senderIdType the sender's document type, or null when {@code realNameMethod} checks no identity
 * @param senderIdPseudonym the keyed pseudonym (HMAC-SHA256, lower-case hex, 64 characters) of the normalised ID
 *        number, or null when none was given
 * @param senderRegion the sender's county code (6 digits, an existing region)
 * @param recipientRegion the recipient's county code (6 digits, an existing region)
 * @param itemCategory the item category as declared (1–40 characters); {@value #LETTER} marks a letter, exempt from
 *        real-name
 * @param weightGrams the true weight in grams (1 … 100,000,000)
 * @param realNameMethod how the sender's identity was checked
 * @param inspected whether the parcel was opened and inspected (验视, 快递暂行条例(2025) art.32)
 * @param screened whether it passed through a screening machine (过机安检, 快递暂行条例(2025) art.33)
 * @param screeningMachineSerial the serial of the registered screening machine, or null
 * @param outletFilingNumber the filing number of the enterprise's terminal outlet that accepted it, or null
 * @param courierId the enterprise's identifier of the accepting courier, or null
 */
public record ParcelRecord(long enterpriseId, String waybillNumber, Instant acceptedAt, SenderIdType senderIdType,
		String senderIdPseudonym, String senderRegion, String recipientRegion, String itemCategory, int weightGrams,
		RealNameMethod realNameMethod, boolean inspected, boolean screened, String screeningMachineSerial,
		String outletFilingNumber, String courierId) {

	/** China time: the day, hour and month of every rate. */
	public static final ZoneId CHINA = ChinaTime.ZONE;

	/** The item category of a letter (信件), exempt from real-name like an agreement customer's parcel. */
	public static final String LETTER = "信件";

	/**
	 * Whether the parcel is outside the real-name rate's denominator: letters and agreement customers' parcels
	 * (实名率 = real-name parcels / parcels subject to real-name; the national formula is not published, see README).
	 */
	public boolean exempt() {
		return realNameMethod == RealNameMethod.AGREEMENT_CUSTOMER || LETTER.equals(itemCategory);
	}

	/** Whether the parcel counts in the real-name rate's numerator: subject to real-name and its identity checked. */
	public boolean realName() {
		return !exempt() && realNameMethod.checksIdentity() && senderIdPseudonym != null;
	}

	/** The China-time day of acceptance: the record's date partition. */
	public LocalDate day() {
		return acceptedAt.atZone(CHINA).toLocalDate();
	}

	/** The province (2 digits) of the sender's county: the record's province partition. */
	public String province() {
		return senderRegion.substring(0, 2);
	}
}
