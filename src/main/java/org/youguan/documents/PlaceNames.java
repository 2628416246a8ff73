package org.youguan.documents;

/**
 * Names the area an export covers, for its file name and title ({@link ExportNames}); the region directory answers it
 * ({@code org.youguan.region.Regions}), which the documents module does not read itself.
 */
public interface PlaceNames {

	/**
	 * The area in full as Chinese writes it ("江苏省苏州市吴中区"), "全国" for the whole country.
	 * @param code a region's code, or blank/null/{@code 0} for the country
	 */
	String areaName(String code);
}
