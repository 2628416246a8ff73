package org.youguan.licensing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.youguan.licensing.LicenceApplications;
import org.youguan.licensing.LicenceApplications.LicenceNumbersNormalised;

/**
 * At start (between the start-up lock's take and release, so nodes take turns): the licence numbers of past
 * applications imported before the registry's format was checked on import — marked once by V286 — are written in that
 * format where the form is certain ({@link LicenceApplications#normaliseImportedLicenceNumbers}: the licence as on
 * record by its key, else the number in capitals, full-width folded, without spaces), and their mark cleared, so a
 * later start reads nothing. Logged: how many numbers and rows were rewritten, and how many applications keep a number
 * outside the format, by their 申请编号 (never the licence number) — a bureau's administrator corrects those by hand;
 * they stay marked and are logged again at each start until then.
 */
@Component
@Order(31)
class ImportedLicenceNumberFormat implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportedLicenceNumberFormat.class);

	private final LicenceApplications applications;

	ImportedLicenceNumberFormat(LicenceApplications applications) {
		this.applications = applications;
	}

	@Override
	public void run(ApplicationArguments args) {
		LicenceNumbersNormalised done = applications.normaliseImportedLicenceNumbers();
		if (done.rewritten() > 0) {
			log.info("Imported licence numbers written in the registry's format: {} numbers, {} application rows",
					done.rewritten(), done.applications());
		}
		if (!done.unfixable().isEmpty()) {
			log.warn("{} imported applications keep a licence number outside the registry's format, no certain form of it"
					+ " being free: correct them by hand (applications {})", done.unfixable().size(), done.unfixable());
		}
	}
}
