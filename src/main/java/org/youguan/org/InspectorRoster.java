package org.youguan.org;

import java.util.List;

/**
 * What the organisation module needs to know of the inspector roster (检查人员名录库) without knowing the inspections
 * module: the certified inspectors an import template's example row may name ({@code OwnExamples}). Implemented by the
 * inspections module.
 */
public interface InspectorRoster {

	/**
	 * Inspectors of the bureau of a region who may inspect an enterprise there: active, with a certificate valid today,
	 * not to avoid the enterprise (回避), the region's own bureau's before those of bureaus below it, by certificate
	 * number.
	 * @param regionPrefix the bureau's region (2, 4 or 6 digits)
	 * @param creditCode the enterprise the example inspects (its 统一社会信用代码)
	 * @param limit at most this many
	 * @return the inspectors' names and 执法证号, perhaps fewer than {@code limit} or none
	 */
	List<Holder> exampleTeam(String regionPrefix, String creditCode, int limit);

	/**
	 * An inspector by name and the number of the certificate held (执法证号).
	 * @param name the inspector's name
	 * @param certificateNumber the 执法证号
	 */
	record Holder(String name, String certificateNumber) {
	}
}
