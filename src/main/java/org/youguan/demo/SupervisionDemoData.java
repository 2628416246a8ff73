package org.youguan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;
import org.youguan.universal.SupervisionData;
import org.youguan.universal.SupervisionKind;
import org.youguan.universal.SupervisionRecords;

/**
 * The demo city's 普遍服务监督 records of this year, through the universal module's own service: 8 机要通信 checks of
 * 21 inspector-visits without an incident, a 党报当日见报 check in each of the 9 counties of which one (太仓市) found the
 * paper a day late — so the rate is 8 of 9, 88.9 % — 4 政务服务大厅 postal windows, 6 农村网点 visits (2 put under
 * 督办) and 5 社会监督员 with a few reports. Dates lie between the 1st of January and today.
 */
@Component
class SupervisionDemoData {

	private static final List<String> COUNTIES = List.of("320505", "320506", "320507", "320508", "320509", "320581",
			"320582", "320583", "320585");

	private final SupervisionRecords records;

	private final Clock clock;

	SupervisionDemoData(SupervisionRecords records, Clock clock) {
		this.records = records;
		this.clock = clock;
	}

	void seed() {
		LocalDate today = LocalDate.now(clock);
		DataScope all = DataScope.all();
		// 社会监督员 first: the first record of the table is one (the API's report path has an object to answer for)
		String[][] supervisors = { { "320506", "周建华" }, { "320507", "吴丽萍" }, { "320581", "郑国强" },
				{ "320583", "孙晓燕" }, { "320585", "钱志明" } };
		for (int i = 0; i < supervisors.length; i++) {
			String[] s = supervisors[i];
			long id = records.record(all, null, SupervisionKind.SUPERVISOR, new SupervisionData(s[0],
					today.withDayOfYear(1).minusYears(1).toString(), today.withDayOfYear(1).plusYears(2).minusDays(1).toString(),
					s[1], null, null, null, "由县（市、区）邮政管理局聘任", List.of()), false, true);
			if (i < 3) {
				records.addReport(all, id, day(today, 50 + 60 * i), i == 1 ? "反映村邮站周末不开放，邮件无法及时领取"
						: "反映部分党报送达时间偏晚", true);
			}
		}
		String[][] confidential = { { "320505", "苏州市机要通信局虎丘分局", "王普服、陈吴中、褚相城" },
				{ "320506", "吴中区机要通信分局", "王普服、陈吴中、冯安全" }, { "320507", "相城区机要通信分局", "王普服、褚相城" },
				{ "320508", "姑苏区机要通信分局", "王普服、冯安全、陈吴中" }, { "320509", "吴江区机要通信分局", "卫昆山、王普服" },
				{ "320581", "常熟市机要通信局", "王普服、卫昆山、冯安全" }, { "320583", "昆山市机要通信局", "卫昆山、王普服" },
				{ "320585", "太仓市机要通信局", "王普服、冯安全、褚相城" } };
		for (int i = 0; i < confidential.length; i++) {
			String[] c = confidential[i];
			records.record(all, null, SupervisionKind.CONFIDENTIAL, new SupervisionData(c[0], day(today, 20 + 35 * i),
					null, c[1], null, null, false, i % 3 == 0 ? "机要文件交接登记完整，保密柜加锁" : null, List.of(c[2].split("、"))),
					false, true);
		}
		for (int i = 0; i < COUNTIES.size(); i++) {
			boolean late = COUNTIES.get(i).equals("320585");
			records.record(all, null, SupervisionKind.PARTY_PAPER, new SupervisionData(COUNTIES.get(i),
					day(today, 40 + 25 * i), null, i % 2 == 0 ? "苏州日报" : "新华日报", null, null, !late,
					late ? "县城城区部分投递段次日见报，已责令邮政企业调整投递频次" : null, List.of()), false, true);
		}
		String[][] halls = { { "320506", "吴中区政务服务中心", "吴中区东吴北路98号", "寄递、证照邮寄、邮票销售" },
				{ "320507", "相城区政务服务中心", "相城区阳澄湖东路8号", "证照邮寄、报刊订阅" },
				{ "320583", "昆山市政务服务中心", "昆山市前进西路1801号", "寄递、证照邮寄" },
				{ "320581", "常熟市政务服务中心", "常熟市金沙江路8号", "证照邮寄、邮政储蓄" } };
		for (int i = 0; i < halls.length; i++) {
			String[] h = halls[i];
			records.record(all, null, SupervisionKind.HALL_WINDOW, new SupervisionData(h[0], day(today, 60 + 50 * i), null,
					h[1], h[2], h[3], null, i == 2 ? "窗口服务指南未更新资费标准，已当场提醒" : "窗口正常开放", List.of()), false, true);
		}
		String[][] outlets = { { "320506", "临湖镇石舍村邮政代办点", "false" }, { "320507", "望亭镇迎湖村村邮站", "true" },
				{ "320509", "震泽镇齐心村邮乐购站", "false" }, { "320581", "尚湖镇翁家庄村邮政代办点", "false" },
				{ "320582", "凤凰镇双塘村村邮站", "true" }, { "320585", "沙溪镇泥桥村邮乐购站", "false" } };
		for (int i = 0; i < outlets.length; i++) {
			String[] o = outlets[i];
			boolean escalated = Boolean.parseBoolean(o[2]);
			records.record(all, null, SupervisionKind.OUTLET_VISIT, new SupervisionData(o[0], day(today, 30 + 45 * i),
					null, o[1], null, null, escalated,
					escalated ? "营业时间未按公示执行，邮件滞留，已督办县分公司限期整改" : null, List.of()), false, true);
		}
	}

	/** The day {@code offset} days after this year's 1st of January, but never after today. */
	private static String day(LocalDate today, int offset) {
		LocalDate d = today.withDayOfYear(1).plusDays(offset);
		return (d.isAfter(today) ? today : d).toString();
	}
}
