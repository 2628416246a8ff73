package org.youguan.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.safety.ParcelUploads;

/**
 * A month of generated parcel records (实名收寄/验视/过机) for the demo city's express enterprises, through the real
 * ingest path ({@link ParcelUploads}): {@code youguan.demo.parcels-per-day} parcels a day (sampled, a fixed seed),
 * the last 30 days ending at the application clock's now, real-name rate around 99.9 %. And the anomalies the alert
 * rules look for, one of each:
 * <ul>
 * <li>(a) one sender ID number shipping through 3 different enterprises on one day (6 days ago);</li>
 * <li>(b) one sender ID number with 60 parcels on one day at sf.wz's enterprise (5 days ago);</li>
 * <li>(c) courier {@code C-WZ-007} of sf.wz accepting 3 parcels from {@value #COURIER_OWN_ID} (the courier's own
 * number) on two days (2 and 9 days ago);</li>
 * <li>(d) one outlet of sf.wz with a real-name rate of 80 % on one day (4 days ago, 60 subject parcels);</li>
 * <li>(e) one registered screening machine of the city with no parcels on the last two working days before yesterday,
 * while every other machine has parcels every day.</li>
 * </ul>
 */
@Component
class SafetyDemoData {

	private static final Logger log = LoggerFactory.getLogger(SafetyDemoData.class);

	/** The courier's own ID number (anomaly c; the alerts' courier roster registers it for C-WZ-007). */
	static final String COURIER_OWN_ID = "11010519491231002X";

	static final String COURIER = "C-WZ-007";

	static final int DAYS = 30;

	static final String[] RECIPIENTS = { "110105", "310115", "440305", "330106", "510107", "320506", "320508",
			"320583", "420106", "370102" };

	static final String[] CATEGORIES = { "日用品", "服装", "食品", "电子产品", "文件", "化妆品", "书籍" };

	private final ParcelUploads uploads;

	private final Enterprises enterprises;

	private final Outlets outlets;

	private final UserDirectory users;

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final int perDay;

	SafetyDemoData(ParcelUploads uploads, Enterprises enterprises, Outlets outlets,
			UserDirectory users, WorkingCalendar calendar, Clock clock,
			@Value("${youguan.demo.parcels-per-day:2000}") int perDay) {
		this.uploads = uploads;
		this.enterprises = enterprises;
		this.outlets = outlets;
		this.users = users;
		this.calendar = calendar;
		this.clock = clock;
		this.perDay = perDay;
	}

	/**
	 * One enterprise's generator state: its id and credit code, county, outlets' filing numbers, machine serials, and
	 * the filing numbers of its outlets a third-party screening contract covers (screened there, without a serial), and
	 * each outlet's county: a record naming an outlet is sent from the outlet's county, any other from the enterprise's
	 * (the ingest refuses a county where the enterprise has no seat, branch or outlet — rule {@code region-scope}).
	 */
	record Shipper(long enterpriseId, String creditCode, String county, List<String> outlets, List<String> machines,
			List<String> contracted, Map<String, String> outletCounties) {

		/** The county a record of this enterprise naming the outlet (or none: null) is sent from. */
		String countyOf(String outlet) {
			return outlet == null ? county : outletCounties.getOrDefault(outlet, county);
		}
	}

	/** Where a day's NDJSON of one enterprise goes (the ingest in the demo, a list in tests). */
	interface DayUpload {

		void upload(Shipper shipper, LocalDate day, String ndjson);
	}

