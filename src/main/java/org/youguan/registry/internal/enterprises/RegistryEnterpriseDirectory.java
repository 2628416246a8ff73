package org.youguan.registry.internal.enterprises;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.youguan.org.EnterpriseDirectory;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

/**
 * The registry answers the organisation module where a registered enterprise is and whether it is cancelled (for
 * binding and enabling enterprise accounts).
 */
@Component
class RegistryEnterpriseDirectory implements EnterpriseDirectory {

	private final Enterprises enterprises;

	RegistryEnterpriseDirectory(Enterprises enterprises) {
		this.enterprises = enterprises;
	}

	@Override
	public Optional<String> regionOf(String creditCode) {
		return enterprises.findByCreditCode(creditCode).map(EnterpriseView::regionCode);
	}

	@Override
	public Optional<String> nameOf(String creditCode) {
		return enterprises.findByCreditCode(creditCode).map(EnterpriseView::legalName);
	}

	@Override
	public boolean isCancelled(String creditCode) {
		return enterprises.findByCreditCode(creditCode).filter(e -> e.status() == EnterpriseStatus.CANCELLED).isPresent();
	}
}
