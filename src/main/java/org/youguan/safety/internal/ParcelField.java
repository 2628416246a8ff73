package org.youguan.safety.internal;

/**
 * The fields of one line of {@code POST /api/v1/safety/parcel-records}, NDJSON property or CSV column, by their
 * contract names (README "Safety — parcel records"). No other name is taken: an unknown NDJSON key rejects its line
 * (rule {@code unknown-field}), an unknown CSV column the whole file ({@code csv-unknown-column}).
 */
enum ParcelField {

	WAYBILL_NUMBER("waybillNumber"), ACCEPTED_AT("acceptedAt"), SENDER_ID_TYPE("senderIdType"),
	SENDER_ID_NUMBER("senderIdNumber"), SENDER_ID_PSEUDONYM("senderIdPseudonym"), SENDER_REGION("senderRegion"),
	RECIPIENT_REGION("recipientRegion"), ITEM_CATEGORY("itemCategory"), WEIGHT_GRAMS("weightGrams"),
	REAL_NAME_METHOD("realNameMethod"), INSPECTED("inspected"), SCREENED("screened"),
	SCREENING_MACHINE_SERIAL("screeningMachineSerial"), OUTLET_FILING_NUMBER("outletFilingNumber"),
	COURIER_ID("courierId");

	static final ParcelField[] ALL = values();

	static final int COUNT = ALL.length;

	private final String json;

	ParcelField(String json) {
		this.json = json;
	}

	/** The contract name (NDJSON property, CSV header). */
	String json() {
		return json;
	}

	/** The field of a contract name, or -1 (a switch on the string: no map look-up on the hot path). */
	static int index(String name) {
		return switch (name) {
			case "waybillNumber" -> 0;
			case "acceptedAt" -> 1;
			case "senderIdType" -> 2;
			case "senderIdNumber" -> 3;
			case "senderIdPseudonym" -> 4;
			case "senderRegion" -> 5;
			case "recipientRegion" -> 6;
			case "itemCategory" -> 7;
			case "weightGrams" -> 8;
			case "realNameMethod" -> 9;
			case "inspected" -> 10;
			case "screened" -> 11;
			case "screeningMachineSerial" -> 12;
			case "outletFilingNumber" -> 13;
			case "courierId" -> 14;
			default -> -1;
		};
	}
}
