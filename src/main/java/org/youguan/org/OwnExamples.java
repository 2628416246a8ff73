package org.youguan.org;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.DataScope;
import org.youguan.region.RegionLevel;
import org.youguan.region.Regions;

/**
 * The user's own place for an import template's example row ({@link TemplateExamples.Own}): every template a user
 * downloads names it, as the history template names the user's region — a county's staff read their county, a street
 * of it and their bureau's 机关代字 (苏相邮管责改〔2025〕3号), an enterprise of their area and two inspectors of their
 * roster, never 吴中's, so a row copied from the example and edited is not refused as outside their area.
 */
@Service
public class OwnExamples {

	private final Bureaus bureaus;

	private final Regions regions;

	private final EnterpriseDirectory enterprises;

	private final InspectorRoster roster;

	OwnExamples(Bureaus bureaus, Regions regions, EnterpriseDirectory enterprises, InspectorRoster roster) {
		this.bureaus = bureaus;
		this.regions = regions;
		this.enterprises = enterprises;
		this.roster = roster;
	}

	/**
	 * The place of a user's example: for a bureau's scope (a province's, city's or county's region) the county of the
	 * examples ({@link TemplateExamples#COUNTY}) where the area holds it, else the area's own county (the first by code,
	 * or the area itself where the directory holds none), its first street, its full name, and the 机关代字 of the
	 * bureau of the user's area ({@link Bureaus#documentAgency}), and — for an area without the examples' county — an
	 * enterprise of the area ({@link EnterpriseDirectory#exampleWithin}) and two inspectors of its roster who may
	 * inspect it ({@link InspectorRoster#exampleTeam}), each kept 吴中's where the area holds none (the user must then
	 * name their own); the installation-wide example
	 * ({@link TemplateExamples.Own#FIXED}) for a national or an enterprise's scope.
	 */
	public TemplateExamples.Own of(DataScope scope) {
		String area = scope.kind() == DataScope.Kind.REGION ? scope.regionPrefix() : null;
		if (area == null || !area.matches("\\d{2}|\\d{4}|\\d{6}")) {
			return TemplateExamples.Own.FIXED;
		}
		String agency = bureaus.documentAgency(area).code();
		if (TemplateExamples.COUNTY.startsWith(area)) {
			return new TemplateExamples.Own(TemplateExamples.COUNTY, TemplateExamples.COUNTY_NAME,
					TemplateExamples.COUNTY_SHORT_NAME, TemplateExamples.STREET, agency, TemplateExamples.Parties.FIXED);
		}
		String county = area.length() == 6 ? area : regions.firstWithin(area, RegionLevel.COUNTY).orElse(area);
		String street = regions.firstWithin(county, RegionLevel.STREET).orElse(county);
		return new TemplateExamples.Own(county, regions.fullName(county), regions.name(county), street, agency,
				parties(area));
	}

	/** An enterprise of the area and two inspectors who may inspect it, each 吴中's where the area holds none. */
	private TemplateExamples.Parties parties(String area) {
		TemplateExamples.Parties parties = TemplateExamples.Parties.FIXED;
		Optional<EnterpriseDirectory.Named> enterprise = enterprises.exampleWithin(area);
		if (enterprise.isPresent()) {
			parties = parties.withEnterprise(enterprise.get().creditCode(), enterprise.get().name());
		}
		List<InspectorRoster.Holder> team = roster.exampleTeam(area, parties.creditCode(), 2);
		if (team.size() == 2) {
			parties = parties.withTeam(team.get(0).name(), team.get(0).certificateNumber(), team.get(1).name(),
					team.get(1).certificateNumber());
		}
		return parties;
	}
}
