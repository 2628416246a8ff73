package org.youguan.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.youguan.org.UserDirectory;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.SafetyAnomalies;

/**
 * The demo's anomaly alerts, through the safety module's services: the courier roster of 顺丰吴中 ({@code sf.wz}) with
 * courier {@code C-WZ-007} — whose ID number is the sender's number on three of the demo's parcel records over two days,
 * so rule (c) finds him — and the detection run over the demo month (the last {@link #DAYS} days up to yesterday),
 * which must come after the demo's parcel records (DemoCity runs this step after them).
 */
@Component
class SafetyAlertsDemoData {

	private static final Logger log = LoggerFactory.getLogger(SafetyAlertsDemoData.class);

	/** The demo month: days of parcel records examined. */
	static final int DAYS = 31;

	/** The courier of rule (c) in the demo and his (fictional) ID number, pseudonymised on registration. */
	static final String COURIER = "C-WZ-007";

	static final String COURIER_ID_NUMBER = "11010519491231002X";

	private final SafetyAnomalies anomalies;

	private final UserDirectory directory;

	private final Clock clock;

	SafetyAlertsDemoData(SafetyAnomalies anomalies, UserDirectory directory, Clock clock) {
		this.anomalies = anomalies;
		this.directory = directory;
		this.clock = clock;
	}

	/** Registers the demo courier roster (before the detection reads it). */
	void seedRoster() {
		String creditCode = directory.principal("sf.wz").orElseThrow().enterpriseCreditCode();
		anomalies.registerCourier(creditCode, COURIER, COURIER_ID_NUMBER);
	}

	/** Runs the detection over the demo month, after the parcel records exist. */
	void detect() {
		LocalDate yesterday = LocalDate.now(clock.withZone(ParcelRecord.CHINA)).minusDays(1);
		int raised = anomalies.detect(yesterday.minusDays(DAYS - 1), yesterday);
		log.info("Demo safety alerts: {} raised over the last {} days", raised, DAYS);
	}
}
