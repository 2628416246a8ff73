package org.youguan.region;

import org.youguan.kernel.InvalidValueException;

/**
 * The one check of a region a read asks for by code ({@code ?region=…}): what every figures page, list, export and
 * API read that takes a region refuses before its handler runs ({@code RegionParameterCheck}), and what the web shell
 * refuses alike where a read takes none (its region guard), so that a value is judged the same wherever it is sent.
 */
public interface QueriedRegions {

	/**
	 * Refuses a region code asked for that is malformed or names no region; blank and {@code 0} (the whole country)
	 * pass. The code is read as every region code is ({@link org.youguan.kernel.RegionPrefix#normalised}).
	 * @param asked the value as sent, or null
	 * @return the code in the project's form, {@code ""} for blank or the whole country
	 * @throws InvalidValueException 400 on {@code region}: rule {@code digits} or {@code length} (not a whole region's
	 *         code), {@code exists} (no region has it)
	 */
	String requireExisting(String asked);
}
