package org.youguan.safety;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;
import org.youguan.safety.internal.alerts.AlertDetection;
import org.youguan.safety.internal.alerts.Couriers;

/**
 * What other modules (the demo) may ask of the anomaly rules: register an enterprise's couriers (the ID number is
 * pseudonymised on arrival, never kept) and run the detection over a range of days — the same services the courier API
 * and the daily job use.
 */
@Service
public class SafetyAnomalies {

	private final Couriers couriers;

	private final AlertDetection detection;

	private final SafetyRates rates;

	SafetyAnomalies(Couriers couriers, AlertDetection detection, SafetyRates rates) {
		this.couriers = couriers;
		this.detection = detection;
		this.rates = rates;
	}

	/**
	 * Adds a courier to an enterprise's roster, or replaces his ID pseudonym.
	 * @param enterpriseCreditCode the enterprise's 统一社会信用代码
	 * @param courierId the enterprise's courier id as on its parcel records
	 * @param idNumber the courier's ID number in clear (pseudonymised here, never stored)
	 * @throws InvalidValueException (enterprise) when no enterprise has the code; (courierId, idNumber) when invalid
	 */
	public void registerCourier(String enterpriseCreditCode, String courierId, String idNumber) {
		Long enterprise = rates.enterpriseId(enterpriseCreditCode);
		if (enterprise == null) {
			throw new InvalidValueException("enterprise", "unknown", "没有统一社会信用代码为" + enterpriseCreditCode + "的企业");
		}
		couriers.register(enterprise, List.of(new Couriers.Entry(courierId, idNumber)));
	}

	/**
	 * Runs the anomaly rules for every day from {@code from} to {@code to} (inclusive) over the whole country; days
	 * already examined raise nothing twice.
	 * @return the number of new alerts
	 */
	public int detect(LocalDate from, LocalDate to) {
		int raised = 0;
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			raised += detection.detect(d, RegionPrefix.of(""));
		}
		return raised;
	}
}
