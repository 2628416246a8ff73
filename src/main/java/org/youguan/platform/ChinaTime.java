package org.youguan.platform;

import java.time.ZoneId;

/**
 * The time zone every date in the product is read in: Asia/Shanghai.
 */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaTime() {
	}
}
