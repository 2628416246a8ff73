package org.youguan.registry;

/**
 * Business scope of an express licence (快递业务经营许可).
 */
public enum LicenceScope {

	CITY("同城"), PROVINCE("省内"), INTER_PROVINCE("跨省"), INTERNATIONAL("国际");

	private final String label;

	LicenceScope(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * The region prefix a licence of this scope covers (邮政法(2015) art.53; 快递业务经营许可管理办法: a branch operates
	 * within its licence's area), from the licence's region — its holder's seat: the city (4 digits) for 同城, the
	 * province (2 digits) for 省内, all of China ("") for 跨省 and 国际.
	 */
	public String territory(String licenceRegion) {
		return switch (this) {
			case CITY -> licenceRegion.substring(0, Math.min(4, licenceRegion.length()));
			case PROVINCE -> licenceRegion.substring(0, Math.min(2, licenceRegion.length()));
			case INTER_PROVINCE, INTERNATIONAL -> "";
		};
	}

	/** Whether {@code place} lies within the area of a licence of this scope whose region is {@code licenceRegion}. */
	public boolean covers(String licenceRegion, String place) {
		return licenceRegion == null || place.startsWith(territory(licenceRegion));
	}
}
