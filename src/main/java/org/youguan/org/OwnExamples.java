package org.youguan.org;

import org.springframework.stereotype.Service;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.DataScope;
import org.youguan.region.RegionLevel;
import org.youguan.region.Regions;

/**
 * The user's own place for an import template's example row ({@link TemplateExamples.Own}): every template a user
 * downloads names it, as the history template names the user's region — a county's staff read their county, a street
 * of it and their bureau's 机关代字 (苏相邮管责改〔2025〕3号), never 吴中's, so a row copied from the example and edited is
 * not refused as outside their area.
 */
@Service
public class OwnExamples {

	private final Bureaus bureaus;

	private final Regions regions;

	OwnExamples(Bureaus bureaus, Regions regions) {
		this.bureaus = bureaus;
		this.regions = regions;
	}

	/**
	 * The place of a user's example: for a bureau's scope (a province's, city's or county's region) the county of the
	 * examples ({@link TemplateExamples#COUNTY}) where the area holds it, else the area's own county (the first by code,
	 * or the area itself where the directory holds none), its first street, its full name, and the 机关代字 of the
	 * bureau of the user's area ({@link Bureaus#documentAgency}); the installation-wide example
	 * ({@link TemplateExamples.Own#FIXED}) for a national or an enterprise's scope.
	 */
	public TemplateExamples.Own of(DataScope scope) {
		String area = scope.kind() == DataScope.Kind.REGION ? scope.regionPrefix() : null;
		if (area == null || !area.matches("\\d{2}|\\d{4}|\\d{6}")) {
			return TemplateExamples.Own.FIXED;
		}
		String agency = bureaus.documentAgency(area).code();
		if (TemplateExamples.COUNTY.startsWith(area)) {
			return new TemplateExamples.Own(TemplateExamples.COUNTY, TemplateExamples.COUNTY_NAME, TemplateExamples.STREET,
					agency);
		}
		String county = area.length() == 6 ? area : regions.firstWithin(area, RegionLevel.COUNTY).orElse(area);
		String street = regions.firstWithin(county, RegionLevel.STREET).orElse(county);
		return new TemplateExamples.Own(county, regions.fullName(county), street, agency);
	}
}
