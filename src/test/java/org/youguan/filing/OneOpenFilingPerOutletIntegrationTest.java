package org.youguan.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.IdCardNumber;
import org.youguan.org.CurrentUser;
import org.youguan.registry.OutletData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * At most one undecided change or closure filing per outlet, and no second undecided new filing for the same name and
 * address: the second is a 409 (DUPLICATE) naming the open filing's number, also when several are posted at once.
 */
@IntegrationTest
@ExtendWith(FilingFixture.Monday28September.class)
class OneOpenFilingPerOutletIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	static final String ID_17 = "32050619870612003";

	static final String ID = ID_17 + IdCardNumber.checkCharacter(ID_17);

	@Autowired
	OutletFilings filings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FilingFixture fixture;

	CurrentUser shunfeng;

	@BeforeEach
	void signIn() {
		shunfeng = fixture.shunfeng();
	}

	static OutletData outlet(String name, String address) {
		return new OutletData(name, 0, null, "PARTNER", address, "320506001", new BigDecimal("120.61"),
				new BigDecimal("31.27"), "欧阳明", ID, "13955501234", new BigDecimal("48.50"), true, true, true, true,
				LocalDate.of(2026, 9, 21));
	}

	long filedOutlet(String name) {
		return fixture.filedOutlet(shunfeng, outlet(name, "吴中区唯一路1号"));
	}

	@Test
	void aSecondClosureOrChangeWhileOneIsOpenIsRefusedNamingTheOpenFiling() {
		String name = "顺丰驿站（唯一" + UUID.randomUUID().toString().substring(0, 6) + "）";
		long outletId = filedOutlet(name);
		long closure = filings.submitClosure(shunfeng, outletId, "停止经营");
		String number = filings.get(WUZHONG, closure).number();
		assertThatThrownBy(() -> filings.submitClosure(shunfeng, outletId, "停止经营"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE))
			.hasMessageContaining(number);
		assertThatThrownBy(() -> filings.submitChange(shunfeng, outletId, outlet(name + "·新", "吴中区新址路2号"),
				LocalDate.of(2026, 9, 27), "迁址", List.of()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE))
			.hasMessageContaining(number);
		filings.reject(WUZHONG, closure, "材料不实");
		// once decided, the outlet can be filed for again
		assertThat(filings.submitClosure(shunfeng, outletId, "停止经营")).isPositive();
	}

	@Test
	void concurrentClosuresForOneOutletFileOnceAndTheOthersAreRefusedNot500() throws Exception {
		long outletId = filedOutlet("顺丰驿站（并发" + UUID.randomUUID().toString().substring(0, 6) + "）");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Long>> posts = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				posts.add(pool.submit(() -> {
					start.await();
					return filings.submitClosure(shunfeng, outletId, "停止经营");
				}));
			}
			start.countDown();
			int filed = 0;
			int refused = 0;
			for (Future<Long> p : posts) {
				try {
					p.get();
					filed++;
				}
				catch (ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOfSatisfying(DomainException.class,
							d -> assertThat(d.code()).isEqualTo(ErrorCode.DUPLICATE));
					refused++;
				}
			}
			assertThat(filed).isEqualTo(1);
			assertThat(refused).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM outlet_filing WHERE outlet_id = :o AND kind = 'CLOSURE'")
			.param("o", outletId).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aSecondNewFilingForTheSameNameAndAddressIsRefusedWhileTheFirstIsOpen() {
		String name = "顺丰驿站（同址" + UUID.randomUUID().toString().substring(0, 6) + "）";
		long first = filings.submitNew(shunfeng, outlet(name, "吴中区同址路5号"), OutletFilingIntegrationTest.completeAttachments());
		String number = filings.get(WUZHONG, first).number();
		assertThatThrownBy(() -> filings.submitNew(shunfeng, outlet(name, "吴中区同址路5号"),
				OutletFilingIntegrationTest.completeAttachments()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE))
			.hasMessageContaining(number);
		// a name differing by punctuation or brackets only is the same outlet (Text.textKey, as the register compares)
		assertThatThrownBy(() -> filings.submitNew(shunfeng, outlet(name.replace("（", "·").replace("）", "") + "。",
				"吴中区同址路5号"), OutletFilingIntegrationTest.completeAttachments()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE))
			.hasMessageContaining(number);
		// another address under the same name is another outlet
		assertThat(filings.submitNew(shunfeng, outlet(name, "吴中区别处路6号"), OutletFilingIntegrationTest.completeAttachments()))
			.isPositive();
	}
}