	/** Runs after the registry and the enterprise account, outside any transaction (the ingest has its own). */
	void seed() {
		Random random = new Random(17);
		String sfCredit = users.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		List<Shipper> shippers = new ArrayList<>();
		for (EnterpriseView e : enterprises.list(DataScope.region(DemoCity.CITY),
				new Enterprises.Filter(EnterpriseType.EXPRESS, null, null), new PageQuery("", 0, 200, null, false))
			.items()) {
			DataScope own = DataScope.enterprise(e.creditCode());
			List<OutletView> open = outlets.list(own, Outlets.Filter.NONE,
					new PageQuery("", 0, 200, null, false))
				.items()
				.stream()
				// a closed outlet takes no parcels (its records would be refused from its closing day on)
				.filter(o -> o.enterpriseId() == e.id() && o.filingNumber() != null && o.status() != OutletStatus.CLOSED)
				.sorted(Comparator.comparing(OutletView::filingNumber))
				.toList();
			List<String> filings = open.stream().map(OutletView::filingNumber).toList();
			Map<String, String> outletCounties = new HashMap<>();
			open.stream().filter(o -> o.regionCode() != null && o.regionCode().length() >= 6)
				.forEach(o -> outletCounties.put(o.filingNumber(), o.regionCode().substring(0, 6)));
			// the machines its records may name: its own and its brand's in its outlets' counties (the coverage rule)
			List<String> serials = uploads.screeningMachines(e.creditCode()).stream().sorted().toList();
			// and its outlets a 委托第三方安检 contract covers (the ledgers' demo covers every outlet no machine does)
			List<String> contracted = uploads.screeningContractOutlets(e.creditCode()).stream()
				.filter(filings::contains)
				.sorted()
				.toList();
			if (serials.isEmpty() && contracted.isEmpty()) {
				// nobody could screen its parcels (快递暂行条例(2025) art.33): it takes none in the demo, rather than a
				// month at a 过机率 of 0 %
				continue;
			}
			// its seat's county when that is one of the demo city's, else its first outlet's: a county it may ship from
			String county = e.regionCode() != null && e.regionCode().length() >= 6
					&& DemoCity.COUNTY_BUREAUS.containsKey(e.regionCode().substring(0, 6)) ? e.regionCode().substring(0, 6)
							: filings.isEmpty() || !outletCounties.containsKey(filings.get(0)) ? "320508"
									: outletCounties.get(filings.get(0));
			shippers.add(new Shipper(e.id(), e.creditCode(), county, filings, serials, contracted, Map.copyOf(outletCounties)));
		}
		Instant now = clock.instant();
		Shipper sf = shippers.stream().filter(s -> s.creditCode().equals(sfCredit)).findFirst().orElseThrow();
		String silentMachine = shippers.stream().flatMap(s -> s.machines().stream()).sorted().findFirst().orElse(null);
		LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
		List<LocalDate> silentDays = new ArrayList<>();
		for (LocalDate d = today.minusDays(2); silentDays.size() < 2 && d.isAfter(today.minusDays(DAYS - 1)); d = d.minusDays(1)) {
			if (calendar.isWorkingDay(d)) {
				silentDays.add(d);
			}
		}
		long[] counts = new long[2];
		generate(perDay, shippers, sf, silentMachine, silentDays, today, now, random, (s, day, ndjson) -> {
			ParcelUploads.Result result = uploads.upload(s.creditCode(), "demo-" + day,
					new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)));
			counts[0] += result.accepted();
			counts[1] += result.rejected();
		});
		long accepted = counts[0];
		long rejected = counts[1];
		log.info("Demo parcel records: {} accepted, {} rejected, {} enterprises, silent machine {} on {}", accepted,
				rejected, shippers.size(), silentMachine, silentDays);
	}

	/**
	 * The month's NDJSON, one text per enterprise and day, with the planted anomalies (see the class comment) and
	 * ordinary senders that never ship twice on one day, so each alert rule fires for its planted case only.
	 */
	static void generate(int perDay, List<Shipper> shippers, Shipper sf, String silentMachine, List<LocalDate> silentDays,
			LocalDate today, Instant now, Random random, DayUpload upload) {
		int machineCount = shippers.stream().mapToInt(s -> s.machines().size()).sum();
		// the ordinary senders: a pool larger than a day's parcels, drawn in turn from a point that moves every day, so
		// no ordinary sender ships twice on one day — (a) and (b) find only the planted senders — yet senders recur
		String[] ids = senderPool(Math.max(5_000, 2 + 2 * (perDay + 2 * machineCount + 200)), random);
		String sharedId = ids[0];
		String heavyId = ids[1];
		int ordinary = ids.length - 2;
		for (int back = DAYS - 1; back >= 0; back--) {
			LocalDate day = today.minusDays(back);
			Map<Shipper, StringBuilder> lines = new HashMap<>();
			for (Shipper s : shippers) {
				lines.put(s, new StringBuilder());
			}
			int[] seq = { 0 };
			int[] drawn = { random.nextInt(ordinary) };
			Supplier<String> sender = () -> ids[2 + (drawn[0]++ % ordinary)];
			// every machine gets parcels every day, but the silent one on its two silent days
			for (Shipper s : shippers) {
				for (String machine : s.machines()) {
					if (machine.equals(silentMachine) && silentDays.contains(day)) {
						continue;
					}
					for (int k = 0; k < 2; k++) {
						record(lines.get(s), s, day, now, random, sender.get(), "现场查验", true, machine, null, null, seq);
					}
				}
			}
			for (int i = 0; i < perDay; i++) {
				Shipper s = shippers.get(random.nextInt(shippers.size()));
				double m = random.nextDouble();
				String method = m < 0.001 ? "未实名" : m < 0.036 ? "协议客户" : m < 0.09 ? "线上核验" : "现场查验";
				List<String> machines = new ArrayList<>(s.machines());
				if (silentDays.contains(day)) {
					machines.remove(silentMachine);
				}
				// about 1 % of parcels go unscreened (a screened parcel names its machine)
				String machine = machines.isEmpty() || random.nextInt(100) == 0 ? null : machines.get(random.nextInt(machines.size()));
				String outlet = s.outlets().isEmpty() || random.nextBoolean() ? null : s.outlets().get(random.nextInt(s.outlets().size()));
				boolean screened = machine != null;
				if (s.machines().isEmpty()) {
					// screened by its outlet's third-party screening contractor: the record names the outlet, no machine
					// (about 1 % unscreened, as on the machines)
					outlet = s.contracted().get(random.nextInt(s.contracted().size()));
					screened = random.nextInt(100) != 0;
				}
				record(lines.get(s), s, day, now, random, sender.get(), method, screened, machine, outlet, null, seq);
			}
			if (back == 6) {
				// (a) one sender through three enterprises on one day
				shippers.stream().filter(s -> s != sf).limit(2).forEach(s -> record(lines.get(s), s, day, now, random,
						sharedId, "现场查验", screening(s, silentMachine, silentDays, day), null, null, seq));
				record(lines.get(sf), sf, day, now, random, sharedId, "现场查验", screening(sf, silentMachine, silentDays, day),
						null, null, seq);
			}
			if (back == 5) {
				// (b) 60 parcels of one sender on one day at one enterprise
				for (int i = 0; i < 60; i++) {
					record(lines.get(sf), sf, day, now, random, heavyId, "现场查验", screening(sf, silentMachine, silentDays, day),
							null, null, seq);
				}
			}
			if (back == 2 || back == 9) {
				// (c) the courier's own ID number on parcels the courier accepted
				for (int i = 0; i < 3; i++) {
					record(lines.get(sf), sf, day, now, random, COURIER_OWN_ID, "现场查验",
							screening(sf, silentMachine, silentDays, day), null, COURIER, seq);
				}
			}
			if (back == 4 && !sf.outlets().isEmpty()) {
				// (d) one outlet at 80 %: 48 of 60 subject parcels real-name
				String outlet = sf.outlets().get(0);
				for (int i = 0; i < 60; i++) {
					record(lines.get(sf), sf, day, now, random, sender.get(), i < 12 ? "未实名" : "现场查验",
							screening(sf, silentMachine, silentDays, day), outlet, null, seq);
				}
			}
			for (Shipper s : shippers) {
				StringBuilder b = lines.get(s);
				if (!b.isEmpty()) {
					upload.upload(s, day, b.toString());
				}
			}
		}
	}

	/**
	 * The machine the planted parcels of a shipper are screened on (they are about real-name, not screening): its
	 * first machine that is not silent that day, or null when it has none.
	 */
	private static String screening(Shipper s, String silentMachine, List<LocalDate> silentDays, LocalDate day) {
		for (String m : s.machines()) {
			if (!(m.equals(silentMachine) && silentDays.contains(day))) {
				return m;
			}
		}
		return null;
	}

	/** {@code size} distinct valid resident ID numbers of the demo city's counties (check characters per GB 11643). */
	static String[] senderPool(int size, Random random) {
		String[] counties = DemoCity.COUNTY_BUREAUS.keySet().toArray(String[]::new);
		Set<String> seen = new HashSet<>();
		String[] ids = new String[size];
		for (int i = 0; i < size;) {
			String first = counties[i % counties.length] + (1955 + random.nextInt(50))
					+ "%02d%02d%03d".formatted(1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
			String id = first + IdCardNumber.checkCharacter(first);
			if (seen.add(id)) {
				ids[i++] = id;
			}
		}
		return ids;
	}

	/** One NDJSON line, screened when it names a machine. */
	private static void record(StringBuilder b, Shipper s, LocalDate day, Instant now, Random random, String id,
			String method, String machine, String outlet, String courier, int[] seq) {
		record(b, s, day, now, random, id, method, machine != null, machine, outlet, courier, seq);
	}

	/**
	 * One NDJSON line; today's parcels are accepted before now, the others between 08:00 and 20:00. A screened parcel
	 * without a machine was screened by its outlet's contractor.
	 */
	private static void record(StringBuilder b, Shipper s, LocalDate day, Instant now, Random random, String id,
			String method, boolean screened, String machine, String outlet, String courier, int[] seq) {
		ZonedDateTime start = day.atTime(8, 0).atZone(ChinaTime.ZONE);
		Instant at = start.toInstant().plusSeconds(random.nextInt(12 * 3600));
		if (!at.isBefore(now)) {
			at = now.minusSeconds(60 + random.nextInt(600));
		}
		boolean checks = method.equals("现场查验") || method.equals("线上核验");
		boolean letter = random.nextInt(40) == 0 && courier == null;
		b.append("{\"waybillNumber\":\"DM").append(s.enterpriseId()).append('-').append(day.toString().replace("-", ""))
			.append('-').append(++seq[0]).append("\",\"acceptedAt\":\"").append(at).append('"');
		if (checks) {
			b.append(",\"senderIdType\":\"居民身份证\",\"senderIdNumber\":\"").append(id).append('"');
		}
		b.append(",\"senderRegion\":\"").append(s.countyOf(outlet))
			.append("\",\"recipientRegion\":\"").append(RECIPIENTS[random.nextInt(RECIPIENTS.length)])
			.append("\",\"itemCategory\":\"").append(letter ? "信件" : CATEGORIES[random.nextInt(CATEGORIES.length)])
			.append("\",\"weightGrams\":").append(letter ? 20 + random.nextInt(200) : 100 + random.nextInt(8000))
			.append(",\"realNameMethod\":\"").append(method)
			.append("\",\"inspected\":").append(random.nextInt(1000) != 0)
			.append(",\"screened\":").append(screened);
		if (machine == null) {
			// the draw that once decided "screened" without a machine: the rest of the month stays as generated
			random.nextInt(50);
		}
		if (machine != null) {
			b.append(",\"screeningMachineSerial\":\"").append(machine).append('"');
		}
		if (outlet != null) {
			b.append(",\"outletFilingNumber\":\"").append(outlet).append('"');
		}
		b.append(",\"courierId\":\"").append(courier != null ? courier : "C-" + s.county() + "-" + (1 + random.nextInt(40)))
			.append("\"}\n");
	}
}
