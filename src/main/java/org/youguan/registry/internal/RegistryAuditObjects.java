package org.youguan.registry.internal;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;
import org.youguan.audit.AuditObjects.Title;
import org.youguan.kernel.DataScope;
import org.youguan.registry.BranchView;
import org.youguan.registry.Branches;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityView;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;

/**
 * The registers' entries in the audit trail by their names (and filing number, credit code or licence number), linked
 * to their register pages — only those in the reader's scope; the others keep the plain "类型 #id". Each type is read
 * with one query per listed page ({@link AuditObjects#ofMany}).
 */
@Configuration(proxyBeanMethods = false)
class RegistryAuditObjects {

	@Bean
	AuditObjects outletTitles(Outlets outlets) {
		return AuditObjects.ofMany("TerminalOutlet", (scope, ids) -> titles(outlets.readable(scope, ids),
				(OutletView o) -> new Title(o.name() + (o.filingNumber() == null ? "" : "（" + o.filingNumber() + "）"),
						"/registry/outlets/" + o.id())));
	}

	@Bean
	AuditObjects enterpriseTitles(Enterprises enterprises) {
		return AuditObjects.ofMany("Enterprise", (scope, ids) -> titles(enterprises.readable(scope, ids),
				(EnterpriseView e) -> new Title(e.legalName() + "（" + e.creditCode() + "）", "/registry/enterprises/" + e.id())));
	}

	@Bean
	AuditObjects licenceTitles(Licences licences) {
		return AuditObjects.ofMany("ExpressLicence", (scope, ids) -> titles(licences.readable(scope, ids),
				(LicenceView l) -> new Title(l.number() + "（" + l.enterpriseName() + "）", "/registry/licences/" + l.id())));
	}

	@Bean
	AuditObjects branchTitles(Branches branches) {
		return AuditObjects.ofMany("Branch", (scope, ids) -> titles(branches.readable(scope, ids),
				(BranchView b) -> new Title(b.name(), "/registry/branches/" + b.id())));
	}

	@Bean
	AuditObjects facilityTitles(Facilities facilities) {
		return AuditObjects.ofMany("Facility", (scope, ids) -> titles(facilities.readable(scope, ids),
				(FacilityView f) -> new Title(f.name() + "（" + f.enterpriseName() + "）", "/registry/facilities/" + f.id())));
	}

	/** Brands form one national list every staff reader sees; a reader with no scope sees none of them. */
	@Bean
	AuditObjects brandTitles(Brands brands) {
		return AuditObjects.ofMany("Brand", (scope, ids) -> scope.kind() == DataScope.Kind.NONE ? Map.of()
				: brands.all()
					.stream()
					.filter(b -> ids.contains(b.id()))
					.collect(Collectors.toMap(Brands.BrandView::id,
							b -> new Title(b.name() + "（" + b.shortName() + "）", "/registry/brands/" + b.id()))));
	}

	private static <V> Map<Long, Title> titles(Map<Long, V> views, Function<V, Title> title) {
		return views.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> title.apply(e.getValue())));
	}
}
