package org.youguan.safety;

import java.io.InputStream;
import java.util.Set;

/**
 * Uploads parcel records on an enterprise's behalf through the same ingest path as
 * {@code POST /api/v1/safety/parcel-records} (validation, pseudonymisation, idempotent batch, Parquet and rollups) —
 * for other modules that produce records (the demo city's generated month).
 */
public interface ParcelUploads {

	/**
	 * What an upload did.
	 *
	 * @param accepted lines accepted
	 * @param rejected lines rejected (kept with their reasons)
	 * @param replayed whether the batch had been taken in before and its first answer was returned
	 */
	record Result(long accepted, long rejected, boolean replayed) {
	}

	/**
	 * Takes in a batch of NDJSON lines (gzip allowed) as the enterprise's.
	 *
	 * @param enterpriseCreditCode the uploading enterprise's 统一社会信用代码 (a registered enterprise)
	 * @param batchId the batch id (1–64 letters, digits, '.', '_', '-'); a batch taken in before is not counted again
	 * @param ndjson the records, one JSON object per line, as the API contract describes them
	 * @return the counts
	 * @throws org.youguan.kernel.InvalidValueException for a bad batch id or an unregistered enterprise
	 */
	Result upload(String enterpriseCreditCode, String batchId, InputStream ndjson);

	/**
	 * The serials of the screening machines a record of the enterprise may name as {@code screeningMachineSerial}: its
	 * own in service, and those of its brand in service in the counties of its open outlets — the rule the screening
	 * coverage page applies.
	 *
	 * @param enterpriseCreditCode a registered enterprise's 统一社会信用代码
	 * @throws org.youguan.kernel.InvalidValueException for an unregistered enterprise
	 */
	Set<String> screeningMachines(String enterpriseCreditCode);

	/**
	 * The filing numbers of the enterprise's outlets a third-party screening contract (委托第三方安检) covers, on any day:
	 * a record naming such an outlet as {@code outletFilingNumber} may be screened without a machine serial on the days
	 * its contract is in force.
	 *
	 * @param enterpriseCreditCode a registered enterprise's 统一社会信用代码
	 * @throws org.youguan.kernel.InvalidValueException for an unregistered enterprise
	 */
	Set<String> screeningContractOutlets(String enterpriseCreditCode);
}
