package org.youguan.org;

import java.util.Optional;

/**
 * What the organisation module needs to know of regulated enterprises without knowing the registry (organisations know
 * no regulated company): where a registered enterprise is and whether it still exists. Implemented by the registry
 * module.
 */
public interface EnterpriseDirectory {

	/**
	 * The region code (county, 6 digits, or finer) of the registered enterprise with this 统一社会信用代码.
	 * @param creditCode an 18-character credit code, already validated (GB 32100)
	 * @return the enterprise's region, or empty when no enterprise in the registry has this code
	 */
	Optional<String> regionOf(String creditCode);

	/**
	 * The registered name (名称) of the enterprise with this 统一社会信用代码: words its users may build a password from.
	 * @param creditCode an 18-character credit code
	 * @return the enterprise's name, or empty when no enterprise in the registry has this code
	 */
	Optional<String> nameOf(String creditCode);

	/**
	 * Whether the registered enterprise with this 统一社会信用代码 is cancelled (注销): nobody signs in, issues a token or
	 * reports for a company that no longer exists, so no account of it is opened or enabled again.
	 * @param creditCode an 18-character credit code, already validated (GB 32100)
	 * @return true only for an enterprise of the registry that is cancelled (false for none)
	 */
	boolean isCancelled(String creditCode);

	/**
	 * An enterprise of the registry in a region an import template's example row may name ({@code OwnExamples}): not
	 * cancelled, an express enterprise before any other, the first by credit code.
	 * @param regionPrefix a region's code (2, 4 or 6 digits): the enterprise's region inside it
	 * @return the enterprise's credit code and registered name, or empty when the region holds none
	 */
	Optional<Named> exampleWithin(String regionPrefix);

	/**
	 * An enterprise by its 统一社会信用代码 and registered name.
	 * @param creditCode 18 characters
	 * @param name the registered name (名称)
	 */
	record Named(String creditCode, String name) {
	}
}
